"""The files of a new playbook repository (``afterview init``)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from afterview import __version__
from afterview.resources import data_path


class ScaffoldError(Exception):
    """The playbook cannot be written (files exist, bad time zone)."""


def default_timezone() -> str:
    """This machine's zone as an IANA name, else UTC."""
    from afterview.settings import local_zone

    return getattr(local_zone(), "key", None) or "UTC"


def _template(name: str) -> str:
    return (resources.files("afterview") / "templates" / "playbook" / name).read_text(
        encoding="utf-8"
    )


def plan(directory: str, timezone: str) -> dict[str, str]:
    """Relative path → text of every file to write."""
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScaffoldError(
            f"--timezone: {timezone!r} is not an IANA time zone name such as Europe/Paris"
        ) from None
    files = {
        "mkdocs.yml": _template("mkdocs.yml"),
        "afterview.toml": _template("afterview.toml.tmpl").replace("{timezone}", timezone),
        "requirements.txt": _template("requirements.txt").replace("{version}", __version__),
        ".gitignore": _template("gitignore"),
        ".pre-commit-config.yaml": _template("pre-commit-config.yaml"),
        ".github/workflows/playbook.yml": _template("workflow.yml"),
        "content/interviews/2026-01-12-contoso-example-example-analyst.yaml": _template(
            "example.yaml"
        ),
        "schemas/interview.schema.json": data_path("interview.schema.json").read_text(
            encoding="utf-8"
        ),
    }
    guidance = data_path("guidance")
    for page in [
        "index.md",
        *(f"guide/{p.name}" for p in sorted((guidance / "guide").glob("*.md"))),
    ]:
        files[f"content/{page}"] = (guidance / page).read_text(encoding="utf-8")
    overrides = data_path("site_overrides")
    for item in sorted(overrides.rglob("*")):
        if item.is_file():
            files[f"site_overrides/{item.relative_to(overrides).as_posix()}"] = item.read_text(
                encoding="utf-8"
            )
    return files


def write(directory: str, files: dict[str, str]) -> None:
    """Write every file, or none if any already exists."""
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise ScaffoldError(f"{directory}: exists and is not a folder")
    existing = [name for name in files if os.path.lexists(root / name)]
    if existing:
        raise ScaffoldError(
            f"{directory}: would overwrite {', '.join(sorted(existing))}; nothing was written"
        )
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as f:
            f.write(text)
