"""`policy trajectory INDICATOR`: one indicator across every document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policy_targets.comparisons.vocabulary import Language

from . import completion, context
from .options import LangOption
from .output import (
    ForceOption,
    Format,
    FormatOption,
    OutputOption,
    Report,
    Section,
    emit,
    output_path,
)
from .present import (
    VERDICT_STYLES,
    absolute_change,
    normalized,
    per_year,
    relative_change,
    written,
)

BARS = 24
# On a narrow terminal: a point's year, kind and document stacked, and so on.
NARROW = [
    ("Point", ["Year", "Kind", "Document"]),
    ("Figure", ["As written", "Normalized"]),
    ("Change", ["Change", "Per year"]),
    ("Verdict / ambition", ["Verdict", "Ambition", "Why"]),
]


def _why(point) -> str:
    """The reasons of a step: why it does not compare, its ambition's reasons, and a
    lower target than an earlier document's."""
    step = point.step
    if step is None:
        return ""
    reasons = list(step.assessment.reasons) if step.assessment else []
    if step.not_comparable:
        reasons.append(step.not_comparable)
    if step.lower_than_earlier:
        earlier = step.lower_than_earlier
        reasons.append(f"lower than {earlier.document}'s {written(earlier)} for {earlier.year}")
    return "; ".join(reasons)


def _chart(trajectory):
    """Horizontal bars, one per point, each scaled to the largest value it compares with;
    where the figures measure different things, each bar says what it measures."""
    from rich.text import Text

    series = trajectory.series()
    text = Text()
    for label, points in series.items():
        top = max(p.target.normalized for p in points) or 1
        if len(series) > 1:
            text.append(f"{label}\n", style="bold")
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
        "Verdict",
        "Ambition",
        "Why",
        "Quote",
    ]
    rows, styles = [], []
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
                str(step.verdict) if step else "",
                step.assessment.ambition.value if step and step.assessment else "",
                _why(point),
                target.quote,
            ]
        )
        styles.append(VERDICT_STYLES.get(step.verdict) if step else None)
    payload = trajectory.to_dict()
    footer = []
    if trajectory.without_figure:
        ids = ", ".join(document.id for document in trajectory.without_figure)
        footer.append(f"no figure in: {ids}")
    name = f"{indicator.name(lang)} ({indicator.id}, {trajectory.scope})"
    section = Section(
        name, headers, rows, footer=footer, styles=styles, extra=_chart(trajectory), narrow=NARROW
    ).without_empty_columns()
    return Report([section], [_flat(point) for point in payload["points"]], json=payload)


def _flat(point: dict) -> dict:
    """A point as one CSV line: the target record, its normalized value in two columns,
    and the step from the point before."""
    flat = {k: v for k, v in point.items() if k not in ("normalized", "step")}
    flat["normalized"] = point["normalized"]["magnitude"]
    flat["normalized_unit"] = point["normalized"]["unit"]
    step = point["step"] or {}
    change = step.get("change") or {}
    flat["verdict"] = step.get("verdict")
    flat["ambition"] = step.get("ambition")
    flat["reasons"] = "; ".join(step.get("reasons") or []) or None
    for key in ("absolute", "relative", "per_year", "per_year_kind", "years"):
        flat[f"change_{key}"] = change.get(key)
    return flat


def trajectory_command(
    ctx: typer.Context,
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR",
            help="An id, an English name or a Chinese name.",
            autocompletion=completion.indicators,
        ),
    ],
    scope: Annotated[
        str,
        typer.Option(
            help="Whose figures: an id or a name (shandong, Binzhou, 广东 …).",
            autocompletion=completion.scopes,
        ),
    ] = "shandong",
    lang: LangOption = Language.en,
    plot: Annotated[
        Path | None,
        typer.Option(
            help="Also draw a chart to this PNG file.", parser=output_path, metavar="FILE"
        ),
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
        from .output import check_output
        from .plot import plot_trajectory

        check_output(output, force)
        plot_trajectory(found, plot, force)
    emit(build_report(found, lang), fmt, output, force)


def register(app: typer.Typer) -> None:
    app.command("trajectory")(trajectory_command)
