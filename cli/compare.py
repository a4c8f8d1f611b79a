"""`policy compare A B`: what a later document raised, lowered, added or dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import context
from .output import ForceOption, Format, FormatOption, OutputOption, Report, Section, emit
from .present import (
    VERDICT_STYLES,
    absolute_change,
    described,
    normalized,
    per_year,
    relative_change,
)
from .status import ExitStatus

Lang = Annotated[str, typer.Option("--lang", help="Indicator names in en or zh.")]


def _side(target) -> dict:
    if target is None:
        return {
            "value": None,
            "unit": None,
            "comparator": None,
            "measure": None,
            "year": None,
            "normalized": None,
            "quote": None,
            "locator": None,
        }
    return {
        "value": target.value,
        "unit": target.unit,
        "comparator": target.comparator,
        "measure": target.measure,
        "year": target.year,
        "normalized": target.normalized,
        "quote": target.quote,
        "locator": target.locator,
    }


def build_report(comparison, lang: str) -> Report:
    before, after = comparison.before, comparison.after
    # Years are the short names users type; ids tell apart two documents of one year.
    short = before.year != after.year
    headers = [
        "Indicator",
        str(before.year) if short else before.id,
        str(after.year) if short else after.id,
        "Normalized",
        "Change",
        "Per year",
        "Verdict",
    ]
    rows, styles, records = [], [], []
    for row in comparison.rows:
        a, b, change = row.before, row.after, row.change
        unit = (a or b).normalized_unit
        if a and b:
            values = f"{normalized(a)} → {normalized(b)}"
        else:
            values = normalized(a or b)
        change_text = ""
        if change:
            change_text = absolute_change(change, a.dimension, unit)
            if change.relative is not None and a.dimension != "share":
                change_text += f" ({relative_change(change)})"
        verdict = row.verdict + (f": {row.reason}" if row.reason else "")
        rows.append(
            [
                row.indicator.name(lang),
                described(a) if a else "—",
                described(b) if b else "—",
                values,
                change_text,
                per_year(change),
                verdict,
            ]
        )
        styles.append(VERDICT_STYLES[row.verdict])
        record = {
            "indicator": row.indicator.id,
            "name_en": row.indicator.name_en,
            "name_zh": row.indicator.name_zh,
            "category": row.indicator.category,
            "verdict": row.verdict,
            "reason": row.reason,
            "normalized_unit": unit,
        }
        for prefix, target in (("before", a), ("after", b)):
            record.update({f"{prefix}_{k}": v for k, v in _side(target).items()})
        record.update(
            {
                "change": change.absolute if change else None,
                "relative_change": change.relative if change else None,
                "per_year": change.per_year if change else None,
                "per_year_kind": change.per_year_kind if change else None,
            }
        )
        records.append(record)
    counts = {}
    for row in comparison.rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    summary = ", ".join(f"{n} {verdict}" for verdict, n in counts.items()) or "no targets"
    title = f"{before.title_en} ({before.id}) → {after.title_en} ({after.id})"
    section = Section(
        title,
        headers,
        rows,
        footer=[f"{len(rows)} indicator{'s' if len(rows) != 1 else ''}: {summary}"],
        styles=styles,
    )
    payload = {"before": before.id, "after": after.id, "rows": records}
    return Report([section], records, json=payload)


def compare_command(
    ctx: typer.Context,
    before: Annotated[
        str, typer.Argument(metavar="BEFORE", help="The earlier document: a year or a document id.")
    ],
    after: Annotated[
        str, typer.Argument(metavar="AFTER", help="The later document: a year or a document id.")
    ],
    scope: Annotated[str, typer.Option(help="Whose documents a year refers to.")] = "shandong",
    category: Annotated[str | None, typer.Option(help="Only indicators of this category.")] = None,
    only: Annotated[
        str | None, typer.Option(help="Only rows that are: changed, new or dropped.")
    ] = None,
    lang: Lang = "en",
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
    plot: Annotated[
        Path | None,
        typer.Option(
            help="Also draw the chosen indicators' two figures to this PNG file.", dir_okay=False
        ),
    ] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator",
            "-i",
            help="An indicator to plot (repeatable); "
            "default: those with a figure in both documents.",
        ),
    ] = None,
    fail_on_change: Annotated[
        bool, typer.Option("--fail-on-change", help="Exit with status 1 when anything changed.")
    ] = False,
) -> None:
    """Compare the targets of two documents, indicator by indicator.

    Example: policy compare 2023 2025 --only changed --format markdown
    """
    from policy_targets.comparisons.diff import compare
    from policy_targets.comparisons.errors import UsageError
    from policy_targets.comparisons.lookup import resolve_document

    if lang not in ("en", "zh"):
        raise UsageError(f"unknown --lang {lang!r}; choose from en, zh")
    data = context.dataset(ctx)
    first = resolve_document(data, before, scope)
    second = resolve_document(data, after, scope)
    comparison = compare(data, first, second, category=category, only=only)
    if plot is not None:
        from policy_targets.comparisons.lookup import resolve_indicator

        from .plot import plot_comparison

        chosen = [resolve_indicator(data, name).id for name in indicator or []] or [
            row.indicator.id for row in comparison.rows if row.before and row.after
        ]
        plot_comparison(comparison, chosen, plot, force)
    emit(build_report(comparison, lang), fmt, output, force)
    if fail_on_change and comparison.changed:
        raise typer.Exit(ExitStatus.DIFFERENCES)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
