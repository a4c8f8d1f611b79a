"""`policy export`: the whole dataset as one report."""

from __future__ import annotations

from typing import Annotated

import typer

from policy_targets.comparisons.errors import UsageError

from . import context
from .output import (
    ExportFormat,
    ExportFormatOption,
    ExportOutputOption,
    ForceOption,
    Format,
    Report,
    Section,
    emit,
    format_for,
    write_atomically,
    write_directory,
)
from .present import written
from .tables import TARGET_HEADERS, flat, target_record, target_row


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
    lang: Annotated[str, typer.Option(help="Indicator names in en or zh.")] = "en",
    fmt: ExportFormatOption = ExportFormat.json,
    output: ExportOutputOption = None,
    force: ForceOption = False,
) -> None:
    """Export every target of every document.

    json and csv: one record per target. markdown and xlsx: one table (sheet) per
    document, then a matrix of indicators by year. datapackage: a Frictionless data
    package (a directory: datapackage.json, documents.csv, indicators.csv, targets.csv).
    sqlite: a database with tables documents, indicators and targets, for Datasette.

    Example: policy export --output targets.xlsx
    """
    fmt = format_for(fmt, output)
    if fmt in (ExportFormat.datapackage, ExportFormat.sqlite) and output is None:
        example = "shandong-targets" if fmt is ExportFormat.datapackage else "targets.db"
        raise UsageError(f"--format {fmt.value} writes files; give --output {example}")
    data = context.dataset(ctx)
    documents = sorted(data.documents.values(), key=lambda d: (d.year, d.id))
    records = (target_record(t, data) for d in documents for t in data.targets_of(d.id))
    if fmt in (ExportFormat.datapackage, ExportFormat.sqlite):
        _publish(data, [flat(r) for r in records], fmt, output, force)
        return
    fmt = Format(fmt.value)
    # JSON and CSV have no tables to lay out; JSON takes the records one at a time.
    if fmt is Format.json:
        emit(Report([], [], json=records), fmt, output, force, context.use_cache(ctx))
        return
    if fmt is Format.csv:
        emit(Report([], [flat(r) for r in records]), fmt, output, force, context.use_cache(ctx))
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
    emit(Report(sections, []), fmt, output, force, context.use_cache(ctx))


def _publish(data, target_records: list[dict], fmt: ExportFormat, output, force: bool) -> None:
    from policy_targets.comparisons import package

    tables = package.tables(data, target_records)
    if fmt is ExportFormat.sqlite:
        from policy_targets.comparisons.database import build

        write_atomically(output, build(tables), force)
        return
    import json

    descriptor = json.dumps(package.descriptor(data, tables), ensure_ascii=False, indent=2)
    files = {"datapackage.json": (descriptor + "\n").encode()}
    files.update({f"{t.name}.csv": package.csv_text(t).encode() for t in tables})
    write_directory(output, files, force)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
