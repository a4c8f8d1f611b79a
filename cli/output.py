"""The one implementation of --format and --output that every listing command uses.

A command builds a `Report`: sections of display rows (for the terminal, Markdown and
xlsx) and plain records (for CSV and JSON). `emit` renders it; a file is written to a
temporary name and renamed, so a failed write never leaves half a file behind.
"""

from __future__ import annotations

import io
import os
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


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), markdown, csv, json or xlsx.",
        case_sensitive=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file instead of the terminal.", dir_okay=False
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


@dataclass
class Report:
    sections: list[Section]
    records: list[dict[str, Any]]  # one flat dict per row, for CSV and JSON
    json: Any = None  # what --format json writes, when not `records`


def _markdown_cell(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_markdown(report: Report) -> str:
    parts = []
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
    for section in report.sections:
        name = _sheet_name(section.title or "Sheet", used)
        sheet = workbook.create_sheet(name)
        sheet.append(section.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
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


def render_table(report: Report, console) -> None:
    from rich.columns import Columns
    from rich.table import Table
    from rich.text import Text

    for section in report.sections:
        table = Table(title=section.title or None, show_lines=False, title_justify="left")
        for header in section.headers:
            table.add_column(header, overflow="fold")
        for position, row in enumerate(section.rows):
            style = section.styles[position] if position < len(section.styles) else None
            # Text cells skip Rich's markup parsing and number highlighting: faster, and
            # a "[2023]" in a quote stays text.
            table.add_row(*(Text(cell) for cell in row), style=style)
        console.print(Columns([table, section.extra]) if section.extra else table)
        for line in section.footer:
            console.print(line, highlight=False)


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


UNWRAPPED = 10_000  # columns: wide enough that no table wraps


def emit(report: Report, fmt: Format, output: Path | None, force: bool) -> None:
    """Render `report` in `fmt` to the terminal or to `output`."""
    if fmt is Format.xlsx:
        if output is None:
            raise UsageError("xlsx is a binary format; give a file with --output report.xlsx")
        write_atomically(output, to_xlsx(report), force)
        return
    if fmt is Format.table:
        from rich.console import Console

        if output is None:
            console = Console()
            if not console.is_terminal:
                # A pipe or a file has no width: one line per row, whole, so that grep and
                # sort see every row at once (and Rich wraps nothing, which is faster).
                console = Console(width=UNWRAPPED)
            # Captured and written here rather than by Rich, which exits with status 1 on
            # a closed pipe; the app ends quietly instead.
            console.begin_capture()
            try:
                render_table(report, console)
            finally:
                text = console.end_capture()
            console.file.write(text)
            console.file.flush()
            return
        buffer = io.StringIO()
        render_table(report, Console(file=buffer, width=UNWRAPPED, no_color=True))
        pieces: Iterable[str] = [buffer.getvalue()]
    elif fmt is Format.json:
        pieces = to_json(report)
    else:
        pieces = [(to_markdown if fmt is Format.markdown else to_csv)(report)]
    if output is None:
        typer.echo("".join(pieces), nl=False)
        return
    # CSV gets a byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
    bom = [b"\xef\xbb\xbf"] if fmt is Format.csv else []
    write_atomically(output, chain(bom, (piece.encode() for piece in pieces)), force)
