"""Refresh the README's screenshot on purpose: assets/status-page.png.

Builds the sample site with "now" pinned (the samples' 25 November 2026), serves
it on localhost, and photographs the status page in headless Chromium (Debian's
/usr/bin/chromium, or $AFTERVIEW_CHROMIUM) through Playwright. Tests never write
tracked files; this script is the one thing that writes the screenshot.

    .venv/bin/python scripts/update_screenshot.py            # assets/status-page.png
    .venv/bin/python scripts/update_screenshot.py --dark --width 390 --out /tmp/x.png
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-25T12:00:00-05:00"
CHROMIUM = os.environ.get("AFTERVIEW_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve folder on a free localhost port; yields its URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build(site: Path) -> None:
    """mkdocs build --strict of the repository's sample site into site, now pinned."""
    env = dict(os.environ, AFTERVIEW_NOW=NOW, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{proc.stderr[-3000:]}")


def shoot(
    url: str,
    out: Path,
    width: int = 1280,
    height: int = 1500,
    dark: bool = False,
    full: bool = False,
) -> None:
    """A screenshot of the page at url: its top (width x height), or the full page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url)
            page.wait_for_selector("svg.av-tl", state="attached")
            if dark:
                page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
            page.screenshot(path=str(out), full_page=full)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "status-page.png")
    parser.add_argument("--page", default="status/", help="path of the page under the site")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--dark", action="store_true", help="Material's slate (dark) scheme")
    parser.add_argument("--full", action="store_true", help="the whole page, not its top")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        with serve(site) as url:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            shoot(f"{url}/{args.page}", args.out, args.width, args.height, args.dark, args.full)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
