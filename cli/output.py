"""The one implementation of --format and --output that every listing command uses.

A command builds a `Report`: sections of display rows (for the terminal, Markdown and
xlsx) and plain records (for CSV and JSON). `emit` renders it; a file is written to a
temporary name and renamed, so a failed write never leaves half a file behind.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import Annotated, Any

import typer

from policy_targets.comparisons.errors import UsageError


class Format(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class ExportFormat(StrEnum):
    """`policy export` also publishes the whole dataset as a package or a database."""

    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
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
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), markdown, csv, json or xlsx; "
        "default: from the --output file's extension.",
        case_sensitive=False,
    ),
]
ExportFormatOption = Annotated[
    ExportFormat,
    typer.Option(
        "--format",
        "-f",
        help="json, csv, markdown, xlsx, table, datapackage (a directory) or sqlite (a .db "
        "file); default: from the --output file's extension, else json.",
        case_sensitive=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file instead of the terminal.", dir_okay=False
    ),
]
ExportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (for datapackage: this directory) instead of the terminal.",
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
    extra: Any = None  # a Rich renderable shown beside the table in the terminal
    # On a terminal too narrow for every column's longest word: columns stacked into one,
    # as (header, [headers of the columns it stacks]), so that no word is split.
    narrow: list[tuple[str, list[str]]] = field(default_factory=list)

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
        return Section(
            self.title, [head for head, _ in layout], rows, self.footer, self.styles, self.extra
        )

    def without_empty_columns(self) -> Section:
        """The section without the columns that no row fills (a section of `new` rows
        has no change to show)."""
        if not self.rows:
            return self
        keep = [i for i in range(len(self.headers)) if any(row[i] for row in self.rows)]
        if len(keep) == len(self.headers):
            return self
        return Section(
            self.title,
            [self.headers[i] for i in keep],
            [[row[i] for i in keep] for row in self.rows],
            self.footer,
            self.styles,
            self.extra,
            self.narrow,
        )


@dataclass
class Report:
    sections: list[Section]
    records: list[dict[str, Any]]  # one flat dict per row, for CSV and JSON
    json: Any = None  # what --format json writes, when not `records`
    preamble: list[str] = field(default_factory=list)  # lines shown before the sections


def _markdown_cell(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: Report) -> str:
    parts = ["\n".join(_markdown_cell(line) + "  " for line in report.preamble).rstrip()]
    parts = parts if report.preamble else []
    for section in report.sections:
        lines = [f"## {section.title}", ""] if section.title else []
        lines.append("| " + " | ".join(_markdown_cell(h) for h in section.headers) + " |")
        lines.append("|" + "|".join("---" for _ in section.headers) + "|")
        for row in section.rows:
            lines.append("| " + " | ".join(_markdown_cell(c) for c in row) + " |")
        if section.footer:
            lines.append("")
            lines.extend(section.footer)
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
    import csv

    buffer = io.StringIO()
    fields = list(dict.fromkeys(k for record in report.records for k in record))
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for record in report.records:
        writer.writerow({k: "" if v is None else plain(v) for k, v in record.items()})
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
            sheet.append([line])
    for section in report.sections:
        name = _sheet_name(section.title or "Sheet", used)
        sheet = workbook.create_sheet(name)
        sheet.append(section.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
    if report.records:
        _data_sheet(workbook, report.records, used)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = "".join("-" if c in "[]:*?/\\" else c for c in title)[:31]
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


def to_text(report: Report) -> str:
    """Plain aligned text for a pipe or a file: one line per row, whole, so that grep and
    sort see every row; no Rich layout, which costs more than the rest of a command."""
    from rich.cells import cell_len

    lines = list(report.preamble)
    for section in report.sections:
        if lines:
            lines.append("")
        if section.title:
            lines.append(section.title)
        table = [section.headers, *section.rows]
        widths = [max(cell_len(row[i]) for row in table) for i in range(len(section.headers))]
        for row in table:
            cells = [
                cell + " " * (width - cell_len(cell))
                for cell, width in zip(row, widths, strict=True)
            ]
            lines.append("  ".join(cells).rstrip())
        lines.extend(section.footer)
    return "\n".join(lines) + "\n"


def render_table(report: Report, console) -> None:
    from rich import box
    from rich.columns import Columns
    from rich.table import Table
    from rich.text import Text

    for line in report.preamble:
        console.print(Text(line))
    for section in report.sections:
        if report.preamble or section is not report.sections[0]:
            console.print()
        if section.narrow and not _fits(section, console.width):
            section = section.stacked()
        widths = _fitted(section, console.width)
        table = Table(
            title=section.title or None,
            show_lines=False,
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        for header, width in zip(section.headers, widths, strict=True):
            table.add_column(header, overflow="fold", width=width)
        for position, row in enumerate(section.rows):
            style = section.styles[position] if position < len(section.styles) else None
            # Text cells skip Rich's markup parsing and number highlighting: faster, and
            # a "[2023]" in a quote stays text.
            table.add_row(*(Text(cell) for cell in row), style=style)
        console.print(Columns([table, section.extra]) if section.extra else table)
        for line in section.footer:
            console.print(line, highlight=False)


def _column_widths(section: Section, width: int) -> tuple[list[int], list[int]]:
    """Each column's longest word (a run of Chinese may break anywhere) and longest cell."""
    from rich.cells import cell_len

    least, most = [], []
    for position, header in enumerate(section.headers):
        cells = [header, *(row[position] for row in section.rows)]
        words = [w for cell in cells for w in _WORDS.findall(cell)]
        least.append(max((cell_len(w) for w in words), default=1))
        most.append(max(cell_len(line) for cell in cells for line in cell.split("\n")))
    return least, most


def _fitted(section: Section, width: int) -> list[int | None]:
    """Column widths that fit `width` and split no word: the widest columns give way
    first, none below its longest word. None for all when the table fits as it is, or
    cannot fit without splitting a word."""
    least, most = _column_widths(section, width)
    room = width - _OVERHEAD * len(section.headers) - 1
    if sum(most) <= room or sum(least) > room:
        return [None] * len(least)
    # The largest cap on column width at which the table still fits the room.
    cap = max(most)
    while sum(min(m, max(n, cap)) for n, m in zip(least, most, strict=True)) > room:
        cap -= 1
    return [min(m, max(n, cap)) for n, m in zip(least, most, strict=True)]


def _fits(section: Section, width: int) -> bool:
    least, _ = _column_widths(section, width)
    return sum(least) + _OVERHEAD * len(section.headers) + 1 <= width


# Cells per column besides its text in render_table's tables: padding and a divider.
_OVERHEAD = 3
# Runs of text between spaces, with Chinese characters (which may break anywhere) left out.
_WORDS = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def write_atomically(path: Path, payload: bytes | Iterable[bytes], force: bool) -> None:
    """Write `payload` (bytes, or pieces of it) to `path` through a temporary file in
    the same directory, so that a failure at any point leaves no half-written file."""
    if path.exists() and not force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    if path.is_dir():
        raise UsageError(f"{path} is a directory; give a file name")
    directory = path.parent if str(path.parent) else Path(".")
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is not a directory")
    if not directory.is_dir():
        raise UsageError(f"directory {directory} does not exist; create it first")
    import tempfile

    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"cannot write to {directory}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [payload] if isinstance(payload, bytes) else payload:
                handle.write(piece)
        # mkstemp makes the file private (0600); the output gets the mode of the file it
        # replaces, or what the umask gives a new file, as any other program's would.
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _terminal_text(report: Report) -> str:
    """The report laid out by Rich for this terminal, with its width and colours."""
    from rich.console import Console

    console = Console()
    with console.capture() as capture:
        render_table(report, console)
    return capture.get()


def _is_terminal() -> bool:
    """Whether standard output is a terminal, as Rich decides it (FORCE_TERMINAL too)."""
    forced = os.environ.get("FORCE_TERMINAL")
    if forced is not None:
        return forced not in ("", "0", "false")
    return sys.stdout.isatty()


def emit(report: Report, fmt: Format, output: Path | None, force: bool) -> None:
    """Render `report` in `fmt` to the terminal or to `output`. Without --format, an
    --output file's extension chooses the format."""
    fmt = format_for(fmt, output)
    if fmt is Format.xlsx:
        if output is None:
            raise UsageError("xlsx is a binary format; give a file with --output report.xlsx")
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


def _current_context():
    """The running command's Click context, whether Typer vendors Click (0.28) or
    depends on it (older): from the package that defines Typer's Context base class."""
    import importlib

    click_context = typer.Context.__mro__[1]
    package = click_context.__module__.rsplit(".", 1)[0]
    return importlib.import_module(f"{package}.globals").get_current_context(silent=True)


def format_given(parameter: str = "fmt") -> bool:
    """Whether the user typed --format (rather than leaving the command's default)."""
    ctx = _current_context()
    source = ctx.get_parameter_source(parameter) if ctx else None
    return source is not None and source.name != "DEFAULT"


def format_for(fmt, output: Path | None, given: bool | None = None):
    """The format to write: --format when given, else the one --output's extension
    names, else the command's default. A --format that contradicts the extension is
    an error, since the file would not be what its name says. Returns a member of
    `fmt`'s own enum."""
    kind = type(fmt)
    given = format_given() if given is None else given
    named = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if named is None:
        return fmt
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
    for name in files:
        if (directory / name).exists() and not force:
            raise UsageError(f"{directory / name} exists; pass --force to overwrite it")
    parent = directory.parent if str(directory.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"directory {parent} does not exist; create it first")
    try:
        temporary = Path(tempfile.mkdtemp(dir=parent, prefix=f".{directory.name}.", suffix=".tmp"))
    except OSError as exc:
        raise UsageError(f"cannot write to {parent}: {exc.strerror}") from None
    import shutil

    try:
        for name, payload in files.items():
            (temporary / name).write_bytes(payload)
            os.chmod(temporary / name, _mode_for(directory / name))
        if directory.exists():
            for name in files:
                os.replace(temporary / name, directory / name)
            temporary.rmdir()
        else:
            # mkdtemp's directory is private (0700); the package gets the umask's mode.
            os.chmod(temporary, 0o777 & ~_umask())
            os.rename(temporary, directory)
    except OSError as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        raise UsageError(f"cannot write {directory}: {exc.strerror}") from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _data_sheet(workbook, records: list[dict[str, Any]], used: set[str]) -> None:
    """The records, as CSV has them, on a sheet of their own, with numbers, years and
    flags as numbers and booleans, so that a spreadsheet sorts, filters and sums them."""
    import json

    from openpyxl.styles import Font

    sheet = workbook.create_sheet(_sheet_name("Data", used))
    fields = list(dict.fromkeys(k for record in records for k in record))
    sheet.append(fields)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records:
        values = [plain(record.get(name)) for name in fields]
        sheet.append(
            [json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for v in values]
        )
        for cell in sheet[sheet.max_row]:
            # openpyxl stores a string that starts with "=" as a formula: data never is one.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
