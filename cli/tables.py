"""Rows shared by `show`, `export` and `indicators`: one target as a display row and a record."""

from __future__ import annotations

from policy_targets.comparisons.records import Dataset, Target

from .present import normalized, written

TARGET_HEADERS = [
    "Indicator",
    "Kind",
    "Year",
    "As written",
    "Measure",
    "Normalized",
    "Quote",
    "Locator",
]


def target_row(target: Target, dataset: Dataset, lang: str) -> list[str]:
    indicator = dataset.indicators[target.indicator]
    name = indicator.name(lang)
    if target.scope != dataset.documents[target.document].scope:
        name += f" [{target.scope}]"
    kind = target.kind + (" (aspirational)" if target.aspirational else "")
    return [
        name,
        kind,
        str(target.year),
        written(target),
        target.measure,
        normalized(target),
        target.quote,
        target.locator,
    ]


def target_record(target: Target, dataset: Dataset) -> dict:
    document = dataset.documents[target.document]
    indicator = dataset.indicators[target.indicator]
    return {
        "document": document.id,
        "document_year": document.year,
        "scope": target.scope,
        "source": document.source,
        "indicator": indicator.id,
        "name_en": indicator.name_en,
        "name_zh": indicator.name_zh,
        "category": indicator.category,
        "value": target.value,
        "upper": target.upper,  # the upper bound of a range (comparator between), else None
        "unit": target.unit,
        "normalized": {"magnitude": target.normalized, "unit": target.normalized_unit},
        "dimension": target.dimension,
        "comparator": target.comparator,
        "measure": target.measure,
        "kind": target.kind,
        "target_year": target.year,
        "aspirational": target.aspirational,
        "quote": target.quote,
        "locator": target.locator,
        "note": target.note,
    }


def flat(record: dict) -> dict:
    """A record with `normalized` split into two columns, for CSV."""
    result = dict(record)
    magnitude = result.pop("normalized")
    result["normalized"] = magnitude["magnitude"]
    result["normalized_unit"] = magnitude["unit"]
    return result
