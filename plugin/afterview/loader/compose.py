"""Composing parser events into plain data, with the line and column of every value.

Scalars follow the YAML 1.2 core schema; tags that would build objects are
refused; aliases are counted at their expanded size as the events arrive;
repeated keys are collected as ``duplicate-key`` problems; merge keys are applied.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from afterview.loader.base import (
    MAX_DEPTH,
    MAX_VALUES,
    LoadProblem,
    Mark,
    Path_,
    Pos,
    Problem,
    too_deep,
    too_many,
)
from afterview.loader.comments import cut_comment
from afterview.loader.pyyaml import Events, Where, end_of, start_of
from afterview.loader.scanner import COMMENT_NO_SPACE, LATER_LINE

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


class Node:
    __slots__ = ("kind", "value", "mark", "size", "depth")

    def __init__(self, kind: str, value: Any, mark: Where) -> None:
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
    raise Problem(
        f"the tag '{shown}' is not allowed: records are plain data (remove the tag)",
        event.start_mark,
    )


def _scalar(event: Any) -> Any:
    if event.tag is None and not event.style:  # plain: None (Python) or "" (libyaml)
        return resolve_plain(event.value)
    return event.value


def compose(parser: Events, text: str, cuts: list[Mark]) -> Node | None:
    """Compose the single document of the stream into nodes, enforcing the limits.

    Also refuses the few invalid texts libyaml accepts: quoted text or a flow
    collection whose later lines are not indented past their parent, and a
    comment glued to a closing quote or to a block scalar's header. Appends
    to ``cuts`` where each comment that cuts a plain text value short starts.
    """
    get = parser.get_event
    event = get()  # StreamStart
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None
    anchors: dict[str, Node] = {}
    stack: list[tuple[Node, str | None]] = []
    flows: list[int] = []  # the stack positions of flow collections
    root: Node | None = None
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
                raise Problem(
                    f"{LATER_LINE} {what} that starts on line {first + 1}: indent it by at"
                    f" least {spaces} space{'s' if spaces != 1 else ''}, more than the"
                    " key or '-' it belongs to",
                    Pos(i, len(line) - len(body)),
                )

    def is_key() -> bool:
        """True if the next node is a mapping key."""
        if not stack or stack[-1][0].kind != "map":
            return False
        pending = stack[-1][0].value
        return not pending or pending[-1][1] is not None

    def attach(node: Node) -> None:
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

    def finish(node: Node, anchor: str | None) -> None:
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
            raise too_many(node.mark)
        if node.depth > MAX_DEPTH:
            raise too_deep(node.mark)
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
                start, end = start_of(event), end_of(event)
                if style in "\"'":
                    if text[end.index : end.index + 1] == "#":
                        raise Problem(COMMENT_NO_SPACE, end)
                    if end.line != start.line and not flows:
                        indented(start.line, end.line, need(), "quoted")
                else:
                    at = text.find(style, start.index, end.index)
                    while at >= 0 and text[at + 1 : at + 2] in ("+", "-", *"123456789"):
                        at += 1
                    if at >= 0 and text[at + 1 : at + 2] == "#":
                        raise Problem(COMMENT_NO_SPACE, Pos(start.line, start.column + 1))
            total += 1
            if total > MAX_VALUES:
                raise too_many(event.start_mark)
            value = _scalar(event)
            if not style and isinstance(value, str) and value and not is_key():
                end = end_of(event)
                cut = cut_comment(text, end.index, end.line, end.column)
                if cut is not None:
                    cuts.append(cut)
            finish(Node("scalar", value, start_of(event)), event.anchor)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
            _check_tag(event, kind)
            if len(stack) >= MAX_DEPTH:
                raise too_deep(event.start_mark)
            total += 1
            if event.flow_style:
                flows.append(len(stack))
            stack.append((Node(kind, [], start_of(event)), event.anchor))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node, anchor = stack.pop()
            if flows and flows[-1] == len(stack):
                flows.pop()
                last = end_of(event).line
                if not flows and last != node.mark.line:
                    what = "[ ] list" if node.kind == "seq" else "{ } mapping"
                    indented(node.mark.line, last, need(), what)
            finish(node, anchor)
        elif isinstance(event, yaml.AliasEvent):
            target = anchors.get(event.anchor or "")  # an alias always names one
            if target is None:
                raise Problem(
                    f"the alias '*{event.anchor}' names no anchor defined before it",
                    event.start_mark,
                )
            total += target.size
            if total > MAX_VALUES:
                raise too_many(event.start_mark)
            alias = Node(target.kind, target.value, start_of(event))
            alias.size, alias.depth = target.size, target.depth
            finish(alias, None)
        elif isinstance(event, yaml.DocumentEndEvent):
            break
        event = get()
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        raise Problem(
            "more than one YAML document in the file (a record is exactly one document;"
            " remove the extra '---')",
            event.start_mark if event is not None else None,
        )
    return root


# --- building data ------------------------------------------------------------------


class Builder:
    def __init__(self) -> None:
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.duplicates: list[LoadProblem] = []

    def build(self, node: Node, path: Path_) -> Any:
        self.marks[path] = (node.mark.line + 1, node.mark.column + 1)
        if node.kind == "scalar":
            return node.value
        if node.kind == "seq":
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        result: dict[Any, Any] = {}
        merges: list[Node] = []
        for key_node, value_node in node.value:
            if key_node.kind != "scalar":
                raise Problem(
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
                    raise Problem(
                        "a merge key '<<' must name a mapping or a list of mappings", merge.mark
                    )
                # Build the source apart, so that its marks never replace those of
                # keys written in this mapping (they win over merged ones).
                apart = Builder()
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
