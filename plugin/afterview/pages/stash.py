"""Finished blocks kept out of a page's Markdown and put back into its HTML.

The MkDocs plugin's pages would otherwise ask Python-Markdown to parse every
finished HTML block (the drawings, and the tables the site search does not
need) tag by tag, and Material's search plugin to parse it again
(benchmarks/README.md). ``BlockStash.keep`` (the ``keep_block`` hook of
``build_pages``) stores each block and gives an HTML comment in its place, so
the generated page's Markdown, which MkDocs keeps in memory for the whole
build, holds only the placeholder; Markdown and the search index pass over a
comment. ``restore`` puts the blocks into the built HTML and drops them; the
plugin puts a searchable block back earlier (``restore_searchable``), into the
page's HTML before the search indexes it, but still after Markdown. A long
block is kept deflated until then: a build of 500 records holds megabytes of
them.

A placeholder names the stash's random token, made per build, and the
block's number; only ``keep`` makes one. The token is letters only, so that
no text transform reads it as a number or a phone number. Record text cannot forge one: it
reaches a page only through ``markup`` (``<`` becomes a character
reference), and without the token ``restore`` would not match it anyway.
"""

from __future__ import annotations

import re
import secrets
import zlib

from afterview.pages.markup import Md, md

_LETTERS = str.maketrans("0123456789", "ghijklmnop")  # a token's hex digits as letters
_DEFLATE = 2048  # characters from which a kept block is deflated (short ones cost more)


def _text(kept: str | bytes | None) -> str:
    """A kept block as text again; nothing for a block not (or no longer) kept."""
    if isinstance(kept, bytes):
        return zlib.decompress(kept).decode("utf-8")
    return kept or ""


class BlockStash:
    """The finished blocks of one build, each kept until a page holding it is restored."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token if token is not None else secrets.token_hex(16).translate(_LETTERS)
        if not re.fullmatch(r"[a-p]{16,}", self.token):
            raise ValueError("a stash token is 16 or more of the letters a to p")
        self._kept: dict[int, str | bytes] = {}  # a long block deflated (_DEFLATE)
        self._count = 0
        self._pages: dict[str, list[int]] = {}  # page -> the blocks its text holds (note)
        self._searchable: set[int] = set()  # blocks the site search should see
        self._placeholder = re.compile(rf"<!--afterview-block {self.token} ([0-9]+)-->")

    def keep(self, block: Md, searchable: bool = False) -> Md:
        """Store the block; its placeholder, an HTML comment, goes in the page instead.
        Blocks kept before and placed in this one (a drawing in a figure) go in with it.
        A ``searchable`` block is put back early, by ``restore_searchable``."""
        (text,) = self.restore(str(block)) if self._placeholder.search(block) else (block,)
        self._count += 1
        long = len(text) >= _DEFLATE
        self._kept[self._count] = zlib.compress(text.encode("utf-8"), 1) if long else str(text)
        if searchable:
            self._searchable.add(self._count)
        return md("<!--afterview-block {} {}-->", self.token, self._count)

    def restore_searchable(self, text: str) -> str:
        """The text with the searchable blocks put back (the others stay placeholders),
        for the site search to index them; those blocks are then dropped."""

        def put_back(m: re.Match[str]) -> str:
            n = int(m.group(1))
            if n not in self._searchable:
                return m.group(0)
            self._searchable.discard(n)
            return _text(self._kept.pop(n, None))

        return self._placeholder.sub(put_back, text)

    def restore(self, *texts: str) -> tuple[str, ...]:
        """Each text with this stash's placeholders replaced by their blocks; the blocks
        used are then dropped (a placeholder seen again becomes nothing)."""
        used: dict[int, str] = {}

        def put_back(m: re.Match[str]) -> str:
            n = int(m.group(1))
            if n not in used:
                used[n] = _text(self._kept.get(n))
            return used[n]

        out = tuple(self._placeholder.sub(put_back, t) for t in texts)
        for n in used:
            self._kept.pop(n, None)
        return out

    def note(self, page: str, text: str) -> None:
        """Remember which blocks the page's text holds, for ``left``."""
        self._pages[page] = [int(n) for n in self._placeholder.findall(text)]

    def left(self, page: str) -> int:
        """How many of the page's blocks (``note``) were not put back; the page and
        those blocks are then forgotten."""
        missing = [n for n in self._pages.pop(page, ()) if n in self._kept]
        for n in missing:
            del self._kept[n]
        return len(missing)

    def __len__(self) -> int:
        """How many blocks are still kept."""
        return len(self._kept)
