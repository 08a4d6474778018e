"""Which files to check: the paths given, folders searched for *.yaml and *.yml.

A path given by the user is used as it is (a symbolic link is followed; a
pipe, device or folder named ``x.yaml`` is refused later, when it is read).
Inside a folder being searched:

- hidden files and folders (``.git``, ``.draft.yaml``) are skipped;
- a symbolic link to a folder is not followed, and a link to a file is not
  read if it leads out of the folder searched: both are reported in
  ``errors`` (so a symlink loop cannot trap the search, and a link cannot
  bring in a file from elsewhere on the machine);
- a subfolder that cannot be listed is reported in ``errors``, never
  skipped silently;
- a file whose name is not UTF-8 text (bytes the system cannot decode) is
  reported in ``errors`` and not read: every output names its record, and
  such a name cannot be written into a page, a calendar or JSON.

Every error names the path; the command prints it and exits with status 2
after checking the files that could be used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

SUFFIXES = (".yaml", ".yml")


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # paths that could not be used


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def discover(paths: list[str]) -> Discovery:
    """Files to check, as the user gave them or found below a given folder."""
    out = Discovery()
    seen: set[str] = set()

    def add(path: str) -> None:
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            out.errors.append(f"{shown}: the file name is not UTF-8 text; rename it to read it")
            return
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.files.append(path)

    def unlisted(error: OSError) -> None:
        where = error.filename if error.filename is not None else "?"
        out.errors.append(f"{where}: the folder cannot be listed: {error.strerror}")

    for given in paths:
        if os.path.isdir(given):
            top = os.path.realpath(given)
            found = []
            for root, dirs, files in os.walk(given, onerror=unlisted):
                kept = []
                for d in dirs:
                    if d.startswith("."):
                        continue
                    if os.path.islink(os.path.join(root, d)):
                        out.errors.append(
                            f"{os.path.join(root, d)}: a symbolic link to a folder; not followed"
                            " (give its target as a path to check it)"
                        )
                        continue
                    kept.append(d)
                dirs[:] = sorted(kept)
                for name in files:
                    if not name.endswith(SUFFIXES) or name.startswith("."):
                        continue
                    path = os.path.join(root, name)
                    if os.path.islink(path) and os.path.exists(path):
                        if not _inside(os.path.realpath(path), top):
                            out.errors.append(
                                f"{path}: a symbolic link leading out of {given}; not read"
                                " (give its target as a path to check it)"
                            )
                            continue
                    found.append(path)
            for path in sorted(found):
                add(path)
        elif os.path.lexists(given):
            add(given)
        else:
            out.errors.append(f"{given}: no such file or folder")
    return out


FileId = tuple[int, int]  # (device, inode): the file itself, whatever its names


def file_id(path: str) -> FileId | None:
    """The file's (device, inode), following links; None when it cannot be read."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def file_ids(folder: str) -> frozenset[FileId]:
    """(device, inode) of every file under folder (links not followed): a hard link to
    one of them elsewhere is the same file, whatever it is called (content/security.md)."""
    found: set[FileId] = set()
    for top, _dirs, names in os.walk(folder):
        for name in names:
            try:
                info = os.lstat(os.path.join(top, name))
            except OSError:
                continue
            found.add((info.st_dev, info.st_ino))
    return frozenset(found)
