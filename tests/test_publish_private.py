"""What a built site publishes: no private file, no raw record, settings found from the
configuration, and a redacted build that leaks no name, email or phone number.

Red-team builds of a hostile playbook with real ``mkdocs build`` runs; every built
file is searched in every form a reader could see it (fixtures.site.helpers.built_texts).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from afterview.cli import cli
from afterview.redact import fold_text
from afterview.settings import load_settings
from fixtures.site.helpers import built_texts, env, make_site

# --- a hostile playbook ----------------------------------------------------------------------

NORTHWIND = """\
company: Northwind Traders
role: Data Engineer
when: 2026-11-10T14:00:00-05:00
format: onsite
location: Ask for YSOLDE BRACKWATER at the desk, +44 20 7946 0958 ext. 12
interviewers:
  - name: Ysolde Brackwater
    title: Director of Data, reports to Zoë O’Brien-Smith
    email: "Ysolde Brackwater <ysolde.brackwater@northwind.example>"
    phone: "020 7946 0958"
    notes: PRIVATE-INTERVIEWER-NOTE
  - name: Zoë O’Brien-Smith
    title: Head of Data
    spelling_confirmed: true
closing:
  expected_contact: 2026-11-17
  contact_method: "email brackwater.ysolde (at) northwind (dot) example or 617.555.0187 x123"
  contact_person: "Oriel Fenwright <oriel.f@fabrikam.example>"
  asked_next_steps: true
  next_steps:
    - action: Send Brackwater, Ysolde J. the slides; cc zoe o'brien-smith
      due: 2026-11-12
      done: 2026-11-11
thank_you:
  - to: Ysolde Brackwater
    sent: 2026-11-10T19:00:00-05:00
    channel: email
    text: PRIVATE-THANKS Dear Ysolde, thank you.
  - to: Zoë O’Brien-Smith
    sent: 2026-11-10T19:05:00-05:00
    channel: "email to zoe@northwind.example"
reflection:
  written: 2026-11-11
  went_well: [PRIVATE-WENT-WELL with Ysolde]
  to_improve: [PRIVATE-TO-IMPROVE ask YSÓLDE about on-call]
follow_ups:
  - date: 2026-11-18
    by: them
    channel: phone
    spoke_with: Oriel Fenwright
    decision_made: true
    notes: PRIVATE-FOLLOW-UP Oriel (+1 617 555 0187) says yes
outcome:
  status: offer
  date: 2026-11-20
  thanked: true
  pay: PRIVATE-PAY 120,000
  schedule: PRIVATE-SCHEDULE four days
  benefits: PRIVATE-BENEFITS
  decision: pending
  decision_due: 2026-12-04
  feedback: PRIVATE-FEEDBACK from Brackwater
notes: PRIVATE-NOTES Met Ysolde Brackwater and Oriel Fenwright.
"""

# Decomposed Unicode, a curly apostrophe, a number that fails the schema (its message
# quotes it), and a file name that holds a person's name and a phone number.
CONTOSO = unicodedata.normalize(
    "NFD",
    """\
company: Contoso
role: Analyst (referred by Ysólde Brackwater)
when: 2026-11-20T10:00:00-05:00
format: video
location: "Video call set up by O‘Brien-Smith, Zoë; dial-in 0049 30 901820"
interviewers:
  - name: Perpetua Lindqvist
    title: Data Lead
    phone: 4930901820
    email: perpetua (at) contoso (dot) example
closing:
  expected_contact: 2026-11-27
  contact_method: "Perpetua.Lindqvist@Contoso.example"
  contact_person: the recruiter
  asked_next_steps: true
outcome:
  status: rejected
  date: 2026-11-24
  asked_why: true
  asked_referrals: true
  referrals:
    - Ask Tobiah Reinholt at Fabrikam Data Team, tobiah@fabrikam.example
""",
)

RECORDS = {
    "2026-11-10-ysolde-brackwater.yaml": NORTHWIND,
    "2026-11-20-contoso-call-6175550142.yaml": CONTOSO,
}

# Folded words (see afterview.redact.fold) that must not appear in a redacted site.
NAME_WORDS = ["ysolde", "brackwater", "brien", "oriel", "fenwright", "perpetua", "lindqvist"]
NAME_WORDS += ["tobiah", "reinholt"]
EMAIL_PARTS = ["ysolde.brackwater", "brackwater.ysolde", "oriel.f", "perpetua", "tobiah@", "zoe@"]
DIGITS = ["2079460958", "6175550187", "4930901820", "6175550142", "4930901820"]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PRIVATE = [
    "PRIVATE-INTERVIEWER-NOTE",
    "PRIVATE-THANKS",
    "PRIVATE-WENT-WELL",
    "PRIVATE-TO-IMPROVE",
    "PRIVATE-FOLLOW-UP",
    "PRIVATE-PAY",
    "PRIVATE-SCHEDULE",
    "PRIVATE-BENEFITS",
    "PRIVATE-FEEDBACK",
    "PRIVATE-NOTES",
]


def run_build(
    config: Path, site: Path, cwd: Path, *args: str, strict: bool = False
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build -f config -d site` run from cwd."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site), *args]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=cwd, env=env(), capture_output=True, text=True, timeout=300)


def built(root: Path, options: dict, site: Path | None = None) -> Path:
    make_site(root, RECORDS, {"fail_on": "never", **options})
    site = site or root / "site"
    proc = run_build(root / "mkdocs.yml", site, root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


def searchable(site: Path) -> list[tuple[Path, str]]:
    """The built files a person's data could reach: every page, the search index,
    the sitemap, the calendar (the theme's own scripts and styles are left out)."""
    return [
        (path, text)
        for path, text in built_texts(site)
        if not path.relative_to(site).as_posix().startswith("assets/")
    ]


# --- redaction, red-teamed --------------------------------------------------------------------


@pytest.mark.slow
def test_a_redacted_site_leaks_no_name_email_phone_or_private_text(tmp_path: Path) -> None:
    site = built(tmp_path, {"redact": True})
    files = searchable(site)
    kinds = {p.relative_to(site).as_posix() for p, _ in files}
    assert {"search/search_index.json", "sitemap.xml", "agenda.ics", "status/index.html"} <= kinds
    # The guidance and the checks' documentation quote made-up example addresses.
    fixed = [t for p, t in files if p.relative_to(site).parts[0] in ("guide", "checks")]
    examples = {m for t in fixed for m in EMAIL.findall(t)}
    for path, text in files:
        folded = fold_text(text)
        words = set(re.findall(r"[\w'-]+", folded))
        squeezed = re.sub(r"\D", "", text)
        for word in NAME_WORDS:
            assert word not in words and f"{word}'s" not in words, (path, word)
        for part in EMAIL_PARTS:
            assert part not in folded, (path, part)
        assert set(EMAIL.findall(text)) <= examples, (path, set(EMAIL.findall(text)) - examples)
        for digits in DIGITS:
            assert digits not in squeezed, (path, digits)
        for secret in PRIVATE:
            assert secret not in text, (path, secret)
    # Names in file names do not reach addresses, titles or the sitemap.
    for path in site.rglob("*"):
        assert "brackwater" not in path.name.casefold() and "6175550142" not in path.name
    for path in [*site.glob("interviews/**/*.html"), site / "status" / "index.html"]:
        assert not EMAIL.search(path.read_text()), path
    page = html.unescape((site / "interviews" / "2026-11-10-y-b" / "index.html").read_text())
    assert "Y. B." in page and "Z. O." in page and "O. F." in page
    assert "(private, not published)" in page
    status = html.unescape((site / "status" / "index.html").read_text())
    assert "A redacted build" in status and "offer terms" in status
    assert "Y. B." in (site / "agenda.ics").read_text().replace("\r\n ", "")


@pytest.mark.slow
def test_publish_private_notes_publishes_the_texts_but_no_name(tmp_path: Path) -> None:
    site = built(tmp_path, {"redact": True, "publish_private_notes": True})
    everything = "\n".join(text for _p, text in searchable(site))
    for secret in ("PRIVATE-THANKS", "PRIVATE-PAY", "PRIVATE-FEEDBACK", "PRIVATE-NOTES"):
        assert secret in everything, secret
    words = set(re.findall(r"[\w'-]+", fold_text(everything)))
    assert not words & set(NAME_WORDS)
    assert "offer terms" not in html.unescape((site / "status" / "index.html").read_text())


# --- nothing from the interviews folder but the generated pages -------------------------------

SENTINEL = "SENTINEL-PRIVATE-FILE"


def _private_files(root: Path, outside: Path) -> list[str]:
    """Put every kind of stray file in the interviews folder and raw YAML elsewhere
    in docs_dir; return the names that must not reach the site."""
    interviews = root / "content" / "interviews"
    names = {
        "2026-11-10-ysolde-brackwater.yaml~": NORTHWIND,
        "#2026-11-10-ysolde-brackwater.yaml#": NORTHWIND,
        "old.yaml.bak": NORTHWIND,
        "notes.txt": f"{SENTINEL} notes",
        "page.md": f"# {SENTINEL} page",
        "photo.png": SENTINEL,
        ".hidden.yaml": NORTHWIND,
        ".secret": SENTINEL,
        "UPPER.YAML": NORTHWIND,
        "Mixed.Yml": NORTHWIND,
        "nested/deeper/kept.txt": SENTINEL,
        "nested/deeper/2026-01-01-x.yml": NORTHWIND,
    }
    for name, text in names.items():
        (interviews / name).parent.mkdir(parents=True, exist_ok=True)
        (interviews / name).write_text(text, encoding="utf-8")
    outside.mkdir()
    (outside / "secret.yaml").write_text(NORTHWIND.replace("Northwind Traders", "LEAKCO"))
    (outside / "secret.txt").write_text(SENTINEL)
    (interviews / "link-out.yaml").symlink_to(outside / "secret.yaml")
    (interviews / "link-out.txt").symlink_to(outside / "secret.txt")
    (interviews / "link-in.txt").symlink_to(interviews / "notes.txt")
    # Links elsewhere in docs_dir leading into the interviews folder.
    (root / "content" / "shortcut.txt").symlink_to(interviews / "notes.txt")
    (root / "content" / "mirror").symlink_to(interviews, target_is_directory=True)
    # Raw YAML anywhere in docs_dir, whatever the case of its extension.
    (root / "content" / "guide" / "data.yaml").write_text(f"x: {SENTINEL}\n")
    (root / "content" / "guide" / "Data2.YML").write_text(f"x: {SENTINEL}\n")
    return [Path(n).name for n in names] + ["link-out.yaml", "link-out.txt", "link-in.txt"]


@pytest.mark.slow
@pytest.mark.parametrize("redact", [False, True])
def test_nothing_but_generated_pages_leaves_the_interviews_folder(
    tmp_path: Path, redact: bool
) -> None:
    root = tmp_path / "playbook"
    make_site(root, RECORDS, {"fail_on": "never", "redact": redact})
    stray = _private_files(root, tmp_path / "outside")
    proc = run_build(root / "mkdocs.yml", root / "site", root)
    assert proc.returncode == 0, proc.stderr[-3000:]
    site = root / "site"
    published = [p for p in site.rglob("*")]
    names = {p.name for p in published}
    for name in stray:
        assert name not in names, name
    assert not any(p.suffix.casefold() in (".yaml", ".yml") for p in published)
    assert not (site / "shortcut.txt").exists() and not (site / "mirror").exists()
    for path, text in built_texts(site):
        assert SENTINEL not in text, path
        assert "LEAKCO" not in text, path  # the link out was not read either
    # The records themselves (the nested one too) still made their pages.
    assert (site / "status" / "index.html").is_file()
    assert len(list((site / "interviews").glob("*/index.html"))) == 3


# --- settings resolve against the configuration ------------------------------------------------


def _compare(a: Path, b: Path) -> None:
    """Two built sites hold the same files with the same content (sitemap.xml.gz: its text)."""
    files_a = {p.relative_to(a): t for p, t in built_texts(a)}
    files_b = {p.relative_to(b): t for p, t in built_texts(b)}
    assert files_a.keys() == files_b.keys()
    for key, text in files_a.items():
        assert text == files_b[key], key


@pytest.mark.slow
@pytest.mark.parametrize("settings_file", [True, False])
def test_the_same_site_from_any_working_folder(tmp_path: Path, settings_file: bool) -> None:
    root = tmp_path / "playbook"
    make_site(root, RECORDS, {"fail_on": "never"})
    if not settings_file:
        (root / "pyproject.toml").unlink()  # the plugin then reads <docs_dir>/interviews
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "content" / "interviews").mkdir(parents=True)  # a decoy for cwd lookups
    here = run_build(root / "mkdocs.yml", tmp_path / "here", root)
    there = run_build(root / "mkdocs.yml", tmp_path / "there", elsewhere)
    assert here.returncode == 0 and there.returncode == 0, there.stderr[-3000:]
    _compare(tmp_path / "here", tmp_path / "there")
    assert len(list((tmp_path / "there" / "interviews").glob("*/index.html"))) == 2


@pytest.mark.slow
def test_no_settings_file_reads_interviews_under_docs_dir(tmp_path: Path) -> None:
    root = tmp_path / "playbook"
    make_site(root, RECORDS, {"fail_on": "never"})
    (root / "pyproject.toml").unlink()
    (root / "content").rename(root / "docs")
    text = (root / "mkdocs.yml").read_text().replace("docs_dir: content", "docs_dir: docs")
    (root / "mkdocs.yml").write_text(text)
    proc = run_build(root / "mkdocs.yml", tmp_path / "site", tmp_path, strict=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(list((tmp_path / "site" / "interviews").glob("*/index.html"))) == 2


@pytest.mark.slow
def test_a_missing_interviews_folder_is_an_empty_playbook_saying_where(tmp_path: Path) -> None:
    """git keeps no empty folder: deleting the last record removes the folder, and the
    site still builds (strict), naming where it looked (content/usage.md)."""
    root = tmp_path / "playbook"
    make_site(root, RECORDS, {"fail_on": "never"}, settings='interviews = "records"\n')
    text = (root / "pyproject.toml").read_text()
    (root / "pyproject.toml").write_text(text.replace('interviews = "content/interviews"\n', ""))
    strict = run_build(root / "mkdocs.yml", tmp_path / "a", tmp_path, strict=True)
    assert strict.returncode == 0, strict.stderr[-3000:]
    assert f"{root / 'records'} does not exist" in strict.stderr
    assert "pyproject.toml" in strict.stderr and "Traceback" not in strict.stderr
    assert "0 records checked" in strict.stderr
    # Never published raw, even so.
    assert not list((tmp_path / "a").rglob("*.yaml"))


def test_command_line_settings_resolve_against_their_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    playbook = tmp_path / "playbook"
    deeper = playbook / "a" / "b"
    deeper.mkdir(parents=True)
    (playbook / "afterview.toml").write_text('interviews = "records"\n')
    monkeypatch.chdir(deeper)
    assert load_settings().interviews == playbook / "records"
    assert load_settings(deeper).interviews == playbook / "records"
    bare = tmp_path / "bare"
    bare.mkdir()
    monkeypatch.chdir(bare)
    settings = load_settings()
    assert settings.source is None  # no settings file above pytest's tmp_path
    assert settings.interviews == bare.resolve() / "content" / "interviews"


# --- private by default -----------------------------------------------------------------------


def test_the_playbook_init_writes_publishes_a_redacted_site(tmp_path: Path) -> None:
    target = tmp_path / "playbook"
    result = CliRunner().invoke(cli, ["init", str(target), "--timezone", "Europe/Paris"])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((target / "mkdocs.yml").read_text())
    options = next(p["afterview"] for p in config["plugins"] if isinstance(p, dict))
    assert options["redact"] is True and options["publish_private_notes"] is False
