"""`policy compare A B`: what a later document raised, lowered, added or let lapse."""

from datetime import date
from typing import Annotated

import typer

from policy_targets.comparisons.results import flat_record, status_columns
from policy_targets.comparisons.vocabulary import (
    Alignment,
    Ambition,
    Category,
    Verdict,
)

from . import completion, context
from .formats import Report, Section
from .labels import (
    PHRASES,
    counted,
    how_many,
    is_zh,
    reasons,
    say,
    scope_name,
    share_heading,
    term,
)
from .options import (
    AsOfOption,
    CategoryOption,
    DocumentScopeOption,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    SelectionOption,
    document_argument,
    parse_day,
    plot_option,
)
from .output import emit
from .present import (
    VERDICT_STYLES,
    change_text,
    described,
    normalized,
    per_year,
)
from .status import ExitStatus
from .tables import flat_change

CHANGES = (Verdict.raised, Verdict.lowered, Verdict.unchanged, Verdict.not_comparable)
# The target fields a compare CSV gives for each side, so that a saved row can be cited.
SIDE_FIELDS = (
    "document",
    "value",
    "unit",
    "comparator",
    "measure",
    "kind",
    "target_year",
    "period_start",
    "period_end",
    "aspirational",
    "normalized",
    "normalized_unit",
    "quote",
    "as_written",
    "locator",
    "note",
    "secondary",
)


# On a narrow terminal: the change beside its rate, the verdict above its ambition and reasons.
NARROW = [
    ("change", ["change", "per_year"]),
    ("verdict_ambition", ["verdict", "ambition", "why"]),
]


def _headers(keys: list[str], lang: str) -> list[str]:
    """Column headers: a phrase key in `lang`, or a document id as it is."""
    return [say(key, lang) if key in PHRASES else key for key in keys]


def _narrow(lang: str) -> list[tuple[str, list[str]]]:
    return [(say(head, lang), [say(key, lang) for key in group]) for head, group in NARROW]


def _preamble(comparison, lang: str) -> list[str]:
    before, after = comparison.before, comparison.after
    summary = comparison.summary
    rows = sum(summary.verdicts.values())
    title = "title_zh" if is_zh(lang) else "title_en"
    lines = [
        f"{before.id} → {after.id}: {getattr(before, title)} ({before.published or before.year}) → "
        f"{getattr(after, title)} ({after.published or after.year})"
    ]
    if comparison.aligned:
        lines.append(
            say(
                "scopes_apart",
                lang,
                a=scope_name(before.scope, lang),
                b=scope_name(after.scope, lang),
            )
        )
    from policy_targets.comparisons.vocabulary import SECONDARY_KINDS

    lines += [
        f"{d.id}: {say('secondary', lang)}" for d in (before, after) if d.kind in SECONDARY_KINDS
    ]
    counts = counted(summary.verdicts, lang) or say("no_targets", lang)
    lines.append(f"{how_many('indicator', rows, lang)}{'：' if is_zh(lang) else ': '}{counts}")
    if summary.ambition:
        lines.append(say("ambition_line", lang, counts=counted(summary.ambition, lang)))
    if summary.categories:
        # Across scopes the two counts stand side by side; an arrow would read as a change.
        arrow = "/" if comparison.aligned else "→"
        per_category = say("list_sep", lang).join(
            f"{term(c, lang, Category)} {a} {arrow} {b}" for c, a, b in summary.categories
        )
        lines.append(
            say(
                "per_category",
                lang,
                before=before.id,
                arrow=arrow,
                after=after.id,
                counts=per_category,
            )
        )
    if comparison.only:
        shown = len(comparison.rows)
        lines.append(say("shown", lang, n=shown, s="s" if shown != 1 else "", only=comparison.only))
    return lines


def _share(row, lang: str) -> str:
    """The part's share of the whole: 33.3%, or 100.0% per year for additions over
    periods of different lengths."""
    if row.share_of_whole is None:
        return ""
    text = f"{row.share_of_whole * 100:.1f}%"
    return say("per_year_share", lang, share=text) if row.share_basis == "per year" else text


def _change_cells(row, lang: str) -> list[str]:
    a, change = row.before, row.change
    if not change:
        return ["", ""]
    return [change_text(change, a.dimension, a.normalized_unit, lang), per_year(change, lang)]


def _sections(comparison, lang: str, outcomes: dict[int, dict]) -> list[Section]:
    from policy_targets.comparisons.vocabulary import SECONDARY_KINDS

    from .notes import Notes

    before, after = comparison.before, comparison.after
    notes = Notes()
    secondary = {before.id: before.kind in SECONDARY_KINDS, after.id: after.kind in SECONDARY_KINDS}

    def shown(target) -> str:
        return described(target, lang, secondary=secondary[target.document])

    def status(row) -> str:  # the earlier target's status (outcome_rows.earlier_outcomes)
        from .outcome_rows import status_text

        return status_text(outcomes.get(id(row)), lang)

    def section(title, headers, rows, cells) -> Section | None:
        if not rows:
            return None
        table = [[notes.mark(row.indicator.name(lang), row.before, row.after)] for row in rows]
        for line, row in zip(table, rows, strict=True):
            line.extend(cells(row))
        return Section(
            title,
            _headers(headers, lang),
            table,
            footer=notes.take(lang),
            styles=[VERDICT_STYLES.get(row.verdict) for row in rows],
            narrow=_narrow(lang),
        ).without_empty_columns()

    def having(*verdicts, scope: str | None = None) -> list:
        return [
            row
            for row in comparison.rows
            if row.verdict in verdicts and (scope is None or row.only_scope == scope)
        ]

    if comparison.aligned:
        share = share_heading(before, after, lang)
        found = [
            section(
                say("shared", lang),
                ["indicator", before.id, after.id, share, "why_no_share"],
                having(Alignment.shared),
                lambda r: [
                    shown(r.before),
                    shown(r.after),
                    _share(r, lang),
                    reasons(r.reasons, lang),
                ],
            ),
            section(
                say("only", lang, scope=scope_name(before.scope, lang), document=before.id),
                ["indicator", before.id],
                having(Alignment.only, scope=before.scope),
                lambda r: [shown(r.before)],
            ),
            section(
                say("only", lang, scope=scope_name(after.scope, lang), document=after.id),
                ["indicator", after.id],
                having(Alignment.only, scope=after.scope),
                lambda r: [shown(r.after)],
            ),
        ]
        return [s for s in found if s]
    found = [
        section(
            say("changes", lang),
            [
                "indicator",
                before.id,
                after.id,
                "change",
                "per_year",
                "verdict",
                "ambition",
                "why",
            ],
            having(*CHANGES),
            lambda r: [
                shown(r.before),
                shown(r.after),
                *_change_cells(r, lang),
                term(r.verdict, lang),
                term(r.ambition, lang, Ambition),
                reasons(r.all_reasons, lang),
            ],
        ),
        section(
            say("new", lang, after=after.id),
            ["indicator", after.id, "normalized"],
            having(Verdict.new),
            lambda r: [shown(r.after), normalized(r.after, lang)],
        ),
        section(
            say("lapsed", lang, before=before.id, year=after.year),
            ["indicator", before.id, "due", "status"],
            having(Verdict.lapsed),
            lambda r: [shown(r.before), str(r.due), status(r)],
        ),
        section(
            say("not_restated", lang, before=before.id, year=after.year),
            ["indicator", before.id, "why", "status"],
            having(Verdict.not_restated),
            lambda r: [shown(r.before), reasons(r.reasons, lang), status(r)],
        ),
    ]
    return [s for s in found if s]


def _flat_row(record: dict, day: date | None = None) -> dict:
    """One compare row as one CSV line: before_… and after_… columns for each side."""
    flat = {key: record[key] for key in ("indicator", "name_en", "name_zh", "category", "verdict")}
    flat["ambition"] = record["ambition"]
    flat["reasons"] = "; ".join(r["text"] for r in record["reasons"]) or None
    for side in ("before", "after"):
        target = flat_record(record[side]) if record[side] else {}
        flat.update({f"{side}_{key}": target.get(key) for key in SIDE_FIELDS})
    flat.update(flat_change(record["change"]))
    flat["share_of_whole"] = record["share_of_whole"]
    flat["share_basis"] = record["share_basis"]
    flat["due"] = record["due"]
    # The earlier target's status, in the columns every table gives a status in.
    flat.update(status_columns(record.get("status"), day))
    return flat


def build_report(
    comparison, lang: str, outcomes: dict[int, dict] | None = None, day: date | None = None
) -> Report:
    """The report of a comparison; `outcomes` (by row) on `day`: the earlier targets'
    statuses."""
    outcomes = outcomes or {}
    payload = comparison.to_dict()
    preamble = _preamble(comparison, lang)

    def page() -> dict:
        from .pages import compare_page

        return compare_page(comparison, payload, preamble, lang)

    # A lapsed or not-restated row: the earlier target's status (README, Outcomes).
    for row, record in zip(comparison.rows, payload["rows"], strict=True):
        record["status"] = outcomes.get(id(row))
    return Report(
        _sections(comparison, lang, outcomes),
        [_flat_row(row, day) for row in payload["rows"]],
        json=payload,
        preamble=preamble,
        page=page,
        lang=lang,
    )


def compare_command(
    ctx: typer.Context,
    before: document_argument("BEFORE", "The earlier document: a year or a document id."),
    after: document_argument("AFTER", "The later document: a year or a document id."),
    scope: DocumentScopeOption = None,
    category: CategoryOption = None,
    only: SelectionOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plot: plot_option(
        "Also draw the chosen indicators' two figures to this .png, .svg or .pdf file."
    ) = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator",
            "-i",
            autocompletion=completion.indicators,
            help="An indicator to plot (repeatable); "
            "default: those with a figure in both documents.",
        ),
    ] = None,
    fail_on_change: Annotated[
        bool, typer.Option("--fail-on-change", help="Exit with status 1 when anything changed.")
    ] = False,
) -> None:
    """Compare the targets of two documents, indicator by indicator.

    The earlier document comes first whichever order they are named in. Documents of
    different scopes (a city and its province) are set side by side, not diffed.

    Example: policy compare 2023 2025 --only changed --format markdown
    """
    from policy_targets.comparisons.diff import compare
    from policy_targets.comparisons.lookup import resolve_document

    lang = context.language(ctx, lang)
    day = parse_day(as_of)
    data = context.dataset(ctx)
    writer = context.writer(ctx, force)
    first = resolve_document(data, before, scope)
    second = resolve_document(data, after, scope)
    comparison = compare(data, first, second, category=category, only=only)
    if comparison.swapped:
        before_id, after_id = comparison.before.id, comparison.after.id
        typer.echo(say("swapped", lang, first=first.id, before=before_id, after=after_id), err=True)
    if plot is not None:
        from policy_targets.comparisons.lookup import resolve_indicator

        from .output import check_output
        from .plot import plot_comparison

        check_output(fmt, output, writer, plot)
        chosen = [resolve_indicator(data, name).id for name in indicator or []] or [
            row.indicator.id for row in comparison.rows if row.before and row.after
        ]
        plot_comparison(comparison, chosen, plot, writer, lang)
    from .outcome_rows import earlier_outcomes

    emit(
        build_report(comparison, lang, earlier_outcomes(data, comparison, day), day),
        fmt,
        output,
        writer,
    )
    if fail_on_change and comparison.changed:
        raise typer.Exit(ExitStatus.DIFFERENCES)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
