"""Pictures drawn at build time: interview timelines and the stage bar, as inline SVG.

No chart library and no script: each drawing is SVG markup written here,
styled only through ``av-tl*`` classes (site_overrides/assets/afterview.css,
which follows Material's light and dark palettes and prints), so it works
under a Content-Security-Policy without inline styles and loads nothing.
Every drawing has ``role="img"``, a ``<title>`` and a ``<desc>``, and a text
equivalent follows it. Where things go is ``pages.timeline_layout``'s job
(plain data); this module only writes it down. Record text enters only
through ``markup.svg_text`` (inside the SVG) and ``markup.esc`` (the text
equivalent); the pages pass the same (redacted) entries they show elsewhere.

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

from afterview.clock import Clock
from afterview.pages.common import Entry
from afterview.pages.markup import Md, esc, md, svg_text
from afterview.pages.timeline_layout import (
    AXIS,
    LEGEND,
    N_COMPANY,
    N_ROW,
    NARROW,
    PAD,
    ROW,
    WIDTH,
    Axis,
    Key,
    Mark,
    Row,
    cut,
    describe,
    domain,
    in_play,
    legend,
    more,
    narrow_domain,
    narrow_legend,
    notes,
    row_for,
    segments,
    stage_counts,
    status_rows,
    ticks,
)
from afterview.wording import moment

__all__ = ["in_play", "interview_timeline", "stage_bar", "status_timeline"]


def draw_ticks(
    axis: Axis, clock: Clock, bottom: int, narrow: bool = False,
    bands: Sequence[tuple[int, int]] = (),
) -> list[Md]:  # fmt: skip
    """Dates along the top, and a grid line down from each (on a phone, across ``bands``)."""
    out: list[Md] = []
    for tick in ticks(axis, clock, narrow):
        x = tick.x
        for y1, y2 in bands or [(22, bottom)]:
            out.append(md('<line class="av-tl-grid" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                          x, y1, x, y2))  # fmt: skip
        if tick.label:
            out.append(md('<text class="av-tl-tick" x="{}" y="15">{}</text>', x,
                          svg_text(tick.label)))  # fmt: skip
    return out


def draw_mark(m: Mark, x: int, y: int, clock: Clock) -> Md:
    """A mark's shape at (x, y), titled with its words and moment."""
    title = svg_text(describe(m, clock))
    if m.state == "overdue":
        shape = symbol("overdue", x, y)
    elif m.kind == "step-due":
        shape = symbol("step", x, y)
    elif m.state == "due":
        shape = symbol("due", x, y)
    elif m.kind == "interview":
        cls = "av-tl-mark--interview" if m.state == "done" else "av-tl-mark--coming"
        shape = md('<circle class="av-tl-mark {}" cx="{}" cy="{}" r="8"/>', cls, x, y)
    elif m.kind == "outcome":
        shape = symbol("outcome", x, y)
    else:
        shape = symbol("done", x, y)
    return md("<g><title>{}</title>{}</g>", title, shape)


def symbol(kind: str, x: int, y: int) -> Md:
    """The drawing of a kind of mark (as in the legend), centred at (x, y)."""
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


def draw_notes(marks: Sequence[Mark], axis: Axis, y: int, clock: Clock,
               spans: list[tuple[int, int]] | None = None) -> list[Md]:  # fmt: skip
    """The notes under a track (see ``timeline_layout.notes``), written at ``y``."""
    out: list[Md] = []
    for note in notes(marks, axis, clock.now, spans):
        if note.late:
            out.append(md('<text class="av-tl-note av-tl-note--late" x="{}" y="{}">{}</text>',
                          note.x, y, svg_text(note.text)))  # fmt: skip
        else:
            out.append(md('<text class="av-tl-note" x="{}" y="{}">{}</text>', note.x, y,
                          svg_text(note.text)))  # fmt: skip
    return out


def draw_legend(keys: Sequence[Key]) -> list[Md]:
    """Each key's symbol and words."""
    parts: list[Md] = []
    for k in keys:
        parts.append(symbol(k.kind, k.x, k.y))
        parts.append(md('<text class="av-tl-key" x="{}" y="{}">{}</text>', k.tx, k.ty, k.text))
    return parts


def svg(height: int, title: str, desc: str, body: list[Md], cls: str, width: int = WIDTH) -> Md:
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


def _timeline(rows: list[Row], clock: Clock, title: str, desc: str, steps: bool) -> Md:
    now = clock.now
    start, end = domain([m for row in rows for m in row.marks], now)
    axis = Axis(start, end)
    bottom = AXIS + ROW * len(rows)
    body: list[Md] = draw_ticks(axis, clock, bottom)
    for i, row in enumerate(rows):
        y0 = AXIS + i * ROW
        track = y0 + 32
        body.append(md('<text class="av-tl-label" x="{}" y="{}">{}</text>', PAD, y0 + 15,
                       svg_text(row.label)))  # fmt: skip
        body.append(md('<line class="av-tl-track" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                       PAD, track, WIDTH - PAD, track))  # fmt: skip
        for m in row.marks:
            if m.state == "overdue":
                body.append(md('<line class="av-tl-late" x1="{}" y1="{}" x2="{}" y2="{}"/>',
                               axis.x(max(m.at, start)), track, axis.x(now), track))  # fmt: skip
        for m in row.marks:
            if axis.inside(m.at):
                body.append(draw_mark(m, axis.x(m.at), track, clock))
        body += draw_notes(row.marks, axis, track + 17, clock)
    x = axis.x(now)
    body.append(md('<line class="av-tl-now" x1="{}" y1="20" x2="{}" y2="{}"/>', x, x, bottom))
    body.append(md('<text class="av-tl-nowlabel" x="{}" y="30">now</text>', x + 4))
    body += draw_legend(legend(bottom + LEGEND // 2 + 2, steps))
    return svg(bottom + LEGEND, title, desc, body, "av-tl--timeline av-tl--wide")


def _narrow_timeline(
    rows: list[Row], clock: Clock, title: str, desc: str, steps: bool, window: bool
) -> Md:
    """The phone drawing: each row's company, then role and stage, above its track.

    With ``window``, only N_BACK days before now to N_AHEAD after: an overdue
    deadline from before stands at the left edge, and the marks left out are
    counted at either end of the track ("◂ 2 earlier", "1 later ▸").
    """
    now = clock.now
    marks_all = [m for row in rows for m in row.marks]
    start, end = narrow_domain(marks_all, now) if window else domain(marks_all, now)
    axis = Axis(start, end, NARROW)
    bottom = AXIS + N_ROW * len(rows)
    # Vertical lines cross the tracks only, never a row's words.
    bands = [(20, AXIS)] + [
        (AXIS + i * N_ROW + 43, AXIS + i * N_ROW + 66) for i in range(len(rows))
    ]
    body: list[Md] = draw_ticks(axis, clock, bottom, narrow=True, bands=bands[1:])
    x = axis.x(now)
    for y1, y2 in bands:
        body.append(md('<line class="av-tl-now" x1="{}" y1="{}" x2="{}" y2="{}"/>', x, y1, x, y2))
    anchor = "av-tl-nowlabel av-tl-nowlabel--left" if x > NARROW - 60 else "av-tl-nowlabel"
    body.append(md('<text class="{}" x="{}" y="31">now</text>', anchor,
                   x - 5 if x > NARROW - 60 else x + 5))  # fmt: skip
    for i, row in enumerate(rows):
        y0 = AXIS + i * N_ROW
        track = y0 + 56
        body.append(md('<text class="av-tl-label" x="{}" y="{}">{}</text>', PAD, y0 + 18,
                       svg_text(cut(row.company, N_COMPANY))))  # fmt: skip
        body.append(md('<text class="av-tl-sublabel" x="{}" y="{}">{}</text>', PAD, y0 + 37,
                       svg_text(row.sublabel)))  # fmt: skip
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
        body += [draw_mark(m, x, track, clock) for m, x in drawn]
        spans: list[tuple[int, int]] = []
        body += draw_notes(row.marks, axis, track + 21, clock, spans)
        for c in more(earlier, later, spans):
            cls = "av-tl-more av-tl-more--later" if c.later else "av-tl-more"
            body.append(md('<text class="{}" x="{}" y="{}">{}</text>', cls, c.x, track + 21,
                           svg_text(c.text)))  # fmt: skip
    keys, height = narrow_legend(bottom + 22, steps)
    body += draw_legend(keys)
    return svg(bottom + height, title, desc, body, "av-tl--timeline av-tl--narrow", NARROW)


def text_equivalent(rows: list[Row], clock: Clock) -> Md:
    """The timeline as a list: per row its label and every mark in words."""
    items = []
    for row in rows:
        parts = [md("<li><strong>{}</strong>: ", esc(row.label))]
        if not row.marks:
            parts.append(md("nothing dated"))
        texts = []
        for m in row.marks:
            if m.state == "overdue":
                texts.append(md("<strong>overdue</strong> {}", esc(describe(m, clock)[9:])))
            else:
                texts.append(esc(describe(m, clock)))
        parts.append(md("; ").join(texts))
        parts.append(md("</li>"))
        items.append(md("").join(parts))
    return md(
        '<details class="av-tl-text"><summary>The timeline as text</summary><ul>{}</ul></details>',
        md("").join(items),
    )


def _figure(drawing: Md, text: Md, cls: str) -> Md:
    return md('<div class="av-tl-figure {}">\n<div class="av-tl-scroll">{}</div>\n{}\n</div>',
              cls, drawing, text)  # fmt: skip


def status_timeline(entries: Sequence[Entry], clock: Clock) -> Md:
    """Every interview still in play, one row each, with a stage bar above; empty if none."""
    rows = status_rows(entries, clock)
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
    drawing = _timeline(rows, clock, title, desc, steps=False)
    start, end = narrow_domain([m for row in rows for m in row.marks], clock.now)
    shown = f" Shown from {moment(start, clock.tz)} to {moment(end, clock.tz)}."
    drawing += _narrow_timeline(rows, clock, title, desc + shown, steps=False, window=True)
    return md("{}\n\n{}", bar, _figure(drawing, text_equivalent(rows, clock), "av-tl--status"))


def interview_timeline(entry: Entry, clock: Clock) -> Md:
    """The interview's own timeline, with the playbook's deadlines; empty if it has no date."""
    iv = entry.interview
    if iv is None or iv.when is None:
        return md("")
    rows = [row_for(entry, clock, steps=True)]
    marks = rows[0].marks
    overdue = sum(1 for m in marks if m.state == "overdue")
    desc = f"{len(marks)} marks, {overdue} overdue; now is {moment(clock.now, clock.tz)}."
    title = "Timeline of this interview"
    drawing = _timeline(rows, clock, title, desc, steps=True)
    drawing += _narrow_timeline(rows, clock, title, desc, steps=True, window=False)
    return _figure(drawing, text_equivalent(rows, clock), "av-tl--interview")


def stage_bar(entries: Sequence[Entry], clock: Clock) -> Md:
    """A stacked bar of how many interviews are at each stage; empty without interviews."""
    counts = stage_counts(entries, clock)
    if not sum(counts.values()):
        return md("")
    body: list[Md] = []
    for s in segments(counts):
        slug = s.name.replace(" ", "-")
        body.append(
            md(
                '<g><title>{}</title><rect class="av-tl-stage av-tl-stage--{}" x="{}" y="2"'
                ' width="{}" height="{}"/><text class="av-tl-stagelabel av-tl-stagelabel--{}"'
                ' x="{}" y="20">{}</text></g>',
                svg_text(f"{s.name}: {s.n}"),
                slug,
                s.x,
                s.w,
                26,
                slug,
                s.middle,
                svg_text(s.label),
            )
        )
    desc = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    drawing = svg(30, "Interviews by stage", desc, body, "av-tl--stages av-tl--wide")
    drawing += _narrow_stages(counts, desc)
    return md('<div class="av-tl-figure av-tl--bar">{}</div>', drawing)


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
    return svg(height, "Interviews by stage", desc, body, "av-tl--stages av-tl--narrow", NARROW)
