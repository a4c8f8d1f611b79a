"""`policy export`: the whole dataset as one report."""

import typer

from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.results import flat_record
from policy_targets.comparisons.vocabulary import SECONDARY_KINDS, Comparator, Kind, Measure

from . import context
from .formats import ExportFormat, Format, Report, Section, format_for
from .labels import kind_word, say, scope_name, term, unit_word
from .options import (
    AsOfOption,
    ExportFormatOption,
    ExportOutputOption,
    ForceOption,
    LangOption,
    parse_day,
)
from .output import emit
from .present import as_written, written
from .tables import target_headers, target_row


def _matrix(data, lang: str, numeric_years: bool = False) -> Section:
    """Indicators by the year each figure refers to; baselines marked. `numeric_years`:
    the year headers as numbers (for a spreadsheet)."""
    years = sorted({t.year for t in data.targets})
    cells: dict[tuple[str, str], dict[int, list[str]]] = {}
    for target in data.targets:
        text = written(target) + (
            say("baseline_mark", lang) if target.kind == Kind.baseline else ""
        )
        cells.setdefault((target.indicator, target.scope), {}).setdefault(target.year, []).append(
            text
        )
    rows: list[list] = []
    for (indicator_id, scope), by_year in sorted(cells.items()):
        name = data.indicators[indicator_id].name(lang)
        cells = ["; ".join(by_year.get(year, [])) for year in years]
        rows.append([name, scope_name(scope, lang), *cells])
    headers = [say("indicator", lang), say("scope", lang)]
    headers += [y if numeric_years else str(y) for y in years]
    return Section(say("by_year", lang), headers, rows)


def export_command(
    ctx: typer.Context,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    fmt: ExportFormatOption = None,
    output: ExportOutputOption = None,
    force: ForceOption = False,
) -> None:
    """Export every target of every document.

    json and csv: one record per target. markdown and xlsx: one table (sheet) per
    document, then a matrix of indicators by year. datapackage: a Frictionless data
    package (a directory: datapackage.json, documents.csv, indicators.csv, targets.csv,
    reported.csv). sqlite: a database with tables documents, indicators, targets and
    reported (with full-text search), for Datasette. html: a page of every target.
    json, csv, xlsx (its Records sheet), datapackage and sqlite give each target's status
    on --as-of (default today) and the report that decided it; markdown, xlsx,
    datapackage and sqlite list the figures reported as achieved that are known on
    --as-of.

    Example: policy export --output targets.xlsx
    """
    from policy_targets.comparisons.outcomes import statuses
    from policy_targets.comparisons.results import dataset_record, dataset_targets

    lang = context.language(ctx, lang)
    day = parse_day(as_of)
    fmt = format_for(fmt, output, ExportFormat.json)
    if fmt in (ExportFormat.datapackage, ExportFormat.sqlite) and output is None:
        example = "shandong-targets" if fmt is ExportFormat.datapackage else "targets.db"
        raise UsageError(f"--format {fmt.value} writes files; give --output {example}")
    data = context.dataset(ctx)
    writer = context.writer(ctx, force)
    documents = sorted(data.documents.values(), key=lambda d: (d.year, d.id))
    if fmt in (ExportFormat.datapackage, ExportFormat.sqlite):
        _publish(data, fmt, output, writer, day)
        return
    from policy_targets.comparisons.results import status_columns

    targets = list(dataset_targets(data))
    outcomes = statuses(data, targets, day)
    fmt = Format(fmt.value)
    # JSON: each target's record and its outcome (the report that decided it included).
    if fmt is Format.json:
        records = (
            {**dataset_record(data, t), "outcome": o.to_dict() if o else None}
            for t, o in zip(targets, outcomes, strict=True)
        )
        emit(Report([], [], json=records), fmt, output, writer)
        return
    records = [
        {**flat_record(dataset_record(data, t)), **status_columns(o, day)}
        for t, o in zip(targets, outcomes, strict=True)
    ]
    if fmt is Format.csv:
        emit(Report([], records), fmt, output, writer)
        return
    if fmt is Format.html:

        def page() -> dict:
            from .pages import export_page

            return export_page(data, lang)

        emit(Report([], [], page=page, lang=lang), fmt, output, writer)
        return
    sections = []
    for document in documents:
        targets = data.targets_of(document.id)
        if fmt is Format.xlsx:
            headers = [say(key, lang) for key in XLSX_HEADERS]
            rows = [_xlsx_row(t, data, lang) for t in targets]
        else:
            headers = target_headers(lang)
            rows = [target_row(t, data, lang) for t in targets]
        footer = (
            f"{document.title_zh} — {document.title_en}; "
            f"{document.issuer}, {document.published or document.year}"
        )
        if document.kind in SECONDARY_KINDS:
            footer += say("secondary_footer", lang)
        sections.append(Section(document.id, headers, rows, footer=[footer]))
    sections.append(_matrix(data, lang, numeric_years=fmt is Format.xlsx))
    sections.append(_reported(data, lang, day))
    # xlsx also gets the records, one row per target with its status, on a Records sheet.
    rows = records if fmt is Format.xlsx else []
    emit(Report(sections, rows), fmt, output, writer)


def _reported(data, lang: str, day) -> Section:
    """The figures reported as achieved and known on `day`, with their dates, words and
    pages."""
    from policy_targets.comparisons.outcomes import known

    from .progress import reported_text

    headers = ["indicator", "scope", "reported_figure", "measure", "settles", "quote"]
    headers += ["publisher", "url"]
    rows = [
        [
            data.indicators[r.indicator].name(lang),
            scope_name(r.scope, lang),
            reported_text(r, lang),
            term(r.measure, lang, Measure),
            say("yes" if r.settles else "no", lang),
            r.quote,
            r.source.publisher + (say("secondary_kind", lang) if r.source.secondary else ""),
            r.source.url,
        ]
        for r in sorted(known(data.reported, day), key=lambda r: (r.indicator, r.scope, r.as_of))
    ]
    title = say("reported_known", lang, day=day.isoformat())
    return Section(title, [say(h, lang) for h in headers], rows, sheet=say("reported", lang))


# A spreadsheet sorts and sums: numbers and years are numbers there, and the figure as the
# document writes it has a text column of its own.
XLSX_HEADERS = [
    "indicator",
    "kind",
    "year",
    "value",
    "unit",
    "as_written",
    "comparator",
    "measure",
    "normalized",
    "normalized_unit",
    "quote",
    "locator",
]


def _xlsx_row(target, data, lang: str) -> list:
    name = target_row(target, data, lang)[0]
    value = int(target.value) if float(target.value).is_integer() else target.value
    magnitude = target.normalized
    magnitude = int(magnitude) if float(magnitude).is_integer() else magnitude
    return [
        name,
        kind_word(target, lang),
        target.year,
        value,
        target.unit,
        as_written(target),
        term(target.comparator, lang, Comparator),
        term(target.measure, lang, Measure),
        magnitude,
        unit_word(target.normalized_unit, lang),
        target.quote,
        target.locator,
    ]


def _publish(data, fmt: ExportFormat, output, writer, day) -> None:
    from policy_targets.comparisons import package

    tables = package.tables(data, day)
    if fmt is ExportFormat.sqlite:
        from policy_targets.comparisons.database import build

        writer.file(output, build(tables))
        return
    import json

    descriptor = json.dumps(package.descriptor(data, tables), ensure_ascii=False, indent=2)
    files = {"datapackage.json": (descriptor + "\n").encode()}
    files.update({f"{t.name}.csv": package.csv_text(t).encode() for t in tables})
    writer.directory(output, files)


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
