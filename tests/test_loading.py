"""yaml-syntax and duplicate-key, and how values are read (content/format.md)."""

from __future__ import annotations

import pytest

from afterview.loader import MAX_BYTES, Record, load_text
from conftest import assert_within_parse_time, check, yaml_text

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
        pytest.param(HEAD + b"interviewers: [Dana\nformat: onsite\n", 4, 15, id="unclosed-flow"),
        pytest.param(HEAD + b"location: Boston: Harbor St\n", 4, 17, id="colon-in-plain-text"),
        pytest.param(HEAD + b"\tformat: onsite\n", 4, 1, id="tab-indentation"),
        pytest.param(HEAD + b"interviewers:\n\t- name: Dana\n", 5, 1, id="tab-before-item"),
        pytest.param(HEAD + b"notes: 'unclosed\n", 4, 8, id="unclosed-quote-at-end-of-file"),
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
    """Refused within 20x a libyaml parse of the same bytes (see conftest)."""
    raw = alias_bomb()
    findings = check(raw, NOW)
    assert_within_parse_time(lambda: check(raw, NOW), [raw], lambda: check(HEAD, NOW))
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


# --- valid YAML that libyaml refuses, read by the fallback parser ---------------------


@pytest.mark.parametrize(
    ("tail", "key", "value"),
    [
        pytest.param(
            b"notes: |\n  Dear Dana,\n  \tThanks again.\n",
            "notes",
            "Dear Dana,\n\tThanks again.\n",
            id="tab-in-literal-block",
        ),
        pytest.param(
            b"notes: |-\n \tpasted with a tab\n",
            "notes",
            "\tpasted with a tab",
            id="block-starting-with-tab",
        ),
        pytest.param(
            b"notes: Met Dana\n\t\nlocation: Boston\n",
            "location",
            "Boston",
            id="line-of-only-a-tab",
        ),
        pytest.param(
            b"notes:\n-\tfirst item\n-\tsecond\n",
            "notes",
            ["first item", "second"],
            id="dash-tab-item",
        ),
        pytest.param(
            b"location: Boston\t\nnotes:\t # tab before a comment\n  - a\n",
            "location",
            "Boston",
            id="trailing-tabs",
        ),
        pytest.param(
            b"closing: {contact_method: phone\n  , asked_next_steps: true}\n",
            "closing",
            {"contact_method": "phone", "asked_next_steps": True},
            id="flow-over-lines",
        ),
    ],
)
def test_valid_yaml_with_tabs_loads(tail: bytes, key: str, value: object) -> None:
    loaded = load_text(HEAD + tail)
    assert isinstance(loaded, Record), loaded
    assert loaded.data[key] == value


def test_fallback_keeps_the_marks() -> None:
    loaded = load_text(HEAD + b"notes:\n-\tfirst\n-\tsecond\n")
    assert isinstance(loaded, Record)
    assert loaded.mark(("notes", 1)) == (6, 3)
    assert loaded.key_mark(("notes",)) == (4, 1)


def test_fallback_is_not_run_for_files_libyaml_accepts(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> None:
        raise AssertionError("the fallback parser ran on a file libyaml accepts")

    monkeypatch.setattr("afterview.loader._FallbackParser", refuse)
    assert isinstance(load_text(HEAD + b"notes: |\n  a tab\tinside\n"), Record)


def test_fallback_keeps_the_limits() -> None:
    """A tab sends the file to the fallback, which still counts values and depth."""
    bomb = alias_bomb().replace(b"notes:\n", b"notes:\t\n\t\n")
    assert load_text(bomb)[0].message.startswith("the record holds more than")
    deep = HEAD + b"\t\nnotes: " + b"[" * 200 + b"]" * 200 + b"\n"
    assert "nested" in load_text(deep)[0].message
    tagged = HEAD + b"\t\nlocation: !!python/name:os.system\n"
    assert "tag" in load_text(tagged)[0].message
    duplicated = HEAD + b"\t\ncompany: Contoso\n"
    assert load_text(duplicated)[0].rule == "duplicate-key"


# --- syntax messages: plain words, the fix, the place ---------------------------------


@pytest.mark.parametrize(
    ("tail", "line", "column", "words"),
    [
        pytest.param(
            b"notes: Call back: Tuesday\n",
            4,
            17,
            ["the value of 'notes' contains ': '", 'quotes: notes: "Call back: Tuesday"'],
            id="unquoted-colon",
        ),
        pytest.param(
            b'notes: Dana said "call": soon\n',
            4,
            24,
            ["""quotes: notes: 'Dana said "call": soon'"""],
            id="unquoted-colon-with-double-quotes",
        ),
        pytest.param(
            b"notes:\n  - Call back: Tuesday, then: Friday\n",
            5,
            29,
            ['quotes: - "Call back: Tuesday, then: Friday"'],
            id="unquoted-colon-in-list-item",
        ),
        pytest.param(
            b"location: Boston\n format: video\n",
            5,
            8,
            ["'format:' is indented more than line 4", "start it at column 1, like line 4"],
            id="key-indented-too-far",
        ),
        pytest.param(
            b"closing:\n  expected_contact: 2026-12-02\n contact_method: phone\n",
            6,
            2,
            ["starts at column 2", "column 1 (like line 4) or column 3 (like line 5)"],
            id="key-between-levels",
        ),
        pytest.param(
            b"interviewers:\n  - name: Dana\n    title: Director\n   - name: Lee\n",
            7,
            4,
            ["starts at column 4", "column 3 (like line 5) or column 5 (like line 6)"],
            id="item-between-levels",
        ),
        pytest.param(
            b"closing:\n\tcontact_method: phone\n",
            5,
            1,
            ["a tab is used for indentation", "spaces"],
            id="tab-as-indentation",
        ),
        pytest.param(
            b"notes: |\n  Dear Dana,\n\t\n  Thanks\n",
            6,
            1,
            ["starts with a tab", "block of text that begins on line 4"],
            id="tab-ends-a-block",
        ),
        pytest.param(
            b'notes: "Call back\nlocation: Boston\n',
            4,
            8,
            ['the quote " that starts this value is never closed'],
            id="unclosed-double-quote",
        ),
        pytest.param(
            b"notes: 'Call back\n",
            4,
            8,
            ["the quote ' that starts this value is never closed", "as ''"],
            id="unclosed-single-quote",
        ),
        pytest.param(
            b"ignore: [staff-not-thanked\nlocation: Boston\n",
            4,
            9,
            ["the '[' here is never closed", "end the list with ']'"],
            id="unclosed-bracket",
        ),
        pytest.param(
            b"closing: {contact_method: phone\nlocation: Boston\n",
            4,
            10,
            ["the '{' here is never closed", "end the mapping with '}'"],
            id="unclosed-brace",
        ),
        pytest.param(
            b'notes: "Call" back\n',
            4,
            15,
            ["text follows the closing quote", """notes: '"Call" back'"""],
            id="text-after-quote",
        ),
        pytest.param(
            b'notes: "Call back"# soon\n',
            4,
            19,
            ["a comment needs a space"],
            id="comment-glued-to-quote",
        ),
    ],
)
def test_syntax_messages_name_the_fix(
    tail: bytes, line: int, column: int, words: list[str]
) -> None:
    rule, at_line, at_column, message = only(HEAD + tail)
    assert (rule, at_line, at_column) == ("yaml-syntax", line, column), message
    for word in words:
        assert word in message
    assert "mapping values" not in message and "<block end>" not in message


def test_tabs_are_not_blamed_when_they_are_not_indentation() -> None:
    *_, message = only(HEAD + b"notes:\ta: b: c\n")
    assert "tab" not in message
