"""Unit normalization with pint: "20万个" → 200 000, "12.5E" → 12.5 EFLOPS.

One registry, built lazily from `units.txt` the first time a unit is parsed. Units
are parsed once per distinct string and cached, so normalizing a large dataset costs
one multiplication per target.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .errors import UnitError
from .layout import UNIT_DEFINITIONS
from .numbers import format_number
from .vocabulary import Dimension

# dimension → (pint unit to convert to, label shown to users, pint dimensionality)
CANONICAL: dict[Dimension, tuple[str, str, str]] = {
    Dimension.count: ("item", "", "[count]"),
    Dimension.currency: ("yuan", "yuan", "[currency]"),
    Dimension.share: ("percent", "%", ""),
    # A yearly change of a share (年均提高2%): written with %, counted in percentage points a
    # year. It has the dimensionality of a share, so only the indicator's dimension tells it.
    Dimension.share_change: ("percent", "pp/yr", ""),
    Dimension.compute: ("EFLOPS", "EFLOPS", "[compute]"),
    Dimension.power: ("GW", "GW", "[power]"),
    Dimension.energy: ("kWh", "kWh", "[energy]"),
    Dimension.bandwidth: ("Mbps", "Mbps", "[bandwidth]"),
    Dimension.data_volume: ("PB", "PB", "[data]"),
    Dimension.study_time: ("class_hour", "class hours", "[study_time]"),
    Dimension.rank: ("rank_position", "rank", "[rank]"),
    Dimension.index: ("index_point", "points", "[index]"),
    Dimension.rating: ("star", "stars", "[rating]"),
    # In years: 三年左右 is ≈3 years, never ≈1,095.75 days.
    Dimension.duration: ("year", "years", "[time]"),
    Dimension.frequency: ("1 / year", "per year", "1 / [time]"),
}

# A unit as written: CJK characters, Latin letters and % only (no arithmetic).
_UNIT_TEXT = re.compile(r"^[\u3400-\u9fffA-Za-z%]{1,12}$")
_FREQUENCY = re.compile(r"^每(?P<count>\d+(?:\.\d+)?)?(?P<period>[^\d]+)$")
_QUANTITY = re.compile(r"^\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>\S.*?)\s*$")


@dataclass(frozen=True, slots=True)
class Normalized:
    magnitude: float
    unit: str  # the label of CANONICAL, e.g. "EFLOPS", "%", "per year"
    dimension: str

    def __str__(self) -> str:
        return f"{format_number(self.magnitude)} {self.unit}".strip()


@cache
def registry():
    import pint

    return pint.UnitRegistry(str(UNIT_DEFINITIONS), cache_folder=None)


def _clean(value: float) -> float:
    """Round away binary noise: 1.4 × 1e12 is 1.4e12, not 1400000000000.0002."""
    return float(f"{value:.12g}")


@cache
def unit_factor(unit: str) -> tuple[float, str]:
    """(factor to the canonical unit, dimension name) of a unit as written."""
    if unit.startswith("每"):
        raise UnitError(f"{unit!r} is a frequency; give it with measure: frequency")
    if not _UNIT_TEXT.match(unit):
        raise UnitError(f"unit {unit!r} is not a unit as written (letters, 汉字 or % only)")
    if "%" in unit and unit != "%":
        # pint would read 个% as 个 × 0.01 and %% as a ten-thousandth.
        raise UnitError(f"unit {unit!r}: % must stand alone")
    ureg = registry()
    try:
        parsed = ureg.parse_units(unit)
    except Exception as exc:  # pint raises many kinds on odd input; all mean "unknown"
        raise UnitError(f"unit {unit!r} is not known") from exc
    for name, (target, _label, dimensionality) in CANONICAL.items():
        if name in (Dimension.frequency, Dimension.share_change):
            continue
        if str(parsed.dimensionality) == (dimensionality or "dimensionless"):
            factor = ureg.Quantity(1, parsed).to(target).magnitude
            return _clean(float(factor)), name
    raise UnitError(f"unit {unit!r} has no known dimension")


@cache
def period_in_years(unit: str) -> float:
    """The length in years of the period a frequency unit names: 每季度 → 0.25."""
    match = _FREQUENCY.match(unit)
    if not match or match["count"]:
        raise UnitError(f"frequency unit {unit!r} must be 每 and a period, e.g. 每季度, 每个月")
    period = match["period"]
    if not _UNIT_TEXT.match(period):
        raise UnitError(f"frequency unit {unit!r} does not name a period")
    ureg = registry()
    try:
        quantity = ureg.Quantity(1, ureg.parse_units(period))
        return float(quantity.to("year").magnitude)
    except Exception as exc:  # pint raises many kinds on odd input; all mean "unknown"
        raise UnitError(f"frequency unit {unit!r}: {period!r} is not a period") from exc


def normalize(value: float, unit: str, dimension: str | None = None) -> Normalized:
    """Normalize a value and unit as written. Units starting with 每 are frequencies:
    the value counts periods between occurrences (2, 每个月 → every 2 months → 6 a year).
    `dimension`, the indicator's, tells a yearly change of a share (share-change, in
    percentage points a year) from a share, which is written with the same %.
    """
    if unit.startswith("每"):
        if value <= 0:
            raise UnitError(f"a frequency needs a positive number of periods, not {value}")
        per_year = 1 / (value * period_in_years(unit))
        return Normalized(_clean(per_year), CANONICAL[Dimension.frequency][1], Dimension.frequency)
    factor, found = unit_factor(unit)
    magnitude = value * factor
    if not math.isfinite(magnitude):
        raise UnitError(f"the value is too large to normalize ({unit})")
    if found is Dimension.share and dimension == Dimension.share_change:
        found = Dimension.share_change
    return Normalized(_clean(magnitude), CANONICAL[found][1], found)


def parse_quantity(text: str) -> Normalized:
    """Parse a quantity as a document writes it: "20万个", "12.5E", "每2个月", "每季度"."""
    text = text.strip()
    frequency = _FREQUENCY.match(text)
    if frequency:
        count = float(frequency["count"] or 1)
        return normalize(count, "每" + frequency["period"])
    match = _QUANTITY.match(text)
    if not match:
        raise UnitError(f"{text!r} is not a number followed by a unit")
    return normalize(float(match["value"]), match["unit"])
