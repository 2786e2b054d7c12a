"""What every section builder shares: the tables and facts of one summary, in one language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from consultnlp.cleaning import ends_whole
from consultnlp.i18n import language_name, number, percent, quoted, t
from consultnlp.report.model import Block
from consultnlp.summary.segments import BLANK

_COUNTED_SHARES = ("topic_groups", "topics")  # tables whose share of distinct contributions the report recomputes


@dataclass
class ReportContext:
    """What every section builder reads."""

    tables: dict[str, pd.DataFrame]
    facts: dict[str, Any]
    lang: str
    taxonomy: Any
    settings: dict[str, Any]

    def table(self, name: str) -> pd.DataFrame | None:
        table = self.tables.get(name)
        if table is None or table.empty:
            return None
        if name in _COUNTED_SHARES and {"unique_contributions", "share_unique"} <= set(table.columns) and "overview" in self.tables:
            # A share printed to one decimal comes from the counts, not from the table's four digits (claim check 86: 155
            # of 1,286 distinct, 0.1205 in the table, was printed 12,0% for 12,1%; the themes did so since claim check 41).
            total = self.unique_total()
            if total:
                table = table.assign(share_unique=pd.to_numeric(table["unique_contributions"], errors="coerce") / total)
        return table

    def n(self, value: float | int, digits: int = 0) -> str:
        return number(value, self.lang, digits)

    def pct(self, value: float, digits: int | None = None) -> str:
        return percent(float(value), self.lang, digits)

    def q(self, text: str) -> str:
        return quoted(text, self.lang)

    def overview(self) -> dict[str, Any]:
        table = self.tables["overview"]
        return dict(zip(table["metric"], table["value"]))

    def unique_total(self) -> int:
        """The base of every share in the report: distinct analysed contributions."""
        return int(self.overview().get("unique_contributions", self.facts["accounting"]["analysed"]))


def segment_label(value: str, lang: str) -> str:
    return t("blank", lang) if value == BLANK else str(value)


def chart(labels: list[str], values: list[float], title: str, lang: str) -> Block:
    return Block("chart", chart={"labels": labels, "values": [float(v) for v in values], "title": title, "lang": lang})


def key_points_block(ctx: ReportContext, scope: str, group_id: Any, limit: int) -> Block | None:
    """ "31 contributions (28 distinct) say: «…» (id)", the group's key points, largest first."""
    points = ctx.table("key_points")
    if points is None:
        return None
    part = points[(points["scope"] == scope) & (points["group_id"].astype(str) == str(group_id))].sort_values("rank").head(limit)
    items = []
    for _, p in part.iterrows():
        n, unique = int(p["contributions"]), int(p["unique_contributions"])
        copies = int(p["campaign_contributions"]) if "campaign_contributions" in p and not pd.isna(p["campaign_contributions"]) else 0
        if n == unique:
            counted = t("point_count", ctx.lang, count=n, n=ctx.n(n))
        elif copies:  # how many are an organised campaign's copies (claim check 50)
            counted = t("point_count_campaign", ctx.lang, count=n, n=ctx.n(n), unique=ctx.n(unique), copies=ctx.n(copies))
        else:
            counted = t("point_count_unique", ctx.lang, count=n, n=ctx.n(n), unique=ctx.n(unique))
        items.append(f"{counted} {ctx.q(str(p['statement']))}{on_prompt(ctx, p)} ({p['comment_id']})")
    return Block("list", items=items) if items else None


def join_items(items: list[str], lang: str, last: str = "and") -> str:
    """ "a, b y c" in ``lang`` ("a, b o c" with ``last="or"``)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t(last, lang)} " + items[-1]


def quote_item(ctx: ReportContext, quote: Any) -> dict[str, str]:
    """A quote block's item: its text and its cite, the comment id and, where the rows answer prompts, the prompt it
    answers ("1571, sobre «A la educación»": a quote "against" is against its prompt)."""
    prompt = _on_prompt(ctx, quote)
    cite = str(quote["comment_id"]) + reworded(ctx, quote) + _votes(ctx, quote) + (f", {prompt}" if prompt else "")
    # A quote as long as the platform's limit may have lost its end (claim check 86: Plano Clima's 500-character quotes).
    limit = int((ctx.facts.get("length_limit") or {}).get("chars", 0) or 0)
    text = str(quote["quote"])
    if limit and len(text) >= limit and not ends_whole(text):
        cite += ", " + t("quote_at_limit", ctx.lang, chars=ctx.n(limit))
    shown = quote_excerpt(text)
    if shown != text:
        cite += ", " + t("quote_excerpt", ctx.lang, chars=ctx.n(len(text)))
    return {"text": shown, "cite": cite}


QUOTE_SHOWN_CHARS = 600  # a longer quote is shown from its start to a sentence's end before this, marked as an excerpt


def quote_excerpt(text: str) -> str:
    """``text``, or where it is longer than ``QUOTE_SHOWN_CHARS`` its opening up to the last sentence (or, failing one
    after a third of that, word) that ends before it, then " […]": claim check 93 (PNDBio) found quotes of 4,995 and 2,367
    characters, a page each, in a report read for its points."""
    if len(text) <= QUOTE_SHOWN_CHARS:
        return text
    head = text[:QUOTE_SHOWN_CHARS]
    ends = [m.end() for m in re.finditer(r"[.!?;:](?=\s)|\n", head)]
    cut = ends[-1] if ends and ends[-1] >= QUOTE_SHOWN_CHARS // 3 else head.rfind(" ")
    return text[: cut if cut > 0 else QUOTE_SHOWN_CHARS].rstrip() + " […]"


def _votes(ctx: ReportContext, quote: Any) -> str:
    """ ", 14 agree, 44 disagree" after a Pol.is statement's id (``agrees``/``disagrees`` of the quotes table)."""
    agrees, disagrees = quote.get("agrees"), quote.get("disagrees")
    if agrees is None or disagrees is None or pd.isna(agrees) or pd.isna(disagrees):
        return ""
    if int(agrees) + int(disagrees) <= (0 if own_votes_left_out(ctx) else 1):
        # Only its author's own vote, if any (claim check 92: 19 of 22 quotes signed "1 agree, 0 disagree").
        return ", " + t("quote_no_votes", ctx.lang)
    return ", " + t("quote_votes", ctx.lang, agree=ctx.n(int(agrees)), disagree=ctx.n(int(disagrees)))


def reworded(ctx: ReportContext, row: Any) -> str:
    """ ", reworded by the organiser, from statement 373" after the id of a Pol.is statement the organiser's account posted
    again in its own words (``reworded_from``); "" for a participant's own words."""
    source = cell_text(row, "reworded_from")
    return ", " + t("reworded_from", ctx.lang, source=source) if source else ""


def on_prompt(ctx: ReportContext, point: Any) -> str:
    """ " — on «prompt»" after a key point's statement: what its contributions answer ("" when they answer no prompt)."""
    prompt = _on_prompt(ctx, point)
    return f" — {prompt}" if prompt else ""


def _on_prompt(ctx: ReportContext, row: Any) -> str:
    """ "on «prompt»" for a row of a table with a ``prompt`` column ("" when it answers none, or the table has none)."""
    prompt = cell_text(row, "prompt")
    return t("point_on_prompt", ctx.lang, prompt=ctx.q(prompt)) if prompt else ""


def cell_text(row: Any, column: str) -> str:
    """A table row's text in ``column``, stripped; "" where the table has no such column or the cell is empty."""
    value = row.get(column)
    return "" if value is None or pd.isna(value) else str(value).strip()


def listed(row: Any, column: str) -> list[str]:
    """A table row's list in ``column``, written "a; b" ("capital; gains"): its items, [] where empty or missing."""
    return [w for w in cell_text(row, column).split("; ") if w]


LOOSE_NAME = 0.25  # a subject whose name's words fewer than a quarter of its contributions use is not called by it


def name_users(group: Any) -> int | None:
    """How many of a subject's contributions use any word of its name (``topic_groups`` row; runs before stop 32 only
    counted the words that tell it apart), or None where the name's words were not counted."""
    for column in ("contributions_using_name", "contributions_naming_it"):
        value = group.get(column)
        if value is not None and not pd.isna(value):
            return int(value)
    return None


def own_votes_left_out(ctx: ReportContext) -> bool:
    """Whether the Pol.is votes of this run leave out each statement's author's own vote: the export's vote matrix was read
    and the authors are known (``analysis._without_own_votes``)."""
    votes = ctx.table("statement_votes")
    return votes is not None and "counted" not in votes and bool(ctx.facts.get("authorship"))


def name_base(group: Any) -> int:
    """Of how many contributions ``name_users`` counts: those written in the name's language, where a multilingual
    subject's were counted so (``contributions_in_name_language``), else all of them."""
    value = group.get("contributions_in_name_language")
    return int(value) if value is not None and not pd.isna(value) else int(group.get("contributions") or 0)


def loose_name(group: Any) -> bool:
    """Whether fewer than ``LOOSE_NAME`` of a subject's contributions use any word of its name (``topic_groups`` row), or
    the words that tell it apart (``_loose_by_naming``)."""
    users, n = name_users(group), name_base(group)
    return (users is not None and bool(n) and users < LOOSE_NAME * n) or _loose_by_naming(group)


def _loose_by_naming(group: Any) -> bool:
    """Whether fewer than ``LOOSE_NAME`` of a subject's contributions use the words of its name that tell it apart
    (``naming_words``), where its other words are common in the consultation: «Online voting» in a consultation on
    electoral reform, 5 of whose 39 say "online" and 13 "voting" (claim check 76: the largest subject, read as one about
    online voting, was mostly about ballots and candidates)."""
    named, n = naming_count(group), name_base(group)
    return named is not None and bool(listed(group, "naming_words")) and bool(n) and named < LOOSE_NAME * n


def name_base_text(ctx: ReportContext, group: Any) -> str:
    """``name_base`` as a sentence says it: "84", or "34 in Spanish" where only those in the name's language were read."""
    n = ctx.n(name_base(group))
    value = group.get("contributions_in_name_language")
    if value is None or pd.isna(value):
        return n
    return t("n_in_language", ctx.lang, n=n, language=language_name(ctx.lang, ctx.lang))


def naming_count(group: Any) -> int | None:
    """How many of a subject's contributions use a word that tells it apart (``contributions_naming_it``), or None."""
    value = group.get("contributions_naming_it")
    return None if value is None or pd.isna(value) else int(value)


def name_speaks_for(ctx: ReportContext, group: Any, share: float) -> tuple[str, int] | None:
    """For how many of a subject's contributions its name speaks, where that is fewer than ``share`` of them: ("words",
    count) by the words that tell it apart (``naming_count``), or ("name", count) by any word of the name where no word
    tells it apart (each common in the consultation: «Respeto», Chile 2016, 194 of 602); None where it speaks for enough
    of them or nothing was counted."""
    n = int(group["contributions"])
    named = naming_count(group)
    if named is not None and naming_words(ctx, group):
        return ("words", named) if named < share * n else None
    users = name_users(group)
    if users == 0 and listed(group, "name_words_consultation"):
        # Its name only in words of the whole consultation, which are not counted («Football» in a conversation on the NFL:
        # claim check 94 read "0 of them use a word of its name" of 30, 15 of which say "football").
        return ("consultation", 0)
    return ("name", users) if users is not None and users < share * n else None


def consultation_words(ctx: ReportContext, group: Any) -> str:
    """The words of a subject's name that are the whole consultation's, quoted and joined ("“football”")."""
    return join_items([ctx.q(w) for w in listed(group, "name_words_consultation")], ctx.lang)


def naming_words(ctx: ReportContext, group: Any) -> str:
    """The words that tell a subject apart, quoted and joined with "or" ("«desastres» ou «educação»"); "" when none."""
    return join_items([ctx.q(w) for w in listed(group, "naming_words")], ctx.lang, last="or")


def loose_name_fields(ctx: ReportContext, group: Any) -> dict[str, str]:
    """The words a loose name's sentences fill in: the name quoted, how many use a word of it, of how many, and the
    words counted where they are not all the name's (``words``: "“capital” or “gains”"; "" where they are). A name loose
    by the words that tell it apart (``_loose_by_naming``) counts those words and their users."""
    counted = listed(group, "name_words_counted")
    users = name_users(group)
    by_naming = not (users is not None and users < LOOSE_NAME * name_base(group)) and _loose_by_naming(group)
    if by_naming:
        counted, users = listed(group, "naming_words"), naming_count(group)
    return {
        "name": name_quoted(ctx, str(group["label"])),
        "named": ctx.n(int(users or 0)),
        "n": name_base_text(ctx, group),
        "words": join_items([ctx.q(w) for w in counted], ctx.lang, last="or"),
        "all_words": join_items([ctx.q(w) for w in counted], ctx.lang),
        "own": "1" if cell_text(group, "name_words_consultation") and not counted else "",
        "two": "1" if _flag(group, "name_needs_two") and counted and not by_naming else "",
    }


def name_quoted(ctx: ReportContext, name: str) -> str:
    """A subject's name in quotation marks, unless it is a list of quoted topic names already ("“Care”, “Feel at ease” and 7
    other topics": NHS feedback, claim check 61, printed ““Care”, … topics”)."""
    # In any language's marks: the names of a Spanish run's subjects list their topics in “…” (Chile 5k: «“Leyes y
    # normas”, “Responsabilidad” y 6 tópicos más»).
    return name if name.startswith((ctx.q("")[:1], "“", "«", '"')) else ctx.q(name)


def _flag(row: Any, column: str) -> bool:
    value = row.get(column)
    return value is not None and not pd.isna(value) and str(value).lower() in ("true", "1")


def loose_key(key: str, fields: dict[str, str]) -> str:
    """``key``; its ``_words`` form where the words counted are not all the name's, its ``_two`` form where a part of three
    words or more needed two of them, its ``_own`` form where none was (the name is the consultation's own subject:
    ``loose_name_fields``)."""
    if fields.get("own"):
        return f"{key}_own"
    return f"{key}_two" if fields.get("two") else f"{key}_words" if fields.get("words") else key


def ranked_subjects(groups: pd.DataFrame) -> pd.DataFrame:
    """The subjects of a ``topic_groups`` table ("no clear topic" left out), largest by distinct contributions first (ties:
    lower id): the order of the summary, the subjects' sections and the annex."""
    return groups[groups["topic_group_id"] >= 0].sort_values(
        ["unique_contributions", "topic_group_id"], ascending=[False, True], kind="stable"
    )


def subject_label(ctx: ReportContext, group: Any) -> str:
    """A subject as headings, charts and tables show it: its name; where few of it use its name, the topics it holds
    (:func:`mixed_subject_label`), or for a subject of one topic "Loosely named (words of “Federal” in 4 of 34)"."""
    if not loose_name(group):
        return str(group["label"])
    mixed = mixed_subject_label(ctx, group)
    if mixed:
        return mixed
    fields = loose_name_fields(ctx, group)
    return t(loose_key("subject_loose", fields), ctx.lang, **fields)


def mixed_subject_label(ctx: ReportContext, group: Any) -> str:
    """A loosely named subject of two topics or more, called by the topics it holds, largest first and those whose own
    name fits them before those whose name does not: "“Tax”, “Foreign buyers” and 3 other topics". Claim checks 85, 87
    and 88 found headings such as «Nombre poco representativo (palabras de «Cumplir» en 2.503 de 16.264)» unusable: they
    said what a subject is not, never what it holds. "" where the subject holds fewer than two topics."""
    topics = ctx.table("topics")
    if topics is None or "topic_group_id" not in topics:
        return ""
    members = topics[(topics["topic_group_id"] == group["topic_group_id"]) & (topics["topic_id"] >= 0)]
    if len(members) < 2:
        return ""
    members = members.sort_values(["unique_contributions", "topic_id"], ascending=[False, True], kind="stable")
    # Those whose own name fits first, each part in size order (a stable sort on whether it is loose).
    names = [label for loose, label in sorted(((loose_name(r), str(r["label"])) for _, r in members.iterrows()), key=lambda x: x[0])]
    a, b, others = names[0], names[1], len(names) - 2
    if others:
        return t("group_name_and_others", ctx.lang, count=others, a=a, b=b, n=ctx.n(others))
    return t("group_name_pair", ctx.lang, a=a, b=b)


def subject_labels(ctx: ReportContext) -> dict[int, str]:
    """Every subject's label as the report shows it (:func:`subject_label`), by ``topic_group_id``."""
    groups = ctx.table("topic_groups")
    if groups is None:
        return {}
    return {int(g["topic_group_id"]): subject_label(ctx, g) for _, g in groups.iterrows()}
