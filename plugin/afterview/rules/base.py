"""What a rule is: an id, a default severity, a kind, the playbook step, and a check.

A rule's documentation is the docstring of its check function (Markdown:
what it does, why it matters, an example, how to fix). ``afterview rules ID``
prints it and the site publishes it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from afterview.loader import Path_
from afterview.rules.steps import STEP_PAGES, STEPS

if TYPE_CHECKING:
    from afterview.clock import Clock
    from afterview.deadlines import Deadlines
    from afterview.model import Interview

# What a finding says (content/usage.md, "Two kinds of findings"). A record finding
# follows from what the file says (once the interview is over) and stays until the
# file changes, so it may block a commit or publishing. A deadline finding appears
# as time passes with no change to the file, and goes once the step is done and
# recorded: a reminder, which never blocks either.
RECORD = "record"  # the record is wrong or incomplete
DEADLINE = "deadline"  # a step is due or overdue
KINDS = {
    RECORD: "the record is wrong or incomplete",
    DEADLINE: "a playbook step is due or overdue",
}

# When a rule applies (content/format.md, "What the checks ask").
ALWAYS = "always"  # every file, upcoming or not
AFTER = "after"  # once the interview has ended
WAIT = "wait"  # once ended, and unless the outcome is withdrawn


@dataclass(frozen=True)
class Hit:
    """One place a rule reports. ``at`` None means the top of the file."""

    at: Path_ | None
    message: str
    due: datetime | None = None
    severity: str | None = None  # overrides the rule's default (offer-terms-unconfirmed)
    key: bool = False  # point at the key of ``at`` rather than its value
    # The fields the finding rests on: a schema finding at, inside or around one of them
    # holds the finding back. None: those at ``at``, inside it or just below it.
    reads: tuple[Path_, ...] | None = None


@dataclass(frozen=True)
class Context:
    interview: Interview
    clock: Clock
    deadlines: Deadlines | None


Check = Callable[[Context], Iterable[Hit]]
_Doc = TypeVar("_Doc", bound=Callable[..., object])  # a function that only carries docs


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    step: str
    applies: str
    check: Check | None  # None for the rules the loader and schema stage report
    kind: str = RECORD  # RECORD or DEADLINE
    action: str | None = None  # the agenda action this rule reports once overdue

    @property
    def doc(self) -> str:
        """The rule's documentation in Markdown (its check's docstring)."""
        return inspect.cleandoc(self._doc_source.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def step_title(self) -> str:
        return STEPS[self.step]

    @property
    def step_page(self) -> str:
        return STEP_PAGES[self.step]

    @property
    def _doc_source(self) -> Callable[..., object]:
        return self.check or _DOC_ONLY[self.id]


_DOC_ONLY: dict[str, Callable[..., object]] = {}
REGISTRY: list[Rule] = []


def _known_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def rule(
    id: str, severity: str, step: str, applies: str = WAIT, *, kind: str, action: str | None = None
) -> Callable[[Check], Check]:
    """Register a check function as the rule ``id`` of the given kind (RECORD or DEADLINE).

    ``action`` names the agenda action (``afterview.agenda.ACTIONS``) the rule
    reports once it is overdue: turning the rule off drops the action too.
    """

    def register(fn: Check) -> Check:
        REGISTRY.append(Rule(id, severity, step, applies, fn, _known_kind(kind), action))
        return fn

    return register


def documented(id: str, severity: str, step: str, *, kind: str = RECORD) -> Callable[[_Doc], _Doc]:
    """Register a rule reported outside the rule pass; fn only carries its docs."""

    def register(fn: _Doc) -> _Doc:
        _DOC_ONLY[id] = fn
        REGISTRY.append(Rule(id, severity, step, ALWAYS, None, _known_kind(kind)))
        return fn

    return register


def each(ctx: Context, key: str, field: str) -> tuple[Path_, ...]:
    """The path of field in every item of the top-level list key (key itself if not a list)."""
    items = ctx.interview.record.data.get(key)
    if not isinstance(items, list):
        return ((key,),)
    return tuple((key, i, field) for i in range(len(items)))


def q(text: str, limit: int = 80) -> str:
    """User text for a message: quoted, on one line, and cut to limit characters."""
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return f"'{one_line}'"
