"""The owner's local preview: whether a site build may leave redaction off.

One rule (content/security.md, "Your own preview"): the pages are built
unredacted only by ``mkdocs serve`` listening on a loopback address alone
(127.0.0.0/8, ``::1``, ``localhost``), which only this machine can reach and
whose site folder is a temporary one nothing publishes. Every other case keeps
``redact`` as configured: ``mkdocs build``, ``gh-deploy``, ``serve`` on
``0.0.0.0``, ``::``, a LAN address or a host name (a name could resolve to
anything), and every command-line output (``render --redact``, ``notify``),
which never ask this module. Plain Python, no MkDocs.
"""

from __future__ import annotations

import ipaddress
import re

BANNER_TITLE = "Local preview: not redacted; the published build is"
BANNER = (
    f'!!! warning "{BANNER_TITLE}"\n\n'
    "    `mkdocs serve` is listening on this machine only, so these pages show\n"
    "    everything your records hold: names, emails, phone numbers, offer terms,\n"
    "    feedback and notes. `mkdocs build` and the published site are redacted\n"
    "    as `redact: true` says.\n"
)


_TITLE = re.compile(r"^# .*\n?", re.MULTILINE)


def with_banner(page: str) -> str:
    """A generated page (Markdown) with the banner right after its ``# `` title
    (else first)."""
    title = _TITLE.search(page)
    if title is None:
        return BANNER + "\n" + page
    return page[: title.end()] + "\n" + BANNER + "\n" + page[title.end() :]


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach: 127.0.0.0/8, ``::1`` (also
    written ``[::1]`` or as the IPv4-mapped ``::ffff:127.0.0.1``) and ``localhost``."""
    name = host.strip()
    if name.lower() == "localhost":
        return True
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # any other host name: not resolved, not trusted
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


def unredacted_preview(command: str | None, host: str | None) -> bool:
    """True when a site build may be unredacted: the command is ``serve`` and the
    server listens on a loopback address (``is_loopback``); False otherwise, and
    when either is unknown."""
    return command == "serve" and host is not None and is_loopback(host)
