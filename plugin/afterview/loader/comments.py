"""Comments that cut a value short: ``1200 W Fulton Market #400, Chicago``.

YAML ends an unquoted (plain) value at the first ``#`` that follows a space or
tab, and drops the rest of the line as a comment, so ``#400, Chicago`` is lost
without a word. A comment is taken as meant, and not reported, when it is set
off the way the templates and the format page write comments: two or more
spaces (or a tab) before the ``#``, and a space, a tab or the end of the line
after it (``duration: 60  # minutes``). Any other comment on the line of a
plain text value is reported (rule ``comment-cuts-value``; README, "Choices
where the spec is silent"). Values that are not text (numbers, ``true``,
empty) are never reported: quoting them with the comment would not make a
valid value either.
"""

from __future__ import annotations

from afterview.loader.base import Mark

_BLANK = " \t"
_AFTER_MEANT = ("", " ", "\t", "\n", "\r")


def looks_meant(gap: str, after: str) -> bool:
    """True for a comment set off as one: ``gap`` before its '#', ``after`` the character next."""
    return (len(gap) >= 2 or "\t" in gap) and after in _AFTER_MEANT


def cut_comment(text: str, end: int, line: int, column: int) -> Mark | None:
    """Where a comment cuts a plain value that ends at ``text[end]``, unless it looks meant.

    ``line`` and ``column`` (0-based) are where the value ends; the result is the
    1-based line and column of the '#'. Only the blanks right after the value
    are read, so the whole text is scanned at most once across all values.
    """
    at = end
    while at < len(text) and text[at] in _BLANK:
        at += 1
    if at == end or text[at : at + 1] != "#":
        return None
    if looks_meant(text[end:at], text[at + 1 : at + 2]):
        return None
    return (line + 1, column + (at - end) + 1)
