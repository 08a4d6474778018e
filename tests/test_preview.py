"""The owner's local preview (content/security.md, "Your own preview").

`mkdocs serve` listening on a loopback address only builds the pages unredacted,
with a banner saying so; every other address and every other command keeps
`redact` as configured. Also: the live-reload script MkDocs adds to each served
page is let through that page's policy, and nothing else is.
"""

from __future__ import annotations

import re

import pytest

from afterview.csp import add_csp, allow_added_scripts, script_hash
from afterview.preview import BANNER, BANNER_TITLE, is_loopback, unredacted_preview, with_banner

LOOPBACK = ["127.0.0.1", "127.0.0.53", "127.255.255.254", "::1", "[::1]", "localhost",
            "LOCALHOST", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]  # fmt: skip
NOT_LOOPBACK = ["0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.5", "172.16.0.1",
                "fe80::1", "2001:db8::1", "128.0.0.1", "my-laptop", "my-laptop.local",
                "localhost.example.com", "127.0.0.1.nip.io", "", " "]  # fmt: skip


@pytest.mark.parametrize("host", LOOPBACK)
def test_loopback_addresses(host: str) -> None:
    assert is_loopback(host)
    assert unredacted_preview("serve", host)


@pytest.mark.parametrize("host", NOT_LOOPBACK)
def test_every_other_address_or_name_is_not_loopback(host: str) -> None:
    assert not is_loopback(host)
    assert not unredacted_preview("serve", host)


@pytest.mark.parametrize("command", ["build", "gh-deploy", None, "Serve", ""])
@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "0.0.0.0"])
def test_only_serve_previews(command: str | None, host: str) -> None:
    assert not unredacted_preview(command, host)


def test_an_unknown_host_is_not_a_preview() -> None:
    assert not unredacted_preview("serve", None)


def test_the_banner_says_what_the_issue_asks() -> None:
    assert BANNER_TITLE == "Local preview: not redacted; the published build is"


def test_the_banner_goes_right_after_the_title() -> None:
    page = "---\nhide:\n  - toc\n---\n\n# Status\n\nComputed for now.\n"
    out = with_banner(page)
    assert out.startswith("---\nhide:\n  - toc\n---\n\n# Status\n\n" + BANNER)
    assert out.endswith("Computed for now.\n") and out.count(BANNER_TITLE) == 1
    assert with_banner("No title here.\n") == BANNER + "\nNo title here.\n"


# --- live reload through the policy ------------------------------------------------------

PAGE = (
    "<!doctype html><html><head><meta charset=utf-8><title>t</title>"
    "<script>var theme = 1;</script></head><body><p>hi</p>{extra}</body></html>"
)


def _served(page: str, script: str) -> str:
    """What the development server does: the script right before </body>."""
    at = page.rindex("</body>")
    return page[:at] + f"<script>{script}</script>" + page[at:]


def _script_src(page: str) -> list[str]:
    policy = re.search(r'content="([^"]*)"', page)
    assert policy is not None
    (directive,) = [d for d in policy.group(1).split("; ") if d.startswith("script-src ")]
    return directive.split(" ")[1:]


def test_the_added_script_and_only_it_is_hashed() -> None:
    built = add_csp(PAGE.format(extra=""))
    served = _served(built, "livereload(123, 456);")
    out = allow_added_scripts(built.encode(), served.encode()).decode()
    sources = _script_src(out)
    assert sources == [
        "'self'",
        script_hash("var theme = 1;"),
        script_hash("livereload(123, 456);"),
    ]
    # The page is otherwise what the server sent.
    assert re.sub(r'content="[^"]*"', "", out) == re.sub(r'content="[^"]*"', "", served)


def test_a_script_the_policy_refused_stays_refused() -> None:
    """A script inside a generated page's content is not hashed at build time; the
    server adding its own script does not let it through."""
    hostile = "<script>alert(1)</script>"
    source = PAGE.format(extra=hostile)
    built = add_csp(source, untrusted=hostile)
    served = _served(built, "livereload(1, 2);")
    sources = _script_src(allow_added_scripts(built.encode(), served.encode()).decode())
    assert script_hash("alert(1)") not in sources
    assert script_hash("livereload(1, 2);") in sources


def test_each_request_gets_the_hash_of_its_own_script() -> None:
    built = add_csp(PAGE.format(extra="")).encode()
    one = allow_added_scripts(built, _served(built.decode(), "livereload(1, 10);").encode())
    two = allow_added_scripts(built, _served(built.decode(), "livereload(1, 11);").encode())
    assert script_hash("livereload(1, 10);") in _script_src(one.decode())
    assert script_hash("livereload(1, 10);") not in _script_src(two.decode())
    assert script_hash("livereload(1, 11);") in _script_src(two.decode())


def test_a_page_without_a_policy_or_without_an_added_script_is_unchanged() -> None:
    bare = PAGE.format(extra="").encode()
    served = _served(bare.decode(), "x();").encode()
    assert allow_added_scripts(bare, served) == served
    built = add_csp(PAGE.format(extra="")).encode()
    assert allow_added_scripts(built, built) == built


def test_bytes_that_are_not_utf8_survive() -> None:
    built = add_csp(PAGE.format(extra="")).encode() + b"\xff\xfe"
    served = built.replace(b"</body>", b"<script>y();</script></body>")
    out = allow_added_scripts(built, served)
    assert out.endswith(b"\xff\xfe") and b"<script>y();</script>" in out
