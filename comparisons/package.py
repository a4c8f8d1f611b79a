"""The dataset as four related tables — documents, indicators, targets (each with its
status), reported figures — described once.

The Frictionless data package (`datapackage.json` plus one CSV per table) and the SQLite
database are both built from these definitions, so a column has one name, one type and
one description wherever the data is published.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import __version__
from .columns import (
    DOCUMENT_COLUMNS,
    INDICATOR_COLUMNS,
    REPORTED_COLUMNS,
    REPORTED_KEY,
    TARGET_COLUMNS,
    TARGET_KEY,
    ForeignKey,
    Table,
)
from .records import Dataset, Document, Indicator, Reported
from .vocabulary import (
    SECONDARY_KINDS,
)

NAME = "policy-targets"
TITLE = "Numeric targets of Shandong's digital-province plans"
DESCRIPTION = (
    "Every quantitative target and baseline of five Shandong digital-province documents "
    "(2018-2025): the value and unit as written, the value normalized to base units, the "
    "measure, the year the figure refers to, and a verbatim quote with its section; the "
    "figures reported as achieved, each with its quote and page, and every target's status."
)

LICENSE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License",
}


def reported_row(report: Reported) -> dict[str, Any]:
    """A reported figure (outcomes.reported_record) with its source and normalized amount
    as columns."""
    from .outcomes import reported_record

    row = reported_record(report)
    source = row.pop("source")
    normalized = row.pop("normalized")
    row["normalized"], row["normalized_unit"] = normalized["magnitude"], normalized["unit"]
    return {**row, **source}


def document_row(document: Document) -> dict[str, Any]:
    """The document's record (results.py) with its period as two columns, and whether
    it is a secondary source."""
    from .results import document_record

    row = document_record(document)
    period = row.pop("period")
    row["period_start"], row["period_end"] = period["start"], period["end"]
    row["secondary"] = document.kind in SECONDARY_KINDS
    return row


def tables(dataset: Dataset, as_of: date) -> list[Table]:
    """The four tables, with their rows; each target's status as on `as_of`, and the
    reported figures known on it (as of it, and published by then)."""
    from .outcomes import known, statuses
    from .results import (
        dataset_record,
        dataset_targets,
        flat_record,
        indicator_record,
        status_columns,
    )

    targets = list(dataset_targets(dataset))
    target_rows = [
        {**flat_record(dataset_record(dataset, target)), **status_columns(outcome, as_of)}
        for target, outcome in zip(targets, statuses(dataset, targets, as_of), strict=True)
    ]
    documents = sorted(dataset.documents.values(), key=lambda d: (d.year, d.id))
    built = [
        Table(
            "documents",
            "Documents",
            "One row per document: the plans, work points and reports the targets come from.",
            DOCUMENT_COLUMNS,
            ("id",),
            rows=[document_row(d) for d in documents],
        ),
        Table(
            "indicators",
            "Indicators",
            "The indicator catalogue: one row per measurable thing, shared by every document.",
            INDICATOR_COLUMNS,
            ("id",),
            rows=[indicator_record(i) for i in sorted(dataset.indicators.values(), key=_id)],
        ),
        Table(
            "targets",
            "Targets and baselines",
            "One row per quantitative target or baseline of a document, with the quote "
            "that proves it.",
            TARGET_COLUMNS,
            TARGET_KEY,
            (ForeignKey("document", "documents"), ForeignKey("indicator", "indicators")),
            rows=target_rows,
        ),
        Table(
            "reported",
            "Reported figures",
            "One row per figure reported as achieved, with the words that state it and the "
            "page they were published on.",
            REPORTED_COLUMNS,
            REPORTED_KEY,
            (ForeignKey("indicator", "indicators"),),
            rows=[reported_row(r) for r in known(dataset.reported, as_of)],
        ),
    ]
    for table in built:
        _fill(table)
    return built


def _id(indicator: Indicator) -> str:
    return indicator.id


def _fill(table: Table) -> None:
    """Check that the rows have the table's columns, no more: a field added to a record
    in results.py must be described here before it is published. An optional column
    that the records do not have yet is left empty."""
    names = {c.name for c in table.columns}
    optional = {c.name for c in table.columns if not c.required}
    for row in table.rows[:1]:
        if not names - optional <= row.keys() <= names:
            raise ValueError(
                f"{table.name} records have the fields {sorted(row)}, "
                f"but the table has the columns {[c.name for c in table.columns]}"
            )
    for row in table.rows:
        for name in optional - row.keys():
            row[name] = None


def source_entry(document: Document) -> dict[str, str]:
    """A data package `sources` entry: title, issuer, date and source file of a document."""
    date = document.published or f"{document.year}, date not given"
    secondary = " (a news report about the document)" if document.kind in SECONDARY_KINDS else ""
    # No `path`: the source texts are not part of the package, and a path would promise
    # a file that is not there.
    return {
        "title": f"{document.title_zh} — {document.title_en}; {document.issuer}, {date}",
        "description": (
            f"Document {document.id}; quotes checked against the source text "
            f"{document.source}{secondary}."
        ),
    }


def descriptor(dataset: Dataset, all_tables: list[Table]) -> dict[str, Any]:
    """datapackage.json: name, version, licenses, sources and a Table Schema per CSV file."""
    documents = sorted(dataset.documents.values(), key=lambda d: (d.year, d.id))
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "version": __version__,
        "licenses": [LICENSE],
        "sources": [source_entry(d) for d in documents],
        "resources": [
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table.table_schema(),
            }
            for table in all_tables
        ],
    }


def csv_cell(value: Any) -> str:
    """A value as Table Schema's CSV dialect writes it: booleans true and false, lists
    and objects as JSON. Every CSV the project writes uses it."""
    import json

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def csv_text(table: Table) -> str:
    """A table as CSV: UTF-8 without a byte-order mark, the header row first, CRLF line
    ends (RFC 4180), columns in the order of its Table Schema."""
    import csv
    import io

    from .formulas import spreadsheet_safe

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        # A data package opens in spreadsheets too: no cell of it may run as a formula.
        writer.writerow([spreadsheet_safe(csv_cell(row[c.name])) for c in table.columns])
    return buffer.getvalue()
