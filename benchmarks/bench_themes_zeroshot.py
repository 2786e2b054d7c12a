"""Zero-shot theme tagging with the bundled OGP taxonomy: keywords vs. embeddings vs. both.

Prints one JSON object to stdout:

* ``dev``: the hand-written comments of the bundled sample (``data/samples/source/NN_<theme>.txt``,
  es/pt/en, 14 sample themes mapped below to the OGP themes that fit them). Per method and
  language: ``coverage`` (share not ``other``), ``row_correct`` (share of tagged comments
  with at least one fitting theme) and ``assignment_precision`` (share of all given themes
  that fit; a comment about two things loses here, so this is a floor). These comments were
  written by the project, so treat this as a development set, not as a measurement.
* ``real``: real consultations without labels, as the themes stage tags them in
  ``analyze`` (language given, not detected; texts with fewer than 3 letters dropped, as
  ``clean`` would): ``brasil-planoclima-2024`` (``descricao``, pt), ``brasil-pndbio-2025``
  (``contribuicao``, pt), the Chile sample (``fundamento``, es) and ``polis-en``, the
  English Pol.is conversations listed in ``POLIS_EN`` (comments not rejected by the
  moderator). Per method the share tagged ``other`` and the ten most frequent themes; for
  ``--method`` (default zero-shot), ``--show`` random comments (seed ``--seed``) with their
  themes and evidence, for a person to check. ``--sheet FILE`` also writes them as a
  Markdown judging sheet (one numbered block per comment, theme names spelled out).

``data/themes/manual-check-2026-12.md`` reports a manual check of these examples (tuning draw
seed 0, fresh draw seed 1) and what changed because of it.

Run from the repository root:
    python benchmarks/bench_themes_zeroshot.py --cache-dir .cache/consultnlp --show 50 > zs.json
    python benchmarks/bench_themes_zeroshot.py --cache-dir .cache/consultnlp --no-dev --methods zero-shot \
        --seed 1 --sheet /tmp/sheet.md > zs.json
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
from consultnlp.embedders import TextEncoder
from consultnlp.embedders.use import UseEmbedder
from consultnlp.lemmas import Lemmatizer
from consultnlp.stages.base import RunContext
from consultnlp.stages.themes import ThemesStage
from consultnlp.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "samples" / "source"
EXTERNAL = ROOT.parent / "shared" / "data" / "external"
REAL = {
    "brasil-planoclima-2024": ([EXTERNAL / "brasil-planoclima-2024" / "propostas_brasil_participativo.csv"], "descricao", "pt"),
    "brasil-pndbio-2025": ([EXTERNAL / "brasil-pndbio-2025" / "pndbio_contribuicoes.csv"], "contribuicao", "pt"),
    "chile-ela-2016-sample5k": ([EXTERNAL / "chile-ela-2016" / "ela_fundamentos_sample5k.csv"], "fundamento", "es"),
}
# English Pol.is conversations on public policy (CC BY 4.0, see polis-opendata/SOURCE.md); not
# bg2050-volunteers (about the process itself), march-on (party organising) nor
# football-concussions (some German).
POLIS_EN = [
    "american-assembly.bowling-green",
    "canadian-electoral-reform",
    "london.youth.policing",
    "15-per-hour-seattle",
    "brexit-consensus",
    "ssis.land-bank-farmland.2rumnecbeh.2021-08-01",
    "scoop-hivemind.affordable-housing",
    "scoop-hivemind.biodiversity",
    "scoop-hivemind.freshwater",
    "scoop-hivemind.taxes",
    "scoop-hivemind.ubi",
]
REAL["polis-en"] = ([EXTERNAL / "polis-opendata" / name / "comments.csv" for name in POLIS_EN], "comment-body", "en")
_LETTER = re.compile(r"[^\W\d_]")
# Sample theme -> the OGP themes a careful reader would accept for it.
FITTING = {
    "access_info": {"access_to_information"},
    "open_contracting": {"open_contracting", "infrastructure_transport"},
    "anticorruption": {
        "anti_corruption",
        "beneficial_ownership",
        "lobbying",
        "asset_disclosure",
        "political_finance",
        "whistleblower_protection",
        "open_contracting",
    },
    "participation": {"public_participation", "participatory_budgeting", "local_government"},
    "open_data": {"open_data"},
    "digital_gov": {"digital_governance", "data_stewardship_privacy", "digital_public_services", "automated_decision_making"},
    "environment": {
        "climate_environment",
        "climate_action",
        "extractive_industries",
        "water_sanitation",
        "indigenous_peoples",
        "land_territory",
    },
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
    context.encoder = TextEncoder(embedder, cache_dir=context.cache_dir)
    context.unit_ids = frame.index
    context.embeddings, _ = context.encoder.encode_corpus(texts)
    return ThemesStage(ThemesConfig(**settings)).apply(frame, context)


def real_texts(paths: list[Path], column: str) -> list[str]:
    """Non-empty texts with at least 3 letters; Pol.is comments rejected by the moderator are left out."""
    texts = []
    for path in paths:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        if "moderated" in frame.columns:
            frame = frame[frame["moderated"] != "-1"]
        texts += [t for t in frame[column].tolist() if len(_LETTER.findall(t)) >= 3]
    return texts


def judging_sheet(dataset: str, lang: str, examples: list[dict], names: dict[str, str]) -> str:
    """Markdown blocks a person marks up: each given theme correct / acceptable / wrong, plus missed themes."""
    out = [f"# {dataset} ({lang}), {len(examples)} random comments\n"]
    for k, ex in enumerate(examples, 1):
        out.append(f"## {k}. row {ex['row']}\n\n> {ex['text']}\n")
        for theme, evidence in zip(ex["themes"].split(";"), (ex["evidence"] or "").split(";")):
            why = evidence.split(":", 1)[1] if ":" in evidence else ""
            out.append(f"- {theme} ({names.get(theme, theme)}) [{why}] -> ")
        out.append("- missed: \n")
    return "\n".join(out) + "\n"


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
    parser.add_argument("--method", default="zero-shot", choices=list(METHODS), help="the method whose examples are shown")
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated methods to measure")
    parser.add_argument("--datasets", default=",".join(REAL), help="comma-separated real datasets")
    parser.add_argument("--no-dev", action="store_true", help="skip the bundled sample's hand-written comments")
    parser.add_argument("--chars", type=int, default=600, help="characters of each example shown")
    parser.add_argument("--sheet", type=Path, default=None, help="also write the examples as a Markdown judging sheet")
    args = parser.parse_args()
    methods = {m: METHODS[m] for m in args.methods.split(",")}
    if args.method not in methods:
        methods[args.method] = METHODS[args.method]
    embedder = UseEmbedder(threads=2)
    context = RunContext(cache_dir=args.cache_dir)
    result: dict = {"settings": ThemesConfig(method="zero-shot").model_dump(), "dev": {}, "real": {}}
    dev = dev_set()
    sheets = []
    names = {t.id: t.name["en"] for t in load_taxonomy("ogp").themes}
    for name, settings in ({} if args.no_dev else methods).items():
        tagged = tag(dev["text"].tolist(), dev["lang"].tolist(), context, embedder, **settings)
        result["dev"][name] = {"all": dev_metrics(tagged, dev["gold"])}
        for lang in ("es", "pt", "en"):
            rows = (dev["lang"] == lang).to_numpy()
            result["dev"][name][lang] = dev_metrics(tagged[rows], dev["gold"][rows])
    for dataset in args.datasets.split(","):
        paths, column, lang = REAL[dataset]
        absent = [p for p in paths if not p.exists()]
        if absent:
            result["real"][dataset] = f"skipped: {absent[0]} is absent"
            continue
        texts = real_texts(paths, column)
        entry: dict = {"n": len(texts), "language": lang}
        for name, settings in methods.items():
            tagged = tag(texts, [lang] * len(texts), context, embedder, **settings)
            counts = Counter(t for ts in tagged[schema.THEMES] for t in ts.split(";"))
            entry[name] = {
                "other_share": round(float((tagged[schema.THEMES] == schema.OTHER_THEME).mean()), 3),
                "top_themes": dict(counts.most_common(10)),
            }
            if name == args.method:
                pick = np.random.default_rng(args.seed).choice(len(texts), size=min(args.show, len(texts)), replace=False)
                entry["examples"] = [
                    {
                        "row": int(i),
                        "text": " ".join(texts[i].split())[: args.chars],
                        "themes": tagged[schema.THEMES].iloc[i],
                        "evidence": tagged[schema.THEME_EVIDENCE].iloc[i],
                    }
                    for i in sorted(pick)
                ]
                sheets.append(judging_sheet(dataset, lang, entry["examples"], names))
        result["real"][dataset] = entry
    if args.sheet is not None:
        args.sheet.write_text("\n".join(sheets), encoding="utf-8")
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
