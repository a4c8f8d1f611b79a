"""`policy documents`, `policy indicators` and `policy show DOC`: what the data holds."""

from typing import Annotated

import typer

from policy_targets.comparisons.results import flat_record
from policy_targets.comparisons.vocabulary import (
    SECONDARY_KINDS,
    Category,
    Dimension,
    DocumentKind,
)

from . import context
from .formats import Report, Section
from .labels import PHRASES, how_many, is_zh, say, scope_name, term
from .options import (
    CategoryOption,
    DocumentScopeOption,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    document_argument,
)
from .output import emit
from .tables import target_headers, target_row


def indicators_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            help="Only indicators whose ids, names, aliases or category contain every word "
            "of this (English, 简体 or 繁體)."
        ),
    ] = None,
    category: CategoryOption = None,
    fmt: FormatOption = None,
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

    lang = context.language(ctx)
    data = context.dataset(ctx)
    categories = set(require_category(category))
    chosen = find_indicators(data, search) if search else list(data.indicators.values())
    if categories:
        chosen = [i for i in chosen if i.category in categories]
    appearances: dict[str, set[tuple[str, int]]] = {}
    for target in data.targets:
        appearances.setdefault(target.indicator, set()).add((target.document, target.year))
    chosen.sort(key=lambda i: (CATEGORY_ORDER.index(i.category), i.id))
    rows, records = [], []
    for indicator in chosen:
        seen = sorted(appearances.get(indicator.id, ()), key=lambda pair: (pair[1], pair[0]))
        where = say("list_sep", lang).join(f"{doc} ({year})" for doc, year in seen)
        rows.append(
            [
                indicator.id,
                indicator.name_en,
                indicator.name_zh,
                term(indicator.category, lang, Category),
                term(indicator.dimension, lang, Dimension),
                where,
            ]
        )
        appears_in = [{"document": d, "target_year": y} for d, y in seen]
        records.append({**indicator_record(indicator), "appears_in": appears_in})
    # Both names stand in every language: the English one headed Name, the Chinese 名称.
    headers = ["id", "name_en", "名称", "category", "dimension", "appears_in"]
    section = Section(
        say("indicators", lang),
        [say(key, lang) if key in PHRASES else key for key in headers],
        rows,
        footer=[how_many("indicator", len(rows), lang)],
    )
    emit(Report([section], records, lang=lang), fmt, output, context.writer(ctx, force))


def show_command(
    ctx: typer.Context,
    document: document_argument("DOCUMENT", "A year or a document id."),
    scope: DocumentScopeOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show every target of one document, grouped by category.

    Example: policy show 2025
    """
    from policy_targets.comparisons.lookup import resolve_document
    from policy_targets.comparisons.results import dataset_record
    from policy_targets.comparisons.vocabulary import CATEGORY_ORDER

    lang = context.language(ctx, lang)
    data = context.dataset(ctx)
    chosen = resolve_document(data, document, scope)
    targets = data.targets_of(chosen.id)
    preamble = [
        f"{chosen.title_zh} — {chosen.title_en} ({chosen.id}); "
        f"{chosen.issuer}, {chosen.published or chosen.year}"
    ]
    if chosen.kind in SECONDARY_KINDS:
        preamble.append(say("secondary", lang))
    from .notes import Notes

    notes = Notes()
    sections, records = [], []
    for category in CATEGORY_ORDER:
        in_category = [t for t in targets if data.indicators[t.indicator].category == category]
        if not in_category:
            continue
        rows = [target_row(t, data, lang) for t in in_category]
        for row, target in zip(rows, in_category, strict=True):
            row[0] = notes.mark(row[0], target)
        title = f"{chosen.id} · {term(category, lang, Category)}"
        sections.append(
            Section(
                title,
                target_headers(lang),
                rows,
                footer=notes.take(lang),
                sheet=term(category, lang, Category),
            )
        )
        records.extend(dataset_record(data, t) for t in in_category)
    if not sections:
        footer = [say("no_targets", lang)]
        sections.append(Section(chosen.id, target_headers(lang), [], footer=footer))
    emit(
        Report(
            sections, [flat_record(r) for r in records], json=records, preamble=preamble, lang=lang
        ),
        fmt,
        output,
        context.writer(ctx, force),
    )


def documents_command(
    ctx: typer.Context,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the documents: id, year, scope, kind, title, date, source file and rows.

    A document known only from a news report (a secondary source) is marked.

    Example: policy documents
    """
    from policy_targets.comparisons.package import document_row
    from policy_targets.comparisons.results import document_record

    lang = context.language(ctx)
    data = context.dataset(ctx)
    rows, records, json, notes = [], [], [], []
    for document in sorted(data.documents.values(), key=lambda d: (d.year, d.id)):
        count = len(data.targets_of(document.id))
        secondary = document.kind in SECONDARY_KINDS
        rows.append(
            [
                document.id,
                str(document.year),
                scope_name(document.scope, lang),
                term(document.kind, lang, DocumentKind)
                + (say("secondary_kind", lang) if secondary else ""),
                document.title_zh if is_zh(lang) else f"{document.title_zh} — {document.title_en}",
                document.published or "",
                document.source,
                str(count),
            ]
        )
        # CSV has the period as two columns; JSON has the record every command shows.
        records.append({**document_row(document), "rows": count})
        json.append({**document_record(document), "secondary": secondary, "rows": count})
        if secondary:
            notes.append(f"{document.id}: {say('secondary', lang)}")
    headers = ["id", "year", "scope", "kind", "title", "published", "source", "rows"]
    section = Section(
        say("documents", lang),
        [say(key, lang) for key in headers],
        rows,
        footer=[how_many("document", len(rows), lang), *notes],
    )
    emit(Report([section], records, json=json, lang=lang), fmt, output, context.writer(ctx, force))


def register(app: typer.Typer) -> None:
    app.command("documents")(documents_command)
    app.command("indicators")(indicators_command)
    app.command("show")(show_command)
