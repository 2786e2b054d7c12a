"""Does this sentence make this point? A calibrated match between a contribution's sentences and a key point's statement.

A key point's count is a claim about people ("31 contributions say «…»"), so a contribution counts
for a statement only when one of its own sentences states it. The match is a small logistic model
over two scores, both cheap and vectorised over every sentence of a group at once:

- ``cosine``: the cosine of the sentence and statement embeddings (the run's own embedder);
- ``lexical``: the share of the statement's content stems that the sentence also uses, weighted by rarity.

Answers on one subject all embed near it, so two sentences that name the subject for different reasons («abolish IP:
it gets very expensive» / «abolish IP: it stifles new ideas») look alike. Where a statement's subject has enough
sentences (``keypoints.subject_centres``), a sentence must also match it *centred*: on the cosine of the two once the
direction that the subject's sentences share is taken out (``SentenceTable.centre``), what each adds to the subject.
It counts at the lower of the two probabilities: close as a whole, and close in what it adds.

Both models were fitted once on the train split of ArgKP-2021 (24,000 human judgements of "does this argument make
this key point?", ``benchmarks/bench_keypoints.py --fit``, arguments centred on their topic) with the multilingual USE
embedder, and are constants here: nothing is trained at run time. On ArgKP dev, never used for fitting, at the
probability where train precision reaches 0.95 the centred model alone raised precision from 0.875 to 0.968 and recall
from 0.019 to 0.041. Used alone in a run, it counted members a blind reader found making only part of the point
(Chile 2016: 61 of 76 yes, against 66-74 of about 77 for the plain model; read 43); both together, 184 of 202 counted
members read were yes over four datasets, against 85% for the plain model alone
(``benchmarks/labels/KEYPOINT_READS44.md``). The price is lower counts: a point's members must pass both.

Two sentences that say opposite things embed close together, so a sentence that judges its subject the other
way never matches: by the judgement words of ``data/valence`` ("pleased" / "wasted", "un acierto" / "un error")
where both sentences use them, otherwise by negation ("should be banned" / "should not be banned").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from consultnlp.text import fold


@dataclass(frozen=True)
class Calibration:
    """A logistic model of "this sentence makes this statement's point" over the two scores."""

    cosine: float
    lexical: float
    intercept: float

    def logit(self, cosine: np.ndarray, lexical: np.ndarray) -> np.ndarray:
        return self.cosine * np.asarray(cosine, dtype=np.float64) + self.lexical * np.asarray(lexical, dtype=np.float64) + self.intercept


def _logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


# The calibration's anchor (counting is at COUNT_THRESHOLD). A count in the report claims that every contribution in it
# makes the point; a missed one only lowers a count. At 0.86, the centred model's ArgKP train precision is 0.971
# (recall 0.024). Chosen on ArgKP train run as a consultation (benchmarks/bench_keypoints_argkp.py), with both models:
# 81.0% of its counted members make their point's most common judged key point over 57 points, against 78.0% over 72
# with the plain model alone; on ArgKP dev, never used to choose, 78.2% over 11 points against 74.7% over 13.
THRESHOLD = 0.86
# Probability at or above which a sentence is counted for a key point: stricter than THRESHOLD, the calibration's anchor.
# Blind reads of the counted members at 0.86 found 80-91% making the point (reads 40-69; read 72x on Chile 2016: 44 of 55
# yes, 8 of 20 points fair); the same rounds at 0.92 (read 72y, another reader, points drawn the same way): Chile 2016
# 49 of 54 yes, 15 of 20 fair; Pol.is march-on 15 of 15 (7 of 7 fair); ArgKP dev 9 of 9 (3 of 3). The price: on Chile
# 2016, 144 points of 936 distinct contributions against 198 of 1,814; ArgKP dev 3 points against 11 (a point needs
# three contributions that make it: fewer are shown as examples, never as "N say"). Read 74, at the next commits, drawn
# from points never read: Chile 2016 17 of 20 fair (49 of 53 members yes), NHS 8 of 8, ArgKP train 5 of 5.
COUNT_THRESHOLD = 0.92
# Two candidate statements state the same point (the second is not offered as another key point) from this probability,
# where train precision reaches 0.85 (0.861), so that near-paraphrases are still one point.
SAME_POINT_THRESHOLD = 0.74
# Fitted on ArgKP-2021 train with use-multilingual, each argument centred on its topic (benchmarks/bench_keypoints.py --fit).
CENTRED = Calibration(5.662, 1.510, -2.087)
# The plain model, for every statement (alone where its subject has too few sentences to centre on: a small
# consultation): fitted on ArgKP train uncentred, it counted from 0.65 from stop 11 to 40 (train precision 0.961) and
# took two statements as one point from 0.56 (train precision 0.85). Its logit is scaled and moved so that those two
# fall at THRESHOLD and SAME_POINT_THRESHOLD: alone, it decides as it did.
_PLAIN_FIT = Calibration(3.936, 1.670, -3.586)
_PLAIN_COUNT, _PLAIN_SAME_POINT = 0.65, 0.56
_SCALE = (_logit(THRESHOLD) - _logit(SAME_POINT_THRESHOLD)) / (_logit(_PLAIN_COUNT) - _logit(_PLAIN_SAME_POINT))
PLAIN = Calibration(
    _SCALE * _PLAIN_FIT.cosine,
    _SCALE * _PLAIN_FIT.lexical,
    _SCALE * (_PLAIN_FIT.intercept - _logit(_PLAIN_COUNT)) + _logit(THRESHOLD),
)

CENTRE_BLOCK = 20_000  # sentences summed at once for a group's centre
STEM_CHARS = 6  # a crude stem shared by es/pt/en inflections ("transportes", "transporte"; "bicycles", "bicycle")
_WORD = re.compile(r"\w+", re.UNICODE)
_NEGATION = re.compile(
    r"\b(?:no|not|never|nor|cannot|nunca|jamás|jamas|nadie|ningún|ninguna|ninguno|tampoco|não|nao|nem|nenhum|nenhuma|"
    r"ninguém|jamais|without|sin|sem)\b|n't\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Judgements:
    """The judgement words of ``data/valence/*.txt`` (all languages), folded: exact words and ``*`` prefixes."""

    good: frozenset[str]
    bad: frozenset[str]
    good_prefixes: tuple[str, ...]
    bad_prefixes: tuple[str, ...]
    demand: frozenset[str]

    def sign(self, word: str) -> int:
        if word in self.good or word.startswith(self.good_prefixes):
            return 1
        if word in self.bad or word.startswith(self.bad_prefixes):
            return -1
        return 0


@lru_cache(maxsize=1)
def judgements() -> Judgements:
    from consultnlp.resources import language_lists, project_path

    sections: dict[str, set[str]] = {"good": set(), "bad": set(), "demand": set()}
    for lists in language_lists(project_path("data", "valence"), tuple(sections)).values():
        for name, words in lists.items():
            sections[name] |= {_fold(w) for w in words}

    def split(words: set[str]) -> tuple[frozenset[str], tuple[str, ...]]:
        return frozenset(w for w in words if not w.endswith("*")), tuple(sorted(w[:-1] for w in words if w.endswith("*")))

    good, good_prefixes = split(sections["good"])
    bad, bad_prefixes = split(sections["bad"])
    return Judgements(good, bad, good_prefixes, bad_prefixes, frozenset(sections["demand"]))


_CLAUSE = re.compile(r"[,.;:!?()]+|\b(?:but|pero|mas|porém|porem|however|although|aunque|embora|though)\b", re.IGNORECASE)
_JUDGED_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
NEGATION_REACH = 3  # a negation turns a judgement word around when it is one of the three words before it


@lru_cache(maxsize=200_000)  # a consultation repeats its words
def _word_sign(word: str) -> int:
    return judgements().sign(_fold(word).strip("'’-"))


def judgement(text: str) -> int:
    """+1 when ``text`` calls its subject good, -1 bad, 0 neither or both: the sum of its judgement words, each turned
    around by a negation just before it; clauses that ask for something ("should be fair") are left out."""
    if not any(_word_sign(w) for w in _JUDGED_WORD.findall(text)):
        return 0  # most sentences: no judgement word at all
    lexicon = judgements()
    total = 0
    for clause in _CLAUSE.split(text):
        written = _JUDGED_WORD.findall(clause)
        words = [_fold(w) for w in written]
        if any(w in lexicon.demand for w in words):
            continue
        for i, word in enumerate(written):
            sign = _word_sign(word)
            if sign and any(_NEGATION.fullmatch(w) or w.endswith(("n't", "n’t")) for w in words[max(0, i - NEGATION_REACH) : i]):
                sign = -sign
            total += sign
    return int(np.sign(total))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from consultnlp.lemmas import boilerplate_stopwords, function_words

    words = set(function_words())
    for lang in ("es", "pt", "en"):
        words |= boilerplate_stopwords(lang)
    return frozenset(_fold(w) for w in words)


@lru_cache(maxsize=200_000)  # a consultation repeats its words: folding each once took a fifth of the key points' time
def _fold(word: str) -> str:
    """Lower case without accents (``text.fold``): "Información" and "informacion" are one word."""
    return fold(word)


def content_stems(text: str) -> set[str]:
    """The stems of ``text``'s content words (function words, digits and one-letter words left out)."""
    stop = _function_words()
    out = set()
    for word in _WORD.findall(text):
        folded = _fold(word)
        if len(folded) < 3 or folded.isdigit() or folded in stop:
            continue
        out.add(folded[:STEM_CHARS])
    return out


DIRECTION_REACH = 3  # a direction word points at the first content word among the three after it


@lru_cache(maxsize=1)
def _direction_words() -> dict[str, int]:
    """``data/direction``'s words (lower case, accents kept) -> +1 (more), -1 (less), +2 (must) or -2 (may)."""
    from consultnlp.resources import language_lists, project_path

    out: dict[str, int] = {}
    for lists in language_lists(project_path("data", "direction"), tuple(_SIGNS)).values():
        for section, sign in _SIGNS.items():
            out.update({w.lower(): sign for w in lists.get(section, [])})
    return out


_SIGNS = {"more": 1, "less": -1, "must": 2, "may": -2}


def directions(text: str) -> set[str]:
    """ "+stem" / "-stem" for each content word ``text`` asks more or less of ("paguen más impuestos": "+impues"), and
    "+!stem" / "-!stem" for one it says must be or may be ("se debe modificar": "+!modifi"; "se pueda modificar": "-!modifi").
    Opposite signs on one target are opposite claims (``SentenceTable.opposite``)."""
    words = _direction_words()
    written = _JUDGED_WORD.findall(text)
    if not any(w.lower() in words for w in written):
        return set()
    stop = _function_words()
    out = set()
    for i, word in enumerate(written):
        sign = words.get(word.lower())
        if not sign:
            continue
        for after in written[i + 1 : i + 1 + DIRECTION_REACH]:
            folded = _fold(after)
            if len(folded) >= 3 and not folded.isdigit() and folded not in stop and after.lower() not in words:
                out.add(("+" if sign > 0 else "-") + ("!" if abs(sign) == 2 else "") + folded[:STEM_CHARS])
                break
    return out


def negated(text: str) -> bool:
    """Whether ``text`` is negated an odd number of times ("no debe", "not", "não"): its polarity."""
    return len(_NEGATION.findall(text)) % 2 == 1


def match_probability(cosine: np.ndarray, lexical: np.ndarray, centred: np.ndarray | bool) -> np.ndarray:
    """The calibrated probability that a sentence makes a statement, from its two scores; ``centred``: per statement
    (column), whether its cosine was centred on a subject (``CENTRED``) or is plain (``PLAIN``)."""
    z = np.where(centred, CENTRED.logit(cosine, lexical), PLAIN.logit(cosine, lexical))
    return 1.0 / (1.0 + np.exp(-z))


@dataclass
class SentenceTable:
    """Every sentence of a set of contributions, with its owner, embedding, stems and polarity, computed once.

    The lexical score weighs each stem by its inverse document frequency over these sentences, so a rare
    word shared ("ciclovías") counts more than a common one of the consultation ("educación")."""

    owner: np.ndarray  # the row (contribution) each sentence belongs to
    texts: list[str]
    vectors: np.ndarray  # L2-normalised, one row per sentence
    stems: sparse.csr_matrix  # binary sentence x stem
    idf: np.ndarray  # per stem
    negated: np.ndarray  # bool per sentence
    judged: np.ndarray  # per sentence: +1 calls its subject good, -1 bad, 0 neither (``judgement``)
    # Sentence x stem: asks for more of it / for less of it (``directions``); empty where none does.
    more: sparse.csr_matrix
    less: sparse.csr_matrix

    @classmethod
    def build(cls, owner: np.ndarray, texts: list[str], vectors: np.ndarray) -> "SentenceTable":
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for i, text in enumerate(texts):
            for stem in content_stems(text):
                rows.append(i)
                cols.append(vocabulary.setdefault(stem, len(vocabulary)))
        stems = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), max(len(vocabulary), 1)))
        df = np.asarray(stems.sum(axis=0)).ravel()
        idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
        vectors = np.asarray(vectors, dtype=np.float32)
        vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)
        pointed = [directions(t) for t in texts]
        targets: dict[str, int] = {}
        cells: dict[str, tuple[list[int], list[int]]] = {"+": ([], []), "-": ([], [])}
        for i, found in enumerate(pointed):
            for item in sorted(found):
                rows_of, cols_of = cells[item[0]]
                rows_of.append(i)
                cols_of.append(targets.setdefault(item[1:], len(targets)))
        width = max(len(targets), 1)
        more, less = (
            sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(texts), width)) for r, c in (cells["+"], cells["-"])
        )
        return cls(
            np.asarray(owner, dtype=np.int64),
            list(texts),
            vectors,
            stems,
            idf,
            np.array([negated(t) for t in texts], dtype=bool),
            np.array([judgement(t) for t in texts], dtype=np.int8),
            more,
            less,
        )

    def components(self, rows: np.ndarray, statements: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(centred cosine, lexical), sentences ``rows`` x statements (both sentence indices of this table)."""
        return self.subset(rows).components(self, statements, centre)

    def scores(self, rows: np.ndarray, statements: np.ndarray, centre: np.ndarray) -> np.ndarray:
        """Match probabilities, sentences ``rows`` x statements (both sentence indices of this table): plain, and where a
        statement has a centre (``centre``: its subject's shared direction, one for all or one per statement; zero: none)
        the lower of that and the centred one (``SentenceSubset.scores``)."""
        return self.subset(rows).scores(self, statements, centre)

    def centre(self, rows: np.ndarray) -> np.ndarray:
        """The unit direction that the sentences ``rows`` (a group's) share: their mean's. A zero vector when they have
        none, and then centring changes nothing."""
        total = np.zeros(self.vectors.shape[1], dtype=np.float64)
        rows = np.asarray(rows, dtype=np.int64)
        for start in range(0, len(rows), CENTRE_BLOCK):  # a group can hold most of 193,630 rows: not copied whole
            total += self.vectors[rows[start : start + CENTRE_BLOCK]].sum(axis=0, dtype=np.float64)
        norm = float(np.linalg.norm(total))
        return (total / norm if norm > 0 else total).astype(np.float32)

    def subset(self, rows: np.ndarray) -> "SentenceSubset":
        """The sentences ``rows``, sliced once to be matched against many statements."""
        rows = np.asarray(rows, dtype=np.int64)
        return SentenceSubset(rows, self.vectors[rows], self.stems[rows], self.negated[rows], self.judged[rows])


@dataclass
class SentenceSubset:
    """Some sentences of a table (a group's), with their vectors and stems sliced once."""

    rows: np.ndarray
    vectors: np.ndarray
    stems: sparse.csr_matrix
    negated: np.ndarray
    judged: np.ndarray

    def components(self, table: SentenceTable, statements: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(centred cosine, lexical), these sentences x statements: the cosine of the two vectors once their components
        along ``centre`` (a unit vector or zero; or one per statement, its own subject's) are taken out."""
        _, cosine, lexical = self._scores_parts(table, statements, centre)
        return cosine, lexical

    def _scores_parts(self, table: SentenceTable, statements: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, ...]:
        """(plain cosine, centred cosine, lexical), these sentences x statements: the vectors' product is taken once."""
        theirs = table.vectors[statements]
        centres = np.broadcast_to(np.asarray(centre, dtype=np.float32), theirs.shape)  # one per statement, or one for all
        mine_along = self.vectors @ centres.T  # sentences x statements
        theirs_along = np.einsum("ij,ij->i", theirs, centres)
        plain = self.vectors @ theirs.T
        cosine = plain - mine_along * theirs_along[None, :]
        cosine /= np.sqrt(np.clip(1.0 - mine_along**2, 1e-6, None))
        cosine /= np.sqrt(np.clip(1.0 - theirs_along**2, 1e-6, None))[None, :]
        weighted = table.stems[statements].multiply(table.idf[None, :]).tocsr()
        sizes = np.asarray(weighted.sum(axis=1)).ravel()
        lexical = (self.stems @ weighted.T).toarray() / np.maximum(sizes, 1e-9)[None, :]
        return plain, cosine, lexical

    def scores(self, table: SentenceTable, statements: np.ndarray, centre: np.ndarray) -> np.ndarray:
        """Match probabilities, these sentences x statements (sentence indices of ``table``): plain, and where a statement
        has a centre (``centre``: one for all, or one per statement; zero: none) the lower of that and the centred one."""
        centred = np.any(np.broadcast_to(centre, (len(statements), self.vectors.shape[1])) != 0, axis=1)[None, :]
        plain, cosine, lexical = self._scores_parts(table, statements, centre)
        prob = match_probability(cosine, lexical, centred)
        if centred.any():  # close as a whole too: the lower of the two probabilities
            prob = np.minimum(prob, match_probability(plain, lexical, False))
        prob[self.opposite(table, statements)] = 0.0
        return prob

    def opposite(self, table: SentenceTable, statements: np.ndarray) -> np.ndarray:
        """Which sentences say the opposite of which statements, though they may share every word with them: judged the
        other way where both judge their subject ("my vote is wasted under the current system" / "I am pleased with the
        current system"), otherwise negated the other way ("should not be banned" / "should be banned")."""
        mine, theirs = self.judged[:, None].astype(np.int16), table.judged[statements][None, :].astype(np.int16)
        flipped = self.negated[:, None] != table.negated[statements][None, :]
        opposite = np.where((mine != 0) & (theirs != 0), mine * theirs < 0, flipped)
        if table.more.nnz and table.less.nnz:  # both are needed for a sentence and a statement to point opposite ways
            # More of a thing against less of the same thing ("paguen más impuestos" / "paguen menos impuestos"), or that
            # it must be against that it may be ("se debe modificar" / "se pueda modificar").
            more, less = table.more[self.rows], table.less[self.rows]
            against = (more @ table.less[statements].T) + (less @ table.more[statements].T)
            opposite |= against.toarray() > 0
        return opposite
