"""The playbook's settings: ``[tool.afterview]`` in pyproject.toml or afterview.toml.

Looked for from a starting folder upwards; the first ``afterview.toml``, or
``pyproject.toml`` holding a ``[tool.afterview]`` table, wins. Paths in it are
relative to the folder of the file that holds them.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEVERITIES = ("error", "warning", "info")
SEVERITY_SETTINGS = (*SEVERITIES, "off")

# The thresholds: whole numbers from 1 to 10000; their defaults are Settings' own.
_NUMBERS = (
    "thank_you_within_hours",
    "reflect_within_hours",
    "follow_up_after_days",
    "follow_up_every_days",
)


@dataclass(frozen=True)
class Me:
    """``[tool.afterview.me]``: who you are, for the drafts (``afterview draft``)."""

    name: str | None = None
    email: str | None = None
    pitch: str | None = None


class SettingsError(Exception):
    """An invalid setting; the message names the file, key and what was expected."""


@dataclass(frozen=True)
class Settings:
    interviews: Path = Path("content/interviews")
    timezone_name: str | None = None
    thank_you_within_hours: int = 24
    reflect_within_hours: int = 48
    follow_up_after_days: int = 7
    follow_up_every_days: int = 7
    alarm_before_minutes: int = 60  # calendar: early alarm for interviews and notes (0: none)
    severity: dict[str, str] = field(default_factory=dict)
    source: Path | None = None
    me: Me = field(default_factory=Me)
    drafts: Path | None = None  # folder of draft template overrides
    workdays: frozenset[int] = frozenset(range(5))  # date.weekday() numbers; Monday-Friday
    holidays: frozenset[date] = frozenset()  # days that are not working days

    @property
    def tz(self) -> tzinfo:
        return ZoneInfo(self.timezone_name) if self.timezone_name else local_zone()


def local_zone() -> tzinfo:
    """The machine's zone: $TZ, else /etc/localtime's name, else its fixed offset."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                continue
    return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The first settings file from start upwards and its afterview table."""
    start = start.resolve()
    for folder in (start, *start.parents):
        own = folder / "afterview.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            table = data.get("tool", {}).get("afterview")
            if table is not None:
                if not isinstance(table, dict):
                    raise SettingsError(f"{pyproject}: [tool.afterview] must be a table")
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise SettingsError(f"{path}: not valid TOML: {e}") from None
    except OSError as e:
        raise SettingsError(f"{path}: cannot be read: {e.strerror}") from None


def load_settings(start: Path | None = None, known_rules: frozenset[str] | None = None) -> Settings:
    """Find and validate the settings from start (default: the working folder) upwards.

    With no settings file the interviews folder is ``content/interviews`` under
    start, made absolute, so it keeps its meaning whatever the working folder.
    """
    origin = (start or Path.cwd()).resolve()
    found = find_settings_file(origin)
    if found is None:
        return Settings(interviews=origin / "content" / "interviews")
    path, table = found
    return settings_from_table(table, path, known_rules)


def settings_from_table(
    table: dict[str, Any], path: Path, known_rules: frozenset[str] | None = None
) -> Settings:
    """Validate one afterview table read from path."""
    prefix = "[tool.afterview]" if path.name == "pyproject.toml" else ""
    where = f"{path}: {prefix}"

    def bad(key: str, expected: str) -> SettingsError:
        value = table.get(key) if "." not in key else None
        got = f" (got {value!r})" if value is not None else ""
        return SettingsError(f"{where}{'.' if prefix else ''}{key}: expected {expected}{got}")

    allowed = {"interviews", "timezone", "severity", "alarm_before_minutes", "me", "drafts"}
    allowed |= {"workdays", "holidays"}
    allowed |= set(_NUMBERS)
    for key in table:
        if key not in allowed:
            raise SettingsError(
                f"{where}{'.' if prefix else ''}{key}: unknown setting; expected one of "
                + ", ".join(sorted(allowed))
            )
    values: dict[str, Any] = {"source": path}
    if "interviews" in table:
        if not isinstance(table["interviews"], str) or not table["interviews"].strip():
            raise bad("interviews", "a folder path as a string")
        values["interviews"] = path.parent / table["interviews"]
    else:
        values["interviews"] = path.parent / "content" / "interviews"
    if "timezone" in table:
        name = table["timezone"]
        if not isinstance(name, str):
            raise bad("timezone", "an IANA time zone name such as 'America/New_York'")
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise bad("timezone", "an IANA time zone name such as 'America/New_York'") from None
        values["timezone_name"] = name
    for key in _NUMBERS:
        if key in table:
            v = table[key]
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 10_000:
                raise bad(key, "a whole number from 1 to 10000")
            values[key] = v
    if "alarm_before_minutes" in table:
        v = table["alarm_before_minutes"]
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 10_080:
            raise bad("alarm_before_minutes", "a whole number of minutes from 0 to 10080")
        values["alarm_before_minutes"] = v
    if "drafts" in table:
        if not isinstance(table["drafts"], str) or not table["drafts"].strip():
            raise bad("drafts", "a folder path as a string")
        values["drafts"] = path.parent / table["drafts"]
    if "workdays" in table:
        values["workdays"] = _workdays(table["workdays"], bad)
    if "holidays" in table:
        values["holidays"] = _holidays(table["holidays"], bad)
    if "me" in table:
        values["me"] = _me(table["me"], f"{where}{'.' if prefix else ''}me")
    if "severity" in table:
        sev = table["severity"]
        if not isinstance(sev, dict):
            raise bad("severity", "a table mapping rule ids to error, warning, info or off")
        for rule_id, level in sev.items():
            if known_rules is not None and rule_id not in known_rules:
                raise SettingsError(
                    f"{where}{'.' if prefix else ''}severity.{rule_id}: unknown rule id"
                    " (see `afterview rules`)"
                )
            if level not in SEVERITY_SETTINGS:
                raise SettingsError(
                    f"{where}{'.' if prefix else ''}severity.{rule_id}: expected one of"
                    f" error, warning, info, off (got {level!r})"
                )
        values["severity"] = dict(sev)
    return Settings(**values)


def _workdays(value: object, bad: Callable[[str, str], SettingsError]) -> frozenset[int]:
    """``workdays``: a non-empty list of weekday names (``Monday`` or ``Mon``, any case)."""
    expected = "a non-empty list of weekday names such as ['Monday', 'Tuesday'] or ['Mon', 'Tue']"
    if not isinstance(value, list) or not value:
        raise bad("workdays", expected)
    days = set()
    for name in value:
        word = name.strip().casefold() if isinstance(name, str) else ""
        match = [i for i, d in enumerate(WEEKDAYS) if word in (d, d[:3])]
        if not match:
            raise bad("workdays", expected + f"; {name!r} is not a weekday")
        days.add(match[0])
    return frozenset(days)


def _holidays(value: object, bad: Callable[[str, str], SettingsError]) -> frozenset[date]:
    """``holidays``: a list of dates (TOML dates, or text YYYY-MM-DD)."""
    from afterview.moments import parse_date

    expected = "a list of dates such as [2026-12-25, 2027-01-01]"
    if not isinstance(value, list):
        raise bad("holidays", expected)
    days = set()
    for item in value:
        if isinstance(item, str):
            day = parse_date(item.strip())
        elif isinstance(item, date) and not isinstance(item, datetime):
            day = item
        else:
            day = None
        if day is None:
            raise bad("holidays", expected + f"; {item!r} is not a date")
        days.add(day)
    return frozenset(days)


def _me(table: object, where: str) -> Me:
    """Validate ``[tool.afterview.me]``: name and email one line each, pitch any text."""
    if not isinstance(table, dict):
        raise SettingsError(f"{where}: expected a table with name, email and pitch")
    for key in table:
        if key not in ("name", "email", "pitch"):
            raise SettingsError(f"{where}.{key}: unknown setting; expected name, email or pitch")
    out: dict[str, str] = {}
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"{where}.{key}: expected non-empty text (got {value!r})")
        if key != "pitch" and any(not c.isprintable() for c in value):
            raise SettingsError(f"{where}.{key}: expected one line of text (got {value!r})")
        out[key] = " ".join(value.split()) if key != "pitch" else value.strip()
    if "email" in out and not _is_address(out["email"]):
        raise SettingsError(
            f"{where}.email: expected one email address such as 'you@example.com'"
            f" (got {out['email']!r})"
        )
    return Me(**out)


def _is_address(text: str) -> bool:
    """True when text is exactly one plain email address (user@domain)."""
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=text)
    except Exception:  # the parser raises several kinds of errors
        return False
    return bool(address.username and address.domain) and address.addr_spec == text
