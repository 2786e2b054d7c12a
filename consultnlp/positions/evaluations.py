"""Stances stated by judging a measure rather than with a stance verb.

"La cobranza de peaje en la ruta costera es inaceptable", "O corte no orçamento da cultura é inaceitável",
"Building on the green belt is completely unacceptable", "Lo de peatonalizar el centro me parece excelente",
"This draft should be scrapped": the subject of a main clause (the measure, or the plan as a whole), a link
(`[copulas]`: es, é, is, me parece, would be; after an opinion verb, `[opinions]`: "achei", "me parece", the
judged thing may follow: "Achei ótima a proposta") and a judgement (`[good]`: excelente, ótima ideia, a great idea;
`[bad]`: inaceptable, um absurdo, a terrible mistake), or a verdict on the text (`[bad]`: "should be scrapped",
"debería retirarse"). The measure is the target; "" when it is the plan itself (`[whole]`, `[targets]`).

Judgements of people, general causes and the way things are now ("la situación actual es inaceptable") state no
position on the plan. Questions, quotes and reported speech are skipped as they are for cues. Used only where no
stance verb stated a position.
"""

from __future__ import annotations

from consultnlp.positions import NONE, OPPOSE, SUPPORT
from consultnlp.positions.lexicon import Lexicon
from consultnlp.positions.targets import phrase_at
from consultnlp.positions.tokens import Word

MIN_SUBJECT_WORDS = 1
MAX_SUBJECT_WORDS = 12  # a longer stretch before the link is a sentence of its own, not a subject
_LEAD = (("lo", "de"), ("lo", "del"), ("o", "de"), ("a", "de"))  # "Lo de peatonalizar el centro": the measure follows


def evaluated(text: str, found: list[Word], plain: list[str], lex: Lexicon) -> tuple[str, str, str, int]:
    """(position, target, evidence, index of the word after the judgement) of the first main clause that judges a
    measure or the plan; (none, "", "", 0) else. A judgement of what was done ("foi um avanço") is no stance on the plan:
    the links are in the present or conditional."""
    for k in range(len(found)):
        size = lex["copulas"].match(plain, k)
        if not size or found[k].question or found[k].quoted:
            continue
        j = k + size
        while j < len(found) and found[j].clause == found[k].clause and (step := _modifier(lex, plain, j)):
            j += step
        judgement = _judgement(lex, plain, j) if j < len(found) and found[j].clause == found[k].clause else (NONE, 0)
        if judgement[0] == NONE:
            continue
        subject = _subject(found, plain, k, lex)
        inverted = subject is None and _clause_start(found, k) == k and phrase_at(lex["opinions"], plain, k)
        if inverted:
            # "Achei ótima a proposta de tarifa zero", "Me parece excelente lo de ...": the judged thing follows.
            subject = _object_after(found, plain, j + judgement[1], lex)
        if subject is None:
            continue
        first, last = subject
        whole = any(phrase_at(lex["whole"], plain, i) or phrase_at(lex["targets"], plain, i) for i in range(first, last))
        if not whole and _not_a_measure(plain, first, last, lex):
            continue
        target = "" if whole else text[found[first].start : found[last - 1].end]
        start, end = (k, last) if inverted else (first, min(len(found), j + judgement[1]))
        evidence = text[found[start].start : found[end - 1].end]
        return judgement[0], target, evidence, j + judgement[1]
    return NONE, "", "", 0


def _modifier(lex: Lexicon, plain: list[str], j: int) -> int:
    """Words between the link and the judgement that change nothing: "es totalmente inaceptable", "is completely
    unacceptable", "é simplesmente um absurdo" (listed words, or an adverb in -mente / -ly)."""
    listed = max(lex["skip"].match(plain, j), lex["totality"].match(plain, j))
    if listed:
        return listed
    word = plain[j]
    return 1 if len(word) > 5 and word.endswith(("mente", "ly")) else 0


def _judgement(lex: Lexicon, plain: list[str], j: int) -> tuple[str, int]:
    for name, position in (("bad", OPPOSE), ("good", SUPPORT)):
        size = lex[name].match(plain, j)
        if size:
            return position, size
    return NONE, 0


def _subject(found: list[Word], plain: list[str], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The words before the link in its clause, from the clause's start (a lead such as "Lo de" dropped): the subject."""
    first = _clause_start(found, k)
    if any(found[i].quoted or found[i].question for i in range(first, k)):
        return None
    if any(phrase_at(lex["reporting"], plain, i) for i in range(first, k)):
        return None  # "Mi vecino dice que el peaje es inaceptable": someone else's judgement
    # "Creo que el peaje es inaceptable": the judged thing is what follows the last "que"/"that".
    after = [i + 1 for i in range(first, k - 1) if phrase_at(lex["complementizers"], plain, i)]
    if after:
        first = after[-1]
    opinion = lex["opinions"].match(plain, first)  # "I think the toll is unacceptable": the toll
    if opinion and first + opinion < k:
        first += opinion
    first = _after_lead(plain, first, k)
    if k - first == 1 and phrase_at(lex["whole"], plain, first):
        # "This is a good plan", "Isso é um retrocesso": a pronoun subject is the plan, but only in the comment's first
        # sentence; later, "eso es injusto", "it was a disaster" point at anything.
        return (first, k) if found[first].sentence == 0 else None
    content = [i for i in range(first, k) if not phrase_at(lex["function_words"], plain, i) and not phrase_at(lex["determiners"], plain, i)]
    if len(content) < MIN_SUBJECT_WORDS or k - first > MAX_SUBJECT_WORDS:
        return None
    if phrase_at(lex["first_person"], plain, first):
        return None
    return first, k


def _after_lead(plain: list[str], i: int, end: int) -> int:
    """``i`` past a lead such as "lo de" ("Lo de peatonalizar el centro"), when words remain before ``end``."""
    for lead in _LEAD:
        if tuple(plain[i : i + len(lead)]) == lead and i + len(lead) < end:
            return i + len(lead)
    return i


def _clause_start(found: list[Word], k: int) -> int:
    first = k
    while first > 0 and found[first - 1].clause == found[k].clause:
        first -= 1
    return first


def _object_after(found: list[Word], plain: list[str], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """The rest of the clause after the judgement (a lead such as "lo de" dropped), when it holds a content word."""
    if j >= len(found) or found[j].clause != found[j - 1].clause:
        return None
    last = j
    while last < len(found) and found[last].clause == found[j].clause and not phrase_at(lex["connectors"], plain, last):
        last += 1
    j = _after_lead(plain, j, last)
    content = [i for i in range(j, last) if not phrase_at(lex["function_words"], plain, i) and not phrase_at(lex["determiners"], plain, i)]
    return (j, last) if content and last - j <= MAX_SUBJECT_WORDS else None


def _not_a_measure(plain: list[str], first: int, last: int, lex: Lexicon) -> bool:
    """A person, a general cause or the way things are now, not something the plan proposes."""
    return any(
        phrase_at(lex["persons"], plain, i) or phrase_at(lex["causes"], plain, i) or phrase_at(lex["status_quo"], plain, i)
        for i in range(first, last)
    )
