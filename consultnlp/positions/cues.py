"""Explicit statements of position, found by phrase cues (lists in ``data/positions/``).

Precision first: a wrong "oppose" in a government report is worse than a missing one, so a
comment gets a position only from an explicit statement, and a cue is dropped when it is

- in a question ("¿Está de acuerdo?", "Do you agree?"), or in quotation marks;
- reported speech: after "algunos dicen que", "some people", "há quem" in its sentence, with no
  "pero yo" / "but I" in between;
- a noun, not a statement: after a determiner or a number ("el rechazo a la violencia", "no tuvo mucho
  apoyo", "1 voto en contra", "our support for");
- not the main statement of its clause: only pronouns, negators, intensifiers, "yes", opinion verbs,
  connectors and discourse fillers may come before a cue in its clause ("yo apoyo", "não concordo", "por eso
  estoy en contra", "Pos la neta no estoy de acuerdo", but not "expresar su aprobación o rechazo", "the issues I
  support", "aprovado por consenso"); a verb of expressing ("manifestamos nuestro apoyo", "wish to register our
  opposition"), the author's role ("Como junta de vecinos respaldamos") and a conjunction before a first-person
  statement ("... and I fully endorse it") open a main clause too (``consultnlp/positions/clauses.py``);
- in a subordinate clause: after "cuando", "lo que", "donde", "when", "if", "which" in its clause;
- a heading of a list of pros and cons: a start-of-sentence cue followed by a colon ("A favor: ... En contra: ...");
- in parentheses: "(desacuerdo)" annotates a point in a group's report; a one-word cue alone between
  commas inside a sentence names a thing in a list ("Empatía, apoyo, colaboración");
- about something other than the proposal: a cue's object must be the proposal or a part of it
  ("la propuesta", "el artículo 5", "this plan"), a demonstrative ("esto", "isso", "it"), nothing
  ("Rechazo.", "Estoy en contra porque ..."), or a measure: an infinitive ("cerrar los consultorios de
  noche", "to raise the fare", "closing the clinics"), a noun of a measure (``[measures]``: "el peaje",
  "o corte de verbas", "the toll") or a phrase marked as the plan's (``[plan_markers]``: "la reforma
  propuesta", "previsto", "this plan"). Such a stance keeps its target phrase (``Detection.target``;
  "" for the proposal as a whole, ``[whole]``); "No estoy de acuerdo con cerrar los consultorios" is
  ``oppose`` with target "cerrar los consultorios". "Estoy en contra de la corrupción" and "no estamos
  de acuerdo con el aborto" state no position on the draft (in Chile 2016 such sentences argue *for*
  the concept the meeting chose); nor does anything about the status quo ("el sistema actual");
- a request ("pedimos ...", "we ask for ..."), or a title: a one-word cue opening the contribution and
  followed by "a" / "à" / "for" ("Apoyo a la agricultura familiar", "Apoio à agricultura familiar")
  names what is wanted, unless its object is the proposal as a whole;
- a support cue in an ironic comment ("jaja", "yeah right", 🙄).

Negation turns support into opposition ("no estoy de acuerdo", "no podemos aceptar", "jamás voy a respaldar",
"em hipótese alguma aceitamos", "I cannot in good conscience endorse"; a cue marked ``!`` such as "aceptar" counts
only negated, an infinitive only after a first-person modal: "No aceptar sobornos" proposes), opposition into no position
("no estoy en contra" is not support), and either into ``partial`` with a word of totality
("no estoy totalmente de acuerdo", "I don't fully agree"); "ni ... ni", "neither ... nor" give no
position. Support or opposition followed by a reservation ("de acuerdo, pero ...", "I agree as long as
...", "desacuerdo, pero es un principio importante"), by a split vote ("Desacuerdo (6/5)") or with a
partial modifier ("concordo parcialmente") is ``partial``: when in doubt, not "oppose". A comment with
both support and opposition is ``partial``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consultnlp.positions import NONE, OPPOSE, PARTIAL, SUPPORT
from consultnlp.positions.clauses import after_determiner as _after_determiner
from consultnlp.positions.clauses import at_sentence_start as _at_sentence_start
from consultnlp.positions.clauses import free_standing as _free_standing
from consultnlp.positions.evaluations import evaluated as _evaluated
from consultnlp.positions.lexicon import CONSENSUS, Cue, CueLists, Lexicon, load_cues
from consultnlp.positions.targets import OBJECT_WINDOW, about_a_statement, content_words, earlier_in, phrase_at
from consultnlp.positions.targets import measure_object as _measure
from consultnlp.positions.targets import other_object as _other_object
from consultnlp.positions.targets import requested as _requested
from consultnlp.positions.targets import target as _target
from consultnlp.positions.targets import title as _title
from consultnlp.positions.tokens import Word, adverb, words

MAX_SKIPS = 3  # words or phrases skipped inside one cue ("I do not fully support": do, not, fully; "in good conscience")
NEGATION_WINDOW = 4  # words looked at before a cue for a negator ("no lo apoyamos", "I don't think we support")
EVIDENCE_MAX = 200
_SLOGAN_WORDS = frozenset({"no", "nao", "si", "sim", "yes"})
_SPLIT = re.compile(r"\(?\s*(\d{1,4})\s*(?:/|-|a|contra|vs\.?|x)\s*(\d{1,4})\b")


@dataclass
class Hit:
    """One cue found in a comment, what it says, and why it was dropped (``reason``) if it was."""

    cue: Cue
    first: int  # word index of the first word of the statement (the negator when negated)
    last: int  # word index after the cue
    outcome: str = NONE
    reason: str = ""
    negated: bool = False
    note: str = ""  # the reservation that made it partial
    target: str = ""  # the part of the proposal or the measure it is about ("" for the proposal as a whole)


@dataclass
class Detection:
    position: str
    evidence: str
    hits: list[Hit] = field(default_factory=list)
    target: str = ""  # the first stated hit's target ("" when none states one)


class CueDetector:
    """Finds explicit statements of position in a comment."""

    def __init__(self, lists: CueLists | None = None) -> None:
        self.lists = lists or load_cues()
        self._first_words = frozenset(self.lists.cues)

    def detect(self, text: str, lang: str | None = None) -> Detection:
        """The comment's position (``none`` without an explicit cue) and the words that state it."""
        found = words(text)
        if not found:
            return Detection(NONE, "")
        lex = self.lists.lexicon(lang if lang in self.lists.lexicons else None)
        plain = [w.text for w in found]
        hits = [] if self._first_words.isdisjoint(plain) else self._matches(found, plain, lex)
        ironic = _ironic(text, plain, lex)
        for hit in hits:
            self._judge(hit, text, found, plain, lex, lang)
            if hit.outcome == SUPPORT and ironic:
                hit.outcome, hit.reason = NONE, "irony"
        stated = [h for h in hits if h.outcome != NONE]
        if not stated:
            # No stance verb stated a position: a judgement of a measure may ("el peaje es inaceptable").
            position, target, evidence, end = _evaluated(text, found, plain, lex, lang)
            if position == SUPPORT and ironic:
                position = NONE
            elif position != NONE and _reservation_after(found, plain, end, lex):
                position = PARTIAL  # "Atendimento digital é ótimo, mas tem que ter gente para atender"
            return Detection(position, evidence[:EVIDENCE_MAX], hits, target) if position != NONE else Detection(NONE, "", hits)
        outcomes = {h.outcome for h in stated}
        position = outcomes.pop() if len(outcomes) == 1 else PARTIAL
        evidence = " | ".join(_evidence(text, found, h) for h in stated)
        target = next((h.target for h in stated if h.target), "")
        return Detection(position, evidence[:EVIDENCE_MAX], hits, target)

    # ------------------------------------------------------------------ matching

    def _matches(self, found: list[Word], plain: list[str], lex: Lexicon) -> list[Hit]:
        """Cue matches, left to right, longest first, not overlapping; words in questions and quotes are skipped.

        A longer cue kept to the start of a sentence gives way to a shorter one where it is not at the start
        ("Estoy en total desacuerdo": "estoy en desacuerdo", not "^total desacuerdo")."""
        skippable = [lex["skip"], lex["negators"], lex["neither"], lex["totality"], lex["partial_modifiers"]]
        hits: list[Hit] = []
        i = 0
        while i < len(found):
            word = found[i]
            options: list[tuple[int, int, Cue, int]] = []
            if not word.question and not word.quoted:
                for cue in self.lists.cues.get(word.text, ()):
                    end = _match(cue.words, found, plain, i, skippable)
                    if end is not None:
                        options.append((len(cue.words), -(end - i - len(cue.words)), cue, end))
            if not options:
                i += 1
                continue
            options.sort(key=lambda o: (o[0], o[1]), reverse=True)
            at_start = not any(o[2].at_start for o in options) or _at_sentence_start(found, plain, i, lex)
            best = next((o for o in options if at_start or not o[2].at_start), options[0])
            hits.append(Hit(best[2], i, best[3]))
            i = best[3]
        return hits

    # ------------------------------------------------------------------ judging one cue

    def _judge(self, hit: Hit, text: str, found: list[Word], plain: list[str], lex: Lexicon, lang: str | None = None) -> None:
        cue, start, end = hit.cue, hit.first, hit.last
        if any(found[k].question for k in range(start, end)):
            hit.reason = "question"
            return
        if _preterite(cue, text, found, start):
            hit.reason = "reported"  # "Rechazó la encuesta": what someone did, not the author's own stance
            return
        if cue.at_start and not _at_sentence_start(found, plain, start, lex):
            hit.reason = "not at the start"
            return
        if cue.at_start and _heading(text, found, end):
            hit.reason = "a heading"
            return
        if _reported(found, plain, start, lex):
            hit.reason = "reported"
            return
        if _requested(found, plain, start, lex):
            hit.reason = "a request"
            return
        if _title(cue, text, found, plain, start, end, lex):
            hit.reason = "a title"
            return
        if _subordinate(found, plain, start, lex):
            hit.reason = "subordinate"
            return
        if _after_determiner(found, plain, start, lex):
            hit.reason = "a noun"
            return
        if not _free_standing(cue, found, plain, start, lex, text):
            hit.reason = "not the main clause"
            return
        if len(cue.words) == 1 and _list_item(found, start, end):
            hit.reason = "a list item"
            return
        inside = range(start + 1, end)
        negator, neither = _negation(cue, found, plain, start, end, lex)
        if cue.negated_only and (negator is None or _bare_infinitive(cue, negator, start)):
            hit.reason = "not negated"
            return
        # "no estoy totalmente de acuerdo", and in es/pt the word after the verb: "não concordo totalmente".
        totality = _totality(plain, negator if negator is not None else start, min(end + 1, len(plain)), lex)
        modified = any(phrase_at(lex["partial_modifiers"], plain, k) for k in inside) or _modifier_after(found, plain, end, lex)
        # A group's agreement ("no hubo acuerdo en el grupo") is about the matter under discussion, whatever follows.
        opposing = (cue.kind == OPPOSE) == (negator is None)
        if cue.kind == CONSENSUS:
            objection = _status_quo(found, plain, end, lex)
        else:
            objection = (
                "about a statement" if about_a_statement(found, plain, end, lex) else _object_problem(cue, found, plain, end, lex, opposing)
            )
            # A stance on a part of the plan keeps its target; only people and general causes are something else.
            if objection == "about something else" and (
                _measure(text, found, plain, end, lex, lang) or not _other_object(text, found, plain, end, lex)
            ):
                objection = ""
            if not objection:
                hit.target = _target(text, found, plain, end, lex, lang)
                if (
                    _needs_a_measure(cue)
                    and hit.target
                    and not (_measure(text, found, plain, end, lex, lang) or (_vote(cue) and _names_the_plan(found, plain, end, lex)))
                ):
                    objection = "about something else"  # "No al lucro", "I will vote for candidates who": not a measure
        if not objection and cue.kind == SUPPORT and negator is None and _new_thing(found, plain, end, lex):
            objection = "a proposal"  # "Defendo uma extensão pesqueira inclusiva…": what the writer proposes (claim check 90)
        if objection:
            hit.reason = objection
            return
        kind = cue.kind
        if negator is not None:
            hit.negated, hit.first = True, negator
            if neither:
                hit.reason = "neither ... nor"
            elif kind == SUPPORT:
                hit.outcome = PARTIAL if totality else OPPOSE
            elif kind == CONSENSUS:
                hit.outcome = PARTIAL  # a group that did not reach agreement is divided
            elif kind == OPPOSE:
                hit.outcome = PARTIAL if totality else NONE
                hit.reason = "" if totality else "negated"
            else:
                hit.reason = "negated"
            return
        hit.outcome = SUPPORT if kind == CONSENSUS else kind
        if modified and hit.outcome in (SUPPORT, OPPOSE):
            hit.outcome, hit.note = PARTIAL, "modifier"
        elif hit.outcome in (SUPPORT, OPPOSE):
            # "De acuerdo, pero ...", "Desacuerdo, pero es importante": a reservation; "Desacuerdo (6/5)": a divided meeting.
            reservation = _reservation_after(found, plain, end, lex) or _vote_split(text, found, end)
            if reservation:
                hit.outcome, hit.note = PARTIAL, reservation


# Indefinite articles ("a" is also Portuguese "the" and Spanish "to": left out; "an" is English's only).
_INDEFINITE = frozenset("un una unos unas um uma uns umas an".split())


def _new_thing(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> bool:
    """Whether the cue's object is brought in by an indefinite article and names nothing of the plan ("Defendo uma extensão
    pesqueira inclusiva", "Apoyo un fondo para las ollas comunes", "I support an app for it"): a thing the writer
    proposes, not a measure under consultation ("Apoyo el fondo previsto" is one; so is a plan marker beside it)."""
    k = end
    while k < len(found) and found[k].clause == found[end - 1].clause and phrase_at(lex["skip"], plain, k):
        k += 1
    if k >= len(found) or found[k].clause != found[end - 1].clause or plain[k] not in _INDEFINITE:
        return False
    window = range(k, min(len(found), k + OBJECT_WINDOW))
    return not any(found[j].clause == found[k].clause and phrase_at(lex["plan_markers"], plain, j) for j in window)


def _needs_a_measure(cue: Cue) -> bool:
    """A yes or no opening a sentence before its object ("No al peaje", "Não ao corte", "Yes to the new park"), or a vote
    ("I will vote for"): a stance only on a measure (``targets.measure_object``), a vote also on the plan ("Votamos en
    contra de esta medida"). Slogans are mostly about issues ("No a la ley antiterrorista" argued for a right in Chile
    2016, "No al lucro"); votes for candidates are no position."""
    return (cue.at_start and cue.words[0] in _SLOGAN_WORDS and len(cue.words) <= 3) or _vote(cue)


def _vote(cue: Cue) -> bool:
    return any(word.startswith("vot") for word in cue.words)


def _names_the_plan(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> bool:
    """The object's first content words name the proposal or a part of it ("esta medida", "the draft", "article 5")."""
    return any(phrase_at(lex["targets"], plain, k) or phrase_at(lex["whole"], plain, k) for k in content_words(found, plain, end, lex, 3))


def _match(cue_words: tuple[str, ...], found: list[Word], plain: list[str], i: int, skippable: list) -> int | None:
    """Index after the cue when ``cue_words`` match from ``i`` in one clause, skipping at most MAX_SKIPS little words."""
    j, k, skips, clause = i, 0, 0, found[i].clause
    while k < len(cue_words):
        if j < len(found) and found[j].clause == clause and plain[j] == cue_words[k] and not found[j].quoted:
            j, k = j + 1, k + 1
            continue
        if k == 0 or j >= len(found) or found[j].clause != clause:
            return None
        step = max((p.match(plain, j) for p in skippable), default=0) or int(adverb(plain[j]))  # "sou radicalmente contra"
        if not step or skips >= MAX_SKIPS:
            return None
        j, skips = j + step, skips + 1
    return j


def _reported(found: list[Word], plain: list[str], start: int, lex: Lexicon) -> bool:
    """A reporting phrase earlier in the sentence, with no first-person or contrast word between it and the cue."""
    sentence = found[start].sentence
    k = start - 1
    while k >= 0 and found[k].sentence == sentence:
        if phrase_at(lex["first_person"], plain, k) or phrase_at(lex["contrast"], plain, k):
            return False
        if phrase_at(lex["reporting"], plain, k):
            return True
        k -= 1
    return False


def _preterite(cue: Cue, text: str, found: list[Word], start: int) -> bool:
    """Whether a one-word cue is written as a Spanish third-person preterite: "rechazó", "apoyó" fold to the cue
    "rechazo", "apoyo", but tell what someone did, not what the author holds. A meeting's record of its own decision
    keeps its "se" ("se apoyó la idea", "se discrepó"), and the cues of several words name their verb as written ("se
    llegó a acuerdo")."""
    word = found[start]
    return (
        len(cue.words) == 1
        and text[word.start : word.end].lower().endswith("ó")
        and word.text.endswith("o")
        and not (start > 0 and found[start - 1].text == "se")
    )


def _subordinate(found: list[Word], plain: list[str], start: int, lex: Lexicon) -> bool:
    """A "cuando" / "lo que" / "when" / "which" earlier in the cue's clause: a general, conditional or relative clause."""
    return earlier_in(found, plain, start, lex["subordinate"], "clause")


def _list_item(found: list[Word], start: int, end: int) -> bool:
    """A one-word cue alone between commas inside a sentence: "Empatía, apoyo, colaboración" names things."""
    clause, sentence = found[start].clause, found[start].sentence
    alone = (start == 0 or found[start - 1].clause != clause) and (end >= len(found) or found[end].clause != clause)
    inside = start > 0 and found[start - 1].sentence == sentence and end < len(found) and found[end].sentence == sentence
    return alone and inside


def _heading(text: str, found: list[Word], end: int) -> bool:
    """A colon right after the cue: "A favor: ..., En contra: ..." lists arguments, it states no position."""
    following = text[found[end - 1].end : found[end].start if end < len(found) else len(text)]
    return following.strip().startswith(":")


def _negation(cue: Cue, found: list[Word], plain: list[str], start: int, end: int, lex: Lexicon) -> tuple[int | None, bool]:
    """(index of the negator, whether it is "ni"/"neither") inside the cue or just before it in its clause; the cue's own
    words are no negator ("decimos no a", "we say no to")."""
    for k in range(start + 1, end):
        if plain[k] in cue.words:
            continue
        if phrase_at(lex["neither"], plain, k):
            return start, True
        if phrase_at(lex["negators"], plain, k) and not phrase_at(lex["not_negation"], plain, k + 1):
            return start, False
    clause = found[start].clause
    window = ("neg_window", "skip", "totality", "partial_modifiers")
    # Backwards over phrases: "no voy a aceptar", "em hipótese alguma aceitamos".
    k = start - 1
    while k >= max(start - NEGATION_WINDOW, 0) and found[k].clause == clause:
        if (j := lex["neither"].start_of(plain, k)) is not None:
            return j, True
        if (j := lex["negators"].start_of(plain, k)) is not None:
            return (None, False) if phrase_at(lex["not_negation"], plain, k + 1) else (j, False)
        starts = [j for name in window if (j := lex[name].start_of(plain, k)) is not None]
        if not starts:
            break
        k = min(starts) - 1
    return None, False


def _totality(plain: list[str], first: int, last: int, lex: Lexicon) -> bool:
    """A word of totality from ``first`` to ``last``, not inside a longer skipped phrase ("in all honesty")."""
    k = first
    while k < last:
        if phrase_at(lex["totality"], plain, k):
            return True
        k += max(1, lex["skip"].match(plain, k))
    return False


def _bare_infinitive(cue: Cue, negator: int, start: int) -> bool:
    """An infinitive cue right after its negator: "No aceptar discriminaciones" proposes; "no puedo aceptar" states."""
    return negator == start - 1 and cue.words[0].endswith(("ar", "er", "ir"))


def _modifier_after(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> bool:
    """A partial modifier right after the cue ("concordo parcialmente", "de acuerdo en parte")."""
    return end < len(found) and found[end].clause == found[end - 1].clause and phrase_at(lex["partial_modifiers"], plain, end)


def _object_problem(cue: Cue, found: list[Word], plain: list[str], end: int, lex: Lexicon, opposing: bool) -> str:
    """Why the cue's object keeps it from stating a position on the proposal ("" when it does not)."""
    clause = found[end - 1].clause
    k, limit = end, min(len(found), end + OBJECT_WINDOW)
    while (
        k < limit
        and found[k].clause == clause
        and (
            phrase_at(lex["skip"], plain, k)
            or phrase_at(lex["totality"], plain, k)
            or phrase_at(lex["partial_modifiers"], plain, k)
            or adverb(plain[k])  # "me opongo rotundamente al cierre"
        )
    ):
        k += 1
    if k >= limit or found[k].clause != clause or phrase_at(lex["connectors"], plain, k) or phrase_at(lex["contrast"], plain, k):
        return ""  # nothing follows in the clause: the object is the proposal under consultation
    if cue.bare:
        return "followed by an object"
    seen_content = 0
    while k < limit and found[k].clause == clause:
        if seen_content == 0 and phrase_at(lex["complementizers"], plain, k):
            # "Estoy en contra de que se privatice el agua": a policy the draft may not propose; a wrong "oppose" costs most.
            if opposing:
                return "a clause as object"
            k += 1
            continue
        if phrase_at(lex["status_quo"], plain, k):
            return "about the status quo"
        if phrase_at(lex["targets"], plain, k):
            return ""
        if not phrase_at(lex["function_words"], plain, k):
            seen_content += 1
            # The proposal (or "this") must come within the object's first two content words ("la nueva propuesta").
            if seen_content > 1:
                return "about something else"
        k += 1
    return "about something else"


def _vote_split(text: str, found: list[Word], end: int) -> str:
    """A split vote right after the cue ("Desacuerdo (6/5)", "acuerdo 14 a 3"): the group was divided."""
    following = text[found[end - 1].end : found[end].start if end < len(found) else len(text)]
    if end < len(found) and found[end].sentence == found[end - 1].sentence:
        following += text[found[end].start : found[min(end + 3, len(found)) - 1].end]
    for a, b in _SPLIT.findall(following):
        if int(a) > 0 and int(b) > 0:
            return f"{a}/{b}"
    return ""


def _status_quo(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> str:
    clause = found[end - 1].clause
    for k in range(end, min(len(found), end + OBJECT_WINDOW)):
        if found[k].clause != clause:
            break
        if phrase_at(lex["status_quo"], plain, k):
            return "about the status quo"
    return ""


def _reservation_after(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> str:
    """A contrast or condition later in the sentence, or opening the next one ("de acuerdo. Sin embargo, ...")."""
    sentence = found[end - 1].sentence
    for k in range(end, len(found)):
        if found[k].sentence != sentence and (found[k].sentence != sentence + 1 or found[k - 1].sentence == sentence + 1):
            return ""
        length = lex["contrast"].match(plain, k)
        if length:
            return " ".join(plain[k : k + length])
    return ""


def _ironic(text: str, plain: list[str], lex: Lexicon) -> bool:
    return any(symbol in text for symbol in lex.symbols) or any(phrase_at(lex["irony"], plain, k) for k in range(len(plain)))


def _evidence(text: str, found: list[Word], hit: Hit) -> str:
    shown = text[found[hit.first].start : found[hit.last - 1].end]
    return " ".join(shown.split()) + (f" … {hit.note}" if hit.note and hit.note != "modifier" else "")
