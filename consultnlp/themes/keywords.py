"""Taxonomy keywords found in comments: lemmas for one-word keywords, surface phrases for the rest.

Keywords are lemmatised with the same lemmatiser as the comments and compared without
accents, so "información", "informacion" and "informaciones" all match.
"""

from __future__ import annotations

from collections import defaultdict

from consultnlp import schema
from consultnlp.lemmas import SUPPORTED, Lemmatizer, boilerplate_stopwords
from consultnlp.taxonomy import Taxonomy
from consultnlp.text import fold, surface_tokens
from consultnlp.themes.codebook import strip_non_evidence


class KeywordMatcher:
    """Finds taxonomy keywords in comments.

    A one-word keyword is matched on the comment's lemmas (so verbs and plurals match
    their base form) and on its plural-stripped surface words. A keyword of several words,
    or one that the lemmatiser would turn into a stopword, is matched only as a phrase of
    plural-stripped surface words, stopwords kept: lemmatising "obras públicas" would drop "públicas" (a consultation stopword)
    and leave "obra", which is far too broad.

    The longest match wins across themes: a keyword whose every occurrence lies inside a
    longer phrase of another theme does not count for its own theme ("justiça" inside
    "justiça climática" is climate action, not the justice system; "health" inside
    "soil health" is the environment).
    """

    def __init__(self, taxonomy: Taxonomy, lemmatizer: Lemmatizer) -> None:
        self.order = {t.id: i for i, t in enumerate(taxonomy.themes)}
        self.words: dict[str, dict[str, set[tuple[str, str]]]] = {}
        self.phrases: dict[str, dict[str, set[tuple[str, str]]]] = {}
        self.first_words: dict[str, frozenset[str]] = {}  # first word of every phrase, to skip most n-grams
        self.max_len = 1
        for lang in SUPPORTED:
            word_table: dict[str, set[tuple[str, str]]] = defaultdict(set)
            phrase_table: dict[str, set[tuple[str, str]]] = defaultdict(set)
            stop = lemmatizer.stopwords(lang)
            single: dict[tuple[str, str], list[str]] = defaultdict(list)  # (theme, lemma) -> one-word keywords
            # A consultation's own vocabulary ("propuesta", "plano") is boilerplate, never evidence of a theme.
            boilerplate = {fold(w) for w in boilerplate_stopwords(lang)}
            for theme in taxonomy.themes:
                for keyword in theme.keywords.get(lang, []):
                    if fold(keyword.strip()) in boilerplate:
                        continue
                    words = surface_tokens(keyword)
                    lemma = fold(lemmatizer.lemmatize_phrase(keyword, lang))
                    if len(words) == 1 and lemma and len(lemma.split()) == 1 and lemma not in stop:
                        single[(theme.id, lemma)].append(keyword)
                    elif words:
                        phrase_table[" ".join(words)].add((theme.id, keyword))
                        self.max_len = max(self.max_len, len(words))
            for (theme_id, lemma), keywords in single.items():
                # Keywords sharing a lemma ("vote", "voting") are one mention, shown in base form. They are
                # also matched as plural-stripped surface words: the lemmatiser is not always consistent
                # between a keyword and the same word in a sentence (pt "queimadas" -> "queimar").
                shown = min(keywords, key=lambda k: (fold(k) != lemma, -len(k.encode()), k))
                word_table[lemma].add((theme_id, shown))
                for keyword in keywords:
                    phrase_table[surface_tokens(keyword)[0]].add((theme_id, shown))
            self.words[lang] = dict(word_table)
            self.phrases[lang] = dict(phrase_table)
            self.first_words[lang] = frozenset(p.split()[0] for p in phrase_table)
        self.any_first_word = frozenset().union(*self.first_words.values())

    def match(self, lemmas: str, lang: str, text: str = "") -> dict[str, list[str]]:
        """Theme id -> the keywords (as written in the taxonomy) found in ``lemmas`` or, for phrases, ``text``."""
        langs = [lang] if lang in self.words else list(self.words)
        # Web and e-mail addresses name a site, not a subject: "gov.br" is no comment on digital services.
        lemmas, text = strip_non_evidence(lemmas), strip_non_evidence(text)
        found: dict[str, set[str]] = defaultdict(set)
        for token in fold(lemmas).split():
            for l in langs:
                for theme_id, keyword in self.words[l].get(token, ()):
                    found[theme_id].add(keyword)
        tokens = surface_tokens(text) if text else []
        spans: list[tuple[int, int, str]] = []  # phrase matches: start, end, theme
        first = self.first_words[lang] if lang in self.words else self.any_first_word
        for n in range(2, self.max_len + 1) if tokens else ():
            for i in range(len(tokens) - n + 1):
                if tokens[i] not in first:  # no phrase starts with this word: skip building the n-gram
                    continue
                for l in langs:
                    for theme_id, keyword in self.phrases[l].get(" ".join(tokens[i : i + n]), ()):
                        found[theme_id].add(keyword)
                        spans.append((i, i + n, theme_id))
        for token in tokens:  # one-word keywords as surface words
            for l in langs:
                for theme_id, keyword in self.phrases[l].get(token, ()):
                    found[theme_id].add(keyword)
        if spans:
            for theme_id, keywords in found.items():
                keywords -= {k for k in keywords if _inside_other_theme(surface_tokens(k), tokens, spans, theme_id)}
        return {k: _distinct(v) for k, v in found.items() if v}


def _inside_other_theme(words: list[str], tokens: list[str], spans: list[tuple[int, int, str]], theme_id: str) -> bool:
    """True when every occurrence of ``words`` in ``tokens`` lies inside a longer phrase match of another theme."""
    n = len(words)
    starts = [i for i in range(len(tokens) - n + 1) if tokens[i : i + n] == words]
    return bool(starts) and all(any(a <= i and i + n <= b and b - a > n and other != theme_id for a, b, other in spans) for i in starts)


def _distinct(keywords: set[str]) -> list[str]:
    """One entry per thing mentioned: spelling variants ("información" / "informacion", "mudança climática" /
    "mudanças climáticas") count once, the accented one shown, and a keyword found inside a longer one
    ("indígena" in "povos indígenas") is left out, so the number of hits counts distinct mentions."""
    best: dict[str, str] = {}
    for word in sorted(keywords):
        key = " ".join(surface_tokens(word))
        if key not in best or len(word.encode()) > len(best[key].encode()):
            best[key] = word
    inside = {k for k in best if any(k != other and f" {k} " in f" {other} " for other in best)}
    return sorted(word for key, word in best.items() if key not in inside)


def assign(found: dict[str, list[str]], order: dict[str, int], *, min_hits: int, max_themes: int) -> tuple[list[str], list[float]]:
    """Themes with at least ``min_hits`` distinct keywords, most hits first (taxonomy order breaks ties)."""
    ranked = sorted(((len(v), k) for k, v in found.items() if len(v) >= min_hits), key=lambda x: (-x[0], order[x[1]]))
    chosen = ranked[:max_themes]
    return [k for _, k in chosen], [round(h / (h + 1), 3) for h, _ in chosen]


def join_assignment(ids: list[str], scores: list[float], evidence: list[str]) -> tuple[str, str, str]:
    return (
        ";".join(ids) or schema.OTHER_THEME,
        ";".join(f"{i}:{v}" for i, v in zip(ids, scores)),
        ";".join(f"{i}:{e}" for i, e in zip(ids, evidence)),
    )
