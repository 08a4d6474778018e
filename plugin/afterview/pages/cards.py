"""Tables that turn into cards on a phone.

A generated table is written as a finished HTML table: its cells are markup's
fragments (escaped text, badges, links with their finished URLs), which are
HTML as they stand, so MkDocs passes the table through without parsing it
again as Markdown (no ``markdown`` attribute for ``md_in_html``). Every cell
carries its column's name in ``data-label``. On a wide screen it is an
ordinary table; below 45em (``afterview.css``) each row becomes a card: the
first cell its heading, every other cell on its own line after its column's
name, so no column is cut off or needs sideways scrolling.

The column names are left out of the site's search index
(``data-search-exclude``, content/usage.md): they repeat on every row.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from afterview.pages.markup import Md, attribute, cell, md


def card_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    wrapper: str = "av-cards",
    unindexed: Collection[str] = (),
) -> list[Md]:
    """The lines of a table block; cells are escaped unless ``Md``, headers are plain text.

    ``wrapper`` is the class list of the enclosing ``<div>`` (it always includes
    ``av-cards``). The cells of the ``unindexed`` columns are left out of
    the search index. The block starts and ends with a blank line, so
    Markdown reads it as one raw HTML block.
    """
    classes = wrapper if "av-cards" in wrapper.split() else f"av-cards {wrapper}"
    head = md("").join(md("<th>{}</th>", h) for h in headers)
    labels = [
        md(' data-label="{}"{}', h, md(" data-search-exclude") if h in unindexed else md(""))
        for h in headers
    ]
    out = [
        md(""),
        md('<div class="{}"><table>', attribute(classes)),
        md("<thead data-search-exclude><tr>{}</tr></thead><tbody>", head),
    ]
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"a row of {len(row)} cells under {len(headers)} headers")
        cells = md(" ").join(
            md("<td{}>{}</td>", label, cell(v)) for label, v in zip(labels, row, strict=True)
        )
        out.append(md("<tr>{}</tr>", cells))
    out += [md("</tbody></table></div>"), md("")]
    return out
