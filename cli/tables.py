"""Rows shared by `show`, `export` and `indicators`: one target as a display row and a record."""

from __future__ import annotations

from policy_targets.comparisons.periods import period_of
from policy_targets.comparisons.records import Dataset, Target
from policy_targets.comparisons.vocabulary import Measure

from .labels import kind_word, say, scope_name, term
from .present import as_written, normalized

_TARGET_KEYS = [
    "indicator",
    "kind",
    "year",
    "as_written",
    "measure",
    "normalized",
    "quote",
    "locator",
]


def target_headers(lang: str) -> list[str]:
    """The column headers of target_row in `lang`."""
    return [say(key, lang) for key in _TARGET_KEYS]


def target_row(target: Target, dataset: Dataset, lang: str) -> list[str]:
    indicator = dataset.indicators[target.indicator]
    name = indicator.name(lang)
    if target.scope != dataset.documents[target.document].scope:
        name += f" [{scope_name(target.scope, lang)}]"
    period = period_of(target)
    year = str(target.year)
    if period.start != period.end:  # an addition over a plan: the years it covers too
        year += f" ({period.start}–{period.end})"
    return [
        name,
        kind_word(target, lang),
        year,
        as_written(target),
        term(target.measure, lang, Measure),
        normalized(target, lang),
        target.quote,
        target.locator,
    ]


CHANGE_FIELDS = ("absolute", "relative", "per_year", "per_year_kind", "years", "basis")


def flat_change(change: dict | None) -> dict:
    """A change's fields as change_… columns, empty when there is none, for CSV."""
    change = change or {}
    return {f"change_{key}": change.get(key) for key in CHANGE_FIELDS}
