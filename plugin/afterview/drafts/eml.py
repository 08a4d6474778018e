"""A draft as an email: an RFC 5322 message file, or a ``mailto:`` URL.

Messages are built with Python's ``email`` package: addresses go through
``email.headerregistry.Address``, so a name holding a comma, a quote or a
line break stays one display name and can add neither a header nor a
recipient; an address that is not exactly one ``user@domain`` is left out
(the caller says so). Header text cannot change once a mail client reads it:
``=?`` (the start of an RFC 2047 encoded word, which clients decode) gets an
invisible word joiner, so ``=?utf-8?b?...?=`` in a record shows as those
characters, not as the text it encodes; and a display name that holds ``@``,
``<`` or ``>`` (in any width) is left out, so a name cannot pass for another
address (``"ceo@company.example" <evil@x.example>``): the address shows alone.
The body is UTF-8 ``text/plain``. ``X-Unsent: 1``
makes Outlook and Apple Mail open the file as a draft to edit and send
(Thunderbird opens it as a message; "Edit as New Message" sends it).
"""

from __future__ import annotations

import re
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote

from afterview.plaintext import one_line

WORD_JOINER = "\u2060"


def header_text(value: object) -> str:
    """One line for a header, with every ``=?`` broken so no client decodes it as RFC 2047."""
    return one_line(value).replace("=?", "=" + WORD_JOINER + "?")


def shown_name(name: str | None) -> str:
    """The name as a header's display name; empty when it could pass for an address."""
    text = header_text(name or "")
    folded = unicodedata.normalize("NFKC", text)
    return "" if any(c in folded for c in "@<>") else text


def address(display_name: str | None, email: str | None) -> Address | None:
    """One address, or None when email is not exactly one plain ``user@domain``."""
    if not email:
        return None
    text = email.strip()
    try:
        parsed = Address(addr_spec=text)
    except Exception:  # the parser raises several kinds of error for bad input
        return None
    if not parsed.username or not parsed.domain or parsed.addr_spec != text:
        return None
    if any(c in parsed.domain for c in ' ,;<>"\\[]'):
        return None
    return Address(display_name=shown_name(display_name), addr_spec=parsed.addr_spec)


def message(
    subject: str | None,
    body: str,
    to: Address | None,
    sender: Address | None,
) -> EmailMessage:
    """The draft as a message: From and To when known, Subject, X-Unsent, UTF-8 text body."""
    msg = EmailMessage(policy=SMTP)
    if sender is not None:
        msg["From"] = sender
    if to is not None:
        msg["To"] = to
    msg["Subject"] = header_text(subject or "")
    msg["X-Unsent"] = "1"
    msg.set_content(body, charset="utf-8")
    return msg


def eml_bytes(msg: EmailMessage) -> bytes:
    """The message as an .eml file (CRLF line ends, as RFC 5322 writes them)."""
    return msg.as_bytes(policy=SMTP)


# What a mail client may read as a second address in a mailto recipient: a comma or
# semicolon (quoted in a local part, or percent-encoded), a second "@", a quote.
_SEVERAL = re.compile(r'[,;"]|%2c|%3b|%40|%22|@.*@', re.IGNORECASE)


def mailto_url(to: Address | None, subject: str | None, body: str) -> str:
    """A ``mailto:`` URL with subject and body filled in (RFC 6068, percent-encoded);
    its recipient only when it can be read as one address only (else the client asks)."""
    one = to is not None and not _SEVERAL.search(to.addr_spec)
    target = quote(to.addr_spec, safe="@") if to is not None and one else ""
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(header_text(subject or ''), safe='')}&body={quote(crlf, safe='')}"
    return f"mailto:{target}?{query}"
