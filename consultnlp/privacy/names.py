"""Find people's names: after a cue ("me llamo", "Atentamente,", "Sr."), and without one.

A cue makes the words after it a name: capitalised words, and words in lower
case or capitals that the gazetteer knows as names ("me llamo juan pérez",
"ATENTAMENTE, MARÍA GONZÁLEZ"). Without a cue a name needs the gazetteer and a
shape people's names have (:mod:`~consultnlp.privacy.name_runs`). Either way the
span covers the whole name: particles and the surnames after them in any case
("Ana Paula de oliveira", "Jan van der Berg"), apostrophes and hyphens
("O'Driscoll-Hughes").

Precision comes first: a candidate is dropped when an institution, law or place
word introduces it or is in it ("Hospital Carlos Van Buren", "Lei Maria da
Penha", "la comuna de Pedro Aguirre Cerda", "el viaducto Malleco"), a public
role or office comes before it ("el ministro ...", "la cantante ..."), a Roman
numeral follows it ("João XXIII"), or it is a public figure from
``data/names/public_figures.txt`` (policy in that file). The lists are in
:mod:`~consultnlp.privacy.name_lists`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from consultnlp.privacy.name_lists import (
    ARTICLES,
    NOT_PERSON,
    ORGS,
    PARTICLE,
    TITLES,
    Gazetteer,
    fold,
    is_particle,
    load_gazetteer,
    speech_verbs,
)
from consultnlp.privacy.name_runs import CAP, extend_tail, runs_names, vetoed_before

__all__ = ["Gazetteer", "find_names", "load_gazetteer", "unusual_names"]

_fold = fold  # the name older callers import
_is_particle = is_particle
_PARTICLE = PARTICLE
# After a cue a name may be written in any case; which words count is decided word by word.
_ANY = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_NAME = rf"{_ANY}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{_ANY}){{0,4}}"
_CAP_NAME = rf"{CAP}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{CAP}){{0,4}}"


_INTRO_RE = re.compile(
    r"(?i:\b(?:me[ \t]+llamo|mi[ \t]+nombre[ \t]+es|meu[ \t]+nome[ \t]+é|me[ \t]+chamo|my[ \t]+name[ \t]+is|"
    r"nombre[ \t]+completo:|nome[ \t]+completo:|full[ \t]+name:))[ \t]+"
    rf"(?P<name>{_NAME})"
)
# "soy", "eu sou", "I am" introduce a name only when a first and last name follow.
# Portuguese often puts an article before the name ("Sou a Maria ...", "Eu sou o João ...").
_SOY_RE = re.compile(rf"(?i:\b(?:soy(?:[ \t]+(?:el|la))?|(?:eu[ \t]+)?sou(?:[ \t]+(?:o|a))?|I[ \t]+am|I'm))[ \t]+(?P<name>{_NAME})")
# A closing word is a signature only when a comma, colon or line break sets it off
# ("vote sincerely. But ..." is prose); "Att." / "Atte." may take just the dot.
# "Firma:", "Assinado:", "Ass.:" need their colon ("la firma del acuerdo" is prose); so does an author's label ("Autora:
# Celi Pereira" under a Plano Clima proposal, claim check 81: not redacted).
_SIGN_RE = re.compile(
    r"(?:(?i:\b(?:atentamente|cordialmente|saludos[ \t]+cordiales|un[ \t]+saludo|saludos|atenciosamente|"
    r"abraços|abrazos|sincerely|best[ \t]+regards|kind[ \t]+regards|regards|yours[ \t]+(?:sincerely|faithfully|truly)"
    r"|atte|att))\.?[ \t]*(?:[,:;\-][ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*)|(?i:\batte?)\.[ \t]*"
    r"|(?i:\b(?:firma|firmado|firmada|assinado|assinada|assinatura|signed|ass|autor|autora|autores|autoras|author|authors)\b)"
    r"\.?[ \t]*:[ \t]*(?:\r?\n[ \t]*)?)"
    rf"(?P<name>{_NAME})"
)
_HONORIFIC_RE = re.compile(
    r"(?<![\w.])(?:(?:Sr|Sra|Srta|Sres|Dr|Dra|Mr|Mrs|Ms|Prof|Profa|Lic|Ing)\.[ \t]*|"
    r"(?:Sr|Sra|Dr|Dra|Mr|Mrs|Ms|Don|Doña|Dona|Señor|Señora|Senhor|Senhora)[ \t]+)"
    rf"(?P<name>{_CAP_NAME})"
)


def _name_word(word: str, gaz: Gazetteer, *, first: bool) -> bool:
    """After a cue: a capitalised word is a name word; one in lower case or capitals only if the
    gazetteer knows it (the first word after "me llamo" may be any given name)."""
    if word[:1].isupper() and not word.isupper():
        return True
    key = fold(word)
    return (key in gaz.given or key in gaz.surnames) and (first or word.casefold() not in gaz.ambiguous)


def _cued_span(m: re.Match[str], min_tokens: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """The name group of ``m`` without titles or trailing role words, if enough name tokens remain."""
    tokens = list(re.finditer(r"\S+", m.group("name")))
    words = [t.group() for t in tokens]
    keys = [w.capitalize() for w in words]  # "EL COMITÉ" is "El Comité"
    first = 0
    while first < len(words) and keys[first] not in ARTICLES and (keys[first] in TITLES or is_particle(words[first])):
        first += 1
    if first == len(words) or keys[first] in ARTICLES or keys[first] in ORGS:
        return None
    if not _name_word(words[first], gaz, first=True):
        return None
    last = first
    while (
        last + 1 < len(words)
        and keys[last + 1] not in TITLES
        and keys[last + 1] not in ORGS
        and (is_particle(words[last + 1]) or _name_word(words[last + 1], gaz, first=False))
    ):
        last += 1
    while is_particle(words[last]):
        last -= 1
    if sum(1 for w in words[first : last + 1] if not is_particle(w)) < min_tokens:
        return None
    base = m.start("name")
    return base + tokens[first].start(), base + tokens[last].end()


# Lower-case substrings without which a cue pattern cannot match: checking them first
# (in C) spares running four regexes over the ~99 % of comments that have no cue.
_TRIGGERS: tuple[tuple[re.Pattern[str], int, re.Pattern[str]], ...] = tuple(
    (pattern, min_tokens, re.compile("|".join(map(re.escape, words))))
    for pattern, min_tokens, words in (
        (_INTRO_RE, 1, ("llamo", "nombre", "nome", "chamo", "name")),
        (_SOY_RE, 2, ("soy", "sou", "i am", "i'm")),
        (
            _SIGN_RE,
            1,
            (
                "atent",
                "cordial",
                "saludo",
                "atencios",
                "abra",
                "sincere",
                "regard",
                "yours",
                "att",
                "firma",
                "ass.",
                "ass:",
                "assin",
                "signed",
                "autor",
                "author",
            ),
        ),
    )
)
_ANY_TRIGGER = re.compile("|".join(t.pattern for _, _, t in _TRIGGERS))
# The honorifics are matched in their own case ("Sr", "Dra"), so the check is on the text as written.
_HONORIFIC_TRIGGER = re.compile(r"Sr|Dr|Mr|Ms|Prof|Lic|Ing|Don|Doñ|Señ|Senh")


_CAPS_BEFORE = re.compile(rf"(?:(?:{CAP}|{PARTICLE})[ \t]+){{1,6}}$")


def _inside_institution(text: str, start: int) -> bool:
    """The honorific closes an institution's name: "Centro de Educação Ambiental Tubarões Prof. Fábio Hazin",
    "Escola Estadual Dr. João Silva" are places named after a person."""
    m = _CAPS_BEFORE.search(text, max(0, start - 80), start)
    return m is not None and any(fold(w) in NOT_PERSON for w in m.group().split())


def _cued_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    lowered = text.lower()
    if _ANY_TRIGGER.search(lowered) is None and _HONORIFIC_TRIGGER.search(text) is None:
        return
    for pattern, min_tokens, triggers in (*_TRIGGERS, (_HONORIFIC_RE, 1, _HONORIFIC_TRIGGER)):
        if not triggers.search(text if pattern is _HONORIFIC_RE else lowered):
            continue
        for m in pattern.finditer(text):
            if pattern is _HONORIFIC_RE and _inside_institution(text, m.start()):
                continue
            span = _cued_span(m, min_tokens, gaz)
            if span is not None:
                yield span[0], extend_tail(text, span[1], gaz)


# "Camila no cree que ...", "Ana também acha que ...", "Tom also says that ...": a negation or "also" may come between.
# A clitic may come before the verb too: "Tomás se adhiere", "Ana la respalda".
_SPEAKER_RE = re.compile(
    rf"(?<![\w'’-])(?P<name>{CAP})[ \t]+(?:(?:no|não|nao|not|también|tampoco|também|tampouco|also)[ \t]+)?"
    r"(?:(?:se|le|lo|la|les|los|las|o|a|lhe)[ \t]+)?(?P<verb>[^\W\d_]+)\b(?P<that>[ \t]+(?:que|that)\b)?"
)


def _speaker_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """A given name alone before a verb of saying: "Camila cree que ...", "Bernardo dice que ..." (meeting minutes that
    attribute each view to a participant). The name must be one the gazetteer knows, and not a public figure; one that
    is also a common word or the name of someone everyone knows ("Pascual", "Jesús", "Rosa") only with "que"/"that"
    after the verb. A surname after it is not looked for: the verb follows the name."""
    verbs = speech_verbs()
    for m in _SPEAKER_RE.finditer(text):
        if m.group("verb").casefold() not in verbs:
            continue
        key = fold(m.group("name"))
        if key not in gaz.given or key in gaz.public_surnames:
            continue
        if key in gaz.plain_given or m.group("that"):
            yield m.start("name"), m.end("name")


_GIVEN_WORD_RE = re.compile(rf"(?<![\w'’-]){CAP}(?![\w'’-])")
_JOINER = re.compile(r"[ \t]*(?:,|;|&|y|e|and)[ \t]+|[ \t]*[,;][ \t]*")  # between two names of a list: "Matías, Gonzalo y Ana"


def _names_beside(text: str, found: list[tuple[int, int]], gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Once a text names people (meeting minutes: "[NAME] cree que ... Camila no cree ... concuerda con Mariano"), the
    other given names it writes are people too: a capitalised given name the gazetteer knows and that is no common word
    ("Camila", not "Rosa", "Santiago"), and in a list with a name ("Matías, Gonzalo, Ana y Blanca") or before a verb of
    saying ("Pascual opina") any given name, and any capitalised word between two names of a list. Not after a place, institution or public-role word ("la comuna de Pedro", "el ministro Ricardo"). Claim check 50
    (stop 42): six Chilean minutes published first names beside the ones redacted."""
    spans = sorted(found)
    words = [m for m in _GIVEN_WORD_RE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]
    added = True
    while added:  # a list is read outwards from the names already found, one neighbour at a time
        added = False
        for m in list(words):
            key = fold(m.group())
            if m.group().isupper() or key in gaz.public_surnames or vetoed_before(text, m.start()):
                words.remove(m)
                continue
            after = any(b <= m.start() and _JOINER.fullmatch(text[b : m.start()]) for _, b in spans)
            before = any(m.end() <= a and _JOINER.fullmatch(text[m.end() : a]) for a, _ in spans)
            speaks = (said := _SPEAKER_RE.match(text, m.start())) is not None and said.group("verb").casefold() in speech_verbs()
            # A word the gazetteer does not know is a name only between two names of a list ("Gonzalo, Anelys, Catalina"),
            # or before a verb of saying where the text names people so ("Gayle señala que…", "Len señala…": claim check
            # 76, Chile 2016 minutes), and never an everyday word ("Chile señala", "Estado").
            if key not in gaz.given and (key in gaz.words or not ((after and before) or speaks)):
                continue
            if key in gaz.plain_given or after or before or speaks:
                spans.append((m.start(), m.end()))
                words.remove(m)
                added = True
                yield m.start(), m.end()


# A signature closing the text: after a sentence's end, two to four capitalised words, the first a given name, then at
# most a place in short ("João Roberto - BH - MG.", "Ana Souza, Recife"): claim check 96, Plano Clima 19293, published
# whole. Only at the very end: "… María Pérez dijo" and "Fundación Pedro Aguirre" are read by the other rules.
_SIGNATURE = re.compile(
    rf"(?<=\S)(?:[.!?;]|\n)[ \t\"'“«(]*(?P<name>{CAP}(?:[ \t]+{CAP}){{1,3}})"
    r"(?:[ \t]*[-–—,/][ \t]*[A-ZÁÉÍÓÚÂÊÔÃÕÇÑ][\w.'’]*(?:[ \t]+[A-ZÁÉÍÓÚÂÊÔÃÕÇÑ][\w.'’]*)?){0,3}[ \t]*[.!]?\s*$"
)


_TITLE_BEFORE = re.compile(r"\b(?:Prof|Profa|Dr|Dra|Sr|Sra|Srta|Lic|Ing|Eng|Mr|Mrs|Ms|Mx|St|Sto|Sta)\.[ \t]*$")


def _signature(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """The span of a name that signs ``text`` at its end (``_SIGNATURE``), where its first word is a given name and no
    word of it is an institution's, a place's or a title."""
    match = _SIGNATURE.search(text)
    # After what it signs, never the whole text («Salud Gratuita», Chile 2016), nor after a title's abbreviation (an
    # honoree in an institution's name: «… Tubarões Prof. Fábio Hazin»).
    if not match or _TITLE_BEFORE.search(text, 0, match.start("name")):
        return
    words = match.group("name").split()
    if fold(words[0]) not in gaz.given or words[0].isupper():
        return
    if any(fold(w) in NOT_PERSON or fold(w) in ORGS or fold(w) in TITLES for w in words):
        return
    yield match.start("name"), match.end("name")


def find_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of people's names in ``text``: after a cue, before a verb of saying, without a cue, signing it at its end,
    and beside those (overlaps possible)."""
    gaz = load_gazetteer()
    found = [*_cued_names(text, gaz), *_speaker_names(text, gaz), *runs_names(text, gaz), *_signature(text, gaz)]
    yield from found
    if found:
        yield from _names_beside(text, found, gaz)


MIN_UNUSUAL_CHARS = 4  # the gate's shortest known value (``privacy.gate.MIN_VALUE_CHARS``)


def unusual_names(texts: Iterable[str]) -> set[str]:
    """The names found in ``texts`` that say who someone is wherever they are written, as written: a full name ("Fernanda
    Rozas"), or one word that no list knows as a given name or an everyday word ("Gayle"; not "Gonzalo", "Tomás" or
    "Rosa", which other people and other things are called). Once a run has found one, the same words elsewhere in its
    published files are that person too (claim check 76: «Gayle señala» was found in one row of a meeting's minutes,
    «Gayle da respaldo a…» in two others was not). The privacy gate looks for them in every published file
    (``output.known_values``)."""
    gaz = load_gazetteer()
    out: set[str] = set()
    for text in texts:
        for start, end in find_names(text):
            name = text[start:end].strip()
            words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]
            if len(name) < MIN_UNUSUAL_CHARS or not words or any(w in gaz.words for w in words[1:]):
                continue
            if len(words) >= 2 or (words[0] not in gaz.given and words[0] not in gaz.words):
                out.add(name)
    return out
