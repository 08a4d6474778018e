"""Draft templates are read only from their folders: a template that is a symbolic
link, lies under one, or resolves outside its folder is refused, whether it is the
kind's template itself or one it includes (issue 20, class 10; content/security.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from afterview.drafts.render import DraftError, render

SECRET = "the owner's private diary"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "diary.txt").write_text(SECRET, encoding="utf-8")
    return drafts, outside


def test_an_include_of_a_link_to_a_file_outside_is_refused(folders: tuple[Path, Path]) -> None:
    drafts, outside = folders
    (drafts / "diary.txt").symlink_to(outside / "diary.txt")
    (drafts / "thank-you.txt.j2").write_text('{% include "diary.txt" %}', encoding="utf-8")
    with pytest.raises(DraftError, match="symbolic link") as e:
        render("thank-you", {}, drafts)
    assert SECRET not in str(e.value)


def test_an_include_through_a_linked_folder_is_refused(folders: tuple[Path, Path]) -> None:
    drafts, outside = folders
    (drafts / "parts").symlink_to(outside, target_is_directory=True)
    (drafts / "thank-you.txt.j2").write_text('{% include "parts/diary.txt" %}', encoding="utf-8")
    with pytest.raises(DraftError, match="symbolic link"):
        render("thank-you", {}, drafts)


def test_a_template_that_is_itself_a_link_is_refused(folders: tuple[Path, Path]) -> None:
    drafts, outside = folders
    (outside / "t.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    (drafts / "thank-you.txt.j2").symlink_to(outside / "t.j2")
    with pytest.raises(DraftError, match="symbolic link"):
        render("thank-you", {}, drafts)


def test_a_link_inside_the_folder_to_a_file_inside_is_refused_too(
    folders: tuple[Path, Path],
) -> None:
    """A link is refused whatever it points at: what it points at can change."""
    drafts, _outside = folders
    (drafts / "part.txt").write_text("hello", encoding="utf-8")
    (drafts / "alias.txt").symlink_to(drafts / "part.txt")
    (drafts / "thank-you.txt.j2").write_text('{% include "alias.txt" %}', encoding="utf-8")
    with pytest.raises(DraftError, match="symbolic link"):
        render("thank-you", {}, drafts)


def test_plain_includes_still_work(folders: tuple[Path, Path]) -> None:
    drafts, _outside = folders
    (drafts / "sub").mkdir()
    (drafts / "sub" / "part.txt").write_text("hello", encoding="utf-8")
    (drafts / "thank-you.txt.j2").write_text(
        'Subject: Hi\n\n{% include "sub/part.txt" %}\n', encoding="utf-8"
    )
    assert render("thank-you", {}, drafts) == ("Hi", "hello\n")


def test_a_parent_path_is_no_way_out(folders: tuple[Path, Path]) -> None:
    drafts, _outside = folders
    (drafts / "thank-you.txt.j2").write_text(
        '{% include "../outside/diary.txt" %}', encoding="utf-8"
    )
    with pytest.raises(DraftError) as e:
        render("thank-you", {}, drafts)
    assert SECRET not in str(e.value)


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links")
def test_a_hard_link_in_the_playbook_s_folder_is_refused(folders: tuple[Path, Path]) -> None:
    """A hard link has no target to tell, but it is the same file as one elsewhere."""
    drafts, outside = folders
    os.link(outside / "diary.txt", drafts / "diary.txt")
    (drafts / "thank-you.txt.j2").write_text('{% include "diary.txt" %}', encoding="utf-8")
    with pytest.raises(DraftError, match="hard link") as e:
        render("thank-you", {}, drafts)
    assert SECRET not in str(e.value)
