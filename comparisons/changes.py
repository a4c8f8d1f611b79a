"""How two figures of one indicator relate: comparable or not, change, change per year."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Target
from .vocabulary import STOCK_MEASURES

MEASURE_WORDS = {
    "level": "a stock",
    "cumulative": "a cumulative stock",
    "addition": "a yearly addition",
    "share": "a share",
    "rate": "a rate",
    "frequency": "a frequency",
}


def not_comparable_reason(a: Target, b: Target) -> str | None:
    """Why two figures cannot be set against each other, or None when they can."""
    if a.scope != b.scope:
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


@dataclass(frozen=True, slots=True)
class Change:
    absolute: float  # in the normalized unit; percentage points for shares
    relative: float | None  # b / a - 1; None when a is 0
    per_year: float | None  # see `per_year_kind`
    per_year_kind: str | None  # "points" (linear, shares) or "growth" (compound, others)
    years: int


def change_between(a: Target, b: Target) -> Change:
    absolute = b.normalized - a.normalized
    relative = (b.normalized / a.normalized - 1) if a.normalized else None
    years = b.year - a.year
    per_year = kind = None
    if years > 0:
        if a.dimension == "share":
            per_year, kind = absolute / years, "points"
        elif a.normalized > 0 and b.normalized > 0:
            per_year, kind = (b.normalized / a.normalized) ** (1 / years) - 1, "growth"
    return Change(absolute, relative, per_year, kind, years)


def direction(a: Target, b: Target) -> str:
    if b.normalized > a.normalized:
        return "raised"
    if b.normalized < a.normalized:
        return "lowered"
    return "unchanged"
