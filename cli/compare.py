"""`policy compare A B`: what a later document raised, lowered, added or let lapse."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policy_targets.comparisons.vocabulary import (
    Alignment,
    Language,
    Selection,
    Verdict,
    only_in,
)

from . import completion, context
from .options import CategoryOption, LangOption
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
    described,
    normalized,
    per_year,
    relative_change,
)
from .status import ExitStatus

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
    "aspirational",
    "normalized",
    "normalized_unit",
    "quote",
    "locator",
)


# On a narrow terminal: the change beside its rate, the verdict above its ambition and reasons.
NARROW = [
    ("Change", ["Change", "Per year"]),
    ("Verdict / ambition", ["Verdict", "Ambition", "Why"]),
]


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {word}" for word, n in counts.items())


def _preamble(comparison) -> list[str]:
    before, after = comparison.before, comparison.after
    summary = comparison.summary
    rows = sum(summary.verdicts.values())
    lines = [
        f"{before.id} → {after.id}: {before.title_en} ({before.published or before.year}) → "
        f"{after.title_en} ({after.published or after.year})"
    ]
    if comparison.aligned:
        lines.append(
            f"{before.scope} and {after.scope} are different scopes: the rows set their "
            "figures side by side; nothing is raised, lowered, new or lapsed across scopes."
        )
    from policy_targets.comparisons.vocabulary import SECONDARY_KINDS, SECONDARY_NOTE

    lines += [f"{d.id}: {SECONDARY_NOTE}" for d in (before, after) if d.kind in SECONDARY_KINDS]
    counts = _counted(summary.verdicts) or "no targets"
    lines.append(f"{rows} indicator{'s' if rows != 1 else ''}: {counts}")
    if summary.ambition:
        lines.append(f"Ambition, where the targets compare: {_counted(summary.ambition)}")
    if summary.categories:
        # Across scopes the two counts stand side by side; an arrow would read as a change.
        arrow = "/" if comparison.aligned else "→"
        per_category = ", ".join(f"{c} {a} {arrow} {b}" for c, a, b in summary.categories)
        lines.append(f"Indicators per category, {before.id} {arrow} {after.id}: {per_category}")
    if comparison.only:
        shown = len(comparison.rows)
        lines.append(
            f"Shown: the {shown} row{'s' if shown != 1 else ''} of --only {comparison.only}"
        )
    return lines


def _change_cells(row) -> list[str]:
    a, change = row.before, row.change
    if not change:
        return ["", ""]
    text = absolute_change(change, a.dimension, a.normalized_unit)
    if change.relative is not None and a.dimension != "share":
        text += f" ({relative_change(change)})"
    return [text, per_year(change)]


def _sections(comparison, lang: str) -> list[Section]:
    before, after = comparison.before, comparison.after

    def section(title, headers, rows, cells) -> Section | None:
        if not rows:
            return None
        return Section(
            title,
            headers,
            [[row.indicator.name(lang), *cells(row)] for row in rows],
            styles=[VERDICT_STYLES.get(row.verdict) for row in rows],
            narrow=NARROW,
        ).without_empty_columns()

    def having(*verdicts) -> list:
        return [row for row in comparison.rows if row.verdict in verdicts]

    if comparison.aligned:
        from policy_targets.comparisons.diff import part_and_whole

        part_whole = part_and_whole(before, after)
        share = f"{part_whole[0]} as share of {part_whole[1]}" if part_whole else "Share"
        found = [
            section(
                "Shared: both documents give a figure",
                ["Indicator", before.id, after.id, share, "Why no share"],
                having(Alignment.shared),
                lambda r: [
                    described(r.before),
                    described(r.after),
                    "" if r.share_of_whole is None else f"{r.share_of_whole * 100:.1f}%",
                    "; ".join(r.reasons),
                ],
            ),
            section(
                f"Only {before.scope}: {before.id}",
                ["Indicator", before.id],
                having(only_in(before.scope)),
                lambda r: [described(r.before)],
            ),
            section(
                f"Only {after.scope}: {after.id}",
                ["Indicator", after.id],
                having(only_in(after.scope)),
                lambda r: [described(r.after)],
            ),
        ]
        return [s for s in found if s]
    found = [
        section(
            "Changes: targets in both documents",
            ["Indicator", before.id, after.id, "Change", "Per year", "Verdict", "Ambition", "Why"],
            having(*CHANGES),
            lambda r: [
                described(r.before),
                described(r.after),
                *_change_cells(r),
                str(r.verdict),
                r.ambition.value if r.ambition else "",
                "; ".join(r.all_reasons),
            ],
        ),
        section(
            f"New: only in {after.id}",
            ["Indicator", after.id, "Normalized"],
            having(Verdict.new),
            lambda r: [described(r.after), normalized(r.after)],
        ),
        section(
            f"Lapsed: only in {before.id}, due before {after.year}",
            ["Indicator", before.id, "Due"],
            having(Verdict.lapsed),
            lambda r: [described(r.before), str(r.due)],
        ),
        section(
            f"Not restated: only in {before.id}, still due in {after.year} or later",
            ["Indicator", before.id, "Why"],
            having(Verdict.not_restated),
            lambda r: [described(r.before), "; ".join(r.reasons)],
        ),
    ]
    return [s for s in found if s]


def _flat_row(record: dict) -> dict:
    """One compare row as one CSV line: before_… and after_… columns for each side."""
    flat = {key: record[key] for key in ("indicator", "name_en", "name_zh", "category", "verdict")}
    flat["ambition"] = record["ambition"]
    flat["reasons"] = "; ".join(record["reasons"]) or None
    for side in ("before", "after"):
        target = record[side] or {}
        normalized_value = target.get("normalized") or {}
        for key in SIDE_FIELDS:
            if key == "normalized":
                value = normalized_value.get("magnitude")
            elif key == "normalized_unit":
                value = normalized_value.get("unit")
            else:
                value = target.get(key)
            flat[f"{side}_{key}"] = value
    change = record["change"] or {}
    for key in ("absolute", "relative", "per_year", "per_year_kind", "years"):
        flat[f"change_{key}"] = change.get(key)
    flat["share_of_whole"] = record["share_of_whole"]
    flat["due"] = record["due"]
    return flat


def build_report(comparison, lang: str) -> Report:
    payload = comparison.to_dict()
    return Report(
        _sections(comparison, lang),
        [_flat_row(row) for row in payload["rows"]],
        json=payload,
        preamble=_preamble(comparison),
    )


def compare_command(
    ctx: typer.Context,
    before: Annotated[
        str,
        typer.Argument(
            metavar="BEFORE",
            help="The earlier document: a year or a document id.",
            autocompletion=completion.documents,
        ),
    ],
    after: Annotated[
        str,
        typer.Argument(
            metavar="AFTER",
            help="The later document: a year or a document id.",
            autocompletion=completion.documents,
        ),
    ],
    scope: Annotated[
        str,
        typer.Option(
            help="Whose documents a year refers to: an id, a name (Shandong, 山东) or all.",
            autocompletion=completion.scopes,
        ),
    ] = "shandong",
    category: CategoryOption = None,
    only: Annotated[
        Selection | None,
        typer.Option(help="Only rows of this kind (changed = raised or lowered)."),
    ] = None,
    lang: LangOption = Language.en,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
    plot: Annotated[
        Path | None,
        typer.Option(
            help="Also draw the chosen indicators' two figures to this PNG file.",
            parser=output_path,
            metavar="FILE",
        ),
    ] = None,
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

    data = context.dataset(ctx)
    first = resolve_document(data, before, scope)
    second = resolve_document(data, after, scope)
    comparison = compare(data, first, second, category=category, only=only)
    if comparison.swapped:
        typer.echo(
            f"note: {first.id} is the later document; comparing {comparison.before.id} → "
            f"{comparison.after.id}",
            err=True,
        )
    if plot is not None:
        from policy_targets.comparisons.lookup import resolve_indicator

        from .output import check_output
        from .plot import plot_comparison

        check_output(output, force)
        chosen = [resolve_indicator(data, name).id for name in indicator or []] or [
            row.indicator.id for row in comparison.rows if row.before and row.after
        ]
        plot_comparison(comparison, chosen, plot, force)
    emit(build_report(comparison, lang), fmt, output, force)
    if fail_on_change and comparison.changed:
        raise typer.Exit(ExitStatus.DIFFERENCES)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
