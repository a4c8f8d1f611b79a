"""PNG charts with matplotlib, an optional extra: pip install 'policy-targets[plot]'."""

from __future__ import annotations

import io
from pathlib import Path

from policy_targets.comparisons.errors import UsageError

from .output import write_atomically
from .present import SYMBOLS

MARKERS = {
    "at_least": "^",
    "more_than": ">",
    "about": "D",
    "exactly": "o",
    "at_most": "v",
    "between": "s",
}


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise UsageError("--plot needs matplotlib: pip install 'policy-targets[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_trajectory(trajectory, path: Path, force: bool) -> None:
    """Targets as markers shaped by their comparator, baselines as hollow circles,
    one colour per source document; a line joins the points in year order."""
    plt = _pyplot()
    indicator = trajectory.indicator
    points = trajectory.points
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    if points:
        unit = points[0].target.normalized_unit
        axes.plot(
            [p.target.year for p in points],
            [p.target.normalized for p in points],
            color="#bbbbbb",
            linewidth=1,
            zorder=1,
        )
    else:
        unit = ""
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    documents = list(dict.fromkeys(p.document.id for p in points))
    for point in points:
        target = point.target
        colour = colours[documents.index(point.document.id) % len(colours)]
        baseline = target.kind == "baseline"
        axes.scatter(
            target.year,
            target.normalized,
            s=80,
            zorder=3,
            marker="o" if baseline else MARKERS[target.comparator],
            facecolors="none" if baseline else colour,
            edgecolors=colour,
            linewidths=1.8,
            label=point.document.id,
        )
        label = f"{SYMBOLS[target.comparator]}{target.normalized:g}"
        axes.annotate(
            label,
            (target.year, target.normalized),
            textcoords="offset points",
            xytext=(0, 9),
            ha="center",
            fontsize=9,
        )
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    if unique:
        axes.legend(unique.values(), unique.keys(), title="Source document", fontsize=8, loc="best")
    axes.set_title(f"{indicator.name_en} ({trajectory.scope})")
    axes.set_xlabel("Year the figure refers to (hollow: baseline; ▲ ≥, ▶ >, ◆ ≈, ● exactly)")
    axes.set_ylabel(unit or "count")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.grid(alpha=0.3)
    axes.margins(y=0.2)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    write_atomically(path, buffer.getvalue(), force)


def plot_comparison(comparison, indicator_ids: list[str], path: Path, force: bool) -> None:
    """One small panel per chosen indicator: the two documents' figures as bars."""
    plt = _pyplot()
    rows = [row for row in comparison.rows if row.indicator.id in indicator_ids]
    if not rows:
        raise UsageError("none of the chosen indicators has a target in either document")
    columns = min(3, len(rows))
    lines = -(-len(rows) // columns)
    figure, grid = plt.subplots(
        lines, columns, figsize=(4 * columns, 3.2 * lines), dpi=100, squeeze=False
    )
    labels = [comparison.before.id, comparison.after.id]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"][:2]
    for axes, row in zip(grid.flat, rows, strict=False):
        sides = [row.before, row.after]
        heights = [t.normalized if t else 0 for t in sides]
        bars = axes.bar([0, 1], heights, color=colours, width=0.6)
        for bar, target in zip(bars, sides, strict=True):
            text = f"{SYMBOLS[target.comparator]}{target.normalized:g}" if target else "none"
            axes.annotate(
                text,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                textcoords="offset points",
                xytext=(0, 3),
                ha="center",
                fontsize=9,
            )
        axes.set_xticks([0, 1], [str(comparison.before.year), str(comparison.after.year)])
        unit = (row.before or row.after).normalized_unit
        axes.set_title(f"{row.indicator.name_en}\n({row.verdict})", fontsize=9)
        axes.set_ylabel(unit or "count", fontsize=8)
        axes.margins(y=0.2)
    for axes in list(grid.flat)[len(rows) :]:
        axes.set_visible(False)
    figure.legend(bars, labels, loc="lower center", ncol=2, fontsize=8, title="Source document")
    figure.tight_layout(rect=(0, 0.08, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    write_atomically(path, buffer.getvalue(), force)
