"""Names of fine topics and headline groups, per language, computed once at analysis time.

A topic gets a name in each language that enough of its comments are written in (3 and
10%): a bilingual consultation publishes one topic under one name per language, and a
report in a language the topic has no comments in uses the topic's main language. Names
are stored with the topic table, so re-rendering never renames anything the analyst did
not rename.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np
import pandas as pd

from consultnlp import schema
from consultnlp.i18n import t as catalogue
from consultnlp.schema import LANGUAGES
from consultnlp.text import fold, plural_stem, word_stems
from consultnlp.topics.adjectives import names_no_thing
from consultnlp.topics.hierarchy import group_topics
from consultnlp.topics.phrases import capitalised, ranked_names, unique_names
from consultnlp.topics.shared import shared_phrases

if TYPE_CHECKING:
    from consultnlp.lemmas import Lemmatizer
    from consultnlp.topics.model import TopicModel

OUTLIER_LABEL = "—"
MIN_LANG_DOCS = 3
MIN_LANG_SHARE = 0.1
SAMPLE_PER_GROUP = 300  # the comments closest to a topic's centre that its name is chosen from


_WORDS = re.compile(r"[^\W\d_]+")


@dataclass
class Units:
    """The modelled comments a name is taken from, aligned row by row with their embeddings."""

    texts: Sequence[str]
    langs: np.ndarray
    topics: np.ndarray
    closeness: np.ndarray  # similarity to the comment's topic centre
    embeddings: np.ndarray


def _central_rows(rows: np.ndarray, closeness: np.ndarray, limit: int) -> np.ndarray:
    order = np.lexsort((rows, -closeness[rows]))
    return np.sort(rows[order[:limit]])


def _centre(embeddings: np.ndarray, rows: np.ndarray) -> np.ndarray:
    return np.asarray(embeddings[np.sort(rows)], dtype=np.float32).mean(axis=0)


def names_by_language(
    units: Units,
    members: dict[int, np.ndarray],
    encode: Callable[[list[str]], np.ndarray],
    is_stopword: Callable[[str], bool],
    fallback: Callable[[int], str],
    title: str = "",
) -> dict[int, dict[str, str]]:
    """Per group (``members``: group id -> unit rows, largest group first), its name in each of its languages.

    A one-word name that is a word of the consultation's ``title`` ("Tax" in "Tax HiveMind Window") names the whole
    consultation, not a group: like a bare adjective, it gives way to the next candidate when there is one."""
    in_title = _content_stems(title, is_stopword)
    names: dict[int, dict[str, str]] = {g: {} for g in members}
    order = list(members)
    for lang in LANGUAGES:
        texts: dict[int, list[str]] = {}
        centres: dict[int, np.ndarray] = {}
        for g, rows in members.items():
            in_lang = rows[units.langs[rows] == lang]
            if len(in_lang) < max(MIN_LANG_DOCS, MIN_LANG_SHARE * len(rows)):
                continue
            sample = _central_rows(in_lang, units.closeness, SAMPLE_PER_GROUP)
            texts[g] = [units.texts[i] for i in sample]
            centres[g] = _centre(units.embeddings, in_lang if len(in_lang) <= 5 * SAMPLE_PER_GROUP else sample)
        if not texts:
            continue
        ranked = ranked_names(texts, centres, encode, is_stopword)
        # A heading names a thing: a bare adjective ("Iguales") or verb ("Seriam") gives way to the next candidate; where every
        # candidate is one, to the topic's keywords (``fallback``: «Iguales», 20 contributions of Chile 2016's sample, of which
        # 3 use the word, was its name: claim check 84).
        ranked = {g: _things_named(found, lang, is_stopword, texts[g], in_title) for g, found in ranked.items()}
        chosen = unique_names(ranked, [g for g in order if g in texts], fallback)
        for g, name in chosen.items():
            names[g][lang] = name
    for g in names:
        if not names[g]:
            names[g][main_language(units.langs[members[g]])] = fallback(g)
    return names


def _things_named(
    found: list[tuple[str, str]], lang: str, is_stopword: Callable[[str], bool], texts: list[str], in_title: set[str]
) -> list[tuple[str, str]]:
    """The candidates (key, written) that name a thing, those made only of the consultation's title words last (better
    than no name); none where every candidate is a bare adjective or verb."""
    things = [c for c in found if not names_no_thing(c[1], lang, is_stopword, texts)]
    return [c for c in things if not _only_title_words(c[1], in_title, is_stopword)] or things


def _content_stems(text: str, is_stopword: Callable[[str], bool]) -> set[str]:
    """Stems of the words of three letters or more that are not stop words ("tax", "hivemind", "window")."""
    return {plural_stem(w)[:6] for w in _WORDS.findall(fold(text)) if len(w) > 2 and not is_stopword(w)}


def _only_title_words(name: str, in_title: set[str], is_stopword: Callable[[str], bool]) -> bool:
    """A one-word name that is a word of the title. Longer ones stay ("Electoral reform" in "Canadian Electoral Reform"
    still tells its subject apart; the candidate after it was a fragment, "Parties are more likely")."""
    stems = _content_stems(name, is_stopword)
    return len(stems) == 1 and stems <= in_title


def main_language(langs: np.ndarray) -> str:
    """The most frequent of es/pt/en among ``langs`` (ties: alphabetical), else English."""
    counts = pd.Series(langs).value_counts()
    counts = counts[counts.index.isin(LANGUAGES)]
    if counts.empty:
        return "en"
    return sorted(counts[counts == counts.max()].index)[0]


def name_in(names: dict[str, str], lang: str, main: str) -> str:
    """The name in ``lang`` when there is one, else in the main language."""
    return names.get(lang) or names.get(main) or next(iter(names.values()), "")


def topic_members(topics: np.ndarray) -> dict[int, np.ndarray]:
    """Topic id -> unit rows, largest topic first (ties: lower id), outliers left out."""
    ids, counts = np.unique(topics[topics >= 0], return_counts=True)
    order = ids[np.lexsort((ids, -counts))]
    return {int(t): np.flatnonzero(topics == t) for t in order}


def build_groups(topic_ids: np.ndarray, centroids: np.ndarray, units: Units, *, min_groups: int, max_groups: int) -> dict[int, int]:
    """Topic id -> group id, groups numbered from the one with most comments down."""
    sizes = np.array([(units.topics == t).sum() for t in topic_ids])
    groups = group_topics(centroids, sizes, min_groups=min_groups, max_groups=max_groups)
    return {int(t): int(g) for t, g in zip(topic_ids, groups)}


def name_topics_and_groups(
    info: pd.DataFrame,
    model: TopicModel,
    units: Units,
    *,
    lang: str,
    encode: Callable[[list[str]], np.ndarray],
    is_stopword: Callable[[str], bool],
    min_groups: int,
    max_groups: int,
    named: bool,
    title: str = "",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The topic table with each topic's names per language (kept from a saved model when ``named`` is
    false), its group and its label in ``lang``; and the groups' table."""
    members = topic_members(units.topics)
    keywords = dict(zip(info["topic_id"], info["label"]))
    info = info.copy()
    if named:
        written = names_by_language(units, members, encode, is_stopword, fallback=lambda t: keywords.get(t) or str(t), title=title)
    else:
        saved = info["labels"] if "labels" in info else pd.Series([None] * len(info))
        written = {
            int(t): dict(n) if isinstance(n, dict) and n else {lang: str(label)}
            for t, n, label in zip(info["topic_id"], saved, info["label"])
        }
    info["main_lang"] = [main_language(units.langs[members[int(t)]]) if int(t) in members else lang for t in info["topic_id"]]
    info["labels"] = [{k: capitalised(v) for k, v in written.get(int(t), {}).items()} for t in info["topic_id"]]
    info["label"] = [
        OUTLIER_LABEL if int(t) < 0 else name_in(n, lang, m) for t, n, m in zip(info["topic_id"], info["labels"], info["main_lang"])
    ]
    fitted = [int(t) for t in model.topic_ids if int(t) in members]
    rows = [int(np.flatnonzero(model.topic_ids == t)[0]) for t in fitted]
    group_of = build_groups(np.asarray(fitted), model.centroids[rows], units, min_groups=min_groups, max_groups=max_groups)
    info["group_id"] = [group_of.get(int(t), schema.OUTLIER_TOPIC) for t in info["topic_id"]]
    main = dict(zip(info["topic_id"].astype(int), info["main_lang"]))
    sizes = {t: len(rows) for t, rows in members.items()}
    stems = [word_stems(str(text), 3) for text in units.texts]
    use = Counter(stem for found in stems for stem in found)
    loose = {
        t: _loose_names(written.get(t, {}), [stems[i] for i in rows], units.langs[rows], use, len(stems)) for t, rows in members.items()
    }
    in_group = {g: [t for t in members if group_of.get(t) == g] for g in sorted(set(group_of.values()))}
    shared = shared_phrases(in_group, members, units, is_stopword)
    records = []
    used: dict[str, set[str]] = {}  # per language, the names earlier (larger) groups took: a shared phrase is not reused
    for group in sorted(set(group_of.values())):
        topics = in_group[group]  # largest topic first
        rows_of_group = np.concatenate([members[t] for t in topics])
        free = {
            lang: next((p for p in found if fold(p) not in used.get(lang, set())), None) for lang, found in shared.get(group, {}).items()
        }
        names = group_names(
            topics, written, main, sizes=sizes, shared={k: v for k, v in free.items() if v}, is_stopword=is_stopword, loose=loose
        )
        for lang, name in names.items():
            used.setdefault(lang, set()).add(fold(name))
        records.append(
            {
                "group_id": group,
                "labels": names,
                "main_lang": main_language(units.langs[rows_of_group]),
                "topic_ids": sorted(topics),
                "unique_comments": len(rows_of_group),
            }
        )
    groups = pd.DataFrame(records, columns=["group_id", "labels", "main_lang", "topic_ids", "unique_comments"])
    groups["labels"] = _distinct(groups["labels"].tolist())
    groups["label"] = [name_in(n, lang, m) for n, m in zip(groups["labels"], groups["main_lang"])]
    return info, groups[["group_id", "label", "labels", "main_lang", "topic_ids", "unique_comments"]]


CONJUNCTION = {"es": "y", "pt": "e", "en": "and"}
MAX_GROUP_NAME_WORDS = 8  # two names of four words fit: "Conservación de la naturaleza y derecho a la salud"


MIN_NAMED_SHARE = 0.5  # a name made of topic names speaks for at least half of the group's comments
LOOSE_TOPIC_NAME = 0.25  # a topic name fewer than this share of its comments use is loose (report.sections.common.LOOSE_NAME)
MIN_LOOSE_READ = 10  # ... read in its own language's comments where there are this many
GENERIC_NAME_WORD = 0.10  # a name word more of the comments outside the topic use tells it apart from none (summary.subjects.GENERIC_SHARE)


def _loose_names(
    written: dict[str, str], stems: Sequence[set[str]], langs: Sequence[str], use: Counter[str] | None = None, n_all: int = 0
) -> set[str]:
    """The languages in which a topic's name is used by fewer than ``LOOSE_TOPIC_NAME`` of its comments written in that
    language (all of them where fewer than ``MIN_LOOSE_READ`` are), by ``stems`` (each comment's ``word_stems`` of three
    letters): any word of the name, as the report counts them; or only the words that tell it apart, where its others
    are common outside it (``use``: comments of all ``n_all`` using each stem; ``GENERIC_NAME_WORD``): «Licenciamento
    ambiental», 24 of whose 40 say "ambiental" and 3 "licenciamento" in a climate plan (claim check 77)."""
    mine_all: Counter[str] = Counter(stem for found in stems for stem in found)
    out = set()
    for lang, name in written.items():
        words = word_stems(name, 3)
        mine = [s for s, written_in in zip(stems, langs) if written_in == lang]
        read = mine if len(mine) >= MIN_LOOSE_READ else list(stems)
        if not words or not read:
            continue
        telling = words
        if use is not None and n_all > len(stems):
            outside = n_all - len(stems)
            telling = {w for w in words if use[w] - mine_all[w] <= GENERIC_NAME_WORD * outside} or words
        if min(sum(bool(words & s) for s in read), sum(bool(telling & s) for s in read)) < LOOSE_TOPIC_NAME * len(read):
            out.add(lang)
    return out


def group_names(
    topics: list[int],
    written: dict[int, dict[str, str]],
    main: dict[int, str],
    *,
    sizes: dict[int, int] | None = None,
    shared: dict[str, str] | None = None,
    is_stopword: Callable[[str], bool] = lambda w: False,
    loose: dict[int, set[str]] | None = None,
) -> dict[str, str]:
    """A group's name in each language: its largest topic's name and, when both fit in ``MAX_GROUP_NAME_WORDS``,
    the next largest's ("Educación y salud"), so a headline does not pretend a group is only its first topic; a topic
    whose own comments hardly use its name (``loose``: topic -> languages, see ``_loose_names``) comes after the others.

    When the topics that name speaks for (those named, and those whose every word it uses: "Constitución" under
    "Respetar la constitución") hold less than half of the group's comments (``sizes``: topic -> comments),
    the name is what the group's topics share (``shared``: language -> phrase, see ``consultnlp.topics.shared``), else
    it says so: "“A”, “B” y 7 tópicos más". A bare adjective or verb is never the second name."""
    sizes = sizes or {t: 1 for t in topics}
    loose = loose or {}
    langs = sorted({lang for t in topics for lang in written.get(t, {})})
    names = {}
    for lang in langs:
        named = [(t, p) for t, p in ((t, name_in(written.get(t, {}), lang, main.get(t, lang))) for t in topics) if p]
        # A topic whose own comments hardly use its name ("Turismo", 4 of 49) names the group after those that do (claim
        # check 77: «Turismo e conservação da biodiversidade», 14% of Plano Clima, was not about tourism).
        loose_ids = {t for t, _ in named if lang in loose.get(t, set())}
        named = [x for x in named if x[0] not in loose_ids] + [x for x in named if x[0] in loose_ids]
        loose_here = {p for t, p in named if t in loose_ids}
        parts = [p for _, p in named]
        first = parts[0] if parts else ""
        conjunction = CONJUNCTION.get(lang, "and")
        # A second name within the first, or the first within it, adds nothing ("Igualdad ante la ley" and "Igualdad"); one
        # that only shares a word names another thing ("Derecho a la educación" and "Derecho a la salud", read 10).
        # ... nor a topic whose own comments hardly use its name, when the first does not (Plano Clima: «Incêndios florestais e
        # licenciamento ambiental», 3 of whose 40 licensing comments say "licenciamento").
        second = next(
            (
                p
                for p in parts[1:3]
                if not _covered(p, first)
                and not _covered(first, p)
                and not names_no_thing(p, lang, is_stopword)
                and (p not in loose_here or first in loose_here)
            ),
            None,
        )
        # Neither name may already join two things: "Valores y principios" would make "A y valores y principios". A second
        # that joins two things follows the first after a comma instead ("Presupuesto, jueces y fiscales": the bundled
        # sample's group of budget (77) and judges (70) was named «Presupuesto», stop 38).
        first_joins, second_joins = (
            any(f" {fold(c)} " in f" {fold(name)} " for c in (conjunction, "e" if lang == "es" else conjunction))
            for name in (first, second or "")
        )
        both = bool(second) and len(first.split()) + len(second.split()) <= MAX_GROUP_NAME_WORDS and not first_joins
        shown = [first, second] if both else [first]
        spoken = sum(sizes.get(t, 0) for t, p in named if p in shown or _covered(p, " ".join(shown)))
        if first and spoken < MIN_NAMED_SHARE * sum(sizes.get(t, 0) for t, _ in named):
            names[lang] = _many_topics_name(parts, lang, (shared or {}).get(lang))
        elif both and second_joins:
            names[lang] = capitalised(f"{first}, {_inside_sentence(second)}")
        elif both:
            if lang == "es" and fold(second).startswith(("i", "hi")) and not fold(second).startswith("hie"):
                conjunction = "e"  # "Salud e igualdad"
            names[lang] = capitalised(f"{first} {conjunction} {_inside_sentence(second)}")
        elif first:
            names[lang] = capitalised(first)
    return names


def _many_topics_name(parts: list[str], lang: str, shared: str | None) -> str:
    """The name of a group its largest topics do not speak for: what its topics share, else its two largest and a count."""
    if shared:
        return capitalised(shared)
    if len(parts) < 2:
        return capitalised(parts[0])
    others = len(parts) - 2
    a, b = capitalised(parts[0]), capitalised(parts[1])  # each a topic's name, as headed on its own
    if others <= 0:
        return catalogue("group_name_pair", lang, a=a, b=b)
    return catalogue("group_name_and_others", lang, count=others, a=a, b=b, n=others)


def _inside_sentence(name: str) -> str:
    """A name as it reads after "y": "Produção de biomassa" -> "produção de biomassa"; proper nouns and acronyms
    ("Hidrogênio Verde", "SUS") stay as written."""
    words = name.split()
    if not words or not words[0][:1].isupper() or words[0][1:] != words[0][1:].lower():
        return name
    if any(w[:1].isupper() for w in words[1:]):
        return name
    return name[:1].lower() + name[1:]


def _covered(name: str, by: str) -> bool:
    """Whether every word of ``name`` is in ``by`` ("Constitución" in "Respetar la constitución")."""
    words = word_stems(name)
    return bool(words) and words <= word_stems(by)


def _distinct(names: list[dict[str, str]]) -> list[dict[str, str]]:
    """Per language, a name already used by an earlier (larger) group gets a number."""
    seen: dict[str, set[str]] = {}
    out = []
    for by_lang in names:
        fixed = {}
        for lang, name in by_lang.items():
            used = seen.setdefault(lang, set())
            candidate, i = name, 2
            while fold(candidate) in used:
                candidate, i = f"{name} ({i})", i + 1
            used.add(fold(candidate))
            fixed[lang] = candidate
        out.append(fixed)
    return out


def folded_stopwords(lemmatizer: "Lemmatizer | None") -> Callable[[str], bool]:
    """Whether an accent-folded, lower-case word is a stop word in any analysed language."""
    words = frozenset(fold(w) for lang in schema.LANGUAGES for w in lemmatizer.stopwords(lang)) if lemmatizer else frozenset()
    return words.__contains__
