"""Who someone is online: social handles, profile links, platform mentions, and personal values in links.

* ``@usuario`` handles and the ``@nickname`` mentions Decidim and Consul
  exports keep in comment bodies, plus Decidim's stored form
  ``gid://<org>/Decidim::User/123``;
* links to a person's profile on the social networks people cite
  (``instagram.com/juan.perez``, ``linkedin.com/in/...``, ``wa.me/55...``);
* the value of a link's query parameter whose name says it is personal
  (``?nombre=Juan+Perez&email=...``): the kind follows the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consultnlp.privacy.name_lists import fold, load_gazetteer

__all__ = ["find_handles", "find_url_values"]

# "@" not preceded by a word character (that is an e-mail) and a handle with at least one letter.
# Not after a letter in any script: "niñ@s", "l@s" write both genders, not a handle.
_HANDLE = r"@(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])"  # "@" and the handle
_HANDLE_RE = re.compile(rf"(?<![\w.@/%+-]){_HANDLE}")
# A handle written right after the platform's name, with nothing between ("YouTube@waldirdupont", Plano Clima 2024): the
# name's letters would otherwise make it look like the middle of a word or an e-mail (which needs a dotted domain).
_GLUED_HANDLE_RE = re.compile(
    rf"(?i)(?<![\w.])(?:youtube|instagram|insta|ig|tiktok|twitter|facebook|fb|threads|kwai|linkedin|telegram|twitch):?({_HANDLE})"
)
# CSS in an HTML report the final gate scans: "@media", "@font-face" are not people.
_CSS_AT_RULES = frozenset(
    "media font-face font import page keyframes supports charset namespace layer container property counter-style viewport document".split()
)
_GID_RE = re.compile(r"gid://[\w.-]+/Decidim::(?:User|UserGroup)/\d+")
_SOCIAL = (
    r"(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|twitter\.com|x\.com|tiktok\.com|"
    r"threads\.net|linkedin\.com|youtube\.com|pinterest\.com|flickr\.com|github\.com|gitlab\.com|"
    r"medium\.com|substack\.com|vimeo\.com|soundcloud\.com|behance\.net|t\.me|telegram\.me|wa\.me|"
    r"api\.whatsapp\.com|bsky\.app|mastodon\.social|linktr\.ee)"
)
_PROFILE_RE = re.compile(
    rf"(?<![\w.@-])(?:https?://)?(?:(?:www|m|mobile|web|[a-z]{{2}})\.)?{_SOCIAL}(?:\.[a-z]{{2}})?/"
    r"(?P<path>[^\s<>\"'()\[\]{},;]+)",
    re.IGNORECASE,
)
# Paths on those sites that are not a person: videos, hashtags, searches, help pages.
_NOT_PROFILE = re.compile(
    r"(?i)(?:watch|playlist|results|hashtag|explore|search|help|about|legal|policies|privacy|terms|shorts/|embed/"
    r"|events?/|groups?/|pages?/|company/|school/|jobs/|feed/|reel/|p/)"
)

_URL_RE = re.compile(r"https?://[^\s<>\"']+|www\.[^\s<>\"']+", re.IGNORECASE)
_PARAM_RE = re.compile(r"[?&;](?P<key>[\w.\[\]-]+)=(?P<value>[^&#;\s<>\"']+)")
# Parameter names in es/pt/en and the kind their value is.
_PARAM_KINDS = {
    "NAME": (
        "name",
        "nombre",
        "nome",
        "nombres",
        "apellido",
        "apellidos",
        "sobrenome",
        "first_name",
        "last_name",
        "firstname",
        "lastname",
        "fname",
        "lname",
        "full_name",
        "fullname",
        "nombre_completo",
        "nome_completo",
        "author",
        "autor",
        "contact_name",
    ),
    "EMAIL": ("email", "e-mail", "mail", "correo", "e_mail", "email_address", "emailaddress"),
    "PHONE": ("phone", "tel", "telefono", "teléfono", "telefone", "celular", "cel", "mobile", "whatsapp", "fono"),
    "HANDLE": ("user", "username", "usuario", "usuário", "login", "uid", "user_id", "userid", "nick", "nickname"),
}
_KIND_OF = {key: kind for kind, keys in _PARAM_KINDS.items() for key in keys}


def find_handles(text: str) -> Iterator[tuple[int, int]]:
    """Spans of handles, platform mentions and links to a person's social profile."""
    if "@" in text:
        gaz = load_gazetteer()
        for m in _HANDLE_RE.finditer(text):
            # "@home", "@work": an everyday word after "@" is shorthand for "at"; "@maria" is still a handle.
            word = m.group()[1:].casefold()
            if word in _CSS_AT_RULES or (word in gaz.words and fold(word) not in gaz.given and fold(word) not in gaz.surnames):
                continue
            yield m.start(), m.end()
        for m in _GLUED_HANDLE_RE.finditer(text):
            yield m.start(1), m.end(1)
    if "gid://" in text:
        for m in _GID_RE.finditer(text):
            yield m.start(), m.end()
    if "/" in text:
        for m in _PROFILE_RE.finditer(text):
            path = m.group("path").rstrip(".")
            if path and not _NOT_PROFILE.match(path) and re.search(r"[A-Za-z0-9]", path):
                yield m.start(), m.start("path") + len(path)


def find_url_values(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, kind)`` of personal values in links' query strings (``?email=...&nombre=...``)."""
    if "=" not in text:
        return
    for url in _URL_RE.finditer(text):
        for m in _PARAM_RE.finditer(url.group()):
            kind = _KIND_OF.get(m.group("key").lower().strip("[]"))
            if kind is not None:
                yield url.start() + m.start("value"), url.start() + m.end("value"), kind
