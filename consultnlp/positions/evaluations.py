"""Stances stated by judging a measure rather than with a stance verb.

"La cobranza de peaje en la ruta costera es inaceptable", "O corte no orçamento da cultura é inaceitável",
"Building on the green belt is completely unacceptable", "Lo de peatonalizar el centro me parece excelente",
"This draft should be scrapped": the subject of a main clause (the measure, or the plan as a whole), a link
(`[copulas]`: es, é, is, me parece, would be; after an opinion verb, `[opinions]`: "achei", "me parece", the
judged thing may follow: "Achei ótima a proposta") and a judgement (`[good]`: excelente, ótima ideia, a great idea;
`[bad]`: inaceptable, um absurdo, a terrible mistake), or a verdict on the text (`[bad]`: "should be scrapped",
"debería retirarse"). The judged thing may also sit between an opinion verb and the judgement ("Acho a minuta muito
boa", "I consider the new charge unacceptable") or follow a judgement opening an exclamation or a sentence ("¡Qué
absurdo esse aumento!", `[exclamations]`, bad only: praise there is too often ironic; "Buena idea lo del presupuesto
participativo"). The measure is the target; "" when it is the plan itself (`[whole]`, `[targets]`). A judgement
followed by a clause judges that clause ("sería muy bueno que ...", "es inaceptable que ..."): no stance.

Judgements of people, general causes and the way things are now ("la situación actual es inaceptable") state no
position on the plan, nor do judgements of anything that is not something a plan does ("Traffic is terrible": see
``_a_measure``), suggestions ("More sessions would be good") and wishes ("It would be great if ..."). A negator before
or after the link turns a good judgement into opposition and a bad one into no position. Questions, quotes and
reported speech are skipped as they are for cues. Used only where no stance verb stated a position.
"""

from __future__ import annotations

from consultnlp.positions import NONE, OPPOSE, SUPPORT
from consultnlp.positions.lexicon import Lexicon
from consultnlp.positions.targets import measure_at, phrase_at, verb_form
from consultnlp.positions.tokens import Word, adverb, unit_start

MIN_SUBJECT_WORDS = 1
MAX_SUBJECT_WORDS = 12  # a longer stretch before the link is a sentence of its own, not a subject
_LEAD = (("lo", "de"), ("lo", "del"), ("o", "de"), ("a", "de"))  # "Lo de peatonalizar el centro": the measure follows
_CONTRACTIONS = frozenset({"del", "al", "do", "da", "dos", "das", "ao", "aos"})  # a preposition and an article
_ARTICLES = frozenset({"a"})  # "Muito boa a iniciativa": the article that [determiners] leaves out (it is also "to")
_NEW = frozenset("new nuevo nueva nuevos nuevas novo nova novos novas proposed propuesto propuesta previsto prevista".split())
# A judgement that calls the judged thing a proposal ("una gran idea", "uma medida justa", "a step forward").
_PROPOSALS = frozenset(
    "idea ideia idee medida medidas measure propuesta proposta proposal iniciativa initiative plan plano policy politica "
    "step paso passo decision decisao move solucion solucao solution".split()
)
_POINTERS = frozenset(
    "this these that those it esto esta este estas estos eso esa ese esas esos isso isto essa esse essas esses aquilo".split()
)
_MODALS = frozenset("would should must could seria serian sera deberia debe deberian tendria deveria deve devem teria".split())
_CLEFTS = frozenset({("lo", "que"), ("o", "que"), ("aquello", "que"), ("aquilo", "que")})
_CONDITIONS = frozenset({"if", "si", "se", "when", "cuando", "quando"})  # "It would be great if ...": a wish
# Nouns of an action (es/pt/en): what a plan does. Some nouns with these endings name things, not actions.
_ACTION_ENDINGS = tuple("cion ciones sion siones cao coes sao soes tion tions sions miento mientos ment ments".split())
_NOT_ACTIONS = frozenset(
    "nacion poblacion situacion generacion educacion informacion organizacion corrupcion tradicion relacion religion "
    "nacao populacao situacao geracao educacao informacao organizacao corrupcao tradicao relacao religiao "
    "nation population situation generation education information organization organisation corruption tradition "
    "relation religion government environment department parliament moment apartment element comment document "
    "governments environments departments moments apartments elements comments documents".split()
)
Reading = tuple[str, tuple[int, int], tuple[int, int], int]  # position, the judged words, the evidence, the word after the judgement


def evaluated(text: str, found: list[Word], plain: list[str], lex: Lexicon, lang: str | None = None) -> tuple[str, str, str, int]:
    """(position, target, evidence, index of the word after the judgement) of the first main clause that judges a
    measure or the plan; (none, "", "", 0) else. A judgement of what was done ("foi um avanço") is no stance on the plan:
    the links are in the present or conditional."""
    for k in range(len(found)):
        if found[k].question or found[k].quoted:
            continue
        read = _linked(text, found, plain, k, lex) or _exclaimed(found, plain, k, lex) or _judged_after(found, plain, k, lex)
        if read is None:
            continue
        position, (first, last), (start, end), after = read
        whole = _the_plan(plain, first, last, lex)
        proposal = any(plain[i] in _PROPOSALS for i in range(max(last, start), end))  # "... es una gran idea": it was proposed
        if not whole and (
            _not_a_measure(plain, first, last, lex) or not (proposal or _a_measure(text, found, plain, first, last, lex, lang))
        ):
            continue  # "Traffic is terrible", "Football is amazing": a judgement of the world, not of what the plan does
        if position == SUPPORT and _wished(plain, start, end) and not (whole or proposal or _anchored(plain, first, last, lex)):
            continue  # "More sessions would be good", "Waiting times should be appropriate": a suggestion, not a stance
        target = "" if whole else text[found[first].start : found[last - 1].end]
        return position, target, text[found[start].start : found[end - 1].end], after
    return NONE, "", "", 0


def _linked(text: str, found: list[Word], plain: list[str], k: int, lex: Lexicon) -> Reading | None:
    """A link at ``k`` and a judgement: "el peaje es inaceptable", "Achei ótima a proposta" (an opinion verb opening
    the clause: the judged thing follows)."""
    size = lex["copulas"].match(plain, k)
    if not size or (size == 1 and plain[k] == "e" and text[found[k].start : found[k].end].casefold() != "é"):
        # A link of one folded "e" is Portuguese "é" only where written with its accent: "discutido e aprovado" is "and".
        return None
    begin = k + size
    if _judgement(lex, plain, begin)[0] == NONE and (negation := lex["negators"].match(plain, begin)):
        begin += negation  # "The toll is not reasonable": the negator is read below
    j, judgement = _judgement_after(found, plain, begin, found[k].clause, lex)
    if judgement[0] == NONE:
        return None
    after = j + judgement[1]
    if phrase_at(lex["complementizers"], plain, after) or (after < len(plain) and plain[after] in _CONDITIONS):
        # "Sería muy bueno que se elijan ...", "It would be great if ...": a wish about the clause that follows
        return None
    position, negator = judgement[0], _negator(found, plain, k, k + size, j, lex)
    if negator is not None:
        if position == OPPOSE:
            return None  # "El peaje no es un desastre": not judged bad is no position
        position = OPPOSE  # "El peaje no es justo", "Não me parece razoável"
    subject = _subject(found, plain, min(k, negator if negator is not None else k), lex)
    if subject is None and unit_start(found, k) == k and phrase_at(lex["opinions"], plain, k):
        # "Achei ótima a proposta de tarifa zero", "Me parece excelente lo de ...": the judged thing follows.
        subject = _object_after(found, plain, after, lex)
        return (position, subject, (k, subject[1]), after) if subject else None
    return (position, subject, (subject[0], min(len(found), after)), after) if subject else None


def _negator(found: list[Word], plain: list[str], k: int, end: int, j: int, lex: Lexicon) -> int | None:
    """Where a negator of the link at ``k`` (``k`` to ``end``, the judgement at ``j``) starts: right before it in its
    clause ("no es justo", "não é razoável", "nunca será un éxito") or between it and the judgement ("is not fair")."""
    for i in range(end, j):
        if phrase_at(lex["negators"], plain, i):
            return i
    i = k - 1
    if i >= 0 and found[i].clause == found[k].clause and (start := lex["negators"].start_of(plain, i)) is not None:
        return start
    return None


def _exclaimed(found: list[Word], plain: list[str], k: int, lex: Lexicon) -> Reading | None:
    """A judgement opening an exclamation (``[exclamations]``, bad only) or a sentence, the judged thing after it: "¡Qué
    abuso el aumento del pasaje!", "Buena idea lo del presupuesto participativo". Without the exclamation word the judged
    thing must start with an article or a lead ("lo de"): "Great idea, please go ahead" judges nothing named."""
    if unit_start(found, k) != k:
        return None
    size = lex["exclamations"].match(plain, k)
    if not size and k > 0 and found[k - 1].sentence == found[k].sentence:
        return None
    j, judgement = _judgement_after(found, plain, k + size, found[k].clause, lex)
    if judgement[0] == NONE or (size and judgement[0] == SUPPORT):
        return None  # "¡Qué buena idea cerrar la biblioteca!": praise in an exclamation is too often ironic
    after = j + judgement[1]
    if not size and not (
        after < len(found)
        and (
            (phrase_at(lex["determiners"], plain, after) and plain[after] not in _CONTRACTIONS)
            or plain[after] in _ARTICLES
            or _after_lead(plain, after, after + 3) > after
        )
    ):
        return None  # "Abuso del poder" names a thing; "Buena idea lo del presupuesto", "Pésima la decisión" judge one
    subject = _object_after(found, plain, after, lex)
    return (judgement[0], subject, (k, subject[1]), after) if subject else None


def _judged_after(found: list[Word], plain: list[str], k: int, lex: Lexicon) -> Reading | None:
    """An opinion verb opening the clause, the judged thing, then the judgement: "Acho a minuta muito boa", "I find the
    new toll unacceptable", "Considero la medida injusta"."""
    size = lex["opinions"].match(plain, k)
    if not size or unit_start(found, k) != k:
        return None
    first, clause = k + size, found[k].clause
    stops = ("complementizers", "connectors", "contrast", "copulas", "subordinate")
    for m in range(first, min(len(found), first + MAX_SUBJECT_WORDS)):
        if found[m].clause != clause or any(phrase_at(lex[name], plain, m) for name in stops):
            return None  # "Acho que ...", "I think the toll is ...": a clause, read by _linked
        if m == first:
            continue
        j, judgement = _judgement_after(found, plain, m, clause, lex)
        after = j + judgement[1]
        if judgement[0] == NONE:
            continue
        if after < len(found) and found[after].clause == clause and not _ends_statement(plain, after, lex):
            return None  # "I think the service does a brilliant job": a judgement of something inside the clause
        content = _content_between(plain, first, m, lex)
        lone_pronoun = m - first == 1 and phrase_at(lex["whole"], plain, first) and found[first].sentence != 0
        if not content or lone_pronoun:
            return None
        return judgement[0], (first, m), (k, after), after
    return None


def _ends_statement(plain: list[str], k: int, lex: Lexicon) -> bool:
    return any(phrase_at(lex[name], plain, k) for name in ("connectors", "contrast", "conjunctions"))


def _judgement_after(found: list[Word], plain: list[str], j: int, clause: int, lex: Lexicon) -> tuple[int, tuple[str, int]]:
    """(where the judgement starts, (position, its length)) at ``j`` in ``clause``, modifiers passed over."""
    while j < len(found) and found[j].clause == clause:
        judgement = _judgement(lex, plain, j)
        if judgement[0] != NONE or not (step := _modifier(lex, plain, j)):
            return j, judgement
        j += step  # "muito boa" is a judgement; "muito" before "ótima" is passed over
    return j, (NONE, 0)


def _modifier(lex: Lexicon, plain: list[str], j: int) -> int:
    """Words between the link and the judgement that change nothing: "es totalmente inaceptable", "is completely
    unacceptable", "é simplesmente um absurdo" (listed words, or an adverb in -mente / -ly)."""
    listed = max(lex["skip"].match(plain, j), lex["totality"].match(plain, j))
    if listed:
        return listed
    return 1 if adverb(plain[j]) else 0


def _judgement(lex: Lexicon, plain: list[str], j: int) -> tuple[str, int]:
    for name, position in (("bad", OPPOSE), ("good", SUPPORT)):
        size = lex[name].match(plain, j)
        if size:
            return position, size
    return NONE, 0


def _subject(found: list[Word], plain: list[str], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The words before the link in its clause, from the clause's start (a lead such as "Lo de" dropped): the subject."""
    first = unit_start(found, k)
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
    if k - 1 > first and phrase_at(lex["complementizers"], plain, k - 1) and not phrase_at(lex["copulas"], plain, k - 2):
        return None  # "Decisions that are helpful": the link is in a relative clause ("Nuestra conclusión es que debe ..." is not)
    if tuple(plain[first : first + 2]) in _CLEFTS or plain[first] == "what":
        return None  # "Lo que me parece lamentable es la actitud de la empresa": the judged thing follows
    if k - first == 1 and phrase_at(lex["whole"], plain, first):
        # "This is a good plan", "Isso é um retrocesso": a pronoun subject is the plan, but only opening the comment;
        # later, "eso es injusto", "so it's dangerous", "because it is excellent" point at anything.
        return (first, k) if first == 0 else None
    content = _content_between(plain, first, k, lex)
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


def _object_after(found: list[Word], plain: list[str], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """The rest of the clause after the judgement (a lead such as "lo de" dropped), when it holds a content word."""
    if j >= len(found) or found[j].clause != found[j - 1].clause:
        return None
    last = j
    while last < len(found) and found[last].clause == found[j].clause and not phrase_at(lex["connectors"], plain, last):
        last += 1
    j = _after_lead(plain, j, last)
    content = _content_between(plain, j, last, lex)
    return (j, last) if content and last - j <= MAX_SUBJECT_WORDS else None


def _content_between(plain: list[str], first: int, last: int, lex: Lexicon) -> list[int]:
    """Indices from ``first`` to ``last`` of words that are neither function words nor determiners."""
    return [i for i in range(first, last) if not phrase_at(lex["function_words"], plain, i) and not phrase_at(lex["determiners"], plain, i)]


def _a_measure(text: str, found: list[Word], plain: list[str], first: int, last: int, lex: Lexicon, lang: str | None) -> bool:
    """The judged words name something a plan does: what it brings ("lo de ...", "the new ..."), a change it makes
    (``[changes]``: "Cerrar el polideportivo"), a noun of a measure or the plan's mark, a measure as the cues read one
    (``targets.measure_at``), or a noun of an action first ("la digitalización de los trámites", "the expansion of the
    network"). Another infinitive or gerund is an activity ("Participar en licitaciones es carísimo")."""
    content = _content_between(plain, first, last, lex)
    if not content:
        return False
    if _led(plain, first) or any(plain[i] in _NEW for i in content[:2]):
        return True  # "lo de peatonalizar el centro", "the new bus lane", "a nova taxa": what the plan brings
    if phrase_at(lex["changes"], plain, content[0]):
        return True  # "Cerrar el polideportivo", "Building a lithium mine": a change the plan makes
    if any(phrase_at(lex["measures"], plain, i) or phrase_at(lex["plan_markers"], plain, i) for i in content[:3]):
        return True  # "The parking levy": a noun of a measure
    if verb_form(plain[content[0]], lang):
        return False  # "Participar en licitaciones es carísimo", "Protecting the environment is good": an activity
    if measure_at(text, found, plain, content[0], first, lex, lang):
        return True
    word = plain[content[0]]
    return word.endswith(_ACTION_ENDINGS) and word not in _NOT_ACTIONS


def _the_plan(plain: list[str], first: int, last: int, lex: Lexicon) -> bool:
    """The judged words name the plan or a part of it ("la propuesta", "this draft", "article 5"), or are only a pronoun
    ("Isso é um retrocesso"); "this group", "this service" name something else."""
    named = [i for i in range(first, last) if plain[i] not in _POINTERS]
    return any(phrase_at(lex["whole"], plain, i) or phrase_at(lex["targets"], plain, i) for i in named or range(first, last))


def _wished(plain: list[str], start: int, end: int) -> bool:
    """A conditional or modal link ("would be", "sería", "should be", "deve ser") before the judgement."""
    return any(plain[i] in _MODALS for i in range(start, end))


def _led(plain: list[str], first: int) -> bool:
    """The judged words follow a lead such as "lo de" ("Lo de peatonalizar el centro"): a thing the plan brings."""
    return tuple(plain[max(first - 2, 0) : first]) in _LEAD


def _anchored(plain: list[str], first: int, last: int, lex: Lexicon) -> bool:
    """The judged words say they are the plan's: a noun of a measure, the plan's mark, "new", "proposed"."""
    return any(
        plain[i] in _NEW or phrase_at(lex["measures"], plain, i) or phrase_at(lex["plan_markers"], plain, i) for i in range(first, last)
    ) or _led(plain, first)


def _not_a_measure(plain: list[str], first: int, last: int, lex: Lexicon) -> bool:
    """A person, a general cause or the way things are now, not something the plan proposes."""
    return any(
        phrase_at(lex["persons"], plain, i) or phrase_at(lex["causes"], plain, i) or phrase_at(lex["status_quo"], plain, i)
        for i in range(first, last)
    )
