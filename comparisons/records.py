"""The records: one class per record, from the YAML a curator writes to the cache.

Each entry of a data file is a msgspec Struct that carries its own constraints
(`Annotated[..., Meta(...)]`), its rules across fields (`rules`, which raises a
`RuleError`) and its JSON Schema (`schemas.json_schemas`); `validation.py` checks a parsed file
against it and reports every problem with its line. The record a command computes with
*extends* its entry, adding only what loading derives (a target's normalized amount, a
document's path): no field is written twice. The catalogue's `Indicator` is its own
record.

`index.py` stores the records in the cache as MessagePack and decodes them straight back
into these classes, so that a warm run needs neither PyYAML nor pint. The cached records
are immutable, compared and ordered field by field, encoded as arrays (`array_like`) and
not tracked by the cyclic garbage collector (`gc=False`: a record holds only strings,
numbers, tuples and a document's Period of two years, so it can never be part of a
cycle). The entries stay mappings, as the YAML writes them. What is checked only when a
file is read, not again on every record read back from the cache (which holds only valid
records): the rules, a method that the validation calls rather than `__post_init__`
(0.05 s more per 100 000 targets, half as much again as reading them), and an id's
pattern (`KebabId`). See docs/decisions/0001-msgspec-records.md for why msgspec rather than pydantic or
named tuples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, ClassVar

from msgspec import Meta, Struct

from .vocabulary import Category, Comparator, Dated, Dimension, DocumentKind, Kind, Measure

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# An id's pattern is checked where a file is read (`extra`, which validation.py applies)
# and stated in the JSON Schema, but it is no msgspec constraint: msgspec would check it
# again on every record read back from the cache, which holds only valid records: at
# 100 000 targets, 0.12 s more on a warm load of 0.27 s (docs/decisions/0001-msgspec-records.md).
KebabId = Annotated[
    str,
    Meta(
        description="kebab-case identifier",
        extra_json_schema={"pattern": KEBAB},
        extra={"pattern": KEBAB},
    ),
]
Text = Annotated[str, Meta(min_length=1)]
# Strict, like every field: a quoted year ("2023") or a yes for true is a curation
# mistake, not a value.
Year = Annotated[int, Meta(ge=1990, le=2100)]
# Values are written as the document writes them (20 for 20万), so real ones are small;
# the bounds keep every normalization, ratio and growth rate finite. 0 is a value.
SMALLEST_VALUE, LARGEST_VALUE = 1e-6, 1e12


class RuleError(ValueError):
    """A rule beyond a type's constraints that an entry breaks: raised by one of its
    `checks` (one field) or its `rules()` (across fields); `field` names the field to point
    at, else the entry (or the checked field) is pointed at."""

    def __init__(self, message: str, field: str | None = None, fix: str = "correct the value"):
        super().__init__(message)
        self.field, self.fix = field, fix


def _iso_date(published: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(published)
    except ValueError:
        raise RuleError(
            f"{published!r} is not an ISO date", fix='write a quoted ISO date, e.g. "2023-06-17"'
        ) from None


def _not_tiny(number: float) -> None:
    if 0 < number < SMALLEST_VALUE:
        raise RuleError(
            f"a value other than 0 must be at least {SMALLEST_VALUE:f}",
            fix="use a number in the allowed range",
        )


class _Entry(Struct, frozen=True, forbid_unknown_fields=True):
    """An entry as written in a data file, fields in the file's order."""


# --- a document file -------------------------------------------------------------------


class Period(_Entry, order=True, gc=False):
    """The years a document covers, first and last."""

    start: Year
    end: Year

    def rules(self) -> None:
        if self.end < self.start:
            raise RuleError("period end is before its start")


class DocumentEntry(_Entry):
    """The `document:` mapping of a document file."""

    id: KebabId
    year: Annotated[Year, Meta(description="the year `policy compare YEAR` finds it by")]
    scope: Annotated[KebabId, Meta(description="whose targets: shandong, binzhou, …")]
    title_zh: Text
    title_en: Text
    issuer: Text
    published: (
        Annotated[
            str,
            Meta(description='quoted ISO date, e.g. "2023-06-17"; null when the source gives none'),
        ]
        | None
    )
    period: Period
    kind: DocumentKind
    source: Annotated[str, Meta(min_length=1, description="file name of the source text")]

    # Checks of one field beyond its type, run on each good field even when others are
    # bad, so that every problem of a file is reported at once.
    checks: ClassVar[dict[str, Callable[[Any], None]]] = {"published": _iso_date}


class TargetEntry(_Entry, kw_only=True):  # kw_only: optional fields sit among required ones
    """One target or baseline, as written in the `targets:` list of a document file."""

    indicator: KebabId
    value: Annotated[
        float, Meta(ge=0, le=LARGEST_VALUE, description="the number exactly as written")
    ]
    upper: (
        Annotated[
            float,
            Meta(
                ge=0,
                le=LARGEST_VALUE,
                description="the upper bound of a range (comparator between): 3 in 2-3个",
            ),
        ]
        | None
    ) = None
    unit: Annotated[
        str,
        Meta(min_length=1, description="the unit exactly as written: 万个, E, %, 每季度 …"),
    ]
    comparator: Comparator
    measure: Measure
    kind: Kind
    year: Annotated[Year, Meta(description="the year the figure refers to")]
    # Derived from the document and the measure when left out (targets/README.md).
    period: (
        Annotated[
            Period,
            Meta(description="the years the figure covers, only where the derived one is wrong"),
        ]
        | None
    ) = None
    aspirational: bool = False
    quote: Annotated[
        str, Meta(min_length=2, description="shortest verbatim clause, Simplified Chinese")
    ]
    as_written: (
        Annotated[
            str,
            Meta(
                min_length=1,
                description="the figure as the quote writes it, a part of the quote: 达到100%",
            ),
        ]
        | None
    ) = None
    locator: Annotated[str, Meta(min_length=1, description="section path, e.g. 四、(一) 30")]
    # Loading fills in the document's scope when the entry names none.
    scope: Annotated[KebabId, Meta(description="only when not the document's")] | None = None
    note: str | None = None

    checks: ClassVar[dict[str, Callable[[Any], None]]] = {
        "value": _not_tiny,
        "upper": _not_tiny,
    }

    def rules(self) -> None:
        if (self.comparator == Comparator.between) != (self.upper is not None):
            raise RuleError("a range needs comparator: between and an upper bound, `upper:`")
        if self.upper is not None and self.upper <= self.value:
            raise RuleError(f"upper bound {self.upper:g} is not above value {self.value:g}")
        if self.as_written is not None and self.as_written not in self.quote:
            raise RuleError(
                f"as_written {self.as_written!r} is not part of the quote",
                field="as_written",
                fix="copy the figure's words from the quote",
            )
        if self.period is not None and not self.period.start <= self.year <= self.period.end:
            raise RuleError(
                f"period {self.period.start}-{self.period.end} does not include the figure's "
                f"year {self.year}",
                field="period",
                fix="give the years the figure covers, its year among them",
            )


class DocumentFile(_Entry):
    """One `targets/<document-id>.yaml` file."""

    document: DocumentEntry
    targets: list[TargetEntry]


# --- the catalogue and the coverage-ignore list ------------------------------------------


class Indicator(_Entry, order=True, gc=False):
    """One indicator of the catalogue, `targets/indicators.yaml`: entry and record at
    once (loading derives nothing). Cached as a mapping, not an array: an array-like
    Struct would be an array in the JSON Schema too, and a catalogue is small."""

    id: KebabId
    name_zh: Text
    name_en: Text
    category: Category
    dimension: Dimension
    unit: Annotated[str, Meta(min_length=1, description="display unit")]
    higher_is_better: bool = True
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


class Catalogue(_Entry):
    """The `targets/indicators.yaml` file."""

    indicators: list[Indicator]


class IgnoreEntry(_Entry):
    """A numeral of a source text that no quote needs to cover, and why."""

    text: Annotated[
        str, Meta(min_length=1, description="the numeral with a little context, Simplified")
    ]
    reason: Annotated[str, Meta(min_length=3)]
    document: Annotated[KebabId, Meta(description="only in this document")] | None = None
    # Compiled (with a time limit) and checked where it is used, in provenance.py.
    pattern: Annotated[bool, Meta(description="text is a regular expression")] = False


class CoverageIgnore(_Entry):
    """The `targets/coverage-ignore.yaml` file."""

    ignore: list[IgnoreEntry]


# --- figures reported as achieved ------------------------------------------------------------

ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
URL = r"^https?://[^\s]+$"
# Checked where the file is read, as KebabId is; `_iso_date` then checks the day is real.
IsoDate = Annotated[
    str,
    Meta(
        description='quoted ISO date, e.g. "2023-12-31"',
        extra_json_schema={"pattern": ISO_DAY},
        extra={"pattern": ISO_DAY},
    ),
]


class ReportedSource(_Entry):
    """Where a reported figure was published: the original publisher, and whether the
    page at `url` re-publishes or reports it (secondary)."""

    publisher: Annotated[str, Meta(min_length=1, description="who stated the figure first")]
    title: Text
    published: IsoDate
    url: Annotated[
        str,
        Meta(
            description="the address of the page quoted",
            extra_json_schema={"pattern": URL},
            extra={"pattern": URL},
        ),
    ]
    secondary: Annotated[
        bool, Meta(description="the page re-publishes or reports the figure (a news report)")
    ]
    original_publisher: (
        Annotated[str, Meta(min_length=1, description="when secondary: whose figure it is")] | None
    ) = None

    checks: ClassVar[dict[str, Callable[[Any], None]]] = {"published": _iso_date}


class ReportedEntry(_Entry, kw_only=True):
    """A figure reported as achieved, as written in `targets/reported.yaml`."""

    indicator: KebabId
    scope: Annotated[KebabId, Meta(description="whose figure: shandong, binzhou, …")]
    value: Annotated[
        float, Meta(ge=0, le=LARGEST_VALUE, description="the number exactly as written")
    ]
    unit: Annotated[str, Meta(min_length=1, description="the unit exactly as written: 万个, %")]
    comparator: Annotated[
        Comparator, Meta(description="as the report words it: 超过 is more_than, 达到 exactly")
    ]
    measure: Measure
    as_of: Annotated[IsoDate, Meta(description="the date the figure refers to, e.g. year end")]
    dated: Annotated[
        Dated,
        Meta(
            description="stated: the source dates the figure; no later than: it says only "
            "目前 (now), and as_of is the latest day the figure can refer to"
        ),
    ] = Dated.stated
    settles: Annotated[
        bool,
        Meta(
            description="false when the figure may count on another basis than the indicator "
            "(cities rated, not cities meeting a standard): listed, never used for a status"
        ),
    ] = True
    quote: Annotated[str, Meta(min_length=2, description="the verbatim words stating the figure")]
    as_written: (
        Annotated[str, Meta(min_length=1, description="the figure as the quote writes it")] | None
    ) = None
    note: str | None = None
    source: ReportedSource

    checks: ClassVar[dict[str, Callable[[Any], None]]] = {"value": _not_tiny, "as_of": _iso_date}

    def rules(self) -> None:
        if self.comparator == Comparator.between:
            raise RuleError(
                "a reported figure is one number, not a range",
                field="comparator",
                fix="use exactly, about, at_least, more_than or at_most",
            )
        if self.as_written is not None and self.as_written not in self.quote:
            raise RuleError(
                f"as_written {self.as_written!r} is not part of the quote",
                field="as_written",
                fix="copy the figure's words from the quote",
            )
        if self.source.published < self.as_of:
            raise RuleError(
                f"published {self.source.published} is before as_of {self.as_of}",
                field="as_of",
                fix="give the date the figure refers to, on or before its publication",
            )


class ReportedFile(_Entry):
    """The `targets/reported.yaml` file."""

    reported: list[ReportedEntry]


# --- the records loading derives -----------------------------------------------------------


class Document(DocumentEntry, kw_only=True, order=True, array_like=True, gc=False):
    """A document as loaded: its entry, and where it was read from."""

    path: str  # the YAML file, as shown in messages
    id_at: tuple[int, int] = (1, 1)  # line and column of `id:` in that file


class Target(TargetEntry, kw_only=True, order=True, array_like=True, gc=False):
    """A target as loaded: its entry (with `scope` filled in) and its normalized amount."""

    document: str
    normalized: float
    normalized_unit: str
    dimension: Dimension
    line: int = 0  # line of the entry in its YAML file
    quote_at: tuple[int, int] = (0, 0)  # line and column of its `quote:` key
    normalized_upper: float | None = None  # `upper`, normalized


class Reported(ReportedEntry, kw_only=True, order=True, array_like=True, gc=False):
    """A reported figure as loaded: its entry and its normalized amount."""

    normalized: float
    normalized_unit: str
    dimension: Dimension
    line: int = 0  # line of the entry in reported.yaml
    path: str = ""  # reported.yaml, as shown in messages
    position: int = 0  # its place in the `reported:` list, for messages
    scope_at: tuple[int, int] = (0, 0)  # line and column of its `scope:` key

    @property
    def year(self) -> int:
        """The year the figure refers to."""
        return int(self.as_of[:4])


@dataclass
class Dataset:
    """A loaded dataset; `loading.py` fills it, and nothing changes it afterwards."""

    documents: dict[str, Document] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    reported: list[Reported] = field(default_factory=list)  # in file order

    @cached_property
    def _by_document(self) -> dict[str, list[Target]]:
        grouped: dict[str, list[Target]] = {}
        for target in self.targets:
            grouped.setdefault(target.document, []).append(target)
        return grouped

    def targets_of(self, document_id: str) -> list[Target]:
        """A document's targets, in file order."""
        return self._by_document.get(document_id, [])

    def to_dict(self) -> dict:
        """The whole dataset as plain data: documents, indicators and every target in the
        one record shape of `results.py`."""
        from .results import dataset_records, document_record, indicator_record

        return {
            "documents": [document_record(d) for d in self.documents.values()],
            "indicators": [indicator_record(i) for i in self.indicators.values()],
            "targets": list(dataset_records(self)),
        }
