"""Load one record safely, keeping the line and column of every value.

libyaml's parser (``CParser``; PyYAML's pure-Python parser when libyaml is
missing) turns the text into events; this package composes them into plain
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

The package, one module per job:

| module | job |
|---|---|
| ``base.py`` | the record, the problem, the limits (``MAX_BYTES``, ``MAX_DEPTH``, ``MAX_VALUES``) |
| ``reading.py`` | reading bytes safely: non-blocking, bounded, UTF-8, forbidden characters |
| ``scanner.py`` | the pure-Python fallback scanner: YAML 1.2's rules for tabs and comments |
| ``pyyaml.py`` | PyYAML's parser as the loader uses it, typed in one place |
| ``comments.py`` | comments that cut a plain value short (``comment-cuts-value``) |
| ``compose.py`` | events to plain data with positions: core-schema scalars, tags, aliases, keys |
| ``syntax.py`` | the parser's syntax errors in plain words, with the fix |
"""

from __future__ import annotations

import re

import yaml

from afterview.loader.base import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_VALUES,
    LoadProblem,
    Mark,
    Path_,
    Problem,
    Record,
)
from afterview.loader.compose import Builder, Node, compose, resolve_plain
from afterview.loader.reading import ReadError, read_file, text_of
from afterview.loader.scanner import FallbackParser as _FallbackParser
from afterview.loader.syntax import explain

try:  # libyaml when available, else only the pure-Python parser
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _Parser = None  # type: ignore[assignment,misc]

__all__ = [
    "FALLBACK_CHARS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_VALUES",
    "LoadProblem",
    "Mark",
    "Path_",
    "ReadError",
    "Record",
    "load_text",
    "read_file",
    "resolve_plain",
]


def load_text(raw: bytes) -> Record | list[LoadProblem]:
    """Load a record from bytes: the record, or the problems that stop it loading."""
    try:
        text = text_of(raw)
        cuts: list[Mark] = []
        root = _parse(text, cuts)
        if root is None or (root.kind == "scalar" and root.value is None):
            raise Problem(
                "the file holds no record: expected a mapping with company, role and when"
            )
        if root.kind != "map":
            what = {"seq": "a list", "scalar": "a single value"}[root.kind]
            raise Problem(
                f"the top level is {what}; expected a mapping of keys such as company, role, when",
                root.mark,
            )
        builder = Builder()
        data = builder.build(root, ())
        if builder.duplicates:  # a merged mapping may report the same key twice
            unique = {(p.line, p.column, p.message): p for p in builder.duplicates}
            return sorted(unique.values(), key=lambda p: (p.line, p.column))
        return Record(data, builder.marks, builder.key_marks, cuts)
    except Problem as p:
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


def _parse(text: str, cuts: list[Mark]) -> Node | None:
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
            return compose(parser, text, cuts)
        except yaml.MarkedYAMLError as e:
            if not _second_reading(e, text):
                raise explain(e, text) from None
        except yaml.YAMLError as e:  # pragma: no cover - libyaml marks its errors
            raise Problem(f"not valid YAML: {e}") from None
        finally:
            parser.dispose()
    cuts.clear()  # what libyaml read before it refused
    fallback = _FallbackParser(text)
    try:
        return compose(fallback, text, cuts)
    except yaml.MarkedYAMLError as e:
        raise explain(e, text) from None
    except yaml.YAMLError as e:  # pragma: no cover - the pure parser marks its errors
        raise Problem(f"not valid YAML: {e}") from None
