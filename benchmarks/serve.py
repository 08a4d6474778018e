"""`mkdocs serve`: time from saving a file to the served page changing.

    python benchmarks/serve.py            # 50 records, 5 rounds of each edit
    python benchmarks/serve.py --rounds 3 --records 50

Builds a copy of the sample site with generated records (benchmarks/records.py),
serves it on 127.0.0.1 at a free port, and in interleaved rounds (record,
guide page, record, ...) saves a change to one record (its role) or to one
guide page (a new sentence), then polls the page that shows it until the new
text is served. Prints the medians and their ratio (goal: a record's rebuild
within 1.5 times a guide page's). Every wait is bounded (--timeout); the server
is stopped at the end, also on failure. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from records import NOW_TEXT, generate  # noqa: E402

GOAL = 1.5
GUIDE = "guide/offer.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_site(root: Path, n: int) -> Path:
    """The sample site (content, overrides, schema, mkdocs.yml) plus n generated records."""
    for part in ("content", "site_overrides", "schemas"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    records = root / "records"
    generate(records, n)
    for path in sorted(records.glob("*.yaml"))[:n]:
        shutil.copy(path, root / "content" / "interviews" / path.name)
    shutil.rmtree(records)
    (root / "afterview.toml").write_text(
        'interviews = "content/interviews"\ntimezone = "America/New_York"\n'
    )
    return root


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (127.0.0.1)
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at url contains text; raises TimeoutError after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def valid_record(folder: Path) -> Path:
    """A record whose page shows its role (one that loads, with a plain role line)."""
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "\nrole: " in text and "company: " in text and "unknown" not in text:
            return path
    raise SystemExit("no record with a role line among the generated records")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--records", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per wait")
    args = parser.parse_args(argv)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = dict(os.environ, AFTERVIEW_NOW=NOW_TEXT, NO_COLOR="1", NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory(prefix="afterview-serve-") as tmp:
        root = make_site(Path(tmp), args.records)
        record = valid_record(root / "content" / "interviews")
        guide = root / "content" / GUIDE
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        record_url = f"{base}/interviews/{record.stem}/"
        guide_url = f"{base}/{GUIDE.removesuffix('.md')}/"
        log = open(root / "serve.log", "w")
        server = subprocess.Popen(
            [str(mkdocs), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        times: dict[str, list[float]] = {"record": [], "guide": []}
        try:
            wait_for(record_url, "</html>", args.timeout)
            wait_for(guide_url, "</html>", args.timeout)
            original = record.read_text(encoding="utf-8")
            for i in range(args.rounds):
                for kind in ("record", "guide"):
                    token = f"zqserve{kind}{i}zq"
                    time.sleep(1.0)  # let the watcher settle after the previous build
                    if kind == "record":
                        edited = original.replace("\nrole: ", f"\nrole: {token} ", 1)
                        record.write_text(edited, encoding="utf-8")
                        url = record_url
                    else:
                        with guide.open("a", encoding="utf-8") as f:
                            f.write(f"\n\nEdited: {token}.\n")
                        url = guide_url
                    times[kind].append(wait_for(url, token, args.timeout))
                    print(f"{kind} round {i + 1}: {times[kind][-1]:.2f} s", file=sys.stderr)
        except TimeoutError as e:
            print(f"serve benchmark failed: {e}", file=sys.stderr)
            print((root / "serve.log").read_text()[-3000:], file=sys.stderr)
            return 2
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            log.close()
    rec, gd = statistics.median(times["record"]), statistics.median(times["guide"])
    ratio = rec / gd
    status = "ok" if ratio <= GOAL else "MISSED"
    print(f"\n`mkdocs serve` with {args.records} records, {args.rounds} rounds each, medians:\n")
    print("| saved | median | min | max |")
    print("|---|---:|---:|---:|")
    for kind, label in (("record", "one record"), ("guide", "one guide page")):
        t = times[kind]
        print(f"| {label} | {statistics.median(t):.2f} s | {min(t):.2f} s | {max(t):.2f} s |")
    print(
        f"\nrecord ÷ guide page: {rec:.2f} s / {gd:.2f} s = {ratio:.2f} (goal ≤ {GOAL}: {status})"
    )
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
