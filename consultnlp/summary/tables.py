"""The summary tables, one function each, computed from the analysed frame.

Every table counts both contributions (all analysed rows, duplicates and
campaign copies included) and unique contributions (identical or
near-identical texts counted once). Column names are stable English
identifiers; names people read (topic labels, theme names) are in the report
language.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.config import SummariseConfig
from consultnlp.frame import analysed_mask, representatives, unit_mask
from consultnlp.i18n import t
from consultnlp.ingest.columns import author_id_column
from consultnlp.summary.quotes import (
    QuotePool,
    choose_quotes,
    theme_groups,
    topic_groups,
)
from consultnlp.summary.segments import BLANK, segment_values
from consultnlp.summary.subjects import (
    SAME_LANGUAGE,
    NameEvidence,
    credited_authors,
    name_use,
    name_use_columns,
    organiser_accounts,
    participants,
    top_author,
)
from consultnlp.summary.supports import order_key_points, order_quotes
from consultnlp.topics.naming import name_in

LANGS = schema.LANGUAGES
SHEET_NAME_MAX = 31  # Excel's limit; segment tables are named so that the sheet name is the table name
QUOTE_COLUMNS = ["scope", "group_id", "group_name", "rank", "comment_id", "lang", "dup_count", "quote"]
# The columns of a subject table with no rows (nothing left to group): its header, so the file still reads as the table.
_NAME_USE = ["contributions_using_name", "contributions_in_name_language", "name_words_counted", "name_words_consultation", "name_needs_two"]
GROUP_COLUMNS = ["topic_group_id", "label", "topics", "topic_ids", "topic_labels", "contributions", "unique_contributions", "share",
                 "share_unique", "naming_words", "contributions_naming_it", "naming_rarest_word", "contributions_naming_rarest", "participants", "most_by_one",
                 "most_by_organiser", *_NAME_USE]
TOPIC_COLUMNS = ["topic_id", "label", "topic_group_id", "topic_group_label", "contributions", "unique_contributions", "share",
                 "share_unique", "languages", *(f"lang_share_{c}" for c in LANGS), "keywords", *(f"keywords_{c}" for c in LANGS),
                 "top_themes", "top_theme_names", *_NAME_USE, "naming_words", "contributions_naming_it", "naming_rarest_word", "contributions_naming_rarest"]


def _share(part: pd.Series | np.ndarray | int, whole: int) -> Any:
    return np.round(np.asarray(part, dtype=float) / whole, 4) if whole else np.zeros_like(np.asarray(part, dtype=float))


def _groups(frame: pd.DataFrame) -> pd.Series:
    """Duplicate group of each row (the row itself when dedupe did not run)."""
    if schema.DUP_GROUP in frame:
        return frame[schema.DUP_GROUP].astype(str)
    return pd.Series(frame.index.astype(str), index=frame.index)


def segment_table_names(columns: list[str]) -> dict[str, str]:
    """Column -> ``segment_<column>``: unique, and usable as a file name and as an Excel sheet name.

    ``/``, ``:``, ``*`` ... become ``_``, and names are cut to Excel's 31 characters
    so that every sheet of ``summary.xlsx`` is named exactly like its table.
    """
    names: dict[str, str] = {}
    for column in columns:
        slug = re.sub(r"[^\w-]+", "_", str(column), flags=re.UNICODE).strip("_") or "column"
        name, i = f"segment_{slug}"[:SHEET_NAME_MAX].rstrip("_"), 2
        while name in names.values():
            suffix = f"_{i}"
            name, i = f"segment_{slug}"[: SHEET_NAME_MAX - len(suffix)].rstrip("_") + suffix, i + 1
        names[column] = name
    return names


def explode_themes(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (analysed comment, theme), with ``unique`` (the row represents its duplicate group)."""
    part = frame.loc[analysed_mask(frame), [schema.THEMES]].copy()
    part["unique"] = representatives(frame).loc[part.index]
    part["theme_id"] = part[schema.THEMES].astype(str).str.split(";")
    return part.explode("theme_id").drop(columns=[schema.THEMES])


def theme_name(taxonomy: Any, theme_id: str, lang: str) -> str:
    """The theme's name in ``lang`` (``other`` is localised too)."""
    if theme_id == schema.OTHER_THEME:
        return t("other_theme", lang)
    try:
        return taxonomy.name_of(theme_id, lang)
    except (KeyError, AttributeError):
        return theme_id


def _names(table: pd.DataFrame | None, id_column: str, lang: str) -> dict[int, str]:
    """Id -> name in ``lang``: a reviewer's label, else the name stored for ``lang``, else the main-language name.

    Names were chosen once at analysis time (``consultnlp.topics.naming``); nothing is recomputed here,
    so a re-render in another language and back gives the same labels. -1 is "no clear topic".
    """
    labels = {schema.OUTLIER_TOPIC: t("outliers", lang)}
    for _, row in (table.iterrows() if table is not None else ()):
        key, custom = int(row[id_column]), row.get("custom_label")
        if key == schema.OUTLIER_TOPIC:
            continue
        names = row.get("labels") if isinstance(row.get("labels"), dict) else {}
        labels[key] = custom if isinstance(custom, str) and custom else (
            name_in(names, lang, str(row.get("main_lang") or lang)) or str(row["label"]))
    return labels


def topic_labels(topic_info: pd.DataFrame | None, lang: str) -> dict[int, str]:
    """Fine topic id -> its name in ``lang`` (see ``_names``)."""
    if topic_info is None or topic_info.empty:
        return {}
    return _names(topic_info, "topic_id", lang)


def group_labels(topic_groups: pd.DataFrame | None, lang: str) -> dict[int, str]:
    """Headline group id -> its name in ``lang`` (see ``_names``)."""
    return _names(topic_groups, "group_id", lang)


def topic_groups_table(
    frame: pd.DataFrame, topic_info: pd.DataFrame | None, labels: dict[int, str], names: dict[int, str], lang: str | None = None,
    evidence: NameEvidence | None = None,
) -> pd.DataFrame:
    """One row per headline group (outliers last): name, its fine topics, contributions and shares; the words of its
    name (in ``lang``) that tell it apart and how many use one, where nearly all of it is written in ``lang``."""
    analysed = frame.loc[analysed_mask(frame)]
    unique = representatives(frame).loc[analysed.index]
    total, total_unique = len(analysed), int(unique.sum())
    groups = analysed[schema.TOPIC_GROUP_ID].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int)
    topics = analysed[schema.TOPIC_ID].astype("Int64").fillna(schema.OUTLIER_TOPIC).astype(int)
    evidence = evidence or NameEvidence.of(frame)
    author = author_id_column(analysed.columns)
    organiser = organiser_accounts(frame, author)
    written_by = credited_authors(frame, author).loc[analysed.index] if author else None  # a relay is its participant's
    rows = []
    for group, part in groups.groupby(groups, sort=True):
        inside = topics.loc[part.index]
        counts = inside.value_counts()
        order = sorted(counts.index, key=lambda k: (-counts[k], k))
        n_unique = int(unique.loc[part.index].sum())
        label = labels.get(int(group), str(group))
        top, most = top_author(written_by.loc[part.index]) if author else ("", pd.NA)
        rows.append({
            "topic_group_id": int(group), "label": label,
            "topics": int(len([k for k in order if k >= 0])), "topic_ids": ", ".join(str(k) for k in order),
            "topic_labels": "; ".join(names.get(int(k), str(k)) for k in order),
            "contributions": len(part), "unique_contributions": n_unique,
            "share": float(_share(len(part), total)), "share_unique": float(_share(n_unique, total_unique)),
            **_naming(evidence, analysed.loc[part.index], label, lang, group >= 0),  # "No clear topic" is no name of theirs
            # ... and those that use any word of the name, generic ones included: under a quarter, the name is loose.
            **(name_use(evidence, analysed.loc[part.index], label, lang) if group >= 0 else {}),
            "participants": participants(written_by.loc[part.index]) if author else pd.NA,
            # The most any one participant wrote of them (a Pol.is seeder's 14 of 32 statements), and whether that one
            # is the account that posted the organiser's own rows.
            "most_by_one": most, "most_by_organiser": top in organiser,
        })
    if not rows:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    table = pd.DataFrame(rows)
    for column in ("participants", "most_by_one", "contributions_naming_it", "contributions_naming_rarest"):
        table[column] = table[column].astype("Int64")
    table = name_use_columns(table)
    return _outliers_last(table, "topic_group_id")


def key_points_table(frame: pd.DataFrame, points: pd.DataFrame | None, names: dict[tuple[str, str], str]) -> pd.DataFrame:
    """The key points with the name of the group or theme each belongs to, in the render language, and the prompt
    each answers ("" when the contributions have none)."""
    columns = ["scope", "group_id", "group_name", "rank", "statement", "prompt", "comment_id", "contributions", "unique_contributions",
               "campaign_contributions", "comment_ids"]
    if points is None or points.empty:
        return pd.DataFrame(columns=columns)
    table = order_key_points(points.reset_index(drop=True), frame)  # equal counts: the most supported first
    if "prompt" not in table:  # key points of a run made before prompts
        table["prompt"] = ""
    table["group_name"] = [names.get((s, str(g)), str(g)) for s, g in zip(table["scope"], table["group_id"])]
    # Of its contributions, those that are copies of an organised campaign (claim check 50: 26 of a point's 43 were one text).
    in_campaign = frame[schema.CAMPAIGN].astype(bool) if schema.CAMPAIGN in frame else pd.Series(False, index=frame.index)
    copies = frame[schema.DUP_COUNT].where(in_campaign, 0) if schema.DUP_COUNT in frame else in_campaign.astype(int)
    copies = copies.set_axis(frame.index.astype(str))
    table["campaign_contributions"] = [int(copies.reindex([i for i in str(ids).split(";") if i]).fillna(0).sum()) for ids in table["comment_ids"]]
    return table[columns].reset_index(drop=True)


def overview_table(frame: pd.DataFrame, accounting: dict[str, Any]) -> pd.DataFrame:
    """Contributions received, analysed, unique, excluded by reason, campaigns, topics, personal data."""
    analysed = analysed_mask(frame)
    unique = int(unit_mask(frame).sum())
    rows: list[tuple[str, Any]] = [
        ("contributions", accounting["input"]),
        ("analysed", accounting["analysed"]),
        ("unique_contributions", unique),
        ("duplicate_copies", accounting["analysed"] - unique),
        ("excluded", sum(accounting["excluded"].values())),
    ]
    rows += [(f"excluded_{reason}", n) for reason, n in accounting["excluded"].items()]
    if schema.CAMPAIGN in frame:
        campaign = analysed & frame[schema.CAMPAIGN].astype(bool)
        rows += [
            ("campaigns", int(frame.loc[campaign, schema.CAMPAIGN_ID].replace("", np.nan).nunique())),
            ("campaign_contributions", int(campaign.sum())),
            ("campaign_unique_contributions", int((campaign & representatives(frame)).sum())),
        ]
    if schema.TOPIC_ID in frame:
        topics = frame.loc[analysed, schema.TOPIC_ID]
        rows += [("topics", int(topics[topics >= 0].nunique())), ("outlier_share", float(_share(int((topics == -1).sum()), len(topics))))]
    if schema.THEMES in frame:
        themes = frame.loc[analysed, schema.THEMES]
        rows.append(("share_with_theme", float(_share(int((themes != schema.OTHER_THEME).sum()), len(themes)))))
    if schema.PII_COUNT in frame:
        rows.append(("comments_with_personal_data", int((frame[schema.PII_COUNT] > 0).sum())))
    # Counts stay integers and shares stay fractions in the CSV (object column, not float).
    return pd.DataFrame({"metric": [m for m, _ in rows], "value": pd.Series([v for _, v in rows], dtype=object)})


def participation_table(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Contributions, analysed and unique contributions per value of ``column``.

    Unique contributions count each duplicate group once per value: a campaign
    sent from three regions is one unique contribution in each of them.
    """
    analysed = analysed_mask(frame)
    keys = segment_values(frame[column])
    groups = _groups(frame)
    unique = pd.DataFrame({"key": keys[analysed], "group": groups[analysed]}).drop_duplicates()["key"].value_counts()
    table = pd.DataFrame(
        {"contributions": keys.value_counts(), "analysed": keys[analysed].value_counts(), "unique_contributions": unique}
    ).fillna(0).astype("int64")
    table["excluded"] = table["contributions"] - table["analysed"]
    table["share_of_analysed"] = _share(table["analysed"], int(analysed.sum()))
    # Of the distinct contributions analysed, the report's base for every share: a text sent under two values counts in
    # each, and the sum of the column is no base (claim check 93, PNDBio: 556 for 555, chapter 4 at 68.4% for 68.5%).
    table["share_of_unique"] = _share(table["unique_contributions"], int(groups[analysed].nunique()))
    table.index.name = column
    table = table.reset_index()
    table["_blank"] = table[column] == BLANK
    table = table.sort_values(["_blank", "contributions", column], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_blank").reset_index(drop=True)


def topics_table(
    frame: pd.DataFrame, topic_info: pd.DataFrame | None, taxonomy: Any, lang: str, groups: dict[int, str] | None = None,
    evidence: NameEvidence | None = None,
) -> pd.DataFrame:
    """One row per topic (outliers last): label in ``lang``, size, share, language mix, keywords per language, top themes."""
    analysed = frame.loc[analysed_mask(frame)]
    unique = representatives(frame).loc[analysed.index]
    total, total_unique = len(analysed), int(unique.sum())
    info = topic_info.set_index("topic_id") if topic_info is not None and not topic_info.empty else None
    labels = topic_labels(topic_info, lang)
    evidence = evidence or NameEvidence.of(frame)
    rows = []
    for topic_id, part in analysed.groupby(schema.TOPIC_ID, sort=True):
        topic_id = int(topic_id)
        known = info is not None and topic_id in info.index
        langs = part[schema.LANG].astype(str).value_counts(normalize=True).sort_index().sort_values(ascending=False, kind="stable")
        themes = part[schema.THEMES].astype(str).str.split(";").explode() if schema.THEMES in part else pd.Series(dtype=str)
        themes = themes[themes != schema.OTHER_THEME].value_counts()
        themes = themes.sort_index(kind="stable").sort_values(ascending=False, kind="stable").head(3)
        n_unique = int(unique.loc[part.index].sum())
        row = {
            "topic_id": topic_id,
            "label": labels.get(topic_id, str(part[schema.TOPIC_LABEL].iloc[0]) if schema.TOPIC_LABEL in part else str(topic_id)),
            **_group_of(part, groups),
            "contributions": len(part),
            "unique_contributions": n_unique,
            "share": float(_share(len(part), total)),
            "share_unique": float(_share(n_unique, total_unique)),
            "languages": ", ".join(f"{code} {p:.0%}" for code, p in langs.items()),
        }
        row.update({f"lang_share_{code}": round(float(langs.get(code, 0.0)), 4) for code in LANGS})
        row["keywords"] = ", ".join(list(info.loc[topic_id, "keywords"])[:10]) if known else ""
        for code in LANGS:
            words = info.loc[topic_id, "keywords_by_lang"].get(code, []) if known and isinstance(info.loc[topic_id, "keywords_by_lang"], dict) else []
            row[f"keywords_{code}"] = ", ".join(list(words)[:10])
        row["top_themes"] = ", ".join(themes.index)
        row["top_theme_names"] = ", ".join(theme_name(taxonomy, th, lang) for th in themes.index)
        # How many use any word of its name (read 9: "Parking (60)", 13 of whose 60 mention parking).
        row.update(name_use(evidence, part, row["label"], lang) if topic_id >= 0 else {})
        # ... and the words that tell it apart (claim check 77: «Licenciamento ambiental», 3 of whose 40 say "licenciamento",
        # was not flagged: 24 say "ambiental", a word of the whole climate plan).
        row.update(_naming(evidence, part, row["label"], lang, topic_id >= 0))
        rows.append(row)
    if not rows:
        return pd.DataFrame(columns=[c for c in TOPIC_COLUMNS if groups is not None or not c.startswith("topic_group")])
    table = name_use_columns(pd.DataFrame(rows))
    for column in ("contributions_naming_it", "contributions_naming_rarest"):
        table[column] = table[column].astype("Int64")
    return _outliers_last(table, "topic_id")


def _naming(evidence: NameEvidence, part: pd.DataFrame, label: str, lang: str | None, named: bool) -> dict[str, Any]:
    """The words of a subject's or topic's name that tell it apart, and the contributions (copies included, like
    "contributions") that use one: how far the name speaks for them. A name's words are counted only where the part is
    written in the name's language: "presupuesto" is not how Portuguese and English contributions say "budget"."""
    one_language = lang is None or schema.LANG not in part or (part[schema.LANG] == lang).mean() >= SAME_LANGUAGE
    words = evidence.words(label, part.index) if one_language and named else []
    texts = evidence.texts.loc[part.index]
    return {
        "naming_words": "; ".join(words),
        "contributions_naming_it": evidence.using(texts, words) if words else pd.NA,
        # ... and of a name of two such words, the one fewer use and how many do: the word that says what the name states
        # («Congreso unicameral», 37 of 97 say "congreso" or "unicameral", 24 "unicameral": claim check 95, Chile 5k;
        # «Impeach Trump», 15 of 99 say "impeach": claim check 92).
        **_rarest(evidence, texts, words),
    }


def _rarest(evidence: NameEvidence, texts: pd.Series, words: list[str]) -> dict[str, Any]:
    if len(words) != 2:
        return {"naming_rarest_word": "", "contributions_naming_rarest": pd.NA}
    counts = [evidence.using(texts, [word]) for word in words]
    i = int(np.argmin(counts))
    return {"naming_rarest_word": words[i], "contributions_naming_rarest": counts[i]}


def _group_of(part: pd.DataFrame, groups: dict[int, str] | None) -> dict[str, Any]:
    if groups is None or schema.TOPIC_GROUP_ID not in part:
        return {}
    group = part[schema.TOPIC_GROUP_ID].dropna()
    group_id = int(group.iloc[0]) if len(group) else schema.OUTLIER_TOPIC
    return {"topic_group_id": group_id, "topic_group_label": groups.get(group_id, str(group_id))}


def themes_table(frame: pd.DataFrame, taxonomy: Any, lang: str) -> pd.DataFrame:
    """One row per theme (``other`` last): name in ``lang``, counts, shares, number of distinct topics."""
    exploded = explode_themes(frame)
    analysed = analysed_mask(frame)
    total, total_unique = int(analysed.sum()), int((analysed & representatives(frame)).sum())
    counts = exploded.groupby("theme_id").agg(contributions=("unique", "size"), unique_contributions=("unique", "sum"))
    family = _family_counts(exploded, parents_of(taxonomy))
    # A theme whose sub-themes were given but never itself still heads them (PNDBio 2025: «Prestação de serviços
    # públicos», 7.9% with «Saúde» and «Educação», had no row, and the summary's top themes skipped it).
    missing = [th for th, n in family.items() if n and th not in counts.index]
    counts = pd.concat([counts, pd.DataFrame({"contributions": 0, "unique_contributions": 0}, index=pd.Index(missing, name="theme_id"))])
    counts["unique_contributions"] = counts["unique_contributions"].astype("int64")
    counts["contributions"] = counts["contributions"].astype("int64")
    counts["share_of_analysed"] = _share(counts["contributions"], total)
    counts["share_of_unique"] = _share(counts["unique_contributions"], total_unique)
    if schema.TOPIC_ID in frame:
        topics = frame.loc[exploded.index, schema.TOPIC_ID]
        n_topics = pd.Series(topics.to_numpy(), index=exploded["theme_id"].to_numpy())
        counts["topics"] = n_topics[n_topics >= 0].groupby(level=0).nunique().reindex(counts.index).fillna(0).astype("int64")
    counts = counts.reset_index()
    counts["name"] = [theme_name(taxonomy, th, lang) for th in counts["theme_id"]]
    parents = []
    for th in counts["theme_id"]:
        try:
            parents.append("" if th == schema.OTHER_THEME else (taxonomy.get(th).parent or ""))
        except KeyError:
            parents.append("")
    counts["parent"] = parents
    counts["parent_name"] = [theme_name(taxonomy, p, lang) if p else "" for p in parents]
    # A theme with sub-themes also counts the contributions that raise it or any of them, once each.
    counts["unique_with_subthemes"] = counts["theme_id"].map(family).astype("Int64")
    counts["share_of_unique_with_subthemes"] = [
        float(_share(int(n), total_unique)) if pd.notna(n) else np.nan for n in counts["unique_with_subthemes"]
    ]
    counts["_other"] = counts["theme_id"] == schema.OTHER_THEME
    counts = counts.sort_values(["_other", "unique_contributions", "theme_id"], ascending=[True, False, True], kind="stable")
    cols = ["theme_id", "name", "parent", "parent_name", "contributions", "unique_contributions", "share_of_analysed", "share_of_unique",
            "unique_with_subthemes", "share_of_unique_with_subthemes"]
    cols += ["topics"] if "topics" in counts else []
    return counts[cols].reset_index(drop=True)


def parents_of(taxonomy: Any) -> dict[str, str]:
    """Theme id -> its parent id, for themes that have one."""
    return {th.id: th.parent for th in getattr(taxonomy, "themes", []) if getattr(th, "parent", None)}


def _family_counts(exploded: pd.DataFrame, parents: dict[str, str]) -> dict[str, int]:
    """Parent theme -> unique contributions tagged with it or any of its descendants (each counted once)."""
    if not parents:
        return {}
    unique = exploded[exploded["unique"].astype(bool)]
    ancestors: dict[str, list[str]] = {}
    for theme in set(unique["theme_id"].tolist()) | set(parents):
        chain, node, seen = [], parents.get(theme), set()
        while node and node not in seen:
            seen.add(node)
            chain.append(node)
            node = parents.get(node)
        ancestors[theme] = chain
    rows = [(cid, parent) for cid, theme in zip(unique.index, unique["theme_id"]) for parent in [theme, *ancestors.get(theme, [])]]
    pairs = pd.DataFrame(rows, columns=["cid", "family"]).drop_duplicates()
    with_children = set(parents.values())
    counts = pairs[pairs["family"].isin(with_children)].groupby("family").size()
    return {str(k): int(v) for k, v in counts.items()}


def topic_theme_table(frame: pd.DataFrame, labels: dict[int, str], taxonomy: Any, lang: str) -> pd.DataFrame:
    """Contributions per (topic, theme), with the theme's share of the topic and the topic's share of the theme."""
    exploded = explode_themes(frame)
    exploded["topic_id"] = frame.loc[exploded.index, schema.TOPIC_ID].astype("int64")
    table = exploded.groupby(["topic_id", "theme_id"]).agg(contributions=("unique", "size"), unique_contributions=("unique", "sum"))
    table = table.reset_index()
    table["unique_contributions"] = table["unique_contributions"].astype("int64")
    topic_sizes = frame.loc[analysed_mask(frame)].groupby(schema.TOPIC_ID).size()
    theme_sizes = exploded.groupby("theme_id").size()
    table["share_of_topic"] = np.round(table["contributions"] / topic_sizes.reindex(table["topic_id"]).to_numpy(), 4)
    table["share_of_theme"] = np.round(table["contributions"] / theme_sizes.reindex(table["theme_id"]).to_numpy(), 4)
    table.insert(1, "topic_label", [labels.get(int(x), str(x)) for x in table["topic_id"]])
    table.insert(3, "theme_name", [theme_name(taxonomy, th, lang) for th in table["theme_id"]])
    return table.sort_values(["topic_id", "contributions", "theme_id"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def quotes_table(
    frame: pd.DataFrame, pool: QuotePool | None, cfg: SummariseConfig, *, names: dict[tuple[str, str], str],
    original_topics: pd.Series | None = None,
) -> pd.DataFrame:
    """Representative quotes (redacted text only) per topic and per theme, with ``comment_id`` to trace them."""
    if pool is None:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    units = frame.loc[unit_mask(frame)]
    used: set[str] = set()
    rows = [("topic", g, r, c) for g, r, c in choose_quotes(units, pool, "topic", topic_groups(units), cfg.quotes_per_topic, original=original_topics, used=used)]
    rows += [("theme", g, r, c) for g, r, c in choose_quotes(units, pool, "theme", theme_groups(units), cfg.quotes_per_theme, used=used)]
    table = order_quotes(pd.DataFrame(rows, columns=["scope", "group_id", "rank", "comment_id"]), frame)  # most supported first
    # Groups in id order (topics by number), quotes by rank: the order people look them up in.
    order = pd.to_numeric(table["group_id"], errors="coerce")
    table = table.assign(_num=order).sort_values(["scope", "_num", "group_id", "rank"], ascending=[False, True, True, True], kind="stable")
    table = table.drop(columns="_num").reset_index(drop=True)
    table.insert(2, "group_name", [names.get((s, g), g) for s, g in zip(table["scope"], table["group_id"])])
    table["rank"] = table["rank"].astype("int64")
    table["lang"] = units.loc[table["comment_id"], schema.LANG].to_numpy() if schema.LANG in units else ""
    table["dup_count"] = units.loc[table["comment_id"], schema.DUP_COUNT].to_numpy() if schema.DUP_COUNT in units else 1
    table["quote"] = units.loc[table["comment_id"], schema.TEXT_REDACTED].astype(str).to_numpy()
    return table[QUOTE_COLUMNS]


def exclusions_table(frame: pd.DataFrame, *, row_filter: str | None = None) -> pd.DataFrame:
    """Rows not analysed, per reason and stage, with example ids to check them.

    ``rule`` says what set them aside where one expression did: the ``--where`` filter
    (``row_filter``) for ``filtered`` rows.
    """
    part = frame.loc[~analysed_mask(frame)]
    table = part.groupby([schema.EXCLUDED, schema.EXCLUDED_STAGE]).agg(
        rows=(schema.ROW_NUMBER, "size"), example_comment_ids=(schema.ROW_NUMBER, lambda s: ", ".join(s.index[:5]))
    )
    table = table.reset_index().rename(columns={schema.EXCLUDED: "reason", schema.EXCLUDED_STAGE: "stage"})
    table.insert(3, "share_of_input", _share(table["rows"], len(frame)))
    table["rule"] = np.where(table["reason"] == schema.REASON_FILTERED, row_filter or "", "")
    return table.sort_values(["rows", "reason"], ascending=[False, True], kind="stable").reset_index(drop=True)


def privacy_table(frame: pd.DataFrame, kinds: list[str] | None = None) -> pd.DataFrame:
    """Every kind of personal data: whether it was looked for, and how often it was redacted (never the values)."""
    from consultnlp.privacy import PII_KINDS

    checked = set(PII_KINDS if kinds is None else kinds)
    found: dict[str, tuple[int, int]] = {}
    if schema.PII_FOUND in frame:
        items = frame[schema.PII_FOUND].astype(str).str.split(";").explode()
        items = items[items.fillna("").str.contains(":")]
        if not items.empty:
            pairs = pd.DataFrame({"kind": items.str.split(":").str[0].to_numpy(), "n": items.str.split(":").str[1].astype(int).to_numpy(),
                                  "cid": items.index})
            counts = pairs.groupby("kind").agg(occurrences=("n", "sum"), comments=("cid", "nunique"))
            found = {str(k): (int(r["occurrences"]), int(r["comments"])) for k, r in counts.iterrows()}
    order = list(PII_KINDS) + sorted(set(found) - set(PII_KINDS))
    table = pd.DataFrame({
        "kind": order, "checked": [k in checked for k in order],
        "occurrences": [found.get(k, (0, 0))[0] for k in order], "comments": [found.get(k, (0, 0))[1] for k in order],
    })
    # Most found first; then in the order kinds are listed (the detectors' order).
    return table.assign(_order=np.arange(len(table))).sort_values(["occurrences", "_order"], ascending=[False, True], kind="stable") \
        .drop(columns="_order").reset_index(drop=True)


def _outliers_last(table: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """Largest first by contributions, ties by id; the outlier row (id -1) last."""
    if table.empty:
        return table
    table["_outlier"] = table[id_column] == schema.OUTLIER_TOPIC
    table = table.sort_values(["_outlier", "contributions", id_column], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_outlier").reset_index(drop=True)
