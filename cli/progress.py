"""`policy progress [DOCUMENT]`: every target beside the latest figure reported for it,
the gap and its status (met, not met, on track, …), with a summary per status."""

from typing import Annotated

import typer

from policy_targets.comparisons.vocabulary import Category, Status

from . import completion, context
from .formats import Report, Section
from .labels import counted, is_zh, say, term, unit_word
from .options import (
    AsOfOption,
    CategoryOption,
    DocumentScopeOption,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    parse_day,
)
from .outcome_rows import STATUS_STYLES, as_of_phrase
from .output import emit
from .present import SYMBOLS, described


def parse_status(value: str | None) -> Status | None:
    """--only: a status as the vocabulary writes it ("met early") or with a hyphen
    (met-early), which a shell takes without quotes."""
    from policy_targets.comparisons.errors import UsageError

    if value is None:
        return None
    wanted = value.strip().replace("-", " ").replace("_", " ")
    for state in Status:
        if state.value == wanted:
            return state
    choices = ", ".join(state.value.replace(" ", "-") for state in Status)
    raise UsageError(f"--only {value!r} is no status; use one of {choices}")


OnlyStatusOption = Annotated[
    str | None,
    typer.Option(
        "--only",
        metavar="STATUS",
        help="Only targets of this status: met-early, met, not-met, on-track, behind, "
        "no-report, unsettled or not-yet-due.",
    ),
]


def reported_text(report, lang: str) -> str:
    """A reported figure as written, with its date: =24.2万个 (as of 2024-12-31)."""
    figure = f"{SYMBOLS[report.comparator]}{report.value:g}{report.unit}"
    when = as_of_phrase(report.as_of, report.dated, lang)
    return f"{figure}（{when}）" if is_zh(lang) else f"{figure} ({when})"


def gap_text(outcome, target, lang: str) -> str:
    """The gap beside a settling report, as bounded as the report is: >+0, ≥+2,000."""
    from policy_targets.comparisons.judging import SHARE_DIMENSIONS
    from policy_targets.comparisons.numbers import format_number
    from policy_targets.comparisons.vocabulary import Comparator, Measure, OutcomeCode

    if outcome is None or outcome.gap is None:
        return ""
    unit = "pp" if target.dimension in SHARE_DIMENSIONS else target.normalized_unit
    sign = "+" if outcome.gap >= 0 else "-"
    # Beside a report of more than (or about) a figure, the gap is as bounded as it is; a
    # running total within the year is a floor for the year-end figure; a running total
    # is a ceiling for the level of the same thing, and a level a floor for the total.
    report = outcome.report
    bound = SYMBOLS[report.comparator] if report.comparator != Comparator.exactly else ""
    if not bound and report.measure != target.measure:
        ceiling = report.measure == Measure.cumulative
        bound = SYMBOLS[Comparator.at_most if ceiling else Comparator.at_least]
    elif not bound and outcome.code == OutcomeCode.reached_running_total:
        bound = SYMBOLS[Comparator.at_least]
    return f"{bound}{sign}{format_number(abs(outcome.gap))} {unit_word(unit, lang)}".rstrip()


def status_reason(status: dict, lang: str) -> str:
    """A status as JSON gives it (`Outcome.to_dict`) worded in `lang`, as `reason_text`."""
    from types import SimpleNamespace

    from policy_targets.comparisons.vocabulary import OutcomeCode

    reason = status["reason"]
    params = {key: value for key, value in reason.items() if key not in ("code", "text")}
    found = SimpleNamespace(code=OutcomeCode(reason["code"]), params=params, text=reason["text"])
    return reason_text(found, lang)


def reason_text(outcome, lang: str) -> str:
    """The reason in `lang`: the library's English words, or Chinese ones by its code."""
    if not is_zh(lang):
        return outcome.text
    from policy_targets.comparisons.numbers import format_number
    from policy_targets.comparisons.vocabulary import OutcomeCode

    p = outcome.params
    target = p["target"]
    year = target["year"]
    unit = unit_word(target["unit"], "zh")
    figure = format_number(target["value"])
    if target.get("upper") is not None:
        figure += f"–{format_number(target['upper'])}"
    what = f"{year}年目标（{SYMBOLS[target['comparator']]}{figure}{unit}）"
    if p.get("aspirational"):
        what += "（力争，按确定目标判断）"
    report = when = latest = shown = ""
    if p.get("as_of"):
        when = as_of_phrase(p["as_of"], p.get("dated"), "zh")
        found = p["figure"]
        shown = f"{SYMBOLS[found['comparator']]}{format_number(found['value'])}"
        shown += unit_word(found["unit"], "zh")
        report = f"{when}的报告（{shown}）"
        latest = f"（最新为{when}的{shown}）"
    per_year = round(p.get("per_year") or 0, 2)
    points = "个百分点" if target["unit"] == "%" else unit
    pace = f"每年{'+' if per_year >= 0 else '-'}{format_number(abs(per_year))}{points}"
    not_due = "尚无报告"
    if p.get("as_of"):
        not_due = "已有报告均为范围（超过、不超过）、日期不确定或计量不同，无法推算进度"
        if p.get("dates"):
            not_due = "仅一个确切日期有单一数值，需两个日期方可推算进度"
    projected = (
        f"{format_number(round(p.get('projected') or 0, 2))}{unit_word(target['unit'], 'zh')}"
    )
    words = {
        OutcomeCode.reached: f"{report}已达到{what}",
        OutcomeCode.reached_running_total: (
            f"{when}的累计数（{shown}）已达到{what}；累计数不会减少，{year}年末亦然"
            if (p.get("figure") or {}).get("measure", "cumulative") == "cumulative"
            else f"{report}已达到{what}；累计数不低于存量且不会减少，{year}年末亦然"
        ),
        OutcomeCode.reached_early: f"{report}在目标年份之前已达到{what}",
        OutcomeCode.short: f"{report}未达到{what}",
        OutcomeCode.inconclusive: f"{report}既不能证明达到、也不能排除达到{what}",
        OutcomeCode.no_year_end_report: f"{what}已于{year}年末到期，尚无截至{year}-12-31的报告"
        f"{latest}",
        OutcomeCode.pace_reaches: f"按{p.get('since')}至{p.get('as_of')}的进度（{pace}），"
        f"{year}年末可达{projected}，可实现{what}",
        OutcomeCode.pace_short: f"按{p.get('since')}至{p.get('as_of')}的进度（{pace}），"
        f"{year}年末可达{projected}，不足以实现{what}",
        OutcomeCode.not_due: f"{what}于{year}年末到期；{not_due}",
    }
    return words.get(outcome.code, outcome.text)


def progress_command(
    ctx: typer.Context,
    document: Annotated[
        str | None,
        typer.Argument(
            metavar="[DOCUMENT]",
            help="A year or a document id (default: every document of --scope).",
            autocompletion=completion.documents,
        ),
    ] = None,
    only: OnlyStatusOption = None,
    category: CategoryOption = None,
    scope: DocumentScopeOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List every target with its status, the report that decided it (else the latest
    that speaks for the target) and the gap.

    A status never claims more than a report says: only a report as of the end of a
    target's year settles it, or a running total (累计) that reaches it within that year;
    one of an earlier year that reaches it makes it met early; a report of another scope
    never does, and a level and a running total of the same thing settle each other one
    way only.

    Example: policy progress 2023 --as-of 2025-01-01
    """
    from policy_targets.comparisons.diff import require_category
    from policy_targets.comparisons.lookup import resolve_document, resolve_scopes
    from policy_targets.comparisons.outcomes import reported_record, summary
    from policy_targets.comparisons.outcomes import statuses as compute_statuses
    from policy_targets.comparisons.results import dataset_record
    from policy_targets.comparisons.vocabulary import ALL_SCOPES, CATEGORY_ORDER, Kind

    lang = context.language(ctx, lang)
    wanted = parse_status(only)
    day = parse_day(as_of)
    categories = require_category(category)
    data = context.dataset(ctx)
    writer = context.writer(ctx, force)
    if document is not None:
        chosen = [resolve_document(data, document, scope or "shandong")]
    else:
        chosen_scopes = resolve_scopes(data, scope or ["shandong"], allow_all=True)
        chosen = [
            d
            for d in sorted(data.documents.values(), key=lambda d: (d.year, d.id))
            if d.scope in chosen_scopes or ALL_SCOPES in chosen_scopes
        ]
    targets = [
        t
        for d in chosen
        for t in data.targets_of(d.id)
        if t.kind == Kind.target
        and (not categories or data.indicators[t.indicator].category in categories)
    ]
    targets.sort(key=lambda t: CATEGORY_ORDER.index(data.indicators[t.indicator].category))
    outcomes = compute_statuses(data, targets, day)
    counts = summary(outcomes)
    rows, styles, records, json_rows = [], [], [], []
    for target, outcome in zip(targets, outcomes, strict=True):
        if wanted is not None and outcome.status != wanted:
            continue
        # The report that decided the status, else the latest that speaks for the target:
        # `status` already chose it.
        shown = outcome.report
        indicator = data.indicators[target.indicator]
        rows.append(
            [
                indicator.name(lang),
                target.document,
                described(target, lang),
                reported_text(shown, lang) if shown else "",
                gap_text(outcome, target, lang),
                term(outcome.status, lang, Status),
                reason_text(outcome, lang),
            ]
        )
        styles.append(STATUS_STYLES[outcome.status])
        record = dataset_record(data, target)
        json_rows.append(
            {
                **record,
                "outcome": outcome.to_dict(),
                # the report that decided the status, else the latest that speaks for it
                "report": reported_record(shown) if shown else None,
            }
        )
        records.append(_flat(record, outcome, day))
    what = chosen[0].id if document is not None else say("all_documents", lang)
    total = sum(counts.values())
    how_many = say("count_target" if total == 1 else "count_targets", lang, n=total)
    preamble = [
        f"{how_many}{'：' if is_zh(lang) else ': '}{counted(counts, lang)}",
    ]
    if wanted is not None:
        n = len(rows)
        preamble.append(say("shown_status", lang, n=n, s="s" if n != 1 else "", only=only))
    headers = ["indicator", "document", "target", "reported_figure", "gap", "status", "why"]
    section = Section(
        say("progress_title", lang, what=what, as_of=day.isoformat()),
        [say(key, lang) for key in headers],
        rows,
        footer=[say("reported_rules", lang)],
        styles=styles,
        sheet=say("progress_sheet", lang),
    )
    if categories:
        sep = say("list_sep", lang)
        section.title += " · " + sep.join(term(c, lang, Category) for c in categories)
    payload = {
        "as_of": day.isoformat(),
        "documents": [d.id for d in chosen],
        "summary": counts,
        "targets": json_rows,
    }
    emit(
        Report([section], records, json=payload, preamble=preamble, lang=lang), fmt, output, writer
    )


def _flat(record: dict, outcome, day) -> dict:
    """One CSV row: the target's citation, then its status in the columns every table
    gives a status in (results.status_columns)."""
    from policy_targets.comparisons.results import status_columns

    citation = (
        "document",
        "indicator",
        "name_en",
        "name_zh",
        "category",
        "scope",
        "target_year",
        "comparator",
        "value",
        "unit",
        "aspirational",
    )
    return {
        **{key: record[key] for key in citation},
        "normalized": record["normalized"]["magnitude"],
        "normalized_unit": record["normalized"]["unit"],
        **status_columns(outcome, day),
    }


def register(app: typer.Typer) -> None:
    app.command("progress")(progress_command)
