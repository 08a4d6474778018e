"""Hostile records: each file gives a finding with its line:column, or loads cleanly.

Every file of ``tests/hostile/`` is listed in ``EXPECTED`` with the findings
(rule, line, column) that ``afterview check`` must report and so its exit
status (1 when a finding is an error, else 0). The large cases (a 10 MB file,
a 1 MB name, nesting 10,000 deep, 60,000 keys) are generated in ``tmp_path``
instead of being committed.

Bounds, for each case: the whole pipeline (read, load, schema, every rule and
the agenda's items) takes at most 20 times a plain libyaml parse of the same
bytes plus the pipeline on a clean record, both timed in the same test (a
relative bound holds on a loaded machine; see conftest.assert_within_parse_time),
and the Python memory it allocates at its peak, measured with ``tracemalloc``
on a second run, stays under ``MEMORY_BOUND`` = 50 MB. A traceback is never an
outcome.

Outcomes decided here (see also the table):

- an empty file, a file of comments, an empty document, a top-level ``~``:
  ``yaml-syntax`` at 1:1, "the file holds no record";
- a top-level list, string or number: ``yaml-syntax`` at 1:1;
- a UTF-8 byte order mark: ignored (clean); CRLF and lone CR line ends: clean,
  and line numbers count them as editors do;
- NUL and other control characters, and U+0085/U+2028/U+2029 (line breaks to
  libyaml but not to YAML 1.2 or editors): ``yaml-syntax`` at the character;
- invalid UTF-8, Latin-1, UTF-16: ``yaml-syntax`` at the first bad byte;
- a tab used for indentation: ``yaml-syntax`` at the line; a tab inside a
  value is text (clean);
- nesting over 50 levels (block or flow, 51 or 10,000 deep): ``yaml-syntax``;
- an alias bomb, or more than 20,000 values: ``yaml-syntax`` where the count
  passes 20,000, before anything is expanded; a few aliases are fine;
- merge keys ``<<``: applied (the keys written in the mapping win); what they
  bring in is validated like the rest; ``<<`` of a non-mapping: ``yaml-syntax``;
- every tag but ``!!str``/``!!map``/``!!seq`` (``!!python/...``, ``!!binary``,
  ``!!set``, ``!!timestamp``, ``!custom``, via ``%TAG`` or verbatim ``!<...>``):
  ``yaml-syntax`` at the tag;
- a second document: ``yaml-syntax`` at its ``---``;
- ``yes``/``no``/``on``/``off`` are text (YAML 1.2 core), ``010`` is the number
  10, ``1e3`` is 1000 (accepted where a whole number is: JSON Schema counts
  1000.0 as an integer), ``.inf``/``.nan``/``~`` are numbers or null: each is a
  ``schema`` finding at the value where the field wants another type;
- impossible dates and times (``2026-13-01``, ``2026-02-29``, ``24:00``,
  ``+25:00``), years outside 1900-2999, and durations out of 1..1440:
  ``schema`` at the value;
- right-to-left, combining and emoji names: clean; a 1 MB name: clean;
- near-duplicate names: ``thank-you-recipient-unknown`` suggesting the name
  plus ``thank-you-overdue``; case and spacing differences: clean;
- keys differing only by case: ``schema`` "unknown field ... did you mean";
  the same key written twice (also quoted, or ``1``/``01``): ``duplicate-key``.
"""

from __future__ import annotations

import gc
import json
import os
import tracemalloc
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from afterview.agenda import items_for
from afterview.checker import FileResult, check_record
from afterview.cli import cli
from afterview.clock import Clock
from afterview.loader import MAX_BYTES, read_file
from conftest import PARSE_FACTOR, SETTINGS, assert_within_parse_time

HOSTILE = Path(__file__).parent / "hostile"
NOW_TEXT = "2026-11-25T12:00:00-05:00"
CLOCK = Clock.at(datetime.fromisoformat(NOW_TEXT), SETTINGS)
MEMORY_BOUND = 50_000_000  # bytes: tracemalloc's peak for one file

CLEAN: tuple = ()
S = "yaml-syntax"

# file -> the findings (rule, line, column), sorted as the report sorts them.
EXPECTED: dict[str, tuple[tuple[str, int, int], ...]] = {
    "clean.yaml": CLEAN,
    # nothing, or not a mapping
    "empty.yaml": ((S, 1, 1),),
    "only-comments.yaml": ((S, 1, 1),),
    "only-document-marker.yaml": ((S, 1, 1),),
    "top-level-null.yaml": ((S, 1, 1),),
    "top-level-list.yaml": ((S, 1, 1),),
    "top-level-string.yaml": ((S, 1, 1),),
    "top-level-number.yaml": ((S, 1, 1),),
    "document-stream.yaml": ((S, 22, 1),),
    "document-end-then-more.yaml": ((S, 23, 1),),
    "yaml-directive.yaml": CLEAN,
    # bytes and characters
    "bom.yaml": CLEAN,
    "crlf.yaml": CLEAN,
    "crlf-schema-error.yaml": (("schema", 5, 9),),
    "cr-only.yaml": CLEAN,
    "nul-byte.yaml": ((S, 2, 11),),
    "control-character.yaml": ((S, 2, 11),),
    "line-separator.yaml": ((S, 21, 21),),
    "invalid-utf8.yaml": ((S, 2, 12),),
    "latin1.yaml": ((S, 1, 13),),
    "utf16.yaml": ((S, 1, 1),),
    "tab-indent.yaml": ((S, 8, 1),),
    "tab-in-value.yaml": CLEAN,
    "escaped-nul-in-string.yaml": CLEAN,
    "escaped-surrogate.yaml": ((S, 2, 14),),
    "long-key.yaml": ((S, 22, 2001),),
    # structure
    "deep-51-block.yaml": ((S, 54, 101),),
    "deep-60-flow.yaml": ((S, 4, 57),),
    "alias-bomb.yaml": ((S, 5, 11),),
    "alias-bomb-mappings.yaml": ((S, 7, 11),),
    "alias-undefined.yaml": ((S, 22, 8),),
    "alias-reuse-small.yaml": CLEAN,
    "merge-keys.yaml": CLEAN,
    "merge-brings-unknown-key.yaml": (("schema", 10, 10),),  # at 'titel', where it is written
    "merge-not-mapping.yaml": ((S, 23, 7),),
    "complex-key.yaml": ((S, 22, 3),),
    # tags
    "tag-python-object-apply.yaml": ((S, 1, 10),),
    "tag-python-object-new.yaml": ((S, 2, 7),),
    "tag-python-name.yaml": ((S, 2, 7),),
    "tag-python-module.yaml": ((S, 2, 7),),
    "tag-binary.yaml": ((S, 2, 7),),
    "tag-custom.yaml": ((S, 2, 7),),
    "tag-set.yaml": ((S, 22, 8),),
    "tag-timestamp.yaml": ((S, 3, 7),),
    "tag-directive.yaml": ((S, 3, 10),),
    "tag-verbatim.yaml": ((S, 1, 10),),
    "tag-str-allowed.yaml": CLEAN,
    # scalars in typed fields (the full matrix is test_typed_field_matrix)
    "bool-yes.yaml": (("schema", 9, 20),),
    "bool-off.yaml": (("schema", 14, 21),),
    "enum-on.yaml": (("schema", 18, 14),),
    "int-octal-looking.yaml": CLEAN,
    "int-exponent.yaml": CLEAN,
    "int-inf.yaml": (("schema", 4, 11), ("schema", 4, 11)),  # type and range: two findings
    "int-nan.yaml": (("schema", 22, 8),),
    "int-huge.yaml": (("schema", 22, 8),),
    "required-tilde.yaml": (("schema", 1, 10),),
    # dates, times, durations
    "date-month-13.yaml": (("schema", 11, 21),),
    "date-feb-29-2026.yaml": (("schema", 3, 7),),
    "date-feb-29-2028.yaml": CLEAN,
    "time-24-00.yaml": (("schema", 3, 7),),
    "offset-plus-25.yaml": (("schema", 3, 7),),
    "offset-plus-14.yaml": CLEAN,
    "duration-negative.yaml": (("schema", 4, 11),),
    "duration-zero.yaml": (("schema", 4, 11),),
    "duration-10e12.yaml": (("schema", 4, 11),),
    # names and keys
    "names-rtl.yaml": CLEAN,
    "names-combining.yaml": CLEAN,
    "names-emoji.yaml": CLEAN,
    "names-nfc-nfd.yaml": CLEAN,  # the same name composed (é) and decomposed (e + U+0301)
    "names-near-duplicate.yaml": (
        ("thank-you-overdue", 7, 5),
        ("thank-you-recipient-unknown", 16, 5),
    ),
    "names-case-and-spaces.yaml": CLEAN,
    "keys-differ-by-case.yaml": (("schema", 3, 1),),  # at the key 'Role'
    "keys-case-only.yaml": (("schema", 1, 1), ("schema", 1, 1)),  # unknown + missing
    "duplicate-key.yaml": (("duplicate-key", 9, 5),),
    "duplicate-key-quoted.yaml": (("duplicate-key", 3, 1),),
    "duplicate-key-same-number.yaml": (("duplicate-key", 24, 3),),
}

KNOWN_BUGS: dict[str, str] = {}  # file -> reason, for an xfail while a bug is open

# Words each message must contain, so the outcome is the intended one and not
# another problem at the same place.
MESSAGE_HINTS = {
    "empty.yaml": "no record",
    "only-comments.yaml": "no record",
    "only-document-marker.yaml": "no record",
    "top-level-list.yaml": "a list",
    "top-level-string.yaml": "a single value",
    "document-stream.yaml": "more than one YAML document",
    "nul-byte.yaml": "U+0000",
    "line-separator.yaml": "U+2028",
    "invalid-utf8.yaml": "not UTF-8",
    "latin1.yaml": "not UTF-8",
    "utf16.yaml": "not UTF-8",
    "tab-indent.yaml": "tab",
    "deep-51-block.yaml": "nested more than 50",
    "deep-60-flow.yaml": "nested more than 50",
    "alias-bomb.yaml": "20,000",
    "alias-bomb-mappings.yaml": "20,000",
    "tag-python-object-apply.yaml": "!!python/object/apply",
    "tag-binary.yaml": "!!binary",
    "tag-custom.yaml": "!custom",
    "long-key.yaml": "1024",
    "bool-yes.yaml": "true or false",
    "names-near-duplicate.yaml": "Did you mean 'Dana Whitfield'",
    "keys-differ-by-case.yaml": "did you mean 'role'",
    "merge-brings-unknown-key.yaml": "titel",
}


def pipeline(path: str, raw: bytes) -> FileResult:
    """What ``afterview check`` and ``agenda`` do with one file's bytes."""
    result = check_record(path, raw, CLOCK)
    if result.interview is not None:
        items_for(result.interview, CLOCK)
    return result


def clean_pipeline() -> FileResult:
    """The pipeline on the clean record: the baseline for time bounds."""
    return pipeline("clean.yaml", (HOSTILE / "clean.yaml").read_bytes())


def bounded(run: Callable[[], FileResult], raw: bytes, factor: int = PARSE_FACTOR) -> FileResult:
    """The result of run, after asserting its time bound (relative to a libyaml parse of
    raw, see conftest.assert_within_parse_time) and its memory bound (under tracemalloc)."""
    result = run()
    assert_within_parse_time(run, [raw], clean_pipeline, factor)
    gc.collect()
    tracemalloc.start()
    try:
        run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"peak {peak / 1e6:.1f} MB"
    return result


def found(result: FileResult) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (f.rule, f.line, f.column) for f in sorted(result.findings, key=lambda f: f.sort_key())
    )


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Build the schema validator once, outside the timed runs."""
    pipeline("clean.yaml", (HOSTILE / "clean.yaml").read_bytes())


def test_the_corpus_is_complete() -> None:
    on_disk = {p.name for p in HOSTILE.iterdir()}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 40


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_BUGS[n], strict=True))
        if n in KNOWN_BUGS
        else n
        for n in EXPECTED
    ],
)
def test_hostile_file(name: str) -> None:
    path = HOSTILE / name
    raw = read_file(str(path))
    result = bounded(lambda: pipeline(name, raw), raw)
    assert found(result) == EXPECTED[name], [f.message for f in result.findings]
    if name in MESSAGE_HINTS:
        assert any(MESSAGE_HINTS[name] in f.message for f in result.findings), [
            f.message for f in result.findings
        ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_exit_status(name: str) -> None:
    """The command reports the same findings as JSON and exits 1 on an error, else 0."""
    if name in KNOWN_BUGS:
        pytest.xfail(KNOWN_BUGS[name])
    path = str(HOSTILE / name)
    result = CliRunner().invoke(cli, ["check", path, "--format", "json", "--now", NOW_TEXT])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout)
    got = tuple((f["rule"], f["line"], f["column"]) for f in report["findings"])
    assert got == EXPECTED[name]
    assert result.exit_code == (
        1 if any(f["severity"] == "error" for f in report["findings"]) else 0
    )


def test_the_whole_corpus_in_a_subprocess(tmp_path: Path) -> None:
    """One real run over the folder: findings for every bad file, no traceback, exit 1."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "afterview", "check", str(HOSTILE), "--now", NOW_TEXT, "-q"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert f"{len(EXPECTED)} files checked" in done.stdout


# --- generated at test time: too big to commit --------------------------------------------

BASE = (HOSTILE / "clean.yaml").read_text(encoding="utf-8")


def record_with(old: str, new: str, count: int = 1) -> str:
    assert old in BASE
    return BASE.replace(old, new, count)


def big_cases() -> dict[str, tuple[bytes, tuple[tuple[str, int, int], ...], str]]:
    """name -> (bytes, expected findings, a word of the message)."""
    mb_name = "Ä" * 250_000 + "x" * 500_000  # 1,000,000 bytes of UTF-8
    half_mb_name = "Ω" * 100_000 + "é" * 100_000 + "z" * 100_000  # 500,000 bytes
    depth = 10_000
    return {
        "10-mb-file": (
            (BASE + "notes: " + "y" * 10_000_000 + "\n").encode(),
            ((S, 1, 1),),
            "1,048,576",
        ),
        "one-byte-over-the-limit": (
            (BASE + "notes: " + "y" * (MAX_BYTES - len(BASE) - 7) + "\n").encode(),
            ((S, 1, 1),),
            "1,048,576",
        ),
        "exactly-at-the-limit": (
            (BASE + "notes: " + "y" * (MAX_BYTES - len(BASE) - 8) + "\n").encode(),
            CLEAN,
            "",
        ),
        "half-mb-name-in-interviewer-and-note": (
            record_with("Dana Whitfield", half_mb_name, 3)
            .replace(f"contact_person: {half_mb_name}", "contact_person: Dana")
            .encode(),
            CLEAN,
            "",
        ),
        "1-mb-interviewer-name": (
            record_with("  - name: Dana Whitfield", "  - name: " + mb_name)
            .replace(
                "thank_you:\n  - to: Dana Whitfield\n", "thank_you:\n  - to: " + mb_name[:9] + "\n"
            )
            .encode(),
            (("thank-you-overdue", 7, 5), ("thank-you-recipient-unknown", 16, 5)),
            "not a recorded interviewer",
        ),
        "1-mb-company": (record_with("Northwind Traders", "N" * 1_000_000).encode(), CLEAN, ""),
        "1-mb-name-near-a-short-one": (
            record_with("  - name: Dana Whitfield", "  - name: " + "D" * 1_000_000).encode(),
            (("thank-you-overdue", 7, 5), ("thank-you-recipient-unknown", 16, 5)),
            "not a recorded interviewer",
        ),
        "10000-deep-flow-sequence": (
            ("notes: " + "[" * depth + "]" * depth + "\n").encode(),
            ((S, 1, 57),),  # the 50th '[' (libyaml's own limit, 1,000, came later)
            "nested more than 50",
        ),
        "10000-deep-flow-mapping": (
            ("notes: " + "{a: " * depth + "b" + "}" * depth + "\n").encode(),
            ((S, 1, 204),),
            "nested more than 50",
        ),
        "10000-deep-block-sequence": (
            ("notes:\n" + "- " * depth + "x\n").encode(),
            ((S, 2, 99),),
            "nested more than 50",
        ),
        "10000-deep-block-mapping": (
            ("notes:\n" + "".join(" " * (i % 60 + 1) + "k:\n" for i in range(depth))).encode(),
            ((S, 51, 51),),
            "nested more than 50",
        ),
        "60000-keys": (
            "".join(f"k{i}: {i}\n" for i in range(60_000)).encode(),
            ((S, 10_000, 8),),
            "20,000",
        ),
        "alias-bomb-12-levels": (
            (
                "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + "".join(
                    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 12)
                )
            ).encode(),
            ((S, 5, 15),),
            "20,000",
        ),
    }


BIG = big_cases()


@pytest.mark.parametrize("name", sorted(BIG))
def test_generated_hostile_file(name: str, tmp_path: Path) -> None:
    raw, expected, hint = BIG[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    result = bounded(lambda: pipeline(name, read_file(str(path))), raw)
    assert found(result) == expected, [f.message[:200] for f in result.findings]
    assert any(hint in f.message for f in result.findings) if hint else True


def test_generated_files_through_the_command(tmp_path: Path) -> None:
    for name, (raw, _expected, _hint) in BIG.items():
        (tmp_path / f"{name}.yaml").write_bytes(raw)

    def run() -> Result:
        return CliRunner().invoke(cli, ["check", str(tmp_path), "--now", NOW_TEXT, "-q"])

    result = run()
    raws = [raw for raw, _expected, _hint in BIG.values()]
    assert_within_parse_time(run, raws, lambda: [clean_pipeline() for _ in BIG])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1


# --- every typed field with YAML 1.1's surprises ------------------------------------------

FULL = """\
version: 1
company: Northwind Traders
role: Data Engineer
when: 2026-11-18T14:00:00-05:00
duration: 60
format: video
round: 2
interviewers:
  - name: Dana Whitfield
    title: Director of Data Platform
    business_card: true
    spelling_confirmed: true
closing:
  expected_contact: 2026-12-02
  contact_method: phone
  contact_person: Dana Whitfield
  asked_next_steps: true
  thanked_staff: true
  next_steps:
    - action: Send the write-up
      due: 2026-11-20
      done: 2026-11-19
thank_you:
  - to: Dana Whitfield
    sent: 2026-11-18T19:30:00-05:00
    channel: email
reflection:
  written: 2026-11-19
  went_well:
    - Clear pipeline walkthrough
follow_ups:
  - date: 2026-11-24
    by: me
    channel: phone
    decision_made: false
    still_considered: true
    offered_more_info: true
    offered_second_interview: true
outcome:
  status: offer
  date: 2026-11-24
  thanked: true
  pay: "$1"
  schedule: Hybrid
  benefits: Health
  decision: pending
  decision_due: 2026-12-04
  asked_why: true
  asked_referrals: true
"""

# field line (its text up to the value) -> kind
TYPED = {
    "version: ": "version",
    "company: ": "text",
    "duration: ": "minutes",
    "format: ": "enum",
    "round: ": "count",
    "  - name: ": "text",
    "    business_card: ": "bool",
    "    spelling_confirmed: ": "bool",
    "  expected_contact: ": "date",
    "  asked_next_steps: ": "bool",
    "  thanked_staff: ": "bool",
    "      due: ": "date",
    "      done: ": "date-or-bool",
    "    sent: ": "date",
    "    channel: email": "enum",
    "  written: ": "date",
    "  - date: ": "date",
    "    by: ": "enum",
    "    channel: phone": "enum",
    "    decision_made: ": "bool",
    "    still_considered: ": "bool",
    "    offered_more_info: ": "bool",
    "    offered_second_interview: ": "bool",
    "  status: ": "enum",
    "  date: ": "date",
    "  thanked: ": "bool",
    "  decision: ": "enum",
    "  decision_due: ": "date",
    "  asked_why: ": "bool",
    "  asked_referrals: ": "bool",
    "when: ": "date",
}
SURPRISES = ["yes", "no", "on", "off", "010", "1e3", ".inf", "~"]
VALID = {  # (kind, value) pairs that are right for the field; all others are schema findings
    ("text", "yes"),
    ("text", "no"),
    ("text", "on"),
    ("text", "off"),
    ("minutes", "010"),
    ("minutes", "1e3"),
    ("count", "010"),
    ("count", "1e3"),
}


def _replace_line(text: str, start: str, value: str) -> tuple[str, int, int]:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(start) or (start.endswith(("email", "phone")) and line == start):
            key = start if not start.endswith(("email", "phone")) else start.rsplit(" ", 1)[0] + " "
            lines[i] = key + value
            return "\n".join(lines), i + 1, len(key) + 1
    raise AssertionError(start)


def test_the_full_record_is_clean() -> None:
    assert found(pipeline("full.yaml", FULL.encode())) == CLEAN


@pytest.mark.parametrize("value", SURPRISES)
@pytest.mark.parametrize("field", list(TYPED))
def test_typed_field_matrix(field: str, value: str) -> None:
    text, line, column = _replace_line(FULL, field, value)
    result = bounded(lambda: pipeline("m.yaml", text.encode()), text.encode())
    schema = [(f.line, f.column) for f in result.findings if f.rule == "schema"]
    assert not [f for f in result.findings if f.rule in ("yaml-syntax", "duplicate-key")]
    if (TYPED[field], value) in VALID:
        assert schema == []
    else:
        assert schema and set(schema) == {(line, column)}, [f.message for f in result.findings]


# --- names and Unicode ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "\u05d3\u05e0\u05d4 \u05d5\u05d9\u05d8",  # Hebrew
        "\u202eDana\u202c Whitfield",  # a right-to-left override
        "Zа\u0351\u0352\u0353\u0300\u0301 W",  # stacked combining marks
        "Dana \U0001f469\u200d\U0001f4bb \U0001f1fa\U0001f1f8",  # ZWJ sequence and a flag
        "\ufeffDana",  # a BOM inside a value
    ],
)
def test_unicode_names_match_themselves(name: str) -> None:
    text = BASE.replace("Dana Whitfield", name)
    assert found(bounded(lambda: pipeline("u.yaml", text.encode()), text.encode())) == CLEAN


def test_composed_and_decomposed_names_match() -> None:
    nfc, nfd = (unicodedata.normalize(form, "José Peña") for form in ("NFC", "NFD"))
    text = BASE.replace("  - name: Dana Whitfield", f"  - name: {nfc}").replace(
        "  - to: Dana Whitfield", f"  - to: {nfd}"
    )
    assert found(pipeline("n.yaml", text.encode())) == CLEAN


# --- years the program cannot compute with ----------------------------------------------


@pytest.mark.parametrize(
    "old, new, at",
    [
        ("when: 2026-11-18T14:00:00-05:00", "when: 9999-12-31", (3, 7)),
        ("when: 2026-11-18T14:00:00-05:00", "when: 0001-01-01T00:00:00+05:00", (3, 7)),
        ("  expected_contact: 2026-12-02", "  expected_contact: 9999-12-31", (11, 21)),
        ("    sent: 2026-11-18T19:30:00-05:00", "    sent: 1899-12-31", (17, 11)),
    ],
)
def test_extreme_years_are_schema_findings(old: str, new: str, at: tuple[int, int]) -> None:
    """Years outside 1900-2999 are refused by the schema (they once raised OverflowError)."""
    result = bounded(
        lambda: pipeline("y.yaml", record_with(old, new).encode()), record_with(old, new).encode()
    )
    assert [(f.line, f.column) for f in result.findings if f.rule == "schema"] == [at]


@pytest.mark.slow
def test_many_interviewers_and_notes_within_the_bound() -> None:
    """1,000 interviewers and 1,000 misspelt notes (once about 2 s: fixed).

    Matching each note against each interviewer is quadratic by design (the
    hold-back is bounded, not linear), so the bound here is 40x a libyaml parse.
    """
    n = 1000
    people = "".join(f"  - name: Nadia Person{i}\n    title: t\n" for i in range(n))
    notes = "".join(f"  - to: Nadja Persom{i}\n" for i in range(n))
    text = record_with(
        "  - name: Dana Whitfield\n    title: Director of Data Platform\n    business_card: true\n",
        people,
    ).replace("  - to: Dana Whitfield\n", notes)
    bounded(lambda: pipeline("many.yaml", text.encode()), text.encode(), factor=40)
    broken = text.replace("    title: t\n", "    title: 5\n", 1)  # one schema finding too
    bounded(lambda: pipeline("many-broken.yaml", broken.encode()), broken.encode(), factor=40)


@pytest.mark.slow
def test_many_schema_findings_within_the_bound() -> None:
    """2,000 misspelt keys: a schema finding each, and the rules' hits held back fast."""
    text = BASE.replace("closing:", "".join(f"  - nme{i}: x\n" for i in range(2000)) + "closing:")
    bounded(lambda: pipeline("keys.yaml", text.encode()), text.encode())


def test_environment_is_not_consulted() -> None:
    """Hostile text cannot reach the environment: tags are refused before any lookup."""
    assert "AFTERVIEW_HOSTILE_MARK" not in os.environ
    result = pipeline(
        "t.yaml", b"company: !!python/object/apply:os.putenv [AFTERVIEW_HOSTILE_MARK, x]\n"
    )
    assert found(result) == ((S, 1, 10),)
    assert "AFTERVIEW_HOSTILE_MARK" not in os.environ


def test_merge_keys_keep_the_marks_of_what_was_written() -> None:
    """A key written in the mapping wins over a merged one, and keeps its own line."""
    from afterview.loader import Record, load_text

    raw = b"base: &b {company: X, role: Y}\nx:\n  company: Z\n  <<: *b\n"
    loaded = load_text(raw)
    assert isinstance(loaded, Record)
    assert loaded.data["x"] == {"company": "Z", "role": "Y"}
    assert loaded.key_marks[("x", "company")] == (3, 3)
    assert loaded.key_marks[("x", "role")] == (1, 23)


def test_a_repeated_key_inside_a_merged_mapping_is_reported_once() -> None:
    from afterview.loader import load_text

    problems = load_text(b"base: &b\n  a: 1\n  a: 2\nx:\n  <<: *b\n")
    assert [(p.rule, p.line, p.column) for p in problems] == [("duplicate-key", 3, 3)]
