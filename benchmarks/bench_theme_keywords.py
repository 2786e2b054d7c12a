"""Do keyword-given theme tags fit? A blind reading of 318 of them, and whether a similarity floor would help.

``benchmarks/labels/theme_keyword_tags.tsv`` holds 318 theme tags that a keyword gave (zero-shot tagging with the
bundled OGP taxonomy, stop 32), drawn by the comment-to-theme similarity the tagger printed (``sim`` in
``theme_evidence``), six bins, with a verdict from a reader who saw only the comment and the theme's name and
description (``THEME_KEYWORD_TAGS.md``): ``fits``, ``partly`` or ``wrong``. Datasets are split:

  tune    march-on, canadian-electoral-reform, scoop-hivemind.biodiversity, brasil-planoclima-2024 (read while deciding)
  report  bowling-green, bg2050, football, taxes, affordable housing, chile-ela-2016 sample5k, brasil-pndbio-2025

``theme_keyword_tags_population.tsv`` has how many keyword tags each bin held in those runs, so that shares can be
weighted back to all keyword tags. Prints, per split: verdicts by bin, the population-weighted shares, how well
``sim`` orders the verdicts (ROC AUC), and what a floor on ``sim`` would remove.

    python benchmarks/bench_theme_keywords.py
"""

from __future__ import annotations

import pandas as pd
from _common import LABELS
from sklearn.metrics import roc_auc_score

FLOORS = (0.1, 0.15, 0.2, 0.25)


def main() -> None:
    tags = pd.read_csv(LABELS / "theme_keyword_tags.tsv", sep="\t", dtype={"comment_id": str}, keep_default_na=False)
    population = pd.read_csv(LABELS / "theme_keyword_tags_population.tsv", sep="\t")
    for split, part in tags.groupby("split", sort=False):
        print(f"=== {split}: {len(part)} tags judged")
        print(pd.crosstab(part["bin"], part["verdict"], margins=True).to_string())
        weights = population[population["split"] == split].set_index("bin")["population"]
        shares = pd.crosstab(part["bin"], part["verdict"], normalize="index")
        weighted = shares.mul(weights.reindex(shares.index), axis=0).sum() / weights.sum()
        print(f"all {int(weights.sum())} keyword tags, weighted by bin: " + ", ".join(f"{v} {s:.1%}" for v, s in weighted.items()))
        fits, wrong = (part["verdict"] == "fits").astype(int), (part["verdict"] == "wrong").astype(int)
        print(
            f"sim orders fits from the rest: AUC {roc_auc_score(fits, part['sim']):.3f}; wrong from the rest: {roc_auc_score(1 - wrong, part['sim']):.3f}"
        )
        for floor in FLOORS:
            below = part[part["sim"] < floor]["verdict"].value_counts()
            print(
                f"  floor {floor}: would remove {int(below.sum())} judged tags: "
                + ", ".join(f"{v} {int(below.get(v, 0))}" for v in ("fits", "partly", "wrong"))
            )


if __name__ == "__main__":
    main()
