"""How far a subject's name speaks for its contributions: which of the name's words tell them apart, and how many use one.

A name is built from phrases of a few central contributions; the report says for how many of the subject's
contributions it holds, counting only the name's words that are not everywhere else in the consultation ("needs",
"bioeconomia" in a bioeconomy plan): a word used by more than ``GENERIC_SHARE`` of the distinct contributions outside
the subject tells no subject apart (a consultation's only subject has no outside: its name's words all count).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.frame import analysed_mask, representatives
from consultnlp.summary.votes import credited_authors
from consultnlp.text import surface_tokens, word_stems

SAME_LANGUAGE = 0.9  # share of a subject's contributions in the report language for its name's words to be counted in all
MIN_NAME_LANGUAGE = 10  # ... else in those written in it, where they are at least this many

GENERIC_SHARE = 0.10
# A word that more than a third of the contributions outside a subject use is the consultation's own subject ("tax" in a tax
# consultation, 74% of its contributions): a subject's contributions that use it do not use its name. Claim checks 48 and
# 49 (stop 42): «Capital gains tax», 25 of whose 30 say "tax" and 4 "capital gains", read as a subject about capital gains;
# «Housing crisis», 4 of whose 47 mention a crisis, as one about a crisis. Chile 2016's most used name word, «derecho»,
# is in 21% of its contributions: its names are read as before.
CONSULTATION_SHARE = 1 / 3
# A name's words are counted from three letters (read 10: "Ley" was found in 0 of 370 contributions that said "ley").
NAME_WORD_CHARS = 3
_WORD = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"[“«\"]([^”»\"]+)[”»\"]")


class NameEvidence:
    """The consultation's texts read once: each distinct text's word stems, and how many distinct contributions use each."""

    def __init__(self, texts: pd.Series, unique: pd.Series, title: str = "", described: str = "") -> None:
        # The consultation's own title's word stems ("Improving Bowling Green / Warren County"): its subject, no subject's.
        self.consultation = frozenset(word_stems(title, NAME_WORD_CHARS)) - _stop_stems()
        # ... and its description's (a Pol.is conversation's: "What would you want to see in the Bowling Green of the
        # future?"): a subject's name word it uses names no subject (claim check 72: «Downtown Bowling Green», 17 of whose
        # 20 contributions say the city's name and 3 "downtown", was not flagged as loosely named).
        self.described = self.consultation | (frozenset(word_stems(described, NAME_WORD_CHARS)) - _stop_stems())
        self.stems = {text: word_stems(text, NAME_WORD_CHARS) for text in pd.unique(texts)}
        self.distinct = unique.reindex(texts.index, fill_value=True).to_numpy(dtype=bool)
        distinct = pd.unique(texts[self.distinct])
        self.used = Counter(stem for text in distinct for stem in self.stems[text])
        self.n_distinct = len(distinct)
        self.texts = texts
        self._full: dict[str, set[str]] = {}

    @classmethod
    def of(cls, frame: pd.DataFrame, title: str = "", described: str = "") -> NameEvidence:
        """The evidence of a run's analysed contributions (cleaned texts; duplicates counted once), built once for the
        subjects' and the topics' tables alike; ``title``: the consultation's own (given or the platform's), if known;
        ``described``: the platform's description of it."""
        analysed = frame.loc[analysed_mask(frame)]
        texts = analysed[schema.TEXT_CLEAN if schema.TEXT_CLEAN in analysed else schema.TEXT].astype(str)
        return cls(texts, representatives(analysed), title, described)

    def words(self, name: str, inside: pd.Index | None = None, *, share: float | None = GENERIC_SHARE) -> list[str]:
        """The words of ``name`` that tell its subject apart, as written (a name listing topics, "“A”, “B” and 7 more",
        is read inside its quotes only). With ``inside`` (the subject's rows), a word is generic when more than ``share`` of
        the contributions outside the subject use it: a consultation's only subject has no outside, and its name's words
        count. ``share=None`` keeps the generic words too ("derechos" in a constitution's consultation): every word of the name."""
        generic = share is None
        used, n = self.used, self.n_distinct
        mine = np.zeros(len(self.texts), dtype=bool)
        if inside is not None and not generic:  # with every word kept, what the rest of the consultation uses is moot
            mine = self.texts.index.isin(inside) & self.distinct
            here = Counter(stem for text in pd.unique(self.texts[mine]) for stem in self.stems[text])
            used, n = used - here, n - len(pd.unique(self.texts[mine]))
        common = (share or 0.0) * max(1, n)
        quoted = _QUOTED.findall(name)
        out: list[str] = []
        seen: set[str] = set()
        for part in quoted or [name]:
            for k, word in enumerate(_WORD.findall(part)):
                stems = word_stems(word, NAME_WORD_CHARS)
                as_written = word[1:] != word[1:].lower() or (k > 0 and word[:1].isupper())  # "PMEs", "SUS", a proper noun
                if as_written:  # used as the whole word (``name_stems``): «Amazonas» is not used where «Amazônia» is
                    widespread = not generic and self._whole_use(name_stems(word), self.distinct & ~mine) > common
                else:
                    widespread = not generic and any(used.get(s, 0) > common for s in stems)
                if not stems or stems <= seen or stems <= _stop_stems() or widespread:
                    continue
                seen |= stems
                out.append(word if as_written else word.lower())
        return out

    def _whole_use(self, keys: set[str], rows: np.ndarray) -> int:
        """How many distinct texts of ``rows`` (a mask) use one of ``keys`` (``name_stems``)."""
        return int(sum(bool(keys & self.keys(text, True)) for text in pd.unique(self.texts[rows])))

    def keys(self, text: str, full: bool) -> set[str]:
        """The stems of ``text`` a name's words are looked up in; with ``full``, its whole words too (``name_stems``)."""
        if not full:
            return self.stems[text]
        found = self._full.get(text)
        if found is None:
            found = self._full[text] = self.stems[text] | {"=" + w for w in surface_tokens(text)}
        return found

    def using_parts(self, texts: pd.Series, groups: list[list[set[str]]]) -> int:
        """How many of ``texts`` use a part of a name (``groups``: each part's distinct words as stem sets, ``_stem_groups``):
        two of its distinct words where it has three or more, else one."""
        needs = [2 if len(g) >= 3 else 1 for g in groups]
        full = any(s.startswith("=") for part in groups for g in part for s in g)
        return int(
            sum(any(sum(bool(g & self.keys(text, full)) for g in part) >= need for part, need in zip(groups, needs)) for text in texts)
        )

    def using(self, texts: pd.Series, words: list[str]) -> int:
        """How many of ``texts`` (contributions of this consultation) use one of ``words``."""
        named = set().union(*(name_stems(w) for w in words)) if words else set()
        if not named:
            return 0
        full = any(s.startswith("=") for s in named)
        return int(sum(bool(named & self.keys(text, full)) for text in texts))


def name_stems(word: str) -> set[str]:
    """What a name's ``word`` (as ``NameEvidence.words`` gives it) is looked up by in a contribution: its stems, or for a
    proper noun or an acronym, kept as written («Amazonas», «SUS»), the whole word ("=amazonas"): claim check 70 (PNDBio
    2025) found «Bioeconomia do Amazonas» counted over the contributions that say «Amazônia» (both "amazon")."""
    if word[:1].isupper():
        whole = surface_tokens(word)
        return {"=" + w for w in whole} if whole else set()
    return word_stems(word, NAME_WORD_CHARS)


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    """Stems of es/pt/en function words ("de", "the", "esta"): never a word that names a subject. Other stop words of
    spaCy's lists count when a name shows them: «Dados e segurança jurídica» (PNDBio 2025) names data, and its
    contributions that say «dados» use the name (spaCy lists «dados», "given", as a stop word)."""
    from consultnlp.lemmas import function_words

    return frozenset(stem for word in function_words() for stem in word_stems(word, NAME_WORD_CHARS))


def author_names(authors: pd.Series) -> pd.Series:
    """Each contribution's author as text, "" where it names none."""
    return authors.fillna("").astype(str).str.strip()


def participants(authors: pd.Series) -> int:
    """Distinct authors; a contribution without an author counts as one more participant."""
    names = author_names(authors)
    return int(names[names != ""].nunique() + (names == "").sum())


def top_author(authors: pd.Series) -> tuple[str, int]:
    """The participant who wrote the most of these (ties: the first in order) and how many; ("", 1) when no author
    is named (("", 0) for none at all)."""
    names = author_names(authors)
    named = names[names != ""].value_counts()
    return (str(named.index[0]), int(named.iloc[0])) if len(named) else ("", min(1, len(names)))


def organiser_accounts(frame: pd.DataFrame, author: str | None) -> set[str]:
    """The accounts that wrote the organiser's own rows (a Pol.is conversation's seeds). When one of them also wrote much
    of a subject, the report says whose account it is (read 7: the owner reposting participants' rejected ideas)."""
    if not author or schema.EXCLUDED not in frame or author not in frame:
        return set()
    return set(author_names(frame.loc[frame[schema.EXCLUDED] == schema.REASON_OFFICIAL, author])) - {""}


TOP_WRITERS = 5  # the report says how much the most prolific participants wrote, where there are many (else the top one)


def authorship(frame: pd.DataFrame, author: str | None) -> dict[str, object]:
    """Who wrote the analysed contributions, where the export names each one's author (``author``: its column): how many
    participants, and how many contributions the ``TOP_WRITERS`` who wrote most (the one, under 5 x TOP_WRITERS
    participants) account for. PNDBio 2025: 575 contributions, 78 participants, 221 by five of them. Empty without one."""
    if not author or author not in frame:
        return {}
    names = author_names(credited_authors(frame, author).loc[analysed_mask(frame)])
    if not (names != "").any():
        return {}
    counts = names[names != ""].value_counts()
    n = participants(names)
    top = TOP_WRITERS if n >= 5 * TOP_WRITERS else 1
    return {"column": author, "contributions": int(len(names)), "participants": n, "top": top, "by_top": int(counts.head(top).sum())}


def records(frame: pd.DataFrame, column: str | None) -> dict[str, object]:
    """Where the export names no author but the screen found the column that groups rows into records (a meeting's
    minutes, an account: ``screening.record_column``), how many records the analysed contributions come from and the most
    one holds. Chile 2016: 8,108 meetings, at most 28 rows each; the report never said who wrote (claim checks 84, 87)."""
    if not column or column not in frame:
        return {}
    names = author_names(frame.loc[analysed_mask(frame), column])  # a record's id read as an author's is
    named = names[names != ""]
    if named.empty:
        return {}
    return {"column": column, "contributions": int(len(names)), "records": int(named.nunique()), "most": top_author(names)[1]}


def segments_within_writers(frame: pd.DataFrame, writer: str | None, columns: list[str]) -> dict[str, list[int]]:
    """For each segment column, of the writers (``writer``: the author or record column) with two analysed contributions
    or more, how many, and how many of them give the column more than one value: a column whose value changes within one
    writer's contributions describes the contributions (a questionnaire's section, a prompt), not who took part (claim
    check 89: Chile 2016's «tema_nombre», one of four blocks each meeting wrote under, headed "Who took part")."""
    if not writer or writer not in frame:
        return {}
    rows = frame.loc[analysed_mask(frame)]
    names = author_names(rows[writer])
    named = names != ""
    out = {}
    for column in columns:
        if column not in rows:
            continue
        values = pd.DataFrame({"writer": names[named], "value": rows.loc[named, column].astype(str)})
        sizes = values.groupby("writer", sort=False)["value"].agg(["size", "nunique"])
        several = sizes[sizes["size"] >= 2]
        out[str(column)] = [int(len(several)), int((several["nunique"] > 1).sum())]
    return out


def name_use(evidence: NameEvidence, part: pd.DataFrame, name: str, lang: str | None) -> dict[str, Any]:
    """How many of a subject's contributions (``part``'s rows) use any word of its ``name`` (generic ones included, not the
    consultation's own subject, ``CONSULTATION_SHARE``), and of
    how many: all of them where at least ``SAME_LANGUAGE`` are written in the name's language ``lang``; else those that
    are, where they are at least ``MIN_NAME_LANGUAGE`` (``contributions_in_name_language``: their number). In a
    multilingual consultation a name read only against its own language: before, the demo's subjects (half Spanish) had
    no count at all, and «Educación», 4 of whose 24 Spanish contributions use its word, was shown as a subject."""
    inside = part.index
    if lang is not None and schema.LANG in part and (part[schema.LANG] == lang).mean() < SAME_LANGUAGE:
        inside = part.index[(part[schema.LANG] == lang).to_numpy()]
        if len(inside) < MIN_NAME_LANGUAGE:
            return {}
    # Every word of the name counts ("derechos" in a constitution's consultation) but the consultation's own subject: words
    # most of the other contributions use, and, where the subject has an outside, the words of the consultation's title and
    # description.
    every = evidence.words(name, inside, share=None)
    words = evidence.words(name, inside, share=CONSULTATION_SHARE)
    if len(part) < len(evidence.texts):
        words = [w for w in words if not word_stems(w, NAME_WORD_CHARS) <= evidence.described]
    own = [w for w in every if w not in words]
    # A name made only of them («Warren County» in "Improving Bowling Green / Warren County") names no subject: none use it.
    texts = evidence.texts.loc[inside]
    used = evidence.using(texts, words) if words else (0 if every else pd.NA)
    # A part of the name with three words or more is used by a contribution that says two of them: «Old growth forests»
    # is not used by every text that says "forests" (claim check 55: 2 of 18 mention old growth). Parts are what "and",
    # "y", "e" or a comma join («Conservación de la naturaleza y servicio a la comunidad»: either part, one word).
    groups = [_stem_groups(part) for part in _name_parts(name, words)] if words else []
    two = any(len(g) >= 3 for g in groups)
    if two:
        used = evidence.using_parts(texts, groups)
    return {
        "contributions_using_name": used,
        "contributions_in_name_language": len(inside) if len(inside) < len(part) else pd.NA,
        # The words counted, where the consultation's own were left out: "capital; gains" of «Capital gains tax» (the
        # report names them: "use a word of its name" would be false of the 25 that say "tax"); and those left out.
        "name_words_counted": "; ".join(words) if own or two else "",
        "name_words_consultation": "; ".join(own),
        "name_needs_two": two,  # a part of three words or more counted only where two of its words are used
    }


_PART_BREAK = re.compile(r"\s*(?:[,;&]|\b(?:y|e|and|ou|or)\b)\s*", re.IGNORECASE)


def _name_parts(name: str, words: list[str]) -> list[list[str]]:
    """The counted ``words`` of a name, grouped by the part of the name they are in (parts joined by "and", "y", "e", a
    comma): a word in no part (a name listing topics in quotes) is a part of its own."""
    parts = [set(word_stems(piece, NAME_WORD_CHARS)) for piece in _PART_BREAK.split(name) if piece.strip()]
    grouped: list[list[str]] = [[] for _ in parts]
    alone: list[list[str]] = []
    for word in words:  # a word in two parts ("respeto" in «Respetar los derechos … y respeto a la dignidad») is in both
        stems = word_stems(word, NAME_WORD_CHARS)
        inside = [i for i, part in enumerate(parts) if stems and stems <= part]
        for i in inside:
            grouped[i].append(word)
        if not inside:
            alone.append([word])
    return [g for g in grouped if g] + alone


def _stem_groups(words: list[str]) -> list[set[str]]:
    """The distinct words of ``words`` as stem sets ("respetar", "respetado" and "respeto" are one)."""
    groups: list[set[str]] = []
    for word in words:
        stems = name_stems(word)
        if stems and not any(stems & g for g in groups):
            groups.append(stems)
    return groups


def name_use_columns(table: pd.DataFrame) -> pd.DataFrame:
    """``name_use``'s counts as nullable integers (present, NA, where no row had them) and its words as text ("" for none)."""
    for column in ("contributions_using_name", "contributions_in_name_language"):
        table[column] = (table[column] if column in table else pd.Series(pd.NA, index=table.index)).astype("Int64")
    for column in ("name_words_counted", "name_words_consultation"):
        table[column] = table[column].fillna("").astype(str) if column in table else ""
    table["name_needs_two"] = table["name_needs_two"].map(lambda v: v is True) if "name_needs_two" in table else False
    return table
