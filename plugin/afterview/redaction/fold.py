"""Folding a text for matching: case folded, accents and other combining marks
dropped after NFKD, apostrophes, hyphens and spaces unified, invisible format
characters dropped, Cyrillic and Greek letters that look like Latin ones read
as those (or, transliterating, every Cyrillic and Greek letter read by its
sound), with a map from each folded character back to the original one (so
that a match is replaced in the original text)."""

from __future__ import annotations

import dataclasses
import re
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
# Cyrillic and Greek read aloud in Latin letters, letter by letter ("Дана" is "dana"),
# for ``fold(text, transliterate=True)``; applied after case folding and NFKD, so an
# accented Greek letter is read as its base letter.
_SOUNDS = {
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ь": "", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",  # Ukrainian, Belarusian
    "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѕ": "dz",  # Serbian
    **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo", strict=True)),
    "θ": "th", "χ": "ch", "ψ": "ps", "ς": "s",
}  # fmt: skip
OTHER_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")  # Greek, Cyrillic


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


@lru_cache(maxsize=4096)
def _sound_char(ch: str) -> str:
    text = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(_SOUNDS.get(c, c) for c in text if not unicodedata.combining(c))


def fold(text: str, transliterate: bool = False) -> Folded:
    """Fold text (see the module's docstring), keeping a map back to the original.

    With ``transliterate`` the Cyrillic and Greek letters are read by their sound
    ("Дана" is "dana") instead of their look ("Нора" is "hopa"): the scrubber
    reads a text both ways (afterview.redaction.scrubber)."""
    if text.isascii():
        return Folded(text.lower().translate(_ASCII_FOLD), range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _sound_char(ch) if transliterate and OTHER_SCRIPTS.match(ch) else None
        for c in _fold_char(ch) if folded is None else folded:
            chars.append(c)
            index.append(i)
    return Folded("".join(chars), index)


def fold_text(text: str, transliterate: bool = False) -> str:
    """The folded text alone."""
    return fold(text, transliterate).text
