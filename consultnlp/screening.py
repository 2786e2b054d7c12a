"""The consultation's own evidence for rows that are not contributions: data-driven non-answers and process notes.

The phrase lists and the word-class rule (``consultnlp/nonanswers.py``) decide one text at a time and
only know the words they were written with. Here the whole file is evidence:

- **The consultation's vocabulary.** Words used by at most ``foreign_share`` of its longer contributions
  (more than ``max_words`` words) are *foreign* to its arguments ("diligenciado", "typed up"); words used
  by ``content_share`` or more are what people argue with, even when a list calls them form or process
  words ("sistema" in "sistema de salud"). A word of a real argument is never foreign by this test
  unless the consultation hardly uses it, and a foreign word alone never sets a text aside.
- **Non-answers that no list holds.** A short text whose words are all form, absence, process or
  foreign words, with an absence word ("campo no diligenciado", "sin fudamento"), is a
  non-answer when one more piece of evidence says so: it is repeated in ``min_repeats`` rows and has a
  form or process word; or it is close to a listed non-answer in a character n-gram space
  (``seed_similarity``: "sin fudamento"). "sin peajes" (an absence word and a word the consultation
  hardly uses) is kept.
- **Non-answers by meaning** (the screen stage, with :class:`consultnlp.nonanswers.MeaningModel`): a short text
  with such a word (:meth:`CorpusScreen.cue`; "el facilitador no completó el campo") whose sentence embedding a model trained on the
  listed placeholders reads as one. Words alone keep "una vejez digna" whatever the model says, and so does an
  absence word followed by a word the consultation argues with ("No más AFP", "sin distinción").
- **Process notes.** The same short text (at most ``process_max_words`` words) in ``min_repeats`` rows,
  about the meeting or the record rather than the question: it has a form or absence word and at least
  half of its words are process, form or absence words ("solo se llenó para el sistema"), or it has two
  process words and three quarters of its words are ("el acuerdo corresponde a los miembros del encuentro").

A content word keeps a text: "sin corrupción", "no hay salud sin agua" and "más reuniones con la
comunidad" stay in the analysis.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from consultnlp.ingest.columns import author_id_column
from consultnlp.lemmas import function_words
from consultnlp.nonanswers import NON_ANSWER, Screen, normalise
from consultnlp.schema import CONTEXT, REASON_PROCESS_NOTE, RESERVED, TEXT_CLEAN
from consultnlp.text import plural_stem

TEST_MAX_WORDS = 5  # a test entry is short ("CIOB testing", "test 2 French Oct 18")


@dataclass
class Vocabulary:
    """How many of the consultation's longer contributions use each word (plural-stripped)."""

    documents: Counter = field(default_factory=Counter)
    n_documents: int = 0

    @classmethod
    def from_keys(cls, keys: pd.Series, *, min_words: int) -> Vocabulary:
        """From normalised texts (one per row, repeats counted once per row) longer than ``min_words`` words."""
        documents: Counter = Counter()
        n = 0
        for key, count in keys.value_counts(sort=False).items():
            words = key.split()
            if len(words) > min_words:
                n += count
                for stem in {plural_stem(w) for w in words}:
                    documents[stem] += count
        return cls(documents, n)

    def share(self, word: str) -> float:
        return self.documents.get(plural_stem(word), 0) / self.n_documents if self.n_documents else 0.0

    def count(self, word: str) -> int:
        return self.documents.get(plural_stem(word), 0)


ARGUED_SHARE = 0.005  # a word this share of the consultation's longer texts use is one it argues with (``CorpusScreen.argued``)


@dataclass
class CorpusScreen:
    """Decides, from the whole consultation, which texts the lists left in are non-answers or process notes."""

    screen: Screen
    max_words: int = 10
    process_max_words: int = 20
    min_repeats: int = 3
    foreign_share: float = 0.0002
    content_share: float = 0.01
    seed_similarity: float = 0.6
    field_words: tuple[str, ...] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    def decide(self, keys: pd.Series) -> dict[str, tuple[str, str]]:
        """``{normalised text: (reason, evidence)}`` for the texts of ``keys`` (one per analysed row) to set aside."""
        self.vocabulary = Vocabulary.from_keys(keys, min_words=self.max_words)
        counts = keys.value_counts()
        verdicts: dict[str, tuple[str, str]] = {}
        candidates: dict[str, list[tuple[str, str]]] = {}
        for key, n in counts.items():
            if not key or len(key.split()) > self.process_max_words:
                continue
            if self._test_entry(key):
                verdicts[key] = (NON_ANSWER, "a test entry: a test word beside only numbers and words this consultation never uses")
                continue
            kinds = self.word_kinds(key)
            note = self._process_note(kinds) if n >= self.min_repeats else ""
            if self._placeholder_words(kinds) and len(key.split()) <= self.max_words:
                if n >= self.min_repeats and any(k in ("form", "process") for _, k in kinds):
                    verdicts[key] = (NON_ANSWER, f"repeated in {n} rows; words: {_about(kinds)}")
                else:
                    candidates[key] = kinds
            elif note:
                verdicts[key] = (REASON_PROCESS_NOTE, f"repeated in {n} rows; {note}")
        for key, (similarity, seed) in self._nearest_seeds(list(candidates)).items():
            if similarity >= self.seed_similarity:
                verdicts[key] = (NON_ANSWER, f"close to the listed «{seed}» ({similarity:.2f}); words: {_about(candidates[key])}")
        return verdicts

    def cue(self, key: str) -> str:
        """At which threshold the meaning model reads a short text:

        - ``placeholder``: it has a word that could make it one (an absence, form, process, courtesy or foreign word), read at
          the model's threshold;
        - ``none``: no such word; a text made only of words the consultation argues with ("una vejez digna",
          "inclusión") is an answer, however close its meaning is to a placeholder's (the model's ``threshold_alone``);
        - ``names_missing``: an absence word names what is missing, "No más AFP", "sin distinción" want something gone
          or kept out ("sin comentarios" names the field, and is ``placeholder``): never read."""
        kinds = [kind for _, kind in self.word_kinds(key)]
        if not any(kind in ("absence", "form", "process", "foreign", "courtesy") for kind in kinds):
            return "none"
        return "names_missing" if _names_what_is_missing(kinds) else "placeholder"

    def argued(self, text: str) -> bool:
        """Whether ``text`` has a word outside the lists' classes that at least ``ARGUED_SHARE`` of the consultation's
        longer texts use: the second reading of ``MeaningModel.reads`` leaves it alone. Patient feedback praises in the
        words everyone uses there («Quick to respond and kept me calm», «Responded very quickly to my 999 call»: NHS, read
        as placeholders by the wider model alone); a note about the form is in words the consultation hardly uses («la
        foto salió borrosa»)."""
        return any(kind == "other" and self.vocabulary.share(word) >= ARGUED_SHARE for word, kind in self.screen.kinds(normalise(text)))

    def word_kinds(self, key: str) -> list[tuple[str, str]]:
        """The words of ``key`` with their kind, read against this consultation's vocabulary."""
        out = []
        for word, kind in self.screen.kinds(key):
            if kind == "hesitation":
                kind = "filler"  # "eh", "um": no evidence either way
            if word in self.field_words:
                kind = "form"
            elif kind in ("form", "process") and self.vocabulary.share(word) >= self.content_share:
                kind = "other"  # the consultation argues with this word
            if kind == "other":
                kind = (self._typo_kind(word) or "foreign") if self._is_foreign(word) else "content"
            out.append((word, kind))
        return out

    def _test_entry(self, key: str) -> bool:
        """A test word ("test", "teste", "prueba": ``[test_words]``, as listed, no plural) beside only numbers and words
        that are no everyday es/pt/en word and that this consultation never uses (an acronym, a place, keys struck at
        random), in at most ``TEST_MAX_WORDS`` words: "CIOB testing", "test etasetsd" (unseen Pol.is exports analysed
        them). "Teste do pezinho" (a function word), "test scores matter", "More testing" (everyday words) stay."""
        words = key.split()
        listed = self.screen.classes["test_words"].words
        if not 2 <= len(words) <= TEST_MAX_WORDS or not any(w in listed for w in words):
            return False
        from consultnlp.privacy.name_lists import load_gazetteer  # the everyday words of es/pt/en

        stop, everyday = function_words(), load_gazetteer().words
        return all(w in listed or w.isdigit() or (w not in stop and w not in everyday and self._is_foreign(w)) for w in words)

    def _is_foreign(self, word: str) -> bool:
        return len(word) > 2 and self.vocabulary.count(word) <= max(1, self.foreign_share * self.vocabulary.n_documents)

    def _typo_kind(self, word: str) -> str:
        """The class of a listed word one edit away ("fundamnto" -> form), for words of 6+ letters."""
        if len(word) < 6:
            return ""
        for kind in ("form", "absence"):
            if any(_one_edit(word, listed) for listed in self.screen.classes[f"{kind}_words"].words):
                return kind
        return ""

    @staticmethod
    def _placeholder_words(kinds: list[tuple[str, str]]) -> bool:
        """Only form, absence, process and foreign words (support words allowed), with an absence word (the text
        says something is missing) and a word the lists' own rule does not decide (a process or foreign word)."""
        used = {k for _, k in kinds} - {"filler", "number", "support"}
        return used <= {"form", "absence", "process", "foreign"} and "absence" in used and bool(used & {"process", "foreign"})

    @staticmethod
    def _process_note(kinds: list[tuple[str, str]]) -> str:
        """Why a repeated text is about the meeting or the record ("" when it is not)."""
        counted = [(w, k) for w, k in kinds if k in ("process", "form", "absence", "content", "foreign")]
        if not counted:
            return ""
        about = [w for w, k in counted if k not in ("content", "foreign")]
        share = len(about) / len(counted)
        process = [w for w, k in counted if k == "process"]
        if not process and not any(k == "form" for _, k in counted):
            return ""
        has_form = any(k in ("form", "absence") for _, k in counted)
        if (has_form and share >= 0.5) or (len(process) >= 2 and share >= 0.75):
            return f"words about the meeting or the record: {', '.join(about)}"
        return ""

    def _nearest_seeds(self, keys: list[str]) -> dict[str, tuple[float, str]]:
        """The most similar listed non-answer of each key, by cosine of character 2-4-grams."""
        seeds = self.screen.seed_phrases(NON_ANSWER)
        if not keys or not seeds:
            return {}
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit(seeds + keys)
        similarity = (vectorizer.transform(keys) @ vectorizer.transform(seeds).T).toarray()
        best = similarity.argmax(axis=1)
        return {key: (float(similarity[i, best[i]]), seeds[best[i]]) for i, key in enumerate(keys)}


def _about(kinds: list[tuple[str, str]]) -> str:
    return ", ".join(f"{w} ({k})" for w, k in kinds if k not in ("filler", "number"))


def _names_what_is_missing(kinds: list[str]) -> bool:
    """Whether an absence word is followed (other absence and filler words aside) by a word the consultation argues with."""
    after_absence = False
    for kind in kinds:
        if kind == "absence":
            after_absence = True
        elif after_absence and kind == "content":
            return True
        elif kind != "filler":  # "no más AFP": "más" stands between
            after_absence = False
    return False


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion or substitution (and are not equal)."""
    if a == b or abs(len(a) - len(b)) > 1 or len(b) < 5:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


RECORD_MIN_VALUES = 10  # a column of record or author ids has at least this many values ...
RECORD_MAX_SHARE = 0.95  # ... and fewer than this share of the rows' number (row ids have one per row)


def record_column(frame: pd.DataFrame, candidates: list[str], prompts: pd.Series) -> str | None:
    """The column of ``candidates`` (the export's own columns) that groups rows into records: a meeting's minutes, an
    author's account (Chile 2016 ``id_ela``: 193,630 rows, 8,108 meetings; 3,726 in its 5,001-row sample). The one with
    the most values between ``RECORD_MIN_VALUES`` and ``RECORD_MAX_SHARE`` of the rows, among those where one value spans
    more than one of the ``prompts`` (the prompt's own column, «concepto», never does); ``None`` without one."""
    best, most = None, 0
    text = frame[TEXT_CLEAN].astype(str) if TEXT_CLEAN in frame else None
    for column in candidates:
        values = frame[column].nunique(dropna=True)
        if not (RECORD_MIN_VALUES <= values < RECORD_MAX_SHARE * len(frame) and values > most):
            continue
        if text is not None and (frame[column].astype(str) == text).mean() > 0.5:
            continue  # the text itself, kept under its own name: a campaign's copies would share "a record"
        if prompts.groupby(frame[column].to_numpy()).nunique().max() > 1:
            best, most = column, values
    return best


def repeated_in_record(analysed: pd.DataFrame, keys: pd.Series, column: str | None, min_prompts: int) -> tuple[str | None, pd.Series]:
    """The record column (``column`` if named, else an author id column, else :func:`record_column`) and whether each
    ``analysed`` row (``keys``: its normalised text) repeats word for word a text its own record already gave under another prompt, where that record
    gave it under ``min_prompts`` prompts or more: the first stays, the others count once. Chile 2016: one meeting's
    «Todos los puntos fueron sometidos a votación…» under each of its 26 concepts was 26 distinct contributions (copies
    are found within one prompt) and a subject of its own («Votación», claim checks 78 and 83); «Es fundamental para la
    nueva constitución» under 28 concepts answers none of them more than once. ``(None, empty)`` without prompts or records."""
    none = pd.Series(False, index=analysed.index)
    if CONTEXT not in analysed or min_prompts < 1:
        return None, none
    prompts = analysed[CONTEXT].fillna("").astype(str)
    own = [str(c) for c in analysed.columns if c not in RESERVED and not str(c).startswith("_")]
    column = column or author_id_column(own) or record_column(analysed, own, prompts)
    if column is None or column not in analysed:
        return None, none
    table = pd.DataFrame({"key": keys, "record": analysed[column].fillna("").astype(str), "prompt": prompts})
    table = table[(table["record"] != "") & (table["key"] != "")]
    spread = table.groupby(["key", "record"])["prompt"].transform("nunique")
    later = (spread >= min_prompts) & table.duplicated(["key", "record"], keep="first")
    return column, later.reindex(analysed.index, fill_value=False)


def restates_prompt(texts: pd.Series, prompts: pd.Series) -> pd.Series:
    """Whether each text is only the prompt it answers, word for word (case, accents and punctuation aside): Chile 2016's
    concept names typed as the meeting's reason for choosing them («Ejercicio legítimo y no abusivo de los derechos»,
    197 rows; claim check 91 found three "organised campaigns" of them). The form's own text: no answer."""
    prompts = prompts.fillna("").astype(str)
    same = pd.Series(False, index=texts.index)
    near = ((prompts != "") & (texts.str.len() <= prompts.str.len() + 10)).to_numpy()
    same[near] = texts[near].map(normalise).to_numpy() == prompts[near].map(normalise).to_numpy()
    return same


def record_column_found(stats: dict) -> str | None:
    """The record column the screen found or was given (``repeated_in_record``), from a run's stats; None in runs without
    one, or made before it was kept."""
    return (stats.get("repeated_in_record") or {}).get("column")


def screened_beyond_lists(stats: dict) -> dict[str, int]:
    """How many rows the screen set aside without a list naming them, from a run's stats: ``evidence`` (non-answers
    repeated across rows with form words, or written almost as a listed phrase) and ``meaning`` (the meaning model's
    placeholders and positions without a reason). Both 0 in runs made before these stats were kept."""
    evidence = (stats.get("screen_evidence") or {}).get("rows") or {}
    meaning = stats.get("screen_meaning") or {}
    return {
        "evidence": int(evidence.get(NON_ANSWER, 0) or 0),
        "meaning": int(meaning.get("rows", 0) or 0) + int(meaning.get("rows_no_argument", 0) or 0),
    }
