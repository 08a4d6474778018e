"""One page per record: people, the playbook checklist, a timeline and the findings."""

from __future__ import annotations

from datetime import datetime

from afterview import wording
from afterview.agenda import items_for, sort_key
from afterview.clock import Clock
from afterview.deadlines import deadlines
from afterview.findings import SEVERITY_ORDER, Finding
from afterview.model import Interview
from afterview.moments import Moment
from afterview.offers import amount_text
from afterview.pages.cards import card_table, table_html
from afterview.pages.checks import rule_page
from afterview.pages.common import (
    ADMONITION,
    Entry,
    moment_text,
    relative,
    stage_badge,
    when_text,
)
from afterview.pages.drafts import follow_up_drafts, thank_you_drafts
from afterview.pages.markup import (
    Md,
    admonition,
    bullets,
    esc,
    front_matter,
    mailto,
    md,
    page,
    page_link,
    paragraphs,
    rich,
    set_aside,
    span,
    tel,
)
from afterview.pages.timeline import interview_timeline
from afterview.progress import is_upcoming, reflected, stage, thank_you_outstanding
from afterview.rules import RULES
from afterview.rules.steps import STEP_PAGES, STEPS

DONE, MISSING, NOT_YET, NA = "done", "missing", "not yet due", "not applicable"
ATTENTION, CONSIDER = "needs attention", "to consider"
MARK = {DONE: "✓", MISSING: "✗", ATTENTION: "!", CONSIDER: "ℹ", NOT_YET: "…", NA: "–"}
# The state of a step whose rules report findings, by the most severe of them.
BY_SEVERITY = {"error": MISSING, "warning": ATTENTION, "info": CONSIDER}


def step_statuses(iv: Interview, clock: Clock, findings: list[Finding]) -> list[tuple[str, str]]:
    """Each playbook step's state: a finding's, else done / not yet due / not applicable.

    A step one of whose rules reports a finding takes its state from the most
    severe: an error *missing*, a warning *needs attention*, an info only *to
    consider*; so the checklist and ``afterview check`` agree. Otherwise the
    stage decides.
    """
    reported: dict[str, str] = {}
    for f in sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity], reverse=True):
        if f.rule in RULES:
            reported[RULES[f.rule].step] = BY_SEVERITY[f.severity]  # the most severe wins
    dl = deadlines(iv, clock)
    upcoming = is_upcoming(iv, clock, dl)
    status = iv.outcome.status
    out = []
    for step in STEPS:
        if step in reported:
            state = reported[step]
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
        elif upcoming or dl is None:  # no deadlines: is_upcoming is true
            state = NOT_YET
        elif step == "thank-you" and thank_you_outstanding(iv) and clock.now <= dl.thank_you:
            state = NOT_YET
        elif step == "reflect" and not reflected(iv) and clock.now <= dl.reflection:
            state = NOT_YET
        elif step == "follow-up" and not iv.follow_ups and clock.now <= dl.follow_up:
            state = NOT_YET
        else:
            state = DONE
        out.append((step, state))
    return out


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "no")


def _timeline(iv: Interview, clock: Clock) -> list[tuple[datetime, str, Md]]:
    events: list[tuple[Moment | None, Md]] = []
    if iv.when:
        extra = md(", ").join(
            x
            for x in (
                esc(iv.format) if iv.format else "",
                rich(iv.location) if iv.location else "",
                md("join at {}", rich(iv.meeting_url)) if iv.meeting_url else "",
                md("round {}", iv.round) if iv.round else "",
            )
            if x
        )
        events.append((iv.when, md("Interview ({})", extra) if extra else md("Interview")))
    for step in iv.closing.next_steps:
        if step.done_at:
            events.append((step.done_at, md("Done: {}", step.action or "a next step")))
    for note in iv.thank_you:
        via = md(" ({})", note.channel) if note.channel else md("")
        events.append((note.sent, md("Thank-you note to {}{}", note.to or "(no name)", via)))
    if iv.reflection.written:
        events.append((iv.reflection.written, md("Reflection written")))
    for f in iv.follow_ups:
        bits = [md("Follow-up by {}", "you" if f.by == "me" else "them")]
        if f.channel:
            bits[0] += md(" ({})", f.channel)
        if f.answered is False:
            bits.append(md("nobody answered"))
        if f.spoke_with:
            bits.append(md("spoke with {}", f.spoke_with))
        if f.decision_made is not None:
            bits.append(md("decision made: {}", _yes_no(f.decision_made)))
        if f.still_considered is not None:
            bits.append(md("still considered: {}", _yes_no(f.still_considered)))
        if f.notes:
            bits.append(rich(f.notes))
        events.append((f.date, md("; ").join(bits)))
    if iv.outcome.present and iv.outcome.date:
        events.append((iv.outcome.date, md("Outcome: {}", iv.outcome.status)))
    rows = [(m.start, moment_text(m, clock), text) for m, text in events if m is not None]
    if iv.closing.expected_contact:
        day = iv.closing.expected_contact
        rows.append(
            (clock.day_end(day), wording.moment(day), md("They said you would hear by then"))
        )
    rows.sort(key=lambda r: r[0].timestamp())
    return rows


def _found(body: Md) -> Md:
    """A section's body the site search indexes, as one finished block (pages.stash)."""
    return set_aside(body, searchable=True)


def _people(iv: Interview, redacted: bool) -> list[Md]:
    if not iv.interviewers:
        return [_found(md("<p>No interviewer recorded.</p>"))]
    head = ["Name", "Title"] + ([] if redacted else ["Email", "Phone"]) + ["Spelling"]
    rows = []
    for p in iv.interviewers:
        checked = "card" if p.business_card else ("confirmed" if p.spelling_confirmed else "—")
        row = [esc(p.name or "(no name)"), esc(p.title or "—")]
        if not redacted:
            row += [mailto(p.email) if p.email else esc("—"), tel(p.phone) if p.phone else esc("—")]
        row.append(esc(checked))
        rows.append(row)
    return card_table(head, rows, unindexed=("Spelling",), searchable=True)


def _closing(iv: Interview, redacted: bool) -> list[Md]:
    c = iv.closing
    if not c.present:
        return [_found(md("<p>Nothing recorded about the end of the interview.</p>"))]
    expected = wording.moment(c.expected_contact) if c.expected_contact else "—"
    items = [
        _item("Expected contact", expected),
        _item("How", c.contact_method or "—"),
        _item("From", c.contact_person or "—"),
    ]
    if not redacted:  # like the interviewers' email and phone (content/security.md)
        if c.contact_email:
            items.append(_item("Their email", mailto(c.contact_email)))
        if c.contact_phone:
            items.append(_item("Their phone", tel(c.contact_phone)))
    items += [
        _item("Asked what you can do meanwhile", _yes_no(c.asked_next_steps)),
        _item("Thanked the staff", _yes_no(c.thanked_staff)),
    ]
    for step in c.next_steps:
        due = md(", due {}", wording.moment(step.due)) if step.due else md("")
        done = "done" if step.done else "open"
        items.append(_item("Next step", md("{}{} — {}", step.action or "(no action)", due, done)))
    return [_found(bullets(items))]


def _item(label: str, value: object) -> Md:
    """A list item led by its label in bold, as ``- **Label:** value`` renders."""
    return md("<strong>{}:</strong> {}", label, value)


def _outcome(iv: Interview) -> list[Md]:
    o = iv.outcome
    if not o.present:
        return [_found(md("<p>No outcome yet.</p>"))]
    items = [_item("Status", o.status)]
    for label, value in (
        ("Pay", o.pay),
        ("Schedule", o.schedule),
        ("Benefits", o.benefits),
        ("Pay as a number", amount_text(o.pay_amount) if o.pay_amount else None),
        ("Start date", wording.day(o.start_date) if o.start_date else None),
        ("Decision", o.decision),
        ("Answer due", wording.moment(o.decision_due) if o.decision_due else None),
        ("Answered", wording.moment(o.decision_date) if o.decision_date else None),
        ("Thanked again", _yes_no(o.thanked) if o.status == "offer" else None),
        ("Asked why", _yes_no(o.asked_why) if o.status == "rejected" else None),
        (
            "Asked about other openings",
            _yes_no(o.asked_referrals) if o.status == "rejected" else None,
        ),
        ("Feedback", o.feedback),
    ):
        if value:
            items.append(_item(label, rich(value)))
    items += [_item("Referral", rich(referral)) for referral in o.referrals]
    return [_found(bullets(items))]


def _finding(f: Finding, here: str, clock: Clock) -> Md:
    kind = ADMONITION.get(f.severity, "note")
    due = md("Due {}. ", when_text(f.due, clock)) if f.due else md("")
    about = page_link(md("About {}", f.rule), here, rule_page(f.rule))
    title = md("{} · line {}, column {}", f.rule, f.line, f.column)
    return admonition(kind, title, md("<p>{}{}</p>\n<p>{}</p>", due, f.message, about))


def _findings(findings: list[Finding], here: str, clock: Clock) -> Md:
    """The findings section's body, one finished block (left out of the search index)."""
    if not findings:
        return set_aside(md("<p>No findings: every step due so far is done.</p>"))
    return set_aside(md("\n").join(_finding(f, here, clock) for f in findings))


def _whats_next(iv: Interview, clock: Clock) -> Md:
    """What is still to do, soonest first, as one finished block."""
    items = sorted(items_for(iv, clock), key=sort_key)
    if not items:
        return set_aside(md("<p>Nothing open.</p>"))
    lines = []
    for item in items:
        due = (
            md("{} ({})", when_text(item.due, clock), relative(item.due, clock))
            if item.due
            else md("no date")
        )
        flag = md("<strong>overdue</strong> · ") if item.overdue else md("")
        lines.append(md("{}{} — {}", flag, item.detail, due))
    return set_aside(bullets(lines))


def render_interview(entry: Entry, clock: Clock, redacted: bool, status_page: str) -> str:
    """The Markdown page of one record (assembled from markup's ``Md`` fragments)."""
    here = entry.page
    findings = entry.findings
    lines = [front_matter(entry.plain_title()) + md("# {}", entry.title()), md("")]
    back = md(  # on every page: left out of the search index (usage.md)
        "<span data-search-exclude>{} · record {}</span>",
        page_link("Back to the status page", here, status_page),
        entry.file_name,
    )
    iv = entry.interview
    if iv is None:
        lines += [
            back,
            md(""),
            md("This record could not be loaded; fix the findings below and it will be checked."),
            md(""),
            md("## Findings {{ data-search-exclude }}"),
            md(""),
            _findings(findings, here, clock),
        ]
        return page(lines).rstrip() + "\n"

    st = stage(iv, clock)
    when = moment_text(iv.when, clock) if iv.when else "no date"
    lines += [_found(md("<p>{} · {} · {}</p>", stage_badge(st), when, back)), md("")]
    # A section that only says nothing is recorded is left out of the search index.
    people = md("## People") if iv.interviewers else md("## People {{ data-search-exclude }}")
    lines += [people, md(""), *_people(iv, redacted), md("")]
    lines += thank_you_drafts(iv, clock, redacted)
    lines += follow_up_drafts(iv, clock, redacted)

    lines += [md("## Playbook {{ data-search-exclude }}"), md("")]
    steps = []
    for step, state in step_statuses(iv, clock, findings):
        ids = [r.id for r in RULES.values() if r.step == step]
        checks = md(", ").join(page_link(span(i, "av-rule"), here, rule_page(i)) for i in ids)
        title = page_link(STEPS[step], here, STEP_PAGES[step])
        badge = span(
            md("{} {}", MARK[state], state), f"av-state av-state--{state.replace(' ', '-')}"
        )
        steps.append((title, badge, checks))
    lines += card_table(("Step", "State", "Checks"), steps)
    lines.append(md(""))

    # Every section's body is a finished block (pages.stash); _found marks those the
    # search indexes, the others are left out of it, as their headings say.
    lines += [md("## What's next {{ data-search-exclude }}"), md(""), _whats_next(iv, clock)]
    lines += [md(""), md("## Findings {{ data-search-exclude }}"), md("")]
    lines += [_findings(findings, here, clock), md("")]

    lines += [md("## Timeline {{ data-search-exclude }}"), md("")]
    events = [(when_s, text) for _at, when_s, text in _timeline(iv, clock)]
    drawn = interview_timeline(entry, clock)
    table = table_html(("When", "What"), events)
    lines += [set_aside(md("{}\n{}", drawn, table) if drawn else table), md("")]

    closing = (
        md("## End of the interview")
        if iv.closing.present
        else md("## End of the interview {{ data-search-exclude }}")
    )
    lines += [closing, md(""), *_closing(iv, redacted), md("")]
    if iv.reflection.went_well or iv.reflection.to_improve:
        went = [_item("Went well", rich(x)) for x in iv.reflection.went_well]
        work = [_item("To work on", rich(x)) for x in iv.reflection.to_improve]
        lines += [md("## Reflection"), md(""), _found(bullets(went + work)), md("")]
    texts = [n for n in iv.thank_you if n.text]
    if texts:
        notes = md("\n").join(
            md("<p><strong>To {}:</strong></p>\n{}", n.to or "(no name)", paragraphs(n.text))
            for n in texts
        )
        lines += [md("## Thank-you notes"), md(""), _found(notes), md("")]
    outcome = md("## Outcome") if iv.outcome.present else md("## Outcome {{ data-search-exclude }}")
    lines += [outcome, md(""), *_outcome(iv), md("")]
    if iv.notes:
        lines += [md("## Notes"), md(""), _found(paragraphs(iv.notes)), md("")]
    return page(lines).rstrip() + "\n"
