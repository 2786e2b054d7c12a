"""Participation-platform exports recognised by their columns: Decidim, Consul Democracy and Pol.is.

Each detector looks at the all-text table ``read_table`` returns and, when the
columns are the platform's, says how to use them (a ``Mapping``): which columns
make the text (title + body, the fullest locale first), the id, the segments,
the personal columns never to publish, and the rows to set aside (Pol.is
comments a moderator rejected). Survey tools are in ``ingest.surveys``.

Column lists come from the platforms' own exporters (see docs/NOTES and the
README section "Platform exports"): Decidim's open-data serializers (nested
fields flattened with ``/``), Consul's machine-learning JSON files and admin CSV,
Pol.is' ``comments.csv``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from consultnlp.ingest.info import IngestInfo
from consultnlp.official import AUTHOR_ROLE, ROLE_GROUP, ROLE_MEETING, ROLE_OFFICIAL, ROLE_PARTICIPANT
from consultnlp.registry import Registry
from consultnlp.schema import REASON_MODERATED, REASON_OFFICIAL
from consultnlp.text import word_stems
from consultnlp.votes.profile import is_profile_question

# Pol.is: a comment is a consensus when at least this share of its agree/disagree votes goes one way;
# below MIN_VOTES votes it is too early to tell.
CONSENSUS_SHARE = 0.7
MIN_VOTES = 10
POLIS_AGREE_SHARE, POLIS_VOTES, POLIS_CONSENSUS = "polis_agree_share", "polis_votes", "polis_consensus"
CONSUL_TYPE = "consul_type"


@dataclass
class Mapping:
    """How the columns of a recognised export are used; every part can be overridden by an option."""

    platform: str
    text_parts: list[list[str]] = field(default_factory=list)  # joined in order; per part the first non-empty column
    id_column: str | None = None
    segment_columns: list[str] = field(default_factory=list)
    personal_columns: list[str] = field(default_factory=list)  # left out of the frame: never published
    unused_text: list[str] = field(default_factory=list)  # other citizen text (other locales, machine translations): left out
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # (reason, --where expression)
    questions: list[str] = field(default_factory=list)  # open questions of a survey: one contribution each
    question_labels: dict[str, str] = field(default_factory=dict)
    context_column: str | None = None  # the prompt each row answers (the title of the proposal a comment is on)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Detector = Callable[[pd.DataFrame, IngestInfo], "tuple[pd.DataFrame, Mapping] | None"]


def filled(values: pd.Series) -> int:
    return int((values.astype(str).str.strip() != "").sum())


def by_fill(frame: pd.DataFrame, columns: list[str]) -> list[str]:
    """``columns`` fullest first (ties: as given), the empty ones left out."""
    counts = {c: filled(frame[c]) for c in columns}
    return [c for c in sorted(columns, key=lambda c: -counts[c]) if counts[c]]


def usable_id(frame: pd.DataFrame, column: str | None) -> str | None:
    """``column`` when every row has a value and no value repeats (else ids are derived)."""
    if column is None or column not in frame:
        return None
    ids = frame[column].astype(str).str.strip()
    return column if (ids != "").all() and not ids.duplicated().any() else None


# ---------------------------------------------------------------- Decidim

_LOCALE = r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?"
_SEP = r"[/.]"  # CSV exports flatten with "/", a JSON export read with pandas with "."


def _localised(frame: pd.DataFrame, field_name: str) -> list[str]:
    """``title/es``, ``title/pt-BR`` ... (machine translations left out)."""
    pattern = re.compile(rf"^{field_name}{_SEP}{_LOCALE}$")
    return [c for c in frame.columns if pattern.match(c)]


def _decidim_personal(frame: pd.DataFrame) -> list[str]:
    pattern = re.compile(rf"^(author|user_group|coauthors?){_SEP}|^(endorsements|likes){_SEP}user_|^user_endorsements|^user_likes")
    return [c for c in frame.columns if pattern.match(c)]


def _author_role(url_cell: str, group_cell: str = "") -> str:
    """Decidim's ``author/url``: the instance's root for the organisation (an official proposal), a meeting page
    for a meeting's proposal, a ``/profiles/`` page for a participant (``author_url`` in its serializers)."""
    urls = [u.strip() for u in re.split(r"[,\s]+", url_cell.strip("[]\"' ")) if u.strip().strip("\"'")]
    if not urls:
        return ""
    paths = [re.sub(r"^[a-z]+://[^/]+", "", u.strip("\"'")).split("?")[0] for u in urls]
    if all(p.strip("/") == "" for p in paths):
        return ROLE_OFFICIAL
    if any("/meetings/" in p for p in paths):
        return ROLE_MEETING
    return ROLE_GROUP if group_cell.strip() else ROLE_PARTICIPANT


def _decidim_roles(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``author_role`` column, read from the author fields before they are left out as personal."""
    url = next((c for c in frame.columns if re.match(rf"^author{_SEP}url$", c)), None)
    if url is None or AUTHOR_ROLE in frame:
        return frame
    group = next((c for c in frame.columns if re.match(rf"^user_group{_SEP}(id|name)$", c)), None)
    groups = frame[group].astype(str) if group else pd.Series("", index=frame.index)
    roles = [_author_role(str(u), str(g)) for u, g in zip(frame[url].astype(str), groups)]
    return frame.assign(**{AUTHOR_ROLE: roles}) if any(roles) else frame


def _decidim_segments(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The category and scope names (fullest locale), or the newer ``taxonomies`` names joined in one column."""
    segments = []
    for what in ("category", "scope"):
        names = by_fill(frame, [c for c in frame.columns if re.match(rf"^{what}{_SEP}name{_SEP}{_LOCALE}$", c)])
        if names:
            segments.append(names[0])
    taxonomy = [c for c in frame.columns if re.match(rf"^taxonomies{_SEP}name{_SEP}", c)]
    if taxonomy:
        locales = {}
        for column in taxonomy:
            locales.setdefault(re.split(_SEP, column)[-1], []).append(column)
        best = max(locales, key=lambda loc: sum(filled(frame[c]) for c in locales[loc]))
        cells = frame[locales[best]].astype(str).apply(lambda row: "; ".join(v.strip() for v in row if v.strip()), axis=1)
        if (cells != "").any():
            frame = frame.assign(taxonomies=cells) if "taxonomies" not in frame else frame
            segments.append("taxonomies")
    return frame, segments


def _commented_title(frame: pd.DataFrame) -> str | None:
    """The title of the commented proposal, where the export carries it (``commentable/title/es``, ``root_commentable_title``,
    ``proposal_title`` ...: Decidim's own comment export has only ``commentable_id``), the fullest locale first."""
    pattern = re.compile(rf"^(root_)?(commentable|proposal|resource)[/._]title({_SEP}{_LOCALE})?$")
    found = by_fill(frame, [c for c in frame.columns if pattern.match(c)])
    return found[0] if found else None


def detect_decidim(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    titles, bodies = _localised(frame, "title"), _localised(frame, "body")
    descriptions = _localised(frame, "description")
    if "id" not in frame or not (bodies or descriptions):
        return None
    if bodies and ("alignment" in frame or "commentable_id" in frame or "depth" in frame) and not titles:
        kind, parts = "decidim-comments", [by_fill(frame, bodies)]
    elif titles and bodies:
        kind, parts = "decidim-proposals", [by_fill(frame, titles), by_fill(frame, bodies)]
    elif titles and descriptions:
        kind, parts = "decidim-results", [by_fill(frame, titles), by_fill(frame, descriptions)]
    else:
        return None
    frame, segments = _decidim_segments(frame)
    frame = _decidim_roles(frame)
    used = {c for p in parts for c in p}
    texts = re.compile(rf"^(title|body|description){_SEP}({_LOCALE}$|machine_translations{_SEP})")
    mapping = Mapping(
        kind,
        text_parts=[p for p in parts if p],
        id_column=usable_id(frame, "id"),
        segment_columns=segments,
        personal_columns=_decidim_personal(frame),
        unused_text=[c for c in frame.columns if texts.match(c) and c not in used],
    )
    if AUTHOR_ROLE in frame:
        mapping.notes.append(f"author role from author/url as column {AUTHOR_ROLE} (official rows are set aside by the screen stage)")
    if kind == "decidim-comments":
        mapping.context_column = _commented_title(frame)
    if kind == "decidim-comments" and "alignment" in frame:
        mapping.notes.append("alignment kept as a column (1 in favour, 0 neutral, -1 against)")
    return frame, mapping


# ---------------------------------------------------------------- Consul Democracy

CONSUL_JSON = {
    # app/models/*/exporter.rb json_values: what Consul's machine-learning module writes for its scripts.
    frozenset({"id", "title", "summary", "description"}): ("consul-proposals", "Proposal", [["title"], ["summary"], ["description"]]),
    frozenset({"id", "title", "description"}): ("consul-budget-investments", "Budget::Investment", [["title"], ["description"]]),
    frozenset({"id", "commentable_id", "commentable_type", "body"}): ("consul-comments", None, [["body"]]),
}
# Admin CSV downloads (Proposal::Exporter and its comment columns) have translated headers.
_WORD = {
    "comment": r"(comment|comentario|comentário)",
    "content": r"(content|contenido|conte[uú]do|texto|body)",
    "id": r"(id|identificador)",
    "author": r"(author|autor|autora)",
    "summary": r"(summary|resumen|resumo)",
    "proposal": r"(proposal|propuesta|proposta|title|t[ií]tulo)",
}


_AUTHOR_CONTACT = re.compile(
    rf"(e-?mail|correo|tel[eé]fono|telefone|phone)\b.*\b{_WORD['author']}|{_WORD['author']}\b.*\b(e-?mail|correo)", re.IGNORECASE
)


def _find(frame: pd.DataFrame, pattern: str) -> str | None:
    regex = re.compile(rf"^{pattern}$", re.IGNORECASE)
    return next((c for c in frame.columns if regex.match(c.strip())), None)


def _consul_dump(frame: pd.DataFrame) -> tuple[str, str | None, list[list[str]]] | None:
    """A table of Consul's own columns (a database or open-data dump): the exporter's fields and its vote caches
    (``cached_votes_up`` ...), in any format; the fullest known shape it holds."""
    columns = set(frame.columns)
    if not any(str(c).startswith("cached_votes_") for c in columns):
        return None
    held = [keys for keys in CONSUL_JSON if keys <= columns]
    return CONSUL_JSON[max(held, key=len)] if held else None


def detect_consul(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    known = CONSUL_JSON.get(frozenset(frame.columns)) if info.format in ("json", "jsonl") else None
    known = known or _consul_dump(frame)
    if known:
        kind, record_type, parts = known
        if record_type:
            frame = frame.assign(**{CONSUL_TYPE: record_type})
        return frame, Mapping(kind, text_parts=parts, id_column=usable_id(frame, "id"))
    comment_text = _find(frame, rf"{_WORD['comment']}\s+{_WORD['content']}")
    summary, title = _find(frame, _WORD["summary"]), _find(frame, _WORD["proposal"])
    if not (comment_text or (summary and title and _find(frame, _WORD["id"]))):
        return None
    personal = [c for c in (_find(frame, _WORD["author"]), _find(frame, rf"{_WORD['comment']}\s+{_WORD['author']}")) if c]
    # The author's e-mail, as the Spanish admin export names it ("Email del autor") and in pt/en.
    personal += [c for c in frame.columns if _AUTHOR_CONTACT.search(c.strip()) and c not in personal]
    if comment_text:
        comment_id = _find(frame, rf"{_WORD['comment']}\s+{_WORD['id']}")
        segments = [title] if title else []
        return frame, Mapping(
            "consul-admin-comments",
            text_parts=[[comment_text]],
            id_column=usable_id(frame, comment_id),
            segment_columns=segments,
            personal_columns=personal,
            unused_text=[summary] if summary else [],
            context_column=title,
        )
    parts = [[title], [summary]]
    return frame, Mapping(
        "consul-admin-proposals", text_parts=parts, id_column=usable_id(frame, _find(frame, _WORD["id"])), personal_columns=personal
    )


# ---------------------------------------------------------------- Pol.is


def polis_votes(frame: pd.DataFrame) -> pd.DataFrame:
    """Agree share, votes, and consensus (``agree`` / ``disagree`` / ``divisive`` / ``few_votes``) from agrees and disagrees."""
    agrees = pd.to_numeric(frame["agrees"], errors="coerce").fillna(0)
    disagrees = pd.to_numeric(frame["disagrees"], errors="coerce").fillna(0)
    votes = agrees + disagrees
    share = (agrees / votes.where(votes > 0)).round(4)
    consensus = np.select(
        [votes < MIN_VOTES, share >= CONSENSUS_SHARE, share <= 1 - CONSENSUS_SHARE], ["few_votes", "agree", "disagree"], "divisive"
    )
    return frame.assign(
        **{
            POLIS_VOTES: votes.astype(int).astype(str),
            POLIS_AGREE_SHARE: share.map(lambda v: "" if pd.isna(v) else f"{v:.4f}"),
            POLIS_CONSENSUS: consensus,
        }
    )


POLIS_SEEDED = "polis_seeded"  # derived where the export has no is-seed column: the statements that opened the conversation
POLIS_ORGANISER = "polis_organiser"  # every statement of the organiser's account (the one that seeded the conversation)
POLIS_RELAYED = "polis_relayed_from"  # the rejected participant statement an organiser's post repeats, if it does
MIN_OPENING = 3  # an owner seeds several statements (10 to 63 in 20 conversations); one first statement proves nothing
# An organiser's later post that repeats this share of its words (at least MIN_RELAY_WORDS) from one earlier statement
# the moderators rejected is that participant's idea, reworded or split off by a moderator (read 9: bowling-green).
RELAY_SHARE = 0.6
MIN_RELAY_WORDS = 4  # three words of four letters are found in any long statement ("I will not let my kids play")
# ... or, from a statement the moderators rejected, half its words when that is at least RELAY_SHARED_WORDS of them: Scoop HiveMind's biodiversity moderators
# reworded «Threatened Plants need legal protection» as «Threatened indigenous plants should be protected by stronger legal
# mechanisms» (4 of 8), four such posts set aside as the organiser's own (a claim check, stop 40); three shared words are
# a coincidence in short statements ("March On should prioritize support of women candidates" / «The Womens March …»).
RELAY_SHARE_LONG = 0.5
RELAY_SHARED_WORDS = 4


def opening_statements(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """Which statements opened the conversation (those its first author wrote, by ``timestamp``, before anyone else
    wrote one), and which were written by that account at any time. In bg2050, the one export with an is-seed column,
    the opening statements are 20 of its 25 seeds and nothing else. The same account's later statements are its own
    further statements (brexit: 13 more, for and against, after its seeds), profile questions (ssis: "I live on …") or
    participants' ideas it posted for them (:func:`relayed_from`). None when the export has no author or time."""
    if not {"author-id", "timestamp"} <= set(frame.columns) or frame.empty:
        return None
    when = pd.to_numeric(frame["timestamp"], errors="coerce")
    if when.isna().all():
        return None
    order = when.fillna(when.max() + 1).sort_values(kind="stable").index
    authors = frame.loc[order, "author-id"].astype(str).str.strip()
    leading = authors.eq(authors.iloc[0]).cummin()  # true until the first statement by someone else
    if leading.sum() < MIN_OPENING:
        return None
    organiser = frame["author-id"].astype(str).str.strip().eq(authors.iloc[0])
    return leading.reindex(frame.index).fillna(False).astype(bool), organiser


def _flagged(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].astype(str).str.strip().str.lower().eq("true") if column in frame else pd.Series(False, index=frame.index)


def organiser_statements(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """(seeds, every statement of the organiser's account): the export's is-seed and is-meta statements and their
    authors' accounts where it has the flag (bg2050), else :func:`opening_statements`."""
    if "is-seed" not in frame:
        return opening_statements(frame)
    seeds = _flagged(frame, "is-seed") | _flagged(frame, "is-meta")
    if "author-id" not in frame or not seeds.any():
        return seeds, seeds
    authors = frame["author-id"].astype(str).str.strip()
    return seeds, seeds | authors.isin(set(authors[seeds]))


def relayed_from(frame: pd.DataFrame, seeds: pd.Series, organiser: pd.Series) -> pd.Series:
    """For each later post of the organiser's account, the id of the earlier statement by another account that the
    moderators rejected or never accepted and whose words it repeats (:data:`RELAY_SHARE` of its word stems), else "". Moderators reword
    or split a participant's statement and post it themselves (bowling-green: 38 of the account's 61 later posts since stop 40, 35 before,
    bg2050 11 of 30, freshwater 8 of 12; brexit none of 13): the idea is that participant's. A profile question is the
    organiser's whatever it repeats."""
    out = pd.Series("", index=frame.index, dtype=object)
    if "moderated" not in frame:
        return out
    when = pd.to_numeric(frame.get("timestamp", pd.Series(index=frame.index, dtype=float)), errors="coerce")
    texts = frame["comment-body"].fillna("").astype(str)
    ids = frame["comment-id"].astype(str).str.strip()
    # A participant's statement the moderators rejected, or never accepted: Scoop HiveMind's UBI conversation left 18
    # unmoderated, and the organiser's copies of two of them were voted on and led the report as the organiser's.
    # One never accepted must say the same both ways ("… support of women candidates" does not repost "… supporting
    # progressive candidates, but …", march-on).
    moderated = frame["moderated"].astype(str).str.strip()
    not_shown = ~moderated.eq("1") & ~organiser
    sources = [(j, word_stems(texts[j]), moderated[j] == "-1") for j in frame.index[not_shown]]
    for i in frame.index[organiser & ~seeds]:
        stems = word_stems(texts[i])
        if len(stems) < MIN_RELAY_WORDS or is_profile_question(texts[i]):  # a question about who votes is the organiser's
            continue
        earlier = [
            (len(stems & words) / (len(stems) if rejected else max(len(stems), len(words))), len(stems & words), rejected, j)
            for j, words, rejected in sources
            if not when[j] > when[i]
        ]
        share, shared, rejected, j = max(earlier, key=lambda c: (c[0], -frame.index.get_loc(c[3])), default=(0.0, 0, False, None))
        if j is not None and (share >= RELAY_SHARE or (rejected and share >= RELAY_SHARE_LONG and shared >= RELAY_SHARED_WORDS)):
            out[i] = ids[j]
    return out


def detect_polis(frame: pd.DataFrame, info: IngestInfo) -> tuple[pd.DataFrame, Mapping] | None:
    if not {"comment-id", "comment-body"} <= set(frame.columns):
        return None
    mapping = Mapping("polis", text_parts=[["comment-body"]], id_column=usable_id(frame, "comment-id"))
    # Where the export says so, the organiser's own statements: seed statements posted to start the conversation and
    # meta statements that ask who people are ("I have lived in BG all my life"). Voted on, but no participant's words.
    for flag in ("is-seed", "is-meta"):
        if flag in frame:
            mapping.set_aside.append((REASON_OFFICIAL, f"{flag} = 'true'"))
    found = organiser_statements(frame)
    if found is not None:
        # The organiser's account (its seeds, or several statements before anyone else wrote one) wrote everything it
        # posted, but for the participants' statements it reposted after the moderators rejected them.
        seeds, organiser = found
        relayed = relayed_from(frame, seeds, organiser)
        yes_no = {True: "true", False: "false"}
        frame = frame.assign(**{POLIS_SEEDED: seeds.map(yes_no), POLIS_ORGANISER: organiser.map(yes_no), POLIS_RELAYED: relayed})
        mapping.set_aside.append((REASON_OFFICIAL, f"{POLIS_ORGANISER} = 'true' and {POLIS_RELAYED} = ''"))
        later, relays = int(organiser.sum() - seeds.sum()), int((relayed != "").sum())
        mapping.notes.append(
            f"{int(organiser.sum())} statements by the organiser's account ({int(seeds.sum())} seeds, {later} later, of which "
            f"{relays} repeat a participant's statement the moderators rejected and are analysed as that participant's idea): "
            f"columns {POLIS_SEEDED}, {POLIS_ORGANISER} and {POLIS_RELAYED}"
        )
    # After the organiser's rules: a draft the organiser's account posted and rejected itself is the organiser's, not a
    # participant's comment the moderators turned down (claim check 59: london.youth.policing's 3 "rejected" rows were
    # the organiser's own drafts of an age question, and the report read as if participants had been censored).
    if "moderated" in frame:
        mapping.set_aside.append((REASON_MODERATED, "moderated = -1"))
    if {"agrees", "disagrees"} <= set(frame.columns):
        # Kept as columns, not as a segment: a statement's vote class is no group of participants, and "In “agree”
        # (polis_consensus), «Climate» comes up in 57%" read as one in a report (the votes sections say it better).
        frame = polis_votes(frame)
        mapping.notes.append(
            f"votes as columns {POLIS_AGREE_SHARE}, {POLIS_VOTES} and {POLIS_CONSENSUS} (agree or disagree: "
            f"{CONSENSUS_SHARE:.0%}+ of {MIN_VOTES}+ votes one way; else divisive)"
        )
    return frame, mapping


@dataclass(frozen=True)
class Platform:
    """A platform or survey tool whose export is recognised by its columns (``detect``: the frame and its mapping, or
    None); ``label`` is how the README's table of exports names it. Detection tries them in registration order."""

    name: str
    label: str
    detect: Callable[[pd.DataFrame, IngestInfo], "tuple[pd.DataFrame, Mapping] | None"]


PLATFORMS: Registry[Platform] = Registry("platform")
register_platform = PLATFORMS.register

# In detection order, as before the registry: the platforms here, then the survey tools (ingest.surveys).
register_platform(Platform("polis", "Pol.is", detect_polis))
register_platform(Platform("decidim", "Decidim", detect_decidim))
register_platform(Platform("consul", "Consul", detect_consul))
