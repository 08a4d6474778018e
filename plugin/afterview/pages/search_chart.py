"""The search in one picture: interviews in play each week, stacked by where they ended.

Drawn as the timelines are (pages.timeline): inline SVG with no script and no
inline style, coloured only by the stage classes of afterview.css
(``av-tl-stage--*``), ``role="img"`` with a ``<title>`` and a ``<desc>``, a
wide drawing for screens and a narrow one for phones (one shown by CSS), and
a text equivalent after it. The numbers are afterview.search's; the only
text drawn is dates, counts and stage names, through ``markup.svg_text``.
Each drawing is assembled as a plain string and checked by
``markup.drawing``, as the timelines are.
"""

from __future__ import annotations

from collections.abc import Sequence

from afterview import wording
from afterview.clock import Clock
from afterview.pages.common import Entry
from afterview.pages.markup import Md, drawing, esc, md, svg_text
from afterview.progress import STAGES
from afterview.search import Week, in_words, weeks

PAD = 18
LEFT = 34  # room for the count labels
TOP = 12
CHART = 130  # height of the bars' area
CHAR = 7.4  # rough width of a character of 12-13 px text
WIDE, NARROW = 720, 360
SWATCH = 12


def _label(week: Week) -> str:
    return f"{wording.MONTHS[week.monday.month - 1]} {week.monday.day}"


def _legend(stages: Sequence[str], y: int, width: int) -> tuple[list[str], int]:
    """A swatch and the name of each stage drawn, wrapped to the width; and its height."""
    out: list[str] = []
    x, lines = PAD, 1
    for stage in stages:
        need = SWATCH + 6 + round(CHAR * len(stage)) + 16
        if x + need > width - PAD and x > PAD:
            x, y, lines = PAD, y + 22, lines + 1
        slug = stage.replace(" ", "-")
        out.append(
            f'<rect class="av-tl-stage av-tl-stage--{slug}" x="{x}" y="{y - SWATCH + 2}"'
            f' width="{SWATCH}" height="{SWATCH}"/>'
            f'<text class="av-tl-key" x="{x + SWATCH + 6}" y="{y + 1}">{svg_text(stage)}</text>'
        )
        x += need
    return out, 22 * lines + 8


def _drawing(data: list[Week], width: int, title: str, desc: str, cls: str) -> Md:
    """One drawing, assembled as a plain string from numbers, the code's own class names
    and ``svg_text`` values, then checked by ``markup.drawing``."""
    most = max(w.total for w in data) or 1
    base = TOP + CHART
    slot = (width - LEFT - PAD) / len(data)
    bar = max(2.0, slot * 0.7)
    body: list[str] = []
    for value in sorted({0, most, most // 2} if most >= 4 else {0, most}):
        grid_y = round(base - value / most * CHART)
        body.append(
            f'<line class="av-tl-grid" x1="{LEFT}" y1="{grid_y}" x2="{width - PAD}"'
            f' y2="{grid_y}"/><text class="av-tl-tick av-search-count" x="{LEFT - 6}"'
            f' y="{grid_y + 4}">{value}</text>'
        )
    every = next((k for k in (1, 2, 4, 8, 13) if k * slot >= CHAR * 7), 26)
    for i, week in enumerate(data):
        x = LEFT + i * slot + (slot - bar) / 2
        y = float(base)
        for stage, n in week.counts.items():
            h = n / most * CHART
            y -= h
            body.append(
                f"<g><title>{svg_text(f'{in_words(week)}; {stage}: {n}')}</title>"
                f'<rect class="av-tl-stage av-tl-stage--{stage.replace(" ", "-")}"'
                f' x="{round(x, 1)}" y="{round(y, 1)}" width="{round(bar, 1)}"'
                f' height="{round(h, 1)}"/></g>'
            )
        if i % every == 0:
            label = _label(week)
            # centred under its bar, but never reaching left of the bars, where the
            # counts are (a narrow drawing's first bar is close to its "0")
            cx = max(round(x + bar / 2, 1), round(LEFT + CHAR * len(label) / 2, 1))
            body.append(
                f'<text class="av-tl-tick" x="{cx}" y="{base + 18}">{svg_text(label)}</text>'
            )
    drawn_stages = {s for w in data for s in w.counts}
    stages = [s for s in STAGES if s in drawn_stages]
    legend, height = _legend(stages, base + 46, width)
    body += legend
    total = base + 34 + height
    return drawing(
        f'<svg class="av-tl av-search {cls}" viewBox="0 0 {width} {total}" width="{width}"'
        f' height="{total}" role="img" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{svg_text(title)}</title><desc>{svg_text(desc)}</desc>{''.join(body)}</svg>"
    )


def search_chart(entries: Sequence[Entry], clock: Clock) -> Md:
    """The picture and its text equivalent; empty when no interview has a date, a
    sentence when none was in play in the weeks drawn (an empty drawing says less)."""
    data = weeks([e.interview for e in entries if e.interview is not None], clock)
    if not data:
        return md("")
    most = max(w.total for w in data)
    if not most:
        return md(
            "<p>No interview was in play in the {} weeks from the week of {}.</p>",
            len(data),
            wording.day(data[0].monday),
        )
    title = "The search, week by week"
    desc = (
        f"Interviews in play each week, from the week of {wording.day(data[0].monday)}"
        f" to the week of {wording.day(data[-1].monday)}, coloured by the stage each has"
        f" reached now (where it ended, or where it stands); at most {most} in one week."
    )
    drawn = _drawing(data, WIDE, title, desc, "av-tl--wide") + _drawing(
        data, NARROW, title, desc, "av-tl--narrow"
    )
    items = md("").join(md("<li>{}</li>", esc(in_words(w))) for w in data)
    text = md(
        '<details class="av-tl-text"><summary>The search as text</summary><ul>{}</ul></details>',
        items,
    )
    return md('<div class="av-tl-figure av-search-figure">\n{}\n{}\n</div>', drawn, text)
