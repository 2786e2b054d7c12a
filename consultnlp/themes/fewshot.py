"""Learning from the analyst: the themes an analyst sets right in a review file become examples of the codebook.

The review file (``themes_review.yaml`` in a run folder, or any path) lists, per comment id, the themes the comment
should have::

    comments:
      C-0144: [health, public_service_delivery]
      C-0411: [open_data]
      C-0500: []          # none of the themes (read, not used as an example)

``with_examples`` adds each reviewed comment's (redacted) text as an example of each of its themes, in the comment's
language, and the zero-shot tagger of the next run compares every comment with each theme's nearest examples
(few-shot; ``consultnlp.themes.zeroshot``). A few dozen labelled comments per theme can be given the same way.
On Chile 5k's 153 concepts as a names-only codebook, 20 examples per concept raised top-1 from 0.263 to 0.327 and
top-5 from 0.528 to 0.639 on held-out comments (``benchmarks/bench_codebook.py --concepts 0 5 20``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Mapping

import yaml

from consultnlp.errors import InputError
from consultnlp.taxonomy import Taxonomy

if TYPE_CHECKING:
    from consultnlp.embedders import TextEncoder

REVIEW_FILE = "themes_review.yaml"
MAX_EXAMPLES = 20  # per theme and language: the most recent corrections are not worth more than the first


def read_review(path: Path, taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Comment id -> its right themes, from a review file; every theme must be one of ``taxonomy``'s."""
    if not path.is_file():
        raise InputError(f"{path}: no such review file. Write one with 'comments:' and, per comment id, its themes, e.g. C-0144: [health].")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise InputError(f"{path.name}: not valid YAML ({err}).") from None
    comments = data.get("comments") if isinstance(data, dict) else None
    if not isinstance(comments, dict):
        raise InputError(f"{path.name}: expected a mapping 'comments:' of comment id -> list of theme ids, e.g. C-0144: [health].")
    known = {t.id for t in taxonomy.themes}
    out: dict[str, list[str]] = {}
    for cid, themes in comments.items():
        themes = [] if themes is None else [themes] if isinstance(themes, str) else themes
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            raise InputError(f"{path.name}: comment {cid}: themes must be a list of theme ids, e.g. [health]; got {themes!r}.")
        unknown = [t for t in themes if t not in known]
        if unknown:
            raise InputError(
                f"{path.name}: comment {cid}: unknown theme {unknown[0]!r}. Themes of '{taxonomy.id}': {', '.join(sorted(known))}."
            )
        out[str(cid)] = list(dict.fromkeys(themes))
    return out


def with_examples(
    taxonomy: Taxonomy,
    review: Mapping[str, list[str]],
    texts: Mapping[str, str],
    langs: Mapping[str, str],
    *,
    max_per_theme: int = MAX_EXAMPLES,
) -> tuple[Taxonomy, dict[str, int], list[str]]:
    """A copy of ``taxonomy`` with the reviewed comments as examples of their themes; the number added per theme;
    and the reviewed ids that ``texts`` does not have (reported, not fatal)."""
    missing = [cid for cid in review if cid not in texts]
    themes = [t.model_copy(deep=True) for t in taxonomy.themes]
    by_id = {t.id: t for t in themes}
    added: dict[str, int] = {}
    for cid, ids in review.items():
        if cid in missing or not str(texts[cid]).strip():
            continue
        lang = langs.get(cid, "")
        lang = lang if lang in taxonomy.languages else taxonomy.languages[0]
        for tid in ids:
            current = by_id[tid].examples.setdefault(lang, [])
            text = " ".join(str(texts[cid]).split())
            if text not in current and len(current) < max_per_theme:
                current.append(text)
                added[tid] = added.get(tid, 0) + 1
    return taxonomy.model_copy(update={"themes": themes}), added, missing


def write_codebook(taxonomy: Taxonomy, path: Path) -> Path:
    """The codebook as YAML that ``consultnlp themes validate`` accepts (empty fields left out)."""
    data = taxonomy.model_dump(exclude_defaults=True)
    data.setdefault("name", {lang: taxonomy.id for lang in taxonomy.languages})
    data.setdefault("version", "1")
    data["languages"] = list(taxonomy.languages)
    for theme in data["themes"]:
        for key in ("description", "keywords", "examples", "traps"):
            if key in theme and not theme[key]:
                del theme[key]
    ordered = {k: data[k] for k in ("id", "name", "version", "source", "licence", "languages", "themes") if k in data}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    return path


def learn_from_run(
    run: Path, out: Path, *, review: Path | None = None, taxonomy: str | None = None
) -> tuple[Path, dict[str, int], list[str]]:
    """Write ``out``: the run's codebook (or ``taxonomy``) with the corrections of ``review`` (default: the run's
    ``themes_review.yaml``) as examples. Returns the path, the examples added per theme and the ids not in the run."""
    import json

    import pandas as pd

    from consultnlp import schema
    from consultnlp.taxonomy import load_taxonomy

    manifest = run / "manifest.json"
    if not manifest.is_file():
        raise InputError(f"{run}: not a run folder (no manifest.json). Give the --out folder of 'consultnlp analyze'.")
    if taxonomy is None:
        taxonomy = json.loads(manifest.read_text(encoding="utf-8")).get("config", {}).get("themes", {}).get("taxonomy") or "ogp"
    codebook = load_taxonomy(taxonomy)
    reviewed = read_review(review or run / REVIEW_FILE, codebook)
    comments = next((p for p in (run / "comments.parquet", run / "private" / "comments.parquet") if p.is_file()), None)
    if comments is None:
        raise InputError(f"{run}: the run has no comments.parquet. Run 'consultnlp analyze' again with parquet output.")
    frame = pd.read_parquet(comments, columns=[schema.COMMENT_ID, schema.TEXT_REDACTED, schema.LANG])
    ids = frame[schema.COMMENT_ID].astype(str)
    texts = dict(zip(ids, frame[schema.TEXT_REDACTED].fillna("").astype(str)))
    langs = dict(zip(ids, frame[schema.LANG].fillna("").astype(str)))
    learned, added, missing = with_examples(codebook, reviewed, texts, langs)
    return write_codebook(learned, out), added, missing


def evaluate_codebook(
    codebook: str, texts: list[str], labels: list[tuple[str, ...]], encoder: "TextEncoder", *, lang: str | None = None
) -> dict[str, float]:
    """Zero-shot tagging with ``codebook`` measured on labelled comments (labels are theme ids): top-1 and top-5 of
    the calibrated match, the share of comments given a theme, and the precision and recall of the themes given.

    Only the text match and the examples are measured (keywords need the comments' lemmas: run ``analyze``); every
    comment is taken to be in ``lang`` (default: the codebook's first language)."""
    import numpy as np

    from consultnlp.taxonomy import load_taxonomy
    from consultnlp.themes.evaluate import top_k_hits
    from consultnlp.themes.training import embed_unique
    from consultnlp.themes.zeroshot import CodebookTagger

    taxonomy = load_taxonomy(codebook)
    unknown = sorted({l for ls in labels for l in ls} - {t.id for t in taxonomy.themes})
    if unknown:
        raise InputError(f"labels {', '.join(unknown[:5])} are not themes of '{taxonomy.id}'; label the comments with its theme ids.")
    tagger = CodebookTagger(taxonomy).fit(texts, encoder)
    vectors = embed_unique(texts, encoder)
    langs = [lang or taxonomy.languages[0]] * len(texts)
    prob = tagger.scores(vectors, texts, langs).probability
    given = [a.themes for a in tagger.assign(vectors, texts, langs, [{}] * len(texts))]
    n_given = sum(len(g) for g in given)
    right = sum(len(set(g) & set(l)) for g, l in zip(given, labels))
    return {
        "rows": float(len(texts)),
        "top1_accuracy": float(top_k_hits(prob, labels, tagger.ids, 1).mean()),
        "top5_accuracy": float(top_k_hits(prob, labels, tagger.ids, 5).mean()),
        "tagged_share": float(np.mean([bool(g) for g in given])),
        "precision": right / n_given if n_given else 0.0,
        "recall": right / max(sum(len(l) for l in labels), 1),
    }
