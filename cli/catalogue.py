"""`policy indicators` and `policy show DOC`: the catalogue and one document."""

from __future__ import annotations

from typing import Annotated

import typer

from policy_targets.comparisons.vocabulary import Language

from . import context
from .options import CategoryOption, LangOption
from .output import ForceOption, Format, FormatOption, OutputOption, Report, Section, emit
from .tables import TARGET_HEADERS, flat, target_row


def indicators_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            help="Only indicators whose id or name contains this (English, 简体 or 繁體)."
        ),
    ] = None,
    category: CategoryOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the indicator catalogue, with the documents and years each appears in.

    Example: policy indicators --search compute
    """
    from policy_targets.comparisons.diff import require_category
    from policy_targets.comparisons.lookup import find_indicators
    from policy_targets.comparisons.results import indicator_record
    from policy_targets.comparisons.vocabulary import CATEGORY_ORDER

    data = context.dataset(ctx)
    require_category(category)
    chosen = find_indicators(data, search) if search else list(data.indicators.values())
    if category:
        chosen = [i for i in chosen if i.category == category]
    appearances: dict[str, set[tuple[str, int]]] = {}
    for target in data.targets:
        appearances.setdefault(target.indicator, set()).add((target.document, target.year))
    chosen.sort(key=lambda i: (CATEGORY_ORDER.index(i.category), i.id))
    rows, records = [], []
    for indicator in chosen:
        seen = sorted(appearances.get(indicator.id, ()), key=lambda pair: (pair[1], pair[0]))
        where = ", ".join(f"{doc} ({year})" for doc, year in seen)
        rows.append(
            [
                indicator.id,
                indicator.name_en,
                indicator.name_zh,
                indicator.category,
                indicator.dimension,
                where,
            ]
        )
        appears_in = [{"document": d, "year": y} for d, y in seen]
        records.append({**indicator_record(indicator), "appears_in": appears_in})
    section = Section(
        "Indicators",
        ["Id", "Name", "名称", "Category", "Dimension", "Appears in (document, year)"],
        rows,
        footer=[f"{len(rows)} indicators"],
    )
    emit(Report([section], records), fmt, output, force)


def show_command(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(metavar="DOCUMENT", help="A year or a document id.")],
    scope: Annotated[str, typer.Option(help="Whose documents a year refers to.")] = "shandong",
    lang: LangOption = Language.en,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show every target of one document, grouped by category.

    Example: policy show 2025
    """
    from policy_targets.comparisons.lookup import resolve_document
    from policy_targets.comparisons.results import dataset_record
    from policy_targets.comparisons.vocabulary import CATEGORY_ORDER

    data = context.dataset(ctx)
    chosen = resolve_document(data, document, scope)
    targets = data.targets_of(chosen.id)
    sections, records = [], []
    for category in CATEGORY_ORDER:
        in_category = [t for t in targets if data.indicators[t.indicator].category == category]
        if not in_category:
            continue
        rows = [target_row(t, data, lang) for t in in_category]
        sections.append(Section(f"{chosen.id} · {category}", TARGET_HEADERS, rows))
        records.extend(dataset_record(data, t) for t in in_category)
    if not sections:
        sections.append(Section(chosen.id, TARGET_HEADERS, [], footer=["no targets"]))
    emit(
        Report(sections, [flat(r) for r in records], json=records),
        fmt,
        output,
        force,
    )


def register(app: typer.Typer) -> None:
    app.command("indicators")(indicators_command)
    app.command("show")(show_command)
