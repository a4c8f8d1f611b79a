"""The period of a figure: the years it covers.

A figure covers a span of years as well as referring to a year. A stock, a share or a
baseline is a state at the end of its year and covers that year alone. An addition
covers the years over which it is to be added: in a document whose own period spans
several years (a plan for 2023–2025), an addition due by a year of that period is added
from the period's start (Binzhou's 创建150家以上 by 2025 covers 2023–2025); in an annual
work programme, its year. A recurring duty (a rate or a frequency) holds from its year to
the end of its document's period. A data file overrides the derived period per row where
the text says otherwise (每年新增 in a plan covers one year; 累计 from a stated year).

Figures over different periods are compared only per year, and only when both are
additions; otherwise like with like means the same period.
"""

from __future__ import annotations

from .records import Document, Period, Target, TargetEntry
from .vocabulary import RECURRING_MEASURES, Kind, Measure


def derived_period(entry: TargetEntry, document: Document) -> Period:
    """The period a figure covers when its entry names none (the module's rule)."""
    year = entry.year
    if entry.kind == Kind.baseline:
        return Period(year, year)
    if entry.measure in RECURRING_MEASURES:
        return Period(year, max(year, document.period.end))
    if entry.measure == Measure.addition and document.period.start < year <= document.period.end:
        return Period(document.period.start, year)
    return Period(year, year)


def period_of(target: Target) -> Period:
    """A loaded target's period; loading always fills it, records built in memory may not."""
    return target.period or Period(target.year, target.year)


def years_in(period: Period) -> int:
    """How many years a period covers, both ends counted: 2023–2025 is 3."""
    return period.end - period.start + 1


def per_year(target: Target) -> float:
    """An addition's normalized amount for one year of its period: 150 over 2023–2025 is 50."""
    return target.normalized / years_in(period_of(target))


def same_period(a: Target, b: Target) -> bool:
    return period_of(a) == period_of(b)


def compared_per_year(a: Target, b: Target) -> bool:
    """Two additions over periods of different lengths: their sizes compare only per year."""
    return a.measure == b.measure == Measure.addition and years_in(period_of(a)) != years_in(
        period_of(b)
    )
