"""How two figures of one indicator relate: comparable or not, change, change per year."""

from __future__ import annotations

from msgspec import Struct

from .records import Target
from .vocabulary import RECURRING_MEASURES, STOCK_MEASURES, Dimension, Measure, Verdict

MEASURE_WORDS = {
    Measure.level: "a stock",
    Measure.cumulative: "a cumulative stock",
    Measure.addition: "a yearly addition",
    Measure.share: "a share",
    Measure.rate: "a rate",
    Measure.frequency: "a frequency",
}


def not_comparable_reason(a: Target, b: Target, across_scopes: bool = False) -> str | None:
    """Why two figures cannot be set against each other, or None when they can.
    `across_scopes`: set a city's figure beside its province's (an alignment, not a diff)."""
    if a.scope != b.scope and not across_scopes:
        return f"different scope: {a.scope} vs {b.scope}"
    if a.dimension != b.dimension:
        return f"different dimension: {a.dimension} vs {b.dimension}"
    same_kind = a.measure == b.measure or {a.measure, b.measure} <= STOCK_MEASURES
    if not same_kind:
        return (
            f"different measure: {a.measure} ({MEASURE_WORDS[a.measure]}) vs "
            f"{b.measure} ({MEASURE_WORDS[b.measure]})"
        )
    return None


class Change(Struct, frozen=True):
    absolute: float  # in the normalized unit; percentage points for shares
    relative: float | None  # b / a - 1; None when a is 0
    per_year: float | None  # see `per_year_kind`
    per_year_kind: str | None  # "points" (linear, shares) or "growth" (compound, others)
    years: int

    def to_dict(self) -> dict:
        return {
            "absolute": self.absolute,
            "relative": self.relative,
            "per_year": self.per_year,
            "per_year_kind": self.per_year_kind,
            "years": self.years,
        }


def change_between(a: Target, b: Target) -> Change:
    absolute = b.normalized - a.normalized
    relative = (b.normalized / a.normalized - 1) if a.normalized else None
    years = b.year - a.year
    per_year = kind = None
    # A recurring duty's year is when it starts, not a stage of growth: a change of how
    # often something is done has no rate per year.
    if years > 0 and b.measure not in RECURRING_MEASURES:
        if a.dimension == Dimension.share:
            per_year, kind = absolute / years, "points"
        elif a.normalized > 0 and b.normalized > 0:
            per_year, kind = (b.normalized / a.normalized) ** (1 / years) - 1, "growth"
    return Change(absolute, relative, per_year, kind, years)


def direction(a: Target, b: Target) -> Verdict:
    """Whether the number went up or down; whether that asks for more is `ambition.py`'s."""
    if b.normalized > a.normalized:
        return Verdict.raised
    if b.normalized < a.normalized:
        return Verdict.lowered
    return Verdict.unchanged
