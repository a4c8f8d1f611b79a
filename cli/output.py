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


UNWRAPPED = 10_000  # columns: wide enough that no table wraps


def emit(report: Report, fmt: Format, output: Path | None, force: bool, use_cache: bool) -> None:
    """Render `report` in `fmt` to the terminal or to `output`. `use_cache`: a terminal
    table may come from the cache of rendered tables (see table_cache.py). Without
    --format, an --output file's extension chooses the format."""
    fmt = format_for(fmt, output)
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
            from .table_cache import rendered

            # Written here rather than by Rich, which exits with status 1 on a closed
            # pipe; the app ends quietly instead.
            console.file.write(rendered(report, console, render_table, use_cache))
            console.file.flush()
            return
        buffer = io.StringIO()
        render_table(report, Console(file=buffer, width=UNWRAPPED, no_color=True))
        pieces: Iterable[str] = [buffer.getvalue()]
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
