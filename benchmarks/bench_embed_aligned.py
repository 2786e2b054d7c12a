"""Embedding speed on one core: each text alone (the package's own call, one text at a time) against the aligned
batches of ``consultnlp.embedders.aligned``, and whether the two give the same bytes.

    python benchmarks/bench_embed_aligned.py            # 2,000 Chile 2016 texts
    python benchmarks/bench_embed_aligned.py --n 5000

Prints texts per second for each way, the speed-up, the kernel layout found, and the share of texts whose
vectors are byte-identical between the two ways (they differ in the last bits, as any two products of other
shapes do; within each way a text's vector never depends on its neighbours: tests/embedders/test_vectors.py).
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import pandas as pd
from _common import shared
from threadpoolctl import threadpool_limits

from consultnlp.config import EmbedConfig
from consultnlp.embedders import make_embedder
from consultnlp.embedders.aligned import kernel_layout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    texts = pd.read_csv(shared("chile-ela-2016", "ela_fundamentos_sample5k.csv"))["fundamento"].dropna().astype(str).tolist()[: args.n]
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual", threads=1))
    backend = embedder._model._model
    embedder.encode(texts[:50])  # warm up (weights paged in, layout measured)
    with threadpool_limits(limits=1, user_api="blas"):
        started = time.perf_counter()
        alone = np.vstack([backend._encode([t]) for t in texts])
        t_alone = time.perf_counter() - started
    started = time.perf_counter()
    aligned = embedder.encode(texts)
    t_aligned = time.perf_counter() - started
    alone /= np.linalg.norm(alone, axis=1, keepdims=True)
    print(
        json.dumps(
            {
                "texts": len(texts),
                "layout": list(kernel_layout()),
                "alone_texts_per_s": round(len(texts) / t_alone, 1),
                "aligned_texts_per_s": round(len(texts) / t_aligned, 1),
                "speedup": round(t_alone / t_aligned, 2),
                "max_abs_difference": float(np.abs(alone - aligned).max()),
            }
        )
    )


if __name__ == "__main__":
    main()
