"""Comparing the targets of two documents, indicator by indicator."""

from __future__ import annotations

from dataclasses import dataclass

from .changes import Change, change_between, direction, not_comparable_reason
from .errors import UsageError
from .records import Dataset, Document, Indicator, Target
from .vocabulary import CATEGORY_ORDER

ONLY = {
    "changed": {"raised", "lowered"},
    "new": {"new"},
    "dropped": {"dropped"},
}


def require_category(category: str | None) -> None:
    """A UsageError unless `category` is None or one of CATEGORY_ORDER."""
    if category is not None and category not in CATEGORY_ORDER:
        raise UsageError(f"unknown category {category!r}; choose from {', '.join(CATEGORY_ORDER)}")


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    indicator: Indicator
    before: Target | None
    after: Target | None
    verdict: str
    reason: str | None = None
    change: Change | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    before: Document
    after: Document
    rows: list[ComparisonRow]

    @property
    def changed(self) -> bool:
        return any(row.verdict != "unchanged" for row in self.rows)


def _headline(targets: list[Target]) -> dict[str, list[Target]]:
    """A document's targets by indicator, latest year first."""
    by_indicator: dict[str, list[Target]] = {}
    for target in targets:
        by_indicator.setdefault(target.indicator, []).append(target)
    for candidates in by_indicator.values():
        candidates.sort(key=lambda t: -t.year)
    return by_indicator


def _pair(before: list[Target], after: list[Target]) -> tuple[Target, Target]:
    """The latest comparable pair, else the latest of each."""
    for a in before:
        for b in after:
            if not_comparable_reason(a, b) is None:
                return a, b
    return before[0], after[0]


def _row(indicator: Indicator, before: list[Target], after: list[Target]) -> ComparisonRow:
    if not before:
        return ComparisonRow(indicator, None, after[0], "new")
    if not after:
        return ComparisonRow(indicator, before[0], None, "dropped")
    a, b = _pair(before, after)
    reason = not_comparable_reason(a, b)
    if reason:
        return ComparisonRow(indicator, a, b, "not comparable", reason)
    return ComparisonRow(indicator, a, b, direction(a, b), None, change_between(a, b))


def _targets_in_scope(dataset: Dataset, document: Document) -> list[Target]:
    return [
        t
        for t in dataset.targets
        if t.document == document.id and t.kind == "target" and t.scope == document.scope
    ]


def compare(
    dataset: Dataset,
    before: Document,
    after: Document,
    category: str | None = None,
    only: str | None = None,
) -> Comparison:
    """One row per indicator that has a target in either document."""
    if before.id == after.id:
        raise UsageError(f"both sides are {before.id}; compare two different documents")
    require_category(category)
    if only is not None and only not in ONLY:
        raise UsageError(f"unknown --only {only!r}; choose from {', '.join(ONLY)}")
    a = _headline(_targets_in_scope(dataset, before))
    b = _headline(_targets_in_scope(dataset, after))
    rows = []
    for indicator_id in a.keys() | b.keys():
        indicator = dataset.indicators[indicator_id]
        if category and indicator.category != category:
            continue
        row = _row(indicator, a.get(indicator_id, []), b.get(indicator_id, []))
        if only and row.verdict not in ONLY[only]:
            continue
        rows.append(row)
    rows.sort(
        key=lambda r: (CATEGORY_ORDER.index(r.indicator.category), r.indicator.name_en.casefold())
    )
    return Comparison(before, after, rows)
