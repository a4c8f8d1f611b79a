"""`policy trajectory INDICATOR`: one indicator across every document."""

import typer

from policy_targets.comparisons.results import flat_record
from policy_targets.comparisons.vocabulary import ALL_SCOPES, Ambition, Kind

from . import context
from .formats import Report, Section
from .labels import is_zh, kind_word, reason, say, scope_name, series_label, term
from .options import (
    AsOfOption,
    ForceOption,
    FormatOption,
    IndicatorArgument,
    LangOption,
    OutputOption,
    parse_day,
    plot_option,
    scope_option,
)
from .output import emit
from .present import (
    VERDICT_STYLES,
    change_text,
    described,
    normalized,
    per_year,
    written,
)
from .tables import flat_change

BARS = 24
# On a narrow terminal: a point's year, kind and document stacked, and so on.
NARROW = [
    ("point", ["year", "kind", "document"]),
    ("figure", ["as_written", "normalized"]),
    ("change", ["change", "per_year"]),
    ("verdict_ambition", ["verdict", "ambition", "why"]),
]
HEADERS = [
    "year",
    "kind",
    "document",
    "as_written",
    "normalized",
    "change",
    "per_year",
    "verdict",
    "ambition",
    "why",
    "status",
    "quote",
]


def _why(point, lang: str) -> str:
    """The reasons of a step: why it does not compare, its ambition's reasons, and a
    lower target than an earlier document's."""
    step = point.step
    if step is None:
        return ""
    found = [reason(why, lang) for why in step.reasons]
    if step.lower_than_earlier:
        found.append(lower_than(step.lower_than_earlier, lang))
    return ("；" if is_zh(lang) else "; ").join(found)


def lower_than(earlier, lang: str | None) -> str:
    """The flag of a later, lower target: lower than 2023-work-points's ≥2000个 for 2023."""
    figure = written(earlier)
    return say("lower_than", lang, document=earlier.document, figure=figure, year=earlier.year)


def _chart(trajectory, lang: str):
    """Horizontal bars, one per point, each scaled to the largest value it compares with;
    where the figures measure different things, each bar says what it measures."""
    from rich.text import Text

    series = trajectory.series()
    text = Text()
    for label, points in series.items():
        top = max(p.target.normalized for p in points) or 1
        if len(series) > 1:
            text.append(f"{series_label(label, points, lang)}\n", style="bold")
        for point in points:
            target = point.target
            width = max(1, round(BARS * target.normalized / top)) if target.normalized else 0
            style = "cyan" if target.kind == Kind.target else "white"
            text.append(f"{target.year} ", style="dim")
            text.append("█" * width, style=style)
            text.append(f" {normalized(target, lang)}\n")
    return text


def _section(trajectory, lang: str, merged: list[dict]) -> Section:
    """One scope's figures: a row per point, with each target's status, and the reported
    figures in date order (`merged`, outcomes.with_reports); the chart below them on a
    terminal."""
    from policy_targets.comparisons.vocabulary import SECONDARY_KINDS

    from .notes import Notes
    from .outcome_rows import interleave

    indicator = trajectory.indicator
    notes = Notes()
    rows, styles = [], []
    for point in trajectory.points:
        target, step = point.target, point.step
        change = step.change if step else None
        shown_change = (
            change_text(change, target.dimension, target.normalized_unit, lang) if change else ""
        )
        rows.append(
            [
                str(target.year),
                kind_word(target, lang),
                notes.mark(point.document.id, target),
                described(
                    target,
                    lang,
                    secondary=point.document.kind in SECONDARY_KINDS,
                    year=False,
                    aspirational=False,
                ),
                normalized(target, lang),
                shown_change,
                per_year(change, lang),
                term(step.verdict, lang) if step else "",
                term(step.assessment.ambition, lang, Ambition) if step and step.assessment else "",
                _why(point, lang),
                target.quote,
            ]
        )
        styles.append(VERDICT_STYLES.get(step.verdict) if step else None)
    rows, styles = interleave(rows, styles, merged, lang)
    footer = notes.take(lang)
    if trajectory.without_figure:
        ids = ", ".join(document.id for document in trajectory.without_figure)
        footer.append(say("no_figure_in", lang, ids=ids))
    if any(point.get("kind") == "reported" for point in merged):
        footer.insert(0, say("reported_apart", lang))
    name = say(
        "trajectory_title",
        lang,
        name=indicator.name(lang),
        id=indicator.id,
        scope=scope_name(trajectory.scope, lang),
    )
    return Section(
        name,
        [say(key, lang) for key in HEADERS],
        rows,
        footer=footer,
        styles=styles,
        extra=_chart(trajectory, lang),
        narrow=[(say(head, lang), [say(k, lang) for k in group]) for head, group in NARROW],
        sheet=scope_name(trajectory.scope, lang),
    ).without_empty_columns()


def _page(found: list, payloads: list[dict], lang: str):
    def page() -> dict:
        from .pages import trajectory_page

        return trajectory_page(found, payloads, lang)

    return page


def _payload(trajectory, data, day) -> dict:
    """The trajectory's dict, its points with their statuses and the reported figures."""
    from policy_targets.comparisons.outcomes import with_reports

    payload = trajectory.to_dict()
    targets = [point.target for point in trajectory.points]
    payload["points"] = with_reports(payload["points"], targets, data, trajectory.scope, day)
    payload["as_of"] = day.isoformat()
    return payload


def build_report(trajectory, lang: str, data, day) -> Report:
    payload = _payload(trajectory, data, day)
    return Report(
        [_section(trajectory, lang, payload["points"])],
        [_flat(point) for point in payload["points"]],
        json=payload,
        page=_page([trajectory], [payload], lang),
        lang=lang,
    )


def build_report_all(found: list, scope: str, lang: str, data, day) -> Report:
    """`--scope all` (or several scopes, `scope` naming them: shandong,binzhou): a
    section per scope, one after the other; CSV rows carry their scope; JSON has the
    indicator once and an object per scope."""
    indicator = found[0].indicator
    payload = {
        "indicator": indicator.id,
        "name_en": indicator.name_en,
        "name_zh": indicator.name_zh,
        "scope": scope,
        "scopes": {t.scope: _payload(t, data, day) for t in found},
    }
    payloads = list(payload["scopes"].values())
    rows = [_flat(point) for one in payloads for point in one["points"]]
    return Report(
        [_section(t, lang, payload["scopes"][t.scope]["points"]) for t in found],
        rows,
        json=payload,
        page=_page(found, payloads, lang),
        lang=lang,
    )


def _flat(point: dict) -> dict:
    """A point as one CSV line: the target record (or the reported figure, its source as
    source_… columns), its normalized value in two columns, the step from the point
    before and the target's status."""
    from .outcome_rows import flat_status

    reported = point.get("kind") == "reported"  # its source is a page, not a file name
    skipped = ("step", "status", "source") if reported else ("step", "status")
    flat = flat_record({k: v for k, v in point.items() if k not in skipped})
    flat.update(flat_status(point))
    step = point["step"] or {}
    flat["verdict"] = step.get("verdict")
    flat["ambition"] = step.get("ambition")
    flat["reasons"] = "; ".join(r["text"] for r in step.get("reasons") or []) or None
    flat.update(flat_change(step.get("change")))
    return flat


def trajectory_command(
    ctx: typer.Context,
    indicator: IndicatorArgument,
    scope: scope_option(
        "Whose figures: an id, a name (shandong, Binzhou, 广东 …) or all (each scope's "
        "series side by side; default: shandong)."
    ) = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
    plot: plot_option("Also draw a chart to this .png, .svg or .pdf file.") = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Follow one indicator across all documents, ordered by the year it refers to.

    Example: policy trajectory 数字经济占GDP比重 --scope all
    """
    from policy_targets.comparisons.lookup import resolve_indicator, resolve_scopes
    from policy_targets.comparisons.trajectory import trajectories, trajectory

    from .outcome_rows import reports

    lang = context.language(ctx, lang)
    day = parse_day(as_of)
    data = context.dataset(ctx)
    writer = context.writer(ctx, force)
    scopes = resolve_scopes(data, scope, allow_all=True)
    chosen = resolve_indicator(data, indicator)
    if scopes == [ALL_SCOPES]:
        found = trajectories(data, chosen)
    else:
        found = [trajectory(data, chosen, s) for s in scopes]
    if plot is not None:
        from .output import check_output
        from .plot import plot_trajectory

        check_output(fmt, output, writer, plot)
        plot_trajectory(found, plot, writer, lang, reports(data, found, day))
    several = len(scopes) > 1 or scopes == [ALL_SCOPES]
    if several:
        report = build_report_all(found, ",".join(scopes), lang, data, day)
    else:
        report = build_report(found[0], lang, data, day)
    emit(report, fmt, output, writer)


def register(app: typer.Typer) -> None:
    app.command("trajectory")(trajectory_command)
