"""Language identification: each comment is es, pt, en, other (another language) or und (cannot tell).

Detection always separates es, pt and en, whatever languages a run analyses, so that a
Portuguese comment in a Spanish-only run is reported as ``pt`` and excluded, not analysed
as Spanish.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from consultnlp.errors import MissingDependency, missing_dependency
from consultnlp.schema import LANGUAGES

OTHER = "other"
UNDETERMINED = "und"

# Detection reads at most this many characters: a comment's language is settled long before,
# and the cost of py3langid grows with length.
MAX_CHARS = 1_000
# Texts with at most this many words get the lexicon evidence added (see _LEXICON).
SHORT_MAX_WORDS = 6
# "other" needs this many letters in Latin script: on shorter text py3langid spreads its
# probability over close relatives (gl, an, ext, oc, ca for es/pt; pcm, fy for en).
OTHER_MIN_LETTERS = 12
# ... unless the consultation is itself written in that language (``other_language``): "Bin dafür", "Was ist THG??".
OTHER_PRIOR_MIN_LETTERS = 5
# ... and a language outside es/pt/en must win py3langid's unrestricted ranking (with the
# lexicon's evidence for es/pt/en added) with at least this probability. On real comments 0.7
# called 1 of 181,000 Chilean ones "other" and 96% of Austrian German ones (0.5: 93 Chilean
# ones, mostly Aragonese or Galician look-alikes; 0.8: 95% of German ones).
OTHER_MIN_PROB = 0.7
BATCH_SIZE = 20_000
# The consultation's language mix as a prior (``stages/language.file_prior``) is never below PRIOR_FLOOR, so a language the
# file rarely uses still wins on clear evidence (a likelihood ratio of about 100 against the main one).
PRIOR_FLOOR = 0.01

_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|@\w+", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_NON_LATIN_LETTERS = re.compile(r"[^\W\d_A-Za-zªºÀ-ÖØ-öø-ɏḀ-ỿ]+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_UPPER_PAIR = re.compile(r"[A-ZÀ-ÖØ-Þ]{2}")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_COUNT_CHARS = 200  # letters are counted on this prefix when it holds enough of them
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# --- py3langid, scored in batches ----------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    """py3langid's naive Bayes model as numpy arrays, so that many texts are scored at once."""

    nextmove: np.ndarray  # DFA transitions: state' = nextmove[rowbase[state] + byte]
    rowbase: np.ndarray
    output: np.ndarray  # feature emitted on entering a state, or -1
    ptc: np.ndarray  # log P(feature | language), features x columns
    pc: np.ndarray  # log P(language)
    labels: np.ndarray  # language of each column
    aliases: tuple[tuple[int, int], ...]  # (kept, folded) columns of one language (sr, uz)
    target: np.ndarray  # columns of es, pt, en in that order
    zxx: int  # column of "no linguistic content"


@lru_cache(maxsize=1)
def _model() -> _Model:
    """Load py3langid's bundled model once per process (about 1 s)."""
    try:
        import py3langid
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as err:  # pragma: no cover - py3langid is a core dependency
        raise missing_dependency("py3langid", None, "Language identification") from err
    # The batch scorer reads the model arrays of py3langid 0.4 (one feature per DFA state,
    # deduplicated transition rows); older releases store them differently.
    if not hasattr(LanguageIdentifier, "from_model_file"):  # pragma: no cover
        raise MissingDependency(
            f"Language identification needs py3langid 0.4, found {py3langid.__version__}. "
            'Install it with: pip install "py3langid>=0.4,<0.5"'
        )
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    labels = np.asarray(ident.nb_classes)
    first: dict[str, int] = {}
    aliases = []
    for i, label in enumerate(labels):
        if label in first:
            aliases.append((first[label], i))
        else:
            first[label] = i
    return _Model(
        nextmove=np.frombuffer(ident.tk_nextmove, dtype=f"u{ident.tk_nextmove.itemsize}"),  # a view, not a copy
        rowbase=np.frombuffer(ident.tk_row, dtype=f"u{ident.tk_row.itemsize}").astype(np.int64) << 8,
        output=np.asarray(ident.tk_output, dtype=np.int64),
        ptc=np.asarray(ident.nb_ptc, dtype=np.float32),
        pc=np.asarray(ident.nb_pc, dtype=np.float32),
        labels=labels,
        aliases=tuple(aliases),
        target=np.array([first[lang] for lang in LANGUAGES]),
        zxx=first.get("zxx", -1),
    )


def _encode(text: str) -> bytes:
    # As py3langid does: an all-capitals text is lower-cased, then NFC, then UTF-8.
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")


def langid_logits(texts: Sequence[str]) -> np.ndarray:
    """py3langid's tempered log-scores (texts x model columns) for many texts at once.

    The same numbers as ``LanguageIdentifier(norm_probs=True)``, before its softmax: a softmax
    over all columns is its unrestricted ranking, over es/pt/en columns its ``set_languages``
    result. The DFA walk runs one byte position at a time over the whole batch, and the feature
    counts meet the model in one sparse product, instead of a Python loop per byte of each text.
    """
    import scipy.sparse as sp

    m = _model()
    encoded = [_encode(t) for t in texts]
    n = len(encoded)
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=n)
    if n == 0:
        return np.zeros((0, len(m.labels)), dtype=np.float32)
    order = np.argsort(-lengths, kind="stable")  # longest first: the active texts are a prefix
    sorted_len = lengths[order]
    width = int(sorted_len[0])
    total = int(sorted_len.sum())
    # bytes[k, i] = k-th byte of the i-th longest text (column-major steps are contiguous).
    data = np.zeros((max(width, 1), n), dtype=np.uint8)
    starts = np.concatenate([[0], np.cumsum(sorted_len)[:-1]])
    position = np.arange(total) - np.repeat(starts, sorted_len)
    joined = np.frombuffer(b"".join(encoded[i] for i in order), dtype=np.uint8)
    data[position, np.repeat(np.arange(n), sorted_len)] = joined
    active = np.searchsorted(-sorted_len, -np.arange(width), side="right")  # texts longer than k
    state = np.zeros(n, dtype=np.int64)
    rows, feats = [], []
    for k in range(width):
        a = active[k]
        state[:a] = m.nextmove[m.rowbase[state[:a]] + data[k, :a]]
        emitted = m.output[state[:a]]
        hit = np.flatnonzero(emitted >= 0)
        rows.append(hit)
        feats.append(emitted[hit])
    row_idx = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    feat_idx = np.concatenate(feats) if feats else np.zeros(0, dtype=np.int64)
    counts = sp.csr_matrix((np.ones(len(row_idx), dtype=np.float32), (row_idx, feat_idx)), shape=(n, m.ptc.shape[0]))
    counts.sum_duplicates()
    counts.data = np.log1p(counts.data)
    logits = np.asarray(counts @ m.ptc, dtype=np.float32) + m.pc
    logits[np.diff(counts.indptr) == 0] = 0.0  # no feature at all: uniform, as py3langid
    # py3langid's temperature sqrt(bytes) keeps the softmax calibrated across lengths.
    logits *= (1.0 / np.sqrt(np.maximum(sorted_len, 1)))[:, None].astype(np.float32)
    back = np.empty(n, dtype=np.int64)
    back[order] = np.arange(n)
    return logits[back]


def _softmax(z: np.ndarray) -> np.ndarray:
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def langid_probs(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(unrestricted probabilities per model column with aliases folded, es/pt/en probabilities)."""
    m = _model()
    z = langid_logits(texts)
    full = _softmax(z)
    for kept, folded in m.aliases:
        full[:, kept] += full[:, folded]
        full[:, folded] = 0.0
    return full, _softmax(z[:, m.target])


# --- the short-text lexicon ----------------------------------------------------------------
#
# py3langid is trained on sentences and documents; on two or three words its byte n-grams
# barely separate Spanish from Portuguese ("De acordo" ranks Romanian first, "Sim" has no
# feature at all). A few function words and spellings settle most such cases: they are
# frequent, short, and each belongs to one of the three languages (or rules one out). Weights
# are log-evidence in nats, added to py3langid's es/pt/en log-probabilities for short texts;
# 2.5 says "about 12 times likelier in this language". They encode general knowledge of the
# languages (closed word classes, very frequent verbs, spelling rules), not a list of phrases.

_ES, _PT, _EN = 0, 1, 2


def _weights(es: float = 0.0, pt: float = 0.0, en: float = 0.0) -> np.ndarray:
    weight = np.array([es, pt, en], dtype=np.float64)
    weight.flags.writeable = False
    return weight


def _build_lexicon(entries: Sequence[tuple[np.ndarray, str]]) -> dict[str, np.ndarray]:
    lexicon: dict[str, np.ndarray] = {}
    for weight, words in entries:
        for word in words.split():
            if word in lexicon:
                raise ValueError(f"the language lexicon lists {word!r} twice")
            lexicon[word] = weight
    return lexicon


_LEXICON = _build_lexicon(
    [
        # Spanish: articles, pronouns, prepositions, adverbs and frequent verbs with no
        # Portuguese or English twin.
        (_weights(es=2.0), "el la los las del al en con un es su sus mi mis lo le les ni sino según ha"),
        (
            _weights(es=2.5),
            "y una unas unos yo ella ellas ellos él eso esto esos esas ese aquello aquí así ahora hoy "
            "hay estoy soy fue fueron sean tiene tienen tener tenemos hacer hace puede pueden "
            "podría podrían debe deben debería deberían deberia deberian creo creemos bien bueno buena "
            "buenos buenas buen hasta mejor mejores más donde dónde cuando cuándo cómo qué cuál poco "
            "poca ley leyes apoyo necesita necesitamos necesario necesaria todavía",
        ),
        (
            _weights(es=3.0),
            "muy mucho mucha muchos muchas usted ustedes nosotros nuestro nuestra nuestros nuestras "
            "también tambien gracias acuerdo siempre entonces quien quién quienes sí año años asi "
            "felicitaciones hola",
        ),
        (_weights(es=1.5), "sin si sólo óptimo óptima"),
        (_weights(es=1.0), "solo"),
        (_weights(es=2.0, en=1.0), "sea"),
        # Portuguese.
        (_weights(pt=2.0), "o os na nas ao aos à às e ter lei leis ideia apoio"),
        # Spanish typed without ñ writes año as "ano".
        (_weights(pt=1.0), "ano anos"),
        (
            _weights(pt=2.5),
            "um uma umas uns eu ele ela eles elas isso isto esse essa esses essas aquilo seu sua seus "
            "suas com em mais sem até já só há tem têm temos fazer deve devem deveria deveriam pode "
            "podem poderia acordo melhor melhores onde quando pouco pouca pelo pela pelos pelas nós "
            "sempre bem bom boa boas bons gostaria gosto",
        ),
        (
            _weights(pt=3.0),
            "não nao você voce vocês é são estou também tambem muito muita muitos muitas "
            "obrigado obrigada acho concordo discordo concordamos acredito acreditamos então entao "
            "ainda assim agora hoje quem nosso nossa nossos nossas meu minha foi sim ótimo ótima otimo "
            "otima parabéns parabens olá",
        ),
        (_weights(pt=1.5), "aqui precisa precisamos preciso"),
        # Portuguese "but", and Spanish "más" typed without its accent.
        (_weights(es=1.0, pt=1.0), "mas"),
        (_weights(es=0.5, pt=1.5), "da"),
        (_weights(es=1.0, pt=1.5), "dos"),
        # English.
        (
            _weights(en=2.0),
            "on in at by or an be it all here too must so my from just only other many much been "
            "had did out up than then into over because some any who which how why when where",
        ),
        # Also the Roman numeral that opens list items in any language.
        (_weights(en=1.0), "i"),
        (
            _weights(en=2.5),
            "of to is are was were for we our will can does has more people support like also but not if well need needs make totally",
        ),
        (
            _weights(en=3.0),
            "the and this that these those with it's i'm you your they their them should would could "
            "have don't doesn't what there about agree disagree good great very fully strongly think "
            "better yes thanks thank please hello hi",
        ),
        # Shared by two languages: evidence against the third.
        (
            _weights(es=1.0, pt=1.0),
            "de que para por se nos este esta estas está estamos excelente importante totalmente "
            "plenamente parece como cada todo toda todos todas entre sobre desde",
        ),
        # Negation in Spanish, "in the" in Portuguese: frequent in both, rarer in English.
        (_weights(es=1.3, pt=1.0), "no"),
        (_weights(es=1.0, en=1.0), "idea son"),
        (_weights(pt=1.5, en=1.5), "as do"),
    ]
)

# Spellings inside a word that is not in _LEXICON; each counts once per word.
_SPELLINGS: tuple[tuple[re.Pattern[str], np.ndarray], ...] = tuple(
    (re.compile(pattern), weight)
    for pattern, weight in (
        # Portuguese: nasal vowels, cedilla, circumflex, nh/lh, -ável where Spanish writes -able,
        # accented -ório/-ário where Spanish writes -orio/-ario, -logia where Spanish writes -logía.
        (r"[ãõ]", _weights(pt=2.5)),
        (r"ç", _weights(pt=2.5)),
        (r"[êôâ]", _weights(pt=1.5)),
        # Spanish has nh only after a prefix (inherente, anhelo, enhorabuena).
        (r"..nh", _weights(pt=1.5)),
        (r"lh", _weights(pt=2.0)),
        (r"[áíó]vel$|veis$", _weights(pt=2.5)),
        (r"[óá]ri[oa]s?$", _weights(pt=2.0)),
        (r"(?:log|nom|erg|graf)ias?$", _weights(pt=1.0)),
        (r"ei", _weights(pt=1.0)),
        (r"ou", _weights(pt=1.0, en=1.0)),
        (r"ss", _weights(pt=0.7, en=0.7)),
        (r"m$", _weights(pt=1.0, en=0.7)),
        # Spanish: ñ, -ción, -dad/-tad (plural -dades is Portuguese too), -ener (pt -er), -ble
        # (pt -vel), -encia (pt -ência), -ón, -ía, ue/ie diphthongs where Portuguese has o/e, ll,
        # pronouns joined to an infinitive (Portuguese hyphenates them).
        (r"ñ", _weights(es=3.0)),
        (r"ci[oó]n$|ciones$|si[oó]n$|siones$", _weights(es=3.0)),
        (r"[dt]ad$", _weights(es=2.5)),
        (r"ener$", _weights(es=1.5)),
        (r"bles?$", _weights(es=1.0, en=1.0)),
        (r"[ae]ncias?$", _weights(es=1.0)),
        (r"ón$", _weights(es=1.5)),
        (r"ías?$", _weights(es=1.5)),
        (r"[^qg]ue(?!d$).", _weights(es=1.5, en=0.5)),
        (r"ie(?!nt)", _weights(es=1.0)),
        (r"ll", _weights(es=1.5, en=1.0)),
        (r"y", _weights(es=1.0, en=1.0)),
        (r"rse$", _weights(es=1.5, en=1.0)),
        (r"r(?:l[oa]s?|les?|nos)$", _weights(es=2.0)),
        # English: th, w, k, sh, -ing, -tion, -ly, ee/oo, contractions.
        (r"th", _weights(en=2.0)),
        (r"w", _weights(en=2.0)),
        (r"k", _weights(en=1.5)),
        (r"sh", _weights(en=1.5)),
        (r"ing$", _weights(en=2.0)),
        (r"tions?$", _weights(en=2.5)),
        (r"ly$", _weights(en=1.5)),
        (r"ee|oo", _weights(en=1.0)),
        (r"'(?:s|t|re|ll|ve|m|d)$", _weights(en=2.5)),
    )
)
_I_SOUND = re.compile(r"h?i(?!e)")
_SHARED_ES_PT = _weights(es=1.0, pt=1.0)
# One long word should not outweigh the rest of the text.
_MAX_WORD_EVIDENCE = 3.5
# Inverted marks open Spanish questions and exclamations only.
_SPANISH_MARKS = re.compile(r"[¿¡]")


@lru_cache(maxsize=100_000)
def _word_evidence(word: str) -> np.ndarray:
    found = _LEXICON.get(word)
    if found is not None:
        return found
    total = np.zeros(3)
    for pattern, weight in _SPELLINGS:
        if pattern.search(word):
            total += weight
    total = np.minimum(total, _MAX_WORD_EVIDENCE)
    total.flags.writeable = False
    return total


def lexicon_evidence(text: str) -> np.ndarray:
    """Log-evidence (nats) for es, pt, en from function words and spellings."""
    total = np.zeros(3)
    words = [word.replace("’", "'") for word in _WORD.findall(text.casefold())]
    for k, word in enumerate(words):
        if word == "e" and k + 1 < len(words) and _I_SOUND.match(words[k + 1]):
            # Spanish writes "y" as "e" before an i sound ("justo e igualitario").
            total += _SHARED_ES_PT
        else:
            total += _word_evidence(word)
    if _SPANISH_MARKS.search(text):
        total[_ES] += 3.0
    return total


# --- the decision --------------------------------------------------------------------------


def _prepare(text: str) -> str:
    """The part of a text that speaks for its language: NFC, no URLs, e-mails or @handles,
    at most MAX_CHARS characters, lower case when mostly written in capitals."""
    text = unicodedata.normalize("NFC", text[: MAX_CHARS * 2])
    if "@" in text or "://" in text or "www." in text:
        text = _URL_OR_EMAIL.sub(" ", text)
    if len(text) > MAX_CHARS:
        cut = text.rfind(" ", 0, MAX_CHARS)
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    text = " ".join(text.split())
    # "EL ESTADO DEBE gARANTIZAR": py3langid's byte n-grams were learnt from ordinary case.
    head = text[:_COUNT_CHARS]
    if _UPPER_PAIR.search(head) and len(_UPPER.findall(head)) > len(_LOWER.findall(head)):
        text = text.lower()
    return text


def _count_letters(text: str) -> tuple[int, int]:
    """(letters, letters outside the Latin script), counted on a prefix when that settles it."""
    head = text[:_COUNT_CHARS]
    letters = sum(map(len, _LETTERS.findall(head)))
    if letters < OTHER_MIN_LETTERS and len(text) > _COUNT_CHARS:
        head = text
        letters = sum(map(len, _LETTERS.findall(head)))
    if head.isascii() or max(head) < "\u0250":  # nothing beyond Latin Extended-B
        return letters, 0
    return letters, sum(map(len, _NON_LATIN_LETTERS.findall(head)))


def detect_languages(
    texts: Sequence[str],
    *,
    languages: Sequence[str] = LANGUAGES,
    min_letters: int = 2,
    min_confidence: float = 0.5,
    prior: Mapping[str, float] | None = None,
    other_language: str | None = None,
) -> tuple[list[str], list[float]]:
    """Tag each text es, pt, en, other or und, with a confidence in [0, 1].

    - ``und``: fewer than ``min_letters`` letters (none at all: emoji, punctuation, digits),
      text without linguistic content ("xxxxxxxx"), or a text whose best language stays below
      ``min_confidence``. Its confidence is that best probability (0.0 without letters).
    - ``other``: mostly non-Latin script, or a language outside es/pt/en wins py3langid's
      unrestricted ranking with probability ``OTHER_MIN_PROB`` on a text of at least
      ``OTHER_MIN_LETTERS`` letters. Its confidence is the probability mass outside es/pt/en.
    - ``es``/``pt``/``en``: py3langid restricted to these three, plus the lexicon for texts of
      ``SHORT_MAX_WORDS`` words or fewer. Its confidence is that language's probability.

    ``languages`` names the languages the caller analyses; it is validated but does not bias
    detection, which always separates es, pt and en. ``prior`` (es/pt/en -> share, e.g. the
    consultation's own language mix, see ``file_prior``) is added to the es/pt/en decision as log
    prior probabilities: a short "Autoexplicativo" in a 99%-Spanish file is Spanish. Its ``other`` share, with
    ``other_language`` (the py3langid code most of those texts are in), makes a short text in that language ``other``.
    """
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise ValueError(f"languages must be a non-empty subset of {', '.join(LANGUAGES)}; got {list(languages)}")
    if min_letters < 0:
        raise ValueError(f"min_letters must be >= 0; got {min_letters}")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1; got {min_confidence}")

    n = len(texts)
    labels = np.full(n, UNDETERMINED, dtype=object)
    scores = np.zeros(n, dtype=np.float64)
    prepared = [_prepare(t) if isinstance(t, str) else "" for t in texts]
    counts = np.array([_count_letters(t) for t in prepared], dtype=np.int64).reshape(n, 2)
    letters, latin = counts[:, 0], counts[:, 0] - counts[:, 1]
    enough = letters >= max(min_letters, 1)
    non_latin = enough & (latin * 2 < letters)
    labels[non_latin] = OTHER
    scores[non_latin] = 1.0 - latin[non_latin] / letters[non_latin]
    m = _model()
    todo = np.flatnonzero(enough & ~non_latin)
    for start in range(0, len(todo), BATCH_SIZE):
        rows = todo[start : start + BATCH_SIZE]
        batch = [prepared[i] for i in rows]
        full, restricted = langid_probs(batch)
        evidence = np.zeros((len(rows), 3))
        for j, text in enumerate(batch):
            if len(text.split()) <= SHORT_MAX_WORDS:
                evidence[j] = lexicon_evidence(text)
        # Lexicon evidence and py3langid are combined as independent log-likelihoods, both in
        # the es/pt/en decision and in the unrestricted ranking that decides "other".
        log_full = np.log(np.maximum(full, 1e-30))
        log_full[:, m.target] += evidence
        full = _softmax(log_full)
        top = full.argmax(axis=1)
        top_prob = full[np.arange(len(rows)), top]
        log_prior = np.log([max(float((prior or {}).get(lang, 1.0)), PRIOR_FLOOR) for lang in LANGUAGES]) if prior else 0.0
        probs = _softmax(np.log(np.maximum(restricted, 1e-30)) + evidence + log_prior)
        best = probs.argmax(axis=1)
        confidence = probs[np.arange(len(rows)), best]
        chosen = np.where(confidence >= min_confidence, np.asarray(LANGUAGES, dtype=object)[best], UNDETERMINED)
        no_content = (top == m.zxx) & (top_prob >= 0.5)
        other = ~np.isin(top, m.target) & ~no_content & (top_prob >= OTHER_MIN_PROB) & (latin[rows] >= OTHER_MIN_LETTERS)
        if prior and OTHER in prior and other_language:
            posterior = _other_posterior(full, m, prior[OTHER], other_language)
            other |= ~no_content & (latin[rows] >= OTHER_PRIOR_MIN_LETTERS) & (posterior >= OTHER_MIN_PROB)
        labels[rows] = np.where(other, OTHER, np.where(no_content, UNDETERMINED, chosen))
        scores[rows] = np.where(other, 1.0 - full[:, m.target].sum(axis=1), np.where(no_content, 0.0, confidence))
    return labels.tolist(), np.round(scores, 4).tolist()


def _other_posterior(full: np.ndarray, m: _Model, share: float, code: str) -> np.ndarray:
    """The probability that each text is in the consultation's own language ``code`` outside es/pt/en, when ``share`` of
    its clear texts are in it: py3langid's probability of ``code`` against its mass on es/pt/en, weighed by those odds
    (kept within ``PRIOR_FLOOR`` of 0 and 1). That language, not any: a keyboard mash spreads its probability over many,
    and "Lower tech and appropriate tech before high tech" (English 0.95, Nigerian Pidgin 0.04) stays English."""
    target = full[:, m.target].sum(axis=1)
    outside = full[:, m.labels == code].sum(axis=1)
    p = min(max(share, PRIOR_FLOOR), 1.0 - PRIOR_FLOOR)
    return outside * p / np.maximum(outside * p + target * (1.0 - p), 1e-30)


def best_outside(texts: Sequence[str]) -> list[str]:
    """py3langid's likeliest language of each text outside es, pt and en and "no content" ("de", "zh"), for the report."""
    if not texts:
        return []
    m, full = _model(), langid_probs([_prepare(t) for t in texts])[0].copy()
    full[:, [*m.target, *([m.zxx] if m.zxx >= 0 else [])]] = -1.0
    return [str(m.labels[i]) if full[j, i] > 0 else "" for j, i in enumerate(full.argmax(axis=1))]
