"""Seconds to look texts up in an embedding cache of many shards (every text cached). Prints JSON.

    python benchmarks/bench_cache_lookup.py --cache-dir CACHE --input FILE.csv --text-column fundamento
    PYTHONPATH=../old-checkout python benchmarks/bench_cache_lookup.py ...   # the same with another version of the code

The texts are the file's comments and their key-point sentences (as the summary stage splits them); a first
pass embeds whatever the cache lacks, then three lookups are timed in this process as a run makes them: the
comments (embed stage), 200 keywords (topics), the sentences (summary). The shards of other runs in CACHE
(a cache shared by many runs) are what made lookups slow: each used to open every shard.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--input", type=Path, required=True)
    parser.add_argument("--text-column", default="fundamento")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--fill", action="store_true", help="embed what the cache lacks first (untimed)")
    args = parser.parse_args()

    import pandas as pd

    import consultnlp
    from consultnlp.config import EmbedConfig
    from consultnlp.embedders import TextEncoder, embedding_text, make_embedder
    from consultnlp.embedders.cache import EmbeddingCache
    from consultnlp.summary.keypoints import MIN_MATCH_CHARS, sentences

    texts = pd.read_csv(args.input, dtype=str, keep_default_na=False, nrows=args.rows)[args.text_column].tolist()
    comments = sorted({embedding_text(t) for t in texts if t.strip()})
    pieces = sorted({s for t in texts for s in sentences(t) if len(s) >= MIN_MATCH_CHARS})
    keywords = sorted({w.lower() for t in texts[:2000] for w in t.split() if len(w) > 6})[:200]
    embedder = make_embedder(EmbedConfig(embedder="use-multilingual"))
    if args.fill:
        TextEncoder(embedder, cache_dir=args.cache_dir).encode_corpus(comments + pieces + keywords)
        print(json.dumps({"filled": True}))
        return
    shards = len(EmbeddingCache(args.cache_dir, embedder.key).shards())
    encoder = TextEncoder(embedder, cache_dir=args.cache_dir)
    timings = {}
    for name, batch in (("comments", comments), ("keywords", keywords), ("sentences", pieces)):
        started = time.perf_counter()
        _, counts = encoder._encode(batch, description=name, on_disk=False, parallel=False)
        timings[name] = {"texts": len(batch), "cached": counts.cached, "seconds": round(time.perf_counter() - started, 2)}
    print(json.dumps({"code": str(Path(consultnlp.__file__).parent), "shards": shards, "lookups": timings}))


if __name__ == "__main__":
    main()
