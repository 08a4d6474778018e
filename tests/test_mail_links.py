"""A mail link made from record text has one recipient and no query part: no ``?cc=``,
``&bcc=``, ``&to=`` or ``&body=`` reaches the mail client (issue 20, class 7;
content/security.md). Pages make links in ``pages/markup.py``; drafts in
``drafts/eml.py``."""

from __future__ import annotations

import html
import re
from email.headerregistry import Address

import pytest

from afterview.drafts.eml import address, mailto_url
from afterview.pages.markup import mailto, rich, safe_url

QUERIES = [
    "mailto:dana@acme.example?cc=boss@evil.example",
    "mailto:dana@acme.example?bcc=boss@evil.example",
    "mailto:dana@acme.example?to=boss@evil.example",
    "mailto:dana@acme.example?subject=x&body=click%20here",
    "mailto:dana@acme.example?&cc=boss@evil.example",
    "MAILTO:dana@acme.example?CC=boss@evil.example",
]


def hrefs(md: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', md)


@pytest.mark.parametrize("url", QUERIES)
def test_a_mail_link_keeps_its_address_and_drops_its_query(url: str) -> None:
    assert safe_url(url) is not None  # a whole URL, linked as one unit: to its address alone
    links = hrefs(str(rich(f"Join via {url} today")))
    assert len(links) == 1
    assert html.unescape(links[0]).lower() == "mailto:dana@acme.example"


@pytest.mark.parametrize(
    "url",
    [
        "mailto:dana@acme.example,boss@evil.example",
        "mailto:dana@acme.example;boss@evil.example",
        "mailto:dana%2Cboss%40evil.example@acme.example",  # a comma and an @ encoded
        "mailto:dana%40evil.example@acme.example",
        "mailto:%22a,b%22@acme.example",
    ],
)
def test_a_mail_link_of_more_than_one_address_is_no_link(url: str) -> None:
    assert safe_url(url) is None
    assert hrefs(str(rich(url))) == []


@pytest.mark.parametrize(
    "written",
    [
        "dana@acme.example?cc=boss@evil.example",
        "a%2Cb@acme.example",
        "a%40evil.example@acme.example",
    ],
)
def test_an_email_field_that_is_not_one_address_is_shown_not_linked(written: str) -> None:
    assert hrefs(str(mailto(written))) == []


def test_a_plain_address_is_still_a_link() -> None:
    assert hrefs(str(mailto("dana@acme.example"))) != []


@pytest.mark.parametrize(
    "spec",
    [
        '"a,boss@evil.example"@acme.example',
        '"dana;boss"@acme.example',
        "a%2Cb@acme.example",
        "a%40evil.example@acme.example",
    ],
)
def test_a_draft_s_mail_link_has_one_plain_recipient_or_none(spec: str) -> None:
    to = address("Dana", spec) or Address(display_name="Dana", addr_spec=spec)
    url = mailto_url(to, "Thanks", "Hello")
    target = url[len("mailto:") : url.index("?")]
    assert target == "", url


def test_a_draft_s_mail_link_to_a_plain_address() -> None:
    url = mailto_url(address("Dana", "dana@acme.example"), "Thanks", "Hello")
    assert url.startswith("mailto:dana@acme.example?subject=Thanks&body=")
