"""Redaction: copies of the checked records fit to publish. The site and
``afterview render --redact`` redact through this module only.

What a redacted copy holds (content/security.md says the same to users):

* every person field (``interviewers[].name``, ``closing.contact_person``,
  ``follow_ups[].spoke_with``, ``thank_you[].to``) shows initials, and the
  interviewers' ``email`` and ``phone`` are gone;
* no email address and no phone number of anyone in any text: found by
  shape, not by the record's own fields (``Name <address>``, ``mailto:``,
  ``name (at) host (dot) com``; international, national, dotted, dashed,
  parenthesised numbers, with extensions; any run of 7 or more digits that is
  not a date or a time);
* the names of the people the records know (interviewers, the person fields,
  names in ``outcome.referrals``) are replaced by their initials in every
  text of every record, in their usual variants: other case, accents or none,
  composed or decomposed Unicode, curly or straight apostrophes, hyphen or
  space, "Surname, Given", a middle name or initial, and the given name or
  the surname alone (a surname or given name that is also a common English
  word, such as "Will" or "Brown", only when capitalised);
* a record file name that holds a name, email or number is renamed (it
  becomes the page's address);
* unless ``publish_private`` is set, the private texts are withheld: offer
  terms (pay, pay_amount, start_date, schedule, benefits), feedback, the
  reflection's items, every ``notes`` field and the thank-you notes' text.

Matching is designed once: a text is *folded* (``fold``: case folded,
accents and other combining marks dropped after NFKD, apostrophes, hyphens
and spaces unified, invisible format characters dropped) with a map from each
folded character back to the original one. The email and phone patterns run
on the folded text; names are matched word by word over the folded text's
words (``_words``), looked up in an index from each known name's words to
the person, so a thousand people cost no regular expression each. The
matches are replaced in the original text, with the person's initials or
"(email withheld)" / "(phone withheld)".
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from afterview.checker import FileResult
from afterview.findings import Finding
from afterview.loader import Record
from afterview.model import Interview, Person
from afterview.moments import Moment

# Fields that hold fixed words, dates or ids rather than free text: never scrubbed,
# so that redaction cannot turn `status: offer` or a date into something else.
KEEP = frozenset(
    {
        "path",
        "status",
        "decision",
        "by",
        "format",
        "ignore",
        "version",
        "when",
        "sent",
        "date",
        "done",
        "written",
        "expected_contact",
        "due",
        "decision_due",
        "decision_date",
        "start_date",
        "currency",
        "period",
        "duration",
        "round",
        "rule",
        "severity",
    }
)
# Private texts, withheld from a redacted build unless publish_private is set
# (the names of the fields, in the loaded data and in the model alike).
PRIVATE = frozenset(
    {
        *("pay", "pay_amount", "start_date", "schedule", "benefits"),  # offer terms
        *("feedback", "went_well", "to_improve", "notes"),
    }
)
PRIVATE_IN = {"thank_you": frozenset({"text"})}  # private only inside these lists
EMAIL_WITHHELD = "(email withheld)"
PHONE_WITHHELD = "(phone withheld)"
WITHHELD = "(private, not published)"

NOTICE = (
    '!!! note "A redacted build"\n\n'
    "    This site is built with `redact: true`: people appear as initials; email\n"
    "    addresses and phone numbers are withheld, and so are{private} the names of\n"
    "    the people your records mention wherever they appear. Company, role, dates\n"
    "    and the state of each step are published.\n"
)
PRIVATE_NOTICE = " offer terms, feedback, reflections, notes, the text of thank-you notes, and"


def notice(publish_private: bool) -> str:
    """The admonition a redacted status page starts with: what this build hides."""
    return NOTICE.format(private="" if publish_private else PRIVATE_NOTICE)


# ---------------------------------------------------------------- folding

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
_ASCII_FOLD = str.maketrans({"`": "'", "\t": " ", "\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "})


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
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


# ---------------------------------------------------------------- emails and phones

_LOCAL = r"[\w!#$%&*+/=?^{|}~'-]+(?:\.[\w!#$%&*+/=?^{|}~'-]+)*"
_AT = r"(?:\s*@\s*|%40|\s*[(\[{<]\s*at\s*[)\]}>]\s*)"
_DOT = r"(?:\.|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
_EMAIL = re.compile(
    rf"(?:mailto:\s*)?(?<![\w.])(?:{_LOCAL}{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,}}"
    rf"|[\w.+-]+\s+at\s+[\w-]+(?:(?:\s+dot\s+|\.)[\w-]+)*(?:\s+dot\s+|\.)[^\W\d_]{{2,}})(?!\w)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
# Dates and times (ISO, 12/11/2026, 10:00) are not phone numbers; a run that goes
# on after one (01.23.45.67.89) is not a date.
_DATES = re.compile(
    rf"(?<![\d./-])(?:(?:19|20)\d\d-{_MONTH}-{_DAY}"
    r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-+]\d{2}:\d{2})?"
    rf"|{_DAY}([./]){_DAY}\1(?:(?:19|20)\d\d|\d\d))(?!\d|[./-]\d)"
)
_PAREN = r"\(\s*\d{1,6}\s*\)"
_JOIN = rf"(?:[ .\-/]{{1,3}}|[ .\-/]{{0,2}}{_PAREN}[ .\-/]{{0,2}})"
_PHONE = re.compile(
    rf"(?<![\w+])(?:\+\s?|00)?(?:{_PAREN}[ .\-/]{{0,2}})?\d+(?:{_JOIN}\d+){{0,9}}"
    r"(?:\s*(?:x|ext\.?|extn\.?|extension|#)\s*\d{1,6})?(?!\d)"
)
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extn\.?|extension|#)\s*\d{1,6}$")
_YEARS = re.compile(r"(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d")
_CURRENCY = "$€£¥₹"


def _phone_like(found: str, before: str) -> bool:
    """True for a run of 7 or more digits that is not a year range or an amount."""
    digits = sum(c.isdigit() for c in _EXTENSION.sub("", found))
    if digits < 7:
        return False
    if _YEARS.fullmatch(found.strip()):
        return False
    return not before.rstrip().endswith(tuple(_CURRENCY))


# ---------------------------------------------------------------- names

# Words that are part of names but do not identify alone.
HONORIFICS = frozenset("mr mrs ms mx miss dr prof sir madam jr sr ii iii phd md".split())
PARTICLES = HONORIFICS | frozenset(
    "de del della der den di da das do dos du la le van von ten ter bin binti ibn al el"
    " mc st".split()
)
# Words that say who, without naming anyone: a person field made only of these
# ("the recruiter", "HR team") is kept as written.
ROLE_WORDS = frozenset(
    "the a an and or of from at in with my their our her his your team hr recruiter"
    " recruiters recruiting recruitment hiring manager managers front desk reception"
    " receptionist office assistant coordinator talent people human resources lead panel"
    " interviewer interviewers staff someone unknown nobody no one them they company"
    " department director engineer engineering ceo cto cfo founder everyone".split()
)
# Given names or surnames that are also everyday words: alone, they are replaced
# only when capitalised ("Will said" but not "I will call").
COMMON_WORDS = frozenset(
    "will may june april august grace hope faith joy rose lily ivy iris dawn eve sky"
    " summer autumn winter spring mark bill bob art ray frank rich jack pat sue chip"
    " dean page hall wood young brown green white black gray grey king long little"
    " love bright moore rice lane park hill field ford cook baker smith taylor carter"
    " hunter price bell booth cross dale day early fair fox gay gold good hart"
    " hardy holly joy justice lake major march miles north rain read reed rock rush"
    " sharp short small snow stone storm strong sweet swift wise wolf west east"
    " south case chase child christian clay cliff crystal dash drew drake gene glen"
    " guy hunt jewel kit lance lee luck mason max nick noble penny pearl ruby sage"
    " sterling tab terry van vale victor wade ward will wells".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _tokens(name: str) -> list[str]:
    """The folded words of a name, initials included ('j.' -> 'j')."""
    out = []
    for raw in re.split(r"[\s,;/()<>\"]+", fold_text(name)):
        word = raw.strip(".'-")
        if word and not any(c.isdigit() for c in word) and "@" not in word:
            out.append(word)
    while len(out) > 1 and out[0] in HONORIFICS:  # "Dr Dana Whitfield"
        out = out[1:]
    while len(out) > 1 and out[-1] in HONORIFICS:  # "Dana Whitfield Jr."
        out = out[:-1]
    return out


def _canon(word: str) -> str:
    """A folded word without its apostrophes and hyphens: "o'brien-smith" -> "obriensmith"."""
    return word.replace("'", "").replace("-", "")


# A word of folded text: letters and digits, joined by apostrophes (a hyphen, an
# underscore, a dot or a space separates words; "smith-jones" is matched as two).
_TEXT_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_JOIN = re.compile(r" ?-? ?")  # between the parts of one word: "smith-jones", "o brien"
_SEPARATORS = re.compile(r"[\s_.-]{1,4}")  # between the words of one name
_COMMA = re.compile(r"[\s_]{0,3},[\s_]{0,3}|[\s_.-]{1,4}")  # "Surname, Given" or a space


@dataclasses.dataclass(frozen=True)
class _Word:
    start: int
    end: int
    canon: str


def _words(folded: str) -> list[_Word]:
    """The words of a folded text; a possessive 's is left out of its word."""
    out = []
    for m in _TEXT_WORD.finditer(folded):
        word, end = m.group(), m.end()
        if word.endswith("'s") and len(word) > 3:
            word, end = word[:-2], end - 2
        out.append(_Word(m.start(), end, _canon(word)))
    return out


@dataclasses.dataclass
class Name:
    """One person's name as the matcher sees it: folded words, their initials."""

    first: str  # canonical folded words (see _canon)
    last: str
    middles: frozenset[str]
    singles: frozenset[str]  # the words that identify alone
    common: frozenset[str]  # singles that are also everyday words
    replacement: str
    size: int  # the number of words, to try longer names first


def name_words(name: str) -> Name | None:
    """The matcher's view of one name, or None for a name with nothing to match."""
    tokens = [t for t in _tokens(name) if t not in ROLE_WORDS or len(_tokens(name)) == 1]
    canons = [_canon(t) for t in tokens]
    words = [c for c in canons if len(c) >= 2]
    if not words:
        return None
    singles = {c for c, t in zip(canons, tokens, strict=True) if len(c) >= 2}
    singles -= PARTICLES | ROLE_WORDS
    if len(tokens) == 1 and not singles:
        singles = set(words)
    # the parts of a joined name alone too ("Smith" of "O'Brien-Smith", "Brien")
    for t in tokens:
        parts = {_canon(p) for p in re.split(r"['-]", t) if len(p) >= 2}
        singles |= parts - PARTICLES - ROLE_WORDS if len(parts) > 1 or "'" in t else set()
    if len(canons) >= 2:  # run together, as in an address: "danawhitfield"
        singles |= {canons[0] + canons[-1], canons[-1] + canons[0]}
    return Name(
        first=canons[0],
        last=canons[-1],
        middles=frozenset(canons[1:-1]),
        singles=frozenset(singles),
        common=frozenset(c for c in singles if c in COMMON_WORDS),
        replacement=initials(name),
        size=len(canons),
    )


def _match_word(words: list[_Word], i: int, canon: str, f: str) -> int | None:
    """The index after the words from i that spell canon (one word, or up to three
    written apart: "o brien" for "obrien"), else None."""
    joined = ""
    for j in range(i, min(i + 3, len(words))):
        if j > i and not _JOIN.fullmatch(f[words[j - 1].end : words[j].start]):
            return None
        joined += words[j].canon
        if joined == canon:
            return j + 1
        if not canon.startswith(joined):
            return None
    return None


def _gap(words: list[_Word], j: int, f: str, pattern: re.Pattern[str] = _SEPARATORS) -> bool:
    """True when only separators stand between word j-1 and word j."""
    if not 0 < j < len(words):
        return False
    return pattern.fullmatch(f[words[j - 1].end : words[j].start]) is not None


def _joined(words: list[_Word], i: int, f: str) -> list[tuple[str, int]]:
    """The word at i, and it run together with the next one or two when only a space
    parts them ("o brien" also as "obrien"), each with the index after it."""
    out, joined = [], ""
    for j in range(i, min(i + 3, len(words))):
        if j > i and not _JOIN.fullmatch(f[words[j - 1].end : words[j].start]):
            break
        joined += words[j].canon
        out.append((joined, j + 1))
    return out


def _whole_name(
    name: Name, words: list[_Word], i: int, f: str, capital: Callable[[int], bool]
) -> int | None:
    """Where a whole name starting at word i ends (a position in f), in any of its
    forms, else None. Between given name and surname may stand initials, the
    name's own middle names, or other capitalised words ("Dana Jane Whitfield")."""
    if name.size < 2:
        return None
    # Given [middle names or initials] Surname
    j = _match_word(words, i, name.first, f)
    for _ in range(4):
        if j is None or not _gap(words, j, f):
            break
        end = _match_word(words, j, name.last, f)
        if end is not None:
            return words[end - 1].end
        w = words[j]
        if len(w.canon) == 1 or w.canon in name.middles or capital(w.start):
            j += 1
        else:
            break
    # Surname, Given [initials.] and Surname Given
    j = _match_word(words, i, name.last, f)
    if j is None or not _gap(words, j, f, _COMMA):
        return None
    end = _match_word(words, j, name.first, f)
    if end is None:
        return None
    stop = words[end - 1].end
    for _ in range(3):  # then initials ("J."), middle names, or a capitalised word
        if not _gap(words, end, f):
            break
        w = words[end]
        dot = f[w.end : w.end + 1] == "."
        if len(w.canon) == 1 and dot:
            stop, end = w.end + 1, end + 1
        elif w.canon in name.middles or (len(w.canon) > 1 and capital(w.start)):
            stop, end = w.end, end + 1
        else:
            break
    return stop


def initials(name: str) -> str:
    """'Dana Whitfield' -> 'D. W.' (idempotent: 'D. W.' stays 'D. W.')."""
    words = _WORD.findall(" ".join(_strip_contacts(name).split()))
    skip = ROLE_WORDS | HONORIFICS
    letters = [w[0].upper() for w in words if fold_text(w).strip(".'-") not in skip]
    return " ".join(f"{c}." for c in letters) or "?"


def _strip_contacts(text: str) -> str:
    """The text without email addresses, phone numbers and bracketed parts."""
    text = re.sub(r"<[^>]*>|\([^)]*\)|\[[^\]]*\]", " ", text)
    text = re.sub(r"\S+@\S+", " ", text)
    return re.sub(r"[+\d][\d\s().\-/]*", " ", text)


_NAME_LIKE = re.compile(r"^\s*(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*\s*$")


def looks_like_name(text: str) -> bool:
    """Two to four words, each starting with a capital letter: 'Hana Petrova'."""
    return bool(_NAME_LIKE.match(text)) and all(w[0].isupper() for w in text.split())


def is_role(text: str) -> bool:
    """True for a person field that names no one: 'the recruiter', 'HR team'."""
    words = [fold_text(w).strip(".'-") for w in _WORD.findall(_strip_contacts(text))]
    return all(w in ROLE_WORDS for w in words)


_CAPITAL_RUN = re.compile(r"(?<!\w)(?:[^\W\d_a-z][\w'’-]+)(?:[ \t]+[^\W\d_a-z][\w'’-]+){1,3}")
_ORG_WORDS = frozenset(
    "team group inc ltd llc gmbh corp co company department dept data analytics"
    " engineering sales marketing finance hr people labs university school bank"
    " recruiting talent office the and of for".split()
)


_LEADING_WORDS = frozenset(
    "ask call contact email mail write see try reach talk speak meet message ping text"
    " via from with per referred referral maybe also then apply thanks dear hi hello".split()
)


def names_in_free_text(text: str, companies: Iterable[str] = ()) -> list[str]:
    """Runs of two to four capitalised words that look like a person's name
    (used for ``outcome.referrals``): not a company of the records, no org word."""
    folded_companies = [fold_text(c) for c in companies if c]
    out = []
    for m in _CAPITAL_RUN.finditer(text):
        originals = m.group().split()
        words = [fold_text(w).strip(".'-") for w in originals]
        while words and words[0] in _LEADING_WORDS:  # "Ask Marisol Vance": a verb first
            words, originals = words[1:], originals[1:]
        if len(words) < 2 or any(w in _ORG_WORDS for w in words):
            continue
        run = " ".join(words)
        if any(run in c or c in run for c in folded_companies):
            continue
        out.append(" ".join(originals))
    return out


# ---------------------------------------------------------------- the scrubber


class Scrubber:
    """Replaces emails, phone numbers and the known names in any text."""

    def __init__(self, people: Iterable[Person] = (), other_names: Iterable[str] = ()) -> None:
        exact: list[tuple[re.Pattern[str], str]] = []
        names: dict[str, str] = {}
        for p in people:
            # A known email or number the shapes below would miss is matched as written.
            email = fold_text(p.email.strip()) if p.email else ""
            if email and not _EMAIL.fullmatch(email) and (token := _as_token(email)):
                exact.append((token, EMAIL_WITHHELD))
            if p.phone and len(re.sub(r"\D", "", fold_text(p.phone))) < 7:
                exact.extend((pat, PHONE_WITHHELD) for pat in _phone_patterns(p.phone))
            if p.name:
                names.setdefault(fold_text(" ".join(p.name.split())), p.name)
        for n in other_names:
            if n and not is_role(n):
                names.setdefault(fold_text(" ".join(_strip_contacts(n).split())), n)
        matchers = [name_words(original) for original in names.values()]
        # Longer names first, so 'Dana Jane Whitfield' wins over 'Dana Whitfield'.
        self._names = sorted((n for n in matchers if n is not None), key=lambda n: -n.size)
        self._starts: dict[str, list[Name]] = {}  # by the word a whole name may start with
        self._singles: dict[str, list[Name]] = {}
        for n in self._names:
            for key in {n.first, n.last}:
                self._starts.setdefault(key, []).append(n)
            for key in n.singles:
                self._singles.setdefault(key, []).append(n)
        self._exact = exact
        self._memo: dict[str, str] = {}

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) in text, not overlapping, in order."""
        folded = fold(text)
        f = folded.text
        found: list[tuple[int, int, str]] = []

        def take(start: int, end: int, replacement: str) -> None:
            if end > start and not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, replacement))

        for m in _EMAIL.finditer(f):
            start, end = m.start(), m.end()
            opening = f[:start].rstrip()
            closing = f[end:].lstrip()
            if opening.endswith("<") and closing.startswith(">"):  # Name <address>
                start = _display_name_start(text, folded, len(opening) - 1)
                end = len(f) - len(closing) + 1
            take(start, end, EMAIL_WITHHELD)
        for pattern, replacement in self._exact:
            for m in pattern.finditer(f):
                take(m.start(), m.end(), replacement)
        masked = _DATES.sub(lambda m: "d" * len(m.group()), f)
        for m in _PHONE.finditer(masked):
            if _phone_like(m.group(), masked[max(0, m.start() - 2) : m.start()]):
                take(m.start(), m.end(), PHONE_WITHHELD)
        # Whole names first (longer names first), then words alone, so that a word of
        # one name never splits another person's whole name.
        words = _words(f)

        def capital(at: int) -> bool:
            return _capitalised(text, folded, at)

        for i, word in enumerate(words):
            names = [n for key, _ in _joined(words, i, f) for n in self._starts.get(key, ())]
            for name in sorted(names, key=lambda n: -n.size):
                stop = _whole_name(name, words, i, f, capital)
                if stop is not None:
                    take(word.start, stop, name.replacement)
                    break
        for i, word in enumerate(words):
            for key, end in _joined(words, i, f):
                name = next(iter(self._singles.get(key, ())), None)
                if name is None:
                    continue
                if key in name.common and not _capitalised(text, folded, word.start):
                    continue
                take(word.start, words[end - 1].end, name.replacement)
                break
        found.sort()
        return [_original_span(text, folded, s, e, r) for s, e, r in found]

    def text(self, value: str) -> str:
        """value with every email, phone number and known name replaced."""
        if value in self._memo:
            return self._memo[value]
        out = self._memo[value] = self._replace(value)
        return out

    def _replace(self, value: str) -> str:
        spans = self.spans(value)
        if not spans:
            return value
        out, at = [], 0
        for start, end, replacement in spans:
            out += [value[at:start], replacement]
            at = end
        out.append(value[at:])
        return "".join(out)

    def data(self, value: Any) -> Any:
        """Scrub every string in plain loaded data (keys are field names and stay)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(v) for v in value]
        if isinstance(value, dict):
            return {k: v if k in KEEP else self.data(v) for k, v in value.items()}
        return value

    def obj(self, value: Any) -> Any:
        """Scrub every string field of a dataclass tree (model objects, findings)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.obj(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.obj(v) for v in value)
        if isinstance(value, (frozenset, Moment)):
            return value
        if isinstance(value, Record):
            return Record(self.data(value.data), dict(value.marks), dict(value.key_marks))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {
                f.name: self.obj(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.init and f.name not in KEEP
            }
            return dataclasses.replace(value, **changes)
        return value

    def path(self, path: str) -> str:
        """path with a file name that holds a name, email or number renamed (a slug)."""
        head, sep, name = path.replace(os.sep, "/").rpartition("/")
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        scrubbed = self.text(stem)
        if scrubbed == stem:
            return path
        slug = re.sub(r"[^a-z0-9]+", "-", fold_text(scrubbed)).strip("-") or "record"
        return f"{head}{sep}{slug}{dot}{suffix}"


def _capitalised(text: str, folded: Folded, start: int) -> bool:
    return text[folded.index[start]].isupper()


def _display_name_start(text: str, folded: Folded, at: int) -> int:
    """Where the name before '<' at ``at`` starts: '"Whitfield, Dana" <', 'Dana Whitfield <'."""
    f = folded.text
    before = f[:at].rstrip()
    if before.endswith('"'):
        opening = before.rfind('"', 0, len(before) - 1)
        return opening if opening >= 0 and len(before) - opening <= 100 else at
    first, count = at, 0
    for m in reversed(list(re.finditer(r"[^\W\d_][\w'.-]*", before[-200:]))):
        start, end = m.start() + len(before[:-200]), m.end() + len(before[:-200])
        if count == 4 or f[end:first].strip(" ,") or not _capitalised(text, folded, start):
            break
        first, count = start, count + 1
    return first


def _original_span(
    text: str, folded: Folded, start: int, end: int, replacement: str
) -> tuple[int, int, str]:
    """A span over the folded text as a span over the original (marks after it included)."""
    s = folded.index[start]
    e = folded.index[end - 1] + 1
    while e < len(text) and unicodedata.category(text[e]) in ("Mn", "Me", "Cf"):
        e += 1
    return s, e, replacement


def _as_token(value: str) -> re.Pattern[str] | None:
    """A known value of no usual shape, matched only as a whole token of the text.

    Never inside a word or a number, and not at all under three characters: a
    one-letter "email" must not take every "r" out of the page.
    """
    if len(value) < 3:
        return None
    return re.compile(r"(?<![\w@.+\-])" + re.escape(value) + r"(?![\w@\-]|\.\w)")


def _phone_patterns(phone: str) -> list[re.Pattern[str]]:
    """A known number in any grouping (and a US number without its leading 1)."""
    digits = re.sub(r"\D", "", fold_text(phone))
    if len(digits) < 5:
        token = _as_token(fold_text(phone.strip()))
        return [token] if token else []
    variants = {digits}
    if len(digits) == 11 and digits.startswith("1"):
        variants.add(digits[1:])
    sep = r"[\s().\-/]*"
    return [
        re.compile(r"(?<!\d)\+?" + sep.join(v) + r"(?!\d)")
        for v in sorted(variants, key=len, reverse=True)
    ]


# ---------------------------------------------------------------- records


def people_of(interviews: Iterable[Interview]) -> list[Person]:
    return [p for iv in interviews for p in iv.interviewers]


def named_in_fields(iv: Interview, companies: Iterable[str] = ()) -> list[str]:
    """Names written in the person fields and in ``outcome.referrals``."""
    values = [n.to for n in iv.thank_you] + [f.spoke_with for f in iv.follow_ups]
    values.append(iv.closing.contact_person)
    names = [v for v in values if v and not is_role(v)]
    for referral in iv.outcome.referrals:
        names += names_in_free_text(referral, companies)
    return names


def scrubber_for(interviews: Sequence[Interview]) -> Scrubber:
    """One scrubber that knows every person of every record."""
    companies = [iv.company for iv in interviews if iv.company]
    names = [n for iv in interviews for n in named_in_fields(iv, companies)]
    return Scrubber(people_of(interviews), names)


def _person(value: str | None, scrubbed: str | None) -> str | None:
    """A person field as published: initials, or a role ('the recruiter') as scrubbed."""
    if value is None:
        return None
    return scrubbed if is_role(value) else initials(value)


def _withhold(value: Any) -> Any:
    """A private value as published: a text or a mapping (``pay_amount``) as WITHHELD, a
    list as one WITHHELD item; nothing stays nothing."""
    if value is None:
        return None
    if isinstance(value, list):
        return [WITHHELD] if value else []
    return WITHHELD


def _withhold_data(data: Any, inside: str | None = None) -> Any:
    """The loaded data with every private text withheld."""
    if isinstance(data, list):
        return [_withhold_data(x, inside) for x in data]
    if not isinstance(data, dict):
        return data
    hidden = PRIVATE | PRIVATE_IN.get(inside or "", frozenset())
    return {
        k: _withhold(v) if k in hidden else _withhold_data(v, k if isinstance(v, list) else None)
        for k, v in data.items()
    }


def _person_data(data: dict, original: dict) -> dict:
    """The loaded data with person fields as initials and no interviewer contact."""
    data = dict(data)

    def person(value: Any, raw: Any) -> Any:
        return _person(raw, value) if isinstance(raw, str) and isinstance(value, str) else value

    def items(key: str, field: str) -> None:
        new, old = data.get(key), original.get(key)
        if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
            data[key] = [
                {**x, field: person(x.get(field), y.get(field))}
                if isinstance(x, dict) and isinstance(y, dict) and field in x
                else x
                for x, y in zip(new, old, strict=True)
            ]

    items("interviewers", "name")
    items("thank_you", "to")
    items("follow_ups", "spoke_with")
    if isinstance(data.get("interviewers"), list):
        data["interviewers"] = [
            {k: v for k, v in x.items() if k not in ("email", "phone")}
            if isinstance(x, dict)
            else x
            for x in data["interviewers"]
        ]
    closing, raw = data.get("closing"), original.get("closing")
    if isinstance(closing, dict) and isinstance(raw, dict) and "contact_person" in closing:
        data["closing"] = {
            **closing,
            "contact_person": person(closing["contact_person"], raw.get("contact_person")),
        }
    return data


def redact(
    iv: Interview, scrubber: Scrubber | None = None, publish_private: bool = False
) -> Interview:
    """A redacted copy of iv (scrubbing with the given scrubber, else one for iv alone)."""
    s = scrubber or scrubber_for([iv])
    out: Interview = s.obj(iv)
    people = [
        dataclasses.replace(
            p, name=initials(orig.name) if orig.name else None, email=None, phone=None
        )
        for p, orig in zip(out.interviewers, iv.interviewers, strict=True)
    ]
    closing = dataclasses.replace(
        out.closing, contact_person=_person(iv.closing.contact_person, out.closing.contact_person)
    )
    notes = [
        dataclasses.replace(n, to=_person(orig.to, n.to))
        for n, orig in zip(out.thank_you, iv.thank_you, strict=True)
    ]
    follow_ups = [
        dataclasses.replace(f, spoke_with=_person(orig.spoke_with, f.spoke_with))
        for f, orig in zip(out.follow_ups, iv.follow_ups, strict=True)
    ]
    data = _person_data(out.record.data, iv.record.data)
    data.pop("meeting_url", None)  # a meeting link can hold a passcode: never published
    out = dataclasses.replace(
        out,
        meeting_url=None,
        path=s.path(iv.path),
        interviewers=people,
        closing=closing,
        thank_you=notes,
        follow_ups=follow_ups,
    )
    if not publish_private:
        data = _withhold_data(data)
        out = dataclasses.replace(
            out,
            notes=_withhold(out.notes),
            thank_you=[dataclasses.replace(n, text=_withhold(n.text)) for n in out.thank_you],
            follow_ups=[dataclasses.replace(f, notes=_withhold(f.notes)) for f in out.follow_ups],
            reflection=dataclasses.replace(
                out.reflection,
                went_well=_withhold(out.reflection.went_well),
                to_improve=_withhold(out.reflection.to_improve),
            ),
            outcome=dataclasses.replace(
                out.outcome,
                pay=_withhold(out.outcome.pay),
                pay_amount=None,  # a number has no "withheld" form: the pages show none
                start_date=None,
                schedule=_withhold(out.outcome.schedule),
                benefits=_withhold(out.outcome.benefits),
                feedback=_withhold(out.outcome.feedback),
            ),
        )
    record = Record(data, out.record.marks, out.record.key_marks)
    return dataclasses.replace(out, record=record)


def redact_finding(f: Finding, scrubber: Scrubber) -> Finding:
    """The finding with its message scrubbed and its file renamed as its record is."""
    return dataclasses.replace(f, message=scrubber.text(f.message), path=scrubber.path(f.path))


def redact_results(
    results: Iterable[FileResult], publish_private: bool = False
) -> list[FileResult]:
    """Redacted copies of every result; each is scrubbed of every record's people."""
    results = list(results)
    scrubber = scrubber_for([r.interview for r in results if r.interview is not None])
    return [
        FileResult(
            scrubber.path(r.path),
            [redact_finding(f, scrubber) for f in r.findings],
            redact(r.interview, scrubber, publish_private) if r.interview is not None else None,
        )
        for r in results
    ]
