"""Text a spreadsheet would read as a formula (OWASP's advice on CSV injection): one
definition for every CSV the tool writes, the data package's (package.py) and the
command line's (cli/formats.py), and for its xlsx cells."""

from __future__ import annotations

import re

# A cell that starts with one of these is a formula (or becomes one when edited) in Excel,
# LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number written as text stays as it is: a spreadsheet reads it as a number,
# which is what it is, and no formula can hide in it.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?%?")


def formula_like(text: str) -> bool:
    """True when a spreadsheet would read `text` as a formula."""
    return text.startswith(FORMULA_START) and _NUMBER.fullmatch(text) is None


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that no spreadsheet reads as a formula: text that would be one gets a
    leading apostrophe, as OWASP advises; numbers and other text are unchanged."""
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return value
