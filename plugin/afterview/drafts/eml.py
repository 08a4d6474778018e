"""A draft as an email: an RFC 5322 message file, or a ``mailto:`` URL.

Messages are built with Python's ``email`` package: addresses go through
``email.headerregistry.Address``, so a name holding a comma, a quote or a
line break stays one display name and can add neither a header nor a
recipient; an address that is not exactly one ``user@domain`` is left out
(the caller says so). The body is UTF-8 ``text/plain``. ``X-Unsent: 1``
makes Outlook and Apple Mail open the file as a draft to edit and send
(Thunderbird opens it as a message; "Edit as New Message" sends it).
"""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote

from afterview.plaintext import one_line


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
    return Address(display_name=one_line(display_name or ""), addr_spec=parsed.addr_spec)


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
    msg["Subject"] = one_line(subject or "")
    msg["X-Unsent"] = "1"
    msg.set_content(body, charset="utf-8")
    return msg


def eml_bytes(msg: EmailMessage) -> bytes:
    """The message as an .eml file (CRLF line ends, as RFC 5322 writes them)."""
    return msg.as_bytes(policy=SMTP)


def mailto_url(to: Address | None, subject: str | None, body: str) -> str:
    """A ``mailto:`` URL with subject and body filled in (RFC 6068, percent-encoded)."""
    target = quote(to.addr_spec, safe="@") if to is not None else ""
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(one_line(subject or ''), safe='')}&body={quote(crlf, safe='')}"
    return f"mailto:{target}?{query}"
