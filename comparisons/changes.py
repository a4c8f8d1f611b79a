"""How two figures of one indicator relate: comparable or not, change, change per year."""

from __future__ import annotations

from msgspec import Struct

from .periods import compared_per_year, per_year, period_of
from .reasons import Reason, reason
from .records import Target
from .vocabulary import (
    RECURRING_MEASURES,
    STOCK_MEASURES,
    Dimension,
    Measure,
    PaceKind,
    ReasonCode,
    Verdict,
)

MEASURE_WORDS = {
    Measure.level: "a stock",
    Measure.cumulative: "a cumulative stock",
    Measure.addition: "an addition over its period",
    Measure.share: "a share",
    Measure.rate: "a rate",
    Measure.frequency: "a frequency",
}


def not_comparable_reason(a: Target, b: Target, across_scopes: bool = False) -> Reason | None:
    """Why two figures cannot be set against each other, or None when they can.
    `across_scopes`: set a city's figure beside its province's (an alignment, not a diff)."""
    if a.scope != b.scope and not across_scopes:
        return reason(ReasonCode.different_scope, before=a.scope, after=b.scope)
    if a.dimension != b.dimension:
        return reason(ReasonCode.different_dimension, before=a.dimension, after=b.dimension)
    same_kind = a.measure == b.measure or {a.measure, b.measure} <= STOCK_MEASURES
    if not same_kind:
        return reason(
            ReasonCode.different_measure,
            before=a.measure,
            after=b.measure,
            before_words=MEASURE_WORDS[a.measure],
            after_words=MEASURE_WORDS[b.measure],
        )
    return None


def amounts(a: Target, b: Target) -> tuple[float, float]:
    """The amounts two comparable figures are set against each other by: their normalized
    values, or per year where both are additions over periods of different lengths."""
    if compared_per_year(a, b):
        return per_year(a), per_year(b)
    return a.normalized, b.normalized


def per_year_reason(a: Target, b: Target) -> Reason | None:
    """The reason that says two additions were compared per year, with both periods."""
    if not compared_per_year(a, b):
        return None
    pa, pb = period_of(a), period_of(b)
    return reason(
        ReasonCode.per_year,
        before=a.normalized,
        before_period=[pa.start, pa.end],
        before_per_year=per_year(a),
        after=b.normalized,
        after_period=[pb.start, pb.end],
        after_per_year=per_year(b),
    )


class Change(Struct, frozen=True):
    absolute: float  # in the normalized unit (per year where `basis` says so); pp for shares
    relative: float | None  # b / a - 1; None when a is 0
    per_year: float | None  # see `per_year_kind`
    per_year_kind: str | None  # a PaceKind: points (linear, shares) or growth (compound)
    years: int
    basis: str = "value"  # "value", or "per year" for additions over different periods

    def to_dict(self) -> dict:
        return {
            "absolute": self.absolute,
            "relative": self.relative,
            "per_year": self.per_year,
            "per_year_kind": self.per_year_kind,
            "years": self.years,
            "basis": self.basis,
        }


def change_between(a: Target, b: Target) -> Change:
    first, second = amounts(a, b)
    basis = "per year" if compared_per_year(a, b) else "value"
    absolute = second - first
    relative = (second / first - 1) if first else None
    years = b.year - a.year
    per_year_change = kind = None
    # A recurring duty's year is when it starts, not a stage of growth: a change of how
    # often something is done has no rate per year.
    if years > 0 and b.measure not in RECURRING_MEASURES:
        if a.dimension == Dimension.share:
            per_year_change, kind = absolute / years, PaceKind.points
        elif first > 0 and second > 0:
            per_year_change, kind = (second / first) ** (1 / years) - 1, PaceKind.growth
    return Change(absolute, relative, per_year_change, kind, years, basis)


def direction(a: Target, b: Target) -> Verdict:
    """Whether the number went up or down (per year for additions over different periods);
    whether that asks for more is `ambition.py`'s."""
    first, second = amounts(a, b)
    if second > first:
        return Verdict.raised
    if second < first:
        return Verdict.lowered
    return Verdict.unchanged
