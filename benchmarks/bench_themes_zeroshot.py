"""Zero-shot theme tagging with the bundled OGP taxonomy: keywords vs. embeddings vs. both.

Prints one JSON object to stdout:

* ``dev``: the hand-written comments of the bundled sample (``data/samples/source/NN_<theme>.txt``,
  es/pt/en, 14 sample themes mapped below to the OGP themes that fit them). Per method and
  language: ``coverage`` (share not ``other``), ``row_correct`` (share of tagged comments
  with at least one fitting theme) and ``assignment_precision`` (share of all given themes
  that fit; a comment about two things loses here, so this is a floor). These comments were
  written by the project, so treat this as a development set, not as a measurement.
* ``real``: real consultations without labels, as the themes stage tags them in
  ``analyze`` (language given, not detected): ``brasil-planoclima-2024`` (``descricao``, pt)
  and the Chile sample (``fundamento``, es). Per method the share tagged ``other`` and
  the ten most frequent themes; for ``--method`` (default zero-shot), ``--show`` random
  comments (seed ``--seed``) with their themes and evidence, for a person to check.

Run from the repository root:
    python benchmarks/bench_themes_zeroshot.py --cache-dir .cache/consultnlp --show 50 > zs.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import ThemesConfig
from consultnlp.stages.base import RunContext
from consultnlp.stages.embed import embed_texts
from consultnlp.stages.embed.use import UseEmbedder
from consultnlp.stages.nlp import Lemmatizer
from consultnlp.stages.themes import ThemesStage

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "samples" / "source"
EXTERNAL = ROOT.parent / "shared" / "data" / "external"
REAL = {
    "brasil-planoclima-2024": (EXTERNAL / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv", "descricao", "pt"),
    "chile-ela-2016-sample5k": (EXTERNAL / "chile-ela-2016" / "ela_fundamentos_sample5k.csv", "fundamento", "es"),
}
# Sample theme -> the OGP themes a careful reader would accept for it.
FITTING = {
    "access_info": {"access_to_information"},
    "open_contracting": {"open_contracting", "infrastructure_transport"},
    "anticorruption": {"anti_corruption", "beneficial_ownership", "lobbying", "asset_disclosure", "political_finance",
                       "whistleblower_protection", "open_contracting"},
    "participation": {"public_participation", "participatory_budgeting", "local_government"},
    "open_data": {"open_data"},
    "digital_gov": {"digital_governance", "data_stewardship_privacy", "digital_public_services", "automated_decision_making"},
    "environment": {"climate_environment", "climate_action", "extractive_industries", "water_sanitation",
                    "indigenous_peoples", "land_territory"},
    "health": {"health", "public_service_delivery"},
    "education": {"education", "public_service_delivery"},
    "justice": {"justice"},
    "inclusion": {"inclusion", "gender", "indigenous_peoples", "disability", "youth", "lgbtiq"},
    "security": {"policing_public_security"},
    "fiscal": {"fiscal_openness", "participatory_budgeting"},
    "parliament": {"open_parliament"},
}
# "embeddings" = zero-shot with keywords switched off (no keyword can reach min_keyword_hits).
METHODS = {
    "keywords": {"method": "keywords"},
    "embeddings": {"method": "zero-shot", "min_keyword_hits": 10_000},
    "zero-shot": {"method": "zero-shot"},
    "embeddings-corpus": {"method": "zero-shot", "min_keyword_hits": 10_000, "calibration": "corpus"},
    "zero-shot-corpus": {"method": "zero-shot", "calibration": "corpus"},
}


def dev_set() -> pd.DataFrame:
    rows = []
    for path in sorted(SOURCE.glob("[0-9]*_*.txt")):
        theme, lang = path.stem.split("_", 1)[1], None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                lang = line[3:].strip()
            elif line.strip() and not line.startswith("#"):
                rows.append({"text": re.sub(r"^\[[a-z]{3}\]\s*", "", line.strip()), "lang": lang, "gold": theme})
    return pd.DataFrame(rows)


def tag(texts: list[str], langs: list[str], context: RunContext, embedder: UseEmbedder, **settings: object) -> pd.DataFrame:
    """Run the themes stage as ``analyze`` would, on texts whose language is known."""
    index = pd.Index([f"c{i:06d}" for i in range(len(texts))], name=schema.COMMENT_ID)
    frame = pd.DataFrame({schema.TEXT: texts, schema.TEXT_REDACTED: texts, schema.LANG: langs}, index=index)
    frame[schema.EXCLUDED] = ""
    frame[schema.EXCLUDED_STAGE] = ""
    lemmatizer = Lemmatizer()
    frame[schema.LEMMAS] = ""
    for lang, part in frame.groupby(schema.LANG):
        frame.loc[part.index, schema.LEMMAS] = [" ".join(x) for x in lemmatizer.lemmatize(part[schema.TEXT].tolist(), str(lang))]
    context.lemmatizer = lemmatizer
    context.embedder = embedder
    context.unit_ids = frame.index
    context.embeddings = embed_texts(texts, embedder, context, use_cache=context.cache_dir is not None)
    return ThemesStage(ThemesConfig(**settings)).apply(frame, context)


def dev_metrics(tagged: pd.DataFrame, gold: pd.Series) -> dict:
    themes = tagged[schema.THEMES].str.split(";").tolist()
    tagged_rows = np.array([t != [schema.OTHER_THEME] for t in themes], dtype=bool)
    fits = [[t in FITTING[g] for t in ts] for ts, g, keep in zip(themes, gold, tagged_rows) if keep]
    return {
        "n": int(len(tagged)),
        "coverage": round(float(tagged_rows.mean()), 3),
        "row_correct": round(float(np.mean([any(f) for f in fits])), 3) if fits else 0.0,
        "assignment_precision": round(float(np.mean([x for f in fits for x in f])), 3) if fits else 0.0,
        "themes_per_tagged_comment": round(float(np.mean([len(f) for f in fits])), 2) if fits else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--show", type=int, default=50, help="random tagged examples per real dataset")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--method", default="zero-shot", choices=list(METHODS))
    args = parser.parse_args()
    embedder = UseEmbedder(threads=2)
    context = RunContext(cache_dir=args.cache_dir)
    result: dict = {"settings": ThemesConfig(method="zero-shot").model_dump(), "dev": {}, "real": {}}
    dev = dev_set()
    for name, settings in METHODS.items():
        tagged = tag(dev["text"].tolist(), dev["lang"].tolist(), context, embedder, **settings)
        result["dev"][name] = {"all": dev_metrics(tagged, dev["gold"])}
        for lang in ("es", "pt", "en"):
            rows = (dev["lang"] == lang).to_numpy()
            result["dev"][name][lang] = dev_metrics(tagged[rows], dev["gold"][rows])
    for dataset, (path, column, lang) in REAL.items():
        if not path.exists():
            result["real"][dataset] = f"skipped: {path} is absent"
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        texts = [t for t in frame[column].tolist() if t.strip()]
        entry: dict = {"n": len(texts), "language": lang}
        for name, settings in METHODS.items():
            tagged = tag(texts, [lang] * len(texts), context, embedder, **settings)
            counts = Counter(t for ts in tagged[schema.THEMES] for t in ts.split(";"))
            entry[name] = {
                "other_share": round(float((tagged[schema.THEMES] == schema.OTHER_THEME).mean()), 3),
                "top_themes": dict(counts.most_common(10)),
            }
            if name == args.method:
                pick = np.random.default_rng(args.seed).choice(len(texts), size=min(args.show, len(texts)), replace=False)
                entry["examples"] = [
                    {"text": texts[i][:300], "themes": tagged[schema.THEMES].iloc[i], "evidence": tagged[schema.THEME_EVIDENCE].iloc[i]}
                    for i in sorted(pick)
                ]
        result["real"][dataset] = entry
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
