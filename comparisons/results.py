"""The one record shape of a target, a document and a change, as every JSON output shows
them: `export`, `show`, `compare` and `trajectory` all build their dicts here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from .periods import period_of
from .records import Dataset, Document, Indicator, Target
from .vocabulary import SECONDARY_KINDS


def document_record(document: Document) -> dict:
    return {
        "id": document.id,
        "year": document.year,
        "scope": document.scope,
        "title_zh": document.title_zh,
        "title_en": document.title_en,
        "issuer": document.issuer,
        "published": document.published,
        "period": {"start": document.period.start, "end": document.period.end},
        "kind": document.kind,
        "source": document.source,
    }


def indicator_record(indicator: Indicator) -> dict:
    return {
        "id": indicator.id,
        "name_zh": indicator.name_zh,
        "name_en": indicator.name_en,
        "category": indicator.category,
        "dimension": indicator.dimension,
        "unit": indicator.unit,
        "higher_is_better": indicator.higher_is_better,
        "aliases": list(indicator.aliases),
    }


def target_record(target: Target, document: Document, indicator: Indicator) -> dict:
    """A target with the names and document details a reader needs to cite it."""
    period = period_of(target)
    return {
        "document": document.id,
        "document_year": document.year,
        "scope": target.scope,
        "source": document.source,
        # Known only from a news report about the document, not from the document.
        "secondary": document.kind in SECONDARY_KINDS,
        "indicator": indicator.id,
        "name_en": indicator.name_en,
        "name_zh": indicator.name_zh,
        "category": indicator.category,
        "value": target.value,
        "upper": target.upper,  # the upper bound of a range (comparator between), else None
        "unit": target.unit,
        "normalized": {"magnitude": target.normalized, "unit": target.normalized_unit},
        "comparator": target.comparator,
        "measure": target.measure,
        "kind": target.kind,
        "target_year": target.year,
        "period": {"start": period.start, "end": period.end},
        "aspirational": target.aspirational,
        "quote": target.quote,
        "as_written": target.as_written,
        "locator": target.locator,
        "note": target.note,
    }


def dataset_record(dataset: Dataset, target: Target) -> dict:
    return target_record(
        target, dataset.documents[target.document], dataset.indicators[target.indicator]
    )


def dataset_targets(dataset: Dataset) -> Iterator[Target]:
    """Every target of every document, documents by year and id, targets in file order."""
    for document in sorted(dataset.documents.values(), key=lambda d: (d.year, d.id)):
        yield from dataset.targets_of(document.id)


def dataset_records(dataset: Dataset) -> Iterator[dict]:
    """The records of `dataset_targets`, in its order."""
    for target in dataset_targets(dataset):
        yield dataset_record(dataset, target)


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """A target record (as JSON shows it) with `normalized` split into the
    columns normalized and normalized_unit, and `period` into period_start and period_end."""
    row = dict(record)
    normalized = row.pop("normalized")
    row["normalized"], row["normalized_unit"] = normalized["magnitude"], normalized["unit"]
    period = row.pop("period", None)  # a reported figure has a date instead, `as_of`
    if period is not None:
        row["period_start"], row["period_end"] = period["start"], period["end"]
    return row


# The report's own fields among the status columns: enough to read it and to find its row
# of `reported` (REPORTED_KEY: indicator, scope, measure, as_of, dated).
REPORT_KEYS = ("value", "unit", "comparator", "measure", "as_of", "dated")


def status_columns(outcome: Any, as_of: date | None) -> dict[str, Any]:
    """A target's STATUS_COLUMNS, from its Outcome (or `Outcome.to_dict()`): the one set of
    columns every table gives a status in (export, compare, progress)."""
    found = outcome.to_dict() if hasattr(outcome, "to_dict") else outcome or {}
    reason, report = found.get("reason") or {}, found.get("report") or {}
    source = report.get("source") or {}
    return {
        "status": found.get("status"),
        "status_reason_code": reason.get("code"),
        "status_reason": reason.get("text"),
        "status_gap": found.get("gap"),
        **{f"status_report_{key}": report.get(key) for key in REPORT_KEYS},
        "status_report_publisher": source.get("publisher"),
        "status_report_url": source.get("url"),
        "status_as_of": as_of.isoformat() if as_of else None,
    }
