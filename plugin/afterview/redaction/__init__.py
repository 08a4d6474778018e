"""Redaction's matching: what in a text is an email, a phone number or the name
of a known person. ``afterview.redact`` applies it to records and outputs.

| module | job |
|---|---|
| ``fold.py`` | a text folded for matching, with a map back to the original |
| ``contacts.py`` | email addresses and phone numbers found by shape |
| ``names.py`` | a known name's words and forms; initials; roles; names in free text |
| ``raw.py`` | the people a record that did not load names, read line by line |
| ``scrubber.py`` | ``Scrubber``: every match replaced in texts, data, model objects, paths |
"""

# A private value as a redacted output shows it (afterview.redact); here, so that pages
# can tell it apart without importing the matching.
WITHHELD = "(private, not published)"
