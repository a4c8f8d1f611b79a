"""The figures reported as achieved, drawn on a trajectory's chart as a line (plot.py)."""

from __future__ import annotations

from .labels import scope_name
from .plot import _word


def reported_line(
    axes, found: list, unit: str, colours, index: int, scopes: bool, lang
) -> list[float]:
    """The figures reported as achieved, as a line of small dots, in the unit of the
    targets only. A report as of 31 December of a year stands on that year, where the
    target for the end of that year stands; one of June halfway before it."""
    from datetime import date

    from policy_targets.comparisons.vocabulary import Dated

    found = [r for r in found if r.normalized_unit == unit]
    if not found:
        return []
    days = [date.fromisoformat(r.as_of) for r in found]
    x = [d.year - 1 + d.timetuple().tm_yday / (366 if d.year % 4 == 0 else 365) for d in days]
    where = f"{scope_name(found[0].scope, lang)}: " if scopes else ""
    colour = colours[index % len(colours)] if scopes else "#333333"
    axes.plot(
        x,
        [r.normalized for r in found],
        color=colour,
        marker=".",
        linewidth=1.5,
        zorder=2,
        label=f"{where}{_word('reported', lang)}",
    )
    # A figure the source dates only as 目前 stands at the latest day it can refer to:
    # a cross (no target marker is one), so that the chart does not claim the day.
    undated = [
        (at, r.normalized) for at, r in zip(x, found, strict=True) if r.dated != Dated.stated
    ]
    if undated:
        axes.plot(
            [at for at, _ in undated],
            [value for _, value in undated],
            linestyle="none",
            marker="x",
            color=colour,
            zorder=3,
            label=f"{where}{_word('reported_undated', lang)}",
        )
    return x
