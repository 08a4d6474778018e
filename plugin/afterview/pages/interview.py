"""One page per record: people, the playbook checklist, a timeline and the findings."""

from __future__ import annotations

from datetime import datetime

from afterview.agenda import items_for, sort_key
from afterview.deadlines import Clock, deadlines, stage, thank_you_outstanding
from afterview.findings import Finding
from afterview.model import Interview
from afterview.moments import Moment
from afterview.pages.checks import rule_page
from afterview.pages.common import (
    ADMONITION,
    Entry,
    moment_text,
    relative,
    stage_badge,
    when_text,
)
from afterview.pages.markup import (
    cell,
    esc,
    esc_block,
    front_matter,
    indent,
    mailto,
    rel,
    rich,
    span,
    tel,
)
from afterview.rules import RULES
from afterview.rules.base import STEP_PAGES, STEPS

DONE, MISSING, NOT_YET, NA = "done", "missing", "not yet due", "not applicable"
MARK = {DONE: "✓", MISSING: "✗", NOT_YET: "…", NA: "–"}


def step_statuses(iv: Interview, clock: Clock, findings: list[Finding]) -> list[tuple[str, str]]:
    """Each playbook step with done / missing / not yet due / not applicable.

    A step is *missing* exactly when one of its rules reports a finding, so the
    checklist and ``afterview check`` agree; otherwise the stage decides.
    """
    reported = {RULES[f.rule].step for f in findings if f.rule in RULES}
    dl = deadlines(iv, clock)
    upcoming = dl is None or clock.now < dl.end
    status = iv.outcome.status
    r = iv.reflection
    out = []
    for step in STEPS:
        if step in reported:
            state = MISSING
        elif step == "record-file":
            state = DONE
        elif step == "thank-staff" and iv.format != "onsite":
            state = NA
        elif step in ("thank-you", "reflect", "follow-up") and status == "withdrawn":
            state = NA
        elif step == "follow-up" and status != "pending" and not iv.follow_ups:
            state = NA
        elif step == "rejected" and status != "rejected":
            state = NA
        elif step == "offer" and status != "offer":
            state = NA
        elif upcoming:
            state = NOT_YET
        elif step == "thank-you" and thank_you_outstanding(iv) and clock.now <= dl.thank_you:
            state = NOT_YET
        elif step == "reflect" and not (r.went_well or r.to_improve) and clock.now <= dl.reflection:
            state = NOT_YET
        elif step == "follow-up" and not iv.follow_ups and clock.now <= dl.follow_up:
            state = NOT_YET
        else:
            state = DONE
        out.append((step, state))
    return out


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "no")


def _timeline(iv: Interview, clock: Clock) -> list[tuple[datetime, str, str]]:
    events: list[tuple[Moment | None, str]] = []
    if iv.when:
        extra = ", ".join(
            x
            for x in (
                esc(iv.format) if iv.format else "",
                rich(iv.location) if iv.location else "",
                f"round {iv.round}" if iv.round else "",
            )
            if x
        )
        events.append((iv.when, "Interview" + (f" ({extra})" if extra else "")))
    for step in iv.closing.next_steps:
        if step.done_at:
            events.append((step.done_at, f"Done: {esc(step.action or 'a next step')}"))
    for note in iv.thank_you:
        via = f" ({esc(note.channel)})" if note.channel else ""
        events.append((note.sent, f"Thank-you note to {esc(note.to or '(no name)')}{via}"))
    if iv.reflection.written:
        events.append((iv.reflection.written, "Reflection written"))
    for f in iv.follow_ups:
        bits = [f"Follow-up by {'you' if f.by == 'me' else 'them'}"]
        if f.channel:
            bits[0] += f" ({esc(f.channel)})"
        if f.spoke_with:
            bits.append(f"spoke with {esc(f.spoke_with)}")
        if f.decision_made is not None:
            bits.append(f"decision made: {_yes_no(f.decision_made)}")
        if f.still_considered is not None:
            bits.append(f"still considered: {_yes_no(f.still_considered)}")
        if f.notes:
            bits.append(rich(f.notes))
        events.append((f.date, "; ".join(bits)))
    if iv.outcome.present and iv.outcome.date:
        events.append((iv.outcome.date, f"Outcome: {esc(iv.outcome.status)}"))
    rows = [(m.start, moment_text(m, clock), text) for m, text in events if m is not None]
    if iv.closing.expected_contact:
        day = iv.closing.expected_contact
        rows.append(
            (clock.day_end(day), day.strftime("%a %Y-%m-%d"), "They said you would hear by then")
        )
    rows.sort(key=lambda r: r[0].timestamp())
    return rows


def _people(iv: Interview, redacted: bool) -> list[str]:
    if not iv.interviewers:
        return ["No interviewer recorded."]
    head = ["Name", "Title"] + ([] if redacted else ["Email", "Phone"]) + ["Spelling"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for p in iv.interviewers:
        checked = "card" if p.business_card else ("confirmed" if p.spelling_confirmed else "—")
        row = [esc(p.name or "(no name)"), esc(p.title or "—")]
        if not redacted:
            row += [mailto(p.email) if p.email else "—", tel(p.phone) if p.phone else "—"]
        row.append(checked)
        lines.append("| " + " | ".join(cell(x) for x in row) + " |")
    return lines


def _closing(iv: Interview) -> list[str]:
    c = iv.closing
    if not c.present:
        return ["Nothing recorded about the end of the interview."]
    lines = [
        f"- **Expected contact:** {c.expected_contact.isoformat() if c.expected_contact else '—'}",
        f"- **How:** {esc(c.contact_method) if c.contact_method else '—'}",
        f"- **From:** {esc(c.contact_person) if c.contact_person else '—'}",
        f"- **Asked what you can do meanwhile:** {_yes_no(c.asked_next_steps)}",
        f"- **Thanked the staff:** {_yes_no(c.thanked_staff)}",
    ]
    for step in c.next_steps:
        due = f", due {step.due.isoformat()}" if step.due else ""
        lines.append(
            f"- **Next step:** {esc(step.action or '(no action)')}{due}"
            f" — {'done' if step.done else 'open'}"
        )
    return lines


def _outcome(iv: Interview) -> list[str]:
    o = iv.outcome
    if not o.present:
        return ["No outcome yet."]
    lines = [f"- **Status:** {esc(o.status)}"]
    for label, value in (
        ("Pay", o.pay),
        ("Schedule", o.schedule),
        ("Benefits", o.benefits),
        ("Decision", o.decision),
        ("Answer due", o.decision_due.isoformat() if o.decision_due else None),
        ("Thanked again", _yes_no(o.thanked) if o.status == "offer" else None),
        ("Asked why", _yes_no(o.asked_why) if o.status == "rejected" else None),
        (
            "Asked about other openings",
            _yes_no(o.asked_referrals) if o.status == "rejected" else None,
        ),
        ("Feedback", o.feedback),
    ):
        if value:
            lines.append(f"- **{label}:** {rich(value)}")
    for referral in o.referrals:
        lines.append(f"- **Referral:** {rich(referral)}")
    return lines


def _finding(f: Finding, page: str, clock: Clock) -> str:
    kind = ADMONITION.get(f.severity, "note")
    body = f"{esc(f.message)}\n\n[About {f.rule}]({rel(page, rule_page(f.rule))})"
    if f.due:
        body = f"Due {when_text(f.due, clock)}. " + body
    return f'!!! {kind} "{f.rule} · line {f.line}, column {f.column}"\n\n{indent(body)}\n'


def render_interview(entry: Entry, clock: Clock, redacted: bool, status_page: str) -> str:
    """The Markdown page of one record."""
    page = entry.page
    findings = entry.findings
    lines = [front_matter(entry.plain_title()) + f"# {entry.title()}", ""]
    back = f"[Back to the status page]({rel(page, status_page)}) · record {esc(entry.file_name)}"
    iv = entry.interview
    if iv is None:
        lines += [
            back,
            "",
            "This record could not be loaded; fix the findings below and it will be checked.",
            "",
            "## Findings",
            "",
        ]
        lines += [_finding(f, page, clock) for f in findings]
        return "\n".join(lines).rstrip() + "\n"

    st = stage(iv, clock)
    when = moment_text(iv.when, clock) if iv.when else "no date"
    lines += [f"{stage_badge(st)} · {when} · {back}", ""]
    lines += ["## People", "", *_people(iv, redacted), ""]

    lines += ["## Playbook", "", "| Step | State | Checks |", "|---|---|---|"]
    for step, state in step_statuses(iv, clock, findings):
        ids = [r.id for r in RULES.values() if r.step == step]
        checks = ", ".join(f"[{i}]({rel(page, rule_page(i))})" for i in ids)
        title = f"[{esc(STEPS[step])}]({rel(page, STEP_PAGES[step])})"
        badge = span(f"{MARK[state]} {state}", f"av-state av-state--{state.replace(' ', '-')}")
        lines.append(f"| {cell(title)} | {cell(badge)} | {cell(checks)} |")
    lines.append("")

    items = sorted(items_for(iv, clock), key=sort_key)
    lines += ["## What's next", ""]
    if not items:
        lines.append("Nothing open.")
    for item in items:
        due = (
            f"{when_text(item.due, clock)} ({relative(item.due, clock)})" if item.due else "no date"
        )
        flag = "**overdue** · " if item.overdue else ""
        lines.append(f"- {flag}{esc(item.detail)} — {due}")
    lines.append("")

    lines += ["## Findings", ""]
    if findings:
        lines += [_finding(f, page, clock) for f in findings]
    else:
        lines += ["No findings: every step due so far is done.", ""]

    lines += ["## Timeline", "", "| When | What |", "|---|---|"]
    for _at, when_s, text in _timeline(iv, clock):
        lines.append(f"| {cell(when_s)} | {cell(text)} |")
    lines.append("")

    lines += ["## End of the interview", "", *_closing(iv), ""]
    if iv.reflection.went_well or iv.reflection.to_improve:
        lines += ["## Reflection", ""]
        lines += [f"- **Went well:** {rich(x)}" for x in iv.reflection.went_well]
        lines += [f"- **To work on:** {rich(x)}" for x in iv.reflection.to_improve]
        lines.append("")
    texts = [n for n in iv.thank_you if n.text]
    if texts:
        lines += ["## Thank-you notes", ""]
        for n in texts:
            lines += [f"**To {esc(n.to or '(no name)')}:**", "", esc_block(n.text or ""), ""]
    lines += ["## Outcome", "", *_outcome(iv), ""]
    if iv.notes:
        lines += ["## Notes", "", esc_block(iv.notes), ""]
    return "\n".join(lines).rstrip() + "\n"
