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

    found = [r for r in found if r.normalized_unit == unit]
    if not found:
        return []
    days = [date.fromisoformat(r.as_of) for r in found]
    x = [d.year - 1 + d.timetuple().tm_yday / (366 if d.year % 4 == 0 else 365) for d in days]
    where = f"{scope_name(found[0].scope, lang)}: " if scopes else ""
    axes.plot(
        x,
        [r.normalized for r in found],
        color=colours[index % len(colours)] if scopes else "#333333",
        marker=".",
        linewidth=1.5,
        zorder=2,
        label=f"{where}{_word('reported', lang)}",
    )
    return x
