"""Ambition: does a later target ask for more than an earlier one of the same indicator?

After Climate Action Tracker's "stronger / not stronger" and Climate Watch's "enhanced /
no enhancement". The value's direction decides, read through the indicator's
`higher_is_better` (a rank going from 5 to 3 is stronger). When the values are equal,
the comparator (≈ < ≥ < >), firmness (a firm target beats 力争) and the deadline (the
same value for a later year is weaker) decide. When the signals disagree, the result is
`mixed`. Every signal is listed as a reason, in words.
"""

from __future__ import annotations

from msgspec import Struct

from .numbers import format_number
from .records import Indicator, Target
from .vocabulary import PACE_MEASURES, Ambition, Comparator, Dimension

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
COMPARATOR_WORDS = {
    Comparator.at_least: "at least",
    Comparator.more_than: "more than",
    Comparator.about: "about",
    Comparator.exactly: "exactly",
    Comparator.at_most: "at most",
    Comparator.between: "a range",
}
ASPIRATIONAL = "力争 (aspirational)"


class Assessment(Struct, frozen=True):
    ambition: Ambition
    reasons: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"ambition": self.ambition.value, "reasons": list(self.reasons)}


def _value_reason(a: Target, b: Target) -> str:
    if a.dimension == Dimension.share:
        return f"value {_signed(b.normalized - a.normalized)} pp"
    if a.normalized:
        percent = f"{(b.normalized / a.normalized - 1) * 100:+,.1f}".removesuffix(".0")
        return f"value {percent} %"
    # From zero there is no percentage: the new value is the change.
    return f"value {_signed(b.normalized)} {b.normalized_unit}".rstrip()


def _signed(amount: float) -> str:
    return ("+" if amount >= 0 else "-") + format_number(abs(amount))


def _years(count: int) -> str:
    return f"{count} year{'s' if count != 1 else ''}"


def assess(indicator: Indicator, a: Target, b: Target) -> Assessment:
    """How ambitious `b` (the later target) is against `a`; the two must compare."""
    signals: list[tuple[int, str]] = []  # (+1 stronger / -1 weaker, reason)
    better = 1 if indicator.higher_is_better else -1
    value_signal = 0
    if b.normalized != a.normalized:
        value_signal = better if b.normalized > a.normalized else -better
        signals.append((value_signal, _value_reason(a, b)))
    strength = _STRENGTH_HIGHER if indicator.higher_is_better else _STRENGTH_LOWER
    before, after = strength[a.comparator], strength[b.comparator]
    if before != after:
        words = f"{COMPARATOR_WORDS[b.comparator]} instead of {COMPARATOR_WORDS[a.comparator]}"
        signals.append((1 if after > before else -1, words))
    if a.aspirational != b.aspirational:
        if b.aspirational:
            signals.append((-1, f"{ASPIRATIONAL} instead of firm"))
        else:
            signals.append((1, f"firm instead of {ASPIRATIONAL}"))
    if not value_signal and a.year != b.year and b.measure not in PACE_MEASURES:
        # The same state to reach by a later year asks for less; by an earlier year, more.
        # A pace (so many additions a year) asks the same whatever its year.
        later = b.year > a.year
        when = f"{_years(abs(b.year - a.year))} {'later' if later else 'earlier'}"
        signals.append((-1 if later else 1, f"same value, {when}"))
    directions = {signal for signal, _ in signals}
    if not directions:
        ambition = Ambition.same
    elif len(directions) == 2:
        ambition = Ambition.mixed
    else:
        ambition = Ambition.stronger if directions == {1} else Ambition.weaker
    return Assessment(ambition, tuple(reason for _, reason in signals))
