"""Time whole Afterview commands against their baselines; print medians and ratios.

    python benchmarks/run.py            # full run: creates benchmarks/.venv on first use
    python benchmarks/run.py --smoke    # 50 records, one run each, no targets (for CI)

See benchmarks/README.md for what is measured and the last published table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCHEMA = REPO / "schemas" / "interview.schema.json"
VENV = HERE / ".venv"
DATA = HERE / "data"
BASELINES = ["check-jsonschema"]
TIMEZONE = "America/New_York"

sys.path.insert(0, str(HERE))
from records import NOW_TEXT, generate  # noqa: E402

# --- environment ---------------------------------------------------------------------


def _bin(python: Path, name: str) -> Path:
    return python.parent / name


def ensure_venv(log) -> Path:
    """benchmarks/.venv with afterview (editable, from the repo) and the baselines."""
    python = VENV / "bin" / "python"
    stamp = VENV / ".afterview-bench"
    wanted = hashlib.sha256(
        (REPO / "pyproject.toml").read_bytes() + " ".join(BASELINES).encode()
    ).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    log(f"setting up {VENV} (once) ...")
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-e", str(REPO), *BASELINES], check=True)
    stamp.write_text(wanted)
    return python


def find_tool(python: Path, name: str) -> Path | None:
    """A console script next to python, in benchmarks/.venv, or on PATH."""
    for candidate in (_bin(python, name), VENV / "bin" / name):
        if candidate.exists():
            return candidate
    found = shutil.which(name)
    return Path(found) if found else None


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "cpu": cpu}


# --- data ----------------------------------------------------------------------------


def records_dir(n: int) -> Path:
    """DATA/n<N>: n generated records (regenerated when the generator changes)."""
    folder = DATA / f"n{n}"
    digest = hashlib.sha256((HERE / "records.py").read_bytes()).hexdigest()[:16]
    stamp = folder / ".stamp"
    if stamp.exists() and stamp.read_text() == digest:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    generate(folder, n)
    stamp.write_text(digest)
    return folder


def bytecode_env(env: dict[str, str]) -> dict[str, str]:
    """Every measured command imports compiled modules, as after ``pip install``.

    With PYTHONDONTWRITEBYTECODE set (this machine sets it), afterview, installed
    editable, would be compiled from source on every run (about 45 ms), while the
    baselines' packages come compiled from their wheels. The bytecode goes under
    DATA (PYTHONPYCACHEPREFIX), not into the repository; the first run of each
    command, which every group makes before timing, writes it.
    """
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(DATA / "pycache")
    return env


def prepare_data() -> None:
    DATA.mkdir(exist_ok=True)
    # Settings for every command run from DATA (the nearest afterview.toml wins).
    (DATA / "afterview.toml").write_text(f'interviews = "n1000"\ntimezone = "{TIMEZONE}"\n')


# --- timing --------------------------------------------------------------------------


@dataclass
class Timing:
    name: str
    command: str
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def validate(command: str, cwd: Path, ok_codes=(0, 1), expect: str | None = None) -> None:
    """Run once (this is also the warm-up); fail loudly if the command does not work."""
    done = subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True)
    if done.returncode not in ok_codes or (expect and expect not in done.stdout + done.stderr):
        raise SystemExit(
            f"benchmark command failed (exit {done.returncode}): {command}\n"
            f"{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )


def measure(group: list[Timing], cwd: Path, runs: int, passes: int, env: dict) -> None:
    """Time every command of the group: hyperfine when installed, else subprocesses.

    The group is measured ``passes`` times in turn (A B C, A B C, ...) so that a
    burst of load from other processes does not fall on one command only.
    """
    hyperfine = shutil.which("hyperfine")
    for _ in range(passes):
        if hyperfine:
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                cmd = [hyperfine, "--style", "none", "-i", "--runs", str(runs)]
                cmd += ["--export-json", out.name]
                for t in group:
                    cmd += ["-n", t.name, t.command]
                done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
                if done.returncode != 0:
                    raise SystemExit(f"hyperfine failed:\n{done.stderr[-3000:]}")
                results = json.load(open(out.name))["results"]
            for t, r in zip(group, results, strict=True):
                t.times.extend(r["times"])
        else:
            for _ in range(runs):
                for t in group:
                    start = time.perf_counter()
                    subprocess.run(
                        t.command,
                        shell=True,
                        cwd=cwd,
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    t.times.append(time.perf_counter() - start)


def max_rss_mb(command: str, cwd: Path, env: dict) -> float:
    """Peak resident memory of a command, from getrusage in a wrapper process."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, "exec " + command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip()) / 1024  # Linux reports KiB


# --- the site ------------------------------------------------------------------------


def site_available(python: Path, afterview: Path) -> str | None:
    """None if the plugin and `afterview render` exist, else why not."""
    if not (REPO / "mkdocs.yml").exists():
        return "no mkdocs.yml in the repository yet"
    probe = subprocess.run(
        [str(python), "-c", "import afterview.site.plugin"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        return "the MkDocs plugin (afterview.site.plugin) does not exist yet"
    probe = subprocess.run([str(afterview), "render", "--help"], capture_output=True, text=True)
    if probe.returncode != 0:
        return "`afterview render` does not exist yet"
    return None


def _without_plugin(config: str) -> str:
    """mkdocs.yml text with the afterview plugin entry (and its options) removed."""
    lines = config.splitlines()
    out: list[str] = []
    skip_deeper_than: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if line.strip() and indent <= skip_deeper_than:
                skip_deeper_than = None
            else:
                continue
        if re.match(r"^\s*-\s*afterview\s*:?\s*$", line):
            skip_deeper_than = indent
            continue
        out.append(line)
    text = "\n".join(out) + "\n"
    return re.sub(r"^plugins:\s*\n(?=\S|\Z)", "plugins: []\n", text, flags=re.M)


def _floor_config(config: str) -> str:
    """The theme floor's mkdocs.yml: the same theme, extensions and search plugin, plain
    (no afterview plugin, no custom_dir overrides, no nav: every page listed)."""
    text = _without_plugin(config)
    text = re.sub(r"^\s*custom_dir:.*\n", "", text, flags=re.M)
    text = re.sub(r"^nav:\s*\n(?:[ \t-].*\n|\s*\n)*", "", text, flags=re.M)
    return re.sub(r"^docs_dir:.*$", "docs_dir: docs", text, flags=re.M)


FLOOR_TEXT = (
    "A page of the theme floor: one paragraph of plain words, so that building it costs"
    " what the theme, Markdown and the search index cost for any page. "
)


def prepare_floor(root: Path, pages: int, config: str) -> Path:
    """The theme floor: plain Material building ``pages`` one-paragraph pages."""
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    docs.mkdir(parents=True)
    for i in range(pages):
        name = "index.md" if i == 0 else f"page-{i:04d}.md"
        (docs / name).write_text(f"# Page {i}\n\n{FLOOR_TEXT * 3}\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(_floor_config(config), encoding="utf-8")
    return root


def prepare_sites(n: int, afterview: Path, env: dict) -> tuple[Path, Path, Path]:
    """Three sites: the sample plus n records with the plugin, the same pre-rendered,
    and the theme floor with as many pages as the pre-rendered site has."""
    sites = DATA / f"site{n}"
    shutil.rmtree(sites, ignore_errors=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    docs = re.search(r"^docs_dir:\s*(\S+)", config, re.M)
    docs_dir = docs.group(1).strip("'\"") if docs else "docs"
    made = []
    for name in ("plugin", "rendered"):
        root = sites / name
        root.mkdir(parents=True)
        for part in (docs_dir, "site_overrides", "schemas"):
            if (REPO / part).exists():
                shutil.copytree(REPO / part, root / part)
        interviews = root / docs_dir / "interviews"
        for i, path in enumerate(sorted(records_dir(n).glob("*.yaml"))):
            if i < n:
                shutil.copy(path, interviews / path.name)
        (root / "afterview.toml").write_text(
            f'interviews = "{docs_dir}/interviews"\ntimezone = "{TIMEZONE}"\n'
        )
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        made.append(root)
    plugin_site, rendered_site = made
    subprocess.run(
        [str(afterview), "render", docs_dir, "--links", "directory"],
        cwd=rendered_site,
        env=env,
        check=True,
        capture_output=True,
    )
    for record in (rendered_site / docs_dir / "interviews").glob("*.yaml"):
        record.unlink()  # the rendered pages stand in for the raw records
    (rendered_site / "mkdocs.yml").write_text(_without_plugin(config), encoding="utf-8")
    pages = len(list((rendered_site / docs_dir).rglob("*.md")))
    floor_site = prepare_floor(sites / "floor", pages, config)
    return plugin_site, rendered_site, floor_site


@dataclass
class SiteRun:
    """The three builds at one number of records, and what the plugin's build wrote."""

    n: int
    plugin: Timing
    rendered: Timing
    floor: Timing
    index_bytes: int = 0
    status_bytes: int = 0
    rss_plugin: float = 0.0
    rss_floor: float = 0.0


def measure_sites(
    n: int, python: Path, afterview: Path, env: dict, passes: int, runs: int, log
) -> SiteRun:
    """Build the three sites at n records, interleaved, and read the plugin's output."""
    q = shlex.quote
    log(f"timing mkdocs build with {n} records (plugin, pre-rendered, theme floor) ...")
    plugin_site, rendered_site, floor_site = prepare_sites(n, afterview, env)
    mk = f"{q(str(_bin(python, 'mkdocs')))} build --quiet --clean --site-dir"
    run = SiteRun(
        n,
        Timing(f"mkdocs build (plugin, {n})", f"{mk} {q(str(plugin_site / 'out'))}"),
        Timing(
            f"mkdocs build (pre-rendered, {n})",
            f"{mk} {q(str(rendered_site / 'out'))} -f {q(str(rendered_site / 'mkdocs.yml'))}",
        ),
        Timing(
            f"mkdocs build (theme floor, {n})",
            f"{mk} {q(str(floor_site / 'out'))} -f {q(str(floor_site / 'mkdocs.yml'))}",
        ),
    )
    for t, site, page in (
        (run.plugin, plugin_site, "status"),
        (run.rendered, rendered_site, "status"),
        (run.floor, floor_site, "page-0001"),
    ):
        validate(t.command, plugin_site, ok_codes=(0,))
        if not (site / "out" / page / "index.html").exists():
            raise SystemExit(f"{t.name}: no {page} page was built in {site / 'out'}")
    out = plugin_site / "out"
    run.index_bytes = (out / "search" / "search_index.json").stat().st_size
    run.status_bytes = (out / "status" / "index.html").stat().st_size
    run.rss_plugin = max_rss_mb(run.plugin.command, plugin_site, env)
    run.rss_floor = max_rss_mb(run.floor.command, plugin_site, env)
    measure([run.plugin, run.rendered, run.floor], plugin_site, runs, passes, env)
    return run


# --- the report ----------------------------------------------------------------------


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--smoke", action="store_true", help="N=50, one run each, no targets")
    parser.add_argument(
        "--runs",
        type=int,
        help="runs per command and pass (default 3; 2 at 100 and 10,000 records, 1 for mkdocs)",
    )
    parser.add_argument("--passes", type=int, help="times each group is measured (default 10)")
    parser.add_argument(
        "--current-python",
        action="store_true",
        help="use this interpreter (afterview installed) instead of benchmarks/.venv;"
        " the default with --smoke",
    )
    parser.add_argument(
        "--data", type=Path, help="where generated records and sites go (default benchmarks/data)"
    )
    parser.add_argument(
        "--write-readme",
        action="store_true",
        help="also publish the tables in benchmarks/README.md (between its results markers)",
    )
    args = parser.parse_args(argv)
    global DATA
    DATA = (args.data or DATA).resolve()
    smoke = args.smoke
    runs = args.runs or (1 if smoke else 3)
    passes = args.passes or (1 if smoke else 10)
    n_main = 50 if smoke else 1000
    sizes = (n_main,) if smoke else (100, 1000, 10_000)
    site_sizes = (50,) if smoke else (7, 50, 500)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.current_python or smoke:
        python = Path(sys.executable)
    else:
        python = ensure_venv(log)
    afterview = _bin(python, "afterview")
    if not afterview.exists():
        raise SystemExit(f"afterview is not installed for {python}")
    cjs = find_tool(python, "check-jsonschema")
    notes: list[str] = []
    if cjs is None:
        notes.append(
            "check-jsonschema is not installed: its rows are skipped"
            " (pip install check-jsonschema, or run without --smoke)."
        )
    hyperfine = shutil.which("hyperfine")
    env = bytecode_env(dict(os.environ, AFTERVIEW_NOW=NOW_TEXT, NO_COLOR="1"))
    env.pop("PYTHONPATH", None)

    prepare_data()
    log("generating records ...")
    dirs = {n: records_dir(n) for n in sorted({*sizes, n_main})}
    one = DATA / "one"
    one.mkdir(exist_ok=True)
    # One complete, valid record without findings (an offer), as most files are.
    shutil.copy(sorted(dirs[n_main].glob("*.yaml"))[4], one / "record.yaml")

    q = shlex.quote
    av = f"{q(str(afterview))} check --now {NOW_TEXT}"
    py = q(str(python))
    main_rel = dirs[n_main].name
    t_av = Timing(f"afterview check ({n_main})", f"{av} {main_rel}")
    t_floor = Timing(
        f"parse floor ({n_main})", f"{py} {q(str(HERE / 'parse_floor.py'))} {main_rel}"
    )
    group_main = [t_av, t_floor]
    t_one = Timing("afterview check one.yaml", f"{av} one/record.yaml")
    t_help = Timing("afterview --help", f"{q(str(afterview))} --help")
    t_click = Timing("python -c 'import click'", f"{py} -c 'import click'")
    group_start = [t_one, t_help, t_click]
    t_cjs = t_cjs_one = None
    if cjs is not None:
        cj = f"{q(str(cjs))} --schemafile {q(str(SCHEMA))}"
        t_cjs = Timing(f"check-jsonschema ({n_main})", f"{cj} {main_rel}/*.yaml")
        t_cjs_one = Timing("check-jsonschema one.yaml", f"{cj} one/record.yaml")
        group_main.insert(1, t_cjs)
        group_start.insert(1, t_cjs_one)

    log("checking that every command works ...")
    for t in group_main + group_start:
        expect = "checked:" if t in (t_av, t_one) else None
        codes = (0, 1) if t in (t_av, t_one, t_cjs, t_cjs_one) else (0,)
        validate(t.command, DATA, ok_codes=codes, expect=expect)

    log(f"timing {len(group_main)} commands on {n_main} records ...")
    measure(group_main, DATA, runs, passes, env)
    log("timing start-up ...")
    measure(group_start, DATA, runs, passes, env)

    scaling: dict[int, Timing] = {n_main: t_av}
    other = [n for n in sizes if n != n_main]
    if other:
        log(f"timing check at {', '.join(map(str, other))} records ...")
        group_scale = []
        for n in other:
            scaling[n] = Timing(f"afterview check ({n})", f"{av} {dirs[n].name}")
            validate(scaling[n].command, DATA, expect="checked:")
            group_scale.append(scaling[n])
        measure(group_scale, DATA, max(1, runs - 1), passes, env)  # not in smoke mode
    n_mem = max(sizes)
    rss = max_rss_mb(f"{av} {dirs[n_mem].name}", DATA, env)

    site_missing = site_available(python, afterview)
    site_runs: list[SiteRun] = []
    if site_missing is None:
        for n in site_sizes:
            site_runs.append(
                measure_sites(n, python, afterview, env, passes, max(1, runs // 3), log)
            )

    # --- print ---
    rows: list[tuple[str, str, str, str, str]] = []
    missed: list[str] = []

    def ratio(what: str, a: Timing | None, b: Timing | None, target: float, why: str = "") -> None:
        if a is None or b is None or not a.times or not b.times:
            rows.append((what, "–", "–", f"≤ {target}", why or "not available"))
            return
        r = a.median / b.median
        ok = r <= target
        status = "ok" if ok else "MISSED"
        if smoke:
            status = "(smoke: not enforced)"
        elif not ok:
            missed.append(what)
        rows.append(
            (
                what,
                f"{fmt_time(a.median)} / {fmt_time(b.median)}",
                f"{r:.2f}",
                f"≤ {target}",
                status,
            )
        )

    no_cjs = "skipped: check-jsonschema not installed"
    ratio(f"check {n_main} ÷ check-jsonschema {n_main}", t_av, t_cjs, 0.25, no_cjs)
    ratio(f"check {n_main} ÷ parse floor (CSafeLoader) {n_main}", t_av, t_floor, 3)
    ratio("check one.yaml ÷ check-jsonschema one.yaml", t_one, t_cjs_one, 0.75, no_cjs)
    ratio("afterview --help ÷ python -c 'import click'", t_help, t_click, 2)
    if site_missing:
        ratio(
            "mkdocs build, plugin ÷ pre-rendered",
            None,
            None,
            1.15,
            f"not available: {site_missing}",
        )
    for s in site_runs:
        ratio(
            f"mkdocs build, plugin + {s.n} records ÷ pre-rendered, plugin off",
            s.plugin,
            s.rendered,
            1.15,
        )
    for s in site_runs:
        if s.n in FLOOR_TARGETS:
            ratio(
                f"mkdocs build, plugin + {s.n} records ÷ theme floor (same page count)",
                s.plugin,
                s.floor,
                FLOOR_TARGETS[s.n],
            )

    report: list[str] = []

    def out(text: str = "") -> None:
        print(text)
        report.append(text)

    info = machine()
    out("## Afterview benchmarks\n")
    out(
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}."
        f" Machine: {info['nproc']} CPUs, {info['cpu']}; Python {platform.python_version()};"
        f" {'hyperfine ' + _version(hyperfine) if hyperfine else 'subprocess timer'};"
        f" {runs} runs × {passes} passes per command, medians"
        f"{'; SMOKE MODE: one run, no targets' if smoke else ''}.\n"
    )
    out("### Medians\n")
    out("| command | runs | median | min | max |")
    out("|---|---:|---:|---:|---:|")
    every = group_main + group_start + [scaling[n] for n in other]
    every += [t for s in site_runs for t in (s.plugin, s.rendered, s.floor)]
    for t in every:
        out(
            f"| {t.name} | {len(t.times)} | {fmt_time(t.median)} | {fmt_time(min(t.times))}"
            f" | {fmt_time(max(t.times))} |"
        )
    out("\n### Ratios\n")
    out("| ratio | medians | ratio | target | status |")
    out("|---|---:|---:|---:|---|")
    for row in rows:
        out("| " + " | ".join(row) + " |")
    out("\n### Scaling of `afterview check`\n")
    out("| records | median | per record | per record after start-up |")
    out("|---:|---:|---:|---:|")
    for n in sorted(scaling):
        t = scaling[n].median
        marginal = (t - t_one.median) / (n - 1) if n > 1 else float("nan")
        out(f"| {n:,} | {fmt_time(t)} | {t / n * 1000:.2f} ms | {marginal * 1000:.2f} ms |")
    rss_ok = rss <= 250
    mem_status = "ok" if rss_ok else "MISSED"
    if smoke:
        mem_status = "(smoke: not enforced)"
    elif not rss_ok:
        missed.append("peak memory")
    out(
        f"\nPeak memory (max RSS) of `check` on {n_mem:,} records: {rss:.0f} MB"
        f" (target ≤ 250 MB: {mem_status})."
    )
    if site_runs:
        missed += site_report(site_runs, out, smoke)
    for note in notes:
        out(f"\nNote: {note}")
    if missed:
        out(f"\nShort of target: {', '.join(missed)}.")
    if args.write_readme:
        write_readme("\n".join(report))
    return 1 if missed else 0


# Goals of the site (issue 23): build ÷ theme floor by number of records, and sizes.
FLOOR_TARGETS = {50: 2.0, 500: 3.0}
INDEX_PER_RECORD = 2048  # bytes of search_index.json per record
STATUS_PER_RECORD = 1.2 * 1024  # bytes of the status page per record
RSS_TIMES_FLOOR = 2.0


def site_report(runs: list[SiteRun], out, smoke: bool) -> list[str]:
    """The site's sizes and memory by number of records; returns the goals missed.

    Per record: the file's size divided by the records, and (with two sizes) its
    growth per added record between the smallest and largest run. The goal
    applies to the growth, since a fixed part (the sample's own guide pages in
    the index, the theme's header and navigation on the status page) does not
    grow with the records; and to the whole file per record at the largest
    size, where that fixed part weighs least.
    """
    missed: list[str] = []

    def verdict(ok: bool, what: str) -> str:
        if smoke:
            return "(smoke: not enforced)"
        if not ok:
            missed.append(what)
        return "ok" if ok else "MISSED"

    out("\n### The site by number of records\n")
    out(
        "| records | search_index.json | per record | status page | per record"
        " | peak RSS plugin | peak RSS floor | RSS ÷ floor |"
    )
    out("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in runs:
        out(
            f"| {s.n} | {s.index_bytes / 1024:.0f} KB | {s.index_bytes / s.n:.0f} B"
            f" | {s.status_bytes / 1024:.0f} KB | {s.status_bytes / s.n:.0f} B"
            f" | {s.rss_plugin:.0f} MB | {s.rss_floor:.0f} MB | {s.rss_plugin / s.rss_floor:.2f} |"
        )
    big = max(runs, key=lambda s: s.n)
    small = min(runs, key=lambda s: s.n)
    out("\n| goal | measured | target | status |")
    out("|---|---:|---:|---|")
    if big.n > small.n:
        span = big.n - small.n
        grow_index = (big.index_bytes - small.index_bytes) / span
        grow_status = (big.status_bytes - small.status_bytes) / span
        out(
            f"| search_index.json, growth per record ({small.n} → {big.n})"
            f" | {grow_index:.0f} B | ≤ {INDEX_PER_RECORD} B"
            f" | {verdict(grow_index <= INDEX_PER_RECORD, 'search index per record')} |"
        )
        out(
            f"| status page, growth per record ({small.n} → {big.n})"
            f" | {grow_status:.0f} B | ≤ {STATUS_PER_RECORD:.0f} B"
            f" | {verdict(grow_status <= STATUS_PER_RECORD, 'status page per record')} |"
        )
    if big.n >= 500:
        index, status = big.index_bytes / big.n, big.status_bytes / big.n
        out(
            f"| search_index.json ÷ {big.n} records | {index:.0f} B | ≤ {INDEX_PER_RECORD} B"
            f" | {verdict(index <= INDEX_PER_RECORD, f'search index ÷ {big.n}')} |"
        )
        out(
            f"| status page ÷ {big.n} records | {status:.0f} B | ≤ {STATUS_PER_RECORD:.0f} B"
            f" | {verdict(status <= STATUS_PER_RECORD, f'status page ÷ {big.n}')} |"
        )
    for s in runs:
        if s.n >= 50:
            r = s.rss_plugin / s.rss_floor
            out(
                f"| peak RSS, plugin + {s.n} records ÷ theme floor | {r:.2f}"
                f" | ≤ {RSS_TIMES_FLOOR} | {verdict(r <= RSS_TIMES_FLOOR, f'peak RSS at {s.n}')} |"
            )
    return missed


def write_readme(report: str) -> None:
    """Put the report between the results markers of benchmarks/README.md."""
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- results:start -->\n", "<!-- results:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    body = report.replace("## Afterview benchmarks\n", "").strip()
    readme.write_text(f"{head}{start}\n{body}\n\n{end}{tail}", encoding="utf-8")


def _version(tool: str) -> str:
    out = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    return out.split()[-1] if out.split() else ""


if __name__ == "__main__":
    sys.exit(main())
