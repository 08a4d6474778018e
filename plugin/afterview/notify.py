"""Keep one open GitHub issue listing what is overdue and due soon, through ``gh``.

GitHub notifies a repository's watchers of a new issue and of each comment,
not of an edit; so the issue is the nudge:

- something is due and no issue of ours is open: ``gh issue create``;
- the open issue's body differs from the agenda: ``gh issue edit`` (silent),
  plus ``gh issue comment`` naming what became overdue or newly due since the
  last body (no comment when items only went away);
- nothing is due: ``gh issue close`` with a short comment;
- several of our issues open (two runs raced, or one was reopened): the
  newest is kept and the others are closed with a comment pointing at it.

"Our" issues are the open ones labelled ``afterview`` whose body starts
with ``MARKER`` (as every body written here does); an issue someone else
labelled ``afterview`` is never edited or closed, even one that quotes the
marker further down (a bug report pasting a body, say). Record text cannot
write the marker or the state comment: it crosses ``md_text``, which escapes
``<``, ``!`` and ``-``. The body ends with a hidden list of the items it shows (hashed ids
and overdue/due), which is how the next run knows what is new.

Nothing here prints or exits; ``afterview.commands.notify`` does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from afterview.agenda import Item
from afterview.agenda_markdown import md_text, render_markdown, window
from afterview.wording import moment

LABEL = "afterview"
TITLE = "Afterview: interview steps due"
MARKER = "<!-- afterview-notify -->"
MAX_ITEMS = 100  # GitHub caps an issue body at 65,536 characters
_STATE = re.compile(r"<!-- afterview-state: ([0-9a-f:od ]*) -->")
LIST_ARGS = ["issue", "list", "--label", LABEL, "--state", "open"]
LIST_ARGS += ["--json", "number,title,body,url"]

Runner = Callable[[Sequence[str]], str]


class GhError(Exception):
    """``gh`` is missing, failed, or answered something unexpected."""


def run_gh(args: Sequence[str]) -> str:
    """Run ``gh ARGS`` and return its standard output; GhError if it cannot or fails."""
    exe = shutil.which("gh")
    if exe is None:
        raise GhError(
            "the `gh` command (GitHub CLI) was not found on PATH; install it"
            " (https://cli.github.com) and authenticate it with GH_TOKEN or `gh auth login`"
        )
    try:
        proc = subprocess.run(
            [exe, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
    except OSError as e:
        raise GhError(f"`gh` could not be run: {e.strerror or e}") from None
    except subprocess.TimeoutExpired:
        raise GhError(f"`gh {' '.join(args[:2])}` did not answer within 120 seconds") from None
    if proc.returncode != 0:
        said = [line for line in proc.stderr.splitlines() if line.strip()]
        reason = _printable(said[-1]) if said else "no message"
        raise GhError(
            f"`gh {' '.join(args[:2])}` failed with exit status {proc.returncode}: {reason}"
        )
    return proc.stdout


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)[:500]


@dataclass(frozen=True)
class OpenIssue:
    number: int
    title: str
    body: str
    url: str


def is_ours(body: str) -> bool:
    """Whether an issue body was written by notify: it starts with the marker."""
    return body.lstrip("\ufeff \t\r\n").startswith(MARKER)


def open_issues(run: Runner) -> list[OpenIssue]:
    """The open issues labelled ``afterview`` (``gh issue list ... --json``).

    Anything but a list of objects with a positive integer ``number`` and text
    ``title``, ``url`` and ``body`` (or no body) is refused: a GhError.
    """
    out = run(LIST_ARGS)
    try:
        data: Any = json.loads(out, parse_constant=_refuse, parse_float=_refuse)
    except (ValueError, RecursionError) as e:
        raise _odd(f"not JSON ({str(e)[:80]})") from None
    if not isinstance(data, list):
        raise _odd(f"a JSON {type(data).__name__}, not a list")
    return [_issue(i) for i in data]


def _refuse(text: str) -> object:
    raise ValueError(f"the number {text[:20]} is not a whole number")


def _odd(what: str) -> GhError:
    return GhError(f"`gh issue list` answered something that is not a list of issues: {what}")


def _issue(data: object) -> OpenIssue:
    """One issue of the list, as asked for, else a GhError."""
    if not isinstance(data, dict):
        raise _odd(f"an item is a {type(data).__name__}")
    number = positive(data.get("number"))
    if number is None:
        raise _odd(f"an issue's number is {_printable(repr(data.get('number')))[:40]}")
    body = data.get("body")
    fields = (data.get("title"), data.get("url"), "" if body is None else body)
    if not all(isinstance(v, str) for v in fields):
        raise _odd("an issue's title, url or body is not text")
    title, url, text = (str(v) for v in fields)
    return OpenIssue(number, title, text, url)


def positive(number: object) -> int | None:
    """The number when it is a positive integer GitHub could give an issue, else None."""
    if type(number) is int and 0 < number < 2**31:
        return number
    return None


def state(items: Sequence[Item]) -> dict[str, str]:
    """Each item's short id and ``o`` (overdue) or ``d`` (due)."""
    return {item.uid.split("@")[0][:16]: "o" if item.overdue else "d" for item in items}


def read_state(body: str) -> dict[str, str]:
    """The items a body of ours listed (see ``state``); empty for any other body."""
    m = _STATE.search(body)
    if m is None:
        return {}
    pairs = (p.split(":", 1) for p in m.group(1).split() if ":" in p)
    return {k: v for k, v in pairs}


def news(previous: dict[str, str], items: Sequence[Item]) -> list[Item]:
    """The items that became overdue, or newly due, since the body that held ``previous``."""
    now = state(items)
    return [
        item
        for item, (key, flag) in zip(items, now.items(), strict=True)
        if previous.get(key) != flag and (flag == "o" or key not in previous)
    ]


@dataclass(frozen=True)
class Site:
    """Where the site is published and what it publishes (from mkdocs.yml)."""

    url: str  # http(s), e.g. https://me.github.io/playbook/
    status_page: str = "status.md"
    directory_urls: bool = True
    calendar: bool = True
    pages: dict[str, str] = field(default_factory=dict)  # record path -> its page's source

    def page(self, src: str) -> str:
        """The published URL of a generated page (``interviews/x.md``), percent-encoded."""
        stem = src[: -len(".md")] if src.endswith(".md") else src
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")].rstrip("/")
            path = f"{stem}/" if stem else ""
        else:
            path = f"{stem}/" if self.directory_urls else f"{stem}.html"
        return self.url.rstrip("/") + "/" + quote(path, safe="/")

    def link(self, item: Item) -> str | None:
        """The URL of the item's interview page, if the record has one."""
        src = self.pages.get(item.path)
        return self.page(src) if src else None


def issue_body(items: Sequence[Item], now: datetime, days: int, site: Site | None = None) -> str:
    """The issue's Markdown: the agenda (without "in 4 hours", so it changes only with it)."""
    shown = list(items[:MAX_ITEMS])
    lines = [MARKER, ""]
    if site is not None:
        status = f"The [status page](<{site.page(site.status_page)}>) shows every interview."
        if site.calendar:
            feed = site.url.rstrip("/") + "/agenda.ics"
            status += f" The [calendar feed](<{feed}>) has these deadlines, with alarms."
        lines += [status, ""]
    link = site.link if site is not None else None
    lines.append(render_markdown(shown, now, days, link, with_relative=False, heading="###"))
    if len(items) > len(shown):
        lines += [f"And {len(items) - len(shown)} more: see `afterview agenda`.", ""]
    lines += [
        "Kept up to date by `afterview notify`: it edits this issue when the agenda"
        " changes, comments when something becomes due or overdue, and closes it"
        " when nothing is.",
        "",
        "<!-- afterview-state: " + " ".join(f"{k}:{v}" for k, v in state(items).items()) + " -->",
    ]
    return "\n".join(lines) + "\n"


def comment_body(new: Sequence[Item], now: datetime) -> str:
    """A short comment naming what became overdue or newly due."""
    lines = []
    for item in new[:20]:
        assert item.due is not None
        kind = "Now overdue" if item.overdue else "Due"
        lines.append(
            f"- **{kind}:** {md_text(item.detail)} · {md_text(item.company)}"
            f" · {md_text(item.role)} · {moment(item.due, now.tzinfo)}"
        )
    if len(new) > 20:
        lines.append(f"- and {len(new) - 20} more (see the issue)")
    return "Since the last update:\n\n" + "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Outcome:
    """What ``sync`` did: created, updated, unchanged, closed or nothing (to do)."""

    action: str
    number: int | None = None
    url: str | None = None
    commented: bool = False
    closed_duplicates: tuple[int, ...] = ()


@contextmanager
def _body_file(text: str) -> Iterator[str]:
    fd, name = tempfile.mkstemp(prefix="afterview-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        yield name
    finally:
        Path(name).unlink(missing_ok=True)


def _same(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def sync(
    items: Sequence[Item],
    now: datetime,
    days: int,
    run: Runner = run_gh,
    site: Site | None = None,
) -> Outcome:
    """Make the one open ``afterview`` issue match the items (those with a due time)."""
    items = [i for i in items if i.due is not None]
    ours = sorted(
        (i for i in open_issues(run) if is_ours(i.body)), key=lambda i: i.number, reverse=True
    )
    keep = ours[0] if ours else None
    for dup in ours[1:]:
        assert keep is not None
        note = f"Closed: `afterview notify` keeps one issue open, #{keep.number}."
        run(["issue", "close", str(dup.number), "--comment", note])
    dups = tuple(d.number for d in ours[1:])
    if not items:
        if keep is None:
            return Outcome("nothing", closed_duplicates=dups)
        note = f"Nothing is overdue or due in {window(days)}. Closed by `afterview notify`."
        run(["issue", "close", str(keep.number), "--comment", note])
        return Outcome("closed", keep.number, keep.url, closed_duplicates=dups)
    body = issue_body(items, now, days, site)
    if keep is None:
        with _body_file(body) as path:
            out = run(["issue", "create", "--title", TITLE, "--label", LABEL, "--body-file", path])
        url = out.strip().splitlines()[-1] if out.strip() else None
        number = _number(url)
        return Outcome("created", number, url, closed_duplicates=dups)
    if _same(keep.body, body):
        return Outcome("unchanged", keep.number, keep.url, closed_duplicates=dups)
    with _body_file(body) as path:
        run(["issue", "edit", str(keep.number), "--body-file", path])
    new = news(read_state(keep.body), items)
    if new:
        with _body_file(comment_body(new, now)) as path:
            run(["issue", "comment", str(keep.number), "--body-file", path])
    return Outcome("updated", keep.number, keep.url, bool(new), dups)


def _number(url: str | None) -> int | None:
    m = re.search(r"/issues/(\d{1,10})\s*$", url or "")
    return positive(int(m.group(1))) if m else None
