"""`policy export`: the whole dataset as one report."""

from __future__ import annotations

import typer

from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.vocabulary import SECONDARY_KINDS, Language

from . import context
from .options import LangOption
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
from .tables import TARGET_HEADERS, flat, target_row


def _matrix(data, lang: str, numeric_years: bool = False) -> Section:
    """Indicators by the year each figure refers to; baselines marked. `numeric_years`:
    the year headers as numbers (for a spreadsheet)."""
    years = sorted({t.year for t in data.targets})
    cells: dict[tuple[str, str], dict[int, list[str]]] = {}
    for target in data.targets:
        text = written(target) + (" (baseline)" if target.kind == "baseline" else "")
        cells.setdefault((target.indicator, target.scope), {}).setdefault(target.year, []).append(
            text
        )
    rows: list[list] = []
    for (indicator_id, scope), by_year in sorted(cells.items()):
        name = data.indicators[indicator_id].name(lang)
        rows.append([name, scope] + ["; ".join(by_year.get(year, [])) for year in years])
    headers = ["Indicator", "Scope"] + [y if numeric_years else str(y) for y in years]
    return Section("Indicators by year", headers, rows)


def export_command(
    ctx: typer.Context,
    lang: LangOption = Language.en,
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
    from policy_targets.comparisons.results import dataset_records

    fmt = format_for(fmt, output)
    if fmt in (ExportFormat.datapackage, ExportFormat.sqlite) and output is None:
        example = "shandong-targets" if fmt is ExportFormat.datapackage else "targets.db"
        raise UsageError(f"--format {fmt.value} writes files; give --output {example}")
    data = context.dataset(ctx)
    documents = sorted(data.documents.values(), key=lambda d: (d.year, d.id))
    records = dataset_records(data)
    if fmt in (ExportFormat.datapackage, ExportFormat.sqlite):
        _publish(data, fmt, output, force)
        return
    fmt = Format(fmt.value)
    # JSON and CSV have no tables to lay out; JSON takes the records one at a time.
    if fmt is Format.json:
        emit(Report([], [], json=records), fmt, output, force)
        return
    if fmt is Format.csv:
        emit(Report([], [flat(r) for r in records]), fmt, output, force)
        return
    sections = []
    for document in documents:
        targets = data.targets_of(document.id)
        if fmt is Format.xlsx:
            headers = XLSX_HEADERS
            rows = [_xlsx_row(t, data, lang) for t in targets]
        else:
            headers, rows = TARGET_HEADERS, [target_row(t, data, lang) for t in targets]
        footer = (
            f"{document.title_zh} — {document.title_en}; "
            f"{document.issuer}, {document.published or document.year}"
        )
        if document.kind in SECONDARY_KINDS:
            footer += " (figures from a news report, a secondary source)"
        sections.append(Section(document.id, headers, rows, footer=[footer]))
    sections.append(_matrix(data, lang, numeric_years=fmt is Format.xlsx))
    # xlsx also gets the records, one row per target, on a Data sheet.
    rows = [flat(r) for r in records] if fmt is Format.xlsx else []
    emit(Report(sections, rows), fmt, output, force)


# A spreadsheet sorts and sums: numbers and years are numbers there, and the figure as the
# document writes it has a text column of its own.
XLSX_HEADERS = [
    "Indicator",
    "Kind",
    "Year",
    "Value",
    "Unit",
    "As written",
    "Comparator",
    "Measure",
    "Normalized",
    "Normalized unit",
    "Quote",
    "Locator",
]


def _xlsx_row(target, data, lang: str) -> list:
    name = target_row(target, data, lang)[0]
    kind = target.kind + (" (aspirational)" if target.aspirational else "")
    value = int(target.value) if float(target.value).is_integer() else target.value
    magnitude = target.normalized
    magnitude = int(magnitude) if float(magnitude).is_integer() else magnitude
    return [
        name,
        kind,
        target.year,
        value,
        target.unit,
        written(target),
        target.comparator,
        target.measure,
        magnitude,
        target.normalized_unit,
        target.quote,
        target.locator,
    ]


def _publish(data, fmt: ExportFormat, output, force: bool) -> None:
    from policy_targets.comparisons import package

    tables = package.tables(data)
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
