"""Whether a cue is the main statement of its clause: what may come before it (``consultnlp/positions/cues.py``).

Before a cue in its clause may come only pronouns, negators, intensifiers, "yes", opinion verbs, connectors,
discourse fillers (``[fillers]``: "pos la neta", "olha", "honestly") and adverbs in -mente / -ly ("Sinceramente",
"Highly agree"): "yo apoyo", "por eso estoy en contra", "Pos la neta no estoy de acuerdo", but not "expresar su
aprobación o rechazo" or "the issues I support". Three openings of a clause are the author's too:

- a verb of expressing, maybe after an intent (``[intent]``, ``[expressing]``), right before the cue: "Quiero
  expresar mi total desacuerdo", "vem manifestar apoio integral", "We wish to register our formal opposition";
- the author's role (``[roles]``) opening the clause, then a first-person statement: "Como junta de vecinos
  respaldamos el proyecto", "Desde la asociación manifestamos nuestro apoyo", "As a parent I support";
- a conjunction (``[conjunctions]``), then a first-person statement: "The free meals are a good idea and I endorse
  them", "..., y lo apoyo".

A first-person statement has its subject in the cue ("I support", "estoy de acuerdo"; after a role also a verb in
the first person plural, "respaldamos") or a pronoun or clitic before it ("y lo apoyo"); "formación y apoyo técnico"
is a noun, and "y compartimos esta tierra" too often says something else.
"""

from __future__ import annotations

from consultnlp.positions.lexicon import Cue, Lexicon
from consultnlp.positions.targets import phrase_at
from consultnlp.positions.tokens import Word, adverb, unit_start

ROLE_WORDS = 8  # words of a role before the statement ("Desde la Junta de Vecinos de Villa Norte")
_THIRD_POSSESSIVES = frozenset({"su", "seu", "sua", "its", "their"})
ORGANISATION_WORDS = 16  # words from the sentence start to the cue: "La Asociación de Jubilados del Valle Verde valora ..."
NAME_WORDS = 4  # capitalised words of an English name before its organisation's noun ("Market Street Traders' Group")
ALLOWED = (
    "negators",
    "neither",
    "not_negation",
    "skip",
    "totality",
    "neg_window",
    "first_person",
    "partial_modifiers",
    "contrast",
    "connectors",
    "fillers",
)
SENTENCE_OPENERS = ("negators", "neither", "skip", "totality", "neg_window", "first_person", "fillers")


def at_sentence_start(found: list[Word], plain: list[str], start: int, lex: Lexicon) -> bool:
    """Only negators, skipped words, pronouns and fillers come before ``start`` in its sentence."""
    return _only(plain, unit_start(found, start, "sentence"), start, lex, SENTENCE_OPENERS)


def after_determiner(found: list[Word], plain: list[str], start: int, lex: Lexicon) -> bool:
    """The cue's first word follows a determiner or a number (skipped words aside): "el rechazo", "mucho apoyo", "1 voto";
    a first-person possessive after a verb of expressing is a statement ("manifestamos nuestro respaldo")."""
    k = start - 1
    while (
        k >= 0
        and found[k].clause == found[start].clause
        and phrase_at(lex["skip"], plain, k)
        and not phrase_at(lex["determiners"], plain, k)
    ):
        k -= 1
    if k < 0 or found[k].clause != found[start].clause:
        return False
    if phrase_at(lex["possessives"], plain, k) and k > 0 and lex["expressing"].start_of(plain, k - 1) is not None:
        return False
    return phrase_at(lex["determiners"], plain, k) or plain[k].isdigit()


def free_standing(cue: Cue, found: list[Word], plain: list[str], start: int, lex: Lexicon, text: str = "") -> bool:
    """The cue is the main statement of its clause (see the module docstring); ``text``: the comment as written, where
    an organisation's capitalised name is read."""
    first = unit_start(found, start)
    if cue.organisation:
        return organisation_subject(cue, found, plain, start, lex, text)
    if _only(plain, first, start, lex, ALLOWED, expressing=True):
        return True
    role = lex["roles"].match(plain, first)
    # "As a result of the changes I support, ...": a longer connector is no role.
    if (
        role
        and max(lex[name].match(plain, first) for name in ALLOWED) < role
        and not phrase_at(lex["complementizers"], plain, first + role)
    ):
        for r in range(first + role + 1, min(start, first + role + ROLE_WORDS) + 1):
            if _only(plain, r, start, lex, ALLOWED, expressing=True) and _first_person(cue, plain, r, start, lex, plural_verb=True):
                return True
    for c in range(start - 1, first, -1):
        size = lex["conjunctions"].match(plain, c)
        if (
            size
            and _only(plain, c + size, start, lex, ALLOWED, expressing=True)
            and _first_person(cue, plain, c + size, start, lex, plural_verb=True)
        ):
            return True
    return False


def organisation_subject(cue: Cue, found: list[Word], plain: list[str], start: int, lex: Lexicon, text: str = "") -> bool:
    """An organisation opening the sentence is the subject of the third-person cue at ``start``: "The Tenants' Forum
    opposes", "La Asociación de Jubilados del Valle Verde valora favorablemente", "Our union branch opposes" (a determiner or
    a first-person possessive, then the organisation's noun, its name and nothing that starts a clause of its own)."""
    first = unit_start(found, start, "sentence")
    k = first + (1 if first < start and (phrase_at(lex["determiners"], plain, first) or phrase_at(lex["possessives"], plain, first)) else 0)
    org = next((i for i in (k, k + 1) if i < start and phrase_at(lex["organisations"], plain, i)), None)
    if org is None and text:
        # An English name before its noun: "The Market Street Traders' Group formally objects", every word of the name
        # capitalised as written (set 3; sets 5 and 6 had two more).
        for i in range(k + 2, min(start, k + NAME_WORDS + 1)):
            if not text[found[i - 1].start : found[i - 1].start + 1].isupper():
                break
            if phrase_at(lex["organisations"], plain, i):
                org = i
                break
    if org is None or start - first > ORGANISATION_WORDS or found[first].clause != found[org].clause:
        return False
    stops = ("complementizers", "subordinate", "reporting", "connectors")
    if any(phrase_at(lex[name], plain, i) for i in range(org + 1, start) for name in stops):
        return False
    if cue.words[0] in _THIRD_POSSESSIVES or (cue.words[0] in ("o", "a") and cue.words[1:2] and cue.words[1] in _THIRD_POSSESSIVES):
        # "su oposición", "o seu apoio": a stance noun only after the organisation's verb of expressing ("manifiesta su
        # oposición"); "La Asociación agradece su apoyo" thanks someone else
        return any(lex["expressing"].start_of(plain, i) is not None for i in range(org + 1, start))
    return True


def _only(plain: list[str], k: int, start: int, lex: Lexicon, names: tuple[str, ...], expressing: bool = False) -> bool:
    """Only phrases of ``names`` (and, with ``expressing``, a verb of expressing right before ``start``) from ``k`` to ``start``."""
    while k < start:
        step = max(lex[name].match(plain, k) for name in names) or int(adverb(plain[k]))  # "Sinceramente, ...", "Frankly"
        if not step and expressing:
            step = _expressing(plain, k, start, lex)
        if not step:
            return False
        k += step
    return True


def _expressing(plain: list[str], k: int, start: int, lex: Lexicon) -> int:
    """Words from ``k`` to the cue when they are a verb of expressing, maybe after an intent ("quiero expresar",
    "wish to register", "vem manifestar", "viemos por meio desta manifestar"), maybe before a first-person possessive
    ("manifestamos nuestro respaldo"); 0 else."""
    j = k
    while (step := lex["intent"].match(plain, j)) and j + step < start:
        j += step
    size = lex["expressing"].match(plain, j)
    if not size:
        return 0
    j += size
    if j < start and phrase_at(lex["possessives"], plain, j):
        j += 1
    return start - k if j == start else 0


def _first_person(cue: Cue, plain: list[str], k: int, start: int, lex: Lexicon, plural_verb: bool = False) -> bool:
    """The cue, with the words from ``k`` before it, states something in the first person: its subject is in the cue
    ("I support", "estoy de acuerdo"; with ``plural_verb`` "respaldamos"), or a pronoun, clitic or verb of expressing
    comes before it ("y lo apoyo", "manifestamos nuestro apoyo"); a one-word cue such as "apoyo" may be a noun
    ("y apoyo técnico")."""
    head = cue.words[0]
    if head in lex["first_person"] or (plural_verb and head.endswith("mos")):
        return True
    if len(cue.words) > 1 and head not in lex["determiners"]:
        return True
    return any(
        phrase_at(lex["first_person"], plain, j) or phrase_at(lex["neg_window"], plain, j) or phrase_at(lex["expressing"], plain, j)
        for j in range(k, start)
    )
