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


class _Axis:
    """Maps times to x between PAD and WIDTH - PAD."""

    def __init__(self, start: datetime, end: datetime) -> None:
        self.start, self.span = start, max((end - start).total_seconds(), 3600.0)

    def x(self, at: datetime) -> int:
        frac = (at - self.start).total_seconds() / self.span
        return round(PAD + frac * (WIDTH - 2 * PAD))

    def inside(self, at: datetime) -> bool:
        return 0 <= (at - self.start).total_seconds() <= self.span


def _domain(marks: Sequence[Mark], now: datetime) -> tuple[datetime, datetime]:
    """From the earliest mark (at most four weeks back) to the latest (at most four ahead)."""
    early, late = now - timedelta(days=28), now + timedelta(days=28)
    times = [m.at for m in marks if early <= m.at <= late] + [now]
    start = min(min(times), now - timedelta(days=3)) - timedelta(days=1)
    end = max(max(times), now + timedelta(days=7)) + timedelta(days=1)
    return start, end


def _ticks(axis: _Axis, start: datetime, end: datetime, clock: Clock, bottom: int) -> list[Md]:
    days = (end - start).days
    step = 1 if days <= 12 else 2 if days <= 24 else 7
    first = clock.in_zone(start).replace(hour=0, minute=0, second=0, microsecond=0)
    first += timedelta(days=1)
    if step == 7:
        first += timedelta(days=(7 - first.weekday()) % 7)  # Mondays
    out: list[Md] = []
    day = first
    while day < end:
        x = axis.x(day)
        out.append(md('<line class="av-tl-grid" x1="{}" y1="22" x2="{}" y2="{}"/>', x, x, bottom))
        label = f"{day:%b} {day.day}"
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


def _notes(marks: Sequence[Mark], axis: _Axis, y: int, now: datetime) -> list[Md]:
    """The action written under each overdue deadline and each due within two days."""
    out: list[Md] = []
    last = -100
    for m in sorted(marks, key=lambda m: m.at):
        soon = m.state == "due" and m.at - now <= timedelta(days=2)
        if not (m.state == "overdue" or soon) or not m.short or not axis.inside(m.at):
            continue
        x = axis.x(m.at)
        if x - last < 8 * len(m.short):  # would overlap the previous note
            continue
        last = x
        if m.state == "overdue":
            text = md('<text class="av-tl-note av-tl-note--late" x="{}" y="{}">{}</text>',
                      x, y, svg_text(m.short + " overdue"))  # fmt: skip
        else:
            text = md('<text class="av-tl-note" x="{}" y="{}">{}</text>', x, y, svg_text(m.short))
        out.append(text)
    return out


def _legend(y: int, steps: bool) -> list[Md]:
    parts = [
        md('<circle class="av-tl-mark av-tl-mark--interview" cx="24" cy="{}" r="7"/>', y),
        md('<text class="av-tl-key" x="36" y="{}">interview</text>', y + 4),
        md('<circle class="av-tl-mark av-tl-mark--done" cx="124" cy="{}" r="5"/>', y),
        md('<text class="av-tl-key" x="134" y="{}">done</text>', y + 4),
        md('<circle class="av-tl-mark av-tl-mark--due" cx="196" cy="{}" r="6"/>', y),
        md('<text class="av-tl-key" x="208" y="{}">due</text>', y + 4),
        md('<path class="av-tl-mark av-tl-mark--overdue" d="M262 {}l9 16h-18z"/>', y - 10),
        md('<text class="av-tl-bang" x="262" y="{}">!</text>', y + 4),
        md('<text class="av-tl-key" x="276" y="{}">overdue</text>', y + 4),
        md('<path class="av-tl-mark av-tl-mark--outcome" d="M352 {}l7 7l-7 7l-7 -7z"/>', y - 7),
        md('<text class="av-tl-key" x="364" y="{}">outcome</text>', y + 4),
        md('<line class="av-tl-now" x1="440" y1="{}" x2="440" y2="{}"/>', y - 9, y + 9),
        md('<text class="av-tl-key" x="448" y="{}">now</text>', y + 4),
    ]
    if steps:
        parts += [
            md(
                '<line class="av-tl-mark av-tl-mark--step" x1="500" y1="{}" x2="500" y2="{}"/>',
                y - 8,
                y + 8,
            ),  # fmt: skip
            md('<text class="av-tl-key" x="508" y="{}">playbook deadline</text>', y + 4),
        ]
    return parts


def _svg(height: int, title: str, desc: str, body: list[Md], cls: str) -> Md:
    """An SVG drawing; its accessible name is its first child, the <title>."""
    return md(
        '<svg class="av-tl {}" viewBox="0 0 {} {}" width="{}" height="{}" role="img"'
        ' xmlns="http://www.w3.org/2000/svg"><title>{}</title><desc>{}</desc>{}</svg>',
        cls,
        WIDTH,
        height,
        WIDTH,
        height,
        svg_text(title),
        svg_text(desc),
        md("").join(body),
    )


def _row_label(e: Entry, st: str) -> str:
    iv = e.interview
    assert iv is not None
    text = f"{iv.company or '(no company)'} — {iv.role or '(no role)'}"
    if len(text) > MAX_LABEL:
        text = text[: MAX_LABEL - 1] + "…"
    return f"{text} · {st}"


def _timeline(
    rows: list[tuple[str, list[Mark]]], clock: Clock, title: str, desc: str, steps: bool
) -> Md:
    now = clock.now
    start, end = _domain([m for _label, marks in rows for m in marks], now)
    axis = _Axis(start, end)
    bottom = AXIS + ROW * len(rows)
    body: list[Md] = _ticks(axis, start, end, clock, bottom)
    for i, (label, marks) in enumerate(rows):
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
    return _svg(bottom + LEGEND, title, desc, body, "av-tl--timeline")


def _text_equivalent(rows: list[tuple[str, list[Mark]]], clock: Clock) -> Md:
    items = []
    for label, marks in rows:
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
    rows = []
    for e in entries:
        iv = e.interview
        if iv is not None and in_play(iv):
            rows.append((_row_label(e, stage(iv, clock)), marks_for(iv, clock)))
    rows.sort(key=lambda r: min((m.at for m in r[1]), default=clock.now), reverse=True)
    bar = stage_bar(entries, clock)
    if not rows:
        return bar
    overdue = sum(1 for _l, marks in rows for m in marks if m.state == "overdue")
    title = "Timeline of the interviews still in play"
    desc = (
        f"{len(rows)} interview{'s' if len(rows) != 1 else ''} in play,"
        f" {overdue} overdue deadline{'s' if overdue != 1 else ''};"
        f" now is {moment(clock.now, clock.tz)}."
    )
    svg = _timeline(rows, clock, title, desc, steps=False)
    return md("{}\n\n{}", bar, _figure(svg, _text_equivalent(rows, clock), "av-tl--status"))


def interview_timeline(entry: Entry, clock: Clock) -> Md:
    """The interview's own timeline, with the playbook's deadlines; empty if it has no date."""
    iv = entry.interview
    if iv is None or iv.when is None:
        return md("")
    marks = marks_for(iv, clock, steps=True)
    rows = [(_row_label(entry, stage(iv, clock)), marks)]
    overdue = sum(1 for m in marks if m.state == "overdue")
    desc = f"{len(marks)} marks, {overdue} overdue; now is {moment(clock.now, clock.tz)}."
    svg = _timeline(rows, clock, "Timeline of this interview", desc, steps=True)
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
    svg = _svg(height, "Interviews by stage", desc, body, "av-tl--stages")
    return md('<div class="av-tl-figure av-tl--bar">{}</div>', svg)
