"""One indicator across all documents of a scope, in the order of the years it refers to."""

from __future__ import annotations

from dataclasses import dataclass

from .changes import Change, change_between, not_comparable_reason
from .records import Dataset, Document, Indicator, Target


@dataclass(frozen=True, slots=True)
class Step:
    """From one point to the next."""

    change: Change | None
    not_comparable: str | None = None
    lower_than_earlier: Target | None = None  # an earlier document's higher target


@dataclass(frozen=True, slots=True)
class Point:
    target: Target
    document: Document
    step: Step | None  # None for the first point


@dataclass(frozen=True, slots=True)
class Trajectory:
    indicator: Indicator
    scope: str
    points: list[Point]


def _lower_than_earlier(
    target: Target, earlier: list[tuple[Target, Document]], document: Document
) -> Target | None:
    """An earlier document's target, for the same or an earlier year, that this one undercuts."""
    if target.kind != "target":
        return None
    for other, other_document in earlier:
        if (
            other.kind == "target"
            and other_document.chronology < document.chronology
            and other.year <= target.year
            and not not_comparable_reason(other, target)
            and other.normalized > target.normalized
        ):
            return other
    return None


def trajectory(dataset: Dataset, indicator: Indicator, scope: str) -> Trajectory:
    documents = dataset.documents
    found = [
        (t, documents[t.document])
        for t in dataset.targets
        if t.indicator == indicator.id and t.scope == scope
    ]
    # By the year a figure refers to; baselines before targets of the same year.
    found.sort(key=lambda pair: (pair[0].year, pair[0].kind != "baseline", pair[1].chronology))
    points: list[Point] = []
    for position, (target, document) in enumerate(found):
        step = None
        if position:
            previous = found[position - 1][0]
            reason = not_comparable_reason(previous, target)
            step = Step(
                change=None if reason else change_between(previous, target),
                not_comparable=reason,
                lower_than_earlier=_lower_than_earlier(target, found, document),
            )
        points.append(Point(target, document, step))
    return Trajectory(indicator, scope, points)
