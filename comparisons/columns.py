"""The columns of the published tables, each with one name, one type and one
description, for the data package and the SQLite database alike (package.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .vocabulary import (
    Category,
    Comparator,
    Dated,
    Dimension,
    DocumentKind,
    Kind,
    Measure,
    OutcomeCode,
    Status,
)

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

# Each target's status (comparisons/outcomes.py) on the day of the export.
STATUS_COLUMNS = (
    Column(
        "status",
        "string",
        "What became of a target by the reported figures, on `status_as_of` (README, "
        "Outcomes); empty for a baseline.",
        required=False,
        enum=_values(Status),
    ),
    Column(
        "status_reason_code",
        "string",
        "Why, as a code (README, Outcomes).",
        required=False,
        enum=_values(OutcomeCode),
    ),
    Column("status_reason", "string", "Why, in words: which report, which target, the gap.", False),
    Column(
        "status_gap",
        "number",
        "The deciding report's figure less the target's, in `normalized_unit` (percentage "
        "points for shares); empty unless a report settled the status (met early, met, "
        "not met).",
        required=False,
    ),
    Column(
        "status_report_value",
        "number",
        "The report that decided the status, else the latest that speaks for the target: "
        "its figure as written (a row of reported: indicator, scope, measure, as_of).",
        required=False,
    ),
    Column("status_report_unit", "string", "That report's unit as written.", required=False),
    Column(
        "status_report_comparator",
        "string",
        "How that report bounds its figure.",
        required=False,
        enum=_values(Comparator),
    ),
    Column(
        "status_report_measure",
        "string",
        "That report's measure.",
        required=False,
        enum=_values(Measure),
    ),
    Column("status_report_as_of", "date", "That report's `as_of`.", required=False),
    Column(
        "status_report_dated",
        "string",
        "`dated` of that report: no later than, where its words say only 目前 (now).",
        required=False,
        enum=_values(Dated),
    ),
    Column("status_report_publisher", "string", "Who published that report.", False),
    Column("status_report_url", "string", "The page of that report.", required=False),
    Column("status_as_of", "date", "The day the status is computed for.", required=False),
)
TARGET_COLUMNS += STATUS_COLUMNS

TARGET_KEY = ("document", "indicator", "scope", "kind", "target_year", "measure")

REPORTED_COLUMNS = (
    Column("indicator", "string", "Id of the indicator (indicators.id).", pattern=KEBAB),
    Column("scope", "string", "Whose figure: shandong, binzhou …", pattern=KEBAB),
    Column("value", "number", "The number exactly as written, in the unit of `unit`.", minimum=0),
    Column("unit", "string", "The unit exactly as written: 万个, %, 市 …"),
    Column(
        "comparator",
        "string",
        "How the report bounds the figure (超过 is more_than, 达到 exactly).",
        enum=_values(Comparator),
    ),
    Column("measure", "string", "What the figure counts (as in targets).", enum=_values(Measure)),
    Column("as_of", "date", "The date the figure refers to (a year's end is YYYY-12-31)."),
    Column(
        "dated",
        "string",
        "stated: the source dates the figure; no later than: it says only 目前 (now), and "
        "`as_of` is the latest day the figure can refer to.",
        enum=_values(Dated),
    ),
    Column(
        "settles",
        "boolean",
        "False when the figure may count on another basis than the indicator: listed, never "
        "used for a status.",
    ),
    Column("quote", "string", "The verbatim words that state the figure."),
    Column("as_written", "string", "The figure as the quote writes it.", required=False),
    Column("note", "string", "Curator's note; empty when there is none.", required=False),
    Column("normalized", "number", "`value` in the base unit of `normalized_unit`.", minimum=0),
    Column("normalized_unit", "string", "Unit of `normalized` (as in targets).", required=False),
    Column("publisher", "string", "Who published the page quoted."),
    Column("title", "string", "The page's title."),
    Column("published", "date", "When the page was published."),
    Column("url", "string", "The page's address."),
    Column("secondary", "boolean", "True when the page re-publishes or reports the figure."),
    Column(
        "original_publisher",
        "string",
        "When secondary: whose figure it is; empty otherwise.",
        required=False,
    ),
)
REPORTED_KEY = ("indicator", "scope", "measure", "as_of", "dated")
