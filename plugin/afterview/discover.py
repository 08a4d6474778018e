"""Which files to check: the paths given, folders searched for *.yaml and *.yml."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

SUFFIXES = (".yaml", ".yml")


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # paths that could not be used


def discover(paths: list[str]) -> Discovery:
    """Files to check, as the user gave them or found below a given folder.

    Hidden folders (``.git``) and folder symlinks are not followed, so a
    symlink loop cannot trap the search.
    """
    out = Discovery()
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.files.append(path)

    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, files in os.walk(given, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.endswith(SUFFIXES) and not name.startswith("."):
                        found.append(os.path.join(root, name))
            for path in sorted(found):
                add(path)
        elif os.path.lexists(given):
            add(given)
        else:
            out.errors.append(f"{given}: no such file or folder")
    return out
