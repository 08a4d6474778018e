"""Rules reported while a file is read and validated, before the rule pass."""

from __future__ import annotations

from afterview.rules.base import documented


@documented("yaml-syntax", "error", "record-file")
def yaml_syntax() -> None:
    """The file cannot be read as one YAML mapping.

    ## What it does

    Reports a record that is not valid YAML, is not UTF-8 text, holds more or
    fewer than exactly one document, or whose top level is not a mapping. It
    also refuses, with a clear message, a file over the size limit (1 MiB),
    values nested more than 50 levels deep, aliases that would expand into
    more than 20,000 values, any tag that would build an object
    (`!!python/object`, `!!binary`, `!custom`), tab characters used for
    indentation, and control characters (NUL, ESC, and the line separators
    U+0085, U+2028 and U+2029, which editors and YAML count differently, so
    every later line number would be off).

    ## Why it matters

    Every other check reads the record. A file that cannot be read safely is
    a step of your playbook you cannot see.

    ## Example

    ```yaml
    company: Northwind Traders
    role: Data Engineer
    \twhen: 2026-11-18   # a tab before the key
    ```

    ## How to fix

    Go to the line and column named in the message. Indent with spaces, quote
    text that contains `: ` or starts with a special character, save the file
    as UTF-8, and keep one record per file.
    """


@documented("duplicate-key", "error", "record-file")
def duplicate_key() -> None:
    """A mapping repeats a key.

    ## What it does

    Reports the second (and any later) occurrence of a key in the same
    mapping. Most YAML readers silently keep the last value; Afterview refuses
    the file instead, because one of the two values is lost.

    ## Why it matters

    A repeated `sent:` or `title:` usually means two entries were merged by
    mistake, and the checks would read only one of them.

    ## Example

    ```yaml
    interviewers:
      - name: Dana Whitfield
        title: Director of Data Platform
        title: Head of Data   # repeated
    ```

    ## How to fix

    Keep one of the values, or split the mapping into two list items if they
    describe two things.
    """


@documented("schema", "error", "record-file")
def schema() -> None:
    """A value does not match the record format.

    ## What it does

    Checks the record against `schemas/interview.schema.json` and reports
    every violation, not only the first: a missing required field (`company`,
    `role`, `when`), an unknown key (a misspelling such as `titel`), a value
    of the wrong type (`yes` where `true` or `false` is expected), a word
    outside a fixed list (`format: in person`), or a date that is not a real
    calendar date (`2026-02-30`). The finding names the field's path and what
    was expected.

    ## Why it matters

    A misspelt key would otherwise pass silently, and the step it records
    would look missing to every other check.

    ## Example

    ```yaml
    company: Northwind Traders
    role: Data Engineer
    when: 2026-11-18T14:00:00-05:00
    interviewers:
      - name: Lee Park
        titel: Staff Engineer   # unknown key: did you mean title?
    ```

    ## How to fix

    Correct the field named in the message. Booleans are `true` or `false`;
    dates are `YYYY-MM-DD`; date-times are `YYYY-MM-DDTHH:MM`, with an offset
    such as `-05:00` if you want to be exact. The editor line
    `# yaml-language-server: $schema=...` gives completion and hover help.
    """


@documented("comment-cuts-value", "warning", "record-file")
def comment_cuts_value() -> None:
    """A `#` in an unquoted value cut it short: the rest was read as a comment.

    ## What it does

    Reports an unquoted text value followed, on the same line, by a `#`
    after a space: YAML ends the value there and drops the rest of the line
    as a comment, so `location: 1200 W Fulton Market #400, Chicago` is read
    as `1200 W Fulton Market`. The finding stands at the `#`. A comment set
    off the way the templates write one, with two spaces before the `#` and
    one after it (`location: Boston  # main office`), is taken as meant and
    not reported; so is a comment on its own line, after a quoted value,
    after a number, `true` or `false`, or after `[`, `]`, `{`, `}` or `,`.

    ## Why it matters

    Nothing else would say that part of the value is missing: the record is
    valid YAML and every check passes, but the suite number, the rest of a
    name or the second half of a note never reaches the pages or the drafts.

    ## Example

    ```yaml
    location: 1200 W Fulton Market #400, Chicago  # read as 1200 W Fulton Market
    ```

    ## How to fix

    Put the whole value in quotes: `location: "1200 W Fulton Market #400,
    Chicago"`. If the text after `#` is a comment you meant, leave two spaces
    before the `#` and one after it: `location: Boston  # main office`.
    """
