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


def flat(record: dict) -> dict:
    """A record with `normalized` split into two columns, for CSV."""
    result = dict(record)
    magnitude = result.pop("normalized")
    result["normalized"] = magnitude["magnitude"]
    result["normalized_unit"] = magnitude["unit"]
    return result
