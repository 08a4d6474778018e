"""The parser's syntax errors in plain words, with the fix, at the place to fix."""

from __future__ import annotations

import re

import yaml

from afterview.loader.base import Problem, too_deep
from afterview.loader.scanner import COMMENT_NO_SPACE, TAB_AFTER_BLOCK, TAB_INDENT

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,59}")


def _quoted(value: str) -> str:
    """The text as a YAML quoted value (single quotes if it holds a double quote)."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _shown(line: str) -> str:
    """A line of the user's file as quoted in a message: trimmed, at most 80 characters."""
    line = line.strip()
    return line if len(line) <= 80 else line[:79] + "…"


def _levels(lines: list[str], row: int) -> list[tuple[int, int]]:
    """The indentation levels open at a line: (column, line), both 0-based, innermost first.

    Each earlier line indented less than those after it opens a level; a '- '
    item also opens one where its content starts.
    """
    found: list[tuple[int, int]] = []
    limit: int | None = None
    for i in range(row - 1, -1, -1):
        line = lines[i].rstrip("\r")
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        column = len(line) - len(body)
        if limit is not None and column >= limit:
            continue
        inner = [column]
        while body.startswith("- "):
            rest = body[1:].lstrip(" ")
            column += len(body) - len(rest)
            body = rest
            inner.append(column)
        found.extend((c, i) for c in reversed(inner) if limit is None or c < limit)
        limit = inner[0]
        if limit == 0:
            break
    return found


def _indentation(lines: list[str], row: int, column: int) -> str:
    """Why a line's indentation does not fit, naming the columns that would."""
    levels = _levels(lines, row)
    before = [lv for lv in levels if lv[0] < column]
    after = [lv for lv in levels if lv[0] > column]
    options = []
    if before:
        col, line = max(before)
        options.append(f"column {col + 1} (like line {line + 1})")
    if after:
        col, line = min(after)
        options.append(f"column {col + 1} (like line {line + 1})")
    where = " or ".join(options) if options else "the column of the lines it belongs with"
    return (
        f"the indentation is wrong: this line starts at column {column + 1}, which lines up"
        f" with no line above it; YAML reads nesting from the spaces at the start of each line,"
        f" so indent it to {where}"
    )


def _colon(lines: list[str], row: int, column: int) -> str:
    """An unquoted ': ' in a value (or a key indented too far): the fix, on the user's line."""
    line = lines[row].rstrip("\r")
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    head = line[indent:column]
    if _KEY.fullmatch(head) and ": " not in head:
        levels = _levels(lines, row)
        if levels:
            col, above = levels[0]
            return (
                f"'{head}:' is indented more than line {above + 1}, so YAML reads it as part"
                f" of the value on that line; start it at column {col + 1}, like line {above + 1}"
            )
    start = indent
    while body.startswith("- "):
        rest = body[1:].lstrip(" ")
        start += len(body) - len(rest)
        body = rest
    sep = body.find(": ")
    if 0 < sep < column - start and _KEY.fullmatch(body[:sep]):
        key, value = body[:sep], body[sep + 2 :].strip()
        fixed = line[: start + sep + 2].lstrip() + _quoted(value)
        what = f"the value of '{key}'"
    else:
        fixed = line[:start].lstrip() + _quoted(body.strip())
        what = "this text"
    return (
        f"{what} contains ': ', which YAML reads as the start of a new key; put the value in"
        f" quotes: {_shown(fixed)}"
    )


def explain(e: yaml.MarkedYAMLError, text: str) -> Problem:
    """The parser's error in plain words, with the fix, at the place to fix."""
    mark = e.problem_mark or e.context_mark
    problem = (e.problem or "not valid YAML").strip()
    context = (e.context or "").strip()
    if mark is None:  # pragma: no cover - both parsers mark their errors
        return Problem(f"not valid YAML: {problem}")
    lines = text.split("\n")
    row, column = mark.line, mark.column
    line_text = lines[row] if row < len(lines) else ""
    before = line_text[:column]
    if problem == TAB_INDENT:
        return Problem(
            "a tab is used for indentation here; YAML indents with spaces only:"
            " replace the tab with spaces",
            mark,
        )
    if problem == TAB_AFTER_BLOCK:
        start = e.context_mark.line + 1 if e.context_mark else row
        return Problem(
            f"this line starts with a tab, which ends the block of text that begins on line"
            f" {start}: start each line of the block with its spaces (a tab may follow them),"
            " or leave the line empty",
            mark,
        )
    if problem == COMMENT_NO_SPACE:
        return Problem(f"{COMMENT_NO_SPACE}: write ' #' to start a comment", mark)
    if "mapping values are not allowed" in problem:
        return Problem(_colon(lines, row, column), mark)
    if "quoted scalar" in context and ("end of stream" in problem or "separator" in problem):
        opened = e.context_mark or mark
        quote = lines[opened.line][opened.column : opened.column + 1] or '"'
        inside = '\\"' if quote == '"' else quote * 2
        return Problem(
            f"the quote {quote} that starts this value is never closed: end the value with"
            f" {quote} (write a {quote} inside it as {inside})",
            opened,
        )
    if "flow sequence" in context or "flow mapping" in context:
        opened = e.context_mark or mark
        close, kind, lines_hint = (
            ("]", "list", "use '- ' items")
            if "sequence" in context
            else ("}", "mapping", "write one 'key: value' per line")
        )
        if opened.line != row or "<stream end>" in problem or "end of stream" in problem:
            return Problem(
                f"the '{'[' if close == ']' else '{'}' here is never closed: end the {kind}"
                f" with '{close}' on this line (for a {kind} over several lines, {lines_hint}"
                " instead)",
                opened,
            )
        return Problem(
            f"expected ',' or '{close}' here: separate the entries with commas, and put text"
            " holding ', ' or ': ' in quotes",
            mark,
        )
    block_end = "expected <block end>" in problem or problem in (
        "did not find expected key",
        "did not find expected '-' indicator",
    )
    if block_end and not before.strip(" "):
        return Problem(_indentation(lines, row, column), mark)
    if block_end and before.rstrip()[-1:] in ("'", '"'):
        body = before.lstrip(" ")
        sep = body.find(": ")
        key = body[: sep + 2] if sep > 0 else ""
        value = line_text[len(line_text) - len(line_text.lstrip(" ")) + len(key) :].strip()
        return Problem(
            "text follows the closing quote; put the whole value in quotes:"
            f" {_shown(key + _quoted(value))}",
            mark,
        )
    if "could not find expected ':'" in problem:
        if len(line_text) > 1024:
            problem = (
                "a key, or a line read as one, is longer than 1024 characters, the most"
                " YAML allows for a plain key; shorten it or put the value in quotes"
            )
            return Problem(f"not valid YAML: {problem}", mark)
        opened = e.context_mark or mark
        return Problem(
            "this line has no ':' after its key; in a mapping each line is 'key: value'."
            " If it continues the text above, indent it more than that text's key",
            opened,
        )
    if ("\\t" in problem or line_text[column : column + 1] == "\t") and not before.strip(" "):
        return Problem(
            "a tab is used for indentation here; YAML indents with spaces only:"
            " replace the tab with spaces",
            mark,
        )
    if "control characters" in problem or "special characters" in problem:
        problem += " (the file contains a control character such as NUL)"
    elif "expected ':'" in problem and len(line_text) > 1024:
        problem = (
            "a key, or a line read as one, is longer than 1024 characters, the most"
            " YAML allows for a plain key; shorten it or put the value in quotes"
        )
    elif "maximum nesting depth" in problem:  # libyaml's own limit (1,000 flow levels)
        return too_deep(mark)
    shown = f" ({context})" if context and context != problem else ""
    return Problem(f"not valid YAML: {problem}{shown}", mark)
