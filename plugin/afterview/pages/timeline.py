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
"!" plus a bar from the deadline to now), and a dashed line for now. Marks
that would hide each other are one square holding their number (red when
one is overdue), titled with each; the now line and the grid run across the
tracks only, never across words; the stage bar names every stage in a key.
Colours and sizes: content/usage.md, "A site you can read".

Each picture is drawn twice: a wide drawing for screens and print, and a
narrow one for phones (a shorter window around now, fewer ticks, larger
text, each row's label above its track; the stage bar as one labelled bar
per stage). Both are in the page; a CSS media query displays one and hides
the other with ``display: none``, so screen readers and print meet one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from afterview.clock import Clock
from afterview.pages.common import Entry
from afterview.pages.markup import Md, attribute, drawing, esc, md, svg_text
from afterview.pages.timeline_layout import (
    AXIS,
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
    Spot,
    cut,
    describe,
    describe_spot,
    domain,
    in_play,
    legend,
    more,
    narrow_domain,
    notes,
    now_bands,
    row_for,
    segments,
    spots,
    stage_counts,
    stage_keys,
    status_rows,
    ticks,
)
from afterview.wording import moment

__all__ = ["in_play", "interview_timeline", "stage_bar", "status_timeline"]


def draw_ticks(axis: Axis, clock: Clock, bottom: int, bands: Sequence[tuple[int, int]] = ()) -> str:
    """Dates along the top, and a grid line down from each (across ``bands`` when given),
    all the grid one path."""
    out: list[str] = []
    grid: list[str] = []
    for tick in ticks(axis, clock):
        grid.append(_segments(tick.x, bands or [(22, bottom)]))
        if tick.label:
            out.append(
                f'<text class="av-tl-tick" x="{tick.x}" y="15">{svg_text(tick.label)}</text>'
            )
    if grid:
        out.insert(0, f'<path class="av-tl-grid" d="{"".join(grid)}"/>')
    return "".join(out)


def draw_spot(spot: Spot, y: int, clock: Clock) -> str:
    """A spot on a track at ``y``: its mark, or a square holding how many marks it merges
    (red when one is overdue, the interview's colour when it holds the interview)."""
    if len(spot.marks) == 1:
        return draw_mark(spot.marks[0], spot.x, y, clock)
    if spot.lead.state == "overdue":
        tone = " av-tl-several--late"
    elif any(m.kind == "interview" for m in spot.marks):
        tone = " av-tl-several--interview"
    else:
        tone = ""
    return (
        f"<g><title>{svg_text(describe_spot(spot, clock))}</title>"
        f'<rect class="av-tl-mark av-tl-several{tone}" x="{spot.x - 9}" y="{y - 9}" width="18"'
        f' height="18"/><text class="av-tl-severalcount" x="{spot.x}" y="{y + 5}">'
        f"{len(spot.marks)}</text></g>"
    )


def draw_mark(m: Mark, x: int, y: int, clock: Clock) -> str:
    """A mark's shape at (x, y), titled with its words and moment."""
    if m.state == "overdue":
        shape = symbol("overdue", x, y)
    elif m.kind == "step-due":
        shape = symbol("step", x, y)
    elif m.state == "due":
        shape = symbol("due", x, y)
    elif m.kind == "interview":
        cls = "av-tl-mark--interview" if m.state == "done" else "av-tl-mark--coming"
        shape = f'<circle class="av-tl-mark {cls}" cx="{x}" cy="{y}" r="8"/>'
    elif m.kind == "outcome":
        shape = symbol("outcome", x, y)
    else:
        shape = symbol("done", x, y)
    return f"<g><title>{svg_text(describe(m, clock))}</title>{shape}</g>"


def symbol(kind: str, x: int, y: int) -> str:
    """The drawing of a kind of mark (as in the legend), centred at (x, y)."""
    if kind == "interview":
        return f'<circle class="av-tl-mark av-tl-mark--interview" cx="{x}" cy="{y}" r="7"/>'
    if kind == "done":
        return f'<circle class="av-tl-mark av-tl-mark--done" cx="{x}" cy="{y}" r="5"/>'
    if kind == "due":
        return f'<circle class="av-tl-mark av-tl-mark--due" cx="{x}" cy="{y}" r="6"/>'
    if kind == "overdue":
        return (
            f'<path class="av-tl-mark av-tl-mark--overdue" d="M{x} {y - 10}l9 16h-18z"/>'
            f'<text class="av-tl-bang" x="{x}" y="{y + 4}">!</text>'
        )
    if kind == "outcome":
        return f'<path class="av-tl-mark av-tl-mark--outcome" d="M{x} {y - 7}l7 7l-7 7l-7 -7z"/>'
    if kind == "now":
        return f'<line class="av-tl-now" x1="{x}" y1="{y - 9}" x2="{x}" y2="{y + 9}"/>'
    if kind == "several":
        return (
            f'<rect class="av-tl-mark av-tl-several" x="{x - 9}" y="{y - 9}" width="18"'
            f' height="18"/><text class="av-tl-severalcount" x="{x}" y="{y + 5}">2</text>'
        )
    return (
        f'<line class="av-tl-mark av-tl-mark--step" x1="{x}" y1="{y - 8}" x2="{x}" y2="{y + 8}"/>'
    )


def draw_notes(marks: Sequence[Mark], axis: Axis, y: int, clock: Clock,
               spans: list[tuple[int, int]] | None = None, edge: bool = False) -> str:  # fmt: skip
    """The notes under a track (see ``timeline_layout.notes``), written at ``y``."""
    out: list[str] = []
    for note in notes(marks, axis, clock.now, spans, edge):
        cls = "av-tl-note av-tl-note--late" if note.late else "av-tl-note"
        out.append(f'<text class="{cls}" x="{note.x}" y="{y}">{svg_text(note.text)}</text>')
    return "".join(out)


def draw_legend(keys: Sequence[Key]) -> str:
    """Each key's symbol and words."""
    return "".join(
        symbol(k.kind, k.x, k.y)
        + f'<text class="av-tl-key" x="{k.tx}" y="{k.ty}">{svg_text(k.text)}</text>'
        for k in keys
    )


def svg(
    height: int, title: str, desc: str, body: Iterable[str], cls: str, width: int = WIDTH
) -> Md:
    """An SVG drawing of the parts in ``body``; its accessible name is its <title>.

    ``body`` is SVG written by this module's helpers (record text only
    through ``svg_text``); ``markup.drawing`` checks the whole. ``cls`` holds
    ``av-tl--wide`` or ``av-tl--narrow``: which of the two drawings of a
    picture the stylesheet displays at the screen's width.
    """
    return drawing(
        f'<svg class="av-tl {cls}" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}" role="img" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{svg_text(title)}</title><desc>{svg_text(desc)}</desc>{''.join(body)}</svg>"
    )


def _segments(x: int, bands: Sequence[tuple[int, int]]) -> str:
    """Path data of a vertical line at x in pieces, one per band."""
    return "".join(f"M{x} {a}V{b}" for a, b in bands)


def _lines(cls: str, x: int, bands: Sequence[tuple[int, int]]) -> str:
    """A vertical line at x in pieces, one per band (never across a row's words): one path."""
    return f'<path class="{cls}" d="{_segments(x, bands)}"/>'


def _track(
    row: Row, axis: Axis, track: int, clock: Clock, edge: bool
) -> tuple[str, int, int, bool]:
    """A row's late bars and spots, the marks left out before and after, and whether
    some marks were merged. With ``edge`` (a phone's window) overdue marks from before
    the window stand at its left edge."""
    placed: list[tuple[Mark, int]] = []
    earlier = later = 0
    for m in row.marks:
        if axis.inside(m.at):
            placed.append((m, axis.x(m.at)))
        elif edge and m.at < axis.start and m.state == "overdue":
            placed.append((m, PAD))  # overdue since before the window: at its edge
        elif m.at < axis.start:
            earlier += 1
        else:
            later += 1
    now_x = axis.x(clock.now)
    out = [
        f'<line class="av-tl-late" x1="{axis.x(max(m.at, axis.start))}" y1="{track}"'
        f' x2="{now_x}" y2="{track}"/>'
        for m, _x in placed
        if m.state == "overdue"
    ]
    drawn = spots(placed)
    out += [draw_spot(spot, track, clock) for spot in drawn]
    return "".join(out), earlier, later, len(drawn) < len(placed)


def _timeline(rows: list[Row], clock: Clock, title: str, desc: str, steps: bool) -> Md:
    start, end = domain([m for row in rows for m in row.marks], clock.now)
    axis = Axis(start, end)
    bottom = AXIS + ROW * len(rows)
    bands = now_bands(22, len(rows), ROW, 36, 10)  # the label above, the notes below
    body: list[str] = [draw_ticks(axis, clock, bottom, bands=bands[1:])]
    x = axis.x(clock.now)
    body.append(_lines("av-tl-now", x, bands))
    body.append(f'<text class="av-tl-nowlabel" x="{x + 4}" y="35">now</text>')
    several = False
    for i, row in enumerate(rows):
        y0 = AXIS + i * ROW
        track = y0 + 36
        body.append(
            f'<text class="av-tl-label" x="{PAD}" y="{y0 + 17}">{svg_text(row.label)}</text>'
        )
        body.append(
            f'<line class="av-tl-track" x1="{PAD}" y1="{track}" x2="{WIDTH - PAD}" y2="{track}"/>'
        )
        drawn, _earlier, _later, merged = _track(row, axis, track, clock, edge=False)
        body.append(drawn)
        several = several or merged
        body.append(draw_notes(row.marks, axis, track + 26, clock))
    keys, height = legend(bottom + 22, steps, several)
    body.append(draw_legend(keys))
    return svg(bottom + height, title, desc, body, "av-tl--timeline av-tl--wide")


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
    bands = now_bands(20, len(rows), N_ROW, 56, 10)  # the two lines of words above, notes below
    body: list[str] = [draw_ticks(axis, clock, bottom, bands=bands[1:])]
    x = axis.x(now)
    body.append(_lines("av-tl-now", x, bands))
    if x > NARROW - 60:
        body.append(
            f'<text class="av-tl-nowlabel av-tl-nowlabel--left" x="{x - 5}" y="35">now</text>'
        )
    else:
        body.append(f'<text class="av-tl-nowlabel" x="{x + 5}" y="35">now</text>')
    several = False
    for i, row in enumerate(rows):
        y0 = AXIS + i * N_ROW
        track = y0 + 56
        company = svg_text(cut(row.company, N_COMPANY))
        body.append(f'<text class="av-tl-label" x="{PAD}" y="{y0 + 18}">{company}</text>')
        body.append(
            f'<text class="av-tl-sublabel" x="{PAD}" y="{y0 + 37}">{svg_text(row.sublabel)}</text>'
        )
        body.append(
            f'<line class="av-tl-track" x1="{PAD}" y1="{track}" x2="{NARROW - PAD}" y2="{track}"/>'
        )
        drawn, earlier, later, merged = _track(row, axis, track, clock, edge=True)
        several = several or merged
        body.append(drawn)
        spans: list[tuple[int, int]] = []
        body.append(draw_notes(row.marks, axis, track + 26, clock, spans, edge=True))
        for c in more(earlier, later, spans):
            cls = "av-tl-more av-tl-more--later" if c.later else "av-tl-more"
            body.append(f'<text class="{cls}" x="{c.x}" y="{track + 26}">{svg_text(c.text)}</text>')
    keys, height = legend(bottom + 22, steps, several, NARROW)
    body.append(draw_legend(keys))
    return svg(bottom + height, title, desc, body, "av-tl--timeline av-tl--narrow", NARROW)


def text_equivalent(rows: list[Row], clock: Clock, note: Md | None = None) -> Md:
    """The timeline as a list: per row its label and every mark in words (after ``note``,
    when given: which rows the drawing holds)."""
    items = []
    for row in rows:
        texts = []
        for m in row.marks:
            if m.state == "overdue":
                texts.append(md("<strong>overdue</strong> {}", esc(describe(m, clock)[9:])))
            else:
                texts.append(esc(describe(m, clock)))
        what = md("; ").join(texts) if texts else md("nothing dated")
        items.append(md("<li><strong>{}</strong>: {}</li>", row.title, what))
    return md(
        '<details class="av-tl-text"><summary>The timeline as text</summary>{}<ul>{}</ul>'
        "</details>",
        md("<p>{}</p>", note) if note else md(""),
        md("").join(items),
    )


def _figure(drawn: Md, text: Md, cls: str, note: Md | None = None) -> Md:
    """The drawings, then ``note`` (a sentence shown under them), then the text equivalent."""
    said = md('<p class="av-tl-drawn">{}</p>\n', note) if note else md("")
    return md('<div class="av-tl-figure {}">\n<div class="av-tl-scroll">{}</div>\n{}{}\n</div>',
              attribute(cls), drawn, said, text)  # fmt: skip


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def status_timeline(entries: Sequence[Entry], clock: Clock) -> Md:
    """The interviews still in play, one row each, the latest first and at most
    ``STATUS_ROWS`` of them, with a stage bar above; empty if none.

    When some are left out, the drawings' ``<desc>``, the text equivalent and a
    sentence under the drawings say how many are drawn of how many, and that the
    table "All interviews" lists them all (content/usage.md, "The status page").
    """
    rows, playing = status_rows(entries, clock)
    bar = stage_bar(entries, clock)
    if not rows:
        return bar
    overdue = sum(1 for row in rows for m in row.marks if m.state == "overdue")
    title = "Timeline of the interviews still in play"
    if len(rows) < playing:
        which = f"The {len(rows)} latest of the {playing} interviews in play"
        desc = f"{which}, {_plural(overdue, 'overdue deadline')} among them"
    else:
        which = ""
        desc = f"{_plural(len(rows), 'interview')} in play, {_plural(overdue, 'overdue deadline')}"
    desc += f"; now is {moment(clock.now, clock.tz)}."
    if which:
        desc += " The table All interviews lists every one."
    drawn = _timeline(rows, clock, title, desc, steps=False)
    start, end = narrow_domain([m for row in rows for m in row.marks], clock.now)
    shown = f" Shown from {moment(start, clock.tz)} to {moment(end, clock.tz)}."
    drawn += _narrow_timeline(rows, clock, title, desc + shown, steps=False, window=True)
    note = (
        md('{} are drawn; <a href="#all-interviews">All interviews</a> lists every one.', which)
        if which
        else None
    )
    figure = _figure(drawn, text_equivalent(rows, clock, note), "av-tl--status", note)
    return md("{}\n\n{}", bar, figure)


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
    drawn = _timeline(rows, clock, title, desc, steps=True)
    drawn += _narrow_timeline(rows, clock, title, desc, steps=True, window=False)
    return _figure(drawn, text_equivalent(rows, clock), "av-tl--interview")


def stage_bar(entries: Sequence[Entry], clock: Clock) -> Md:
    """A stacked bar of how many interviews are at each stage; empty without interviews."""
    counts = stage_counts(entries, clock)
    if not sum(counts.values()):
        return md("")
    body: list[str] = []
    for s in segments(counts):
        slug = s.name.replace(" ", "-")
        body.append(
            f"<g><title>{svg_text(f'{s.name}: {s.n}')}</title>"
            f'<rect class="av-tl-stage av-tl-stage--{slug}" x="{s.x}" y="2" width="{s.w}"'
            f' height="26"/><text class="av-tl-stagelabel av-tl-stagelabel--{slug}"'
            f' x="{s.middle}" y="20">{svg_text(s.label)}</text></g>'
        )
    keys, height = stage_keys(counts, 34)
    for k in keys:
        slug = k.name.replace(" ", "-")
        body.append(
            f'<rect class="av-tl-stage av-tl-stage--{slug}" x="{k.x}" y="{k.y + 2}" width="15"'
            f' height="15"/><text class="av-tl-stagekey" x="{k.x + 20}" y="{k.y + 15}">'
            f"{svg_text(f'{k.name} {k.n}')}</text>"
        )
    desc = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    drawn = svg(36 + height, "Interviews by stage", desc, body, "av-tl--stages av-tl--wide")
    drawn += _narrow_stages(counts, desc)
    return md('<div class="av-tl-figure av-tl--bar">{}</div>', drawn)


def _narrow_stages(counts: dict[str, int], desc: str) -> Md:
    """The phone's stage bar: per stage its name, a bar as long as its count, the count."""
    shown = [(name, n) for name, n in counts.items() if n]
    most = max(n for _name, n in shown)
    left, line = 150, 28  # where the bars start; height of a line
    room = NARROW - left - 34  # the longest bar, leaving room for its count
    body: list[str] = []
    for i, (name, n) in enumerate(shown):
        y, w = i * line, max(4, round(n / most * room))
        slug = name.replace(" ", "-")
        body.append(
            f"<g><title>{svg_text(f'{name}: {n}')}</title>"
            f'<text class="av-tl-stagename" x="2" y="{y + 19}">{svg_text(name)}</text>'
            f'<rect class="av-tl-stage av-tl-stage--{slug}" x="{left}" y="{y + 4}" width="{w}"'
            f' height="{line - 8}"/><text class="av-tl-count" x="{left + w + 6}" y="{y + 19}">'
            f"{n}</text></g>"
        )
    height = line * len(shown)
    return svg(height, "Interviews by stage", desc, body, "av-tl--stages av-tl--narrow", NARROW)
