"""``afterview new``: write a new record from the packaged template, never overwriting."""

from __future__ import annotations

import os
import re
import secrets
import sys
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import click

from afterview.cli import display_path, fail, now_option
from afterview.model import FORMATS

TEMPLATE = "record.yaml.tmpl"
_ASCII = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe",
                        "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th",
                        "Þ": "TH", "ð": "d", "Ð": "D", "&": " and "})  # fmt: skip


def slug(text: str, fallback: str, limit: int = 60) -> str:
    """``Tallow & Finch`` → ``tallow-and-finch``: lowercase ASCII letters, digits and dashes."""
    letters = unicodedata.normalize("NFKD", text.translate(_ASCII))
    letters = "".join(c for c in letters if not unicodedata.combining(c))  # é → e
    out = re.sub(r"[^a-z0-9]+", "-", letters.lower(), flags=re.ASCII).strip("-")
    return out[:limit].rstrip("-") or fallback


def file_name(day: str, company: str, role: str) -> str:
    return f"{day}-{slug(company, 'company')}-{slug(role, 'role')}.yaml"


def yaml_text(value: str) -> str:
    """value as a YAML scalar that reads back as this same string (plain when safe)."""
    from afterview.plaintext import yaml_scalar

    return yaml_scalar(value)


def schema_ref(folder: Path) -> str:
    """The schema's path relative to folder: the repository's schemas/ above it, else the
    packaged copy (an absolute file URI when no relative path exists)."""
    from afterview.schema import SCHEMA_NAME, schema_path

    folder = folder.resolve()
    target = next(
        (
            p / "schemas" / SCHEMA_NAME
            for p in (folder, *folder.parents)
            if (p / "schemas" / SCHEMA_NAME).is_file()
        ),
        schema_path().resolve(),
    )
    try:
        return os.path.relpath(target, folder).replace(os.sep, "/")
    except ValueError:  # another drive (Windows)
        return target.as_uri()


EXAMPLE_INTERVIEWERS = """\
# interviewers:
#   - name: Dana Whitfield
#     title: Director of Data Platform
#     email: dana.whitfield@example.com
#     business_card: true
#     spelling_confirmed: true"""


def interviewers_yaml(people: list[Any] | None, contacts: list[Any] | None = None) -> str:
    """The interviewers block: the commented example, or the people from an invite.

    Each person has ``name`` and optional ``email`` (``afterview.invite.Attendee``);
    the title is left as a prompt. The invite's organiser and optional attendees
    (``contacts``) follow as commented-out entries, to uncomment if they
    interviewed you too; every value is one line, so it cannot end its comment.
    """
    if not people and not contacts:
        return EXAMPLE_INTERVIEWERS
    lines = ["interviewers:"] if people else ["# interviewers:"]
    for p in people or []:
        lines.append(f"  - name: {yaml_text(p.name)}")
        if p.email:
            lines.append(f"    email: {yaml_text(p.email)}")
        lines.append("    # title: their job title, as on their card")
    if contacts:
        lines.append(
            "  # The organiser and optional attendees (the contact below): uncomment the ones"
            " who interviewed you."
        )
    for p in contacts or []:
        lines.append(f"  # - name: {_comment(yaml_text(p.name))}")
        if p.email:
            lines.append(f"  #   email: {_comment(yaml_text(p.email))}")
    return "\n".join(lines)


def _comment(text: str) -> str:
    """text on one comment line (a line break would end the comment)."""
    from afterview.plaintext import one_line

    return one_line(text)


def contact_yaml(contact: Any) -> tuple[str, str]:
    """The closing block's first line and its contact lines: the invite's organiser (or
    first optional attendee) as ``contact_person`` and ``contact_email``, else comments."""
    if contact is None:
        return "# closing:", "#   contact_person: Dana Whitfield"
    lines = [f"  contact_person: {yaml_text(contact.name)}  # from the invite"]
    if contact.email:
        lines.append(f"  contact_email: {yaml_text(contact.email)}")
    return "closing:", "\n".join(lines)


def render(fields: dict[str, Any], schema: str) -> str:
    """The record's text: the template with the given fields filled in."""
    optional = {
        "duration": ("duration: 60", "minutes; deadlines count from the end (default 60)"),
        "format": ("format: onsite", "onsite | video | phone"),
        "location": ("location: 12 Harbor St, Boston", "address, or which video service"),
        "meeting_url": ("meeting_url: https://...", "the video call's link"),
        "round": ("round: 1", "1 for a first interview, 2 for a second, ..."),
    }
    closing, contact = contact_yaml(fields.get("contact"))
    values = {
        "schema": schema,
        "company": yaml_text(fields["company"]),
        "role": yaml_text(fields["role"]),
        "when": fields["when"],
        "interviewers": interviewers_yaml(fields.get("interviewers"), fields.get("contacts")),
        "closing": closing,
        "contact": contact,
    }
    for key, (example, hint) in optional.items():
        value = fields.get(key)
        if value is None:
            values[key] = f"# {example}  # {hint}"
        else:
            shown = yaml_text(value) if isinstance(value, str) else str(value)
            values[key] = f"{key}: {shown}"
    text = (resources.files("afterview") / "templates" / TEMPLATE).read_text(encoding="utf-8")
    return re.sub(r"<<(\w+)>>", lambda m: values[m[1]], text)


def write_new(path: Path, text: str | bytes) -> None:
    """Write text (UTF-8) or bytes to path all at once; raise FileExistsError rather than
    replace a file.

    The text goes to a hidden temporary file in the same folder, which is then
    hard-linked to its final name (atomic, and refused if the name exists) and
    removed. Where hard links are not supported, the final name is created with
    O_EXCL and written directly.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system
            fd = os.open(path, flags, 0o666)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
            except OSError:
                path.unlink(missing_ok=True)
                raise
    finally:
        tmp.unlink(missing_ok=True)


def _interactive() -> bool:
    return sys.stdin.isatty()


def _one_line(value: str | None, option: str) -> str | None:
    return None if value is None else _line(value, option)


def _line(value: str, option: str) -> str:
    """value stripped; a usage error naming option when empty or more than one line."""
    value = value.strip()
    if not value:
        raise click.BadParameter("must not be empty", param_hint=option)
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") or c == "\x85" for c in value):
        raise click.BadParameter("must be one line of text", param_hint=option)
    return value


def _when(value: str | None, tz: Any, option: str = "--when") -> str | None:
    from afterview.moments import parse_moment

    if value is None:
        return None
    value = value.strip()
    if parse_moment(value, tz) is None:
        raise click.BadParameter(
            f"{value!r} is not a date or date-time; expected e.g. 2026-11-18T14:00:00-05:00,"
            " 2026-11-18 14:00 or 2026-11-18",
            param_hint=option,
        )
    return value


@click.command("new")
@now_option
@click.option("--company", help="The company (asked at a terminal when left out).")
@click.option("--role", help="The position (asked at a terminal when left out).")
@click.option(
    "--when",
    "when_text",
    metavar="DATE[TIME]",
    help="When it starts: 2026-11-18T14:00:00-05:00, 2026-11-18 14:00 (playbook time zone)"
    " or 2026-11-18 (asked at a terminal when left out).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="How it takes place.")
@click.option("--location", help="Where: an address, or the video service.")
@click.option("--duration", type=click.IntRange(1, 1440), help="Length in minutes (default 60).")
@click.option("--round", "round_", type=click.IntRange(min=1), help="Which round: 1, 2, ...")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False),
    help="Write into this folder instead of the interviews folder from the settings.",
)
@click.option(
    "--from-ics",
    "invite",
    type=click.Path(dir_okay=False),
    metavar="INVITE.ics",
    help="Fill the record from a calendar invite: start, length, place, format, interviewers;"
    " company and role guessed from its title.",
)
@click.option(
    "--me",
    "me",
    metavar="EMAIL",
    help="With --from-ics: your own address, left out of the interviewers"
    " (default: [tool.afterview.me].email).",
)
@click.option(
    "--event",
    "event_number",
    type=click.IntRange(min=1),
    metavar="N",
    help="With --from-ics: which event of an invite holding several (the soonest are listed,"
    " each with its number).",
)
def command(
    now: str | None,
    company: str | None,
    role: str | None,
    when_text: str | None,
    fmt: str | None,
    location: str | None,
    duration: int | None,
    round_: int | None,
    folder: str | None,
    invite: str | None,
    me: str | None,
    event_number: int | None,
) -> None:
    """Write a new record from the template; never overwrite a file.

    The file is named YYYY-MM-DD-company-role.yaml in the interviews folder
    (or --dir), starts with the editor's schema line, and holds each later
    step as comments to fill in. Company, role and start are asked for at a
    terminal (on standard error) when not given; a script must pass them.
    Prints the new file's path.

    \b
    Example:
      afterview new --company "Northwind Traders" --role "Data Engineer" \\
        --when 2026-11-18T14:00 --format onsite
    """
    from afterview.cli import load_context

    settings, clock = load_context(now)
    tz = settings.tz
    company = _one_line(company, "--company")
    role = _one_line(role, "--role")
    when_text = _when(when_text, tz)
    location = _one_line(location, "--location")
    people: list[Any] = []
    contacts: list[Any] = []
    meeting_url = contact = None
    if invite is not None:
        found = _from_invite(invite, me, event_number, settings, clock.now)
        company = company or _ask_guess("Company", "--company", found.company)
        role = role or _ask_guess("Role", "--role", found.role)
        when_text = when_text or found.when
        fmt = fmt or found.format
        location = location or found.location
        duration = duration or found.duration
        round_ = round_ or found.round
        people, contacts = _who_interviewed(found.interviewers, found.contacts)
        meeting_url, contact = found.meeting_url, found.contact
    elif me is not None or event_number is not None:
        raise click.UsageError("--me and --event go with --from-ics")
    missing = [o for o, v in (("--company", company), ("--role", role), ("--when", when_text))
               if v is None]  # fmt: skip
    if missing and not _interactive():
        fail(f"missing {', '.join(missing)} (no terminal to ask at)")
    if company is None:
        company = click.prompt("Company", value_proc=lambda v: _line(v, "company"), err=True)
    if role is None:
        role = click.prompt("Role", value_proc=lambda v: _line(v, "role"), err=True)
    if when_text is None:
        when_text = click.prompt(
            "When (e.g. 2026-11-18T14:00 or 2026-11-18)",
            value_proc=lambda v: _when(v, tz, "when"),
            err=True,
        )
    assert company and role and when_text
    from afterview.moments import parse_moment

    moment = parse_moment(when_text, tz)
    assert moment is not None
    target = Path(folder) if folder else settings.interviews
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        fail(f"{target}: cannot create the folder: {e.strerror}")
    path = target / file_name(moment.day.isoformat(), company, role)
    fields = {
        "company": company,
        "role": role,
        "when": when_text,
        "duration": duration,
        "format": fmt,
        "location": location,
        "round": round_,
        "meeting_url": meeting_url,
        "interviewers": people,
        "contacts": contacts,
        "contact": contact,
    }
    try:
        write_new(path, render(fields, schema_ref(target)))
    except FileExistsError:
        fail(
            f"{display_path(str(path))} already exists; not overwriting it (edit it, or remove it)"
        )
    except OSError as e:
        fail(f"{display_path(str(path))}: cannot write: {e.strerror}")
    click.echo(display_path(str(path)))


def _from_invite(path: str, me: str | None, number: int | None, settings: Any, now: Any) -> Any:
    """The facts of the invite's chosen event, or exit 2 (nothing written) saying why."""
    from afterview.invite import InviteError, facts, listing, read_invite, soonest_first
    from afterview.plaintext import one_line, terminal

    try:
        with open(path, "rb") as f:
            data = f.read(10 * 1024 * 1024)
    except OSError as e:
        fail(f"{path}: cannot read the invite: {e.strerror}")
    try:
        events = read_invite(data)
    except InviteError as e:
        fail(f"{path}: {e}; nothing written")
    tz = settings.tz
    if number is None and len(events) > 1:
        for line in listing(events, tz, now):
            click.echo(terminal(line), err=True)
        fail(
            f"{path} holds {len(events)} events; choose one with --event N"
            f" (the number before it above; --event {soonest_first(events, tz, now)[0].number}"
            " is the first listed)"
        )
    if number is not None and number > len(events):
        fail(f"{path} holds {len(events)} event(s); --event {number} is not one of them")
    event = events[(number or 1) - 1]
    mine = {m for m in (me, settings.me.email) if m}
    found = facts(event, tz, {one_line(m) for m in mine})
    for note in found.notes:
        click.echo(terminal(f"afterview: {path}: {note}"), err=True)
    from afterview.moments import MAX_YEAR, MIN_YEAR, parse_moment

    moment = parse_moment(found.when, tz)
    if moment is None or not MIN_YEAR <= moment.day.year <= MAX_YEAR:
        fail(f"{path}: the event starts at {found.when}, outside the years the records allow;"
             " nothing written")  # fmt: skip
    return found


def _who_interviewed(people: list[Any], contacts: list[Any]) -> tuple[list[Any], list[Any]]:
    """(interviewers, commented-out contacts): at a terminal each contact is asked about
    ("Did NAME interview you?", default no); in a script none is made an interviewer, and
    standard error says so."""
    from afterview.plaintext import terminal

    if not contacts:
        return people, contacts
    if not _interactive():
        names = ", ".join(p.name for p in contacts)
        click.echo(
            terminal(
                f"afterview: not written as interviewers: {names} (the organiser or optional"
                " attendees; the first is the contact); uncomment their entry if they"
                " interviewed you"
            ),
            err=True,
        )
        return people, contacts
    kept: list[Any] = []
    for person in contacts:
        if click.confirm(f"Did {terminal(person.name)} interview you?", default=False, err=True):
            people = [*people, person]
        else:
            kept.append(person)
    return people, kept


def _ask_guess(label: str, option: str, guess: str | None) -> str:
    """A value the invite only suggests: asked at a terminal with the guess as the default,
    else the guess itself (said on standard error), else exit 2."""
    from afterview.plaintext import one_line

    guess = one_line(guess) if guess else None
    if _interactive():
        return click.prompt(
            label, default=guess, value_proc=lambda v: _line(v, label.lower()), err=True
        )
    if guess is None:
        fail(f"missing {option}: the invite does not say (no terminal to ask at); nothing written")
    click.echo(
        f"afterview: {label.lower()} {guess!r}, guessed from the invite ({option} to set it)",
        err=True,
    )
    return guess
