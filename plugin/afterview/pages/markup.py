"""Record text into Markdown safely: one escaping helper for every page.

Text from a record is user data, never markup. ``esc`` turns it into inline
content that Markdown and HTML both show as the literal text: the HTML
specials and every character Markdown or its extensions (attr_list,
admonition, tables, Jinja-like braces) give a meaning to become numeric
character references. Links are made only by this module, and only for the
schemes in ``SAFE_SCHEMES``.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

SAFE_SCHEMES = ("http", "https", "mailto", "tel")

# & first in spirit: every listed character is replaced in one pass.
_SPECIAL = "&<>\"'`*_[](){}|!#\\~^+-=:.$%@"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_SPACE = re.compile(r"\s+")
_URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""


def _literal(text: str) -> str:
    collapsed = _SPACE.sub(" ", text)
    return "".join(ch for ch in collapsed if ch >= " ").translate(_TABLE)


def esc(text: object) -> str:
    """Inline Markdown that shows text literally, on one line."""
    return _literal(str(text)).strip()


_PLAIN = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "\\": "＼", "`": "ʼ"})


def plain(text: object) -> str:
    """Text with no character HTML gives a meaning to, for places that unescape.

    A page title goes through the theme's ``striptags`` filter, which turns
    entities back into characters, so titles use look-alike characters instead.
    """
    return esc_free(str(text)).translate(_PLAIN)


def esc_free(text: str) -> str:
    return "".join(ch for ch in _SPACE.sub(" ", text) if ch >= " ").strip()


def front_matter(title: str) -> str:
    """A YAML front matter block setting the page title (made ``plain``)."""
    return f'---\ntitle: "{plain(title)}"\n---\n\n'


def esc_block(text: object) -> str:
    """Paragraphs of literal text: blank lines split paragraphs, lines end with <br>."""
    paragraphs = re.split(r"\n\s*\n", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for para in paragraphs:
        lines = [rich(line) for line in para.split("\n") if line.strip()]
        if lines:
            out.append("<br>\n".join(lines))
    return "\n\n".join(out)


def safe_url(url: str) -> str | None:
    """The URL if its scheme is http, https, mailto or tel, else None."""
    scheme, sep, _rest = url.strip().partition(":")
    if not sep or scheme.lower() not in SAFE_SCHEMES:
        return None
    return url.strip()


def link(label: str, url: str) -> str:
    """An inline HTML link to a safe URL (label already escaped), else the label."""
    target = safe_url(url)
    if target is None:
        return label
    return f'<a href="{html.escape(target, quote=True)}" rel="nofollow noopener">{label}</a>'


def rich(text: object) -> str:
    """Like ``esc``, but http(s) and mailto URLs in the text become links."""
    s = str(text)
    out, last = [], 0
    for m in _URL.finditer(s):
        url = m.group(0).rstrip(_TRAILING)
        out.append(_literal(s[last : m.start()]))
        out.append(link(_literal(url), url))
        last = m.start() + len(url)
    out.append(_literal(s[last:]))
    return "".join(out).strip()


def mailto(email: str) -> str:
    """A mailto link showing the address."""
    return link(esc(email), "mailto:" + quote(email.strip(), safe="@.+-_"))


def tel(phone: str) -> str:
    """A tel link showing the number as written."""
    digits = re.sub(r"[^0-9+]", "", phone)
    return link(esc(phone), "tel:" + digits) if digits.strip("+") else esc(phone)


@lru_cache(maxsize=8192)  # pages link to the same checks and records again and again
def rel(from_page: str, to_page: str) -> str:
    """The relative Markdown link from one page's source path to another's.

    Percent-encoded: a page's path comes from a record's file name, which must
    not end the link or give it a scheme (``x) [y](javascript:alert(1).yaml``).
    """
    return quote(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."), safe="/")


def cell(text: str) -> str:
    """Already-safe Markdown for a table cell (no line breaks, no bare pipes)."""
    return text.replace("\n", " ").replace("|", "&#124;")


def indent(text: str, spaces: int = 4) -> str:
    """Indent every non-empty line (content of an admonition or list item)."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def span(text: str, cls: str, sort: str | None = None) -> str:
    """Inline HTML span around already-safe text, with an optional sort key."""
    key = f' data-sort="{html.escape(sort, quote=True)}"' if sort is not None else ""
    return f'<span class="{cls}"{key}>{text}</span>'
