"""The agenda as Markdown, for GitHub issues, chat and notes.

Every value from a record crosses ``md_text``, this output's one escaping
boundary: the text shows literally on GitHub (and in any CommonMark
renderer), whatever it holds. Besides Markdown and HTML, GitHub gives a
meaning to plain text: ``@name`` notifies that person, ``#12``,
``GH-12`` and ``owner/repo#12`` link (and cross-reference) issues, and bare
``www.`` and ``http://`` addresses become links. ``md_text`` breaks each of these with an
invisible zero-width space, so a record can neither notify anyone nor add a
link; the only links in the output are the ones this module makes to the
published site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime

from afterview.agenda import Item
from afterview.wording import moment, relative

ZWSP = "\u200b"
# Bidirectional controls reorder the text around them.
_BIDI = frozenset(
    chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
# CommonMark lets a backslash escape any ASCII punctuation; these are the ones
# Markdown, GFM tables, strikethrough, autolinks or HTML give a meaning to.
_ESCAPE = {ord(c): "\\" + c for c in "\\`*_{}[]()<>#+-.!|~^=:&$%\"'/"}
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)(:|\.)")
_MENTION = re.compile(r"([@#])")
_GH_REF = re.compile(r"(?i)\b(gh)(-)(?=\d)")  # GH-12: GitHub's other issue reference


def md_text(value: object) -> str:
    """Record text as inline Markdown that GitHub shows literally, on one line.

    Controls and bidirectional controls are dropped, whitespace collapses to
    single spaces, every Markdown/HTML special is backslash-escaped, and
    mentions (``@``), issue references (``#``, ``GH-``) and autolinks
    (``http:``, ``www.``) are broken with a zero-width space after ``@``/``#``
    or before the ``-``/``:``/``.``.
    """
    text = " ".join(str(value).split())
    text = "".join(
        c for c in text if c not in _BIDI and unicodedata.category(c) not in ("Cc", "Cs")
    )
    text = _AUTOLINK.sub(lambda m: m.group(1) + ZWSP + m.group(2), text)
    text = _MENTION.sub(lambda m: m.group(1) + ZWSP, text)
    text = _GH_REF.sub(lambda m: m.group(1) + ZWSP + m.group(2), text)
    return text.translate(_ESCAPE)


def _due(item: Item, now: datetime, with_relative: bool) -> str:
    if item.due is None:
        return "no due date"
    local = item.due.astimezone(now.tzinfo)
    if (local.hour, local.minute, local.second) == (23, 59, 59):  # due by the end of a day
        text = f"{moment(local.date())}, end of day"
    else:
        text = moment(local)
    if with_relative:
        text += f" ({relative(item.due, now)})"
    return f"**overdue** since {text}" if item.overdue and not with_relative else text


def _table(
    items: list[Item], now: datetime, link: Callable[[Item], str | None], with_relative: bool
) -> list[str]:
    lines = ["| Company | Role | Action | Due |", "|---|---|---|---|"]
    for item in items:
        company = md_text(item.company)
        url = link(item)
        if url:
            company = f"[{company}](<{url}>)"
        due = _due(item, now, with_relative)
        lines.append(f"| {company} | {md_text(item.role)} | {md_text(item.detail)} | {due} |")
    return lines


def sections(items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Overdue, coming up and (if any) no due date, in that order, each non-empty."""
    groups = (
        ("Overdue", [i for i in items if i.overdue]),
        ("Coming up", [i for i in items if not i.overdue and i.due is not None]),
        ("No due date", [i for i in items if i.due is None]),
    )
    return [(title, group) for title, group in groups if group]


def window(days: int) -> str:
    """``the next 7 days``, ``the next day``."""
    return "the next day" if days == 1 else f"the next {days} days"


def render_markdown(
    items: list[Item],
    now: datetime,
    days: int,
    link: Callable[[Item], str | None] | None = None,
    with_relative: bool = True,
    heading: str = "##",
) -> str:
    """The agenda as Markdown: a summary line, then a table per section.

    ``link`` gives the URL of an item's page on the published site (or None);
    ``with_relative`` adds "in 4 hours" / "overdue by 1 day", which changes
    with every run (``notify`` leaves it out so that its issue body only
    changes when the agenda does).
    """
    overdue = sum(1 for i in items if i.overdue)
    noun = "item" if len(items) == 1 else "items"
    head = f"**{len(items)} {noun}, {overdue} overdue** in {window(days)}"
    # The moment changes with every run: left out with the relative times (see above).
    lines = [f"{head} from {moment(now)}." if with_relative else f"{head}.", ""]
    if not items:
        lines += [f"Nothing overdue and nothing due in {window(days)}.", ""]
    for title, group in sections(items):
        table = _table(group, now, link or _no_link, with_relative)
        lines += [f"{heading} {title}", "", *table, ""]
    return "\n".join(lines)


def _no_link(item: Item) -> None:
    return None
