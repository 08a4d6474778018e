"""Tables that turn into cards on a phone.

A generated table is written as an HTML table (through ``md_in_html``, so the
cells' inline Markdown, links between pages included, is still Markdown)
whose every cell carries its column's name in ``data-label``. On a wide
screen it is an ordinary table; below 45em (``afterview.css``) each row
becomes a card: the first cell its heading, every other cell on its own line
after its column's name, so no column is cut off or needs sideways scrolling.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from afterview.pages.markup import Md, cell, md


def card_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], wrapper: str = "av-cards"
) -> list[Md]:
    """The lines of a table block; cells are escaped unless ``Md``, headers are plain text.

    ``wrapper`` is the class list of the enclosing ``<div>`` (it always includes
    ``av-cards``).
    """
    classes = wrapper if "av-cards" in wrapper.split() else f"av-cards {wrapper}"
    head = md("").join(md("<th>{}</th>", h) for h in headers)
    out = [
        md('<div class="{}" markdown>', classes),
        md(""),
        md("<table markdown>"),
        md("<thead markdown><tr markdown>{}</tr></thead>", head),
        md("<tbody markdown>"),
    ]
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"a row of {len(row)} cells under {len(headers)} headers")
        cells = md("").join(_cell(h, value) for h, value in zip(headers, row, strict=True))
        out.append(md("<tr markdown>{}</tr>", cells))
    out += [md("</tbody>"), md("</table>"), md(""), md("</div>")]
    return out


def _cell(header: str, value: object) -> Md:
    """A labelled cell; parsed as Markdown only when it holds Markdown (a link, bold text).

    Escaped text and inline HTML need no parsing, and skipping it halves the
    time a long status table takes to render.
    """
    text = cell(value)
    if "](" in text or "**" in text:
        return md('<td data-label="{}" markdown="span">{}</td>', header, text)
    return md('<td data-label="{}">{}</td>', header, text)
