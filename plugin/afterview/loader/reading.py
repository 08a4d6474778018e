"""Reading a record's bytes safely: a bounded, non-blocking read; UTF-8 text only.

``read_file`` opens without blocking (a FIFO named ``x.yaml`` cannot hang
the program), refuses what is not a regular file and reads at most
``MAX_BYTES + 1`` bytes, whatever the file's size. ``text_of`` turns the bytes
into text or refuses them where they stand: over the size limit, not UTF-8
(a byte-order mark is dropped), or holding a character YAML forbids or that
YAML readers disagree on.
"""

from __future__ import annotations

import os
import re
import stat

from afterview.loader.base import MAX_BYTES, Pos, Problem


def text_of(raw: bytes) -> str:
    """The record's text, or a Problem where the bytes stop being a record's text."""
    if len(raw) > MAX_BYTES:
        raise Problem(
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
        raise Problem(message, Pos(line, col))
    return text


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise Problem(
            f"the file is not UTF-8 text (byte 0x{raw[e.start]:02x} cannot be decoded);"
            " save it as UTF-8",
            Pos(line - 1, col - 1),
        ) from None


# Characters YAML does not allow in a file, plus the three that libyaml (YAML
# 1.1) reads as line breaks though YAML 1.2 and editors do not (U+0085, U+2028,
# U+2029): left in, they would shift every line number reported after them.
_FORBIDDEN = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_NAMES = {0x85: "NEXT LINE", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}


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
