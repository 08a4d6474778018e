"""The site's settings as the commands read them from ``mkdocs.yml``: where the site
is published, whether it is redacted, its status page and calendar (``notify``
links to them). Read as plain YAML, never through MkDocs or the plugin: this is the
settings layer, below the commands and the site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The plugin's own default for ``redact`` (site/plugin.py's AfterviewConfig; a test
# holds the two equal): what a site that does not say builds.
REDACT_DEFAULT = False


@dataclass(frozen=True)
class SiteConfig:
    """What ``notify`` needs from mkdocs.yml; ``redact`` is None when it cannot be told."""

    site_url: str | None = None
    redact: bool | None = None
    status_page: str = "status.md"
    directory_urls: bool = True
    calendar: bool = True


def safe_site_url(url: object) -> str | None:
    """The URL if it is a plain http(s) address (nothing that could end a Markdown link)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not re.fullmatch(r"https?://[^\s<>()\[\]\\`\"']+", url, re.IGNORECASE):
        return None
    return url if url.endswith("/") else url + "/"


def read_site_config(path: Path) -> SiteConfig:
    """site_url, use_directory_urls and the afterview plugin's options from mkdocs.yml.

    Unknown YAML tags (``!ENV``, ``!!python/name``) read as unknown values. A
    missing or unreadable file, or one without the afterview plugin, gives
    ``redact=None``: the caller decides (``notify`` then redacts).
    """
    import yaml

    class Loose(yaml.SafeLoader):
        pass

    Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    Loose.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loose.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loose)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return SiteConfig()
    if not isinstance(data, dict):
        return SiteConfig()
    options: dict[str, Any] | None = None
    for entry in data.get("plugins") or []:
        if entry == "afterview":
            options = {}
        elif isinstance(entry, dict) and "afterview" in entry:
            options = entry["afterview"] if isinstance(entry["afterview"], dict) else {}
    if isinstance(data.get("plugins"), dict) and "afterview" in data["plugins"]:
        value = data["plugins"]["afterview"]
        options = value if isinstance(value, dict) else {}
    redact: bool | None = None
    status_page, calendar = "status.md", True
    if options is not None:
        value = options.get("redact", REDACT_DEFAULT)
        redact = value if isinstance(value, bool) else None
        if isinstance(options.get("status_page"), str):
            status_page = options["status_page"]
        calendar = options.get("calendar", True) is not False
    return SiteConfig(
        site_url=safe_site_url(data.get("site_url")),
        redact=redact,
        status_page=status_page,
        directory_urls=data.get("use_directory_urls", True) is not False,
        calendar=calendar,
    )
