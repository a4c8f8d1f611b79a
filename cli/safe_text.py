"""Data shown literally: on the terminal, in spreadsheets, in Markdown.

Every string of a dataset may come from someone else's files. These functions make sure
that no output format interprets it: no escape sequence reaches a terminal (a title
could set the window title, a name could clear the screen or plant a hyperlink), no
Markdown cell becomes HTML. No cell becomes a spreadsheet formula: comparisons/formulas.py,
which the data package's CSV shares.
"""

from __future__ import annotations

import re

# C0 controls but the line break, DEL, C1 controls, and the Unicode marks that reorder or
# break lines (bidirectional overrides and isolates, line and paragraph separators).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control character written out as an escape (ESC → `\\x1b`), so
    that printing it can do nothing but show it. Pair with Rich `Text` (or
    `markup=False`) so that `[link=…]` is not markup either."""
    if _UNSAFE.search(text) is None:  # the usual case, in C
        return text
    return _UNSAFE.sub(_escaped, text)


def line_safe(text: str) -> str:
    """`terminal_safe`, and a line break shown as `\\n` too: for one-line messages."""
    return terminal_safe(text).replace("\n", "\\n")


# Escaped only what Markdown would read as markup: a backslash (doubled, so that it
# escapes nothing it stands before), `&` (an entity, &gt;), `<` (HTML, an autolink), `[`
# and `]` (a link, a reference, an image: `![](https://…)`, a tracking pixel, is no image
# without its brackets). A `>` is markup only at the start of a line (a quote): escaped
# there alone, so that `>50%` shows as it is written; parentheses and `!` make nothing
# without brackets, and stay as written too.
_MARKDOWN = str.maketrans({"\\": "\\\\", "&": "&amp;", "<": "&lt;", "[": "\\[", "]": "\\]"})


def markdown_safe(text: str, starts_line: bool = False) -> str:
    """Markdown text: no HTML (`<script>`, `<a href=…>`), no entity, no autolink, no link
    and no image; a backslash shows as itself. `starts_line`: text at the start of a line
    (a footer, not a table cell), where a `>` would begin a quote. Everything else as
    written."""
    text = text.translate(_MARKDOWN)
    if starts_line and text.lstrip().startswith(">"):
        text = text.replace(">", "\\>", 1)
    return text
