"""Pictures drawn at build time: interview timelines and the stage bar, as inline SVG.

No chart library and no script: each drawing is SVG markup written here,
styled only through ``av-tl*`` classes (site_overrides/assets/afterview.css,
which follows Material's light and dark palettes and prints), so it works
under a Content-Security-Policy without inline styles and loads nothing.
Every drawing has ``role="img"``, a ``<title>`` and a ``<desc>``, and a text
equivalent follows it. Record text enters only through ``markup.svg_text``
(inside the SVG) and ``markup.esc`` (the text equivalent); the pages pass
the same (redacted) entries they show everywhere else.

Marks: the interview (filled circle), what was done (notes, reflection,
follow-ups, next steps: small filled circles; the outcome: a diamond),
deadlines still open (hollow circles) and overdue ones (a triangle holding
"!" plus a bar from the deadline to now), and a dashed line for now.

Each picture is drawn twice: a wide drawing for screens and print, and a
narrow one for phones (a shorter window around now, fewer ticks, larger
text, each row's label above its track; the stage bar as one labelled bar
per stage). Both are in the page; a CSS media query displays one and hides
the other with ``display: none``, so screen readers and print meet one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from afterview.agenda import items_for, sort_key
from afterview.clock import Clock
from afterview.deadlines import deadlines
from afterview.model import Interview
from afterview.pages.common import Entry
from afterview.pages.markup import Md, esc, md, svg_text
from afterview.progress import STAGES, stage
from afterview.wording import moment

WIDTH = 720
PAD = 18
AXIS = 34  # height of the date axis at the top
ROW = 48  # height of one interview's row
LEGEND = 34
MAX_LABEL = 70  # characters of "company — role" drawn (the full text is in <title>)

# The phone drawing: its width is about a 390 px phone's column, so one unit
# is about one CSS pixel and the text sizes in afterview.css are what one sees.
NARROW = 360
N_ROW = 88  # company, then "role · stage", then the track, then its notes
N_COMPANY = 34  # characters of the company drawn on a phone
N_SUB = 44  # characters of "role · stage" drawn on a phone
N_BACK, N_AHEAD = 10, 8  # days around now of a phone's status timeline
N_CHAR = 7.4  # rough width of a character of the phone drawing's 13 px text


@dataclass(frozen=True)
class Mark:
    """One thing on a timeline: an event that happened or a deadline."""

    at: datetime
    kind: str  # interview, note, reflection, follow-up, step, outcome, deadline
    label: str  # plain text (escaped when drawn)
    state: str  # done, upcoming, due, overdue
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
            out.append(
                Mark(
                    item.due,
                    "deadline",
                    item.detail,
                    "overdue" if item.overdue else "due",
                    item.action,
                )
            )
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


def _title(m: Mark, clock: Clock) -> str:
    when = moment(m.at, clock.tz)
    if m.state == "overdue":
        return f"OVERDUE: {m.label}, due {when}"
    if m.state == "due":
        return f"Due: {m.label}, {when}"
    if m.state == "upcoming":
        return f"{m.label} (coming), {when}"
    return f"{m.label}, {when}"


@dataclass(frozen=True)
class _Row:
    """One interview's row: who, which stage, and its marks."""

    company: str
    role: str
    stage: str
    marks: list[Mark]

    @property
    def label(self) -> str:
        """The wide drawing's and the text equivalent's one line."""
        text = f"{self.company} — {self.role}"
        if len(text) > MAX_LABEL:
            text = text[: MAX_LABEL - 1] + "…"
        return f"{text} · {self.stage}"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Axis:
    """Maps times to x between PAD and width - PAD."""

    def __init__(self, start: datetime, end: datetime, width: int = WIDTH) -> None:
        self.start, self.span = start, max((end - start).total_seconds(), 3600.0)
        self.width = width

    def x(self, at: datetime) -> int:
        frac = (at - self.start).total_seconds() / self.span
        return round(PAD + frac * (self.width - 2 * PAD))

    def inside(self, at: datetime) -> bool:
        return 0 <= (at - self.start).total_seconds() <= self.span


def _domain(marks: Sequence[Mark], now: datetime) -> tuple[datetime, datetime]:
    """From the earliest mark (at most four weeks back) to the latest (at most four ahead)."""
    early, late = now - timedelta(days=28), now + timedelta(days=28)
    times = [m.at for m in marks if early <= m.at <= late] + [now]
    start = min(min(times), now - timedelta(days=3)) - timedelta(days=1)
    end = max(max(times), now + timedelta(days=7)) + timedelta(days=1)
    return start, end


def _narrow_domain(marks: Sequence[Mark], now: datetime) -> tuple[datetime, datetime]:
    """A phone's window: the wide domain cut to N_BACK days before now and N_AHEAD after."""
    start, end = _domain(marks, now)
    return max(start, now - timedelta(days=N_BACK)), min(end, now + timedelta(days=N_AHEAD))


def _ticks(
    axis: _Axis,
    start: datetime,
    end: datetime,
    clock: Clock,
    bottom: int,
    narrow: bool = False,
    bands: Sequence[tuple[int, int]] = (),
) -> list[Md]:
    """Dates along the top, and a grid line down from each (on a phone, across ``bands``)."""
    days = (end - start).days
    if narrow:  # at least 60 units between two dates
        per_day = (axis.width - 2 * PAD) / max(days, 1)
        step = next((s for s in (1, 2, 7) if s * per_day >= 60), 14)
    else:
        step = 1 if days <= 12 else 2 if days <= 24 else 7
    first = clock.in_zone(start).replace(hour=0, minute=0, second=0, microsecond=0)
    first += timedelta(days=1)
    if step >= 7:
        first += timedelta(days=(7 - first.weekday()) % 7)  # Mondays
    out: list[Md] = []
    day = first
    while day < end:
        x = axis.x(day)
        for y1, y2 in bands or [(22, bottom)]:
            out.append(md('<line class="av-tl-grid" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                          x, y1, x, y2))  # fmt: skip
        label = f"{day:%b} {day.day}"
        half = N_CHAR * len(label) / 2  # a phone's date is written only if it fits whole
        if not narrow or half <= x <= axis.width - half:
            out.append(md('<text class="av-tl-tick" x="{}" y="15">{}</text>', x, svg_text(label)))
        day = clock.in_zone(day + timedelta(days=step)).replace(hour=0, minute=0)
    return out


def _mark(m: Mark, x: int, y: int, clock: Clock) -> Md:
    title = svg_text(_title(m, clock))
    if m.state == "overdue":
        shape = md(
            '<path class="av-tl-mark av-tl-mark--overdue" d="M{} {}l9 16h-18z"/>'
            '<text class="av-tl-bang" x="{}" y="{}">!</text>',
            x,
            y - 10,
            x,
            y + 4,
        )
    elif m.kind == "step-due":
        shape = md(
            '<line class="av-tl-mark av-tl-mark--step" x1="{}" y1="{}" x2="{}" y2="{}"/>',
            x,
            y - 8,
            x,
            y + 8,
        )
    elif m.state == "due":
        shape = md('<circle class="av-tl-mark av-tl-mark--due" cx="{}" cy="{}" r="6"/>', x, y)
    elif m.kind == "interview":
        cls = "av-tl-mark--interview" if m.state == "done" else "av-tl-mark--coming"
        shape = md('<circle class="av-tl-mark {}" cx="{}" cy="{}" r="8"/>', cls, x, y)
    elif m.kind == "outcome":
        shape = md(
            '<path class="av-tl-mark av-tl-mark--outcome" d="M{} {}l7 7l-7 7l-7 -7z"/>', x, y - 7
        )
    else:
        shape = md('<circle class="av-tl-mark av-tl-mark--done" cx="{}" cy="{}" r="5"/>', x, y)
    return md("<g><title>{}</title>{}</g>", title, shape)


def _notes(
    marks: Sequence[Mark],
    axis: _Axis,
    y: int,
    now: datetime,
    spans: list[tuple[int, int]] | None = None,
) -> list[Md]:
    """The action written under each overdue deadline and each due within two days.

    With ``spans`` (the phone drawing), each note is kept inside the drawing
    and the x range it covers is appended to ``spans``.
    """
    out: list[Md] = []
    last = -100
    for m in sorted(marks, key=lambda m: m.at):
        soon = m.state == "due" and m.at - now <= timedelta(days=2)
        at = m.at
        if spans is not None and m.state == "overdue":
            at = max(at, axis.start)  # on a phone, overdue since before the window: its edge
        if not (m.state == "overdue" or soon) or not m.short or not axis.inside(at):
            continue
        x = axis.x(at)
        if x - last < 8 * len(m.short):  # would overlap the previous note
            continue
        last = x
        if spans is not None:
            half = round(N_CHAR * (len(m.short) + (8 if m.state == "overdue" else 0)) / 2)
            x = min(max(x, PAD + half), axis.width - PAD - half)
            spans.append((x - half, x + half))
        if m.state == "overdue":
            text = md('<text class="av-tl-note av-tl-note--late" x="{}" y="{}">{}</text>',
                      x, y, svg_text(m.short + " overdue"))  # fmt: skip
        else:
            text = md('<text class="av-tl-note" x="{}" y="{}">{}</text>', x, y, svg_text(m.short))
        out.append(text)
    return out


def _symbol(kind: str, x: int, y: int) -> Md:
    """The legend's drawing of a kind of mark, centred at (x, y)."""
    if kind == "interview":
        return md('<circle class="av-tl-mark av-tl-mark--interview" cx="{}" cy="{}" r="7"/>', x, y)
    if kind == "done":
        return md('<circle class="av-tl-mark av-tl-mark--done" cx="{}" cy="{}" r="5"/>', x, y)
    if kind == "due":
        return md('<circle class="av-tl-mark av-tl-mark--due" cx="{}" cy="{}" r="6"/>', x, y)
    if kind == "overdue":
        return md(
            '<path class="av-tl-mark av-tl-mark--overdue" d="M{} {}l9 16h-18z"/>'
            '<text class="av-tl-bang" x="{}" y="{}">!</text>',
            x,
            y - 10,
            x,
            y + 4,
        )
    if kind == "outcome":
        return md('<path class="av-tl-mark av-tl-mark--outcome" d="M{} {}l7 7l-7 7l-7 -7z"/>',
                  x, y - 7)  # fmt: skip
    if kind == "now":
        return md('<line class="av-tl-now" x1="{}" y1="{}" x2="{}" y2="{}"/>', x, y - 9, x, y + 9)
    return md('<line class="av-tl-mark av-tl-mark--step" x1="{}" y1="{}" x2="{}" y2="{}"/>',
              x, y - 8, x, y + 8)  # fmt: skip


# The legend: each kind, where the wide drawing puts its symbol, and its text's offset.
_KEY = (
    ("interview", "interview", 24, 12),
    ("done", "done", 124, 10),
    ("due", "due", 196, 12),
    ("overdue", "overdue", 262, 14),
    ("outcome", "outcome", 352, 12),
    ("now", "now", 440, 8),
    ("step", "playbook deadline", 500, 8),
)


def _legend(y: int, steps: bool) -> list[Md]:
    parts: list[Md] = []
    for kind, text, x, dx in _KEY if steps else _KEY[:-1]:
        parts.append(_symbol(kind, x, y))
        parts.append(md('<text class="av-tl-key" x="{}" y="{}">{}</text>', x + dx, y + 4, text))
    return parts


def _narrow_legend(y: int, steps: bool) -> tuple[list[Md], int]:
    """The legend wrapped to the phone drawing's width; also the height it takes."""
    parts: list[Md] = []
    x, lines = PAD, 1
    for kind, text, _x, dx in _KEY if steps else _KEY[:-1]:
        need = 9 + dx + round(N_CHAR * len(text))
        if x + need > NARROW - PAD:
            x, y, lines = PAD, y + 24, lines + 1
        parts.append(_symbol(kind, x + 9, y))
        parts.append(md('<text class="av-tl-key" x="{}" y="{}">{}</text>', x + 9 + dx, y + 5, text))
        x += need + 18
    return parts, 24 * lines + 12


def _svg(height: int, title: str, desc: str, body: list[Md], cls: str, width: int = WIDTH) -> Md:
    """An SVG drawing; its accessible name is its first child, the <title>.

    ``cls`` holds ``av-tl--wide`` or ``av-tl--narrow``: which of the two
    drawings of a picture the stylesheet displays at the screen's width.
    """
    return md(
        '<svg class="av-tl {}" viewBox="0 0 {} {}" width="{}" height="{}" role="img"'
        ' xmlns="http://www.w3.org/2000/svg"><title>{}</title><desc>{}</desc>{}</svg>',
        cls,
        width,
        height,
        width,
        height,
        svg_text(title),
        svg_text(desc),
        md("").join(body),
    )


def _row(e: Entry, clock: Clock, steps: bool = False) -> _Row:
    iv = e.interview
    assert iv is not None
    return _Row(
        iv.company or "(no company)",
        iv.role or "(no role)",
        stage(iv, clock),
        marks_for(iv, clock, steps=steps),
    )


def _timeline(rows: list[_Row], clock: Clock, title: str, desc: str, steps: bool) -> Md:
    now = clock.now
    start, end = _domain([m for row in rows for m in row.marks], now)
    axis = _Axis(start, end)
    bottom = AXIS + ROW * len(rows)
    body: list[Md] = _ticks(axis, start, end, clock, bottom)
    for i, row in enumerate(rows):
        label, marks = row.label, row.marks
        y0 = AXIS + i * ROW
        track = y0 + 32
        body.append(md('<text class="av-tl-label" x="{}" y="{}">{}</text>', PAD, y0 + 15,
                       svg_text(label)))  # fmt: skip
        body.append(
            md(
                '<line class="av-tl-track" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                PAD,
                track,
                WIDTH - PAD,
                track,
            )  # fmt: skip
        )
        for m in marks:
            if m.state == "overdue":
                x1 = axis.x(max(m.at, start))
                body.append(
                    md(
                        '<line class="av-tl-late" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                        x1,
                        track,
                        axis.x(now),
                        track,
                    )  # fmt: skip
                )
        for m in marks:
            if axis.inside(m.at):
                body.append(_mark(m, axis.x(m.at), track, clock))
        body += _notes(marks, axis, track + 17, now)
    x = axis.x(now)
    body.append(md('<line class="av-tl-now" x1="{}" y1="20" x2="{}" y2="{}"/>', x, x, bottom))
    body.append(md('<text class="av-tl-nowlabel" x="{}" y="30">now</text>', x + 4))
    body += _legend(bottom + LEGEND // 2 + 2, steps)
    return _svg(bottom + LEGEND, title, desc, body, "av-tl--timeline av-tl--wide")


def _narrow_timeline(
    rows: list[_Row], clock: Clock, title: str, desc: str, steps: bool, window: bool
) -> Md:
    """The phone drawing: each row's company, then role and stage, above its track.

    With ``window``, only N_BACK days before now to N_AHEAD after: an overdue
    deadline from before stands at the left edge, and the marks left out are
    counted at either end of the track ("◂ 2 earlier", "1 later ▸").
    """
    now = clock.now
    marks_all = [m for row in rows for m in row.marks]
    start, end = _narrow_domain(marks_all, now) if window else _domain(marks_all, now)
    axis = _Axis(start, end, NARROW)
    bottom = AXIS + N_ROW * len(rows)
    # Vertical lines cross the tracks only, never a row's words.
    bands = [(20, AXIS)] + [
        (AXIS + i * N_ROW + 43, AXIS + i * N_ROW + 66) for i in range(len(rows))
    ]
    body: list[Md] = _ticks(axis, start, end, clock, bottom, narrow=True, bands=bands[1:])
    x = axis.x(now)
    for y1, y2 in bands:
        body.append(md('<line class="av-tl-now" x1="{}" y1="{}" x2="{}" y2="{}"/>', x, y1, x, y2))
    anchor = "av-tl-nowlabel av-tl-nowlabel--left" if x > NARROW - 60 else "av-tl-nowlabel"
    body.append(md('<text class="{}" x="{}" y="31">now</text>', anchor,
                   x - 5 if x > NARROW - 60 else x + 5))  # fmt: skip
    for i, row in enumerate(rows):
        y0 = AXIS + i * N_ROW
        track = y0 + 56
        sub = f"{_cut(row.role, N_SUB - len(row.stage) - 3)} · {row.stage}"
        body.append(md('<text class="av-tl-label" x="{}" y="{}">{}</text>', PAD, y0 + 18,
                       svg_text(_cut(row.company, N_COMPANY))))  # fmt: skip
        body.append(md('<text class="av-tl-sublabel" x="{}" y="{}">{}</text>', PAD, y0 + 37,
                       svg_text(sub)))  # fmt: skip
        body.append(md('<line class="av-tl-track" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                       PAD, track, NARROW - PAD, track))  # fmt: skip
        drawn: list[tuple[Mark, int]] = []
        earlier = later = 0
        for m in row.marks:
            if axis.inside(m.at):
                drawn.append((m, axis.x(m.at)))
            elif m.at < start and m.state == "overdue":
                drawn.append((m, PAD))  # overdue since before the window: at its edge
            elif m.at < start:
                earlier += 1
            else:
                later += 1
        for m, _x in drawn:
            if m.state == "overdue":
                body.append(md('<line class="av-tl-late" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                               axis.x(max(m.at, start)), track, axis.x(now), track))  # fmt: skip
        body += [_mark(m, x, track, clock) for m, x in drawn]
        spans: list[tuple[int, int]] = []
        body += _notes(row.marks, axis, track + 21, now, spans)
        body += _more(earlier, later, track + 21, spans)
    legend, height = _narrow_legend(bottom + 22, steps)
    body += legend
    return _svg(bottom + height, title, desc, body, "av-tl--timeline av-tl--narrow", NARROW)


def _more(earlier: int, later: int, y: int, spans: list[tuple[int, int]]) -> list[Md]:
    """Counts of the marks outside a phone's window, where no note is written."""
    out: list[Md] = []
    for n, text, x0, cls in (
        (earlier, f"◂ {earlier} earlier", PAD, "av-tl-more"),
        (later, f"{later} later ▸", NARROW - PAD, "av-tl-more av-tl-more--later"),
    ):
        if not n:
            continue
        lo, hi = (x0, x0 + N_CHAR * len(text)) if x0 == PAD else (x0 - N_CHAR * len(text), x0)
        if any(a < hi + 6 and lo - 6 < b for a, b in spans):
            continue
        out.append(md('<text class="{}" x="{}" y="{}">{}</text>', cls, x0, y, svg_text(text)))
    return out


def _text_equivalent(rows: list[_Row], clock: Clock) -> Md:
    items = []
    for row in rows:
        label, marks = row.label, row.marks
        parts = [md("<li><strong>{}</strong>: ", esc(label))]
        if not marks:
            parts.append(md("nothing dated"))
        texts = []
        for m in marks:
            if m.state == "overdue":
                texts.append(md("<strong>overdue</strong> {}", esc(_title(m, clock)[9:])))
            else:
                texts.append(esc(_title(m, clock)))
        parts.append(md("; ").join(texts))
        parts.append(md("</li>"))
        items.append(md("").join(parts))
    return md(
        '<details class="av-tl-text"><summary>The timeline as text</summary><ul>{}</ul></details>',
        md("").join(items),
    )


def _figure(svg: Md, text: Md, cls: str) -> Md:
    return md('<div class="av-tl-figure {}">\n<div class="av-tl-scroll">{}</div>\n{}\n</div>',
              cls, svg, text)  # fmt: skip


def status_timeline(entries: Sequence[Entry], clock: Clock) -> Md:
    """Every interview still in play, one row each, with a stage bar above; empty if none."""
    rows = [_row(e, clock) for e in entries if e.interview is not None and in_play(e.interview)]
    rows.sort(key=lambda r: min((m.at for m in r.marks), default=clock.now), reverse=True)
    bar = stage_bar(entries, clock)
    if not rows:
        return bar
    overdue = sum(1 for row in rows for m in row.marks if m.state == "overdue")
    title = "Timeline of the interviews still in play"
    desc = (
        f"{len(rows)} interview{'s' if len(rows) != 1 else ''} in play,"
        f" {overdue} overdue deadline{'s' if overdue != 1 else ''};"
        f" now is {moment(clock.now, clock.tz)}."
    )
    svg = _timeline(rows, clock, title, desc, steps=False)
    start, end = _narrow_domain([m for row in rows for m in row.marks], clock.now)
    shown = f" Shown from {moment(start, clock.tz)} to {moment(end, clock.tz)}."
    svg += _narrow_timeline(rows, clock, title, desc + shown, steps=False, window=True)
    return md("{}\n\n{}", bar, _figure(svg, _text_equivalent(rows, clock), "av-tl--status"))


def interview_timeline(entry: Entry, clock: Clock) -> Md:
    """The interview's own timeline, with the playbook's deadlines; empty if it has no date."""
    iv = entry.interview
    if iv is None or iv.when is None:
        return md("")
    rows = [_row(entry, clock, steps=True)]
    marks = rows[0].marks
    overdue = sum(1 for m in marks if m.state == "overdue")
    desc = f"{len(marks)} marks, {overdue} overdue; now is {moment(clock.now, clock.tz)}."
    title = "Timeline of this interview"
    svg = _timeline(rows, clock, title, desc, steps=True)
    svg += _narrow_timeline(rows, clock, title, desc, steps=True, window=False)
    return _figure(svg, _text_equivalent(rows, clock), "av-tl--interview")


def stage_bar(entries: Sequence[Entry], clock: Clock) -> Md:
    """A stacked bar of how many interviews are at each stage; empty without interviews."""
    counts = dict.fromkeys(STAGES, 0)
    for e in entries:
        if e.interview is not None:
            counts[stage(e.interview, clock)] += 1
    total = sum(counts.values())
    if not total:
        return md("")
    height, bar_h = 30, 26
    body: list[Md] = []
    x = 0.0
    for name, n in counts.items():
        if not n:
            continue
        w = n / total * WIDTH
        slug = name.replace(" ", "-")
        label = f"{name} {n}" if w >= 9 * (len(name) + 3) else str(n) if w >= 16 else ""
        body.append(
            md(
                '<g><title>{}</title><rect class="av-tl-stage av-tl-stage--{}" x="{}" y="2"'
                ' width="{}" height="{}"/><text class="av-tl-stagelabel av-tl-stagelabel--{}"'
                ' x="{}" y="20">{}</text></g>',
                svg_text(f"{name}: {n}"),
                slug,
                round(x),
                max(1, round(x + w) - round(x)),
                bar_h,
                slug,
                round(x + w / 2),
                svg_text(label),
            )
        )
        x += w
    desc = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    svg = _svg(height, "Interviews by stage", desc, body, "av-tl--stages av-tl--wide")
    svg += _narrow_stages(counts, desc)
    return md('<div class="av-tl-figure av-tl--bar">{}</div>', svg)


def _narrow_stages(counts: dict[str, int], desc: str) -> Md:
    """The phone's stage bar: per stage its name, a bar as long as its count, the count."""
    shown = [(name, n) for name, n in counts.items() if n]
    most = max(n for _name, n in shown)
    left, line = 150, 28  # where the bars start; height of a line
    room = NARROW - left - 34  # the longest bar, leaving room for its count
    body: list[Md] = []
    for i, (name, n) in enumerate(shown):
        y, w = i * line, max(4, round(n / most * room))
        slug = name.replace(" ", "-")
        body.append(
            md(
                '<g><title>{}</title><text class="av-tl-stagename" x="0" y="{}">{}</text>'
                '<rect class="av-tl-stage av-tl-stage--{}" x="{}" y="{}" width="{}" height="{}"/>'
                '<text class="av-tl-count" x="{}" y="{}">{}</text></g>',
                svg_text(f"{name}: {n}"),
                y + 19,
                svg_text(name),
                slug,
                left,
                y + 4,
                w,
                line - 8,
                left + w + 6,
                y + 19,
                n,
            )
        )
    height = line * len(shown)
    return _svg(height, "Interviews by stage", desc, body, "av-tl--stages av-tl--narrow", NARROW)
