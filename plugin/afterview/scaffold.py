"""The files of a new playbook repository (``afterview init``)."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from afterview.resources import data_path


class ScaffoldError(Exception):
    """The playbook cannot be written (files exist, bad time zone)."""


def default_timezone() -> str:
    """This machine's zone as an IANA name, else UTC."""
    from afterview.settings import local_zone

    return getattr(local_zone(), "key", None) or "UTC"


# Common abbreviations → the IANA name people usually mean by them.
_ABBREVIATIONS = {
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "EST5EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "CST6CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "MST7MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PST8PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "WET": "Europe/Lisbon",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "MET": "Europe/Paris",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow",
    "IST": "Asia/Kolkata",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
}
_UTC_NAMES = {"UTC", "ETC/UTC", "UCT", "ZULU", "UNIVERSAL", "ETC/UNIVERSAL", "ETC/ZULU"}
_OFFSET = re.compile(r"^(?:ETC/)?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?$", re.IGNORECASE)


def _suggestion(name: str) -> str | None:
    """The IANA name someone writing ``name`` probably means, if any."""
    from zoneinfo import available_timezones

    upper = name.strip().upper()
    if upper in _ABBREVIATIONS:
        return _ABBREVIATIONS[upper]
    zones = available_timezones()
    by_case = {z.lower(): z for z in zones}
    if name.strip().lower().replace(" ", "_") in by_case:
        return by_case[name.strip().lower().replace(" ", "_")]
    import difflib

    close = difflib.get_close_matches(name.strip(), sorted(zones), n=1, cutoff=0.8)
    return close[0] if close else None


def zone_problem(name: str) -> str | None:
    """Why ``name`` cannot be the playbook's time zone, with a suggestion; None if it can."""
    try:
        ZoneInfo(name)
        return None
    except (ZoneInfoNotFoundError, ValueError):
        pass
    if _OFFSET.match(name.strip()):
        return (
            f"{name!r} is a fixed offset, not an IANA time zone name; use the name of your"
            " place, such as America/New_York or Asia/Karachi, which knows its daylight saving"
        )
    hint = _suggestion(name)
    did_you_mean = f"; did you mean {hint}?" if hint else ""
    return f"{name!r} is not an IANA time zone name such as Europe/Paris{did_you_mean}"


def zone_warning(name: str) -> str | None:
    """A warning for a valid name that is an abbreviation (EST, CET, Etc/GMT+5), else None.

    EST is UTC-05:00 all year: a New York playbook written with it would be an hour off
    every summer.
    """
    upper = name.upper()
    if upper in _UTC_NAMES or ("/" in name and not upper.startswith("ETC/")):
        return None
    zone = ZoneInfo(name)
    winter = datetime(2026, 1, 15, 12, tzinfo=zone).utcoffset()
    summer = datetime(2026, 7, 15, 12, tzinfo=zone).utcoffset()
    hint = _ABBREVIATIONS.get(upper)
    instead = f" such as {hint}" if hint else " (Region/City, such as America/New_York)"
    if winter == summer:
        assert winter is not None
        minutes = int(winter.total_seconds()) // 60
        offset = (
            f"UTC{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        )
        return (
            f"{name} is a fixed offset ({offset} all year) with no daylight saving; where"
            f" clocks change, use the IANA name of your place{instead}"
        )
    return (
        f"{name} is an abbreviation, not a place: its daylight-saving dates may not be"
        f" your country's; prefer the IANA name of your place{instead}"
    )


# How the running Afterview can be installed by a workflow: see ``installed_requirement``.
PLACEHOLDER = """\
# Afterview is not on PyPI yet. Say where the workflow installs it from: replace this
# comment with one line such as (a tag or commit of the repository you use)
#   afterview @ git+https://github.com/OWNER/afterview@v0.1.0
"""


def _public_url(url: str) -> str | None:
    """url without credentials (a ``git@`` user stays), or None for a local file URL."""
    parts = urlsplit(url)
    if parts.scheme in ("", "file"):
        return None
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = netloc if user == "git" else host
    return urlunsplit(parts._replace(netloc=netloc))


def installed_requirement() -> tuple[str | None, str]:
    """A requirement line pip can install the running Afterview from, and where it came from.

    From pip's record of the installation (``direct_url.json``, PEP 610): a VCS
    install gives ``afterview @ git+URL@COMMIT``, an archive at a URL gives
    ``afterview @ URL``; no record means a package index, so ``afterview==VERSION``.
    A local folder, editable install or local file cannot be reached by a
    workflow: the line is None.
    """
    from importlib import metadata

    try:
        dist = metadata.distribution("afterview")
    except metadata.PackageNotFoundError:
        return None, "Afterview is not installed as a package here"
    raw = dist.read_text("direct_url.json")
    if raw is None:
        return f"afterview=={dist.version}", "the package index"
    try:
        direct = json.loads(raw)
        url = _public_url(str(direct["url"]))
    except (ValueError, KeyError, TypeError):
        return None, "pip's record of this installation cannot be read"
    if url is None or "dir_info" in direct:
        return None, "a folder on this machine, which a workflow cannot reach"
    fragment = f"#subdirectory={direct['subdirectory']}" if direct.get("subdirectory") else ""
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        return f"afterview @ {vcs['vcs']}+{url}@{vcs['commit_id']}{fragment}", url
    if "archive_info" in direct:
        return f"afterview @ {url}{fragment}", url
    return None, "an installation pip did not record a source for"


def requirement_line(requirement: str) -> str:
    """The --requirement text checked: one line that names afterview, or ScaffoldError."""
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    text = requirement.strip()
    try:
        parsed = Requirement(text)
    except InvalidRequirement as e:
        raise ScaffoldError(f"--requirement: {text!r} is not a pip requirement ({e})") from None
    if "\n" in text or "\r" in text or canonicalize_name(parsed.name) != "afterview":
        raise ScaffoldError(
            f"--requirement: {text!r} must be one requirement for afterview, such as"
            " 'afterview @ git+https://github.com/OWNER/afterview@v0.1.0'"
        )
    return text


def _template(name: str) -> str:
    return (resources.files("afterview") / "templates" / "playbook" / name).read_text(
        encoding="utf-8"
    )


def plan(directory: str, timezone: str, requirement: str | None = None) -> dict[str, str]:
    """Relative path → text of every file to write.

    ``requirement`` is the line requirements.txt gets; None writes a commented
    placeholder that the workflow refuses with a message saying what to put there.
    """
    problem = zone_problem(timezone)
    if problem:
        raise ScaffoldError(f"--timezone: {problem}")
    files = {
        "mkdocs.yml": _template("mkdocs.yml"),
        "afterview.toml": _template("afterview.toml.tmpl").replace("{timezone}", timezone),
        "requirements.txt": _template("requirements.txt").replace(
            "{requirement}\n", requirement_line(requirement) + "\n" if requirement else PLACEHOLDER
        ),
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
