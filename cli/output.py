"""The one implementation of --format and --output that every listing command uses.

A command builds a `Report`: sections of display rows (for the terminal, Markdown and
xlsx) and plain records (for CSV and JSON). `emit` renders it; a file is written to a
temporary name and renamed, so a failed write never leaves half a file behind.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer

from policy_targets.comparisons.errors import UsageError

from .safe_text import formula_like, line_safe, markdown_safe, spreadsheet_safe, terminal_safe


class Format(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    html = "html"


class ExportFormat(StrEnum):
    """`policy export` also publishes the whole dataset as a package or a database."""

    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    html = "html"
    datapackage = "datapackage"
    sqlite = "sqlite"


# What an --output file's extension means when --format is not given.
EXTENSIONS = {
    ".txt": "table",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}

# No default value: a --format left out is told apart from one typed (`format_for`).
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), markdown, csv, json, xlsx or html (one self-contained page); "
        "default: from the --output file's extension, else table.",
        case_sensitive=False,
    ),
]
ExportFormatOption = Annotated[
    ExportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="json, csv, markdown, xlsx, html, table, datapackage (a directory) or sqlite (a "
        ".db file); default: from the --output file's extension, else json.",
        case_sensitive=False,
    ),
]


def _names_a_directory(value: str) -> bool:
    """A trailing slash, `.` or `..`: a directory, which a Path would silently drop
    (`-o newdir/` and `-o newdir/.` would write a file `newdir`)."""
    last = value.rstrip("/" + os.sep).rpartition("/")[2].rpartition(os.sep)[2]
    return value.endswith(("/", os.sep)) or last in (".", "..") or value in (".", "..")


def output_path(value: str) -> Path:
    """An --output (or --plot) argument: a file name, not a directory's."""
    if _names_a_directory(value):
        raise typer.BadParameter(f"{line_safe(value)} names a directory; give a file name")
    return Path(value)


class DirectoryName(type(Path())):  # type: ignore[misc]
    """A path given with a trailing slash: a directory, never the name of a file."""


def export_output_path(value: str) -> Path:
    """`export --output`: a file, or a directory for a data package. A trailing slash
    is kept as DirectoryName, so that no file is written under a directory's name."""
    return DirectoryName(value) if _names_a_directory(value) else Path(value)


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the terminal.",
        parser=output_path,
        metavar="FILE",
    ),
]
ExportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (for datapackage: this directory) instead of the terminal.",
        parser=export_output_path,
        metavar="PATH",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
]


@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]
    footer: list[str] = field(default_factory=list)
    styles: list[str | None] = field(default_factory=list)  # Rich style per row, optional
    extra: Any = None  # a Rich renderable shown below the table in the terminal
    # On a terminal too narrow for every column's longest word: columns stacked into one,
    # as (header, [headers of the columns it stacks]), so that no word is split.
    narrow: list[tuple[str, list[str]]] = field(default_factory=list)
    # The section's sheet in a spreadsheet, at most 31 characters (Excel's limit); by
    # default its title up to a colon (Changes, Only binzhou), in whole words.
    sheet: str = ""

    def stacked(self) -> Section:
        """The section with the `narrow` groups of columns stacked, one line each."""
        groups = {head: group for head, group in self.narrow}
        inside = {header for group in groups.values() for header in group}
        layout: list[tuple[str, list[int]]] = []
        for position, header in enumerate(self.headers):
            for head, group in groups.items():
                if header == next((h for h in group if h in self.headers), None):
                    layout.append(
                        (head, [self.headers.index(h) for h in group if h in self.headers])
                    )
            if header not in inside:
                layout.append((header, [position]))
        rows = [
            ["\n".join(row[i] for i in columns if row[i]) for _, columns in layout]
            for row in self.rows
        ]
        return replace(self, headers=[head for head, _ in layout], rows=rows, narrow=[])

    def without_empty_columns(self) -> Section:
        """The section without the columns that no row fills (a section of `new` rows
        has no change to show)."""
        if not self.rows:
            return self
        keep = [i for i in range(len(self.headers)) if any(row[i] for row in self.rows)]
        if len(keep) == len(self.headers):
            return self
        return replace(
            self,
            headers=[self.headers[i] for i in keep],
            rows=[[row[i] for i in keep] for row in self.rows],
        )


@dataclass
class Report:
    sections: list[Section]
    records: list[dict[str, Any]]  # one flat dict per row, for CSV and JSON
    json: Any = None  # what --format json writes, when not `records`
    preamble: list[str] = field(default_factory=list)  # lines shown before the sections
    # What --format html renders (cli/html.py): the page's context, built only when asked
    # for; without it, the page shows the preamble and the sections.
    page: Callable[[], dict[str, Any]] | None = None
    lang: str | None = None  # the language of the report's words, for the page's lang attribute


def _markdown_cell(text: str, starts_line: bool = False) -> str:
    text = markdown_safe(terminal_safe(str(text)), starts_line)  # backslashes escaped there
    return text.replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: Report) -> str:
    lines = [_markdown_cell(line, starts_line=True) + "  " for line in report.preamble]
    parts = ["\n".join(lines).rstrip()]
    parts = parts if report.preamble else []
    for section in report.sections:
        title = markdown_safe(line_safe(section.title))  # after "## ": no quote
        lines = [f"## {title}", ""] if section.title else []
        lines.append("| " + " | ".join(_markdown_cell(h) for h in section.headers) + " |")
        lines.append("|" + "|".join("---" for _ in section.headers) + "|")
        for row in section.rows:
            lines.append("| " + " | ".join(_markdown_cell(c) for c in row) + " |")
        if section.footer:
            lines.append("")
            # A hard break ends each line, so that the notes stay one to a line.
            footer = [
                markdown_safe(line_safe(line), starts_line=True) + "  " for line in section.footer
            ]
            lines.append("\n".join(footer).rstrip())
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def plain(value: Any) -> Any:
    """Whole floats as integers (2000.0 → 2000), recursively, for CSV and JSON."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        # Most values are strings: only numbers and containers need a look (100k records
        # hold millions of values).
        return {k: plain(v) if isinstance(v, _NUMERIC_OR_NESTED) else v for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


_NUMERIC_OR_NESTED = (float, dict, list)


def to_csv(report: Report) -> str:
    """The records as CSV, each value as the data package writes it (true and false,
    lists and objects as JSON), no text a spreadsheet would read as a formula."""
    import csv

    from policy_targets.comparisons.package import csv_cell

    buffer = io.StringIO()
    fields = list(dict.fromkeys(k for record in report.records for k in record))
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for record in report.records:
        writer.writerow({k: spreadsheet_safe(csv_cell(plain(v))) for k, v in record.items()})
    return buffer.getvalue()


def to_json(report: Report) -> Iterator[str]:
    """JSON in pieces. A list of records is written one record per line: readable,
    diffable, and fast, because `indent` would force Python's pure-Python encoder on
    every value; and record by record, so that an export of 100k targets never holds
    them all as dicts and as text at once."""
    import json

    data = report.records if report.json is None else report.json
    if isinstance(data, dict):
        yield json.dumps(plain(data), ensure_ascii=False, indent=2) + "\n"
        return
    opening = "[\n"
    for item in data:
        yield opening + json.dumps(plain(item), ensure_ascii=False)
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


def to_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    if report.preamble:
        sheet = workbook.create_sheet(_sheet_name("Summary", used))
        for line in report.preamble:
            sheet.append([_xlsx_text(line)])
            _store_as_value(sheet.cell(sheet.max_row, 1))
    for section in report.sections:
        name = _sheet_name(_xlsx_text(section.sheet or _headline(section.title)) or "Sheet", used)
        sheet = workbook.create_sheet(name)
        sheet.append([_xlsx_text(header) for header in section.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append([_xlsx_text(value) for value in row])
            for cell in sheet[sheet.max_row]:
                _store_as_value(cell)
        sheet.freeze_panes = "A2"
    if report.records:
        _data_sheet(workbook, report.records, used)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_text(value: Any) -> Any:
    """xlsx cannot store control characters (openpyxl refuses them): shown escaped."""
    return terminal_safe(value) if isinstance(value, str) else value


def _store_as_value(cell) -> None:
    """openpyxl stores any string that starts with "=" as a formula: data never is one.
    Text a spreadsheet would read as a formula is stored as text with Excel's quote
    prefix (the apostrophe typed before such text), so that editing the cell keeps it
    text too."""
    if isinstance(cell.value, str) and formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _headline(title: str) -> str:
    """A title up to its colon: "Changes: targets in both documents" → "Changes"."""
    return title.split(":")[0].split("：")[0].strip()


def _whole_words(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a space, never inside a word; a first word
    longer than the limit is cut, as nothing shorter can stand for it."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ·-,;")
    return cut if cut and len(cut) <= limit else text[:limit]


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, in whole words, none of []:*?/\\,
    unique."""
    base = _whole_words("".join("-" if c in "[]:*?/\\" else c for c in title), 31)
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = _whole_words(base, 31 - len(suffix)) + suffix, number + 1
    used.add(name.lower())
    return name


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


def _terminal_text(report: Report) -> str:
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

    def prose(line: str, style: str = "") -> None:
        # Wrapped here, like the cells, rather than by Rich, which would cut a number
        # inside Chinese text (已到期4 / 0); soft_wrap: Rich then leaves it as it is.
        console.print(Text(_wrap(terminal_safe(line), width), style=style), soft_wrap=True)

    for line in report.preamble:
        prose(line)
    for section in report.sections:
        if report.preamble or section is not report.sections[0]:
            console.print()
        if section.title:
            prose(section.title, "table.title")
        console.print(_terminal_table(_literal(section), width), soft_wrap=True)
        if section.extra is not None:
            console.print(section.extra)
        for line in section.footer:
            prose(line)


def _terminal_table(section: Section, width: int):
    """One Rich Text: the header, a rule, and each row in its style, every cell wrapped
    within its column. Rich's Table would lay out the same grid at several times the
    cost, which was most of a terminal run (docs/decisions/0006-terminal-tables.md)."""
    from rich.text import Text

    section, measured = _narrowest_needed(section, width)
    widths = _fitted(*measured, width)
    headers = [_wrap(h, w) for h, w in zip(section.headers, widths, strict=True)]
    lines = [(line, "table.header") for line in _row_lines(headers, widths)]
    lines.append(("─" * (sum(widths) + len(_GAP) * (len(widths) - 1)), "dim"))
    for position, row in enumerate(section.rows):
        style = section.styles[position] if position < len(section.styles) else None
        cells = [_wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
        lines.extend((line, style or "") for line in _row_lines(cells, widths))
    text = Text(no_wrap=True, overflow="ignore")
    for number, (line, style) in enumerate(lines):
        text.append(f"\n{line}" if number else line, style=style)
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


def _column_widths(section: Section) -> tuple[list[int], list[int], list[int]]:
    """Each column's longest word (a run of Chinese may break anywhere, a kebab id after a
    hyphen), longest line, and widest character (2 for Chinese): what a column needs so
    as to split no word, to wrap nothing, and to show anything at all."""
    from rich.cells import cell_len

    least, most, floor = [], [], []
    for position, header in enumerate(section.headers):
        cells = [header, *(row[position] for row in section.rows)]
        pieces = [p for cell in cells for word in cell.split() for p in _pieces(word)]
        least.append(max((cell_len(p) for p in pieces), default=1))
        most.append(max(cell_len(line) for cell in cells for line in cell.split("\n")))
        floor.append(2 if any(cell_len(p) > len(p) for p in pieces if not p.isascii()) else 1)
    return least, most, floor


def _fitted(least: list[int], most: list[int], floor: list[int], width: int) -> list[int]:
    """Column widths that fit `width` and split no word: the widest columns give way
    first, none below its longest word, and a table that must wrap fills the width.
    Where the longest words do not fit, the longest of them are split (`_wrap` folds
    them), and no column is narrower than its widest character."""
    room = width - len(_GAP) * (len(most) - 1)
    if sum(most) <= room:
        return most
    if sum(least) > room:  # only the longest words are split, down to a character
        least = _capped(floor, least, room)
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


def _narrowest_needed(section: Section, width: int) -> tuple[Section, tuple]:
    """The section as it is, else with its `narrow` columns stacked: the first that fits
    `width` without splitting a word, with its columns' widths (`_column_widths`)."""
    candidates = [section, section.stacked()] if section.narrow else [section]
    for candidate in candidates:
        least, _, _ = measured = _column_widths(candidate)
        if sum(least) + len(_GAP) * (len(least) - 1) <= width:
            break
    return candidate, measured


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


def _pieces(word: str) -> list[str]:
    """The parts of a word that must stay whole: each Chinese character alone (a run of
    Chinese may break anywhere), the runs between them (2000 in 2000个, 50%), and the
    parts of a kebab id with their hyphens (2023- work- points)."""
    if word.isascii():  # the usual case
        return _hyphenated(word)
    pieces, run = [], ""
    for character in word:
        if any(low <= character <= high for low, high in _BREAK_ANYWHERE):
            pieces.extend((*_hyphenated(run), character) if run else (character,))
            run = ""
        else:
            run += character
    return [*pieces, *_hyphenated(run)] if run else pieces


def _hyphenated(run: str) -> list[str]:
    """`run` broken after each hyphen between two other characters: 2023-work-points,
    not -5, 5- or a--b."""
    if "-" not in run[1:-1]:
        return [run]
    parts = run.split("-")
    if not all(parts):  # a leading, trailing or doubled hyphen: kept whole
        return [run]
    return [part + "-" for part in parts[:-1]] + [parts[-1]]


# Between columns, in a pipe and on a terminal.
_GAP = "  "
# CJK characters, CJK punctuation and full-width forms: a line may break before or after any
# of them. Compared as strings rather than with a regular expression, whose character class
# over these ranges took milliseconds to compile on every run.
_BREAK_ANYWHERE = (("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\uff00", "\uffef"))


def check_output(
    fmt: Format | None, path: Path | None, force: bool, plot: Path | None = None
) -> None:
    """A UsageError when the report or the chart (`plot`) could not be written as asked
    (a --format that contradicts the --output extension, xlsx without a file, a file that
    exists, one file named twice): both checked before a command writes anything, so that
    a refused run leaves no file behind."""
    _file_for(format_for(fmt, path, Format.table), path)
    if path is not None and plot is not None and _same_file(path, plot):
        raise UsageError(
            f"--plot and --output both name {_shown(plot)}; give the chart a file of its own"
        )
    if path is not None:
        _checked_target(path, force)
    if plot is not None:
        _checked_target(plot, force)


def _same_file(first: Path, second: Path) -> bool:
    """Whether two names are one file: the same path once links are followed, or the
    same existing file (a hard link)."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist yet
        pass
    try:
        return os.path.realpath(first) == os.path.realpath(second)
    except OSError:  # no working directory: a relative name is refused when it is checked
        return os.path.normpath(first) == os.path.normpath(second)


def _file_for(fmt: Format, output: Path | None) -> None:
    if fmt is Format.xlsx and output is None:
        raise UsageError("xlsx is a binary format; give a file with --output report.xlsx")


def write_atomically(path: Path, payload: bytes | Iterable[bytes], force: bool) -> None:
    """Write `payload` (bytes, or pieces of it) to `path` through a temporary file in
    the same directory, so that a failure at any point leaves no half-written file.

    The file is put in place without replacing anything, unless `force` is given: a
    file that appeared at `path` while the payload was written is kept too. Even with
    `force`, only a regular file is replaced, never a data file of the dataset in use,
    a device, a FIFO or a directory. SIGINT, SIGTERM and SIGHUP remove the temporary
    file before the process ends."""
    target = _checked_target(path, force)
    import tempfile

    guard = _removed_on_signal()
    try:
        with guard:
            try:
                # A short name of fixed length: any name the output may have still fits.
                # Signals wait until the name is known, so that it is always removed.
                with guard.deferred():
                    fd, guard.temporary = tempfile.mkstemp(
                        dir=target.parent, prefix=".policy-", suffix=".tmp"
                    )
            except OSError as exc:
                where = _shown(path.parent if str(path.parent) else ".")
                raise UsageError(f"cannot write to {where}: {exc.strerror}") from None
            with os.fdopen(fd, "wb") as handle:
                for piece in [payload] if isinstance(payload, bytes) else payload:
                    handle.write(piece)
            # mkstemp makes the file private (0600); the output gets the mode of the file
            # it replaces, or what the umask gives a new file, as any other program's would.
            os.chmod(guard.temporary, _mode_for(target))
            _put_in_place(guard.temporary, target, path, force)
    except OSError as exc:
        raise UsageError(f"cannot write {_shown(path)}: {exc.strerror}") from None


def _shown(path: Path | str) -> str:
    return line_safe(str(path))


def _remove(path: str) -> None:
    """Remove a temporary file or directory; nothing when it is gone (renamed into place)."""
    if os.path.isdir(path) and not os.path.islink(path):
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        return
    try:
        os.unlink(path)
    except OSError:
        pass


_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _checked_target(path: Path, force: bool) -> Path:
    """The file `path` names, after following symbolic links, if writing it is allowed."""
    shown = _shown(path)
    if isinstance(path, DirectoryName):
        raise UsageError(f"{shown}/ names a directory; give a file name")
    try:
        status = os.stat(path)  # what the name resolves to, through any symbolic link
    except FileNotFoundError:
        status = None
    except NotADirectoryError:
        raise UsageError(f"{_shown(path.parent)} is not a directory") from None
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {exc.strerror}") from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
        if kind == "a directory":
            raise UsageError(f"{shown} is a directory; give a file name")
        raise UsageError(f"{shown} is {kind}, not a regular file; give a file name")
    try:
        target = Path(os.path.realpath(path))
    except OSError:  # a relative name, and no working directory (it was deleted)
        raise UsageError(
            f"cannot write {shown}: the working directory no longer exists; give an absolute path"
        ) from None
    if status is not None:
        data_file = _data_file(status)
        if data_file is not None:
            same = os.path.abspath(path) == os.path.abspath(data_file)
            what = "a data file" if same else f"the data file {_shown(data_file)}"
            raise UsageError(f"{shown} is {what} of the dataset; write the output elsewhere")
        if not force:
            from .messages import OutputExists

            raise OutputExists(shown)
    directory = target.parent
    if not directory.is_dir():
        given = _shown(path.parent if str(path.parent) else ".")
        if os.path.islink(path):  # a dangling link: the directory it points into
            given = f"{_shown(directory)} (where {shown} points)"
        if directory.exists():
            raise UsageError(f"{given} is not a directory")
        raise UsageError(f"directory {given} does not exist; create it first")
    return target


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


#: The data directory the running command reads (None: the bundled data); set by the
#: app's callback, so that no output ever replaces a data file.
data_option: Path | None = None


def _data_file(status: os.stat_result) -> Path | None:
    """The data file that is the same file as `status`, if any."""
    from policy_targets.comparisons.layout import data_files, resolve_data_dir

    try:
        candidates = data_files(resolve_data_dir(data_option))
    except OSError:
        return None
    for candidate in candidates:
        try:
            found = os.stat(candidate)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (status.st_dev, status.st_ino):
            return candidate
    return None


def _put_in_place(temporary: str, target: Path, path: Path, force: bool) -> None:
    if force:
        # Checked again just before the rename: what is there now must still be a
        # regular file that is no data file.
        _checked_target(path, force=True)
        os.replace(temporary, target)
        return
    try:
        # A hard link fails when the name exists: a file that appeared meanwhile stays.
        os.link(temporary, target)
    except FileExistsError:
        raise UsageError(
            f"{_shown(path)} was created while the output was written; pass --force to overwrite it"
        ) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # A file system without hard links: claim the name exclusively, then fill it.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise UsageError(
                f"{_shown(path)} was created while the output was written; "
                "pass --force to overwrite it"
            ) from None
        os.replace(temporary, target)


_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


class _Interrupted(BaseException):
    """Raised by the signal handler, so that `finally` blocks run before the process ends."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class _removed_on_signal:  # noqa: N801 - used as a context manager, like contextlib's
    """While the block runs, SIGINT, SIGTERM and SIGHUP end it with an exception; on
    leaving, `temporary` (once set) is removed in any case, and a signal then ends the
    process as it would have (a caller still sees it killed by SIGTERM)."""

    SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.temporary: str | None = None
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _removed_on_signal:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():  # only it may set them
            for name in self.SIGNALS:
                number = getattr(signal, name, None)
                # A signal the process was started to ignore (SIGHUP under nohup, SIGINT
                # after `&` in a script) stays ignored: it must not end the write.
                if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
                    self.previous[number] = signal.signal(number, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        raise _Interrupted(signum)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold the signals back while the block runs; one that came meanwhile is
        delivered (and handled) when it ends."""
        import signal

        block = getattr(signal, "pthread_sigmask", None)
        if block is None or not self.previous:
            yield
            return
        mask = block(signal.SIG_BLOCK, set(self.previous))
        try:
            yield
        finally:
            block(signal.SIG_SETMASK, mask)

    def __exit__(self, kind, exc, traceback) -> None:
        import signal

        # Removed before the handlers are restored, with the signals held back, so that
        # none can come between (one that comes meanwhile meets the restored handler).
        # After the rename there is nothing to remove; after a hard link, the extra name.
        with self.deferred():
            if self.temporary is not None:
                _remove(self.temporary)
            for number, handler in self.previous.items():
                signal.signal(number, handler)
        if isinstance(exc, _Interrupted):
            if exc.signum == signal.SIGINT:
                raise KeyboardInterrupt from None
            # End as the signal would have: the default action, or the caller's handler.
            os.kill(os.getpid(), exc.signum)
            raise SystemExit(128 + exc.signum) from None


# A terminal narrower or wider than this reports a width it does not have.
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 20, 1_000, 80


def _is_terminal() -> bool:
    """Whether standard output is a terminal, as Rich decides it (FORCE_TERMINAL too)."""
    forced = os.environ.get("FORCE_TERMINAL")
    if forced is not None:
        return forced not in ("", "0", "false")
    return sys.stdout.isatty()


def emit(report: Report, fmt: Format | None, output: Path | None, force: bool) -> None:
    """Render `report` in `fmt` to the terminal or to `output`. Without --format (None),
    an --output file's extension chooses the format, else a table."""
    fmt = format_for(fmt, output, Format.table)
    _file_for(fmt, output)
    if fmt is Format.xlsx:
        write_atomically(output, to_xlsx(report), force)
        return
    if fmt is Format.table:
        if output is None:
            # Written with sys.stdout rather than by Rich, which exits with status 1 on a
            # closed pipe (the app ends quietly instead), or by click.echo, which would
            # send UTF-8 to a terminal that cannot show it (the app says so instead).
            sys.stdout.write(_terminal_text(report) if _is_terminal() else to_text(report))
            sys.stdout.flush()
            return
        pieces: Iterable[str] = [to_text(report)]
    elif fmt is Format.json:
        pieces = to_json(report)
    elif fmt is Format.html:
        from .html import to_html

        pieces = [to_html(report)]
    else:
        pieces = [(to_markdown if fmt is Format.markdown else to_csv)(report)]
    # CSV starts with a byte-order mark so that spreadsheet programs read the Chinese as
    # UTF-8, on standard output as in a file: `> x.csv` and `-o x.csv` give the same bytes.
    bom = [BOM] if fmt is Format.csv else []
    if output is None:
        if fmt is Format.csv:
            # Bytes, not text: the stream's own encoding must not change them.
            typer.echo(b"".join(chain(bom, (piece.encode() for piece in pieces))), nl=False)
        else:
            typer.echo("".join(pieces), nl=False)
        return
    write_atomically(output, chain(bom, (piece.encode() for piece in pieces)), force)


BOM = b"\xef\xbb\xbf"


def format_for(fmt, output: Path | None, default):
    """The format to write: --format when given (not None), else the one --output's
    extension names, else `default`. A --format that contradicts the extension is an
    error, since the file would not be what its name says. Returns a member of
    `default`'s enum."""
    kind = type(default)
    given = fmt is not None
    named = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if named is None:
        return fmt if given else default
    if named not in kind.__members__:
        raise UsageError(
            f"{output.name} names a {named} file, which only `policy export` writes; "
            "give another --output name"
        )
    if given and fmt.value == "datapackage":
        raise UsageError(
            f"--format datapackage writes a directory; give --output a name without the "
            f"{output.suffix} extension, e.g. {output.with_suffix('').name}"
        )
    if given and fmt.value != named:
        raise UsageError(
            f"--format {fmt.value} contradicts the extension of {output.name} ({named}); "
            f"drop --format, or name the file {output.stem}{_EXTENSION[fmt.value]}"
        )
    return kind(named)


_EXTENSION = {
    "table": ".txt",
    "markdown": ".md",
    "csv": ".csv",
    "json": ".json",
    "xlsx": ".xlsx",
    "html": ".html",
    "sqlite": ".db",
}


def write_directory(directory: Path, files: dict[str, bytes], force: bool) -> None:
    """Write `files` (name → bytes) into `directory`, all or nothing: they are written
    to a temporary directory beside it first. A new directory appears whole; into an
    existing one the files are moved one by one, and an existing file of the same name
    is replaced only with --force. Other files in the directory are left alone."""
    import tempfile

    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file; give a directory for the data package")
    if directory.is_dir():
        for name in files:  # each a new or regular file, no data file, as for --output
            _checked_target(directory / name, force)
    parent = directory.parent if str(directory.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"directory {parent} does not exist; create it first")
    guard = _removed_on_signal()
    try:
        with guard:
            try:
                with guard.deferred():  # as in write_atomically: the name is always known
                    guard.temporary = tempfile.mkdtemp(dir=parent, prefix=".policy-", suffix=".tmp")
            except OSError as exc:
                raise UsageError(f"cannot write to {parent}: {exc.strerror}") from None
            temporary = Path(guard.temporary)
            for name, payload in files.items():
                (temporary / name).write_bytes(payload)
                os.chmod(temporary / name, _mode_for(directory / name))
            if directory.exists():
                for name in files:
                    os.replace(temporary / name, directory / name)
            else:
                # mkdtemp's directory is private (0700); the package gets the umask's mode.
                os.chmod(temporary, 0o777 & ~_umask())
                os.rename(temporary, directory)
    except OSError as exc:
        raise UsageError(f"cannot write {directory}: {exc.strerror}") from None


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _data_sheet(workbook, records: list[dict[str, Any]], used: set[str]) -> None:
    """The records, as CSV has them, on a sheet of their own, with numbers, years and
    flags as numbers and booleans, so that a spreadsheet sorts, filters and sums them."""
    import json

    from openpyxl.styles import Font

    sheet = workbook.create_sheet(_sheet_name("Records", used))
    fields = list(dict.fromkeys(k for record in records for k in record))
    sheet.append(fields)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records:
        values = [_xlsx_text(plain(record.get(name))) for name in fields]
        sheet.append(
            [json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for v in values]
        )
        for cell in sheet[sheet.max_row]:
            _store_as_value(cell)
    sheet.freeze_panes = "A2"
