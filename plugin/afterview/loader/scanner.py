"""The pure-Python fallback parser: PyYAML's scanner with YAML 1.2's rules for tabs."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.parser import Parser as _PyParser
from yaml.reader import Reader as _PyReader
from yaml.scanner import ScannerError

from afterview.loader.base import MAX_DEPTH, too_deep
from afterview.loader.pyyaml import ReadingScanner

BREAKS = "\r\n\x85\u2028\u2029"
# Problems the fallback scanner raises; ``explain`` words them for the user.
TAB_INDENT = "tab used as indentation"
TAB_AFTER_BLOCK = "tab on the line after a block scalar"
COMMENT_NO_SPACE = "a comment needs a space or tab before its '#'"
LATER_LINE = "this line continues the"


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"(?<=\\)(?:u|U0000)[dD][89a-fA-F]")


class TabScanner(ReadingScanner):
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
                while self.peek() not in "\0" + BREAKS:
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
        if ch not in "\0 \t" + BREAKS:
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
            while self.peek() not in "\0" + BREAKS:
                self.forward()
        ch = self.peek()
        if ch not in "\0" + BREAKS:
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
        if self.peek() not in BREAKS:
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
            elif ch in BREAKS:
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
                yaml.Mark(start.name, 0, start.line, at, None, 0),  # no snippet
            )
        return token

    def scan_anchor(self, TokenClass: Any) -> Any:  # noqa: N803 - PyYAML's name
        """An anchor or alias name: any characters but spaces and , [ ] { } (YAML 1.2)."""
        start_mark = self.get_mark()
        self.forward()
        length = 0
        while self.peek(length) not in "\0 \t,[]{}" + BREAKS:
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
            raise too_deep(self.get_mark())
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
        return self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + BREAKS


class FallbackParser(_PyReader, TabScanner, _PyParser):
    """PyYAML's pure-Python parser over the tab-aware scanner: the same events, with marks."""

    def __init__(self, text: str) -> None:
        _PyReader.__init__(self, text)
        TabScanner.__init__(self)
        _PyParser.__init__(self)

    def dispose(self) -> None:
        """Nothing to free (the libyaml parser's interface)."""
