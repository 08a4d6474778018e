"""Load one record safely, keeping the line and column of every value.

libyaml's parser (``CParser``; PyYAML's pure-Python parser when libyaml is
missing) turns the text into events; this module composes them into plain
data itself, so that:

- no tag ever builds an object (any tag but ``!!str``, ``!!map``, ``!!seq`` is
  refused);
- scalars follow the YAML 1.2 core schema: only ``true``/``false`` are
  booleans, ``yes``/``no``/``on``/``off`` stay text, and dates stay the text
  the user wrote (the program parses them);
- a repeated key is reported (``duplicate-key``) instead of silently kept;
- merge keys (``<<``) are applied, keys written in the mapping winning over
  merged ones, and merged values keep the marks of where they were written;
- size is bounded: at most ``MAX_BYTES`` of text, ``MAX_DEPTH`` levels of
  nesting and ``MAX_VALUES`` values once aliases are expanded, counted as the
  events arrive, so an alias bomb or a huge file is refused at the value
  where the count passes the limit, before anything is expanded;
- control characters, and the three characters libyaml reads as line breaks
  though YAML 1.2 and editors do not (U+0085, U+2028, U+2029), are refused
  where they stand, so that every line:column reported matches the editor's.

``read_file`` opens without blocking (a FIFO named ``x.yaml`` cannot hang
the program), refuses what is not a regular file and reads at most
``MAX_BYTES + 1`` bytes, whatever the file's size.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.parser import Parser as _PyParser
from yaml.reader import Reader as _PyReader
from yaml.scanner import Scanner as _PyScanner
from yaml.scanner import ScannerError

try:  # libyaml when available, else only the pure-Python parser below
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _Parser = None  # type: ignore[assignment,misc]

MAX_BYTES = 1_048_576
MAX_DEPTH = 50
MAX_VALUES = 20_000

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line, column


@dataclass
class LoadProblem:
    """Why a file could not be loaded: a yaml-syntax or duplicate-key finding."""

    rule: str
    line: int
    column: int
    message: str


@dataclass
class Record:
    """A loaded record: plain data plus where each value and key stands."""

    data: dict[str, Any]
    marks: dict[Path_, Mark] = field(default_factory=dict)
    key_marks: dict[Path_, Mark] = field(default_factory=dict)

    def mark(self, path: Path_) -> Mark:
        """Where the value at path starts (the nearest known ancestor, else 1:1)."""
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))

    def key_mark(self, path: Path_) -> Mark:
        """Where the key of path stands, falling back to its value."""
        return self.key_marks.get(path) or self.mark(path)


class _Problem(Exception):
    def __init__(self, message: str, mark: Any = None, rule: str = "yaml-syntax") -> None:
        super().__init__(message)
        self.message = message
        self.line = mark.line + 1 if mark is not None else 1
        self.column = mark.column + 1 if mark is not None else 1
        self.rule = rule


# --- the fallback parser (YAML 1.2's rules for tabs) --------------------------------

_BREAKS = "\r\n\x85\u2028\u2029"
# Problems the fallback scanner raises; ``_syntax`` words them for the user.
TAB_INDENT = "tab used as indentation"
TAB_AFTER_BLOCK = "tab on the line after a block scalar"
COMMENT_NO_SPACE = "a comment needs a space or tab before its '#'"
LATER_LINE = "this line continues the"


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"(?<=\\)(?:u|U0000)[dD][89a-fA-F]")


class _TabScanner(_PyScanner):
    """PyYAML's scanner, with YAML 1.2's rules for tabs.

    A tab is whitespace between tokens, on blank lines and inside scalars, as
    YAML 1.2 says. It is refused only where it would decide indentation: before
    a key, '-' or '?' of a block collection, before a value indented by fewer
    spaces than its parent's level, or at the start of the line that follows a
    block scalar.
    """

    def __init__(self) -> None:
        super().__init__()
        self._tab_mark: Any = None  # first tab in the whitespace before the next token
        self._key_tab: Any = None  # the same, for the saved possible simple key
        self._after_block_scalar = False
        self._block_mark: Any = None  # where the last block scalar ('|' or '>') starts
        self._flow_kinds: list[str] = []  # "seq" or "map" for each open flow collection

    def _tab(self, problem: str, mark: Any) -> ScannerError:
        return ScannerError(None, None, problem, mark)

    def scan_to_next_token(self) -> None:
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        strict = self._after_block_scalar
        self._after_block_scalar = False
        self._tab_mark = None
        lead = None  # spaces before the first tab, when only spaces precede it on its line
        while True:
            ch = self.peek()
            while ch in " \t":
                if ch == "\t" and self._tab_mark is None:
                    if strict:
                        raise ScannerError(
                            "after a block scalar",
                            self._block_mark,
                            TAB_AFTER_BLOCK,
                            self.get_mark(),
                        )
                    self._tab_mark = self.get_mark()
                    start = self.pointer - self.column
                    if not self.buffer[start : self.pointer].strip(" "):
                        lead = self.column
                self.forward()
                ch = self.peek()
            if ch == "#":
                strict = False
                while self.peek() not in "\0" + _BREAKS:
                    self.forward()
            if self.scan_line_break():
                self._tab_mark = None
                lead = None
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                break
        if lead is not None and not self.flow_level and lead <= self.indent and ch != "\0":
            raise self._tab(TAB_INDENT, self._tab_mark)

    def save_possible_simple_key(self) -> None:
        super().save_possible_simple_key()
        if self.allow_simple_key and not self.flow_level:
            self._key_tab = self._tab_mark

    def fetch_block_entry(self) -> None:
        if not self.flow_level and self.allow_simple_key and self._tab_mark is not None:
            raise self._tab(TAB_INDENT, self._tab_mark)
        super().fetch_block_entry()

    def fetch_key(self) -> None:
        if not self.flow_level and self.allow_simple_key and self._tab_mark is not None:
            raise self._tab(TAB_INDENT, self._tab_mark)
        super().fetch_key()

    def fetch_value(self) -> None:
        if not self.flow_level:
            if 0 in self.possible_simple_keys:
                if self._key_tab is not None:
                    raise self._tab(TAB_INDENT, self._key_tab)
            elif self.allow_simple_key and self._tab_mark is not None:
                raise self._tab(TAB_INDENT, self._tab_mark)
        super().fetch_value()

    def scan_block_scalar(self, style: str) -> Any:
        token = super().scan_block_scalar(style)
        self._after_block_scalar = True
        self._block_mark = token.start_mark
        return token

    def scan_block_scalar_indicators(self, start_mark: Any) -> tuple[bool | None, int | None]:
        chomping: bool | None = None
        increment: int | None = None
        for _ in range(2):
            ch = self.peek()
            if ch in "+-" and chomping is None:
                chomping = ch == "+"
            elif ch in "0123456789" and increment is None:
                if ch == "0":
                    raise ScannerError(
                        "while scanning a block scalar",
                        start_mark,
                        "expected indentation indicator in the range 1-9, but found 0",
                        self.get_mark(),
                    )
                increment = int(ch)
            else:
                break
            self.forward()
        ch = self.peek()
        if ch not in "\0 \t" + _BREAKS:
            raise ScannerError(
                "while scanning a block scalar",
                start_mark,
                f"expected chomping or indentation indicators, but found {ch!r}",
                self.get_mark(),
            )
        return chomping, increment

    def scan_block_scalar_ignored_line(self, start_mark: Any) -> None:
        spaced = False
        while self.peek() in " \t":
            spaced = True
            self.forward()
        if self.peek() == "#":
            if not spaced:
                raise ScannerError(
                    "while scanning a block scalar", start_mark, COMMENT_NO_SPACE, self.get_mark()
                )
            while self.peek() not in "\0" + _BREAKS:
                self.forward()
        ch = self.peek()
        if ch not in "\0" + _BREAKS:
            raise ScannerError(
                "while scanning a block scalar",
                start_mark,
                f"expected a comment or a line break, but found {ch!r}",
                self.get_mark(),
            )
        self.scan_line_break()

    def scan_plain_spaces(self, indent: int, start_mark: Any) -> list[str] | None:
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() not in _BREAKS:
            return [whitespaces] if whitespaces else []
        line_break = self.scan_line_break()
        self.allow_simple_key = True
        if self._at_document_marker():
            return None
        breaks = []
        while True:
            ch = self.peek()
            if ch == " ":
                self.forward()
            elif ch == "\t":
                if not self.flow_level and self.column < indent:
                    return None  # a tab in the indentation ends the scalar
                self.forward()
            elif ch in _BREAKS:
                breaks.append(self.scan_line_break())
                if self._at_document_marker():
                    return None
            else:
                break
        chunks = []
        if line_break != "\n":
            chunks.append(line_break)
        elif not breaks:
            chunks.append(" ")
        chunks.extend(breaks)
        return chunks

    def scan_flow_scalar(self, style: str) -> Any:
        """As PyYAML's, but an escape naming a surrogate is refused, as libyaml does."""
        start = self.get_mark()
        token = super().scan_flow_scalar(style)
        if _SURROGATE.search(token.value):
            source = self.buffer[start.pointer : self.pointer]
            escape = _SURROGATE_ESCAPE.search(source)
            at = start.column + 1 + (escape.start() if escape else 0)
            raise ScannerError(
                "while parsing a quoted scalar",
                start,
                "found invalid Unicode character escape code",
                yaml.Mark(start.name, 0, start.line, at, None, None),
            )
        return token

    def scan_anchor(self, TokenClass: Any) -> Any:  # noqa: N803 - PyYAML's name
        """An anchor or alias name: any characters but spaces and , [ ] { } (YAML 1.2)."""
        start_mark = self.get_mark()
        self.forward()
        length = 0
        while self.peek(length) not in "\0 \t,[]{}" + _BREAKS:
            length += 1
        if not length:
            raise ScannerError(
                "while scanning an anchor or alias",
                start_mark,
                f"expected its name, but found {self.peek()!r}",
                self.get_mark(),
            )
        value = self.prefix(length)
        self.forward(length)
        return TokenClass(value, start_mark, self.get_mark())

    def _open_flow(self, kind: str) -> None:
        # A record's top level is a mapping, so a 50th flow level is always too deep:
        # refuse it before PyYAML's scanner, which reads nested '[' ahead, turns quadratic.
        if len(self._flow_kinds) >= MAX_DEPTH - 1:
            raise _too_deep(self.get_mark())
        self._flow_kinds.append(kind)

    def fetch_flow_sequence_start(self) -> None:
        self._open_flow("seq")
        super().fetch_flow_sequence_start()

    def fetch_flow_mapping_start(self) -> None:
        self._open_flow("map")
        super().fetch_flow_mapping_start()

    def fetch_flow_collection_end(self, TokenClass: Any) -> None:  # noqa: N803
        if self._flow_kinds:
            self._flow_kinds.pop()
        super().fetch_flow_collection_end(TokenClass)

    def stale_possible_simple_keys(self) -> None:
        """As PyYAML's, but a key in a flow mapping may meet its ':' on a later line."""
        if self._flow_kinds and self._flow_kinds[-1] == "map":
            level = self.flow_level
            key = self.possible_simple_keys.pop(level, None)
            super().stale_possible_simple_keys()
            if key is not None:
                self.possible_simple_keys[level] = key
        else:
            super().stale_possible_simple_keys()

    def _at_document_marker(self) -> bool:
        return self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _BREAKS


class _FallbackParser(_PyReader, _TabScanner, _PyParser):
    """PyYAML's pure-Python parser over the tab-aware scanner: the same events, with marks."""

    def __init__(self, text: str) -> None:
        _PyReader.__init__(self, text)
        _TabScanner.__init__(self)
        _PyParser.__init__(self)

    def dispose(self) -> None:
        """Nothing to free (the libyaml parser's interface)."""


# --- scalars (YAML 1.2 core schema) -------------------------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")
_NUMBER_START = frozenset("0123456789+-.")  # how every number pattern above starts
_STR_TAGS = {"tag:yaml.org,2002:str", "!"}


def resolve_plain(value: str) -> Any:
    """The value of an untagged plain scalar."""
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if len(value) <= 40 and value[0] in _NUMBER_START:  # words skip the regexes
        if _INT.match(value):
            return int(value)
        if _OCT.match(value):
            return int(value[2:], 8)
        if _HEX.match(value):
            return int(value[2:], 16)
        if _FLOAT.match(value):
            return float(value)
        if _INF.match(value):
            return float("-inf") if value.startswith("-") else float("inf")
        if _NAN.match(value):
            return float("nan")
    return value


# --- composing ----------------------------------------------------------------------


class _Node:
    __slots__ = ("kind", "value", "mark", "size", "depth")

    def __init__(self, kind: str, value: Any, mark: Any) -> None:
        self.kind = kind  # "scalar" | "map" | "seq"
        self.value = value  # scalar value | list[(key_node, value_node)] | list[node]
        self.mark = mark
        self.size = 1
        self.depth = 1


def _check_tag(event: Any, kind: str) -> None:
    tag = event.tag
    if tag is None or tag == "!" or (kind == "scalar" and tag in _STR_TAGS):
        return
    if kind == "map" and tag == "tag:yaml.org,2002:map":
        return
    if kind == "seq" and tag == "tag:yaml.org,2002:seq":
        return
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    raise _Problem(
        f"the tag '{shown}' is not allowed: records are plain data (remove the tag)",
        event.start_mark,
    )


def _scalar(event: Any) -> Any:
    if event.tag is None and not event.style:  # plain: None (Python) or "" (libyaml)
        return resolve_plain(event.value)
    return event.value


def _too_many(mark: Any) -> _Problem:
    return _Problem(
        f"the record holds more than {MAX_VALUES:,} values (counting what aliases expand to);"
        " records are refused past that size",
        mark,
    )


def _too_deep(mark: Any) -> _Problem:
    return _Problem(f"values are nested more than {MAX_DEPTH} levels deep", mark)


def _compose(parser: Any, text: str) -> _Node | None:
    """Compose the single document of the stream into nodes, enforcing the limits.

    Also refuses the few invalid texts libyaml accepts: quoted text or a flow
    collection whose later lines are not indented past their parent, and a
    comment glued to a closing quote or to a block scalar's header.
    """
    get = parser.get_event
    event = get()  # StreamStart
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None
    anchors: dict[str, _Node] = {}
    stack: list[tuple[_Node, str | None]] = []
    flows: list[int] = []  # the stack positions of flow collections
    root: _Node | None = None
    lines: list[str] = []  # the text's lines, split when first needed

    def need() -> int:
        """The fewest spaces that later lines of a value in the open collections need."""
        for i in range(len(stack) - 1, -1, -1):
            if i not in flows:
                return stack[i][0].mark.column + 1
        return 0

    def indented(first: int, last: int, spaces: int, what: str) -> None:
        if not lines:
            lines.extend(text.split("\n"))
        for i in range(first + 1, min(last, len(lines) - 1) + 1):
            line = lines[i].rstrip("\r")
            body = line.lstrip(" ")
            if not body or (what != "quoted" and body.lstrip(" \t")[:1] in ("", "#")):
                continue
            if len(line) - len(body) < spaces:
                raise _Problem(
                    f"{LATER_LINE} {what} that starts on line {first + 1}: indent it by at"
                    f" least {spaces} space{'s' if spaces != 1 else ''}, more than the"
                    " key or '-' it belongs to",
                    _Pos(i, len(line) - len(body)),
                )

    def attach(node: _Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1][0]
        if parent.kind == "seq":
            parent.value.append(node)
        else:
            pending = parent.value
            if pending and pending[-1][1] is None:
                pending[-1] = (pending[-1][0], node)
            else:
                pending.append((node, None))

    def finish(node: _Node, anchor: str | None) -> None:
        if node.kind == "seq":
            children = node.value
        elif node.kind == "map":
            children = [n for pair in node.value for n in pair]
        else:
            children = ()
        size = 1
        depth = 0
        for child in children:
            size += child.size
            if child.depth > depth:
                depth = child.depth
        node.size = size
        node.depth = depth + 1
        if size > MAX_VALUES:  # pragma: no cover - the running total comes first
            raise _too_many(node.mark)
        if node.depth > MAX_DEPTH:
            raise _too_deep(node.mark)
        if anchor is not None:
            anchors[anchor] = node
        attach(node)

    # The values seen so far, aliases counted at their expanded size: it only
    # grows and ends equal to the root's size, so a record over MAX_VALUES is
    # refused as soon as it gets there, without composing the rest.
    total = 0
    event = get()  # first event inside the document
    while True:
        if isinstance(event, yaml.ScalarEvent):
            _check_tag(event, "scalar")
            style = event.style
            if style:  # quoted or block: libyaml lets a few invalid forms through
                start, end = event.start_mark, event.end_mark
                if style in "\"'":
                    if text[end.index : end.index + 1] == "#":
                        raise _Problem(COMMENT_NO_SPACE, end)
                    if end.line != start.line and not flows:
                        indented(start.line, end.line, need(), "quoted")
                else:
                    at = text.find(style, start.index, end.index)
                    while at >= 0 and text[at + 1 : at + 2] in ("+", "-", *"123456789"):
                        at += 1
                    if at >= 0 and text[at + 1 : at + 2] == "#":
                        raise _Problem(COMMENT_NO_SPACE, _Pos(start.line, start.column + 1))
            total += 1
            if total > MAX_VALUES:
                raise _too_many(event.start_mark)
            finish(_Node("scalar", _scalar(event), event.start_mark), event.anchor)
        elif isinstance(event, yaml.MappingStartEvent):
            _check_tag(event, "map")
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(event.start_mark)
            total += 1
            if event.flow_style:
                flows.append(len(stack))
            stack.append((_Node("map", [], event.start_mark), event.anchor))
        elif isinstance(event, yaml.SequenceStartEvent):
            _check_tag(event, "seq")
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(event.start_mark)
            total += 1
            if event.flow_style:
                flows.append(len(stack))
            stack.append((_Node("seq", [], event.start_mark), event.anchor))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node, anchor = stack.pop()
            if flows and flows[-1] == len(stack):
                flows.pop()
                if not flows and event.end_mark.line != node.mark.line:
                    what = "[ ] list" if node.kind == "seq" else "{ } mapping"
                    indented(node.mark.line, event.end_mark.line, need(), what)
            finish(node, anchor)
        elif isinstance(event, yaml.AliasEvent):
            target = anchors.get(event.anchor)
            if target is None:
                raise _Problem(
                    f"the alias '*{event.anchor}' names no anchor defined before it",
                    event.start_mark,
                )
            total += target.size
            if total > MAX_VALUES:
                raise _too_many(event.start_mark)
            alias = _Node(target.kind, target.value, event.start_mark)
            alias.size, alias.depth = target.size, target.depth
            finish(alias, None)
        elif isinstance(event, yaml.DocumentEndEvent):
            break
        event = get()
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        raise _Problem(
            "more than one YAML document in the file (a record is exactly one document;"
            " remove the extra '---')",
            event.start_mark,
        )
    return root


# --- building data ------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.duplicates: list[LoadProblem] = []

    def build(self, node: _Node, path: Path_) -> Any:
        self.marks[path] = (node.mark.line + 1, node.mark.column + 1)
        if node.kind == "scalar":
            return node.value
        if node.kind == "seq":
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        result: dict[Any, Any] = {}
        merges: list[_Node] = []
        for key_node, value_node in node.value:
            if key_node.kind != "scalar":
                raise _Problem(
                    "a mapping key must be plain text, not a list or mapping", key_node.mark
                )
            key = key_node.value
            if key == "<<":
                merges.append(value_node)
                continue
            if not isinstance(key, str):
                key = (
                    "null"
                    if key is None
                    else str(key).lower()
                    if isinstance(key, bool)
                    else str(key)
                )
            if key in result:
                first = self.key_marks.get((*path, key))
                where = f" (first at line {first[0]})" if first else ""
                self.duplicates.append(
                    LoadProblem(
                        "duplicate-key",
                        key_node.mark.line + 1,
                        key_node.mark.column + 1,
                        f"the key '{key}' is repeated in this mapping{where}; only one may stay",
                    )
                )
                continue
            self.key_marks[(*path, key)] = (key_node.mark.line + 1, key_node.mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        for merge in merges:
            sources = merge.value if merge.kind == "seq" else [merge]
            for source in sources:
                if source.kind != "map":
                    raise _Problem(
                        "a merge key '<<' must name a mapping or a list of mappings", merge.mark
                    )
                # Build the source apart, so that its marks never replace those of
                # keys written in this mapping (they win over merged ones).
                apart = _Builder()
                merged = apart.build(source, ())
                self.duplicates.extend(apart.duplicates)
                taken = set()
                for key, value in merged.items():
                    if key not in result:
                        result[key] = value
                        taken.add(key)
                for sub, mark in apart.marks.items():
                    if sub and sub[0] in taken:
                        self.marks[(*path, *sub)] = mark
                for sub, mark in apart.key_marks.items():
                    if sub[0] in taken:
                        self.key_marks[(*path, *sub)] = mark
        return result


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _Problem(
            f"the file is not UTF-8 text (byte 0x{raw[e.start]:02x} cannot be decoded);"
            " save it as UTF-8",
            _Pos(line - 1, col - 1),
        ) from None


# Characters YAML does not allow in a file, plus the three that libyaml (YAML
# 1.1) reads as line breaks though YAML 1.2 and editors do not (U+0085, U+2028,
# U+2029): left in, they would shift every line number reported after them.
_FORBIDDEN = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_NAMES = {0x85: "NEXT LINE", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}


@dataclass
class _Pos:
    line: int
    column: int


def load_text(raw: bytes) -> Record | list[LoadProblem]:
    """Load a record from bytes: the record, or the problems that stop it loading."""
    try:
        if len(raw) > MAX_BYTES:
            raise _Problem(
                f"the file is larger than {MAX_BYTES:,} bytes (1 MiB), the limit for a record;"
                " split it or move long text out of it"
            )
        text = _decode(raw)
        bad = _FORBIDDEN.search(text)
        if bad:
            before = text[: bad.start()]
            line = before.count("\n")
            col = bad.start() - (before.rfind("\n") + 1)
            code = ord(bad.group())
            if code in _NAMES:
                message = (
                    f"the file contains U+{code:04X} {_NAMES[code]}, which YAML readers"
                    " disagree on (a line break or not); replace it with a space or a new line"
                )
            else:
                message = (
                    f"the file contains the control character U+{code:04X},"
                    " which YAML does not allow; remove it"
                )
            raise _Problem(message, _Pos(line, col))
        root = _parse(text)
        if root is None or (root.kind == "scalar" and root.value is None):
            raise _Problem(
                "the file holds no record: expected a mapping with company, role and when"
            )
        if root.kind != "map":
            what = {"seq": "a list", "scalar": "a single value"}[root.kind]
            raise _Problem(
                f"the top level is {what}; expected a mapping of keys such as company, role, when",
                root.mark,
            )
        builder = _Builder()
        data = builder.build(root, ())
        if builder.duplicates:  # a merged mapping may report the same key twice
            unique = {(p.line, p.column, p.message): p for p in builder.duplicates}
            return sorted(unique.values(), key=lambda p: (p.line, p.column))
        return Record(data, builder.marks, builder.key_marks)
    except _Problem as p:
        return [LoadProblem(p.rule, p.line, p.column, p.message)]
    except RecursionError:  # pragma: no cover - the depth limit comes first
        return [LoadProblem("yaml-syntax", 1, 1, "values are nested too deeply")]


# An anchor or alias whose name holds ':', which libyaml ends at the ':'.
_COLON_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]*:")
FALLBACK_CHARS = 65_536  # records are a few kilobytes; the fallback reads 200 kB/s


def _second_reading(e: yaml.MarkedYAMLError, text: str) -> bool:
    """True if the fallback parser may accept what libyaml refused."""
    if len(text) > FALLBACK_CHARS:
        return False
    context = e.context or ""
    return (
        "\t" in text
        or "flow" in context
        or "anchor" in context
        or _COLON_ANCHOR.search(text) is not None
    )


def _parse(text: str) -> _Node | None:
    """Compose with libyaml; where it refuses, with the tab-aware pure-Python parser.

    Most records never reach the fallback: it runs only after libyaml has refused
    a text of at most ``FALLBACK_CHARS`` characters, where libyaml is known to be
    stricter than YAML 1.2 (a tab in the text, a flow collection, an anchor
    name), and its error is reported when it refuses too (it is the first one,
    as it accepts what libyaml wrongly refuses). The pure-Python parser is about
    a hundred times slower than libyaml, hence the conditions.
    """
    if _Parser is not None:
        parser = _Parser(text)
        try:
            return _compose(parser, text)
        except yaml.MarkedYAMLError as e:
            if not _second_reading(e, text):
                raise _syntax(e, text) from None
        except yaml.YAMLError as e:  # pragma: no cover - libyaml marks its errors
            raise _Problem(f"not valid YAML: {e}") from None
        finally:
            parser.dispose()
    fallback = _FallbackParser(text)
    try:
        return _compose(fallback, text)
    except yaml.MarkedYAMLError as e:
        raise _syntax(e, text) from None
    except yaml.YAMLError as e:  # pragma: no cover - the pure parser marks its errors
        raise _Problem(f"not valid YAML: {e}") from None


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


def _syntax(e: yaml.MarkedYAMLError, text: str) -> _Problem:
    """The parser's error in plain words, with the fix, at the place to fix."""
    mark = e.problem_mark or e.context_mark
    problem = (e.problem or "not valid YAML").strip()
    context = (e.context or "").strip()
    if mark is None:  # pragma: no cover - both parsers mark their errors
        return _Problem(f"not valid YAML: {problem}")
    lines = text.split("\n")
    row, column = mark.line, mark.column
    line_text = lines[row] if row < len(lines) else ""
    before = line_text[:column]
    if problem == TAB_INDENT:
        return _Problem(
            "a tab is used for indentation here; YAML indents with spaces only:"
            " replace the tab with spaces",
            mark,
        )
    if problem == TAB_AFTER_BLOCK:
        start = e.context_mark.line + 1 if e.context_mark else row
        return _Problem(
            f"this line starts with a tab, which ends the block of text that begins on line"
            f" {start}: start each line of the block with its spaces (a tab may follow them),"
            " or leave the line empty",
            mark,
        )
    if problem == COMMENT_NO_SPACE:
        return _Problem(f"{COMMENT_NO_SPACE}: write ' #' to start a comment", mark)
    if "mapping values are not allowed" in problem:
        return _Problem(_colon(lines, row, column), mark)
    if "quoted scalar" in context and ("end of stream" in problem or "separator" in problem):
        opened = e.context_mark or mark
        quote = lines[opened.line][opened.column : opened.column + 1] or '"'
        inside = '\\"' if quote == '"' else quote * 2
        return _Problem(
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
            return _Problem(
                f"the '{'[' if close == ']' else '{'}' here is never closed: end the {kind}"
                f" with '{close}' on this line (for a {kind} over several lines, {lines_hint}"
                " instead)",
                opened,
            )
        return _Problem(
            f"expected ',' or '{close}' here: separate the entries with commas, and put text"
            " holding ', ' or ': ' in quotes",
            mark,
        )
    block_end = "expected <block end>" in problem or problem in (
        "did not find expected key",
        "did not find expected '-' indicator",
    )
    if block_end and not before.strip(" "):
        return _Problem(_indentation(lines, row, column), mark)
    if block_end and before.rstrip()[-1:] in ("'", '"'):
        body = before.lstrip(" ")
        sep = body.find(": ")
        key = body[: sep + 2] if sep > 0 else ""
        value = line_text[len(line_text) - len(line_text.lstrip(" ")) + len(key) :].strip()
        return _Problem(
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
            return _Problem(f"not valid YAML: {problem}", mark)
        opened = e.context_mark or mark
        return _Problem(
            "this line has no ':' after its key; in a mapping each line is 'key: value'."
            " If it continues the text above, indent it more than that text's key",
            opened,
        )
    if ("\\t" in problem or line_text[column : column + 1] == "\t") and not before.strip(" "):
        return _Problem(
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
        return _too_deep(mark)
    shown = f" ({context})" if context and context != problem else ""
    return _Problem(f"not valid YAML: {problem}{shown}", mark)


class ReadError(Exception):
    """A path that cannot be read as a record file."""


def read_file(path: str) -> bytes:
    """Read a record file without blocking on FIFOs or devices, at most MAX_BYTES + 1."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(f"{path}: a symbolic link to a missing file") from None
        raise ReadError(f"{path}: no such file (it may have been removed)") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied; the file cannot be read") from None
    except OSError as e:
        raise ReadError(f"{path}: cannot be read: {e.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{path}: is a folder, not a record file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(f"{path}: not a regular file (a pipe or device); skipped")
        chunks = []
        remaining = MAX_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise ReadError(f"{path}: cannot be read: {e.strerror}") from None
    finally:
        os.close(fd)
