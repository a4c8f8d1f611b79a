"""The reported figures and the statuses beside the rows of other commands (`trajectory`,
`compare`): kept apart, so that those commands change in a few lines only."""

from __future__ import annotations

from policy_targets.comparisons.numbers import format_number
from policy_targets.comparisons.vocabulary import Dated, Status

from .labels import is_zh, say, term, unit_word
from .present import SYMBOLS

STATUS_STYLES = {
    Status.met_early: "green",
    Status.met: "green",
    Status.not_met: "red",
    Status.on_track: "cyan",
    Status.behind: "yellow",
    Status.no_report: "dim",
    Status.unsettled: "yellow",
    Status.not_yet_due: "dim",
}


def status_text(outcome: dict | None, lang: str) -> str:
    """A target's status (an Outcome's dict) in `lang`; empty for none."""
    return term(outcome["status"], lang, Status) if outcome else ""


def as_of_text(as_of: str, dated: str, lang: str) -> str:
    """The date a reported figure is as of: 2023-12-31, or no later than 2023-12-31."""
    if dated == Dated.no_later_than:
        return say("no_later_than", lang, as_of=as_of)
    return as_of


def as_of_phrase(as_of: str, dated: str, lang: str) -> str:
    """That date with its preposition: as of 2023-12-31, as of no later than 2023-12-31;
    截至2023-12-31, 不晚于2023-12-31."""
    when = as_of_text(as_of, dated, lang)
    if is_zh(lang):
        return when if dated == Dated.no_later_than else f"截至{when}"
    return f"as of {when}"


def reported_figure(point: dict, lang: str) -> str:
    """A reported figure (outcomes.reported_record) as written: =24.2万个."""
    return f"{SYMBOLS[point['comparator']]}{point['value']:g}{point['unit']}"


def _normalized(point: dict, lang: str) -> str:
    normalized = point["normalized"]
    unit = unit_word(normalized["unit"], lang)
    return f"{SYMBOLS[point['comparator']]}{format_number(normalized['magnitude'])} {unit}".rstrip()


def reported_row(point: dict, lang: str, width: int) -> list[str]:
    """A reported figure as a trajectory row (the columns of cli/trajectory.HEADERS):
    its date, kind `reported`, publisher, figure, normalized figure, and quote."""
    source = point["source"]
    publisher = source["publisher"] + (say("secondary_kind", lang) if source["secondary"] else "")
    row = [""] * width
    when = as_of_text(point["as_of"], point["dated"], lang)
    row[0], row[1], row[2] = when, say("reported_kind", lang), publisher
    row[3], row[4] = reported_figure(point, lang), _normalized(point, lang)
    row[-1] = point["quote"]
    return row


def interleave(
    rows: list[list[str]], styles: list, merged: list[dict], lang: str
) -> tuple[list[list[str]], list]:
    """The target rows (one per target point, with a status column before the last)
    with their statuses filled in and the reported figures' rows put in their place."""
    width = len(rows[0]) + 1 if rows else 0
    target_rows = iter(zip(rows, styles, strict=True))
    out_rows, out_styles = [], []
    for point in merged:
        if point.get("kind") == "reported":
            out_rows.append(reported_row(point, lang, width))
            out_styles.append("italic")
            continue
        row, style = next(target_rows)
        row = [*row[:-1], status_text(point.get("status"), lang), row[-1]]
        out_rows.append(row)
        out_styles.append(style)
    return out_rows, out_styles


def flat_status(point: dict) -> dict:
    """A point's status and source as CSV columns."""
    outcome = point.get("status") or {}
    source = point.get("source") if isinstance(point.get("source"), dict) else {}
    return {
        "status": outcome.get("status"),
        "status_reason": (outcome.get("reason") or {}).get("text"),
        "as_of": point.get("as_of"),
        "dated": point.get("dated"),
        "source_publisher": source.get("publisher"),
        "source_url": source.get("url"),
        "source_secondary": source.get("secondary"),
    }


def reports(data, found: list, day) -> dict[str, list]:
    """The reported figures of each trajectory's indicator and scope known on `day`."""
    from policy_targets.comparisons.outcomes import scope_reports

    return {t.scope: scope_reports(data, t.indicator.id, t.scope, day) for t in found}


def earlier_outcomes(data, comparison, day) -> dict[int, dict]:
    """`compare`: the status of the earlier target of each lapsed or not-restated row
    (by the row's id()), as its Outcome's dict."""
    from policy_targets.comparisons.outcomes import statuses
    from policy_targets.comparisons.vocabulary import Verdict

    rows = [
        row
        for row in comparison.rows
        if row.verdict in (Verdict.lapsed, Verdict.not_restated) and row.before is not None
    ]
    found = statuses(data, [row.before for row in rows], day)
    return {id(row): o.to_dict() for row, o in zip(rows, found, strict=True) if o is not None}
