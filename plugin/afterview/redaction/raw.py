"""The people a record names, read line by line from its raw text: for a record that
does not load (a YAML syntax error, a duplicate key, a schema error, bytes that are
not UTF-8), so that redaction still knows them and fails closed.

A person field (``name``, ``to``, ``contact_person``, ``spoke_with``) gives its value
as a name, in block (``name: Dana``) or flow style (``{name: Dana, title: CTO}``),
quoted or not, a comment cut off; a contact field (``email``, ``phone``,
``contact_email``, ``contact_phone``) its value as a contact; ``referrals`` the names
of its items, as a loaded record's do (``names_in_free_text``). Reading more than is
there only withholds more.
"""

from __future__ import annotations

import re

from afterview.redaction.names import names_in_free_text

PERSON_FIELDS = ("name", "to", "contact_person", "spoke_with")
CONTACT_FIELDS = ("email", "phone", "contact_email", "contact_phone")
_KEYS = "|".join((*PERSON_FIELDS, *CONTACT_FIELDS, "referrals"))
_FIELD = re.compile(rf"(?:^|(?<=[\s{{,\[-]))[\"']?(?P<key>{_KEYS})[\"']?\s*:(?=\s|$)")
_ITEM = re.compile(r"^\s*-\s+(?P<text>.*)$")
_BLOCK = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?")


def _value(rest: str, flow: bool) -> str:
    """The scalar at the start of rest: quoted, or plain up to a comment (and, in a flow
    collection, up to the next ``,``, ``}`` or ``]``)."""
    rest = rest.strip()
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        return rest[1:end] if end > 0 else rest[1:]
    text = re.split(r"\s#", rest, maxsplit=1)[0]
    if flow:
        text = re.split(r"[,}\]]", text, maxsplit=1)[0]
    return "" if _BLOCK.fullmatch(text) else text.strip()


def _items(rest: str) -> list[str]:
    """The items of a flow list written on one line: ``[a, "b, c"]``."""
    rest = rest.strip()
    if not rest.startswith("["):
        return [_value(rest, False)] if rest else []
    return [v.strip().strip("'\"") for v in rest[1:].split("]")[0].split(",")]


def people_in_raw(text: str) -> tuple[list[str], list[str]]:
    """(names, contacts) written in a record's person, contact and referral fields."""
    names: list[str] = []
    contacts: list[str] = []
    referrals: list[str] = []
    in_referrals = False
    for line in text.splitlines():
        item = _ITEM.match(line)
        if in_referrals and item and not _FIELD.search(line):
            referrals.append(_value(item.group("text"), False))
            continue
        in_referrals = False
        for m in _FIELD.finditer(line):
            key, rest = m.group("key"), line[m.end() :]
            flow = "{" in line[: m.start()] or "[" in line[: m.start()]
            if key == "referrals":
                found = _items(rest)
                referrals += found
                in_referrals = not found
            elif key in PERSON_FIELDS:
                names.append(_value(rest, flow))
            else:
                contacts.append(_value(rest, flow))
    for referral in referrals:
        names += names_in_free_text(referral)
    return [n for n in names if n], [c for c in contacts if c]
