"""Topic quality: consultnlp's topics against vanilla BERTopic, same embeddings, same process. Prints JSON.

    python benchmarks/bench_topics.py                  # Chile 5k sample, seeds 42,1,7, plus the es+pt mix
    python benchmarks/bench_topics.py --seeds 42 --no-mix

Both models get the same USE-multilingual embeddings of the same unique
comments (the pipeline up to ``embed``, with its cache). Vanilla is
``BERTopic(language="multilingual", umap_model=UMAP(random_state=seed))`` on the
comment texts, defaults otherwise; "vanilla+reduce" adds BERTopic's
``reduce_outliers(strategy="embeddings")``. Every topic assignment is scored
with the same keyword extractor (c-TF-IDF over our lemmas), so NPMI and
diversity compare clusterings, not tokenisers. Each fit runs in a forked child
so its peak RSS is its own (it includes the embeddings both share).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
import warnings
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultnlp import schema  # noqa: E402
from consultnlp.config import load_config  # noqa: E402
from consultnlp.frame import unit_mask  # noqa: E402
from consultnlp.ingest import ingest  # noqa: E402
from consultnlp.pipeline import run_pipeline  # noqa: E402
from consultnlp.topics.metrics import (  # noqa: E402
    label_agreement,
    multilingual_npmi,
    n_topics,
    outlier_share,
    topic_diversity,
)
from consultnlp.topics.model import fit_representation, fit_topic_model  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "external"
CHILE = SHARED / "chile-ela-2016" / "ela_fundamentos_sample5k.csv"
BRASIL = SHARED / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv"
OUT = ROOT / "benchmarks" / "out"


def prepare(path: Path, text_column: str, id_column: str | None, cache: Path) -> dict[str, Any]:
    """Run the default pipeline up to the embeddings; return the unique comments and their side data."""
    cfg = load_config(overrides=["stages=[clean, language, dedupe, redact, nlp, embed]"])
    frame, info = ingest(path, text_column=text_column, id_column=id_column)
    result = run_pipeline(frame, info, cfg, cache_dir=cache)
    out = result.frame
    units = out.index[unit_mask(out)]
    return {
        "frame": out.loc[units],
        "texts": out.loc[units, schema.TEXT_REDACTED].astype(str).tolist(),
        "docs": out.loc[units, schema.LEMMAS].astype(str).tolist(),
        "langs": out.loc[units, schema.LANG].astype(str).to_numpy(),
        "embeddings": result.context.embeddings,
        "encoder": result.context.encoder,
        "cache": cache,
        "rows": len(out),
        "excluded": int((out[schema.EXCLUDED] != "").sum()),
    }


def _vanilla(data: dict[str, Any], seed: int, reduce: bool) -> dict[str, Any]:
    from bertopic import BERTopic
    from umap import UMAP

    model = BERTopic(language="multilingual", umap_model=UMAP(random_state=seed))
    topics, _ = model.fit_transform(data["texts"], embeddings=data["embeddings"])
    if reduce and -1 in set(topics):
        topics = model.reduce_outliers(data["texts"], topics, strategy="embeddings", embeddings=data["embeddings"])
    return {"topics": np.asarray(topics)}


def _ours(data: dict[str, Any], seed: int, overrides: list[str]) -> dict[str, Any]:
    cfg = load_config(overrides=overrides).topics
    encode = partial(data["encoder"].encode, description="Embedding keywords")
    model, topics = fit_topic_model(data["docs"], data["embeddings"], cfg, seed, encode=encode)
    return {"topics": topics, "raw_outlier_share": model.stats.get("raw_outlier_share")}


def _child(target: Any, args: tuple, queue: Any) -> None:
    warnings.filterwarnings("ignore")
    started = time.perf_counter()
    try:
        result = target(*args)
    except Exception as exc:  # report it in the parent instead of leaving it waiting
        queue.put({"error": f"{type(exc).__name__}: {exc}"})
        return
    result["fit_seconds"] = round(time.perf_counter() - started, 2)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    queue.put(result)


def run_isolated(target: Any, *args: Any) -> dict[str, Any]:
    """Run ``target(*args)`` in a forked child; return its result with fit time and peak RSS."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(target, args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    if "error" in result:
        raise RuntimeError(f"{getattr(target, '__name__', target)} failed in the child: {result['error']}")
    return result


def score(data: dict[str, Any], topics: np.ndarray, labels: dict[str, np.ndarray]) -> dict[str, Any]:
    cfg = load_config().topics
    rep = fit_representation(data["docs"], topics, cfg)
    words = [[w for w, _ in (rep.get_topic(t) or [])] for t in sorted(set(topics.tolist()) - {-1})]
    out: dict[str, Any] = {"n_topics": n_topics(topics), "outlier_share": round(outlier_share(topics), 4)}
    for name, y in labels.items():
        nmi, ari = label_agreement(topics, y)
        out[f"nmi_{name}"], out[f"ari_{name}"] = round(nmi, 4), round(ari, 4)
    out["npmi"] = round(multilingual_npmi(rep, data["docs"], topics, data["langs"]), 4)
    out["diversity"] = round(topic_diversity(words), 4)
    return out


def chile(seeds: list[int], cache: Path) -> dict[str, Any]:
    data = prepare(CHILE, "fundamento", "row_id", cache)
    frame = data["frame"]
    labels = {"concepto": frame["concepto"].to_numpy(), "tema": frame["tema"].astype(str).to_numpy()}
    runs: dict[str, list[dict[str, Any]]] = {"vanilla": [], "vanilla+reduce": [], "ours": [], "ours_min_topic_size_10": []}
    for seed in seeds:
        for name, target, args in (
            ("vanilla", _vanilla, (data, seed, False)),
            ("vanilla+reduce", _vanilla, (data, seed, True)),
            ("ours", _ours, (data, seed, [])),
            ("ours_min_topic_size_10", _ours, (data, seed, ["topics.min_topic_size=10"])),
        ):
            fitted = run_isolated(target, *args)
            row = {"seed": seed, **score(data, fitted["topics"], labels)}
            row.update({k: v for k, v in fitted.items() if k != "topics"})
            runs[name].append(row)
            print(f"# {name} seed={seed}: {row}", file=sys.stderr, flush=True)
    summary = {}
    for name, rows in runs.items():
        table = pd.DataFrame(rows)
        summary[name] = {
            col: {"mean": round(float(table[col].mean()), 4), "sd": round(float(table[col].std(ddof=0)), 4)}
            for col in table.columns
            if col != "seed" and pd.api.types.is_numeric_dtype(table[col])
        }
    return {
        "data": str(CHILE.relative_to(SHARED)),
        "rows": data["rows"],
        "unique_comments_modelled": len(data["docs"]),
        "excluded_rows": data["excluded"],
        "embedder": data["embedder"].key,
        "seeds": seeds,
        "summary": summary,
        "runs": runs,
    }


def mix(seed: int, cache: Path) -> dict[str, Any]:
    """Chile sample + Plano Clima proposals: how many topics mix Spanish and Portuguese, and which."""
    c = pd.read_csv(CHILE)
    b = pd.read_csv(BRASIL)
    both = pd.concat(
        [
            pd.DataFrame({"id": "cl" + c["row_id"].astype(str), "texto": c["fundamento"]}),
            pd.DataFrame({"id": "br" + b["id_proposta"].astype(str), "texto": b["descricao"]}),
        ]
    )
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "mix_es_pt.csv"
    both.to_csv(path, index=False)
    data = prepare(path, "texto", "id", cache)
    result = {}
    for name, overrides in (("ours", []), ("ours_no_keyword_channel", ["topics.lexical_weight=0"])):
        fitted = run_isolated(_ours, data, seed, overrides)
        topics = fitted["topics"]
        rep = fit_representation(data["docs"], topics, load_config().topics)
        from consultnlp.topics.labels import keywords_by_language

        per_lang = keywords_by_language(rep, data["docs"], topics, data["langs"], 6)
        ids = sorted(set(topics.tolist()) - {-1})
        mixed = []
        for t in ids:
            share = pd.Series(data["langs"][topics == t]).value_counts(normalize=True)
            share = share[share.index.isin(["es", "pt"])]
            if len(share) > 1 and share.min() >= 0.1:
                mixed.append(
                    {
                        "topic": t,
                        "size": int((topics == t).sum()),
                        "languages": {k: round(float(v), 2) for k, v in share.items()},
                        "keywords": {k: v for k, v in per_lang[t].items() if k in ("es", "pt")},
                    }
                )
        any_mix = [t for t in ids if len(set(data["langs"][topics == t].tolist()) & {"es", "pt"}) > 1]
        # The five topics whose smaller language has the largest share, to judge by eye.
        minority = {
            t: float(pd.Series(data["langs"][topics == t]).value_counts(normalize=True).reindex(["es", "pt"]).fillna(0).min()) for t in ids
        }
        most = sorted(ids, key=lambda t: (-minority[t], t))[:5]
        closest = [
            {
                "topic": t,
                "size": int((topics == t).sum()),
                "minority_share": round(minority[t], 3),
                "keywords": {k: v for k, v in per_lang[t].items() if k in ("es", "pt")},
            }
            for t in most
        ]
        result[name] = {
            "n_topics": len(ids),
            "mixed_topics_10pct": len(mixed),
            "mixed_share_10pct": round(len(mixed) / max(1, len(ids)), 3),
            "topics_with_both_languages": len(any_mix),
            "fit_seconds": fitted["fit_seconds"],
            "mixed": mixed,
            "most_mixed": closest,
        }
    return {
        "data": "chile sample + brasil-planoclima-2024 descricao",
        "unique_comments_modelled": len(data["docs"]),
        "languages": pd.Series(data["langs"]).value_counts().to_dict(),
        **result,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="42,1,7")
    parser.add_argument("--no-mix", action="store_true")
    parser.add_argument("--no-chile", action="store_true", help="only the es+pt mix")
    parser.add_argument("--cache-dir", type=Path, default=OUT / "cache")
    args = parser.parse_args()
    if not CHILE.exists():
        print(json.dumps({"skipped": f"{CHILE} is absent"}))
        return
    warnings.filterwarnings("ignore")
    seeds = [int(s) for s in args.seeds.split(",")]
    report: dict[str, Any] = {} if args.no_chile else {"chile": chile(seeds, args.cache_dir)}
    if not args.no_mix and BRASIL.exists():
        report["es_pt_mix"] = mix(seeds[0], args.cache_dir)
    print(json.dumps(report, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
