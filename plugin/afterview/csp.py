"""A Content-Security-Policy for a built HTML page, computed from the page itself.

``add_csp(html)`` puts a ``<meta http-equiv="Content-Security-Policy">`` first in
the page's ``<head>``. Scripts may come from the site itself and, inline, only
when their sha256 hash is listed: the hashes are those of the page's own inline
scripts, read from the final HTML, so the policy follows whatever the theme
emits. Everything else is the site only: images and fonts also as ``data:``,
no plugins, no ``<base>`` elsewhere, forms post only to the site.

Styles: ``style-src 'self'`` without ``'unsafe-inline'``. Material for MkDocs
writes no ``style`` attribute or ``<style>`` element into the pages it builds
and sets styles from its script through the CSSOM, which a policy does not
restrict; the browser tests fail on any violation, so a theme update that needs
more shows up there.

Defence in depth: inline scripts inside ``untrusted`` (the HTML made from a
page's Markdown, for the generated pages) are never hashed, so a script that got
into a record's page by mistake is blocked rather than allowed. Plain Python, no
MkDocs: the plugin calls it from ``on_post_page`` and any other generator can.

Live reload: ``mkdocs serve`` adds its reload script to each HTML page as it
sends it, after the build, with a number that changes per request in it.
``allow_added_scripts`` is given the page before and after that addition and
adds the hashes of exactly the scripts added to the policy already there; the
plugin wraps the server's injection with it (content/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter

META_NAME = "Content-Security-Policy"

# Inline scripts, skipping comments; a script ends at the first "</script".
_SCRIPT = re.compile(r"<!--.*?-->|<script\b([^>]*)>(.*?)</script[\s/>]", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
_META = re.compile(rf'<meta http-equiv="{META_NAME}" content="([^"]*)">')
_DOCTYPE = re.compile(r"\s*<!doctype[^>]*>", re.IGNORECASE)
# Script types a browser runs (others, like application/json, are data).
_JS_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "application/x-javascript",
    "text/jscript",
}


def _runs(attributes: str) -> bool:
    """True for an inline script a browser would run (no src, a JavaScript type)."""
    if _SRC.search(attributes):
        return False
    m = _TYPE.search(attributes)
    kind = next((g for g in m.groups() if g is not None), "") if m else ""
    return kind.strip().lower() in _JS_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the page would run, in order."""
    return [
        m.group(2) for m in _SCRIPT.finditer(html) if m.group(2) is not None and _runs(m.group(1))
    ]


def script_hash(text: str) -> str:
    """The CSP source for one inline script: 'sha256-<base64>' of its text as parsed
    (the HTML parser turns CR LF and CR into LF before the script sees them)."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(html: str, untrusted: str = "") -> str:
    """The policy for a page: its own inline scripts' hashes, less those in ``untrusted``."""
    refused = set(inline_scripts(untrusted)) if untrusted else set()
    hashes = dict.fromkeys(script_hash(s) for s in inline_scripts(html) if s not in refused)
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *hashes]),
        ("style-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'", "data:"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("media-src", ["'self'"]),
        ("frame-src", ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def add_csp(html: str, untrusted: str = "") -> str:
    """The page with its policy as the first element of ``<head>``.

    When the head opens with ``<meta charset>``, the policy comes right after it,
    so the character set stays within the first 1024 bytes a browser scans for
    it (neither loads or runs anything). A document without a ``<head>`` tag gets
    the element after its doctype (the HTML parser puts it in the implied head).
    """
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(html, untrusted)}">'
    at = _HEAD.search(html) or _DOCTYPE.match(html)
    cut = at.end() if at else 0
    charset = _CHARSET.match(html, cut)
    if charset:
        cut = charset.end()
    return html[:cut] + meta + html[cut:]


def allow_added_scripts(before: bytes, after: bytes) -> bytes:
    """``after`` (the page ``before`` with inline scripts added, as a development
    server adds its reload script) with the added scripts' hashes in the
    ``script-src`` of the page's policy. Scripts already in ``before`` are not
    touched (one the policy refused stays refused); a page without the policy is
    returned as it is."""
    old = before.decode("utf-8", "surrogateescape")
    new = after.decode("utf-8", "surrogateescape")
    added = Counter(inline_scripts(new)) - Counter(inline_scripts(old))
    meta = _META.search(new)
    if not added or meta is None:
        return after
    hashes = " ".join(dict.fromkeys(script_hash(s) for s in added))
    directives = [d.strip() for d in meta.group(1).split(";")]
    directives = [f"{d} {hashes}" if d.split(" ")[0] == "script-src" else d for d in directives]
    content = "; ".join(directives)
    page = new[: meta.start(1)] + content + new[meta.end(1) :]
    return page.encode("utf-8", "surrogateescape")
