"""Record text into Markdown: the one escaping boundary of every generated page.

Design. A page is assembled from ``Md`` fragments: Markdown that is safe as it
stands. Only this module makes ``Md`` (its constructor wants a key the module
keeps), and every way of making one escapes record text:

* ``esc(value)``: text shown literally. Every character Markdown, its
  extensions or HTML give a meaning to becomes a numeric character reference,
  control characters go, and a value that could turn the text around it
  (right-to-left letters, bidi controls) is isolated in ``<bdi>``.
* ``rich(value)``: like ``esc``, and a word that is a whole ``http``,
  ``https``, ``mailto`` or ``tel`` URL becomes a link, made as one unit: the
  URL is percent-encoded and then written as character references, so neither
  Markdown nor HTML can read syntax inside it. ``block(value)``: paragraphs.
* ``md(template, *args)``: fixed Markdown written in the code (a string
  literal, by convention and by a test) with its ``{}`` fields filled; an
  argument that is not ``Md`` goes through ``esc``.
* ``link``, ``page_link``, ``mailto``, ``tel``, ``span``, ``cell``
  and ``front_matter`` take and give ``Md``; ``paragraphs``, ``bullets``,
  ``admonition`` and ``collapsible`` give finished HTML blocks.

The fragments are HTML as well as Markdown: ``esc`` writes character
references, ``rich``, ``link`` and ``span`` write HTML elements, and
``page_link`` writes an ``<a>`` whose ``href`` is the finished relative URL
of the other page (``page_href``: MkDocs does not rewrite links inside raw
HTML, so the URL is worked out here, in the style ``url_style`` sets). So
the same fragments fill the cells of the HTML tables (pages.cards), which
MkDocs passes through as they are, without parsing them again as Markdown.
* ``drawing(svg)``: an SVG drawing the timeline module assembled as a plain
  string from literal markup, numbers and ``svg_text`` values (escaped once,
  there). It is checked, not trusted: only the drawing elements and attributes
  the timelines use, and no ``<``, ``>`` or ``&`` outside them but character
  references, else ``ValueError``.
* ``set_aside(block, searchable)``: a finished block (a drawing, a table, the
  body of a section). Within ``blocks_set_aside(keep)`` it goes to ``keep``
  and the page gets what that returns instead (a placeholder; pages.stash,
  for the MkDocs plugin); otherwise it stays in the page.

Joining follows the same rule: ``Md + str``, ``str + Md``, ``Md.join`` and
``page(lines)`` escape every plain ``str``. So record text can reach a page
only escaped: a value put in with an f-string makes a plain ``str``, which
``page`` escapes whole (the page then shows the Markdown as text: visibly
wrong, never live). tests/test_pages_markup.py checks that the page modules
call ``md`` only with literal templates and never construct ``Md``.

Page titles cannot use character references (the theme's ``striptags`` turns
them back into characters), so ``plain`` uses look-alike characters instead
and strips controls and bidi controls.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import LiteralString, SupportsIndex
from urllib.parse import quote

from afterview.pages.urls import MAIL, href, safe_url, without_query

_KEY = object()


class Md(str):
    """Markdown that is safe to put in a page as it stands; only this module makes it."""

    __slots__ = ()

    def __new__(cls, text: str, key: object = None) -> Md:
        if key is not _KEY:
            raise TypeError("Md is made by afterview.pages.markup only (use md, esc or rich)")
        return super().__new__(cls, text)

    def __add__(self, other: object) -> Md:
        return _make(str.__add__(str(self), as_md(other)))

    def __radd__(self, other: object) -> Md:
        return _make(str.__add__(str(as_md(other)), self))

    def __mul__(self, times: SupportsIndex) -> Md:
        return _make(str.__mul__(self, times))

    def join(self, items: Iterable[object]) -> Md:
        return _make(str(self).join(as_md(x) for x in items))


def _make(text: str) -> Md:
    return str.__new__(Md, text)  # the module's own way past the key check


def as_md(value: object) -> Md:
    """The value itself when it is already ``Md``, else the value escaped (``esc``)."""
    return value if isinstance(value, Md) else esc(value)


def md(template: LiteralString, *args: object, **kwargs: object) -> Md:
    """Fixed Markdown from the code with its ``{}`` fields filled by escaped values."""
    if not args and not kwargs and "{" not in template and "}" not in template:
        return _make(template)  # nothing to fill (format would return it unchanged)
    return _make(
        template.format(*(as_md(a) for a in args), **{k: as_md(v) for k, v in kwargs.items()})
    )


def page(lines: Iterable[object]) -> str:
    """A page's Markdown from its lines; a line that is not ``Md`` is escaped."""
    return "\n".join(as_md(line) for line in lines)


# --- literal text ------------------------------------------------------------------------------

# Every listed character is replaced by its character reference, in one pass.
_SPECIAL = "&<>\"'`*_[](){}|!#\\~^+-=:.$%@"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_SPACE = re.compile(r"\s+")
# Bidi classes that can reorder the text around a value that is not isolated.
_BIDI_ISOLATE = frozenset(
    ("R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
)
# Explicit bidi formatting characters and marks, stripped from titles.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _clean(text: str) -> str:
    """One line: white space runs as one space, controls dropped, lone surrogates replaced."""
    collapsed = _SPACE.sub(" ", text)
    if collapsed.isprintable():
        return collapsed.strip()
    out = []
    for ch in collapsed:
        kind = unicodedata.category(ch)
        if kind == "Cc":
            continue
        out.append("\ufffd" if kind == "Cs" else ch)
    return "".join(out).strip()


def _needs_isolation(text: str) -> bool:
    return not text.isascii() and any(unicodedata.bidirectional(ch) in _BIDI_ISOLATE for ch in text)


def _isolated(text: str, escaped: str) -> Md:
    return _make(f"<bdi>{escaped}</bdi>" if _needs_isolation(text) else escaped)


def esc(value: object) -> Md:
    """Inline Markdown that shows the value literally, on one line."""
    if type(value) is str:
        return _esc_text(value)
    text = _clean(str(value))
    return _isolated(text, text.translate(_TABLE))


@lru_cache(maxsize=4096)  # the same words, dates and ids are escaped again and again
def _esc_text(value: str) -> Md:
    text = _clean(value)
    return _isolated(text, text.translate(_TABLE))


_PLAIN = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "\\": "＼", "`": "ʼ"})


_NO_BIDI: dict[int, str | None] = dict.fromkeys(map(ord, _BIDI_CONTROLS))


def esc_free(text: str) -> str:
    """One line of text with controls and bidi controls removed (not escaped)."""
    return _clean(text).translate(_NO_BIDI).strip()


def plain(text: object) -> str:
    """Text with no character HTML gives a meaning to, for places that unescape.

    A page title goes through the theme's ``striptags`` filter, which turns
    entities back into characters, so titles use look-alike characters instead.
    Bidi controls and control characters are removed: a title cannot be isolated.
    """
    return esc_free(str(text)).translate(_PLAIN)


def front_matter(title: str) -> Md:
    """A YAML front matter block setting the page title (made ``plain``)."""
    return _make(f'---\ntitle: "{plain(title)}"\n---\n\n')


# --- URLs ----------------------------------------------------------------------------------------

_OPENERS = "(<[\"'"
_CLOSERS = ">]\"'.,;:!?"


def link(label: Md | str, url: str) -> Md:
    """An inline HTML link to a whole safe URL (see ``safe_url``), else just the label."""
    label = as_md(label)
    target = safe_url(url)
    if target is None:
        return label
    return _make(f'<a href="{href(target)}" rel="nofollow noopener">{label}</a>')


def _split_word(word: str) -> tuple[str, str, str]:
    """A word as (opening punctuation, the rest, closing punctuation)."""
    start = 0
    while start < len(word) and word[start] in _OPENERS:
        start += 1
    end = len(word)
    while end > start:
        ch = word[end - 1]
        if ch in _CLOSERS or (
            ch == ")" and word.count("(", start, end) < word.count(")", start, end)
        ):
            end -= 1
        else:
            break
    return word[:start], word[start:end], word[end:]


def rich(value: object) -> Md:
    """Like ``esc``, but a word that is a whole http(s), mailto or tel URL becomes a link
    (a mailto link to its one address, its query dropped).

    A word is what lies between spaces, less opening brackets and quotes and
    closing punctuation; anything else in it (Markdown, HTML, a second URL)
    leaves it plain text.
    """
    text = _clean(str(value))
    if ":" not in text:
        return _isolated(text, text.translate(_TABLE))
    words = []
    for word in text.split(" "):
        before, core, after = _split_word(word)
        if safe_url(core) is not None:
            label = _make(core.translate(_TABLE))
            linked = link(label, without_query(core))
            words.append(f"{before.translate(_TABLE)}{linked}{after.translate(_TABLE)}")
        else:
            words.append(word.translate(_TABLE))
    return _isolated(text, " ".join(words))


def block(value: object) -> Md:
    """Paragraphs of ``rich`` text: blank lines split paragraphs, lines end with <br>."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for para in re.split(r"\n\s*\n", text):
        lines = [rich(line) for line in para.split("\n") if line.strip()]
        if lines:
            out.append("<br>\n".join(lines))
    return _make("\n\n".join(out))


esc_block = block


def paragraphs(value: object) -> Md:
    """``block`` as finished HTML: each paragraph a ``<p>``, its lines ending with ``<br>``."""
    parts = str(block(value)).split("\n\n")
    return _make("\n".join(f"<p>{p}</p>" for p in parts if p))


def admonition(kind: str, title: object, body: Md) -> Md:
    """A ``!!! kind "title"`` box as finished HTML, as Python-Markdown writes one; the
    body is HTML (``paragraphs``, ``md("<p>{}</p>", ...)``)."""
    return md('<div class="admonition {}">\n<p class="admonition-title">{}</p>\n{}\n</div>',
              attribute(kind), title, body)  # fmt: skip


def collapsible(kind: str, summary: object, body: Md) -> Md:
    """A closed ``??? kind "summary"`` box as finished HTML, as pymdownx.details writes
    one; the body is HTML."""
    return md('<details class="{}">\n<summary>{}</summary>\n{}\n</details>',
              attribute(kind), summary, body)  # fmt: skip


def bullets(items: Iterable[object]) -> Md:
    """A bulleted list as finished HTML; each item escaped unless ``Md``."""
    return md("<ul>\n{}\n</ul>", md("\n").join(md("<li>{}</li>", x) for x in items))


def mailto(email: str) -> Md:
    """A mailto link showing the address, when it is one address; else the text."""
    address = email.strip()
    if not MAIL.match(address):
        return esc(email)
    return link(esc(email), "mailto:" + address)


_PHONE = re.compile(r"\+?[0-9][0-9 ().\-/]*\Z")


def tel(phone: str) -> Md:
    """A tel link showing the number as written, when it is written as a number only."""
    if not _PHONE.match(phone.strip()):
        return esc(phone)
    return link(esc(phone), "tel:" + re.sub(r"[^0-9+]", "", phone))


# --- links between pages, spans, tables --------------------------------------------------------


def rel(from_page: str, to_page: str) -> Md:
    """The relative Markdown link from one page's source path to another's.

    Percent-encoded: a page's path comes from a record's file name, which must
    not end the link or give it a scheme (``x) [y](javascript:alert(1).yaml``).
    """
    return _rel_from(posixpath.dirname(from_page) or ".", to_page)


@lru_cache(maxsize=1024)  # every interview page links to the same checks and guidance pages
def _rel_from(folder: str, to_page: str) -> Md:
    return _make(quote(relative_path(to_page, folder), safe="/"))


URL_STYLES = ("directory", "flat", "source")
_URL_STYLE: ContextVar[str] = ContextVar("afterview_url_style", default="directory")


@contextmanager
def url_style(style: str) -> Iterator[None]:
    """Within the block, ``page_href`` writes links in this style (``URL_STYLES``).

    ``directory``: MkDocs' URLs with ``use_directory_urls`` on (its default);
    ``flat``: with it off (``a/b.html``); ``source``: the other page's source
    path (``a/b.md``), for generators that resolve links in raw HTML
    themselves, as Zensical does (``afterview render``).
    """
    if style not in URL_STYLES:
        raise ValueError(f"unknown URL style {style!r}")
    token = _URL_STYLE.set(style)
    try:
        yield
    finally:
        _URL_STYLE.reset(token)


def page_url(src: str, directory: bool = True) -> str:
    """The URL, from the site's root, that MkDocs gives the page with this source path.

    ``a/b.md`` is ``a/b/`` (``a/b.html`` without directory URLs); ``a/index.md``
    and ``a/README.md`` are the folder's page, ``a/`` (``a/index.html``).
    """
    stem = src[:-3] if src.endswith(".md") else src
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if directory:
            return folder + "/" if folder else ""
        return posixpath.join(folder, "index.html")
    return stem + "/" if directory else stem + ".html"


def page_href(from_page: str, to_page: str) -> Md:
    """The finished relative URL from one page (source path) to another, percent-encoded.

    What MkDocs makes of a Markdown link ``rel(from_page, to_page)``, for links
    in raw HTML, which MkDocs leaves as they are; in the ``source`` style
    (``url_style``) that link itself.
    """
    style = _URL_STYLE.get()
    if style == "source":
        return rel(from_page, to_page)
    return _href_between(from_page, to_page, style == "directory")


@lru_cache(maxsize=1024)
def _href_between(from_page: str, to_page: str, directory: bool) -> Md:
    here, there = page_url(from_page, directory), page_url(to_page, directory)
    base = (here[:-1] if here.endswith("/") else posixpath.dirname(here)) or "."
    target = (there[:-1] if there.endswith("/") else there) or "."
    url = relative_path(target, base)
    if there.endswith("/") or not there:
        url += "/"
    return _make(quote(url, safe="/"))


def relative_path(target: str, base: str) -> str:
    """``posixpath.relpath(target, base)`` for two relative paths without ``..``, worked
    out from their parts alone (``relpath`` asks the system for the working folder)."""
    to = [p for p in target.split("/") if p not in ("", ".")]
    at = [p for p in base.split("/") if p not in ("", ".")]
    same = 0
    while same < len(to) and same < len(at) and to[same] == at[same]:
        same += 1
    return "/".join([".."] * (len(at) - same) + to[same:]) or "."


def page_link(label: object, from_page: str, to_page: str) -> Md:
    """An HTML link to another page of the site, the label escaped unless ``Md``."""
    return _make(f'<a href="{page_href(from_page, to_page)}">{as_md(label)}</a>')


def cell(text: object) -> Md:
    """Markdown for a table cell: one line, no bare pipes."""
    return _make(as_md(text).replace("\n", " ").replace("|", "&#124;"))


def attribute(value: str) -> Md:
    """An attribute value written by the code (a class list): HTML-escaped, not record text."""
    return _make(html.escape(value, quote=True))


def span(text: object, cls: str, sort: str | None = None) -> Md:
    """Inline HTML span around the (escaped unless ``Md``) text, with an optional sort key."""
    key = f' data-sort="{html.escape(sort, quote=True)}"' if sort is not None else ""
    return _make(f'<span class="{html.escape(cls, quote=True)}"{key}>{as_md(text)}</span>')


_SVG_TABLE = {**_TABLE, **_NO_BIDI}


@lru_cache(maxsize=4096, typed=True)  # a mark's words are in the wide and narrow drawing
def svg_text(value: object) -> Md:
    """Text for an SVG element or attribute (pages.timeline): shown literally, on one line.

    Like ``esc`` but without ``<bdi>``, which SVG does not know: bidi controls
    are dropped and the drawing isolates each value with CSS (``unicode-bidi``).
    """
    return _make(_clean(str(value)).translate(_SVG_TABLE).strip())


_SVG_ELEMENT = "(?:svg|g|title|desc|line|text|circle|path|rect)"
_SVG_ATTRIBUTE = "(?:class|viewBox|width|height|role|xmlns|x|y|x1|y1|x2|y2|cx|cy|r|d)"
_SVG_TAG = re.compile(
    rf'<{_SVG_ELEMENT}(?: {_SVG_ATTRIBUTE}="(?:[^"<>&]|&#[0-9]+;)*")*/?>|</{_SVG_ELEMENT}>'
)
_SVG_LEFT = re.compile(r"[<>]|&(?!#[0-9]+;)")


def drawing(svg: str) -> Md:
    """SVG drawings (pages.timeline) assembled as one plain string, made ``Md`` once.

    The drawing code writes literal markup, numbers and ``svg_text`` values
    (record text escaped there, once) with plain string assembly, which is
    many times cheaper than an ``md`` call per element. The result is checked,
    not trusted: it must be whole ``<svg>`` elements made only of the
    elements and attributes the drawings use, with no ``<``, ``>`` or ``&``
    left outside those tags but character references; else ``ValueError``.
    """
    if not (svg.startswith("<svg ") and svg.endswith("</svg>")) or _SVG_LEFT.search(
        _SVG_TAG.sub("", svg)
    ):
        raise ValueError("not a drawing of the timeline's elements, or text not escaped")
    return set_aside(_make(svg))


Keep = Callable[[Md, bool], Md]  # a block and whether it is searchable -> what goes instead
_KEEP: ContextVar[Keep | None] = ContextVar("afterview_keep_block", default=None)


@contextmanager
def blocks_set_aside(keep: Keep | None) -> Iterator[None]:
    """Within the block, ``set_aside`` hands each finished block to ``keep`` (with
    whether the site search should see it) and gives what it returns instead; with
    ``None`` the blocks stay in the page."""
    token = _KEEP.set(keep)
    try:
        yield
    finally:
        _KEEP.reset(token)


def set_aside(block: Md, searchable: bool = False) -> Md:
    """A finished block of HTML, or what ``blocks_set_aside``'s ``keep`` puts in its place.
    A ``searchable`` block is one the site search should index (pages.stash)."""
    keep = _KEEP.get()
    return block if keep is None else keep(block, searchable)


def clear_caches() -> None:
    """Forget the escaped words and links kept for one build (``build_pages`` calls this
    when done, so that MkDocs gets the memory for its own pages)."""
    for cached in (_esc_text, _rel_from, _href_between, svg_text):
        cached.cache_clear()
