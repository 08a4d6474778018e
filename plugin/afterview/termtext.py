"""Markdown as plain terminal text, for the subset the rules' docstrings use.

- ``# Heading`` / ``## Heading``: an uppercase line (``WHAT IT DOES``), as in
  man pages;
- paragraphs: joined and wrapped to the width, words never broken;
- ``- item`` and ``1. item`` lists: wrapped with a hanging indent;
- fenced code blocks: indented four spaces, never wrapped, fences dropped;
- inline ``code``, ``**bold**`` and ``*emphasis*`` lose their markers;
  ``[text](url)`` reads ``text (url)``.

The input is the program's own documentation, not record data; nothing here
escapes.
"""

from __future__ import annotations

import re
import textwrap

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^(\s*)(```|~~~)")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def inline(text: str) -> str:
    """Inline Markdown without its markers: code, strong, emphasis; links as ``text (url)``."""
    parts = re.split(r"(`[^`]+`)", text)  # leave code spans untouched by the other rules
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(part[1:-1])
            continue
        part = _LINK.sub(lambda m: f"{m[1]} ({m[2]})", part)
        part = _STRONG.sub(lambda m: m[1] or m[2], part)
        part = _EMPHASIS.sub(r"\1", part)
        out.append(part)
    return "".join(out)


def render(markdown: str, width: int = 80) -> str:
    """The Markdown as wrapped plain text, blocks separated by one blank line."""
    blocks: list[list[str]] = []
    lines = markdown.splitlines()
    i = 0
    paragraph: list[str] = []

    def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
        return textwrap.wrap(
            text,
            width,
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [first.rstrip()]

    def flush() -> None:
        if paragraph:
            blocks.append(wrap(inline(" ".join(x.strip() for x in paragraph))))
            paragraph.clear()

    items: list[str] = []
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker, body = fence.group(2), []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(marker):
                body.append(lines[i])
                i += 1
            i += 1  # the closing fence
            code = textwrap.dedent("\n".join(body)).splitlines()
            blocks.append([("    " + x).rstrip() for x in code])
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append([inline(heading.group(2)).upper()])
        elif not line.strip():
            flush()
        elif (item := _ITEM.match(line)) and not paragraph:
            # A list: each item with a hanging indent; continuation lines join their item.
            bullet = item.group(2)
            items = [item.group(3)]
            marks = [bullet]
            i += 1
            while i < len(lines) and lines[i].strip():
                nxt = _ITEM.match(lines[i])
                if nxt:
                    items.append(nxt.group(3))
                    marks.append(nxt.group(2))
                else:
                    items[-1] += " " + lines[i].strip()
                i += 1
            block: list[str] = []
            for mark, text in zip(marks, items, strict=True):
                head = f"  {'•' if mark in '-*+' else mark} "
                block += wrap(inline(text), head, " " * len(head))
            blocks.append(block)
            continue
        else:
            paragraph.append(line)
        i += 1
    flush()
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"
