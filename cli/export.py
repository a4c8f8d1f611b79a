"""`policy export`: the whole dataset as one report."""

from __future__ import annotations

import typer

from policy_targets.comparisons.vocabulary import Language

from . import context
from .options import LangOption
from .output import ForceOption, Format, FormatOption, OutputOption, Report, Section, emit
from .present import written
from .tables import TARGET_HEADERS, flat, target_row


def _matrix(data, lang: str) -> Section:
    """Indicators by the year each figure refers to; baselines marked."""
    years = sorted({t.year for t in data.targets})
    cells: dict[tuple[str, str], dict[int, list[str]]] = {}
    for target in data.targets:
        text = written(target) + (" (baseline)" if target.kind == "baseline" else "")
        cells.setdefault((target.indicator, target.scope), {}).setdefault(target.year, []).append(
            text
        )
    rows = []
    for (indicator_id, scope), by_year in sorted(cells.items()):
        name = data.indicators[indicator_id].name(lang)
        rows.append([name, scope] + ["; ".join(by_year.get(year, [])) for year in years])
    return Section("Indicators by year", ["Indicator", "Scope"] + [str(y) for y in years], rows)


def export_command(
    ctx: typer.Context,
    lang: LangOption = Language.en,
    fmt: FormatOption = Format.json,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Export every target of every document.

    json and csv: one record per target. markdown and xlsx: one table (sheet) per
    document, then a matrix of indicators by year.

    Example: policy export --format xlsx --output targets.xlsx
    """
    from policy_targets.comparisons.results import dataset_records

    data = context.dataset(ctx)
    documents = sorted(data.documents.values(), key=lambda d: (d.year, d.id))
    records = dataset_records(data)
    # JSON and CSV have no tables to lay out; JSON takes the records one at a time.
    if fmt is Format.json:
        emit(Report([], [], json=records), fmt, output, force)
        return
    if fmt is Format.csv:
        emit(Report([], [flat(r) for r in records]), fmt, output, force)
        return
    sections = []
    for document in documents:
        rows = [target_row(t, data, lang) for t in data.targets_of(document.id)]
        footer = (
            f"{document.title_zh} — {document.title_en}; "
            f"{document.issuer}, {document.published or document.year}"
        )
        sections.append(Section(document.id, TARGET_HEADERS, rows, footer=[footer]))
    sections.append(_matrix(data, lang))
    emit(Report(sections, []), fmt, output, force)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
