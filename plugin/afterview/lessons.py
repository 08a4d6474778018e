"""Lessons counted: the same reflection item, written again in another interview, is one lesson.

``group(items)`` takes ``(text, source)`` pairs, newest source first, and
returns the lessons most often noted first. Two texts are the same lesson
(content/format.md, "Lessons counted") when, after *folding* (case folded,
accents dropped, punctuation as spaces, runs of spaces as one):

* they are equal ("Ask about team size earlier." / "ask about team-size earlier"),
* or their sets of words other than a few small words (``SMALL_WORDS``) are equal
  ("Ask earlier about the team size"),
* or ``difflib.SequenceMatcher`` finds them at least ``NEAR`` (0.85) alike
  ("Ask about team size earlier" / "Ask about the team's size earlier").

An item joins the lesson whose first text it equals, else the one whose words it
shares, else the first (in the order lessons were started) it is near. A
lesson's count is the number of interviews (sources) it was noted in, so
writing it twice in one record counts once; its wording is
the one written most often, the newest on a tie. Lessons are ordered by
count, then by their newest interview, then by wording. Plain Python, no
dependency: the pages, ``afterview stats`` and the JSON outputs share it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from afterview.model import Interview

NEAR = 0.85
SMALL_WORDS = frozenset("a an the to of in on at for and or my i me about more".split())
_NOT_WORD = re.compile(r"[\W_]+")

S = TypeVar("S", bound=Hashable)


def fold(text: str) -> str:
    """The text as lessons compare it: case folded, accents dropped, words only."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("'", "").replace("\u2019", "")  # "team's" is the word "teams"
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def _words(folded: str) -> frozenset[str]:
    return frozenset(w for w in folded.split() if w not in SMALL_WORDS)


def same_lesson(a: str, b: str) -> bool:
    """True when two folded texts count as one lesson (see the module docstring)."""
    if a == b:
        return True
    words_a = _words(a)
    if words_a and words_a == _words(b):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR


@dataclass
class Lesson(Generic[S]):
    """One lesson: how it was worded, and the sources (interviews) it was noted in."""

    key: str  # the folded text of its first item
    texts: list[str] = field(default_factory=list)  # every item, in the order given
    sources: list[S] = field(default_factory=list)  # distinct, in the order given

    @property
    def count(self) -> int:
        """The number of interviews it was noted in."""
        return len(self.sources)

    @property
    def text(self) -> str:
        """The wording written most often; on a tie, the first given (the newest)."""
        counts = Counter(" ".join(t.split()) for t in self.texts)
        best = max(counts.values())
        return next(t for t in (" ".join(x.split()) for x in self.texts) if counts[t] == best)


def group(items: Iterable[tuple[str, S]]) -> list[Lesson[S]]:
    """The lessons of ``(text, source)`` pairs given newest source first, most noted first.

    An item joins the lesson whose first text it equals once folded, else the one
    whose words it shares, else the first lesson it is near (``same_lesson``); the
    ratio is computed only where its cheap upper bounds reach ``NEAR``.
    """
    lessons: list[Lesson[S]] = []
    exact: dict[str, Lesson[S]] = {}
    by_words: dict[frozenset[str], Lesson[S]] = {}
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for text, source in items:
        folded = fold(text)
        if not folded:
            continue
        words = _words(folded)
        found = exact.get(folded) or (by_words.get(words) if words else None)
        if found is None:
            matcher.set_seq2(folded)  # b, as in same_lesson(key, folded)
            for lesson in lessons:
                matcher.set_seq1(lesson.key)
                if (
                    matcher.real_quick_ratio() >= NEAR
                    and matcher.quick_ratio() >= NEAR
                    and matcher.ratio() >= NEAR
                ):
                    found = lesson
                    break
        if found is None:
            found = Lesson(folded)
            lessons.append(found)
            exact[folded] = found
            if words:
                by_words.setdefault(words, found)
        found.texts.append(text)
        if source not in found.sources:
            found.sources.append(source)
    order = {id(x): i for i, x in enumerate(lessons)}
    return sorted(lessons, key=lambda x: (-x.count, order[id(x)], x.text.casefold()))


def of_interviews(interviews: Iterable[Interview], kind: str) -> list[Lesson[str]]:
    """The lessons of one reflection list (``went_well`` or ``to_improve``) across records,
    each source a record's path; interviews newest first, as the lessons page lists them."""
    dated = sorted(
        (iv for iv in interviews if iv.when is not None),
        key=lambda iv: (-iv.when.start.timestamp(), iv.path),  # type: ignore[union-attr]
    )
    return group((text, iv.path) for iv in dated for text in getattr(iv.reflection, kind))
