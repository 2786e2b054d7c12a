"""Names without a cue: runs of words that the gazetteer and the shape of people's names agree on.

Three readings of a text, each with its own evidence:

* **Capitalised runs** ("Lucía Fernández Ruiz", "Jan van der Berg", "Mary O'Driscoll-Hughes"): a given name that is
  not also a common word, then a surname or an unknown capitalised word; alone only where a signature goes.
* **Lower case and capitals** ("lucía fernández", "MARÍA GONZÁLEZ"): capitals say nothing here, so both parts must be
  in the gazetteer: a given name that is not a common word, then a known surname (after a particle, any surname: "dos santos").
* **Surnames alone** ("la vecina Pérez González"): two known surnames in a row,
  neither a common word.

Every candidate is then vetoed when a place, institution or law word is in it or
before it, a public role or office comes before it, or it is a public figure
(see :mod:`~consultnlp.privacy.name_lists`). A name found is extended over the
particles and surnames that follow in any case ("Ana Paula de oliveira").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from consultnlp.privacy.name_lists import (
    DIRECTIONS,
    NOT_PERSON,
    PARTICLE,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PUBLIC_ROLES,
    Gazetteer,
    fold,
    is_particle,
)

__all__ = ["CAP", "extend_tail", "runs_names"]

_UP = "A-ZÁÉÍÓÚÑÂÊÔÃÕÇÜÀ"
_LO = "a-záéíóúñâêôãõçüàèìòùäëïö"
# Capitalised word (María, O'Higgins, Jean-Pierre, O'Driscoll-Hughes) or an all-caps one (PÉREZ).
CAP = rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:-(?:[{_UP}]['’])?[{_UP}]?[{_LO}]+)*|[{_UP}]{{2,}}(?![{_LO}]))"
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_WORD_RE = re.compile(_WORD)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])[\s\"'“«(]*$")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_RUN_RE = re.compile(rf"(?<![\w'’])(?:{CAP})(?:(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}|-)(?:{CAP}))*(?![\w'’])")
_PREV_WORDS_RE = re.compile(r"([\w'’-]+)[ \t]+(?:([\w'’-]+)[ \t]+)?$")  # the words right before, same sentence
_CONJ_SURNAME_RE = re.compile(rf"[ \t]+[ye][ \t]+(?P<word>{CAP})(?![\w'’])")
_TAIL_RE = re.compile(rf"[ \t]+(?P<particles>(?:{PARTICLE}[ \t]+){{0,2}})(?P<word>{_WORD})")
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:o|a|el|la)[ \t]+$", re.IGNORECASE)  # "o João …", "la María …"


@dataclass
class _Token:
    start: int
    end: int
    word: str
    key: str


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(start + m.start(), start + m.end(), m.group(), fold(m.group())) for m in re.finditer(r"\S+", text[start:end])]


def _is_title(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _plain_surname(word: str, gaz: Gazetteer, *, after_particle: bool) -> bool:
    """A surname the gazetteer knows, in any case; one that is also a word ("santos", "rosa") only after a particle."""
    key = fold(word)
    if len(word) < 3 or key in NOT_PERSON and not after_particle:
        return False
    lowered = word.casefold()
    if lowered != key and lowered in gaz.words:  # "más" is a word; the surname is "Mas"
        return False
    return key in gaz.surnames and (after_particle or word.casefold() not in gaz.ambiguous)


# Particles after which a surname that is also a word is still a surname ("dos santos", "da costa");
# after "de la" / "y" it is prose ("daña la paz").
_NAME_PARTICLES = frozenset("da das do dos van von der den ter della".split())


def extend_tail(text: str, end: int, gaz: Gazetteer) -> int:
    """Past ``end``: the particles and surnames that follow a name in any case ("[Ana Paula] de oliveira")."""
    while True:
        # "José Pérez y Gómez": "y" joins two surnames, never a given name ("Antonia y Álvaro" are two people).
        conj = _CONJ_SURNAME_RE.match(text, end)
        if conj is not None and fold(conj.group("word")) in gaz.surnames and fold(conj.group("word")) not in gaz.given:
            end = conj.end()
            continue
        m = _TAIL_RE.match(text, end)
        if m is None:
            return end
        word, particles = m.group("word"), m.group("particles")
        if is_particle(word):
            return end
        if particles:
            ok = _plain_surname(word, gaz, after_particle=fold(particles.split()[-1]) in _NAME_PARTICLES) or (
                _is_title(word) and fold(word) not in NOT_PERSON and word.casefold() not in gaz.words
            )
        else:
            ok = (not _is_title(word)) and _plain_surname(word, gaz, after_particle=False)
            if not ok and fold(word) in gaz.surnames and not _is_title(word):
                # "santos" is also a word, but not before "da Costa"
                nxt = _TAIL_RE.match(text, m.end())
                ok = nxt is not None and bool(nxt.group("particles")) and _plain_surname(nxt.group("word"), gaz, after_particle=True)
        if not ok:
            return end
        end = m.end()


def _is_given(tok: _Token, gaz: Gazetteer, *, signed: bool = False) -> bool:
    """A given name; one that is also a common word ("Juliana", "Rosa") only where a signature goes."""
    if is_particle(tok.word) or tok.key in NOT_PERSON:
        return False
    if tok.key not in gaz.given:  # "Jean-Pierre", "María-José": every part a given name
        parts = tok.key.split("-")
        return len(parts) > 1 and all(p in gaz.given for p in parts)
    return signed or tok.word.casefold() not in gaz.ambiguous


def _is_name_part(tok: _Token, gaz: Gazetteer) -> bool:
    """A word that may follow a given name in a person's name."""
    if len(tok.word) < 3:
        return False
    if tok.word.isupper():  # "Juan PÉREZ": in capitals only a known surname
        return _plain_surname(tok.word, gaz, after_particle=False)
    # A surname that is also a place word ("Costa", "Valle") may follow a given name.
    if tok.key in gaz.surnames or (tok.key in gaz.given and tok.key not in NOT_PERSON):
        return True
    if tok.key in NOT_PERSON:
        return False
    # An unknown capitalised word that is not an everyday word ("Guajardo", "Larraín").
    return tok.word.casefold() not in gaz.words and tok.key not in gaz.words


def _strong_surname_after(run: list[_Token], k: int, gaz: Gazetteer) -> bool:
    nxt = next((t for t in run[k + 1 :] if not is_particle(t.word)), None)
    return nxt is not None and nxt.key in gaz.surnames and nxt.word.casefold() not in gaz.ambiguous


def _is_public(tokens: list[_Token], gaz: Gazetteer) -> bool:
    keys = tuple(t.key for t in tokens if not is_particle(t.word))
    if keys and keys[-1] in gaz.public_surnames:
        return True
    full = tuple(t.key for t in tokens)
    for figure in gaz.public_full:
        n = len(figure)
        if any(keys[i : i + n] == figure for i in range(len(keys) - n + 1)):
            return True
        if any(full[i : i + n] == figure for i in range(len(full) - n + 1)):
            return True
    return False


def vetoed_before(text: str, start: int) -> bool:
    """A place, institution or public-role word right before ``start`` ("vivo en", "la comuna de", "Ministro")."""
    m = _PREV_WORDS_RE.search(text, max(0, start - 60), start)
    if m is None:
        return False
    last = fold(m.group(2) or m.group(1))
    if last in NOT_PERSON or last in PLACE_PREPOSITIONS or last in PUBLIC_ROLES or last in PLACE_NOUNS:
        return True
    # "la ciudad de Bento Gonçalves", "the town of Ada", "el viaducto del Malleco"
    return (
        m.group(2) is not None
        and fold(m.group(1)) in PLACE_NOUNS
        and is_particle(m.group(2))
        or (m.group(2) is not None and fold(m.group(1)) in PLACE_NOUNS and last == "of")
    )


def _name_in_run(
    text: str, run: list[_Token], gaz: Gazetteer, *, alone: bool, signed: bool = False, tail: bool = False, article: bool = False
) -> tuple[int, int] | None:
    """Index range [i, j) of the person's name in a run of capitalised words, if there is one.

    ``alone``: the run stands where a signature or a title goes, so one given name is enough; elsewhere a given name
    needs a surname after it (``tail``: one follows the run in lower case). ``article``: one stands before the run, as
    before a person spoken of: a capitalised everyday word after the given name is a surname ("o João Rocket")."""
    i = next((k for k, t in enumerate(run) if _is_given(t, gaz, signed=signed) and not t.word.isupper()), None)
    if i is None:
        # A given name that is also a word ("Juliana", "Rosa") when a surname that is not one follows.
        i = next(
            (
                k
                for k, t in enumerate(run)
                if _is_given(t, gaz, signed=True) and not t.word.isupper() and _strong_surname_after(run, k, gaz)
            ),
            None,
        )
    if i is None or any(t.key in NOT_PERSON or t.key in PUBLIC_ROLES or t.key in DIRECTIONS for t in run[:i]):
        return None
    # A first given name the lists lack ("Waldir José Dupont"): an unknown word right before one.
    # Not a sentence's first word, though: that is any capitalised word ("Siehe Robert ...").
    first = i
    while (
        first > 0
        and _is_name_part(run[first - 1], gaz)
        and run[first - 1].key not in gaz.surnames
        and not _SENTENCE_START.search(text, 0, run[first - 1].start)
    ):
        first -= 1
    j = i + 1
    parts = surname_like = 0
    while j < len(run):
        tok = run[j]
        if is_particle(tok.word):
            q = j
            while q < len(run) and is_particle(run[q].word):
                q += 1
            nxt = run[q] if q < len(run) and q - j <= 2 else None
            # After particles a surname may also be a place word: "María del Río", "Sofía de la Fuente".
            if nxt is not None and (_is_name_part(nxt, gaz) or nxt.key in gaz.surnames):
                parts += 1
                surname_like += 1
                j = q + 1
                continue
            break
        if not _is_name_part(tok, gaz):
            if not (article and j == i + 1 and i == first and _is_title(tok.word) and len(tok.word) >= 3 and tok.key not in NOT_PERSON):
                break
        parts += 1
        surname_like += tok.key not in gaz.given or tok.key in gaz.surnames
        j += 1
    # What ends the name must not make it a place or a thing: "Carlos Van Buren Hospital", "João XXIII".
    if j < len(run) and (run[j].key in NOT_PERSON or _ROMAN.fullmatch(run[j].word)):
        return None
    if tail and j == len(run):
        parts += 1
        surname_like += 1
    if alone:
        return (first, j)
    return (first, j) if surname_like >= 1 and parts >= 1 else None


def _capitalised_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    stripped = text.strip()
    capitals_checked = False
    for m in _RUN_RE.finditer(text):
        run = _tokens(text, m.start(), m.end())
        has_given = any(t.key in gaz.given or "-" in t.key and _is_given(t, gaz) for t in run)
        if not has_given and len(run) < 2:
            continue
        if not capitals_checked:  # counted once, and only for a text with a candidate
            if _mostly_capitals(text):
                return
            capitals_checked = True
        if not has_given:
            yield from _surname_pair(text, run, gaz)
            yield from _shaped_name(text, run, gaz)
            continue
        if run[0].key in NOT_PERSON or vetoed_before(text, m.start()):
            continue
        # After "Sr." / "Prof." the cue reading decides (it knows institutions named after people).
        if re.search(r"(?:^|[\s(])(?:Sr|Sra|Srta|Dr|Dra|Mr|Mrs|Ms|Prof|Profa|Lic|Ing)\.[ \t]*$", text[max(0, m.start() - 8) : m.start()]):
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() :]
        whole = stripped == m.group()
        # A dash before it, or the last line, and nothing after it but ", Place": where signatures go
        # ("— Lucía, Tinogasta"); a dash also opens list items ("- Salud - Educación"), which go on.
        signed = (
            bool(text[: m.start()].strip(" \t—–-"))
            and (bool(re.search(r"[—–-][ \t]*$", before)) or text[: m.start()].rstrip(" \t").endswith("\n"))
            and (re.fullmatch(rf"[ \t]*(?:[,(][ \t]*{CAP}(?:[ \t]+{CAP}){{0,3}}\)?)?[ \t.]*", after) is not None)
        )
        # A given name that is also a word ("Paz", "Juliana") signs only with a place after it.
        placed = signed and re.match(r"[ \t]*[,(]", after) is not None
        tail_end = extend_tail(text, m.end(), gaz)
        article = _ARTICLE_BEFORE.search(text[max(0, m.start() - 4) : m.start()]) is not None
        found = _name_in_run(text, run, gaz, alone=signed or whole, signed=placed, tail=tail_end > m.end(), article=article)
        if found is None:
            continue
        i, j = found
        if (whole and j - i < 2) or _is_public(run, gaz):
            continue
        yield run[i].start, (tail_end if j == len(run) else run[j - 1].end)


# Surnames that say they are surnames by their shape: O'Driscoll, D'Arcy, McAllister; and the Dutch and
# German particles that only surnames carry ("van den Heuvel", "von Trapp").
_SURNAME_SHAPE = re.compile(r"(?:O|D|Mc|Mac|Fitz)['’]?[A-Z][a-z]+(?:-[A-Z][a-z]+)*|(?:O|D)['’][A-Z]\w+")
_SURNAME_PARTICLES = frozenset("van von der den ter".split())
# Alone between capitalised words, German's "of" and "the" (claim check 60, an Austrian Pol.is conversation: 65 of 66
# [NAME] redactions were on noun phrases, "Nähe von Wasserspeichern"); two together ("von der", "van den") make a surname.
_GERMAN_ARTICLES = frozenset("von der den".split())


def _shaped_name(text: str, run: list[_Token], gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """A capitalised word before a surname of that shape ("Siobhan O'Driscoll-Hughes", "Pieter van den Heuvel"),
    when the gazetteer lacks the given name."""
    for k in range(1, len(run)):
        tok = run[k]
        shaped = "'" in tok.word or "’" in tok.word or tok.word.startswith(("Mc", "Mac", "Fitz"))
        if shaped and not _SURNAME_SHAPE.fullmatch(tok.word):
            continue
        if not shaped and tok.word.casefold() not in _SURNAME_PARTICLES:
            continue
        first = k - 1
        if is_particle(run[first].word) or run[first].word.casefold() in _SURNAME_PARTICLES:
            continue
        j = k
        while j < len(run) and (is_particle(run[j].word) or run[j].word.casefold() in _SURNAME_PARTICLES):
            j += 1
        if not shaped and j - k == 1 and tok.word.casefold() in _GERMAN_ARTICLES:
            continue  # "Nutzung von Kernenergie", "Ausbau der Pumpspeicherkraftwerke": German grammar, no surname
        if j >= len(run) or not _is_name_part(run[j], gaz):
            continue
        head = run[first]
        if (
            (head.key in NOT_PERSON or head.key in PUBLIC_ROLES or head.word.casefold() in gaz.words and head.key not in gaz.given)
            or vetoed_before(text, head.start)
            or _is_public(run[first : j + 1], gaz)
        ):
            continue
        if first == 0 and _SENTENCE_START.search(text, 0, head.start) and head.key not in gaz.given:
            continue
        yield head.start, run[j].end
        return


def _surname_pair(text: str, run: list[_Token], gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Two known surnames in a row, neither a common word nor a place word: "Pérez González"."""
    for k in range(len(run) - 1):
        a, b = run[k], run[k + 1]
        if a.word.isupper() or b.word.isupper():
            continue
        if all(
            _plain_surname(t.word, gaz, after_particle=False) and t.key not in gaz.given and t.word.casefold() not in gaz.words
            for t in (a, b)
        ):
            if k > 0 or vetoed_before(text, a.start) or _SENTENCE_START.search(text, 0, a.start):
                return
            if k + 2 < len(run) and run[k + 2].key in NOT_PERSON or _is_public(run, gaz):
                return
            yield a.start, b.end
            return


def _plain_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Names written in lower case or capitals: a given name that is not a word, then a known surname."""
    tokens = [_Token(m.start(), m.end(), m.group(), "") for m in _WORD_RE.finditer(text)]
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        k += 1
        if _is_title(tok.word) or len(tok.word) < 3:
            continue
        tok.key = fold(tok.word)
        # "daña" folds to "dana": a name in lower case keeps its ñ, so a folded ñ is a different word.
        # A given name that is also a word ("juliana", "rosa", "sean") is not read in lower case or capitals.
        if tok.key not in gaz.plain_given or tok.word.casefold() in gaz.ambiguous or "ñ" in tok.word.casefold() or is_particle(tok.word):
            continue
        if vetoed_before(text, tok.start):
            continue
        # More given names, then surnames, particles between. A surname that is also a word ("vera",
        # "fuentes") counts only next to one that is not ("tapia vera", "fuentes araya").
        j = k
        names, kinds = [tok], ["given"]
        while j < len(tokens) and re.fullmatch(r"[ \t]+", text[tokens[j - 1].end : tokens[j].start]):
            q = j
            while q < len(tokens) and is_particle(tokens[q].word) and q - j < 2:
                q += 1
            if q >= len(tokens) or not re.fullmatch(r"[ \t]+", text[tokens[q - 1].end : tokens[q].start]):
                break
            word = tokens[q].word
            if _is_title(word):  # a capitalised word is the other reading's business
                break
            key = fold(word)
            if _plain_surname(word, gaz, after_particle=q > j and fold(tokens[q - 1].word) in _NAME_PARTICLES):
                kinds.append("hard")
            elif (
                q == j
                and key in gaz.surnames
                and key not in NOT_PERSON
                and len(word) > 2
                and "given" != kinds[-1]
                or (
                    q == j
                    and key in gaz.surnames
                    and key not in NOT_PERSON
                    and len(word) > 2
                    and _plain_surname(tokens[q + 1].word if q + 1 < len(tokens) else "", gaz, after_particle=False)
                )
            ):
                kinds.append("soft")
            elif q == j and key in gaz.plain_given and word.casefold() not in gaz.ambiguous and "given" == kinds[-1]:
                kinds.append("given")
            else:
                break
            tokens[q].key = key
            names.append(tokens[q])
            j = q + 1
        while kinds[-1] == "soft" and "hard" not in kinds:
            kinds.pop()
            names.pop()
        if "hard" in kinds and not _is_public(names, gaz) and not (j < len(tokens) and fold(tokens[j].word) in NOT_PERSON):
            yield tok.start, names[-1].end
        k = j


# A reference list: "Lopes, Cristina L.", "Heidemann, Marina & Pereira, Isabela", "MORACH, Benjamin et al.".
_CITATION_RE = re.compile(
    rf"(?<![\w'’])(?P<surname>{CAP}(?:[ \t]+{CAP})?),[ \t]+(?P<given>{CAP})(?:[ \t]+(?:[{_UP}]\.|{CAP}))?"
    r"(?=[ \t]*(?:[&;(.]|(?<=\.),|et[ \t]+al|and\b|e\b|y\b|$))",
    re.MULTILINE,
)
# What may stand before an entry of such a list: its start, a line break, "&", ";", "(", "and", "e", "y", or a
# punctuation mark and a space.
_CITATION_BEFORE = re.compile(r"(?:^|[\n;&(]|\b(?:and|e|y)|[,:.])[ \t]*$")
_ET_AL, _LIST_GAP = re.compile(r"[ \t]+et[ \t]+al\b"), re.compile(r"[ \t]*[&;][ \t]*")


def _citation_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Authors written "Surname, Given" as reference lists have them. A given name the gazetteer does not know
    ("Valentini, Nicolò", "Ambiel, Cristiana") counts in a list where it stands next to a known one, "&" or ";"
    between them, and in "SURNAME, Given et al." (PNDBio 2025: both were published)."""
    known, unknown = [], []
    for m in _CITATION_RE.finditer(text):
        if not _CITATION_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        given, surnames = fold(m.group("given")), m.group("surname").split()
        if given in NOT_PERSON or vetoed_before(text, m.start()):
            continue
        if any(
            fold(w) in NOT_PERSON or (w.casefold() in gaz.words and fold(w) not in gaz.surnames) or fold(w) in gaz.given for w in surnames
        ):
            continue  # "Alejandro, Antonia y Álvaro" is a list of given names
        if given not in gaz.given:
            written = m.group("given")
            if written.isupper():
                continue  # "Santos, SP": an acronym, not a given name
            # A word ("cristiana", "ministério") is a given name only beside a known one in a list.
            if written.casefold() not in gaz.words and all(w.isupper() and len(w) > 2 for w in surnames) and _ET_AL.match(text, m.end()):
                known.append((m.start(), m.end()))
            else:
                unknown.append((m.start(), m.end()))
            continue
        # A given name that is also a word ("Victoria", "Paz") only in a list that looks like references.
        if m.group("given").casefold() in gaz.ambiguous and not re.match(r"[ \t]*(?:&|et[ \t]+al|\()", text[m.end() :]):
            continue
        known.append((m.start(), m.end()))
    # Entries next to a known one in the same list ("A, B & C, D & E, F"), one step at a time along the list.
    while grown := [u for u in unknown if any(_LIST_GAP.fullmatch(text, min(u[1], k[1]), max(u[0], k[0])) for k in known)]:
        known += grown
        unknown = [u for u in unknown if u not in grown]
    yield from sorted(known)


def _whole_text_name(text: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """A text that is nothing but a name in any case ("Thana Sandy Rodrigues jaines" as a proposal's title):
    two to five words, a given name and a surname the gazetteer knows, no everyday word among the rest."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(_WORD_RE.fullmatch(w) for w in words) or not words[0][:1].isupper():
        return None
    keys = [fold(w) for w in words]
    given = next((i for i, k in enumerate(keys) if k in gaz.given), None)
    if given is None or not any(k in gaz.surnames for k in keys[given + 1 :]):
        return None
    for k, w in zip(keys, words):
        if not (is_particle(w) or k in gaz.given or k in gaz.surnames) and (w.casefold() in gaz.words or k in gaz.words or k in NOT_PERSON):
            return None
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


_UPPER_RE = re.compile(rf"[{_UP}]")
_LOWER_RE = re.compile(rf"[{_LO}]")
_PUNCTUATION_TO_SPACE = str.maketrans({c: " " for c in "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~¡¿«»“”‘’'-—–…0123456789"})
_PARTICLE_WORDS = frozenset("de da do das dos del la las los di van von der den ter du della".split())
_COMMA_CAP = re.compile(rf",[ \t]+[{_UP}]")


def _mostly_capitals(text: str) -> bool:
    """Over 60 % of the letters are capitals: capitals say nothing about names there."""
    return 2 * len(_UPPER_RE.findall(text)) > 3 * len(_LOWER_RE.findall(text))


def runs_names(text: str, gaz: Gazetteer) -> Iterator[tuple[int, int]]:
    """Spans of people's names without a cue (overlaps possible)."""
    # In a text written in capitals (over 60 % of its letters), capitals say nothing about names:
    # only the gazetteer reading.
    yield from _capitalised_names(text, gaz)
    if ", " in text and _COMMA_CAP.search(text):
        yield from _citation_names(text, gaz)
    if len(text) < 80:
        whole = _whole_text_name(text, gaz)
        if whole is not None:
            yield whole
    # Lower case and capitals need a given name from the gazetteer written that way: a set check first.
    words = text.casefold().translate(_PUNCTUATION_TO_SPACE).split()
    given, surnames = gaz.plain_forms, gaz.surnames
    if given.isdisjoint(words):
        return
    if any(w in given and (fold(n) in surnames or n in _PARTICLE_WORDS) for w, n in zip(words, words[1:])):
        yield from _plain_names(text, gaz)
