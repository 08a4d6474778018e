"""Tables that turn into cards on a phone.

A generated table is written as a finished HTML table: its cells are markup's
fragments (escaped text, badges, links with their finished URLs), which are
HTML as they stand, so MkDocs passes the table through without parsing it
again as Markdown (no ``markdown`` attribute for ``md_in_html``). On a wide
screen it is an ordinary table; below 45em (``afterview.css``) each row
becomes a card: the first cell its heading, every other cell on its own line
after its column's name, so no column is cut off or needs sideways
scrolling. Every cell but the first (a card's heading needs no name) carries
its column's name in ``data-label``, except in a table that grows with the
records and whose columns never change (the status page's), which the
stylesheet names once (``labels_in_css``).

What the site's search finds (content/usage.md): a table is left out of the
search index whole (``data-search-exclude`` on its wrapper). Only a
``searchable`` table (the people of an interview) is indexed, less its
column names, which repeat on every row, and its ``unindexed`` columns.
Either is handed to ``markup.set_aside`` as one finished block, which in a
plugin build keeps it out of Markdown (pages.stash).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from afterview.pages.markup import Md, attribute, cell, md, set_aside


def card_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    wrapper: str = "av-cards",
    unindexed: Collection[str] = (),
    *,
    searchable: bool = False,
    labels_in_css: bool = False,
) -> list[Md]:
    """The lines of a table block, with a blank line before and after it, so Markdown
    reads it as one raw HTML block; set aside (``markup.set_aside``)."""
    table = table_html(
        headers, rows, wrapper, unindexed, searchable=searchable, labels_in_css=labels_in_css
    )
    return [md(""), set_aside(table, searchable), md("")]


def table_html(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    wrapper: str = "av-cards",
    unindexed: Collection[str] = (),
    *,
    searchable: bool = False,
    labels_in_css: bool = False,
) -> Md:
    """The table as finished HTML; cells are escaped unless ``Md``, headers are plain text.

    ``wrapper`` is the class list of the enclosing ``<div>`` (it always includes
    ``av-cards``). Every cell but the first carries its column's name
    (``data-label``), unless the stylesheet gives them to the table's wrapper
    class (``labels_in_css``). The cells of a ``searchable`` table's
    ``unindexed`` columns are left out of the search index; any other table is
    left out whole.
    """
    classes = wrapper if "av-cards" in wrapper.split() else f"av-cards {wrapper}"
    head = md("").join(md("<th>{}</th>", h) for h in headers)
    labels = [
        md(
            "{}{}",
            md("") if i == 0 or labels_in_css else md(' data-label="{}"', h),
            md(" data-search-exclude") if searchable and h in unindexed else md(""),
        )
        for i, h in enumerate(headers)
    ]
    if searchable:
        out = [md('<div class="{}"><table>', attribute(classes))]
        out.append(md("<thead data-search-exclude><tr>{}</tr></thead><tbody>", head))
    else:
        out = [md('<div class="{}" data-search-exclude><table>', attribute(classes))]
        out.append(md("<thead><tr>{}</tr></thead><tbody>", head))
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"a row of {len(row)} cells under {len(headers)} headers")
        cells = md(" ").join(
            md("<td{}>{}</td>", label, cell(v)) for label, v in zip(labels, row, strict=True)
        )
        out.append(md("<tr>{}</tr>", cells))
    out.append(md("</tbody></table></div>"))
    return md("\n").join(out)
