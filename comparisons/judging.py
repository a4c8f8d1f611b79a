"""What a reported figure says of a target's figure: the range each allows, and whether
the report's range lies within, outside or across the target's (README, "Outcomes").
`outcomes.py` turns these verdicts into statuses."""

from __future__ import annotations

import math

from .records import Indicator, Reported, Target
from .vocabulary import Comparator, Dimension, Measure, OutcomeCode

# An `about` target's tolerance: percentage points for shares, a fraction of the value
# otherwise (README, "Outcomes").
ABOUT_POINTS = 1.0
ABOUT_FRACTION = 0.05
SHARE_DIMENSIONS = (Dimension.share, Dimension.share_change)
# What a report says of a target: all of its range meets it, none of it does, or some.
REACHES, SHORT, OPEN = "reaches", OutcomeCode.short, "open"


def _bounds(report: Reported) -> tuple[float, float, bool, bool]:
    """The range the actual figure lies in: low, high, and whether each bound is open."""
    v = report.normalized
    slack = tolerance(report)
    return {
        Comparator.at_least: (v, math.inf, False, True),
        Comparator.more_than: (v, math.inf, True, True),
        Comparator.at_most: (-math.inf, v, True, False),
        Comparator.about: (v - slack, v + slack, False, False),
    }.get(report.comparator, (v, v, False, False))


def tolerance(figure: Target | Reported) -> float:
    """How far an `about` figure may lie from its value: below (above, where less is
    better) an `about` target and still meet it; either side of an `about` report."""
    if figure.dimension in SHARE_DIMENSIONS:
        return ABOUT_POINTS
    return abs(figure.normalized) * ABOUT_FRACTION


def _requirement(target: Target, indicator: Indicator) -> tuple[float, float, bool, bool]:
    """The range a figure must lie in to meet `target`: low, high, each bound open."""
    t = target.normalized
    higher = indicator.higher_is_better
    match target.comparator:
        case Comparator.more_than:
            return (t, math.inf, True, True)
        case Comparator.at_most:
            return (-math.inf, t, True, False)
        case Comparator.between:  # beyond the range in the better direction meets it
            upper = target.normalized_upper or t
            return (t, math.inf, False, True) if higher else (-math.inf, upper, True, False)
        case Comparator.about:
            slack = tolerance(target)
            return (
                (t - slack, math.inf, False, True)
                if higher
                else (-math.inf, t + slack, True, False)
            )
        case Comparator.at_least:
            return (t, math.inf, False, True)
        case _:  # exactly: a bare figure asks what "at least" asks, by the polarity
            return (t, math.inf, False, True) if higher else (-math.inf, t, True, False)


def judge(
    target: Target,
    indicator: Indicator,
    low: float,
    high: float,
    open_low: bool = False,
    open_high: bool = False,
) -> str:
    """Whether a figure somewhere in low…high (each end open or not) meets the target:
    REACHES when all of that range does, SHORT when none of it does, else OPEN."""
    r_low, r_high, r_open_low, r_open_high = _requirement(target, indicator)
    low_in = low > r_low or (low == r_low and (open_low or not r_open_low))
    high_in = high < r_high or (high == r_high and (open_high or not r_open_high))
    if low_in and high_in:
        return REACHES
    below = high < r_low or (high == r_low and (open_high or r_open_low))
    above = low > r_high or (low == r_high and (open_low or r_open_high))
    return SHORT if below or above else OPEN


def judge_report(target: Target, indicator: Indicator, report: Reported) -> str:
    """What a report says of the target's figure. A running total (累计, ever built) is
    never below the level (in use) of the same thing: a running total bounds a level
    target's figure from above only, a level bounds a running-total target's from below."""
    low, high, open_low, open_high = _bounds(report)
    if report.measure == Measure.cumulative and target.measure == Measure.level:
        low, open_low = -math.inf, True
    elif report.measure == Measure.level and target.measure == Measure.cumulative:
        high, open_high = math.inf, True
    return judge(target, indicator, low, high, open_low, open_high)


def judge_running_total(target: Target, indicator: Indicator, report: Reported) -> str:
    """What a running total reported before the year's end says of the year-end figure:
    at least as much (it never falls), with no upper bound."""
    low, _, open_low, _ = _bounds(report)
    return judge(target, indicator, low, math.inf, open_low, True)
