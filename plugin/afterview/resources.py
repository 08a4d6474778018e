"""Files that ship inside the package, found in the repository during development.

A wheel carries them under ``afterview/data/`` (see pyproject.toml's
force-include); an editable install reads them from the source tree instead.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
_IN_REPO = {
    "interview.schema.json": _REPO / "schemas" / "interview.schema.json",
    "guidance": _REPO / "content",
    "site_overrides": _REPO / "site_overrides",
}


def data_path(name: str) -> Path:
    """The packaged data file or folder ``name``, else its source-tree original."""
    packaged = Path(str(resources.files("afterview") / "data" / name))
    if packaged.exists():
        return packaged
    return _IN_REPO[name]
