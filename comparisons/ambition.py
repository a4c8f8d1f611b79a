"""Ambition: does a later target ask for more than an earlier one of the same indicator?

After Climate Action Tracker's "stronger / not stronger" and Climate Watch's "enhanced /
no enhancement", which compare targets for the same year. For the same target year the
value's direction decides, read through the indicator's `higher_is_better` (a rank going
from 5 to 3 is stronger). For different target years a higher value may still ask for a
slower pace, so the pace decides: both targets' implied paces per year from one starting
point, the latest baseline before the earlier target. Without a baseline there is no pace
to compare and the ambition is `unclear`, unless the answer needs no pace: the same or a
lower value by a later year asks for less (weaker), the same or a higher value by an
earlier year for more (stronger). Beside the value or pace, the comparator (≈ < ≥ < >)
and firmness (a firm target beats 力争) are signals too. When the signals disagree, the
result is `mixed`. Every signal is a reason (comparisons/reasons.py).

A pace measure (an addition, a rate, a frequency) is already an amount per period: its
values compare whatever their years, per year where their periods differ in length.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from msgspec import Struct

from .changes import amounts, not_comparable_reason, per_year_reason
from .reasons import Reason, reason
from .records import Indicator, Target
from .vocabulary import (
    PACE_MEASURES,
    Ambition,
    Comparator,
    Dimension,
    Kind,
    PaceKind,
    ReasonCode,
)

# How much a comparator promises, for an indicator where more is better. A ceiling
# (at most) promises least; a bare figure (exactly) promises what "at least" does.
_STRENGTH_HIGHER = {
    Comparator.at_most: 0,
    Comparator.about: 1,
    Comparator.exactly: 2,
    Comparator.at_least: 2,
    Comparator.between: 2,  # a range 2-3 promises its lower bound, as "at least 2" does
    Comparator.more_than: 3,
}
# Where less is better (a rank), the order turns round: "within the top 5" beats "about 5".
_STRENGTH_LOWER = {
    Comparator.more_than: 0,
    Comparator.at_least: 0,
    Comparator.about: 1,
    Comparator.exactly: 2,
    Comparator.at_most: 2,
    Comparator.between: 2,  # where less is better, a range promises its upper bound
}


class Assessment(Struct, frozen=True):
    ambition: Ambition
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict:
        return {
            "ambition": self.ambition.value,
            "reasons": [r.to_dict() for r in self.reasons],
        }


def value_reason(first: float, second: float, dimension: str, unit: str) -> Reason:
    """The change of value: in percentage points for a share, else in per cent, else
    (from zero, where there is no percentage) the new value itself."""
    if dimension == Dimension.share:
        return reason(ReasonCode.value, amount=second - first, unit="pp")
    if first:
        return reason(ReasonCode.value, amount=(second / first - 1) * 100, unit="%")
    return reason(ReasonCode.value, amount=second, unit=unit)


def pace_kind(dimension: str, *values: float) -> PaceKind:
    """How a pace is measured: percentage points a year for a share, compound growth for
    positive amounts, else a plain amount a year (a rank's places, an amount from 0)."""
    if dimension == Dimension.share:
        return PaceKind.points
    if dimension != Dimension.rank and all(v > 0 for v in values):
        return PaceKind.growth
    return PaceKind.amount


def _pace(start: Target, end: Target, kind: str) -> float:
    years = end.year - start.year
    if kind == PaceKind.growth:
        return (end.normalized / start.normalized) ** (1 / years) - 1
    return (end.normalized - start.normalized) / years


def starting_point(a: Target, b: Target, baselines: Iterable[Target]) -> Target | None:
    """The latest baseline of `a`'s scope before both targets' years that compares with
    them: a start from which both paces run forward."""
    found = [
        base
        for base in baselines
        if base.kind == Kind.baseline
        and base.scope == a.scope
        and base.year < min(a.year, b.year)
        and not_comparable_reason(base, a) is None
    ]
    return max(found, key=lambda base: base.year, default=None)


def pace_reason(indicator: Indicator, a: Target, b: Target, start: Target | None) -> Reason:
    """Both targets' paces from one start, and which is faster; or why there is none."""
    if start is None:
        return reason(ReasonCode.no_pace)
    kind = pace_kind(a.dimension, start.normalized, a.normalized, b.normalized)
    before, after = _pace(start, a, kind), _pace(start, b, kind)
    faster = None
    if not math.isclose(before, after, rel_tol=1e-9, abs_tol=1e-12):
        faster = (after > before) == indicator.higher_is_better
    return reason(
        ReasonCode.pace,
        faster=faster,
        before=before,
        after=after,
        kind=kind,
        unit=a.normalized_unit,
        start=start.year,
        before_year=a.year,
        after_year=b.year,
    )


def _signed(found: Reason, signal: int) -> Reason:
    """The reason with its signal: +1 where it says the later target asks for more, -1
    for less, 0 for neither."""
    return Reason(found.code, {**found.params, "signal": signal})


def assess(
    indicator: Indicator, a: Target, b: Target, baselines: Iterable[Target] = ()
) -> Assessment:
    """How ambitious `b` (the later document's target) is against `a`; the two must
    compare. `baselines`: the indicator's baselines, where a pace can start from."""
    found: list[Reason] = []
    better = 1 if indicator.higher_is_better else -1
    first, second = amounts(a, b)
    per_year = per_year_reason(a, b)
    if per_year:
        found.append(_signed(per_year, 0))
    across_years = a.year != b.year and b.measure not in PACE_MEASURES
    unclear = False
    later = b.year > a.year
    deadline = _signed(
        reason(ReasonCode.deadline, years=b.year - a.year, same_value=first == second),
        -1 if later else 1,
    )
    value = None
    if first != second:
        value = value_reason(first, second, a.dimension, b.normalized_unit)
        value = _signed(value, better if second > first else -better)
    if across_years and value is None:
        found.append(deadline)
    elif across_years and (value.params["signal"] < 0) == later:
        # Less by a later year, or more by an earlier one: no pace is needed to tell.
        found += [value, deadline]
    elif across_years:
        pace = pace_reason(indicator, a, b, starting_point(a, b, baselines))
        unclear = pace.code == ReasonCode.no_pace
        faster = pace.params.get("faster")
        found.append(_signed(pace, 0 if faster is None else (1 if faster else -1)))
    elif value is not None:
        found.append(value)
    strength = _STRENGTH_HIGHER if indicator.higher_is_better else _STRENGTH_LOWER
    if strength[a.comparator] != strength[b.comparator]:
        stronger = strength[b.comparator] > strength[a.comparator]
        comparator = reason(ReasonCode.comparator, before=a.comparator, after=b.comparator)
        found.append(_signed(comparator, 1 if stronger else -1))
    if a.aspirational != b.aspirational:
        firmness = reason(ReasonCode.firmness, aspirational=b.aspirational)
        found.append(_signed(firmness, -1 if b.aspirational else 1))
    directions = {r.params["signal"] for r in found} - {0}
    if unclear:
        ambition = Ambition.unclear
    elif not directions:
        ambition = Ambition.same
    elif len(directions) == 2:
        ambition = Ambition.mixed
    else:
        ambition = Ambition.stronger if directions == {1} else Ambition.weaker
    return Assessment(ambition, tuple(found))
