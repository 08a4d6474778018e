"""Folding a text for matching: case folded, accents and other combining marks
dropped after NFKD, apostrophes, hyphens and spaces unified, invisible format
characters dropped, with a map from each folded character back to the original
one (so that a match is replaced in the original text)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_APOSTROPHES = "'’‘ʼʹ′`´＇‛"
_HYPHENS = "‐‑‒–—―−﹣－⁃"
_SPECIAL = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŀ": "l",
}
# Letters of other alphabets that look like Latin ones, read as those ("Dаna" with a
# Cyrillic а is "Dana"): Cyrillic and Greek, both cases, before case folding.
_LOOKALIKES = dict(
    zip(
        "АВЕКМНОРСТХУаеорсухіІјЈѕЅһԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικρ",
        "abekmhopctxyaeopcyxiijjsshdqwabezhikmnoptyxoikp",
        strict=True,
    )
)
_ASCII_FOLD = str.maketrans({"`": "'", "\t": " ", "\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "})


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    if ch in _APOSTROPHES:
        return "'"
    if ch in _HYPHENS:
        return "-"
    if ch.isspace():
        return " "
    if unicodedata.category(ch) in ("Cf", "Cc", "Mn", "Me", "Cs"):
        return ""  # zero-width and bidi controls, soft hyphen, stray combining marks
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    return "".join(_SPECIAL.get(c, c) for c in text if not unicodedata.combining(c))


@dataclasses.dataclass(frozen=True)
class Folded:
    """A text folded for matching, and the original index of each folded character."""

    text: str
    index: Sequence[int]


def fold(text: str) -> Folded:
    """Fold text (see the module's docstring), keeping a map back to the original."""
    if text.isascii():
        return Folded(text.lower().translate(_ASCII_FOLD), range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            chars.append(c)
            index.append(i)
    return Folded("".join(chars), index)


def fold_text(text: str) -> str:
    """The folded text alone."""
    return fold(text).text
