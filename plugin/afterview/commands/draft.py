"""``afterview draft``: a thank-you note, a follow-up script or a reply, filled from a record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from afterview.cli import display_path, fail, now_option
from afterview.drafts.render import KINDS

if TYPE_CHECKING:  # imported where used, so that `afterview --help` stays quick
    from afterview.clock import Clock
    from afterview.drafts import Draft
    from afterview.model import Interview
    from afterview.settings import Settings

SEPARATOR = "\n" + "=" * 72 + "\n\n"


def _list(overrides: Path | None) -> None:
    from afterview.drafts import sources

    width = max(len(k) for k in KINDS)
    for source in sources(overrides):
        click.echo(f"{source.kind:<{width}}  {KINDS[source.kind]}")
        click.echo(f"{'':<{width}}  {source.origin}: {display_path(str(source.path))}")


def _as_text(draft: Draft) -> str:
    if draft.subject is None:
        return draft.body
    if draft.recipient is None:
        to = "(nobody recorded)"
    elif draft.email:
        to = f"{draft.recipient} <{draft.email}>"
    else:
        to = f"{draft.recipient} (no email recorded)"
    return f"To: {to}\nSubject: {draft.subject}\n\n{draft.body}"


@click.command("draft")
@now_option
@click.argument("kind", required=False, type=click.Choice(list(KINDS)))
@click.argument("record", required=False, type=click.Path(dir_okay=False))
@click.option("--to", "to", metavar="NAME", help="Only the draft for this person (as recorded).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "eml"]),
    default="text",
    show_default=True,
    help="text for the terminal; eml for a message file a mail client opens as a draft.",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Write each draft to its own file in this folder (never overwriting) instead of"
    " standard output.",
)
@click.option("--list", "list_", is_flag=True, help="List the kinds and where each template is.")
def command(
    now: str | None,
    kind: str | None,
    record: str | None,
    to: str | None,
    fmt: str,
    output_dir: str | None,
    list_: bool,
) -> None:
    """Draft the next message from RECORD: KIND is thank-you, follow-up,
    follow-up-email, position-filled or offer.

    thank-you makes one note per interviewer still owed one (--to: that
    person only); follow-up is a phone-call script ending with the
    follow_ups entry to paste; follow-up-email, position-filled and offer
    are emails to the contact person (closing.contact_person, at
    closing.contact_email), or to --to: any unambiguous part of a recorded
    name (exit 2 listing the candidates otherwise). A fact the record or settings lack shows as
    [what — set FIELD], and the fields to fill are named on standard error.
    --format eml writes one message (choose with --to, or use --output-dir
    for one file per draft). Exit 2 for an unknown kind, person or record.

    \b
    Examples:
      afterview draft thank-you content/interviews/2026-11-24-bluegate.yaml
      afterview draft offer RECORD --format eml > reply.eml
      afterview draft --list
    """
    from afterview.cli import load_context

    settings, clock = load_context(now)
    if list_:
        _list(settings.drafts)
        return
    if kind is None or record is None:
        raise click.UsageError("give KIND and RECORD (or --list)")
    if fmt == "eml" and kind == "follow-up":
        fail("follow-up is a phone-call script; --format eml is for thank-you,"
             " position-filled and offer")  # fmt: skip

    iv = _load(record, clock)
    from afterview.drafts import DraftError, make_drafts

    try:
        drafts = make_drafts(kind, iv, clock, to)
    except DraftError as e:
        fail(str(e))
    if not drafts:
        click.echo(
            "afterview: every interviewer already has a thank-you note;"
            " name one with --to NAME for another draft",
            err=True,
        )
        return
    _notes(kind, iv, drafts, record, fmt, settings.source, clock)

    if fmt == "eml" and len(drafts) > 1 and output_dir is None:
        fail(
            f"{len(drafts)} drafts: choose one with --to NAME, or write one .eml file each"
            " with --output-dir DIR"
        )
    outputs = [_render_one(d, fmt, settings) for d in drafts]
    if output_dir is not None:
        _write_files(Path(output_dir), Path(record).stem, drafts, outputs, fmt)
        return
    if fmt == "eml":
        sys.stdout.buffer.write(outputs[0])
        sys.stdout.buffer.flush()
        return
    click.echo(SEPARATOR.join(o.decode("utf-8") for o in outputs), nl=False)


def _load(record: str, clock: Clock) -> Interview:
    """The record's interview, or exit 2 naming why it cannot be read."""
    from afterview.records import read_records

    if Path(record).is_dir():
        fail(f"{record}: RECORD must be one record file, not a folder")
    records = read_records([record], clock)
    for problem in records.problems:
        fail(problem)
    if not records.results:
        fail(f"{record}: not a record file (expected *.yaml or *.yml)")
    result = records.results[0]
    if result.interview is None:
        first = result.findings[0] if result.findings else None
        where = f"{first.path}:{first.line}:{first.column}: {first.message}" if first else record
        fail(f"{where} (the record cannot be read; see `afterview check`)")
    return result.interview


def _notes(
    kind: str,
    iv: Interview,
    drafts: list[Draft],
    record: str,
    fmt: str,
    source: Path | None,
    clock: Clock,
) -> None:
    """Say on standard error what the drafts still need, and what does not fit."""
    from afterview.drafts.context import SETTINGS
    from afterview.drafts.eml import address
    from afterview.plaintext import terminal

    status = iv.outcome.status
    if kind == "offer" and status != "offer":
        click.echo(f"afterview: note: the record's outcome is {status!r}, not an offer", err=True)
    if kind == "position-filled" and status != "rejected":
        click.echo(f"afterview: note: the record's outcome is {status!r}, not rejected", err=True)
    if kind == "offer":
        o = iv.outcome
        lacking = [k for k in ("pay", "schedule", "benefits") if not getattr(o, k)]
        if lacking:
            click.echo(
                "afterview: the record lacks the offer's "
                + ", ".join(lacking)
                + " (outcome."
                + ", outcome.".join(lacking)
                + "); the draft asks for them",
                err=True,
            )
    fields: list[str] = []
    shown = terminal(record)
    for d in drafts:
        for m in d.missing:
            where = shown
            if m.where == SETTINGS:
                where = display_path(str(source)) if source else "afterview.toml"
            text = f"{m.field} (in {where})"
            if text not in fields:
                fields.append(text)
        if fmt == "eml" and d.recipient and address(d.recipient, d.email) is None:
            where = d.email_field or "interviewers[].email"
            text = f"one email address for {terminal(d.recipient)} ({where} in {shown})"
            if text not in fields:
                fields.append(text)
    if fields:
        click.echo("afterview: to complete the draft, fill in: " + "; ".join(fields), err=True)
    if kind == "follow-up-email" and drafts:
        from afterview.drafts.context import follow_up_entry

        entry = follow_up_entry(iv, clock, drafts[0].recipient or "", "email")
        click.echo(f"afterview: once it is sent, add it to {shown}:", err=True)
        click.echo("\n".join(terminal(line) for line in entry.splitlines()), err=True)


def _render_one(draft: Draft, fmt: str, settings: Settings) -> bytes:
    from afterview.drafts.eml import address, eml_bytes, message

    if fmt == "text":
        return _as_text(draft).encode("utf-8")
    me = settings.me
    msg = message(
        draft.subject,
        draft.body,
        address(draft.recipient, draft.email),
        address(me.name, me.email),
    )
    return eml_bytes(msg)


def _write_files(
    folder: Path, stem: str, drafts: list[Draft], outputs: list[bytes], fmt: str
) -> None:
    """One file per draft in folder, named RECORD-KIND-PERSON.txt|eml; never overwrite.

    Every part of the name is a slug (lowercase ASCII letters, digits and
    dashes), the record's file name too, so no name can leave the folder,
    hide, hold a terminal escape or grow past what a file system allows.
    Nothing is written when any of the names is taken.
    """
    from afterview.commands.new import slug, write_new

    stem = slug(stem, "record", limit=80)
    suffix = {"text": "txt", "eml": "eml"}[fmt]

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        fail(f"{folder}: cannot create the folder: {e.strerror}")
    names = []
    for d in drafts:
        base = f"{stem}-{d.kind}-{slug(d.recipient or '', 'draft')}"
        name, n = f"{base}.{suffix}", 2
        while name in names:
            name, n = f"{base}-{n}.{suffix}", n + 1
        names.append(name)
    paths = [folder / name for name in names]
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if existing:
        fail(f"{display_path(str(existing[0]))} already exists; not overwriting it")
    for path, data in zip(paths, outputs, strict=True):
        try:
            write_new(path, data)
        except FileExistsError:
            fail(f"{display_path(str(path))} already exists; not overwriting it")
        except OSError as e:
            fail(f"{display_path(str(path))}: cannot write: {e.strerror}")
        click.echo(display_path(str(path)))
