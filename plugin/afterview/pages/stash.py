"""Finished drawings kept out of a page's Markdown and put back into its HTML.

The MkDocs plugin's pages would otherwise ask Python-Markdown to parse every
SVG drawing tag by tag, and Material's search plugin to parse it again
(benchmarks/README.md). ``DrawingStash.keep`` (the ``keep_drawing`` hook of
``build_pages``) stores each checked drawing and gives an HTML comment in its
place. ``inline`` puts the drawings back into a page's Markdown, so that the
generated file is the very Markdown ``afterview render`` writes, and notes
which page holds which; ``set_aside`` swaps them for their placeholders again
just before Markdown runs, which then, like the search index, passes over
a comment; ``restore`` puts them into the built HTML and drops them.

A placeholder names the stash's random token, made per build, and the
drawing's number; only ``keep`` makes one. Record text cannot forge one: it
reaches a page only through ``markup`` (``<`` becomes a character
reference), and without the token ``restore`` would not match it anyway.
"""

from __future__ import annotations

import re
import secrets

from afterview.pages.markup import Md, md


class DrawingStash:
    """The drawings of one build, each kept until the page holding it is restored."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token if token is not None else secrets.token_hex(16)
        if not re.fullmatch(r"[0-9a-f]{16,}", self.token):
            raise ValueError("a stash token is 16 or more lower-case hex digits")
        self._kept: dict[int, str] = {}
        self._count = 0
        self._pages: dict[str, list[int]] = {}  # page -> its drawings' numbers, in order
        self._placeholder = re.compile(rf"<!--afterview-drawing {self.token} ([0-9]+)-->")

    def keep(self, drawn: Md) -> Md:
        """Store the drawing; its placeholder, an HTML comment, goes in the page instead."""
        self._count += 1
        self._kept[self._count] = str(drawn)
        return md("<!--afterview-drawing {} {}-->", self.token, self._count)  # as _placeholder_of

    def _placeholder_of(self, n: int) -> str:
        return f"<!--afterview-drawing {self.token} {n}-->"

    def inline(self, page: str, text: str) -> str:
        """The page's text with its placeholders replaced by their drawings, which
        are noted as this page's (``set_aside``) and kept."""
        numbers: list[int] = []

        def put_in(m: re.Match[str]) -> str:
            n = int(m.group(1))
            numbers.append(n)
            return self._kept.get(n, "")

        out = self._placeholder.sub(put_in, text)
        self._pages[page] = numbers
        return out

    def set_aside(self, page: str, text: str) -> str:
        """The page's text with each of its drawings (``inline``) swapped for its
        placeholder again, in order; a drawing no longer there stays out."""
        for n in self._pages.get(page, ()):
            drawn = self._kept.get(n)
            if drawn is not None:
                text = text.replace(drawn, self._placeholder_of(n), 1)
        return text

    def restore(self, *texts: str) -> tuple[str, ...]:
        """Each text with this stash's placeholders replaced by their drawings; the
        drawings used are then dropped (a placeholder seen again becomes nothing)."""
        used: set[int] = set()

        def put_back(m: re.Match[str]) -> str:
            n = int(m.group(1))
            used.add(n)
            return self._kept.get(n, "")

        out = tuple(self._placeholder.sub(put_back, t) for t in texts)
        for n in used:
            self._kept.pop(n, None)
        return out

    def drop(self, page: str) -> None:
        """Forget the page and its drawings (once it is written)."""
        for n in self._pages.pop(page, ()):
            self._kept.pop(n, None)

    def __len__(self) -> int:
        """How many drawings are still kept."""
        return len(self._kept)
