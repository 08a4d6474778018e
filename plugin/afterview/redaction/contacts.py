"""Email addresses and phone numbers found by shape, in folded text (see
``redaction.fold``): ``Name <address>``, ``mailto:``, ``name (at) host (dot) com``;
international, national, dotted, dashed, parenthesised numbers, with
extensions; any run of 7 or more digits that is not a date, a time, a year
range or an amount. Known values of no usual shape are matched as whole tokens."""

from __future__ import annotations

import re

from afterview.redaction.fold import fold_text

EMAIL_WITHHELD = "(email withheld)"
PHONE_WITHHELD = "(phone withheld)"

_ATOM = r"[\w!#$%&*+/=?^{|}~'-]+"
_AT = r"(?:\s*@\s*|%40|\s*[(\[{<]\s*at\s*[)\]}>]\s*)"
# A dot between parts: ".", " . " (spaced out), "(dot)", "[dot]", " dot ".
_DOT = r"(?:\.|\s+\.\s+|\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*|\s+dot\s+)"
# Parts are bounded in number (an address has a few dots), so that a long run of
# "dot" or "." cannot make the search slow: each start tries a bounded number of ways.
_LOCAL = rf"{_ATOM}(?:{_DOT}{_ATOM}){{0,6}}"
_WORDY_LOCAL = r"[\w.+-]+(?:(?:\s+dot\s+|\s*[(\[{<]\s*dot\s*[)\]}>]\s*)[\w+-]+){0,4}"
_WORDY_DOT = r"(?:\s+dot\s+|\.)"
EMAIL = re.compile(
    rf"(?:mailto:\s*)?(?<![\w.])(?:{_LOCAL}{_AT}[\w-]+(?:{_DOT}[\w-]+){{0,6}}{_DOT}[^\W\d_]{{2,}}"
    rf"|{_WORDY_LOCAL}\s+at\s+[\w-]+(?:{_WORDY_DOT}[\w-]+){{0,6}}{_WORDY_DOT}[^\W\d_]{{2,}})"
    r"(?!\w)"
)
# What is left of an address written loosely, once the shapes above are taken: a word
# glued to "@" and a host ("dana@acme"), or spaced out with a dot in the host ("dana
# @acme .com"); "meet @ 5pm" and "ask @octocat" are no address.
LOOSE_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@[^\W\d_][\w-]*|\s*@\s*[^\W\d_][\w-]*(?:\s*\.\s*[\w-]+){1,6})"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
# Dates and times (ISO, 2026_11_10 as in a file name, 12/11/2026, 10:00) are not phone
# numbers; a run that goes on after one (01.23.45.67.89) is not a date,
DATES = re.compile(
    rf"(?<![\d./_-])(?:(?:19|20)\d\d(?P<iso>[-_]){_MONTH}(?P=iso){_DAY}"
    r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-+]\d{2}:\d{2})?"
    # ...nor one that follows an area code or another group: (020) 01.01.00, +33 01.02.03
    r"|(?<!\))(?<!\)[ ·•∙⋅‧])(?<!\d\d[ ·•∙⋅‧])"
    rf"{_DAY}(?P<sep>[./]){_DAY}(?P=sep)(?:(?:19|20)\d\d|\d\d))(?!\d|[./_-]\d)"
)
_PAREN = r"\(\s*\d{1,6}\s*\)"
# Between the groups of a number: spaces, dots, hyphens, slashes, underscores, middle
# dots and bullets. A number may be glued to letters before or after it ("tel6175550187").
_SEP = r"[ .\-/_·•∙⋅‧]"
_JOIN = rf"(?:{_SEP}{{1,3}}|{_SEP}{{0,2}}{_PAREN}{_SEP}{{0,2}})"
PHONE = re.compile(
    rf"(?<![\d+])(?:\+{_SEP}?|00)?(?:{_PAREN}{_SEP}{{0,2}})?\d+(?:{_JOIN}\d+){{0,9}}"
    r"(?:\s*(?:x|ext\.?|extn\.?|extension|#)\s*\d{1,6})?(?!\d)"
)
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extn\.?|extension|#)\s*\d{1,6}$")
_YEARS = re.compile(r"(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d")
_CURRENCY = "$€£¥₹"


def phone_like(found: str, before: str) -> bool:
    """True for a run of 7 or more digits that is not a year range or an amount."""
    digits = sum(c.isdigit() for c in _EXTENSION.sub("", found))
    if digits < 7:
        return False
    if _YEARS.fullmatch(found.strip()):
        return False
    return not before.rstrip().endswith(tuple(_CURRENCY))


def as_token(value: str) -> re.Pattern[str] | None:
    """A known value of no usual shape, matched only as a whole token of the text.

    Never inside a word or a number, and not at all under three characters: a
    one-letter "email" must not take every "r" out of the page.
    """
    if len(value) < 3:
        return None
    return re.compile(r"(?<![\w@.+\-])" + re.escape(value) + r"(?![\w@\-]|\.\w)")


def phone_patterns(phone: str) -> list[re.Pattern[str]]:
    """A known number in any grouping (and a US number without its leading 1)."""
    digits = re.sub(r"\D", "", fold_text(phone))
    if len(digits) < 5:
        token = as_token(fold_text(phone.strip()))
        return [token] if token else []
    variants = {digits}
    if len(digits) == 11 and digits.startswith("1"):
        variants.add(digits[1:])
    sep = r"[\s().\-/]*"
    return [
        re.compile(r"(?<!\d)\+?" + sep.join(v) + r"(?!\d)")
        for v in sorted(variants, key=len, reverse=True)
    ]
