"""Non-answers and reason-free statements: rows that are not contributions in their own right.

Two reasons, both counted and kept in every output (``data/nonanswers/README.md``):

- ``non_answer``: placeholders and meta text ("Sin fundamento", "en blanco", "ver documento adjunto").
- ``no_argument``: a position or an appraisal without a reason ("acuerdo total", "concordo", "muy importante").

A comment is screened by its whole normalised text against the phrase lists, then by a rule
for the spellings no list names: it is short and every word belongs to the closed classes of
the lists (form, absence, agreement, appraisal and filler words). A single word outside them
keeps the comment, so "sin corrupción" and "no hay salud sin agua" are analysed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from consultnlp.nonanswer_idioms import (
    BARE_REFERENCE,
    BUT,
    DEMAND,
    GREETING_FROM,
    INDIFFERENT,
    INDIFFERENT_TO,
    LENGTH_LIMIT,
    MAX_INDIFFERENT_WORDS,
    MAX_INSTRUCTION_WORDS,
    MAX_NOT_MINE_WORDS,
    MAX_THANKS_WORDS,
    NO_AGREEMENT,
    NOT_MINE,
    NOT_READ,
    SAME_AS,
    SIGNED,
    TALLY,
    THANKED_FOR,
    THANKS_OPENING,
    WHERE_IS,
    WISHES,
    handed_in_apart,
    instruction_alone,
)
from consultnlp.resources import language_lists, parse_sections, project_path
from consultnlp.text import fold, plural_stem

NON_ANSWER = "non_answer"
NO_ARGUMENT = "no_argument"
LISTS_DIR = project_path("data") / "nonanswers"
MODEL_PATH = LISTS_DIR / "model.json"  # the meaning test, trained by benchmarks/train_nonanswers.py
LONG_MODEL_PATH = LISTS_DIR / "model_long.json"  # the same for texts of 11 to 40 words (train_nonanswers.py --long)
WIDE_MODEL_PATH = LISTS_DIR / "model_wide.json"  # a second reading of short texts, on written sets 1-31 (train_nonanswers.py --wide)
SECTIONS = (
    "non_answer",
    "no_argument",
    "form_words",
    "absence_words",
    "agreement_words",
    "agreement_support",
    "appraisal_words",
    "filler_words",
    "process_words",
    "courtesy_words",
    "knowing_words",
    "request_words",
    "test_words",
    "appraisal_prompt_words",
    "hesitation_words",
    "reference_words",
    "staff_words",
    "platform_words",
    "question_words",
    "removed_words",
    "fault_words",
)
KINDS = ("agreement", "appraisal", "form", "absence", "knowing", "courtesy", "hesitation", "process")
_WORD_KINDS = tuple(k for k in KINDS if k != "process")  # ``Screen._kind``; process words are told apart in ``Screen.kinds``
_WORDS = re.compile(r"[a-z0-9+/]+")
_NEGATIVE_CONTRACTION = re.compile(r"n['\u2019]t\b")  # English "don't", "can’t": one word (dont, cant), an absence word
# A number, or one written as an ordinal ("2do", "3ro", "1st", "4th"; "2°" and "3ª" lose their sign in ``normalise``).
_NUMBER = re.compile(r"^\d+(?:o|a|do|da|ro|ra|er|to|ta|mo|ma|vo|va|no|na|st|nd|rd|th)?$")
# A whole comment in square brackets is an editor's or transcriber's note, not the person's words ("[inaudible]",
# "[risas]", "[url removed]", "[áudio de 4 segundos]"); a longer bracketed text may be a person's words typed in by staff
# (NHS feedback: "[I no longer use the service I use my own transport. Thank you.]", 12 words).
_EDITORIAL_NOTE = re.compile(r"^\s*\[([^\[\]]+)\]\s*$")
MAX_NOTE_WORDS = 8
# A comment that points elsewhere ("Ver la carta que entregamos", "See our submission attached as a PDF") or a staff
# member's note under their label ("Secretaría: no hubo intervenciones sobre este tema") is read up to this many words.
MAX_ASIDE_WORDS = 40
# A demand in the subjunctive («Que publiquen…», «Que respondam…»); wishes («Que tengan un buen día») are not one.
_SUBJUNCTIVE_DEMAND = re.compile(r"^q(?:ue)? (?:nos |se |les |lhes |me )?(?!tengan|tenham|pasen|passem|esten|estejam)\w+(?:an|en|am|em)\b")
# Where a comment that points elsewhere goes on to say something of its own: "Ver arriba: el plazo es insuficiente",
# "Vide acima, e acrescento a falta de rampas" (written sets 15 and 16).
_CLAUSE_BREAK = re.compile(r"[:;]|,\s*(?:y|e|and|but|pero|mas|porém|porem)\b", re.IGNORECASE)
LABEL_WORDS = 4  # a note's label before its colon: "Obs. do facilitador", "Facilitator's note"
MAX_PLATFORM_WORDS = 15  # a question or a report about the platform or the process ("¿Dónde se publican los resultados?")
MAX_REMOVED_WORDS = 12  # a note that a contribution was taken out ("Comentario retirado por moderación")
# A span in quotation marks with a letter in it ("processos", «anexo», “Art. 5”); straight single quotes are apostrophes.
_QUOTED = re.compile(r"[\"“«‘]([^\"”»’]*[^\W\d_][^\"”»’]*)[\"”»’]")


def quotes_words(text: str) -> bool:
    """Whether ``text`` quotes words and says something of its own beside them: «Inserção da palavra “processos” depois de
    “equipamentos”» mentions words of the draft (PNDBio 2025, set aside by the meaning model as a placeholder before
    stop 40), where «"N/A"» is only the quoted placeholder."""
    outside = _QUOTED.sub(" ", text)
    return outside != text and bool(re.search(r"[^\W\d_]", outside))


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as spaces (``/`` and ``+`` kept: "s/f", "+1"), single spaces; an English
    negative contraction is one word ("I don't know" -> "i dont know")."""
    return " ".join(_WORDS.findall(_NEGATIVE_CONTRACTION.sub("nt", fold(text))))


@dataclass
class WordClass:
    """Words of one class: exact (plural-stripped) words, prefixes from entries ending in ``*``, and entries of two
    or more words (``phrases``). Only the courtesy class's are read as one word of it ("buenos dias", see
    ``Screen.joined``); another class's (absence "tambem nao", agreement "opinamos igual") match nothing."""

    words: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()

    def add(self, entry: str) -> None:
        key = normalise(entry.rstrip("*"))
        if not key:
            return
        if " " in key:
            self.phrases = (*self.phrases, key)
            self.words.add(key.replace(" ", ""))  # read as one word ("bom dia" -> "bomdia", see ``Screen.joined``)
        elif entry.endswith("*"):
            self.prefixes = (*self.prefixes, key)
        else:
            self.words.update({key, plural_stem(key)})

    def __contains__(self, word: str) -> bool:
        return word in self.words or plural_stem(word) in self.words or word.startswith(self.prefixes)


@dataclass
class Screen:
    """The phrase lists and word classes of every language, and the rule's length limit."""

    phrases: dict[str, str] = field(default_factory=dict)  # normalised phrase -> reason
    classes: dict[str, WordClass] = field(default_factory=lambda: {s: WordClass() for s in SECTIONS[2:]})
    max_words: int = 10

    def classify(self, text: str) -> str:
        """``non_answer``, ``no_argument`` or "" (a contribution to analyse)."""
        key = normalise(text)
        if not key:
            return ""
        if key in self.phrases:
            return self.phrases[key]
        if BARE_REFERENCE.match(text) or NO_AGREEMENT.match(key) or GREETING_FROM.match(text) or self.indifferent(key):
            return NON_ANSWER
        words = key.split()
        if TALLY.match(key) or NOT_READ.match(key) or self.same_as(key) or SIGNED.match(key) or (WHERE_IS.match(key) and "?" in text):
            return NON_ANSWER
        wishes = bool(WISHES.match(key)) and not BUT.search(key)
        if (wishes or (len(words) <= MAX_ASIDE_WORDS and handed_in_apart(key))) and not self.asks(text):
            return NON_ANSWER
        if len(words) <= MAX_THANKS_WORDS and self.thanks_for_the_consultation(text, key):
            return NON_ANSWER
        if LENGTH_LIMIT.match(text) or (len(words) <= MAX_INSTRUCTION_WORDS and instruction_alone(text)):
            return NON_ANSWER
        if len(words) <= MAX_NOT_MINE_WORDS and NOT_MINE.search(text.replace("’", " ").replace("'", " ")):
            # "No me aplica, pero deberían bajar el pasaje" says something after all.
            if not (BUT.search(key) or self.asks(text)):
                return NON_ANSWER
        if _EDITORIAL_NOTE.match(text) and len(words) <= MAX_NOTE_WORDS:
            return NON_ANSWER
        if len(words) <= MAX_ASIDE_WORDS and self._aside(text, words):
            return NON_ANSWER
        if len(words) > self.max_words:
            return ""
        # A word in a class and among the fillers keeps its class (Portuguese "no", "in the", is a Spanish absence: "no tengo").
        # Process words are the corpus screen's (``consultnlp.screening``); to this rule they are words like any other.
        kinds = ["other" if kind == "process" else kind for _, kind in self.kinds(key) if kind not in ("filler", "number")]
        # Hesitation sounds ("eh... mmm...", "um, er", "hmm") say nothing; with other words they are fillers.
        hesitates = "hesitation" in kinds
        kinds = [kind for kind in kinds if kind != "hesitation"]
        if not kinds:
            return NON_ANSWER if hesitates else ""
        # A word about having a view ("idea", "opinión") is a placeholder's only beside an absence ("Sin idea", "no sé"):
        # "Para que se exprese la opinión de todos", "Apoyar las ideas de todos" are arguments (Chile 2016).
        if "other" in kinds or ("knowing" in kinds and "absence" not in kinds):
            return ""
        if "agreement" in kinds or "appraisal" in kinds:
            return NO_ARGUMENT
        # Support words ("todos", "grupo") alone state nothing; with an absence, form or courtesy word (a greeting, thanks:
        # "Buen día a todos") they are meta text.
        if "form" in kinds or "absence" in kinds or "courtesy" in kinds or "knowing" in kinds:
            return NON_ANSWER
        return ""

    def _aside(self, text: str, words: list[str]) -> bool:
        """Whether ``text`` (its normalised ``words``) points elsewhere, is a staff note or is about the platform; each
        rule is read only where a word it needs is there (most texts have none: the full Chile run reads 181,351)."""
        pointing, platform, faults = self.classes["reference_words"], self.classes["platform_words"], self.classes["fault_words"]
        elsewhere = any(w in pointing for w in words)
        labelled = ":" in text
        about = len(words) <= MAX_PLATFORM_WORDS and any(w in platform or w in faults for w in words)
        removed = len(words) <= MAX_REMOVED_WORDS and any(w in self.classes["removed_words"] for w in words)
        if not (elsewhere or labelled or about or removed) or self.asks(text):
            return False
        return (
            (elsewhere and self.refers_elsewhere(text))
            or (labelled and self.staff_note(text))
            or (about and self.about_the_platform(text))
            or (removed and self.removal_note(text))
        )

    def thanks_for_the_consultation(self, text: str, key: str) -> bool:
        """Whether ``text`` only thanks or congratulates for the consultation (``THANKS_OPENING``, ``THANKED_FOR``), asking
        for nothing and with no «pero»: "Gracias por la consulta, pero falta luz en el pasaje" says something."""
        opening = THANKS_OPENING.match(key)
        # What it asks is read after the opening: "I just want to say a huge thank you…" asks for nothing (written set 32).
        if not (opening and THANKED_FOR.search(key)) or BUT.search(key) or DEMAND.search(key, opening.end()):
            return False
        return not self.asks(text)

    @staticmethod
    def same_as(key: str) -> bool:
        """Whether the normalised ``key`` only says it is the same as another answer, naming where that is (``SAME_AS``):
        "Same as Q4", "Igual que la anterior"; a bare "Igual" says nothing of where and is left to the lists."""
        match = SAME_AS.match(key)
        return bool(match) and bool(match.group("where") or match.group("number") or match.group("noun"))

    def indifferent(self, key: str) -> bool:
        """Whether the normalised ``key`` only says that its writer does not mind either way (``INDIFFERENT``): every other
        word a filler, number, knowing, courtesy, absence or support word ("Me da igual, la verdad", "Sei lá, tanto faz").
        "Me da igual el color, pero que haya sombra" says something."""
        match = INDIFFERENT.search(key)
        if not match or len(key.split()) > MAX_INDIFFERENT_WORDS:
            return False
        rest = INDIFFERENT.sub(" ", key).strip()  # every such phrase («Ni a favor ni en contra, me es indiferente»)
        # What it is indifferent to, in two words at most, says nothing more: "Me da igual cómo quede" (written set 31).
        rest = INDIFFERENT_TO.sub("", rest).strip()
        return all(k in ("filler", "number", "knowing", "courtesy", "absence", "support") for _, k in self.kinds(rest))

    def removal_note(self, text: str) -> bool:
        """Whether ``text`` says that a contribution was taken out or voided, not what it said: two words of
        ``[removed_words]`` (retirado, hidden, anulada; consentimiento, ofensivo), or one beside a staff role
        (moderación, moderator), making with form, process, absence and staff words at least half of its words (fillers,
        numbers and support words aside). "Comentario retirado por moderación por lenguaje ofensivo", "Participante
        retirou o consentimento, conteúdo apagado" (written set 25). "El subsidio fue retirado a los jubilados" (one
        such word, no role) and "Eliminaron la posta y los vecinos quedaron sin atención" are read."""
        removed, staff = self.classes["removed_words"], self.classes["staff_words"]
        kinds = [(w, k) for w, k in self.kinds(normalise(text)) if k not in ("filler", "number", "support")]
        n_removed = sum(w in removed for w, _ in kinds)
        by_staff = any(w in staff for w, _ in kinds)
        if not (n_removed >= 2 or (n_removed and by_staff)):
            return False
        about = sum(w in removed or w in staff or k in ("form", "process", "absence") for w, k in kinds)
        return 2 * about >= len(kinds)

    def refers_elsewhere(self, text: str) -> bool:
        """Whether ``text`` only says where its answer is: a word that points elsewhere or hands in apart
        (``[reference_words]``: ver, remeto, separately) and a word of the form or a document ("carta", "submission"),
        with words about the form, the record or the process making more than half of the words of each of its clauses
        (fillers, numbers, support and absence words aside). "Ver el tema de las veredas" (no form word), "Enviamos una
        carta y nunca respondieron sobre el bache" (half), "Ver arriba: el plazo de 10 días es insuficiente" (a clause of
        its own) are read."""
        kinds = self.kinds(normalise(text))
        pointing = self.classes["reference_words"]
        if not any(w in pointing for w, _ in kinds) or not any(k == "form" and w not in pointing for w, k in kinds):
            return False
        if any(k in ("agreement", "appraisal") for _, k in kinds):
            return False  # "Se está de acuerdo con la definición entregada en este documento": a position (Chile 2016)
        for clause in _CLAUSE_BREAK.split(text):
            counted = [(w, k) for w, k in self.kinds(normalise(clause)) if k not in ("filler", "number", "support", "absence")]
            about = [w for w, k in counted if w in pointing or k in ("form", "process", "courtesy")]
            if counted and 2 * len(about) <= len(counted):
                return False
        return True

    def about_the_platform(self, text: str) -> bool:
        """Whether ``text`` only asks or reports about the platform or the process: every word but fillers, numbers,
        support words and, in a question, question words (``[question_words]``) is a ``[platform_words]`` one
        (deadlines, accounts, results, faults) or a form, absence, knowing, courtesy or ``[fault_words]`` one, with a
        platform word or a fault and a form word, and it asks ("¿Dónde se publican los resultados?", "When does the
        consultation close?"), says that something is missing or fails ("no carga el mapa en el celular") or finds fault
        with the form ("Formulário muito comprido e confuso"). "Que publiquen los resultados" asks for something
        (``asks``) and is read; a judgement or a position is too."""
        platform, faults, question = self.classes["platform_words"], self.classes["fault_words"], "?" in text
        # Question words ("dónde", "pra que", "can I") are neutral only in a question: "sin esto nada va a funcionar" argues.
        asking = self.classes["question_words"] if question else WordClass()
        kinds = [(w, k) for w, k in self.kinds(normalise(text)) if k not in ("filler", "number", "support") and w not in asking]
        # A fault ("confuso", "way too long", "trava") is the form's or the platform's when a word of either is there: "El
        # proceso es muy largo" may be about a procedure the consultation is on; "Este formulario es larguísimo" and "Site
        # crashes on mobile" (written set 31) are about the form and the site.
        faulted = any(w in faults for w, _ in kinds) and any(k == "form" or w in platform for w, k in kinds)
        if not (faulted or any(w in platform for w, _ in kinds)):
            return False
        # An appraisal beside an absence says how it fails ("no carga bien": written set 33).
        absent = any(k == "absence" for _, k in kinds)
        if not all(
            w in platform or w in faults or k in ("form", "absence", "knowing", "courtesy") or (absent and k == "appraisal")
            for w, k in kinds
        ):
            return False
        return question or faulted or any(k == "absence" for _, k in kinds)

    def staff_note(self, text: str) -> bool:
        """Whether ``text`` is a note under a staff member's label: a role of ``[staff_words]`` before a colon at its
        start, with only form and little words beside it ("Secretaría:", "Obs. do facilitador:", "Facilitator's note:"),
        then words about the meeting, or about what is missing from the form ("no hubo intervenciones sobre este tema",
        "contribuição duplicada removida"). What a facilitator typed in for someone is read ("Facilitador: la vecina
        propone más luminarias", "Facilitador: no hay luminarias en la plaza")."""
        label, colon, rest = text.partition(":")
        words = normalise(label).split()
        # Little words of the label do not count ("Nota da equipa de digitação": written set 32).
        if not colon or not 1 <= sum(k != "filler" for _, k in self.kinds(" ".join(words))) <= LABEL_WORDS:
            return False
        staff = self.classes["staff_words"]
        if not any(w in staff for w in words):
            return False
        if not all(w in staff or len(w) == 1 or k in ("filler", "form", "number") for w, k in self.kinds(" ".join(words))):
            return False
        kinds = [k for _, k in self.kinds(normalise(rest)) if k not in ("filler", "number", "support")]
        if "process" in kinds or ("absence" in kinds and "form" in kinds):
            return True
        return 2 * sum(k in ("form", "absence") for k in kinds) > len(kinds)

    def joined(self, key: str) -> str:
        """``key`` with each listed courtesy phrase read as one word of its class ("bom dia a todos" -> "bomdia a todos",
        "que tal" -> "quetal"): "bom" is an appraisal alone, not in a greeting."""
        phrases = self.classes["courtesy_words"].phrases
        if not phrases:
            return key
        return _phrase_pattern(phrases).sub(lambda m: m.group(0).replace(" ", ""), key)

    def _kind(self, word: str) -> str:
        for kind in _WORD_KINDS:
            if word in self.classes[f"{kind}_words"]:
                return kind
        return "support" if word in self.classes["agreement_support"] else "other"

    def kinds(self, key: str) -> list[tuple[str, str]]:
        """(word, kind) for the words of a normalised text: a class of :data:`KINDS`, ``support``, ``filler``,
        ``number`` or ``other``. Process words (the meeting and the record: reunión, sistema, transcribir)
        are told apart here; the word-class rule of :meth:`classify` does not use them."""
        out = []
        for word in self.joined(key).split():
            kind = self._kind(word)
            # A word in a class and among the fillers ("no": Portuguese "in the") keeps its class: absence says more.
            if kind in ("other", "support") and word in self.classes["filler_words"]:
                kind = "filler"
            elif _NUMBER.match(word):
                kind = "number"
            elif kind == "other" and word in self.classes["process_words"]:
                kind = "process"
            out.append((word, kind))
        return out

    def asks(self, text: str) -> bool:
        """Whether ``text`` asks for something or says what must be (``[request_words]``: "debe", "pido", "should",
        "we urge"): a longer text that does is a contribution, however close its meaning is to a note about the process."""
        key = normalise(text)
        words = self.classes["request_words"]
        if _SUBJUNCTIVE_DEMAND.match(key):
            return True  # «Que respondan una por una las propuestas» (written set 33)
        return any(word in words for word in key.split()) or bool(words.phrases and _phrase_pattern(words.phrases).search(key))

    def appraises_nothing(self, text: str, prompt: str) -> bool:
        """Whether ``text`` is only absence words ("Nothing.", "Nada", "None really") answering a ``prompt`` that asks for
        an appraisal or what to change (``[appraisal_prompt_words]``: "How could we improve?", "What was good?"): nothing
        to change, or nothing good, an appraisal with no reason rather than a placeholder. Claim check 61 (NHS
        feedback): 453 «Nothing.» to such questions were read as placeholders; to "Any other comments?" it stays one."""
        kinds = {kind for _, kind in self.kinds(normalise(text))}
        # "Can't think of anything", "Don't think so" to "What could we do better?": nothing to change (NHS feedback's
        # coders coded 28 such rows, stop 45).
        if "absence" not in kinds or not kinds <= {"absence", "filler", "knowing"}:
            return False
        return any(word in self.classes["appraisal_prompt_words"] for word in normalise(prompt).split())

    def seed_phrases(self, reason: str = NON_ANSWER) -> list[str]:
        """The listed whole-comment phrases of ``reason`` (normalised)."""
        return [phrase for phrase, r in self.phrases.items() if r == reason]


@lru_cache(maxsize=8)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(phrases, key=len, reverse=True))) + r")\b")


def parse_list(text: str, source: str) -> dict[str, list[str]]:
    """Sections of a list file (see :func:`consultnlp.resources.parse_sections`)."""
    return parse_sections(text, source, SECTIONS)


def load_screen(
    *,
    extra_non_answers: dict[str, list[str]] | None = None,
    extra_no_arguments: dict[str, list[str]] | None = None,
    max_words: int = 10,
    directory: Path = LISTS_DIR,
) -> Screen:
    """The bundled lists of every language plus the user's extra phrases."""
    screen = Screen(max_words=max_words)
    for sections in language_lists(directory, SECTIONS).values():
        for reason in (NON_ANSWER, NO_ARGUMENT):
            for phrase in sections.get(reason, []):
                screen.phrases.setdefault(normalise(phrase), reason)
        for name, words in sections.items():
            if name in screen.classes:
                for word in words:
                    screen.classes[name].add(word)
    for reason, extra in ((NON_ANSWER, extra_non_answers), (NO_ARGUMENT, extra_no_arguments)):
        for phrases in (extra or {}).values():
            for phrase in phrases:
                screen.phrases[normalise(phrase)] = reason
    return screen


@dataclass(frozen=True)
class MeaningModel:
    """What the listed placeholders share in meaning: a logistic regression on one embedder's sentence vectors,
    trained by ``benchmarks/train_nonanswers.py`` on the lists and on short arguments of the consultations the
    screen was tuned on. It reads "el facilitador no completó el campo" as a placeholder that no list names."""

    embedder: str
    weights: np.ndarray
    intercept: float
    threshold: float  # for a text with a word that could make it a placeholder (``CorpusScreen.cue``: ``placeholder``)
    threshold_alone: float = 2.0  # for any other short text ("No tengo sugerencias", "Obrigado pela atenção"); 2: never
    max_words: int = 10  # longer texts are never read
    min_words: int = 1  # ... nor shorter ones (the longer texts' model reads from 11)
    max_share: float = 1.0  # reading more of a consultation's texts as non-answers, it is outside its domain (not used)
    # A second reading (``model_wide.json``): a text this model reads at ``floor`` or more, under its ``threshold``, is
    # a placeholder where the wider model reads it at the wider one's ``threshold`` (see ``reads``).
    wide: MeaningModel | None = None
    floor: float = 2.0

    @classmethod
    def load(cls, path: Path = MODEL_PATH, wide: Path | None = None) -> MeaningModel | None:
        """The model of the card at ``path`` (None when there is none), with the second reading of the card at ``wide``
        (and the card's ``floor``) where that card exists and was trained on the same embedder."""
        if not path.is_file():
            return None
        model = cls._from_card(json.loads(path.read_text(encoding="utf-8")))
        if wide is not None and wide.is_file():
            card = json.loads(wide.read_text(encoding="utf-8"))
            second = cls._from_card(card)
            if second.embedder == model.embedder:
                model = replace(model, wide=second, floor=float(card.get("floor", 2.0)))
        return model

    @classmethod
    def _from_card(cls, card: dict) -> MeaningModel:
        return cls(
            card["embedder"],
            np.asarray(card["weights"], dtype=np.float64),
            float(card["intercept"]),
            float(card["threshold"]),
            float(card.get("threshold_alone", 2.0)),
            int(card.get("max_words", 10)),
            int(card.get("min_words", 1)),
            float(card.get("max_share", 1.0)),
        )

    def probability(self, vectors: np.ndarray) -> np.ndarray:
        """How likely each text (one unit vector per row) is a non-answer, from 0 to 1."""
        return 1.0 / (1.0 + np.exp(-(np.asarray(vectors, dtype=np.float64) @ self.weights + self.intercept)))

    def reads(self, vectors: np.ndarray, thresholds: np.ndarray, widely: Callable[[np.ndarray], np.ndarray] | None = None) -> np.ndarray:
        """Which texts (one unit vector per row, each with the threshold its words call for) this model reads as
        placeholders: at or above their threshold; or, read at the model's own ``threshold`` (a word that could make them
        one), at ``floor`` or above where the wider model (trained on the blind written sets 1-31) reads them at its
        threshold. Both must find it: the wider model alone set aside 9 of the 187 NHS answers coders coded, and this one
        alone misses most new wordings (written set 30: 181 of 300 non-answers; with both, 213). ``widely``: given the
        rows the second reading would add, which of them it may (all where None; the screen leaves out texts in words the
        consultation argues with, ``CorpusScreen.argued``: 204 of set 30, and 5 NHS rows its coders coded instead of 26)."""
        p = self.probability(vectors)
        hit = p >= thresholds
        if self.wide is not None:
            second = ~hit & (np.asarray(thresholds) == self.threshold) & (p >= self.floor)
            second &= self.wide.probability(vectors) >= self.wide.threshold
            rows = np.flatnonzero(second)
            if widely is not None and len(rows):
                second[rows] = np.asarray(widely(rows), dtype=bool)
            hit |= second
        return hit
