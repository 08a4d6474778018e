"""Plain text from a record or an invite, made safe for a draft, a terminal, a header or YAML."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def one_line(value: object) -> str:
    """The value as one line of printable text.

    White space runs (line breaks included) become one space; control, format
    and bidi characters go, so a value cannot move the cursor of a terminal,
    add a header line to a message or reorder the text around it.
    """
    text = _SPACE.sub(" ", str(value))
    if not text.isprintable():
        text = "".join(ch for ch in text if ch.isprintable() or ch == " ")
    return _SPACE.sub(" ", text).strip()


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def yaml_scalar(value: str) -> str:
    """value as one YAML scalar that reads back as the same string."""
    import yaml

    from afterview.loader import resolve_plain

    out = yaml.safe_dump(value, allow_unicode=True, width=1_000_000)
    out = out.removesuffix("\n").removesuffix("\n...")
    if out[:1] not in ("'", '"') and resolve_plain(out) != value:
        # YAML 1.1 (PyYAML) and 1.2 (the loader) disagree, e.g. 1e3 or 0o17
        out = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style="'")
        out = out.removesuffix("\n")
    return out


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal(value: object) -> str:
    """value for one terminal line: control, format, bidi and surrogate characters escaped
    (``\\n``, ``\\u001b``), so a file name or a record cannot move the cursor, retitle the
    window or reorder the line."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else _ESCAPES.get(ch, f"\\u{ord(ch):04x}")
        for ch in text
    )
