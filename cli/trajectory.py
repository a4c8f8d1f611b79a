"""`policy trajectory INDICATOR`: one indicator across every document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import context
from .output import ForceOption, Format, FormatOption, OutputOption, Report, Section, emit
from .present import absolute_change, normalized, per_year, relative_change, written

BARS = 24


def _flags(point) -> str:
    step = point.step
    if step is None:
        return ""
    flags = []
    if step.not_comparable:
        flags.append(f"not comparable: {step.not_comparable}")
    if step.lower_than_earlier:
        earlier = step.lower_than_earlier
        flags.append(f"lower than {earlier.document}'s {written(earlier)} for {earlier.year}")
    return "; ".join(flags)


def _chart(trajectory):
    """Horizontal bars, one per point, scaled to the largest comparable value."""
    from rich.text import Text

    points = trajectory.points
    top = max((p.target.normalized for p in points), default=0) or 1
    text = Text()
    for point in points:
        target = point.target
        width = max(1, round(BARS * target.normalized / top)) if target.normalized else 0
        style = "cyan" if target.kind == "target" else "white"
        text.append(f"{target.year} ", style="dim")
        text.append("█" * width, style=style)
        text.append(f" {normalized(target)}\n")
    return text


def build_report(trajectory, lang: str) -> Report:
    indicator = trajectory.indicator
    headers = [
        "Year",
        "Kind",
        "Document",
        "As written",
        "Normalized",
        "Change",
        "Per year",
        "Flags",
        "Quote",
    ]
    rows, records = [], []
    for point in trajectory.points:
        target, step = point.target, point.step
        change = step.change if step else None
        change_text = ""
        if change:
            change_text = absolute_change(change, target.dimension, target.normalized_unit)
            if change.relative is not None and target.dimension != "share":
                change_text += f" ({relative_change(change)})"
        kind = target.kind + (" (aspirational)" if target.aspirational else "")
        rows.append(
            [
                str(target.year),
                kind,
                point.document.id,
                f"{written(target)} ({target.measure})",
                normalized(target),
                change_text,
                per_year(change),
                _flags(point),
                target.quote,
            ]
        )
        records.append(
            {
                "indicator": indicator.id,
                "year": target.year,
                "kind": target.kind,
                "document": point.document.id,
                "scope": target.scope,
                "value": target.value,
                "unit": target.unit,
                "comparator": target.comparator,
                "measure": target.measure,
                "aspirational": target.aspirational,
                "normalized": target.normalized,
                "normalized_unit": target.normalized_unit,
                "change": change.absolute if change else None,
                "per_year": change.per_year if change else None,
                "per_year_kind": change.per_year_kind if change else None,
                "flags": _flags(point) or None,
                "quote": target.quote,
                "locator": target.locator,
            }
        )
    name = f"{indicator.name(lang)} ({indicator.id}, {trajectory.scope})"
    footer = [] if rows else [f"no figures for {indicator.id} in scope {trajectory.scope}"]
    section = Section(
        name, headers, rows, footer=footer, extra=_chart(trajectory) if rows else None
    )
    return Report([section], records)


def trajectory_command(
    ctx: typer.Context,
    indicator: Annotated[
        str, typer.Argument(metavar="INDICATOR", help="An id, an English name or a Chinese name.")
    ],
    scope: Annotated[str, typer.Option(help="Whose figures: shandong, binzhou, …")] = "shandong",
    lang: Annotated[str, typer.Option(help="Indicator name in en or zh.")] = "en",
    plot: Annotated[
        Path | None, typer.Option(help="Also draw a chart to this PNG file.", dir_okay=False)
    ] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Follow one indicator across all documents, ordered by the year it refers to.

    Example: policy trajectory 数字经济占GDP比重
    """
    from policy_targets.comparisons.lookup import require_scope, resolve_indicator
    from policy_targets.comparisons.trajectory import trajectory

    data = context.dataset(ctx)
    scope = require_scope(data, scope)
    found = trajectory(data, resolve_indicator(data, indicator), scope)
    if plot is not None:
        from .plot import plot_trajectory

        plot_trajectory(found, plot, force)
    emit(build_report(found, lang), fmt, output, force, context.use_cache(ctx))


def register(app: typer.Typer) -> None:
    app.command("trajectory")(trajectory_command)
