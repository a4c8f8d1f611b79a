"""The output formats and their renderers: what a command's `Report` becomes as
Markdown, CSV, JSON and xlsx (the terminal's table and plain text are cli/terminal.py's,
HTML cli/html.py's, and writing a file cli/files.py's)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.formulas import formula_like, spreadsheet_safe

from .safe_text import line_safe, markdown_safe, terminal_safe


class Format(StrEnum):
    """What every listing command writes (--format)."""

    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    html = "html"


# `policy export` also publishes the whole dataset as a package or a database: the
# formats of every command, and two more.
ExportFormat = StrEnum(
    "ExportFormat",
    [(member.name, member.value) for member in Format]
    + [("datapackage", "datapackage"), ("sqlite", "sqlite")],
    module=__name__,
)

# What an --output file's extension means when --format is not given; the first
# extension of a format is the one an error message suggests (EXTENSION_OF).
EXTENSIONS = {
    ".txt": Format.table,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".csv": Format.csv,
    ".json": Format.json,
    ".xlsx": Format.xlsx,
    ".html": Format.html,
    ".htm": Format.html,
    ".db": ExportFormat.sqlite,
    ".sqlite": ExportFormat.sqlite,
    ".sqlite3": ExportFormat.sqlite,
}
EXTENSION_OF = {str(kind): ext for ext, kind in reversed(EXTENSIONS.items())}
# CSV starts with a byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
BOM = b"\xef\xbb\xbf"


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
        from .labels import say

        sheet = workbook.create_sheet(_sheet_name(say("summary_sheet", report.lang), used))
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
            f"drop --format, or name the file {output.stem}{EXTENSION_OF[fmt.value]}"
        )
    return kind(named)
