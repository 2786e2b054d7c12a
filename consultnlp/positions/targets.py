"""What a stated position is about (issue 25): its target, and the statements that are no stance at all.

- A stance on a measure is kept, with its target phrase: an infinitive ("cerrar los consultorios de noche",
  "closing the clinics"), a noun of a measure (``[measures]``: "el peaje", "o corte de verbas", "the toll") or a
  phrase marked as the plan's (``[plan_markers]``: "la reforma propuesta", "previsto"). The target is the object's
  words up to a connector, a relative clause or the mark of the plan ("the toll this plan introduces" -> "the toll");
  "" when it names the proposal as a whole (``[whole]``: "la propuesta", "isso", "this plan").
- A request ("pedimos ...", "we ask for ...") and a title ("Apoyo a la agricultura familiar": a one-word cue opening
  a short one-sentence contribution with no final full stop, then "a" / "à" / "for", ``[title_links]``) state what is wanted, not a stance.
"""

from __future__ import annotations

import re

from consultnlp.positions.lexicon import CONSENSUS, Cue, Lexicon
from consultnlp.positions.tokens import Word, adverb, unit_start

OBJECT_WINDOW = 6  # words after a cue looked at for its object
TARGET_MAX = 8  # words of a target phrase
TITLE_MAX = 20  # words of a contribution that may be a title ("Apoyo a la agricultura familiar")
MEASURE_WINDOW = OBJECT_WINDOW + 4  # words after a cue looked at for a mark of the plan ("el peaje que introduce este plan")
# Nouns ending like an infinitive ("lugar", "mujer"): never read as a measure.
_NOT_INFINITIVES = frozenset(
    {
        "cualquier",
        "qualquer",
        "lugar",
        "lugares",
        "hogar",
        "hogares",
        "mujer",
        "mulher",
        "bienestar",
        "mar",
        "poder",
        "deber",
        "dever",
        "placer",
        "prazer",
        "altar",
        "militar",
        "popular",
        "familiar",
        "escolar",
        "particular",
        "similar",
        "regular",
        "nivel",
        "ayer",
        "alrededor",
        "interior",
        "exterior",
        "anterior",
        "posterior",
        "superior",
        "inferior",
        "mayor",
        "menor",
        "mejor",
        "peor",
        "amor",
        "favor",
        "valor",
        "sector",
        "actor",
        "motor",
        "autor",
        "elevador",
        "senior",
        "tutor",
        "doctor",
        "director",
        "profesor",
        "trabajador",
        "productor",
    }
)
_NOT_GERUNDS = frozenset(
    {
        "nothing",
        "something",
        "everything",
        "anything",
        "thing",
        "things",
        "building",
        "buildings",
        "morning",
        "evening",
        "during",
        "king",
        "ring",
        "spring",
        "string",
        "wing",
        "ceiling",
        "feeling",
        "feelings",
        "meeting",
        "meetings",
        "being",
        "bring",
    }
)
_CONTRACTIONS = frozenset({"del", "al", "do", "da", "dos", "das", "ao", "aos"})  # a preposition and an article: not part of the target


def _object_start(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> int | None:
    """The first word of the cue's object (its article included, its preposition not), or None when nothing follows."""
    clause = found[end - 1].clause
    k = end
    while k < len(found) and found[k].clause == clause and k < end + OBJECT_WINDOW:
        if (
            any(phrase_at(lex[name], plain, k) for name in ("skip", "totality", "partial_modifiers", "negators"))
            or adverb(plain[k])
            or (
                phrase_at(lex["function_words"], plain, k)
                and not any(phrase_at(lex[n], plain, k) for n in ("determiners", "targets", "whole", "measures"))
            )
        ):
            k += 1
            continue
        # "Estoy en contra porque ...": a connector, not an object.
        return None if phrase_at(lex["connectors"], plain, k) or phrase_at(lex["contrast"], plain, k) else k
    return None


def content_words(found: list[Word], plain: list[str], k: int, lex: Lexicon, n: int) -> list[int]:
    """Indices of the first ``n`` content words from ``k`` in its clause (articles and prepositions aside)."""
    clause, out = found[k].clause, []
    while k < len(found) and found[k].clause == clause and len(out) < n and k < len(found):
        if not (phrase_at(lex["function_words"], plain, k) or phrase_at(lex["determiners"], plain, k)) or phrase_at(lex["whole"], plain, k):
            out.append(k)
        k += 1
    return out


def measure_object(text: str, found: list[Word], plain: list[str], end: int, lex: Lexicon, lang: str | None) -> bool:
    """The object is a measure: an infinitive ("cerrar los consultorios", "closing the clinics"), a noun of a measure
    within its first three content words ("el peaje", "the new congestion charge") or a phrase marked as the plan's ("previsto")."""
    k = _object_start(found, plain, end, lex)
    return k is not None and measure_at(text, found, plain, k, end, lex, lang)


def measure_at(text: str, found: list[Word], plain: list[str], k: int, end: int, lex: Lexicon, lang: str | None) -> bool:
    """The words from ``k`` (``end``: where the phrase they belong to starts) name a measure: an infinitive, a gerund, a
    noun of a measure within the first three content words, or a phrase marked as the plan's."""
    word, written = plain[k], text[found[k].start : found[k].end]
    # "de acuerdo con Javier", "I agree with Manning": a name; "Cutting the library budget is ...": a sentence's first word
    verb = not (written[:1].isupper() and not written.isupper()) or unit_start(found, k, "sentence") == k
    if verb and verb_form(word, lang) and not phrase_at(lex["determiners"], plain, k):
        return True
    if (
        lang not in ("es", "pt")
        and k > end
        and plain[k - 1] == "to"
        and not phrase_at(lex["determiners"], plain, k)
        and word not in ("be", "the")
    ):
        return True
    if any(phrase_at(lex["measures"], plain, c) for c in content_words(found, plain, k, lex, 3)):
        return True
    clause = found[k].clause
    return any(
        phrase_at(lex["plan_markers"], plain, j) for j in range(k, min(len(found), end + MEASURE_WINDOW)) if found[j].clause == clause
    )


def other_object(text: str, found: list[Word], plain: list[str], end: int, lex: Lexicon) -> bool:
    """The object is not something a plan proposes: a person or a group of people ("los profesores en paro", "the
    councillor who said ...", a name) or a general cause ("la corrupción", "freedom of expression"). Anything else a
    stance is about ("the demolition of the market hall", "a venda dos terrenos") is taken as a measure of the plan."""
    k = _object_start(found, plain, end, lex)
    if k is None:
        return False
    first = content_words(found, plain, k, lex, 2)
    if not first:
        return False
    written = text[found[first[0]].start : found[first[0]].end]
    if written[:1].isupper() and not written.isupper() and first[0] > 0:
        return True  # "de acuerdo con Javier", "I agree with Manning"
    if any(phrase_at(lex["persons"], plain, c) for c in first):
        return True
    return any(phrase_at(lex["causes"], plain, c) for c in content_words(found, plain, k, lex, 3))


def target(text: str, found: list[Word], plain: list[str], end: int, lex: Lexicon, lang: str | None = None) -> str:
    """The object's words up to the end of its clause, a connector, a relative clause or a mark of the plan, at most
    TARGET_MAX words; "" when they name the proposal as a whole ("la propuesta", "isso", "this plan")."""
    k = _object_start(found, plain, end, lex)
    if k is None:
        return ""
    while k < len(found) and plain[k] in _CONTRACTIONS:
        k += 1
    if (
        lang == "pt"
        and k > end
        and plain[k - 1] in ("a", "as")
        and not phrase_at(lex["determiners"], plain, k)
        and not text[found[k - 1].start : found[k - 1].end].casefold().startswith("à")
    ):
        k -= 1  # "sou contra a extinção do conselho": in Portuguese "a" is the article ("à" is "to the": "aval à mudança")
    if k >= len(found):
        return ""
    clause, last = found[k].clause, k
    stops = ("connectors", "contrast", "subordinate", "complementizers", "plan_markers", "reporting", "status_quo")
    j, seen = k, False
    while j < len(found) and found[j].clause == clause and j - k < TARGET_MAX:
        # "the proposed tax": a mark of the plan before the noun belongs to the target; after it ("la reforma propuesta") it ends it.
        if (
            any(phrase_at(lex[name], plain, j) for name in stops)
            and (seen or not phrase_at(lex["plan_markers"], plain, j))
            and (j > k or seen)
        ):
            break
        if phrase_at(lex["plan_markers"], plain, j) and phrase_at(lex["whole"], plain, j) and not seen:
            break
        seen = seen or not (
            phrase_at(lex["function_words"], plain, j)
            or phrase_at(lex["determiners"], plain, j)
            or phrase_at(lex["plan_markers"], plain, j)
        )
        last = j + 1
        j += 1
    while (
        last > k
        and (phrase_at(lex["function_words"], plain, last - 1) or phrase_at(lex["determiners"], plain, last - 1))
        and not phrase_at(lex["whole"], plain, last - 1)
    ):
        last -= 1
    content = [
        i
        for i in range(k, last)
        if not (phrase_at(lex["function_words"], plain, i) or phrase_at(lex["determiners"], plain, i)) or phrase_at(lex["whole"], plain, i)
    ]
    if not content or all(phrase_at(lex["whole"], plain, i) for i in content):
        return ""
    return " ".join(text[found[k].start : found[last - 1].end].split())


def about_a_statement(found: list[Word], plain: list[str], end: int, lex: Lexicon) -> bool:
    """The object is what someone said ("lo que dijo el vecino", "the previous commenter"): no stance on the proposal."""
    k = _object_start(found, plain, end, lex)
    if k is None:
        return False
    clause = found[k].clause
    return any(phrase_at(lex["statements"], plain, j) for j in range(k, min(len(found), k + 4)) if found[j].clause == clause)


def earlier_in(found: list[Word], plain: list[str], start: int, phrases, unit: str) -> bool:  # noqa: ANN001 - Phrases
    """Whether one of ``phrases`` starts before ``start`` in the same ``unit`` ("clause" or "sentence") of the text."""
    k = start - 1
    while k >= 0 and getattr(found[k], unit) == getattr(found[start], unit):
        if phrase_at(phrases, plain, k):
            return True
        k -= 1
    return False


def requested(found: list[Word], plain: list[str], start: int, lex: Lexicon) -> bool:
    """A request earlier in the cue's sentence: "pedimos apoyo ...", "we ask for support ..." state what is wanted;
    "queremos manifestar nuestro rechazo" states a position."""
    k = start - 1
    while k >= 0 and found[k].sentence == found[start].sentence:
        size = lex["requests"].match(plain, k)
        if size and not phrase_at(lex["expressing"], plain, k + size):
            return True
        k -= 1
    return False


def title(cue: Cue, text: str, found: list[Word], plain: list[str], start: int, end: int, lex: Lexicon) -> bool:
    """A one-word cue opening the contribution or an item of a list (after ";" or a bullet), then "a" / "à" / "for":
    "Apoyo a la agricultura familiar", "...; apoio a redução do desmatamento" name what is wanted, unless the object
    is the proposal as a whole ("Apoio à proposta")."""
    if cue.kind == CONSENSUS or not _title_cue(cue) or end >= len(found) or found[end].clause != found[start].clause:
        return False
    if start != 0:
        if (
            text[: found[start].start].rstrip()[-1:] not in (";", "•", "-", "*", "\n")
            and "\n" not in text[found[start - 1].end : found[start].start]
        ):
            return False
    elif _BULLET.match(text[: found[start].start]):
        pass  # the first item of a list ("- Apoio à demarcação dos territórios… - Diagnóstico…": claim check 90)
    elif (
        found[-1].sentence != found[start].sentence
        or len(found) > TITLE_MAX
        or any(phrase_at(lex["contrast"], plain, k) for k in range(len(found)))
    ):
        return False  # "Apoio a meta 3, mas sou contra a meta 5": a sentence, not a heading
    elif text.rstrip()[-1:] in (".", "!"):
        return False  # "Apoio a criação de uma guarda municipal.": a sentence (its object is judged as any other)
    if not phrase_at(lex["title_links"], plain, end):
        return False
    content = content_words(found, plain, end + 1, lex, 1) if end + 1 < len(found) else []
    return not (content and phrase_at(lex["whole"], plain, content[0]))


_BULLET = re.compile(r"^\W*[-•*–]\s*$")  # what opens a list's first item: "- ", "'- ", "• "


def verb_form(word: str, lang: str | None) -> bool:
    """An infinitive (es/pt: "cerrar", "fechar") or a gerund (en: "closing"), by its ending."""
    infinitive = lang != "en" and len(word) >= 4 and word.endswith(("ar", "er", "ir")) and word not in _NOT_INFINITIVES
    return infinitive or (lang not in ("es", "pt") and word.endswith("ing") and len(word) >= 5 and word not in _NOT_GERUNDS)


def _title_cue(cue: Cue) -> bool:
    """A cue that may open a title: one word ("Apoyo a ...") or a preposition and its noun ("A favor da escola ...",
    "In favour of a library van ...")."""
    return len(cue.words) == 1 or (len(cue.words) == 2 and cue.words[0] in ("a", "in", "en", "em"))


def phrase_at(phrases, plain: list[str], k: int) -> bool:  # noqa: ANN001 - Phrases
    return phrases.match(plain, k) > 0
