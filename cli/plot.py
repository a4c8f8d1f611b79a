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
LINE_STYLES = ["-", "--", ":", "-."]


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise UsageError("--plot needs matplotlib: pip install 'policy-targets[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_trajectory(trajectory, path: Path, force: bool) -> None:
    """Targets as markers shaped by their comparator, baselines as hollow circles, one
    colour per source document; a line joins the points that compare, one line style per
    measure, so that no line crosses from one measure to another."""
    plt = _pyplot()
    indicator = trajectory.indicator
    points = trajectory.points
    if not points:
        raise UsageError(f"{indicator.id} has no figure to draw for {trajectory.scope}")
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    unit = points[0].target.normalized_unit
    series = trajectory.series()
    lines = {label: members for label, members in series.items() if len(members) > 1}
    for style, (label, members) in zip(LINE_STYLES, lines.items(), strict=False):
        axes.plot(
            [p.target.year for p in members],
            [p.target.normalized for p in members],
            color="#999999",
            linestyle=style,
            linewidth=1.2,
            zorder=1,
            label=f"line: {label}",
        )
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
        if target.aspirational:
            label += " (aspirational)"
        if len(series) > 1:  # figures of different measures: each says which it is
            label += f"\n{target.measure}"
        axes.annotate(
            _literal(label),
            (target.year, target.normalized),
            textcoords="offset points",
            xytext=(0, 9),
            ha="center",
            fontsize=9,
        )
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    axes.legend(
        unique.values(),
        [_literal(label) for label in unique],
        title="Source document; line: measure" if lines else "Source document",
        fontsize=8,
        loc="best",
    )
    title = f"{indicator.name_en} ({trajectory.scope})"
    if len(series) > 1:
        title += "\nfigures of different measures are not joined: they do not compare"
    axes.set_title(_literal(title), fontsize=10 if len(series) > 1 else None)
    axes.set_xlabel("Year the figure refers to (hollow: baseline; ▲ ≥, ▶ >, ◆ ≈, ● exactly, ▼ ≤)")
    axes.set_ylabel(_literal(unit or "count"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    years = [p.target.year for p in points]
    if min(years) == max(years):  # one year: a narrow axis, not a century
        axes.set_xlim(min(years) - 1, max(years) + 1)
    axes.grid(alpha=0.3)
    axes.margins(y=0.2)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    write_atomically(path, buffer.getvalue(), force)


def _literal(text: str) -> str:
    """Text that matplotlib draws as written: a `$` would start mathtext."""
    return text.replace("$", r"\$")


def plot_comparison(comparison, indicator_ids: list[str], path: Path, force: bool) -> None:
    """One small panel per chosen indicator: the two documents' figures as bars, each
    labelled with its document and the year it refers to; figures that do not compare
    are hatched and say so."""
    plt = _pyplot()
    rows = [row for row in comparison.rows if row.indicator.id in indicator_ids]
    shown = f"of the rows --only {comparison.only} shows" if comparison.only else ""
    if not indicator_ids:
        where = f"none {shown}" if shown else "no indicator"
        raise UsageError(
            f"{where} has a figure in both documents; name one to draw with --indicator"
        )
    if not rows:
        if comparison.only:
            raise UsageError(
                f"none of the chosen indicators is among the rows --only {comparison.only} shows"
            )
        raise UsageError("none of the chosen indicators has a target in either document")
    columns = min(3, len(rows))
    lines = -(-len(rows) // columns)
    figure, grid = plt.subplots(
        lines, columns, figsize=(4 * columns, 3.4 * lines), dpi=100, squeeze=False
    )
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"][:2]
    documents = [comparison.before.id, comparison.after.id]
    for axes, row in zip(grid.flat, rows, strict=False):
        sides = [row.before, row.after]
        heights = [t.normalized if t else 0 for t in sides]
        # Two figures that do not compare: different measures (the reasons say which).
        apart = bool(row.before and row.after and row.reasons)
        bars = axes.bar([0, 1], heights, color=colours, width=0.6, hatch="//" if apart else None)
        for bar, target in zip(bars, sides, strict=True):
            text = (
                f"{SYMBOLS[target.comparator]}{target.normalized:g}\n{target.measure}"
                if target
                else "no figure"
            )
            axes.annotate(
                _literal(text),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                textcoords="offset points",
                xytext=(0, 3),
                ha="center",
                fontsize=8,
            )
        ticks = [
            f"{document}\nfor {target.year}" if target else document
            for document, target in zip(documents, sides, strict=True)
        ]
        axes.set_xticks([0, 1], ticks, fontsize=7)
        unit = (row.before or row.after).normalized_unit
        verdict = str(row.verdict) + (f", {row.ambition}" if row.ambition else "")
        if apart and row.verdict == "shared":
            verdict += ", measures differ"
        axes.set_title(_literal(f"{row.indicator.name_en}\n({verdict})"), fontsize=9)
        axes.set_ylabel(_literal(unit or "count"), fontsize=8)
        axes.margins(y=0.3)
    for axes in list(grid.flat)[len(rows) :]:
        axes.set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    write_atomically(path, buffer.getvalue(), force)
