"""The one implementation of --format and --output that every listing command uses.

A command builds a `Report` (cli/formats.py): sections of display rows (for the
terminal, Markdown, xlsx and HTML) and plain records (for CSV and JSON). `emit` renders
it in the format asked for, to the terminal or to a file that cli/files.py writes whole
or not at all.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

import typer

from policy_targets.comparisons.errors import UsageError

from .files import Writer
from .formats import BOM, Format, Report, format_for, to_csv, to_json, to_markdown, to_xlsx


def emit(report: Report, fmt: Format | None, output: Path | None, writer: Writer) -> None:
    """Render `report` in `fmt` to the terminal or to `output`. Without --format (None),
    an --output file's extension chooses the format, else a table."""
    fmt = format_for(fmt, output, Format.table)
    _file_for(fmt, output)
    if fmt is Format.xlsx:
        writer.file(output, to_xlsx(report))
        return
    if fmt is Format.table:
        from .terminal import is_terminal, terminal_text, to_text

        if output is None:
            # Written with sys.stdout rather than by Rich, which exits with status 1 on a
            # closed pipe (the app ends quietly instead), or by click.echo, which would
            # send UTF-8 to a terminal that cannot show it (the app says so instead).
            sys.stdout.write(terminal_text(report) if is_terminal() else to_text(report))
            sys.stdout.flush()
            return
        pieces: Iterable[str] = [to_text(report)]
    elif fmt is Format.json:
        pieces = to_json(report)
    elif fmt is Format.html:
        from .html import to_html

        pieces = [to_html(report, writer.data)]
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
    writer.file(output, chain(bom, (piece.encode() for piece in pieces)))


def check_output(
    fmt: Format | None, path: Path | None, writer: Writer, plot: Path | None = None
) -> None:
    """A UsageError when the report or the chart (`plot`) could not be written as asked
    (a --format that contradicts the --output extension, xlsx without a file, a file that
    exists, one file named twice): both checked before a command writes anything, so that
    a refused run leaves no file behind."""
    _file_for(format_for(fmt, path, Format.table), path)
    writer.check(path, plot)


def _file_for(fmt: Format, output: Path | None) -> None:
    if fmt is Format.xlsx and output is None:
        raise UsageError("xlsx is a binary format; give a file with --output report.xlsx")
