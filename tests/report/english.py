"""Finding English words in Spanish or Portuguese text, for the tests that check es/pt reports.

A word is English when it is common in English (spaCy's English word frequencies, ``spacy-lookups-data``)
and is neither a Spanish word about as common, a Portuguese word form, nor a Spanish or Portuguese stop word.
The lists are independent of the catalogue, so a catalogue string cannot vouch for itself.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

EN_MIN_LOGPROB = -13.0  # about the 30,000 most frequent English words
ES_MARGIN = 3.0  # a word this much (log) more frequent in English than in Spanish is English
# Names of methods and models: proper names, not words to translate.
PROPER_NAMES = ("Universal Sentence Encoder", "UMAP", "HDBSCAN", "TF-IDF", "SVD", "Jaccard", "Holm", "Fisher", "consultnlp")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# File paths, globs and setting keys (comments.*, tables/key_points.csv, redact.kinds): names a user types, not prose.
PATHISH = re.compile(r"\S*[/_]\S*|\S*\w\.[\w*]\S*|(?<![\w-])--[a-z][\w-]*")  # paths, settings, command-line options


def _lookups(name: str) -> dict:
    import spacy_lookups_data

    with gzip.open(Path(spacy_lookups_data.__file__).parent / "data" / name, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _vocabularies() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    from spacy.lang.es.stop_words import STOP_WORDS as ES_STOP
    from spacy.lang.pt.stop_words import STOP_WORDS as PT_STOP

    english = {w: p for w, p in _lookups("en_lexeme_prob.json.gz").items() if p >= EN_MIN_LOGPROB and w.isalpha()}
    spanish = {w: p for w, p in _lookups("es_lexeme_prob.json.gz").items() if w in english}
    portuguese = _lookups("pt_lemma_lookup.json.gz")
    local = {w.lower() for w in (*portuguese, *portuguese.values())} | {w.lower() for w in (*ES_STOP, *PT_STOP)}
    return english, spanish, frozenset(w for w in local if w in english)


def is_english(word: str) -> bool:
    english, spanish, local = _vocabularies()
    word = word.lower()
    if len(word) < 2 or word not in english or word in local:
        return False
    return word not in spanish or spanish[word] < english[word] - ES_MARGIN


def english_words(text: str, *, drop: list[str] = ()) -> list[str]:
    """The English words of ``text`` once ``drop`` (citizens' words, user-given names), file paths and proper names are taken out."""
    # Whole pieces only: "or" taken out of "support" would hide the word it was cut from.
    for piece in sorted({d.strip() for d in drop if WORD.search(d or "")}, key=len, reverse=True):
        if piece in text:
            text = re.sub(rf"(?<!\w){re.escape(piece)}(?!\w)", " ", text)
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    text = PATHISH.sub(" ", text)
    return [w for w in WORD.findall(text) if is_english(w)]


def with_context(text: str, words: list[str], width: int = 60) -> list[str]:
    """Each word with the text around its first occurrence, for a failure message."""
    out = []
    for word in dict.fromkeys(words):
        at = re.search(rf"\b{re.escape(word)}\b", text)
        start = at.start() if at else 0
        out.append(f"{word!r}: …{text[max(0, start - width) : start + width]}…")
    return out


class _Visible(HTMLParser):
    """The text a reader sees in an HTML report, without citizens' quotes (``blockquote``), styles or chart drawings."""

    SKIP = {"style", "script", "svg", "blockquote"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):  # noqa: ANN001
        if not self.depth:
            self.parts.append(data)


def visible_html(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def visible_markdown(md: str) -> str:
    """Markdown without its escapes and without quoted citizens' text (``>`` lines)."""
    lines = [line for line in md.splitlines() if not line.lstrip().startswith(">")]
    return " ".join(" ".join(lines).replace("\\", "").split())


def visible_docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs if p.style.name != "Quote"]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(texts).split())
