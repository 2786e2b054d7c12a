"""What a headline group's topics share: a phrase most of them use, for a group no topic name speaks for.

A group of nine topics whose two largest hold a third of it is misnamed by those two
("Conservación de la naturaleza y educación" over health, housing, social security ...).
Its name is then a phrase that the comments of most of its topics use: a candidate of
``consultnlp.topics.phrases`` used by at least ``MIN_TOPIC_SHARE`` of the comments of
each of several topics which together hold more than half of the group, ranked by
class-based TF-IDF over the groups (so that a word every group uses, such as the
country's name, does not win). None when no phrase is shared that widely, or when the
only shared phrases are bare adjectives.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Callable

import numpy as np

from consultnlp.schema import LANGUAGES
from consultnlp.text import fold
from consultnlp.topics.adjectives import names_no_thing, word_uses
from consultnlp.topics.phrases import candidates

if TYPE_CHECKING:
    from consultnlp.topics.naming import Units

SAMPLE_PER_TOPIC = 150  # the comments closest to a topic's centre that are read for shared phrases
MIN_TOPIC_DOCS = 3
MIN_TOPIC_SHARE = 0.12  # a topic uses a phrase when this share of its sampled comments does (and 2)
MIN_TOPICS = 2
MIN_GROUP_SHARE = 0.5  # the topics using it hold more than this share of the group's comments
_WORD = re.compile(r"[^\W\d_]+")
MIN_LIFT = 2.0  # and the group uses it this many times more often than the rest of the consultation ("Estado" in Chile's)


COMPLEMENT_OF = frozenset({"de", "do", "da", "of"})  # «educación de calidad», «ensino de qualidade», "of quality"
QUALIFIER_SHARE = 0.5  # of a one-word phrase's uses, after one of those


def qualifies(phrase: str, texts: list[str], is_stopword: Callable[[str], bool]) -> bool:
    """Whether a one-word shared phrase mostly qualifies other nouns in ``texts`` («salud … de calidad», «educación
    pública, gratuita y de calidad»): what the group's topics want of their subjects, not what the group is about.
    Chile 2016's group of the rights to education, health and housing was named «Calidad» (stop 41). Only for shared
    phrases: a rejected one leaves the group the name of its largest topics."""
    words = [w for w in _WORD.findall(phrase.lower()) if not is_stopword(fold(w))]
    if len(words) != 1:
        return False
    uses, after = word_uses(fold(words[0]), texts, lambda tokens, i: i > 0 and tokens[i - 1] in COMPLEMENT_OF)
    return uses >= MIN_TOPIC_DOCS and after >= QUALIFIER_SHARE * uses


def shared_phrases(
    groups: dict[int, list[int]], members: dict[int, np.ndarray], units: Units, is_stopword: Callable[[str], bool]
) -> dict[int, dict[str, list[str]]]:
    """Group id -> language -> the phrases (as written, best first) most of the group's topics share."""
    out: dict[int, dict[str, list[str]]] = {g: {} for g in groups}
    for lang in LANGUAGES:
        usage: dict[int, dict[str, list[tuple[int, float]]]] = {}  # group -> phrase -> [(topic, share of its sample)]
        forms: dict[int, dict[str, Counter]] = {}
        shares: dict[int, dict[str, float]] = {}
        weight: dict[int, dict[int, int]] = {}
        read_texts: dict[int, list[str]] = {g: [] for g in groups}
        for g, topics in groups.items():
            usage[g], forms[g], weight[g] = {}, {}, {}
            docs: Counter = Counter()
            read = 0
            for t in topics:
                rows = members[t][units.langs[members[t]] == lang]
                if len(rows) < MIN_TOPIC_DOCS:
                    continue
                order = np.lexsort((rows, -units.closeness[rows]))
                sample = np.sort(rows[order[:SAMPLE_PER_TOPIC]])
                sampled = [units.texts[i] for i in sample]
                read_texts[g].extend(sampled)
                found = candidates(sampled, is_stopword)
                weight[g][t] = len(rows)
                read += len(sample)
                floor = max(2, MIN_TOPIC_SHARE * len(sample))
                for key, phrase in found.items():
                    docs[key] += len(phrase.docs)
                    if len(phrase.docs) >= floor:
                        usage[g].setdefault(key, []).append((t, len(phrase.docs) / len(sample)))
                        forms[g].setdefault(key, Counter()).update(phrase.forms)
            shares[g] = {k: n / read for k, n in docs.items()} if read else {}
        total: Counter = Counter()
        for by_key in shares.values():
            total.update(by_key)
        n_groups = len(groups)
        corpus: Counter = Counter()
        for g in groups:
            for key, share in shares[g].items():
                corpus[key] += share * sum(weight[g].values())
        corpus_size = sum(sum(w.values()) for w in weight.values()) or 1
        for g in groups:
            held = sum(weight[g].values())
            if not held:
                continue
            ranked: list[tuple[float, str]] = []
            for key, users in usage[g].items():
                if len(users) < MIN_TOPICS or sum(weight[g][t] for t, _ in users) <= MIN_GROUP_SHARE * held:
                    continue
                outside = (corpus[key] - shares[g][key] * held) / max(1, corpus_size - held)
                if shares[g][key] < MIN_LIFT * outside:
                    continue
                written = sorted(forms[g][key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                if names_no_thing(written, lang, is_stopword, read_texts[g]) or qualifies(written, read_texts[g], is_stopword):
                    continue
                ranked.append((shares[g][key] * math.log(1 + n_groups / total[key]), written))
            if ranked:
                # Equal scores: the longer phrase says more ("transporte público" over "público").
                out[g][lang] = [w for _, w in sorted(ranked, key=lambda sw: (-round(sw[0], 9), -len(sw[1].split()), sw[1]))]
    return out
