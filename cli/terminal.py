"""Reports as plain text and as a terminal's table: columns wrapped to the terminal's
width (never inside a word that fits its column), in the terminal's colours, written by
Rich (docs/decisions/0006-terminal-tables.md)."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from functools import lru_cache

from .formats import Report, Section
from .safe_text import line_safe, terminal_safe

# A terminal narrower or wider than this reports a width it does not have.
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 20, 1_000, 80


def is_terminal() -> bool:
    """Whether standard output is a terminal, as Rich decides it (FORCE_TERMINAL too)."""
    forced = os.environ.get("FORCE_TERMINAL")
    if forced is not None:
        return forced not in ("", "0", "false")
    return sys.stdout.isatty()


def to_text(report: Report) -> str:
    """Plain aligned text for a pipe or a file: one line per row, whole, so that grep and
    sort see every row."""
    from rich.cells import cell_len

    # Escape sequences written out (ESC → \x1b), as on the terminal: a pipe often ends
    # in one (less -R, a pager, a log viewer).
    lines = [line_safe(line) for line in report.preamble]
    for section in report.sections:
        if lines:
            lines.append("")
        if section.title:
            lines.append(line_safe(section.title))
        headers = [line_safe(header) for header in section.headers]
        rows = [[line_safe(cell) for cell in row] for row in section.rows]
        widths = [max(cell_len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]
        for row in (headers, *rows):
            lines.extend(_row_lines(row, widths))
        lines.extend(line_safe(line) for line in section.footer)
    return "\n".join(lines) + "\n"


def terminal_text(report: Report) -> str:
    """The report for this terminal, with its width and colours."""
    from rich.console import Console

    console = Console()
    if not MIN_WIDTH <= console.width <= MAX_WIDTH:
        # COLUMNS=0 would print nothing, COLUMNS=10**9 lay out for ever.
        console = Console(width=DEFAULT_WIDTH)
    with console.capture() as capture:
        render_terminal(report, console)
    return capture.get()


def render_terminal(report: Report, console) -> None:
    """The columns of `to_text`, wrapped to the console's width, styled and written by
    Rich. Data is shown literally: Text is never read as Rich markup ("[link=…]", "[/x]"),
    and terminal_safe writes out escape sequences (ESC → \x1b)."""
    from rich.text import Text

    width = console.width
    # The report is one Text, printed at once until a renderable of another kind (a
    # trajectory's bar chart) comes: Rich's cost is per print more than per line.
    parts: list = []

    def flush() -> None:
        if parts:
            console.print(Text("\n").join(parts), soft_wrap=True)
            parts.clear()

    def prose(lines: list[str], style: str = "") -> None:
        # Wrapped here, like the cells, rather than by Rich, which would cut a number
        # inside Chinese text (已到期4 / 0); soft_wrap: Rich then leaves it as it is.
        if lines:
            wrapped = "\n".join(_wrap(terminal_safe(line), width) for line in lines)
            parts.append(Text(wrapped, style=style, no_wrap=True, overflow="ignore"))

    prose(report.preamble)
    for section in report.sections:
        if report.preamble or section is not report.sections[0]:
            parts.append(Text(""))
        if section.title:
            prose([section.title], "table.title")
        parts.append(_terminal_table(_literal(section), width))
        if section.extra is not None:
            flush()
            console.print(section.extra)
        prose(section.footer)
    flush()


def _terminal_table(section: Section, width: int):
    """One Rich Text: the header, a rule, and each row in its style, every cell wrapped
    within its column, rows apart when one takes several lines; or, where the columns
    cannot hold their words, a record per row (`_records`). Rich's Table would lay out
    the same grid at several times the cost (docs/decisions/0006-terminal-tables.md)."""
    from rich.text import Text

    laid = _table_layout(section, width)
    if laid is None:
        return _records(section, width)
    section, widths, rows = laid
    headers = [_wrap(h, w) for h, w in zip(section.headers, widths, strict=True)]
    lines = [(line, "table.header") for line in _row_lines(headers, widths)]
    lines.append(("─" * (sum(widths) + len(_GAP) * (len(widths) - 1)), "dim"))
    # Rows of several lines in one colour would run together: a blank line between rows.
    apart = any("\n" in cell for row in rows for cell in row)
    for position, cells in enumerate(rows):
        style = section.styles[position] if position < len(section.styles) else None
        if apart and position:
            lines.append(("", ""))
        lines.extend((line, style or "") for line in _row_lines(cells, widths))
    text = Text(no_wrap=True, overflow="ignore")
    for number, (line, style) in enumerate(lines):
        text.append(f"\n{line}" if number else line, style=style)
    return text


# A column narrower than this, where its text is wider, reads as a column of fragments
# (two Chinese characters a line); a cell of more lines than this (for each of its own
# lines) is a column squeezed too far. Either way each row is shown as a record.
MIN_COLUMN = 8
MAX_CELL_LINES = 6


def _table_layout(section: Section, width: int):
    """(section, column widths, wrapped rows) for a table that fits `width`: the section
    as it is, else with its `narrow` columns stacked; None when neither lets every
    column hold its longest word, be MIN_COLUMN wide (or as wide as its text), and wrap
    no cell into more than MAX_CELL_LINES lines."""
    candidates = [section, section.stacked()] if section.narrow else [section]
    for candidate in candidates:
        least, most = _column_widths(candidate)
        if sum(least) + len(_GAP) * (len(least) - 1) > width:
            continue
        widths = _fitted(least, most, width)
        if any(w < min(MIN_COLUMN, m) for w, m in zip(widths, most, strict=True)):
            continue
        rows = [[_wrap(c, w) for c, w in zip(row, widths, strict=True)] for row in candidate.rows]
        if all(
            cell.count("\n") + 1 <= MAX_CELL_LINES * (given.count("\n") + 1)
            for wrapped, row in zip(rows, candidate.rows, strict=True)
            for cell, given in zip(wrapped, row, strict=True)
        ):
            return candidate, widths, rows
    return None


def _records(section: Section, width: int):
    """Each row as a block of `field: value` lines (psql's expanded display), the values
    wrapped under each other, empty fields left out, the blocks a blank line apart; a
    value starts on the line below its field where the fields are too long to stand
    beside it."""
    from rich.cells import cell_len
    from rich.text import Text

    labels = [h.replace("\n", " ") + (":" if h.isascii() else "：") for h in section.headers]
    indent = max(cell_len(label) for label in labels) + 1
    beside = indent <= width // 3
    room = width - indent if beside else width - 2
    text = Text(no_wrap=True, overflow="ignore")
    for position, row in enumerate(section.rows):
        style = (section.styles[position] if position < len(section.styles) else None) or ""
        if position:
            text.append("\n\n")
        first = True
        for label, cell in zip(labels, row, strict=True):
            if not cell:
                continue
            values = _wrap(cell, room).split("\n")
            text.append("" if first else "\n")
            first = False
            text.append(label, style=f"{style} bold".strip())
            if beside:
                text.append(" " * (indent - cell_len(label)) + values[0], style=style)
                rest, pad = values[1:], " " * indent
            else:
                rest, pad = values, "  "
            for value in rest:
                text.append(f"\n{pad}{value}", style=style)
    return text


def _row_lines(cells: list[str], widths: list[int]) -> list[str]:
    """A row as lines of text: each cell's lines padded to its column's width, the
    columns joined by a gap, trailing spaces dropped."""
    from rich.cells import cell_len

    split = [cell.split("\n") for cell in cells]
    lines = []
    for number in range(max(len(parts) for parts in split)):
        pieces = [parts[number] if number < len(parts) else "" for parts in split]
        padded = [p + " " * (w - cell_len(p)) for p, w in zip(pieces, widths, strict=True)]
        lines.append(_GAP.join(padded).rstrip())
    return lines


def _literal(section: Section) -> Section:
    """The section with escape sequences written out, before its columns are measured."""
    return replace(
        section,
        headers=[terminal_safe(header) for header in section.headers],
        rows=[[terminal_safe(cell) for cell in row] for row in section.rows],
    )


def _column_widths(section: Section) -> tuple[list[int], list[int]]:
    """Each column's longest word (a run of Chinese may break anywhere, a kebab id after a
    hyphen) and longest line: what a column needs so as to split no word, and to wrap
    nothing."""
    from rich.cells import cell_len

    least, most = [], []
    for position, header in enumerate(section.headers):
        cells = [header, *(row[position] for row in section.rows)]
        pieces = [p for cell in cells for word in cell.split() for p in _pieces(word)]
        least.append(max((cell_len(p) for p in pieces), default=1))
        most.append(max(cell_len(line) for cell in cells for line in cell.split("\n")))
    return least, most


def _fitted(least: list[int], most: list[int], width: int) -> list[int]:
    """Column widths that fit `width` (which holds every column's longest word) and split
    no word: the widest columns give way first, none below its longest word, and a table
    that must wrap fills the width."""
    room = width - len(_GAP) * (len(most) - 1)
    if sum(most) <= room:
        return most
    widths = _capped(least, most, room)
    # What is left of the room goes to the columns that were cut, left to right.
    for position, longest in enumerate(most):
        spare = room - sum(widths)
        widths[position] += max(0, min(spare, longest - widths[position]))
    return widths


def _capped(lower: list[int], upper: list[int], room: int) -> list[int]:
    """Each column's width between its `lower` and `upper`, under the largest common cap
    at which they fit the room: the widest columns give way first. A binary search, since
    a cell of someone else's data may be a million characters long."""

    def total(cap: int) -> int:
        return sum(min(u, max(n, cap)) for n, u in zip(lower, upper, strict=True))

    low, high = 1, max(upper)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if total(middle) <= room else (low, middle - 1)
    return [min(u, max(n, low)) for n, u in zip(lower, upper, strict=True)]


def _wrap(text: str, width: int) -> str:
    """`text` in lines of at most `width` cells, broken at spaces, between Chinese
    characters and after the hyphens of a kebab id, never inside a run of Latin letters
    and digits such as 50% or 2025 unless the run alone is wider than `width`."""
    from rich.cells import cell_len

    lines = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in paragraph.split():
            if line:
                line, used = line + " ", used + 1
            for piece in _pieces(word):
                size = cell_len(piece)
                if line.strip() and used + size > width:
                    lines.append(line.rstrip())
                    line, used = "", 0
                if size > width:  # a word wider than its column: folded
                    *whole, piece = _folded(piece, width)
                    lines.extend(whole)
                    size = cell_len(piece)
                line, used = line + piece, used + size
        lines.append(line.rstrip())
    return "\n".join(lines)


def _folded(word: str, width: int) -> list[str]:
    """`word` in lines of at most `width` cells (one character at least), in one pass."""
    from rich.cells import cell_len

    lines, line, used = [], [], 0
    for character in word:
        size = cell_len(character)
        if line and used + size > width:
            lines.append("".join(line))
            line, used = [], 0
        line.append(character)
        used += size
    return [*lines, "".join(line)]


@lru_cache(maxsize=8192)  # a report repeats its words: laid out as columns, then as records
def _pieces(word: str) -> tuple[str, ...]:
    """The parts of a word that must stay whole: each Chinese character alone (a run of
    Chinese may break anywhere), the runs between them (2000 in 2000个, 50%), and the
    parts of a kebab id with their hyphens (2023- work- points)."""
    if word.isascii():  # the usual case
        return tuple(_hyphenated(word))
    pieces, run = [], ""
    for character in word:
        if any(low <= character <= high for low, high in _BREAK_ANYWHERE):
            pieces.extend((*_hyphenated(run), character) if run else (character,))
            run = ""
        else:
            run += character
    return tuple(_kept_together([*pieces, *_hyphenated(run)] if run else pieces))


def _kept_together(pieces: list[str]) -> list[str]:
    """Chinese line-breaking rules: a closing mark (，。、）》”) stays with the piece
    before it, an opening one (（《“) with the piece after it, so that no line starts
    with the one or ends with the other."""
    kept: list[str] = []
    for piece in pieces:
        if kept and (piece[0] in _NO_LINE_START or kept[-1][-1] in _NO_LINE_END):
            kept[-1] += piece
        else:
            kept.append(piece)
    return kept


def _hyphenated(run: str) -> list[str]:
    """`run` broken after each hyphen between two other characters: 2023-work-points,
    not -5, 5- or a--b."""
    if "-" not in run[1:-1]:
        return [run]
    parts = run.split("-")
    if not all(parts):  # a leading, trailing or doubled hyphen: kept whole
        return [run]
    return [part + "-" for part in parts[:-1]] + [parts[-1]]


# Marks no line may start with, and marks no line may end with (the rules of Chinese
# typesetting, after W3C's Requirements for Chinese Text Layout).
_NO_LINE_START = frozenset("，。、；：！？）》」』】〕〉”’％…—·,.;:!?)]}%")
_NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# Between columns, in a pipe and on a terminal.
_GAP = "  "
# CJK characters, CJK punctuation and full-width forms: a line may break before or after any
# of them. Compared as strings rather than with a regular expression, whose character class
# over these ranges took milliseconds to compile on every run.
_BREAK_ANYWHERE = (("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\uff00", "\uffef"))
