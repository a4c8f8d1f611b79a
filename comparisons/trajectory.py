"""One indicator across all documents of a scope, in the order of the years it refers to.

Successive points are related in the words `compare` uses: raised, lowered or unchanged
(and, between two targets, their ambition), or not comparable with the reason.
"""

from __future__ import annotations

from msgspec import Struct

from .ambition import Assessment, assess
from .changes import (
    MEASURE_WORDS,
    Change,
    amounts,
    change_between,
    direction,
    not_comparable_reason,
)
from .diff import chronology
from .errors import UsageError
from .reasons import Reason
from .records import Dataset, Document, Indicator, Target
from .results import target_record
from .vocabulary import SCOPE_NAMES, STOCK_MEASURES, Kind, Verdict


class Step(Struct, frozen=True):
    """From one point to the next."""

    verdict: Verdict  # raised, lowered, unchanged or not comparable
    change: Change | None
    assessment: Assessment | None  # between two targets that compare
    not_comparable: Reason | None
    lower_than_earlier: Target | None  # an earlier document's higher target

    @property
    def reasons(self) -> tuple[Reason, ...]:
        found = self.assessment.reasons if self.assessment else ()
        return found + ((self.not_comparable,) if self.not_comparable else ())

    def to_dict(self) -> dict:
        earlier = self.lower_than_earlier
        return {
            "verdict": self.verdict.value,
            "ambition": self.assessment.ambition.value if self.assessment else None,
            "reasons": [r.to_dict() for r in self.reasons],
            "change": self.change.to_dict() if self.change else None,
            "lower_than_earlier": (
                {"document": earlier.document, "target_year": earlier.year} if earlier else None
            ),
        }


class Point(Struct, frozen=True):
    target: Target
    document: Document
    step: Step | None  # None for the first point


class Trajectory(Struct, frozen=True):
    indicator: Indicator
    scope: str
    points: list[Point]
    without_figure: list[Document]  # documents of the scope that give no figure

    def series(self) -> dict[str, list[Point]]:
        """The points grouped by what they measure, each group's points comparable with
        each other: stocks with stocks, additions with additions, within one dimension."""
        dimensions = {p.target.dimension for p in self.points}
        groups: dict[str, list[Point]] = {}
        for point in self.points:
            target = point.target
            if target.measure in STOCK_MEASURES:
                label = "stock (level or cumulative)"
            else:
                label = f"{target.measure} ({MEASURE_WORDS[target.measure]})"
            if len(dimensions) > 1:
                label += f", {target.dimension}"
            groups.setdefault(label, []).append(point)
        return groups

    def to_dict(self) -> dict:
        return {
            "indicator": self.indicator.id,
            "name_en": self.indicator.name_en,
            "name_zh": self.indicator.name_zh,
            "scope": self.scope,
            "points": [
                {
                    **target_record(point.target, point.document, self.indicator),
                    "step": point.step.to_dict() if point.step else None,
                }
                for point in self.points
            ],
            "no_figure_in": [document.id for document in self.without_figure],
        }


def _above(other: Target, target: Target) -> bool:
    """Whether `other` is the higher figure, per year where both are additions over periods
    of different lengths."""
    first, second = amounts(other, target)
    return first > second


def _lower_than_earlier(
    target: Target, earlier: list[tuple[Target, Document]], document: Document
) -> Target | None:
    """An earlier document's target, for the same or an earlier year, that this one undercuts."""
    if target.kind != Kind.target:
        return None
    for other, other_document in earlier:
        if (
            other.kind == Kind.target
            and chronology(other_document) < chronology(document)
            and other.year <= target.year
            and not not_comparable_reason(other, target)
            and _above(other, target)
        ):
            return other
    return None


def _step(
    indicator: Indicator,
    previous: tuple[Target, Document],
    target: Target,
    found: list[tuple[Target, Document]],
    document: Document,
) -> Step:
    previous, previous_document = previous
    reason = not_comparable_reason(previous, target)
    lower = _lower_than_earlier(target, found, document)
    if reason:
        return Step(Verdict.not_comparable, None, None, reason, lower)
    # Ambition is a later document's answer to an earlier one's target: not a baseline,
    # and not a figure that an earlier document set for a later year.
    revised = chronology(document) > chronology(previous_document)
    both_targets = revised and previous.kind == target.kind == Kind.target
    baselines = [t for t, _ in found if t.kind == Kind.baseline]
    return Step(
        direction(previous, target),
        change_between(previous, target),
        assess(indicator, previous, target, baselines) if both_targets else None,
        None,
        lower,
    )


def trajectory(dataset: Dataset, indicator: Indicator, scope: str) -> Trajectory:
    """Every figure of `indicator` in `scope`; an error when there is none, naming the
    scopes that have figures for it."""
    documents = dataset.documents
    found = [
        (t, documents[t.document])
        for t in dataset.targets
        if t.indicator == indicator.id and t.scope == scope
    ]
    if not found:
        elsewhere = sorted({t.scope for t in dataset.targets if t.indicator == indicator.id})
        where = f"it has figures for {', '.join(elsewhere)}" if elsewhere else "it has none"
        raise UsageError(f"{indicator.id} has no figure for {scope}; {where}")
    # By the year a figure refers to; baselines before targets of the same year.
    found.sort(key=lambda pair: (pair[0].year, pair[0].kind != Kind.baseline, chronology(pair[1])))
    points: list[Point] = []
    for position, (target, document) in enumerate(found):
        step = None
        if position:
            step = _step(indicator, found[position - 1], target, found, document)
        points.append(Point(target, document, step))
    with_figure = {document.id for _, document in found}
    without = sorted(
        (d for d in documents.values() if d.scope == scope and d.id not in with_figure),
        key=chronology,
    )
    return Trajectory(indicator, scope, points, without)


def trajectories(dataset: Dataset, indicator: Indicator) -> list[Trajectory]:
    """The indicator's trajectory in every scope with a figure for it (`--scope all`):
    the province, its cities, then the comparison scopes, in SCOPE_NAMES order."""
    order = list(SCOPE_NAMES)
    found = {t.scope for t in dataset.targets if t.indicator == indicator.id}
    if not found:
        raise UsageError(f"{indicator.id} has no figure for any scope")
    ranked = sorted(found, key=lambda s: (order.index(s) if s in order else len(order), s))
    return [trajectory(dataset, indicator, scope) for scope in ranked]
