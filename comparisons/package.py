"""The dataset as three related tables — documents, indicators, targets — described once.

The Frictionless data package (`datapackage.json` plus one CSV per table) and the SQLite
database are both built from these definitions, so a column has one name, one type and
one description wherever the data is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .records import Dataset, Document, Indicator
from .vocabulary import (
    SECONDARY_KINDS,
    Category,
    Comparator,
    Dimension,
    DocumentKind,
    Kind,
    Measure,
)

NAME = "policy-targets"
TITLE = "Numeric targets of Shandong's digital-province plans"
DESCRIPTION = (
    "Every quantitative target and baseline of five Shandong digital-province documents "
    "(2018-2025): the value and unit as written, the value normalized to base units, the "
    "measure, the year the figure refers to, and a verbatim quote with its section."
)
LICENSE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License",
}
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, boolean, date, array
    description: str
    required: bool = True
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: float | None = None

    def table_schema(self) -> dict[str, Any]:
        constraints: dict[str, Any] = {"required": self.required}
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        return {
            "name": self.name,
            "type": self.type,
            "description": self.description,
            "constraints": constraints,
        }


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    target: str = "id"


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    rows: list[dict[str, Any]] = field(default_factory=list)

    def table_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [c.table_schema() for c in self.columns],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": k.column, "reference": {"resource": k.table, "fields": k.target}}
                for k in self.foreign_keys
            ]
        return schema


def _values(enum) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


# The wording that explains each comparator; one not listed here is shown by its name.
COMPARATOR_WORDS = {
    "at_least": "at_least (e.g. 达到, 以上, 不少于)",
    "more_than": "more_than (e.g. 超过, 突破, 余)",
    "about": "about (e.g. 左右)",
    "exactly": "exactly (a figure stated without a bound)",
    "at_most": "at_most (a ceiling, e.g. among the top 15)",
    "between": "between (a range from `value` to `upper`)",
}

DOCUMENT_COLUMNS = (
    Column("id", "string", "Document id (kebab-case).", pattern=KEBAB),
    Column("year", "integer", "The year `policy compare YEAR` finds the document by."),
    Column("scope", "string", "Whose targets: shandong, binzhou …", pattern=KEBAB),
    Column("title_zh", "string", "Title in Chinese, as published."),
    Column("title_en", "string", "Title in English (our translation)."),
    Column("issuer", "string", "Issuing body."),
    Column("published", "date", "Date of issue; empty when the source gives none.", False),
    Column("period_start", "integer", "First year of the period the document covers."),
    Column("period_end", "integer", "Last year of the period the document covers."),
    Column("kind", "string", "Kind of document.", enum=_values(DocumentKind)),
    Column("source", "string", "File name of the source text the quotes are checked against."),
    Column(
        "secondary",
        "boolean",
        "True when the source is a secondary one (a news report about the document), "
        "not the document itself.",
    ),
)

INDICATOR_COLUMNS = (
    Column("id", "string", "Indicator id (kebab-case).", pattern=KEBAB),
    Column("name_zh", "string", "Name in Simplified Chinese."),
    Column("name_en", "string", "Name in English."),
    Column("category", "string", "Policy area.", enum=_values(Category)),
    Column("dimension", "string", "What kind of quantity it is.", enum=_values(Dimension)),
    Column("unit", "string", "Display unit (as most documents write it)."),
    Column("higher_is_better", "boolean", "Whether a higher figure is the more ambitious one."),
    Column(
        "aliases",
        "array",
        "Other names, as a JSON array: older wordings, Traditional-script or Taiwan-style "
        "vocabulary (网际网路 for 互联网).",
    ),
)

TARGET_COLUMNS = (
    Column("document", "string", "Id of the document (documents.id).", pattern=KEBAB),
    Column("document_year", "integer", "The document's year."),
    Column("scope", "string", "Whose figure: the document's scope or a comparison scope."),
    Column("source", "string", "File name of the document's source text."),
    Column(
        "secondary",
        "boolean",
        "True when the figure is known only from a secondary source (a news report about "
        "the document).",
    ),
    Column("indicator", "string", "Id of the indicator (indicators.id).", pattern=KEBAB),
    Column("name_en", "string", "The indicator's English name."),
    Column("name_zh", "string", "The indicator's Chinese name."),
    Column("category", "string", "The indicator's policy area.", enum=_values(Category)),
    Column(
        "value",
        "number",
        "The number exactly as written, in the unit of the `unit` column "
        "(20 with unit 万个 means 200,000 items).",
        minimum=0,
    ),
    Column(
        "upper",
        "number",
        "The upper bound of a range (comparator between), as written, in the unit of "
        "`unit`; empty for every other figure.",
        required=False,
        minimum=0,
    ),
    Column("unit", "string", "The unit exactly as written: 个, 万个, 亿元, E, 万千瓦, %, 每季度 …"),
    Column(
        "comparator",
        "string",
        "How the figure bounds the quantity: "
        + ", ".join(COMPARATOR_WORDS.get(c, c) for c in _values(Comparator))
        + ".",
        enum=_values(Comparator),
    ),
    Column(
        "measure",
        "string",
        "What the figure counts: level (a stock at the year), cumulative (a running total), "
        "addition (added in the year or period), share (a percentage of a whole), rate "
        "(a growth or fulfilment rate), frequency (how often).",
        enum=_values(Measure),
    ),
    Column(
        "kind",
        "string",
        "target (a figure to reach) or baseline (a figure reached).",
        enum=_values(Kind),
    ),
    Column("target_year", "integer", "The year the figure refers to."),
    Column(
        "period_start",
        "integer",
        "First year of the period the figure covers (an addition over a plan: its first year).",
    ),
    Column("period_end", "integer", "Last year of the period the figure covers."),
    Column("aspirational", "boolean", "True for 力争 (strive for) rather than a firm target."),
    Column("quote", "string", "The shortest verbatim clause that states the figure (Simplified)."),
    Column(
        "as_written",
        "string",
        "The figure exactly as the quote writes it (a part of `quote`): 达到100%, 150家以上.",
        required=False,
    ),
    Column("locator", "string", "Section path in the source, e.g. 四、(一) 30."),
    Column("note", "string", "Curator's note; empty when there is none.", required=False),
    Column(
        "normalized",
        "number",
        "`value` converted to the base unit in `normalized_unit` (万 = 10,000, "
        "亿 = 100,000,000; E = EFLOPS; 千瓦 → GW; 每季度 = 4 a year).",
        minimum=0,
    ),
    Column(
        "normalized_unit",
        "string",
        "Unit of `normalized`: empty for a count of things, % for shares, EFLOPS, GW, "
        "Mbps, CNY, per year …",
        required=False,
    ),
)

TARGET_KEY = ("document", "indicator", "scope", "kind", "target_year", "measure")


def document_row(document: Document) -> dict[str, Any]:
    """The document's record (results.py) with its period as two columns, and whether
    it is a secondary source."""
    from .results import document_record

    row = document_record(document)
    period = row.pop("period")
    row["period_start"], row["period_end"] = period["start"], period["end"]
    row["secondary"] = document.kind in SECONDARY_KINDS
    return row


def target_row(record: dict[str, Any]) -> dict[str, Any]:
    """A target record (results.py, as JSON shows it) with `normalized` split into the
    columns normalized and normalized_unit, and `period` into period_start and period_end."""
    row = dict(record)
    normalized = row.pop("normalized")
    row["normalized"], row["normalized_unit"] = normalized["magnitude"], normalized["unit"]
    period = row.pop("period")
    row["period_start"], row["period_end"] = period["start"], period["end"]
    return row


def tables(dataset: Dataset) -> list[Table]:
    """The three tables, with their rows."""
    from .results import dataset_records, indicator_record

    target_rows = [target_row(r) for r in dataset_records(dataset)]
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

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(row[c.name]) for c in table.columns])
    return buffer.getvalue()
