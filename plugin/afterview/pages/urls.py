"""Which URLs a page may link to, and how an href is written (pure text, no Md).

Used only by ``pages/markup.py``, the one escaping boundary, which turns a safe URL
into a link.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

SAFE_SCHEMES = ("http", "https", "mailto", "tel")

# RFC 3986 characters allowed in a linked URL after its scheme and host.
_URI_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=%"
)
_LABEL = re.compile(r"[^\W_]([\w-]*[^\W_])?\Z")
_PORT = re.compile(r"[0-9]{1,5}\Z")
# One plain address: no "%" (an encoded "," or "@" would make it two), no quotes.
MAIL = re.compile(r"[A-Za-z0-9._+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}\Z")
_TEL = re.compile(r"\+?[0-9][0-9().-]*\Z")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _host(text: str) -> bool:
    """True for a host name (letters, digits, inner hyphens) with an optional port."""
    name, colon, port = text.partition(":")
    if colon and not _PORT.match(port):
        return False
    labels = name.removesuffix(".").split(".")
    return len(name) <= 253 and all(_LABEL.match(label) for label in labels)


def _uri_text(text: str) -> bool:
    """True when every character may stand in a URL (non-ASCII letters and digits too)."""
    return not _PERCENT.search(text) and all(
        ch in _URI_CHARS or (not ch.isascii() and unicodedata.category(ch)[0] in "LNM")
        for ch in text
    )


def safe_url(url: str) -> str | None:
    """The URL when it is one whole http, https, mailto or tel URL, else None.

    Whole: ``http(s)://host[:port]`` with no user part, then only URL
    characters; ``mailto:`` one plain address and an optional query; ``tel:`` a number.
    """
    url = url.strip()
    scheme, sep, rest = url.partition(":")
    scheme = scheme.lower()
    if not sep or scheme not in SAFE_SCHEMES or not rest:
        return None
    if scheme in ("http", "https"):
        if not rest.startswith("//"):
            return None
        where = re.search(r"[/?#]", rest[2:])
        cut = 2 + where.start() if where else len(rest)
        if not _host(rest[2:cut]) or not _uri_text(rest[cut:]):
            return None
        return url
    if scheme == "mailto":
        address, _q, query = rest.partition("?")
        if not MAIL.match(address) or not _uri_text(query):
            return None
        return url
    return url if _TEL.match(rest) else None


def href(url: str) -> str:
    """An attribute value Markdown cannot read: percent-encoded, then character references."""
    encoded = quote(url, safe="".join(sorted(_URI_CHARS)))
    return "".join(ch if ch.isalnum() else f"&#{ord(ch)};" for ch in encoded)


def without_query(url: str) -> str:
    """A mail link from a record's text as its address alone: no ``?cc=``, ``&bcc=``,
    ``&to=`` or ``&body=`` from a record reaches the mail client."""
    scheme, _sep, rest = url.partition(":")
    if scheme.lower() != "mailto":
        return url
    return "mailto:" + rest.partition("?")[0]
