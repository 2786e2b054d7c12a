"""``consultnlp compare``: what changed between two analyses (two rounds, a re-run with new contributions, two settings).

Topics are matched by the similarity of their centres (``state/quotes.npz`` keeps
each topic's mean embedding): one-to-one, the most similar pairs first, and only
pairs at least ``min_similarity`` alike; the rest are new (only in B) or gone
(only in A). When the two runs used different embedders their centres cannot
be compared, and topics are matched by their keywords instead (Jaccard). Themes
are matched by id. Campaigns are matched by the words of their representative
text. Shares are of each run's analysed contributions; changes are in points.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.i18n import REPORT_LANGS
from consultnlp.state import STATE_DIR, AnalysisState, load_state
from consultnlp.summary.quotes import QuotePool
from consultnlp.summary.tables import theme_name, topic_labels

MIN_SIMILARITY = 0.85  # cosine between topic centres for "the same topic" (the runs' merge threshold is 0.95)
MIN_KEYWORD_OVERLAP = 0.3  # Jaccard of keyword sets, when centres cannot be compared
MIN_CAMPAIGN_OVERLAP = 0.5  # Jaccard of the word sets of two campaigns' texts


@dataclass
class Run:
    """What ``compare`` reads of one analysis folder."""

    path: Path
    state: AnalysisState
    tables: dict[str, pd.DataFrame]
    centres: dict[int, np.ndarray]

    @property
    def embedder(self) -> str:
        return self.state.config.embed.embedder


@dataclass
class Comparison:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)


def load_run(path: str | Path) -> Run:
    """The state and published tables of an analysis folder (``InputError`` naming what is missing)."""
    path = Path(path)
    state = load_state(path)
    tables = {}
    for name in ("topics", "themes", "campaigns", "overview"):
        file = path / "tables" / f"{name}.parquet"
        if file.is_file():
            tables[name] = pd.read_parquet(file)
    centres: dict[int, np.ndarray] = {}
    pool = state.quote_pool
    if isinstance(pool, QuotePool):
        centres = {int(g): v.astype(np.float32) for (scope, g), v in pool.centres.items() if scope == "topic"}
    return Run(path, state, tables, centres)


def _shares(table: pd.DataFrame | None, key: str, share: str) -> pd.Series:
    if table is None or table.empty:
        return pd.Series(dtype=float)
    return table.set_index(key)[share].astype(float)


def _similarity(a: Run, b: Run) -> tuple[np.ndarray, list[int], list[int], str]:
    """(similarity matrix, topic ids of A, topic ids of B, method) over the real topics of both runs."""
    ids_a, ids_b = _topic_ids(a), _topic_ids(b)
    dims = {v.shape[0] for v in (*a.centres.values(), *b.centres.values())}
    comparable = a.embedder == b.embedder and len(dims) == 1
    if comparable and all(i in a.centres for i in ids_a) and all(i in b.centres for i in ids_b):
        if not ids_a or not ids_b:
            return np.zeros((len(ids_a), len(ids_b))), ids_a, ids_b, "centres"
        unit_a, unit_b = (np.vstack([run.centres[i] for i in ids]) for run, ids in ((a, ids_a), (b, ids_b)))
        unit_a = unit_a / (np.linalg.norm(unit_a, axis=1, keepdims=True) + 1e-12)
        unit_b = unit_b / (np.linalg.norm(unit_b, axis=1, keepdims=True) + 1e-12)
        return unit_a @ unit_b.T, ids_a, ids_b, "centres"
    words_a, words_b = _keywords(a), _keywords(b)
    matrix = np.array([[_jaccard(words_a.get(i, set()), words_b.get(j, set())) for j in ids_b] for i in ids_a]).reshape(
        len(ids_a), len(ids_b)
    )
    return matrix, ids_a, ids_b, "keywords"


def _topic_ids(run: Run) -> list[int]:
    table = run.tables.get("topics")
    if table is None or table.empty:
        return []
    return [int(k) for k in table["topic_id"] if int(k) != schema.OUTLIER_TOPIC]


def _keywords(run: Run) -> dict[int, set[str]]:
    info = run.state.topic_info
    if info is None or info.empty:
        return {}
    return {int(r["topic_id"]): {str(w).lower() for w in (r.get("keywords") or [])} for _, r in info.iterrows()}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def match(similarity: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (row, column, similarity), most similar first, each at least ``threshold``."""
    pairs = []
    used_a, used_b = set(), set()
    order = np.dstack(np.unravel_index(np.argsort(-similarity, axis=None, kind="stable"), similarity.shape))[0] if similarity.size else []
    for i, j in order:
        value = float(similarity[i, j])
        if value < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(int(i))
        used_b.add(int(j))
        pairs.append((int(i), int(j), value))
    return pairs


def topics_change(a: Run, b: Run, lang: str, min_similarity: float) -> tuple[pd.DataFrame, str]:
    """One row per matched pair, per topic gone (only in A) and per topic new (only in B)."""
    similarity, ids_a, ids_b, method = _similarity(a, b)
    threshold = min_similarity if method == "centres" else MIN_KEYWORD_OVERLAP
    labels_a, labels_b = topic_labels(a.state.topic_info, lang), topic_labels(b.state.topic_info, lang)
    share_a, share_b = _shares(a.tables.get("topics"), "topic_id", "share"), _shares(b.tables.get("topics"), "topic_id", "share")
    rows = []
    pairs = match(similarity, threshold)
    for i, j, value in pairs:
        ta, tb = ids_a[i], ids_b[j]
        rows.append(
            {
                "status": "kept",
                "topic_a": ta,
                "label_a": labels_a.get(ta, str(ta)),
                "topic_b": tb,
                "label_b": labels_b.get(tb, str(tb)),
                "similarity": round(value, 3),
                "share_a": share_a.get(ta, 0.0),
                "share_b": share_b.get(tb, 0.0),
            }
        )
    matched_a, matched_b = {ids_a[i] for i, _, _ in pairs}, {ids_b[j] for _, j, _ in pairs}
    for ta in ids_a:
        if ta not in matched_a:
            best = float(similarity[ids_a.index(ta)].max()) if similarity.shape[1] else 0.0
            rows.append(
                {
                    "status": "gone",
                    "topic_a": ta,
                    "label_a": labels_a.get(ta, str(ta)),
                    "topic_b": None,
                    "label_b": "",
                    "similarity": round(best, 3),
                    "share_a": share_a.get(ta, 0.0),
                    "share_b": 0.0,
                }
            )
    for tb in ids_b:
        if tb not in matched_b:
            best = float(similarity[:, ids_b.index(tb)].max()) if similarity.shape[0] else 0.0
            rows.append(
                {
                    "status": "new",
                    "topic_a": None,
                    "label_a": "",
                    "topic_b": tb,
                    "label_b": labels_b.get(tb, str(tb)),
                    "similarity": round(best, 3),
                    "share_a": 0.0,
                    "share_b": share_b.get(tb, 0.0),
                }
            )
    table = pd.DataFrame(rows, columns=["status", "topic_a", "label_a", "topic_b", "label_b", "similarity", "share_a", "share_b"])
    table["change"] = (table["share_b"] - table["share_a"]).round(4)
    for column in ("topic_a", "topic_b"):
        table[column] = table[column].astype("Int64")
    order = {"kept": 0, "new": 1, "gone": 2}
    table = table.assign(_o=table["status"].map(order), _size=-table[["share_a", "share_b"]].max(axis=1))
    return table.sort_values(["_o", "_size"], kind="stable").drop(columns=["_o", "_size"]).reset_index(drop=True), method


def themes_change(a: Run, b: Run, lang: str) -> pd.DataFrame:
    share_a = _shares(a.tables.get("themes"), "theme_id", "share_of_analysed")
    share_b = _shares(b.tables.get("themes"), "theme_id", "share_of_analysed")
    taxonomy = b.state.taxonomy or a.state.taxonomy
    ids = [i for i in dict.fromkeys([*share_b.index, *share_a.index]) if i != schema.OTHER_THEME]
    table = pd.DataFrame(
        {
            "theme_id": ids,
            "name": [theme_name(taxonomy, i, lang) for i in ids],
            "share_a": [float(share_a.get(i, 0.0)) for i in ids],
            "share_b": [float(share_b.get(i, 0.0)) for i in ids],
        }
    )
    table["change"] = (table["share_b"] - table["share_a"]).round(4)
    table["status"] = np.where(
        ~table["theme_id"].isin(share_a.index), "new", np.where(~table["theme_id"].isin(share_b.index), "gone", "kept")
    )
    return table.sort_values(["change", "theme_id"], key=lambda s: -s.abs() if s.name == "change" else s, kind="stable").reset_index(
        drop=True
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{3,}", str(text).lower()))


def campaigns_change(a: Run, b: Run) -> pd.DataFrame:
    """Campaigns of A and B paired by the words of their representative texts; the rest new or gone."""
    ca, cb = a.tables.get("campaigns"), b.tables.get("campaigns")
    ca = ca if ca is not None else pd.DataFrame(columns=["campaign_id", "contributions", "representative_text"])
    cb = cb if cb is not None else pd.DataFrame(columns=["campaign_id", "contributions", "representative_text"])
    words_a, words_b = [_words(x) for x in ca["representative_text"]], [_words(x) for x in cb["representative_text"]]
    similarity = np.array([[_jaccard(x, y) for y in words_b] for x in words_a]).reshape(len(words_a), len(words_b))
    pairs = match(similarity, MIN_CAMPAIGN_OVERLAP)
    rows = [
        {
            "status": "kept",
            "campaign_a": ca["campaign_id"].iloc[i],
            "campaign_b": cb["campaign_id"].iloc[j],
            "contributions_a": int(ca["contributions"].iloc[i]),
            "contributions_b": int(cb["contributions"].iloc[j]),
            "text": str(cb["representative_text"].iloc[j])[:200],
        }
        for i, j, _ in pairs
    ]
    done_a, done_b = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    rows += [
        {
            "status": "gone",
            "campaign_a": ca["campaign_id"].iloc[i],
            "campaign_b": "",
            "contributions_a": int(ca["contributions"].iloc[i]),
            "contributions_b": 0,
            "text": str(ca["representative_text"].iloc[i])[:200],
        }
        for i in range(len(ca))
        if i not in done_a
    ]
    rows += [
        {
            "status": "new",
            "campaign_a": "",
            "campaign_b": cb["campaign_id"].iloc[j],
            "contributions_a": 0,
            "contributions_b": int(cb["contributions"].iloc[j]),
            "text": str(cb["representative_text"].iloc[j])[:200],
        }
        for j in range(len(cb))
        if j not in done_b
    ]
    return pd.DataFrame(rows, columns=["status", "campaign_a", "campaign_b", "contributions_a", "contributions_b", "text"])


def overview_change(a: Run, b: Run) -> pd.DataFrame:
    rows = []
    acc_a, acc_b = a.state.accounting, b.state.accounting
    rows.append(("input", acc_a.get("input", 0), acc_b.get("input", 0)))
    rows.append(("analysed", acc_a.get("analysed", 0), acc_b.get("analysed", 0)))
    for reason in sorted(set(acc_a.get("excluded", {})) | set(acc_b.get("excluded", {}))):
        rows.append(
            (
                f"excluded_{reason}",
                acc_a["excluded"].get(reason, 0) if "excluded" in acc_a else 0,
                acc_b["excluded"].get(reason, 0) if "excluded" in acc_b else 0,
            )
        )
    rows.append(("topics", len(_topic_ids(a)), len(_topic_ids(b))))
    for name in ("campaigns",):
        rows.append((name, len(a.tables.get(name, [])), len(b.tables.get(name, []))))
    table = pd.DataFrame(rows, columns=["metric", "a", "b"])
    table["change"] = table["b"] - table["a"]
    return table


def compare_runs(dir_a: str | Path, dir_b: str | Path, *, lang: str | None = None, min_similarity: float = MIN_SIMILARITY) -> Comparison:
    """Compare two analysis folders; tables and report text in ``lang`` (default: B's report language)."""
    if lang is not None and lang not in REPORT_LANGS:
        raise InputError.about("{lang:{value}}: use one of " + ", ".join(REPORT_LANGS) + ".", "lang", value=lang)
    if not 0 < min_similarity <= 1:
        raise InputError.about(
            "{min_similarity:{value}}: give a cosine between 0 (exclusive) and 1.", "min_similarity", value=min_similarity
        )
    a, b = load_run(dir_a), load_run(dir_b)
    lang = lang or b.state.report_lang
    topics, method = topics_change(a, b, lang, min_similarity)
    comparison = Comparison()
    comparison.tables = {
        "overview": overview_change(a, b),
        "topics": topics,
        "themes": themes_change(a, b, lang),
        "campaigns": campaigns_change(a, b),
    }
    comparison.facts = {
        "lang": lang,
        "a": str(a.path),
        "b": str(b.path),
        "source_a": a.state.source,
        "source_b": b.state.source,
        "method": method,
        "min_similarity": min_similarity if method == "centres" else MIN_KEYWORD_OVERLAP,
        "embedder_a": a.embedder,
        "embedder_b": b.embedder,
        "counts": {s: int((topics["status"] == s).sum()) for s in ("kept", "new", "gone")},
    }
    return comparison


def compare(
    dir_a: str | Path, dir_b: str | Path, out: str | Path, *, lang: str | None = None, min_similarity: float = MIN_SIMILARITY
) -> tuple[Comparison, list[str]]:
    """Compare two analysis folders and write ``out/tables/*.csv``, ``comparison.md``, ``comparison.html`` and ``comparison.json``."""
    from consultnlp.report.comparison import write_comparison

    for path in (dir_a, dir_b):
        if not (Path(path) / STATE_DIR).is_dir():
            raise InputError(f"{path} is not an analysis folder (no {STATE_DIR}/). Give two --out folders of `consultnlp analyze`.")
    comparison = compare_runs(dir_a, dir_b, lang=lang, min_similarity=min_similarity)
    written = write_comparison(comparison, Path(out))
    summary = {"facts": comparison.facts, "files": written}
    (Path(out) / "comparison.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return comparison, written + ["comparison.json"]
