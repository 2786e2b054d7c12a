"""The cue lists of ``data/positions/``: statements of position and the little words around them.

One file per language (``es.txt``, ``pt.txt``, ``en.txt``), in sections (``data/positions/README.md``):

- cue sections ``[support]``, ``[consensus]``, ``[partial]``, ``[oppose]``: one phrase per line.
  A leading ``^`` keeps the cue to the start of a sentence ("^en contra"); a trailing ``$`` asks
  for no object at all ("^de acuerdo$", so that "De acuerdo con la ley, ..." -- "according to the
  law" -- is no cue); a leading ``!`` keeps it to negated statements ("!aceptar": "no podemos aceptar", "jamás
  voy a aceptar", where "aceptar" alone says nothing). Every cue's object must be the proposal or nothing
  (``consultnlp/positions/cues.py``).
- word sections (negators, words skipped inside a cue, reporting words, contrast words, proposal
  words, status-quo words, irony markers ...), used for the comments of their language.

Cue phrases of every language are used for every comment (a short "concordo" may be detected as
Spanish); the word sections of a comment's own language, or of all languages when it is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consultnlp import resources
from consultnlp.errors import ConfigError
from consultnlp.positions import OPPOSE, PARTIAL, SUPPORT
from consultnlp.resources import language_lists, project_path

LISTS_DIR = project_path("data") / "positions"
CONSENSUS = "consensus"  # a group's agreement ("hubo consenso"): support; not reached ("no hubo acuerdo"): partial
CUE_SECTIONS = (SUPPORT, CONSENSUS, PARTIAL, OPPOSE)
WORD_SECTIONS = (
    "partial_modifiers",
    "negators",
    "neither",
    "not_negation",
    "skip",
    "totality",
    "neg_window",
    "reporting",
    "first_person",
    "contrast",
    "connectors",
    "subordinate",
    "complementizers",
    "determiners",
    "function_words",
    "targets",
    "status_quo",
    "irony",
    # issue 25 (stance): measures as targets, the proposal as a whole, requests and titles
    "measures",
    "plan_markers",
    "whole",
    "requests",
    "title_links",
    "statements",
    # issue 25 (stance), second round: what a stance can be about that is not the plan (people, general causes)
    "persons",
    "causes",
    # a stance stated by judging a measure: "el peaje es inaceptable", "this draft should be scrapped"
    "copulas",
    "opinions",
    "good",
    "bad",
    # what may open the clause of a stance besides pronouns and negators: "Pos la neta no estoy de acuerdo",
    # "Como junta de vecinos respaldamos", "Quiero expresar mi rechazo", "We wish to register our opposition"
    "fillers",
    "conjunctions",
    "roles",
    "intent",
    "expressing",
    "possessives",
    # "¡Qué abuso el aumento del pasaje!": a judgement opening an exclamation, the judged thing after it
    "exclamations",
    # "The Tenants' Forum opposes ...", "O Sindicato dos Professores repudia ...": an organisation writing of itself
    "organisations",
    # verbs of a change a plan makes: a judged infinitive or gerund is a measure only with one
    "changes",
)
SECTIONS = CUE_SECTIONS + WORD_SECTIONS
ANY = "any"  # the union of every language's word sections, for comments of unknown language


def words_of(text: str) -> tuple[str, ...]:
    """Folded word tokens of a list entry (the same folding as comments get)."""
    from consultnlp.positions.tokens import tokenize

    return tuple(t.word for t in tokenize(text) if t.word)


@dataclass(frozen=True)
class Cue:
    """One cue phrase and how it may be used."""

    words: tuple[str, ...]
    kind: str  # support / consensus / partial / oppose
    at_start: bool = False  # "^": only at the start of a sentence
    bare: bool = False  # "$": nothing may follow it in its clause
    negated_only: bool = False  # "!": a statement only when negated ("no puedo aceptar"; "aceptar" alone is none)
    # "@": a third-person statement, the author's only when an organisation opening its sentence is its subject
    # ("La Asociación de Jubilados apoya ..."; "Mi vecino apoya ..." is reported)
    organisation: bool = False

    @classmethod
    def parse(cls, entry: str, kind: str, source: str) -> "Cue":
        text = entry.strip()
        marks = text[: len(text) - len(text.lstrip("!@ "))]
        text = text.lstrip("!@ ")
        at_start, bare = text.startswith("^"), text.endswith("$")
        words = words_of(text.strip("^$ "))
        if not words:
            raise ConfigError(f"{source}: the cue {entry!r} has no words.")
        return cls(words, kind, at_start, bare, "!" in marks, "@" in marks)


class Phrases:
    """A set of word sequences, looked up by their first word; the longest match wins."""

    def __init__(self, entries: "list[tuple[str, ...]] | None" = None) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.longest = 0
        for words in entries or []:
            self.add(words)

    def add(self, words: tuple[str, ...]) -> None:
        if words:
            options = self.by_first.setdefault(words[0], [])
            if words not in options:
                options.append(words)
                options.sort(key=len, reverse=True)
                self.longest = max(self.longest, len(words))

    def match(self, words: list[str], i: int) -> int:
        """Length of the longest phrase starting at ``words[i]`` (0 when none does)."""
        for phrase in self.by_first.get(words[i], ()) if i < len(words) else ():
            if tuple(words[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def start_of(self, words: list[str], k: int) -> int | None:
        """Where a phrase that ends at ``words[k]`` starts ("voy a" for the "a" of "no voy a aceptar"); None when none does."""
        for j in range(k, -1, -1):
            for phrase in self.by_first.get(words[j], ()):
                if len(phrase) == k - j + 1 and tuple(words[j : k + 1]) == phrase:
                    return j
            if k - j + 1 >= self.longest:
                return None
        return None

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` is a one-word phrase of the set."""
        return (word,) in self.by_first.get(word, ())

    def merged(self, other: "Phrases") -> "Phrases":
        out = Phrases()
        for source in (self, other):
            for options in source.by_first.values():
                for words in options:
                    out.add(words)
        return out


@dataclass
class Lexicon:
    """The word sections of one language (or of all, ``any``)."""

    sections: dict[str, Phrases] = field(default_factory=lambda: {name: Phrases() for name in WORD_SECTIONS})
    # Irony markers that are not words (emoji), looked for in the raw text.
    symbols: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> Phrases:
        return self.sections[name]

    def merged(self, other: "Lexicon") -> "Lexicon":
        return Lexicon(
            {n: self.sections[n].merged(other.sections[n]) for n in WORD_SECTIONS}, tuple(dict.fromkeys(self.symbols + other.symbols))
        )


@dataclass
class CueLists:
    """Every cue of every language, and the word sections per language."""

    cues: dict[str, list[Cue]] = field(default_factory=dict)  # first word -> cues, longest first
    lexicons: dict[str, Lexicon] = field(default_factory=dict)  # es / pt / en / any

    def add_cue(self, cue: Cue) -> None:
        options = self.cues.setdefault(cue.words[0], [])
        if cue not in options:
            options.append(cue)
            options.sort(key=lambda c: len(c.words), reverse=True)

    def lexicon(self, lang: str | None) -> Lexicon:
        return self.lexicons.get(lang or ANY) or self.lexicons[ANY]


def parse_sections(text: str, source: str) -> dict[str, list[str]]:
    """Sections of a list file (see :func:`consultnlp.resources.parse_sections`)."""
    return resources.parse_sections(text, source, SECTIONS)


def _lexicon(sections: dict[str, list[str]]) -> Lexicon:
    lexicon = Lexicon()
    symbols = []
    for name in WORD_SECTIONS:
        for entry in sections.get(name, []):
            words = words_of(entry)
            if words:
                lexicon[name].add(words)
            elif name == "irony":
                symbols.append(entry.strip())
    lexicon.symbols = tuple(symbols)
    return lexicon


def load_cues(
    *,
    extra_cues: dict[str, list[str]] | None = None,
    extra_targets: list[str] | None = None,
    directory: Path = LISTS_DIR,
) -> CueLists:
    """The bundled lists of every language plus the user's extra cues (``{support: [...], oppose: [...]}``) and proposal words."""
    lists = CueLists()
    bundled = language_lists(directory, SECTIONS)
    for lang, sections in bundled.items():
        for kind in CUE_SECTIONS:
            for entry in sections.get(kind, []):
                lists.add_cue(Cue.parse(entry, kind, f"data/positions/{lang}.txt"))
        lists.lexicons[lang] = _lexicon(sections)
    for kind, entries in (extra_cues or {}).items():
        if kind not in CUE_SECTIONS:
            raise ConfigError(f"positions.extra_cues: unknown kind {kind!r}. Use {', '.join(CUE_SECTIONS)}.")
        for entry in entries:
            lists.add_cue(Cue.parse(entry, kind, "positions.extra_cues"))
    lists.lexicons[ANY] = _union(lists.lexicons)
    for entry in extra_targets or []:
        for lexicon in lists.lexicons.values():
            lexicon["targets"].add(words_of(entry))
    return lists


def _union(lexicons: dict[str, Lexicon]) -> Lexicon:
    """Every language's sections, less the words that end a clause in one language but are ordinary in another
    (pt "mas" = but, es "más" = more; en "as" = since, pt "as" = the): in a comment of unknown language they end nothing."""
    union = Lexicon()
    for lexicon in lexicons.values():
        union = union.merged(lexicon)
    for lang, lexicon in lexicons.items():
        ordinary = {
            w
            for other, lex in lexicons.items()
            if other != lang
            for name in ("function_words", "skip")
            for options in lex[name].by_first.values()
            for w in options
            if len(w) == 1
        }
        for name in ("contrast", "connectors"):
            for words in [w for options in lexicon[name].by_first.values() for w in options if w in ordinary]:
                union[name].by_first[words[0]].remove(words)
    return union
