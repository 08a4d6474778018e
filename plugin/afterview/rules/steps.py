"""The playbook's steps, in order: what each asks, and the guidance page that explains it.

Every rule names one step (``rules.base.rule``); the interview page's
checklist and the checks pages list the steps from here.
"""

from __future__ import annotations

STEPS = {
    "record": "Record each interviewer's name and title, spelled right",
    "contact": "Before it ends: ask when, how and from whom you will hear",
    "interim": "Before it ends: ask what you can do in the meantime, then do it",
    "thank-staff": "Thank the interviewer, and the staff on your way out",
    "thank-you": "Thank-you note within 24 hours",
    "reflect": "Reflect on what went well and what to work on",
    "follow-up": "After a week: phone, ask about the decision, offer more",
    "rejected": "Position filled: ask why, ask about other openings",
    "offer": "Offer: thank again, settle pay, schedule, benefits; ask for time if needed",
    "record-file": "Keep the record readable and valid",
}
STEP_PAGES = {
    "record": "guide/before-you-leave.md",
    "contact": "guide/before-you-leave.md",
    "interim": "guide/before-you-leave.md",
    "thank-staff": "guide/before-you-leave.md",
    "thank-you": "guide/thank-you-note.md",
    "reflect": "guide/taking-stock.md",
    "follow-up": "guide/follow-up.md",
    "rejected": "guide/position-filled.md",
    "offer": "guide/offer.md",
    "record-file": "index.md",
}
