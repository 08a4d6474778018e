"""Links between generated pages carry their finished URLs (markup.page_href): MkDocs
does not rewrite links inside raw HTML, such as the cards' tables."""

from __future__ import annotations

import pytest

from afterview.pages.markup import page_href, page_link, page_url, rel, url_style


@pytest.mark.parametrize(
    ("src", "directory", "url"),
    [
        ("status.md", True, "status/"),
        ("status.md", False, "status.html"),
        ("index.md", True, ""),
        ("index.md", False, "index.html"),
        ("checks/index.md", True, "checks/"),
        ("checks/index.md", False, "checks/index.html"),
        ("interviews/a.md", True, "interviews/a/"),
        ("interviews/a.md", False, "interviews/a.html"),
    ],
)
def test_a_page_url_is_what_mkdocs_gives_it(src: str, directory: bool, url: str) -> None:
    assert page_url(src, directory) == url


@pytest.mark.parametrize(
    ("here", "there", "with_dirs", "without"),
    [
        ("status.md", "interviews/a.md", "../interviews/a/", "interviews/a.html"),
        ("interviews/a.md", "checks/late.md", "../../checks/late/", "../checks/late.html"),
        ("checks/index.md", "checks/late.md", "late/", "late.html"),
        ("interviews/a.md", "status.md", "../../status/", "../status.html"),
        ("interviews/a.md", "index.md", "../../", "../index.html"),
        ("index.md", "index.md", "./", "index.html"),
    ],
)
def test_links_are_relative_to_the_page_url(
    here: str, there: str, with_dirs: str, without: str
) -> None:
    assert page_href(here, there) == with_dirs
    with url_style("flat"):
        assert page_href(here, there) == without
    with url_style("source"):  # afterview render: Zensical resolves the source path itself
        assert page_href(here, there) == rel(here, there)
    assert page_href(here, there) == with_dirs  # the setting ends with the block


def test_a_file_name_cannot_end_the_link_or_start_a_scheme() -> None:
    link = page_link("x", "status.md", 'interviews/x" onclick="alert(1) <b> &.md')
    assert link == (
        '<a href="../interviews/x%22%20onclick%3D%22alert%281%29%20%3Cb%3E%20%26/">x</a>'
    )
    assert page_link("<b>", "status.md", "lessons.md") == '<a href="../lessons/">&#60;b&#62;</a>'
