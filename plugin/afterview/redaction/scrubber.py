"""The scrubber: replaces every email, phone number and known name in any text,
in plain loaded data and in dataclass trees (model objects, findings), and
renames a file name that holds one."""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from afterview.loader import Record
from afterview.model import Person
from afterview.moments import Moment
from afterview.redaction.contacts import (
    DATES,
    EMAIL,
    EMAIL_WITHHELD,
    LOOSE_EMAIL,
    PHONE,
    PHONE_WITHHELD,
    as_token,
    phone_like,
    phone_patterns,
)
from afterview.redaction.fold import OTHER_SCRIPTS, Folded, fold, fold_text
from afterview.redaction.names import (
    HONORIFIC_WORDS,
    Name,
    gap,
    initials,
    is_role,
    joined_at,
    name_words,
    strip_contacts,
    unspaced_keys,
    whole_name,
    words_of,
)

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


class Scrubber:
    """Replaces emails, phone numbers and the known names in any text."""

    def __init__(self, people: Iterable[Person] = (), other_names: Iterable[str] = ()) -> None:
        exact: list[tuple[re.Pattern[str], str]] = []
        names: dict[str, str] = {}
        for p in people:
            # A known email or number the shapes below would miss is matched as written.
            email = fold_text(p.email.strip()) if p.email else ""
            if email and not EMAIL.fullmatch(email) and (token := as_token(email)):
                exact.append((token, EMAIL_WITHHELD))
            if p.phone and len(re.sub(r"\D", "", fold_text(p.phone))) < 7:
                exact.extend((pat, PHONE_WITHHELD) for pat in phone_patterns(p.phone))
            if p.name:
                names.setdefault(fold_text(" ".join(p.name.split())), p.name)
        for other in other_names:
            if other and not is_role(other):
                names.setdefault(fold_text(" ".join(strip_contacts(other).split())), other)
        # A name the records write in Cyrillic or Greek is also known by its sound in
        # Latin letters ("Дана Уитфилд" as "dana uitfild"), as its initials show it.
        sounded = {
            fold_text(original, transliterate=True): original
            for original in names.values()
            if OTHER_SCRIPTS.search(original)
        }
        matchers = [name_words(original) for original in names.values()]
        matchers += [_sounded(key, original) for key, original in sounded.items()]
        # Longer names first, so 'Dana Jane Whitfield' wins over 'Dana Whitfield'.
        self._names = sorted((n for n in matchers if n is not None), key=lambda n: -n.size)
        self._starts: dict[str, list[Name]] = {}  # by the word a whole name may start with
        self._singles: dict[str, list[Name]] = {}
        for n in self._names:
            for key in {n.first, n.last}:
                self._starts.setdefault(key, []).append(n)
            for key in n.singles:
                self._singles.setdefault(key, []).append(n)
        # by initial and surname ("J. Smith", "j_smith")
        self._initialled: dict[tuple[str, str], Name] = {}
        for n in self._names:
            if n.size >= 2:
                self._initialled.setdefault((n.first[:1], n.last), n)
        # by surname, for a surname alone after an honorific ("Ms. Le", particles included)
        self._surnames: dict[str, Name] = {}
        for n in self._names:
            if n.size >= 2:
                self._surnames.setdefault(n.last, n)
        # names in scripts written without spaces, matched inside runs of characters
        self._unspaced = sorted(
            ((key, n) for n in self._names for key in unspaced_keys(n)),
            key=lambda kn: -len(kn[0]),
        )
        self._exact = exact
        self._memo: dict[str, str] = {}

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) in text, not overlapping, in order. A text with
        Cyrillic or Greek letters is read twice, by their look and by their sound
        ("Дана" is Dana), and what either reading finds is replaced."""
        found = self._spans(text, fold(text))
        if OTHER_SCRIPTS.search(text):
            found = _union(found + self._spans(text, fold(text, transliterate=True)))
        return found

    def _spans(self, text: str, folded: Folded) -> list[tuple[int, int, str]]:
        """``spans`` for one reading of the text."""
        f = folded.text
        found: list[tuple[int, int, str]] = []  # not overlapping, in order
        starts: list[int] = []

        def take(start: int, end: int, replacement: str) -> None:
            """Keep a span unless it overlaps one kept before (the spans kept being
            ordered and apart, only the one starting last before ``end`` can)."""
            at = bisect.bisect_left(starts, end)
            if end <= start or (at and found[at - 1][1] > start):
                return
            starts.insert(at, start)
            found.insert(at, (start, end, replacement))

        for m in EMAIL.finditer(f):
            start, end = m.start(), m.end()
            opening = f[:start].rstrip()
            closing = f[end:].lstrip()
            if opening.endswith("<") and closing.startswith(">"):  # Name <address>
                start = _display_name_start(text, folded, len(opening) - 1)
                end = len(f) - len(closing) + 1
            take(start, end, EMAIL_WITHHELD)
        for m in LOOSE_EMAIL.finditer(f):
            take(m.start(), m.end(), EMAIL_WITHHELD)
        for pattern, replacement in self._exact:
            for m in pattern.finditer(f):
                take(m.start(), m.end(), replacement)
        masked = DATES.sub(lambda m: "d" * len(m.group()), f)
        for m in PHONE.finditer(masked):
            if phone_like(m.group(), masked[max(0, m.start() - 2) : m.start()]):
                take(m.start(), m.end(), PHONE_WITHHELD)
        # Whole names first (longer names first), then words alone, so that a word of
        # one name never splits another person's whole name.
        words = words_of(f)

        def capital(at: int) -> bool:
            return _capitalised(text, folded, at)

        for i, word in enumerate(words):
            names = [n for key, _ in joined_at(words, i, f) for n in self._starts.get(key, ())]
            for name in sorted(names, key=lambda n: -n.size):
                stop = whole_name(name, words, i, f, capital)
                if stop is not None:
                    take(word.start, stop, name.replacement)
                    break
        for i, word in enumerate(words[:-1]):
            surname = self._surnames.get(words[i + 1].canon)
            if surname is not None and word.canon in HONORIFIC_WORDS and gap(words, i + 1, f):
                take(word.start, words[i + 1].end, surname.replacement)
        for key, n in self._unspaced:
            at = f.find(key)
            while at >= 0:
                take(at, at + len(key), n.replacement)
                at = f.find(key, at + len(key))
        for i, word in enumerate(words[:-1]):  # an initial and the surname: "J. Smith"
            if len(word.canon) == 1 and gap(words, i + 1, f):
                for key, end in joined_at(words, i + 1, f):
                    initialled = self._initialled.get((word.canon, key))
                    if initialled is not None:
                        take(word.start, words[end - 1].end, initialled.replacement)
                        break
        for i, word in enumerate(words):
            for key, end in joined_at(words, i, f):
                bare = key.rstrip("0123456789")  # a handle with a number: "jsmith42"
                found_single = self._singles.get(key) or (
                    self._singles.get(bare) if len(bare) >= 3 else None
                )
                single = next(iter(found_single or ()), None)
                if single is None:
                    continue
                key = key if key in self._singles else bare
                if key in single.common and not _capitalised(text, folded, word.start):
                    continue
                take(word.start, words[end - 1].end, single.replacement)
                break
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


def _sounded(key: str, original: str) -> Name | None:
    """The matcher of a name's Latin reading, replaced by the original's initials."""
    name = name_words(key)
    return dataclasses.replace(name, replacement=initials(original)) if name else None


def _union(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans found by two readings as one list in order; spans that overlap become one,
    covering both, with the first one's replacement (redaction fails closed)."""
    out: list[tuple[int, int, str]] = []
    for start, end, replacement in sorted(spans):
        if out and start < out[-1][1]:
            s, e, r = out[-1]
            out[-1] = (s, max(e, end), r)
        else:
            out.append((start, end, replacement))
    return out


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
