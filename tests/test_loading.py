"""yaml-syntax and duplicate-key (rules.md), and how values are read (format.md)."""

from __future__ import annotations

import time

import pytest

from afterview.loader import MAX_BYTES, Record, load_text
from conftest import check, yaml_text

NOW = "2026-12-20T12:00:00-05:00"
# A record that would get many findings if it loaded: an interview long past,
# with nothing recorded.
HEAD = b"company: Northwind Traders\nrole: Data Engineer\nwhen: 2026-11-18T14:00:00-05:00\n"


def only(raw: bytes) -> tuple[str, int, int, str]:
    """The single finding of a file that does not load: rule, line, column, message."""
    findings = check(raw, NOW)
    assert len(findings) == 1, findings
    [f] = findings
    assert f.severity == "error"
    return f.rule, f.line, f.column, f.message


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        pytest.param(HEAD + b"interviewers: [Dana\nformat: onsite\n", 5, 7, id="unclosed-flow"),
        pytest.param(HEAD + b"location: Boston: Harbor St\n", 4, 17, id="colon-in-plain-text"),
        pytest.param(HEAD + b"\tformat: onsite\n", 4, 1, id="tab-indentation"),
        pytest.param(HEAD + b"interviewers:\n\t- name: Dana\n", 5, 1, id="tab-before-item"),
        pytest.param(HEAD + b"notes: 'unclosed\n", 5, 1, id="unclosed-quote-at-end-of-file"),
    ],
)
def test_invalid_yaml_is_reported_where_it_is(raw: bytes, line: int, column: int) -> None:
    rule, at_line, at_column, message = only(raw)
    assert (rule, at_line, at_column) == ("yaml-syntax", line, column)
    assert message


def test_tab_message_says_to_indent_with_spaces() -> None:
    *_, message = only(HEAD + b"\tformat: onsite\n")
    assert "tab" in message and "spaces" in message


def test_invalid_utf8_is_reported_at_the_byte() -> None:
    rule, line, column, message = only(HEAD + b"location: Caf\xe9 Nord\n")
    assert (rule, line, column) == ("yaml-syntax", 4, 14)
    assert "UTF-8" in message


def test_utf8_bom_is_accepted() -> None:
    raw = b"\xef\xbb\xbf" + HEAD + b"location: Caf\xc3\xa9 Nord\n"
    loaded = load_text(raw)
    assert isinstance(loaded, Record)
    assert loaded.data["company"] == "Northwind Traders"
    assert loaded.data["location"] == "Café Nord"
    assert loaded.mark(("company",)) == (1, 10)


def test_two_documents() -> None:
    rule, line, column, message = only(HEAD + b"---\ncompany: Contoso\n")
    assert (rule, line, column) == ("yaml-syntax", 4, 1)
    assert "document" in message


def test_explicit_single_document_is_fine() -> None:
    assert isinstance(load_text(b"---\n" + HEAD + b"...\n"), Record)


@pytest.mark.parametrize(
    ("raw", "line", "column", "word"),
    [
        pytest.param(b"- company: Northwind\n- role: Data\n", 1, 1, "list", id="top-level-list"),
        pytest.param(
            b"# a comment\nNorthwind Traders\n", 2, 1, "single value", id="top-level-scalar"
        ),
        pytest.param(b"", 1, 1, "no record", id="empty"),
        pytest.param(b"# only a comment\n\n", 1, 1, "no record", id="only-comments"),
        pytest.param(b"---\n", 1, 1, "", id="empty-document"),
    ],
)
def test_top_level_must_be_a_mapping(raw: bytes, line: int, column: int, word: str) -> None:
    rule, at_line, at_column, message = only(raw)
    assert rule == "yaml-syntax"
    if word:
        assert (at_line, at_column) == (line, column)
        assert word in message


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("!!python/object/apply:os.system ['echo hacked']", 11),
        ("!!python/object:datetime.date {}", 11),
        ("!!python/name:os.system", 11),
        ("!!binary aGVsbG8=", 11),
        ("!custom thing", 11),
        ("!!set {a, b}", 11),
    ],
)
def test_tags_that_build_objects_are_refused(value: str, column: int) -> None:
    raw = HEAD + f"location: {value}\n".encode()
    rule, line, at_column, message = only(raw)
    assert (rule, line, at_column) == ("yaml-syntax", 4, column)
    assert "tag" in message


def test_plain_string_tag_is_allowed() -> None:
    loaded = load_text(HEAD + b"round: !!str 2\n")
    assert isinstance(loaded, Record)
    assert loaded.data["round"] == "2"


def alias_bomb(levels: int = 12) -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return HEAD + ("notes:\n" + "\n".join("  " + line for line in lines) + "\n").encode()


def test_alias_bomb_is_refused_quickly() -> None:
    raw = alias_bomb()
    started = time.perf_counter()
    findings = check(raw, NOW)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5
    assert [(f.rule, f.severity) for f in findings] == [("yaml-syntax", "error")]
    assert "alias" in findings[0].message


def test_a_few_aliases_are_fine() -> None:
    raw = HEAD + b"location: &place Boston\nnotes: *place\n"
    loaded = load_text(raw)
    assert isinstance(loaded, Record)
    assert loaded.data["notes"] == "Boston"


def test_deep_nesting_is_refused() -> None:
    raw = HEAD + b"notes: " + b"[" * 200 + b"]" * 200 + b"\n"
    rule, line, _column, message = only(raw)
    assert (rule, line) == ("yaml-syntax", 4)
    assert "nested" in message


def test_very_deep_nesting_does_not_crash() -> None:
    raw = HEAD + b"notes: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    rule, *_ = only(raw)
    assert rule == "yaml-syntax"


def test_size_limit() -> None:
    filler = b"notes: " + b"x" * MAX_BYTES + b"\n"
    rule, line, column, message = only(HEAD + filler)
    assert (rule, line, column) == ("yaml-syntax", 1, 1)
    assert f"{MAX_BYTES:,}" in message
    assert MAX_BYTES == 1_048_576  # documented: 1 MiB


def test_just_under_the_size_limit_loads() -> None:
    raw = HEAD + b"notes: " + b"x" * (MAX_BYTES - len(HEAD) - 9) + b"\n"
    assert len(raw) < MAX_BYTES
    assert isinstance(load_text(raw), Record)


def test_control_character_is_refused() -> None:
    rule, line, column, _ = only(HEAD + b"location: Bos\x00ton\n")
    assert (rule, line, column) == ("yaml-syntax", 4, 14)


# --- duplicate-key ------------------------------------------------------------------------


def test_duplicate_top_level_key_at_the_second_key() -> None:
    rule, line, column, message = only(HEAD + b"company: Contoso\n")
    assert (rule, line, column) == ("duplicate-key", 4, 1)
    assert "company" in message


def test_duplicate_nested_key_at_the_second_key() -> None:
    raw = yaml_text(
        """
        company: Northwind Traders
        role: Data Engineer
        when: 2026-11-18T14:00:00-05:00
        interviewers:
          - name: Dana Whitfield
            title: Director of Data Platform
            title: Head of Data
        """
    ).encode()
    rule, line, column, message = only(raw)
    assert (rule, line, column) == ("duplicate-key", 7, 5)
    assert "title" in message


def test_duplicate_flow_key() -> None:
    rule, line, column, _ = only(HEAD + b"closing: {thanked_staff: true, thanked_staff: false}\n")
    assert (rule, line, column) == ("duplicate-key", 4, 32)


def test_every_duplicate_is_reported_and_nothing_else() -> None:
    raw = HEAD + b"role: Again\nclosing:\n  thanked_staff: true\n  thanked_staff: false\n"
    findings = check(raw, NOW)
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("duplicate-key", 4, 1),
        ("duplicate-key", 7, 3),
    ]


def test_duplicate_keys_written_differently_are_the_same_key() -> None:
    rule, line, column, _ = only(HEAD + b'"company": Contoso\n')
    assert (rule, line, column) == ("duplicate-key", 4, 1)


# --- values as the user wrote them --------------------------------------------------------


def test_yaml_1_1_booleans_stay_strings() -> None:
    raw = yaml_text(
        """
        company: yes
        role: no
        when: 2026-11-18
        location: on
        notes: off
        interviewers:
          - name: Y
            title: n
        """
    ).encode()
    loaded = load_text(raw)
    assert isinstance(loaded, Record)
    d = loaded.data
    assert (d["company"], d["role"], d["location"], d["notes"]) == ("yes", "no", "on", "off")
    assert d["interviewers"] == [{"name": "Y", "title": "n"}]
    assert all(isinstance(v, str) for v in (d["company"], d["role"], d["location"], d["notes"]))


def test_true_and_false_are_booleans() -> None:
    loaded = load_text(HEAD + b"closing:\n  thanked_staff: true\n  asked_next_steps: false\n")
    assert isinstance(loaded, Record)
    assert loaded.data["closing"] == {"thanked_staff": True, "asked_next_steps": False}


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-18",
        "2026-11-18T14:00:00-05:00",
        "2026-11-18 14:00",
        "2026-11-18t14:00:00Z",
        "2026-02-30",
    ],
)
def test_dates_stay_text(value: str) -> None:
    loaded = load_text(f"company: A\nrole: B\nwhen: {value}\n".encode())
    assert isinstance(loaded, Record)
    assert loaded.data["when"] == value


def test_numbers_and_null() -> None:
    loaded = load_text(HEAD + b"duration: 90\nround: ~\nnotes: 1.5\n")
    assert isinstance(loaded, Record)
    assert loaded.data["duration"] == 90 and loaded.data["round"] is None
    assert loaded.data["notes"] == 1.5


def test_yes_where_a_boolean_is_expected_is_a_schema_finding() -> None:
    raw = HEAD + b"closing:\n  thanked_staff: yes\n"
    findings = check(raw, NOW)
    [f] = [f for f in findings if f.rule == "schema"]
    assert (f.line, f.column) == (5, 18)
    assert "true or false" in f.message


def test_a_broken_file_gets_no_other_finding() -> None:
    # the same record loads fine and has many findings once the problem is removed
    assert len(check(HEAD, NOW)) > 3
    assert len(check(HEAD + b"notes: [\n", NOW)) == 1
    assert len(check(HEAD + b"company: Contoso\n", NOW)) == 1
