"""Where things go on a timeline: marks, rows, axes, ticks, notes and stage counts.

Plain data only, no markup: times become x positions, a row's dated events
and deadlines become ``Mark``s, and the words written under marks, the dates
along the axis and the legend get their places. ``pages.timeline`` draws
what this module lays out, as SVG; the text equivalent reads the same marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache

from afterview.agenda import items_for, sort_key
from afterview.clock import Clock
from afterview.deadlines import deadlines
from afterview.model import Interview
from afterview.pages.common import Entry
from afterview.progress import STAGES, stage
from afterview.wording import moment

# Every word is drawn at 15 units or more (16 for a row's label): the wide drawing
# is shown 0.93 to 1.06 units a CSS pixel (afterview.css caps its width), a phone's
# about one, so no text is under 14 px (tests/test_accessibility.py measures it).
WIDTH = 720
PAD = 18
AXIS = 38  # height of the date axis at the top
ROW = 70  # height of one interview's row: its label, its track, its notes
MAX_LABEL = 52  # characters of "company — role" drawn (whole in the text equivalent)

# The phone drawing: its width is about a 390 px phone's column, so one unit
# is about one CSS pixel and the text sizes in afterview.css are what one sees.
NARROW = 360
N_ROW = 94  # company, then "role · stage", then the track, then its notes
N_COMPANY = 30  # characters of the company drawn on a phone
N_SUB = 42  # characters of "role · stage" drawn on a phone
N_BACK, N_AHEAD = 10, 8  # days around now of a phone's status timeline
N_CHAR = 8.2  # rough width of a character of 15 px text
STATUS_ROWS = 12  # most interviews a status timeline draws (usage.md, "The status page")
TICK_GAP = 70  # least room between two dates of the axis
MERGE = 18  # marks nearer than this (a mark's width) would hide each other: drawn as one


@dataclass(frozen=True)
class Mark:
    """One thing on a timeline: an event that happened or a deadline."""

    at: datetime
    kind: str  # interview, note, reflection, follow-up, step, outcome, deadline, step-due
    label: str  # plain text (escaped when drawn)
    state: str  # done, upcoming, due, overdue, step
    short: str = ""  # a deadline's action (thank-you, follow-up, ...), written under it


def in_play(iv: Interview) -> bool:
    """Pending, or an offer not yet answered."""
    o = iv.outcome
    return o.status == "pending" or (o.status == "offer" and o.decision in (None, "pending"))


def marks_for(iv: Interview, clock: Clock, steps: bool = False) -> list[Mark]:
    """The interview, what was done, and its open deadlines (overdue marked).

    With ``steps``, also the playbook's own deadlines (thank-you, reflection,
    follow-up) as "by" marks, done or not, for the interview's page.
    """
    now = clock.now
    out: list[Mark] = []
    if iv.when is not None:
        state = "done" if iv.when.start <= now else "upcoming"
        out.append(Mark(iv.when.start, "interview", "Interview", state))
    for note in iv.thank_you:
        if note.sent is not None:
            out.append(Mark(note.sent.start, "note", f"Thank-you note to {note.to or '?'}", "done"))
    if iv.reflection.written is not None:
        out.append(Mark(iv.reflection.written.start, "reflection", "Reflection written", "done"))
    for f in iv.follow_ups:
        if f.date is not None:
            who = "you" if f.by == "me" else "them"
            out.append(Mark(f.date.start, "follow-up", f"Follow-up by {who}", "done"))
    for step in iv.closing.next_steps:
        if step.done_at is not None:
            out.append(Mark(step.done_at.start, "step", f"Done: {step.action or 'a step'}", "done"))
    if iv.outcome.present and iv.outcome.date is not None:
        out.append(Mark(iv.outcome.date.start, "outcome", f"Outcome: {iv.outcome.status}", "done"))
    for item in sorted(items_for(iv, clock), key=sort_key):
        if item.due is not None and item.action != "interview":
            state = "overdue" if item.overdue else "due"
            out.append(Mark(item.due, "deadline", item.detail, state, item.action))
    if steps:
        dl = deadlines(iv, clock)
        if dl is not None:
            for at, label in (
                (dl.thank_you, "Thank-you notes by"),
                (dl.reflection, "Reflection by"),
                (dl.follow_up, "Follow-up call from"),
            ):
                if not any(m.kind == "deadline" and m.at == at for m in out):
                    out.append(Mark(at, "step-due", label, "step"))
    out.sort(key=lambda m: m.at)
    return out


def describe(m: Mark, clock: Clock) -> str:
    """A mark in words, with its moment: its drawing's title and its line of the text."""
    return _describe(m, clock.tz)


@lru_cache(maxsize=8192)  # each mark is described by both drawings and the text equivalent
def _describe(m: Mark, tz: tzinfo) -> str:
    when = moment(m.at, tz)
    if m.state == "overdue":
        return f"OVERDUE: {m.label}, due {when}"
    if m.state == "due":
        return f"Due: {m.label}, {when}"
    if m.state == "upcoming":
        return f"{m.label} (coming), {when}"
    return f"{m.label}, {when}"


# Which mark of a group is drawn: the most urgent (overdue first, then due, ...).
_URGENCY = {"overdue": 0, "due": 1, "upcoming": 2, "done": 3, "step": 4}
_KIND = {"interview": 0, "outcome": 1, "deadline": 2, "step-due": 4}


@dataclass(frozen=True)
class Spot:
    """Where one mark is drawn, or several that would hide each other, as one."""

    x: int
    marks: tuple[Mark, ...]

    @property
    def lead(self) -> Mark:
        """The mark whose shape is drawn: the most urgent."""
        return min(self.marks, key=lambda m: (_URGENCY.get(m.state, 5), _KIND.get(m.kind, 3)))


def spots(placed: Sequence[tuple[Mark, int]]) -> list[Spot]:
    """Marks at their x, merged into one spot where they would overlap.

    Left to right, a mark less than MERGE units right of the last spot joins
    it (a spot stays at its first mark's x), so no two spots overlap.
    """
    out: list[tuple[int, list[Mark]]] = []
    for m, x in sorted(placed, key=lambda p: (p[1], p[0].at)):
        if out and x - out[-1][0] < MERGE:
            out[-1][1].append(m)
        else:
            out.append((x, [m]))
    return [Spot(x, tuple(marks)) for x, marks in out]


def describe_spot(spot: Spot, clock: Clock) -> str:
    """A spot in words: its one mark, or how many and each of them."""
    if len(spot.marks) == 1:
        return describe(spot.marks[0], clock)
    said = "; ".join(describe(m, clock) for m in spot.marks)
    return f"{len(spot.marks)} marks at once: {said}"


def cut(text: str, limit: int) -> str:
    """The text, cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Row:
    """One interview's row: who, which stage, and its marks."""

    company: str
    role: str
    stage: str
    marks: list[Mark]

    @property
    def label(self) -> str:
        """The wide drawing's one line (cut to MAX_LABEL before the stage)."""
        return f"{cut(f'{self.company} — {self.role}', MAX_LABEL)} · {self.stage}"

    @property
    def title(self) -> str:
        """The text equivalent's line: company, role and stage, whole."""
        return f"{self.company} — {self.role} · {self.stage}"

    @property
    def sublabel(self) -> str:
        """The phone drawing's second line: role and stage."""
        return f"{cut(self.role, N_SUB - len(self.stage) - 3)} · {self.stage}"


def row_for(e: Entry, clock: Clock, steps: bool = False) -> Row:
    """The row of an entry that has an interview."""
    iv = e.interview
    assert iv is not None
    return Row(
        iv.company or "(no company)",
        iv.role or "(no role)",
        stage(iv, clock),
        marks_for(iv, clock, steps=steps),
    )


def status_rows(
    entries: Sequence[Entry], clock: Clock, limit: int = STATUS_ROWS
) -> tuple[list[Row], int]:
    """The status timeline's rows: the interviews in play, the latest (by their earliest
    mark) first, at most ``limit``; also how many are in play."""
    rows = [row_for(e, clock) for e in entries if e.interview is not None and in_play(e.interview)]
    rows.sort(key=lambda r: min((m.at for m in r.marks), default=clock.now), reverse=True)
    return rows[:limit], len(rows)


class Axis:
    """Maps times to x between PAD and width - PAD."""

    def __init__(self, start: datetime, end: datetime, width: int = WIDTH) -> None:
        self.start, self.end = start, end
        self.span = max((end - start).total_seconds(), 3600.0)
        self.width = width

    def x(self, at: datetime) -> int:
        frac = (at - self.start).total_seconds() / self.span
        return round(PAD + frac * (self.width - 2 * PAD))

    def inside(self, at: datetime) -> bool:
        return 0 <= (at - self.start).total_seconds() <= self.span


def domain(marks: Sequence[Mark], now: datetime) -> tuple[datetime, datetime]:
    """From the earliest mark (at most four weeks back) to the latest (at most four ahead)."""
    early, late = now - timedelta(days=28), now + timedelta(days=28)
    times = [m.at for m in marks if early <= m.at <= late] + [now]
    start = min(min(times), now - timedelta(days=3)) - timedelta(days=1)
    end = max(max(times), now + timedelta(days=7)) + timedelta(days=1)
    return start, end


def narrow_domain(marks: Sequence[Mark], now: datetime) -> tuple[datetime, datetime]:
    """A phone's window: the wide domain cut to N_BACK days before now and N_AHEAD after."""
    start, end = domain(marks, now)
    return max(start, now - timedelta(days=N_BACK)), min(end, now + timedelta(days=N_AHEAD))


@dataclass(frozen=True)
class Tick:
    """A date along the axis: its x, and its words (empty when they would not fit)."""

    x: int
    label: str


def ticks(axis: Axis, clock: Clock) -> list[Tick]:
    """A tick each day, two days or week (Mondays): the first that leaves TICK_GAP units."""
    start, end = axis.start, axis.end
    days = (end - start).days
    per_day = (axis.width - 2 * PAD) / max(days, 1)
    step = next((s for s in (1, 2, 7) if s * per_day >= TICK_GAP), 14)
    first = clock.in_zone(start).replace(hour=0, minute=0, second=0, microsecond=0)
    first += timedelta(days=1)
    if step >= 7:
        first += timedelta(days=(7 - first.weekday()) % 7)  # Mondays
    out: list[Tick] = []
    day = first
    while day < end:
        x = axis.x(day)
        label = f"{day:%b} {day.day}"
        half = N_CHAR * len(label) / 2  # a date is written only if it fits whole
        out.append(Tick(x, label if half <= x <= axis.width - half else ""))
        day = clock.in_zone(day + timedelta(days=step)).replace(hour=0, minute=0)
    return out


@dataclass(frozen=True)
class Note:
    """Words written under a mark: a deadline's action, late or soon."""

    x: int
    text: str
    late: bool


def notes(
    marks: Sequence[Mark],
    axis: Axis,
    now: datetime,
    spans: list[tuple[int, int]] | None = None,
    edge: bool = False,
) -> list[Note]:
    """The action written under each overdue deadline and each due within two days.

    Each note is kept inside the drawing and clear of the one before; the x
    range it covers is appended to ``spans`` when given. With ``edge`` (a
    phone's window) a deadline overdue since before the window is noted at
    its left edge.
    """
    out: list[Note] = []
    last = -1000
    for m in sorted(marks, key=lambda m: m.at):
        soon = m.state == "due" and m.at - now <= timedelta(days=2)
        at = m.at
        if edge and m.state == "overdue":
            at = max(at, axis.start)
        if not (m.state == "overdue" or soon) or not m.short or not axis.inside(at):
            continue
        late = m.state == "overdue"
        text = m.short + " overdue" if late else m.short
        half = round(N_CHAR * len(text) / 2)
        x = min(max(axis.x(at), PAD + half), axis.width - PAD - half)
        if x - half < last + 8:  # would overlap the previous note
            continue
        last = x + half
        if spans is not None:
            spans.append((x - half, x + half))
        out.append(Note(x, text, late))
    return out


@dataclass(frozen=True)
class More:
    """A count of the marks outside a phone's window, at one end of the track."""

    x: int
    text: str
    later: bool


def more(earlier: int, later: int, spans: Sequence[tuple[int, int]]) -> list[More]:
    """Counts of the marks outside a phone's window, where no note is written."""
    out: list[More] = []
    for n, text, x0, is_later in (
        (earlier, f"◂ {earlier} earlier", PAD, False),
        (later, f"{later} later ▸", NARROW - PAD, True),
    ):
        if not n:
            continue
        lo, hi = (x0 - N_CHAR * len(text), x0) if is_later else (x0, x0 + N_CHAR * len(text))
        if any(a < hi + 6 and lo - 6 < b for a, b in spans):
            continue
        out.append(More(x0, text, is_later))
    return out


# The legend: each kind of mark, its words, and where its words start after its symbol.
KEY = (
    ("interview", "interview", 12),
    ("done", "done", 10),
    ("due", "due", 12),
    ("overdue", "overdue", 14),
    ("outcome", "outcome", 12),
    ("now", "now", 8),
    ("several", "several at once", 14),
    ("step", "playbook deadline", 8),
)


@dataclass(frozen=True)
class Key:
    """One entry of a legend: the kind's symbol at (x, y), its words at (tx, ty)."""

    kind: str
    text: str
    x: int
    y: int
    tx: int
    ty: int


def legend(
    y: int, steps: bool, several: bool = False, width: int = WIDTH, line: int = 26
) -> tuple[list[Key], int]:
    """The legend from ``y``, wrapped to ``width``; also the height it takes.

    The "several at once" key only when the drawing merged marks, the
    playbook's deadlines only with ``steps``.
    """
    out: list[Key] = []
    x, lines = PAD, 1
    for kind, text, dx in KEY:
        if (kind == "step" and not steps) or (kind == "several" and not several):
            continue
        need = 9 + dx + round(N_CHAR * len(text))
        if x + need > width - PAD:
            x, y, lines = PAD, y + line, lines + 1
        out.append(Key(kind, text, x + 9, y, x + 9 + dx, y + 5))
        x += need + 18
    return out, line * lines + 12


def now_bands(top: int, rows: int, row: int, track: int, half: int) -> list[tuple[int, int]]:
    """Where the now line and the grid may run: the axis, then each row's track.

    From ``top`` to the first row, then ``half`` units either side of each
    row's track (``track`` below the row's top): never across a row's words.
    """
    return [(top, AXIS)] + [(AXIS + i * row + track - half, AXIS + i * row + track + half)
                            for i in range(rows)]  # fmt: skip


def stage_counts(entries: Sequence[Entry], clock: Clock) -> dict[str, int]:
    """How many interviews are at each stage, every stage listed in order."""
    counts = dict.fromkeys(STAGES, 0)
    for e in entries:
        if e.interview is not None:
            counts[stage(e.interview, clock)] += 1
    return counts


@dataclass(frozen=True)
class Segment:
    """A stage's part of the wide stage bar: from x, w wide, with the words it holds."""

    name: str
    n: int
    x: int
    w: int
    label: str
    middle: int


def segments(counts: dict[str, int], width: int = WIDTH) -> list[Segment]:
    """The wide stage bar: one segment per stage present, as wide as its share."""
    total = sum(counts.values())
    out: list[Segment] = []
    x = 0.0
    for name, n in counts.items():
        if not n:
            continue
        w = n / total * width
        label = f"{name} {n}" if w >= N_CHAR * (len(f"{name} {n}") + 2) else ""  # or: the key
        out.append(Segment(name, n, round(x), max(1, round(x + w) - round(x)), label,
                           round(x + w / 2)))  # fmt: skip
        x += w
    return out


@dataclass(frozen=True)
class StageKey:
    """A stage's name and count under the wide stage bar, after a swatch at (x, y)."""

    name: str
    n: int
    x: int
    y: int


def stage_keys(counts: dict[str, int], y: int, width: int = WIDTH) -> tuple[list[StageKey], int]:
    """Every stage present named under the bar, wrapped to ``width``; also the height."""
    out: list[StageKey] = []
    x, lines = 0, 1
    for name, n in counts.items():
        if not n:
            continue
        need = 20 + round(N_CHAR * len(f"{name} {n}"))
        if x + need > width:
            x, y, lines = 0, y + 24, lines + 1
        out.append(StageKey(name, n, x, y))
        x += need + 18
    return out, 24 * lines
