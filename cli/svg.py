"""The geometry of a trajectory's charts, drawn as inline SVG by templates/chart.html.j2.

One chart per series of figures that measure alike (stocks with stocks, additions with
additions, in one unit), each on its own axis from zero: a line joins only figures that
compare, and no axis mixes units. Written directly rather than by matplotlib, which
would cost a second of import for a few lines and circles.
"""

from __future__ import annotations

from policy_targets.comparisons.numbers import format_number

WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 26, 36
STOCK_MEASURES = ("level", "cumulative")


def series_key(point: dict) -> tuple[str, str]:
    """What a point measures: stock (level or cumulative) or its measure, and its unit."""
    measure = "stock" if point["measure"] in STOCK_MEASURES else point["measure"]
    return measure, point["normalized"]["unit"]


def charts(points: list[dict]) -> list[dict]:
    """The charts of a trajectory's points (to_dict records with `shown`), one per
    series, all on the same years."""
    if not points:
        return []
    years = [p["target_year"] for p in points]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    groups: dict[tuple[str, str], list[dict]] = {}
    for point in points:
        groups.setdefault(series_key(point), []).append(point)
    return [_chart(measure, unit, group, first, last) for (measure, unit), group in groups.items()]


def _chart(measure: str, unit: str, points: list[dict], first: int, last: int) -> dict:
    top = max(p["normalized"]["magnitude"] for p in points) or 1
    inner_width = WIDTH - LEFT - RIGHT
    inner_height = HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        # Half a year of room at either end, so that no label meets the axis's numbers.
        return round(LEFT + (year - first + 0.5) / (last - first + 1) * inner_width, 1)

    def y(value: float) -> float:
        return round(TOP + inner_height - value / (top * 1.1) * inner_height, 1)

    placed = [
        {
            "x": x(p["target_year"]),
            "y": y(p["normalized"]["magnitude"]),
            "label": p["shown"]["normalized"],
            "filled": p["kind"] == "target",
            "year": p["target_year"],
            "document": p["document"],
        }
        for p in points
    ]
    step = max(1, round((last - first) / 8))
    return {
        "measure": measure,
        "unit": unit,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "x_ticks": [(x(year), str(year)) for year in range(first, last + 1, step)],
        "y_ticks": [(y(top * f), format_number(top * f)) for f in (0, 0.5, 1)],
        "path": " ".join(
            f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}" for i, p in enumerate(placed)
        ),
        "points": placed,
    }
