"""Outcomes: what became of a target, by the figures reported as achieved.

After the mid-term reviews of the 十四五 plans (提前实现 / 符合预期 / 相对滞后) and Net Zero
Tracker. A status never claims more than a report says:

- A target for year Y is due at the end of Y. Only a report as of Y-12-31 settles it
  (`met` or `not met`); a report as of June Y does not. A report as of a year before Y
  that already reaches it makes it `met early`: reached before its year, as the issue and
  the mid-term reviews (提前实现) count it, whether or not a level stayed there.
- A running total (ever built) is never below the level (in use) of the same thing: a
  running total can show a level target missed, never met; a level can show a
  running-total target met, never missed.
- One exception, because a running total (累计, measure `cumulative`) never falls: one
  reported within Y that already reaches a target of a running total says the
  year-end figure does too, so the target is `met`. Falling short within Y settles
  nothing, and a level (a stock such as racks in use, which can fall) gets no exception.
- A report dated only "no later than" a day (the source says 目前, "now") is never the
  year-end report and gives no pace; it still speaks for that day or later as above.
- Only a report of the same indicator, scope and dimension, and of a measure that
  compares (a level with a cumulative level, an addition only with an addition), counts,
  and only one the curator did not mark `settles: false` (a figure that may count on
  another basis, such as cities rated rather than cities meeting a standard).
- A report is a range of what the figure may be: 超过47% (more than) is anything above
  47 %, 约20万 (about) anything within the `about` tolerance either side of it. It reaches
  a target when the whole range does, falls short when none of it does, and otherwise
  settles nothing.
- A comparator means what it says; a bare target figure (exactly) asks what "at least"
  asks, read through the indicator's `higher_is_better` (a rank of 3 is met by 2nd).
  An `about` target (左右) is met within a tolerance below it (above it, where less is
  better): 1 percentage point for a share, 5 % of the value otherwise. A 力争
  (aspirational) target is judged like a firm one, and its reason says so.
- Not yet due: `on track` or `behind` by the pace of the latest two reports (a straight
  line through them to the end of Y); `not yet due` with fewer than two.
- Due and unsettled: `no report`.

Reports as of a date after `as_of`, or published after it, are not known yet and are
left out.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from msgspec import Struct

from .changes import MEASURE_WORDS, not_comparable_reason
from .judging import REACHES, SHARE_DIMENSIONS, SHORT, judge, judge_report, judge_running_total
from .numbers import format_number
from .periods import period_of
from .records import Dataset, Indicator, Period, Reported, Target
from .vocabulary import (
    STOCK_MEASURES,
    Comparator,
    Dated,
    Kind,
    Measure,
    OutcomeCode,
    Status,
)

SETTLED = (Status.met_early, Status.met, Status.not_met)  # a report decided these


class Outcome(Struct, frozen=True):
    """A target's status, why (a reason code, its parameters and English words) and the
    report that decided it (None when no report did)."""

    status: Status
    code: OutcomeCode
    params: dict
    text: str
    report: Reported | None = None
    gap: float | None = None  # the report's figure less the target's, normalized

    def to_dict(self) -> dict:
        return {
            "status": str(self.status),
            "reason": {"code": str(self.code), "text": self.text, **self.params},
            "report": None if self.report is None else reported_record(self.report),
            "gap": self.gap,
        }


def reported_record(report: Reported) -> dict:
    """A reported figure as every JSON output shows it."""
    source = report.source
    return {
        "indicator": report.indicator,
        "scope": report.scope,
        "value": report.value,
        "unit": report.unit,
        "normalized": {"magnitude": report.normalized, "unit": report.normalized_unit},
        "comparator": report.comparator,
        "measure": report.measure,
        "as_of": report.as_of,
        "dated": str(report.dated),
        "settles": report.settles,
        "quote": report.quote,
        "as_written": report.as_written,
        "note": report.note,
        "source": {
            "publisher": source.publisher,
            "title": source.title,
            "published": source.published,
            "url": source.url,
            "secondary": source.secondary,
            "original_publisher": source.original_publisher,
        },
    }


def due_date(target: Target) -> date:
    return date(target.year, 12, 31)


def known(reports: Iterable[Reported], as_of: date) -> list[Reported]:
    """The reports known on `as_of`: about a date up to it, and published by then."""
    day = as_of.isoformat()
    return [r for r in reports if r.as_of <= day and r.source.published <= day]


def relevant(target: Target, reports: Iterable[Reported]) -> list[Reported]:
    """The reports that can speak for `target`, by date: same indicator, scope and
    dimension, a measure that compares, not marked `settles: false`; an addition only
    for an addition target of the one year it was made in."""
    found = [
        r
        for r in reports
        if r.indicator == target.indicator
        and r.settles
        and not_comparable_reason(target, r) is None  # type: ignore[arg-type]
        and (r.measure != Measure.addition or period_of(target) == Period(r.year, r.year))
    ]
    return sorted(found, key=lambda r: r.as_of)


def _when(report: Reported) -> str:
    """The date a report is as of, in words: 2023-12-31, or no later than 2023-12-31."""
    if report.dated == Dated.no_later_than:
        return f"no later than {report.as_of}"
    return report.as_of


# --- the status ---------------------------------------------------------------------------


def _figure(amount: float, unit: str) -> str:
    return f"{format_number(amount)} {unit}".strip()


def difference(a: float, b: float) -> float:
    """a - b without binary residue (33.4 - 26.7 is 6.7, not 6.699999999999999): the
    figures are written in decimals, so they are subtracted as the decimals they print as."""
    return float(Decimal(repr(a)) - Decimal(repr(b)))


def _years_between(first: str, last: str) -> float:
    """The years from one date to another, by the fraction of each calendar year past
    (a year's last day ends it): 2023-12-31 to 2024-12-31 is one year, leap or not."""

    def part(day: date) -> float:
        return day.timetuple().tm_yday / (366 if calendar.isleap(day.year) else 365)

    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return end.year - start.year + part(end) - part(start)


def _signed(amount: float, target: Target) -> str:
    """A change or a gap in the target's terms: +2,000, -1.5 pp (points for a share)."""
    sign = "+" if amount >= 0 else "-"
    unit = "pp" if target.dimension in SHARE_DIMENSIONS else target.normalized_unit
    return f"{sign}{_figure(abs(amount), unit)}"


def status(
    target: Target, indicator: Indicator, reports: Iterable[Reported], as_of: date
) -> Outcome | None:
    """The status of `target` on `as_of`, from the reported figures (of any indicator:
    those that speak for it are chosen here). None for a baseline, which promises
    nothing."""
    if target.kind != Kind.target:
        return None
    found = relevant(target, known(reports, as_of))
    due = due_date(target)
    year_end = due.isoformat()
    base = {
        "target": {
            "value": target.normalized,
            "unit": target.normalized_unit,
            "comparator": str(target.comparator),
            "upper": target.normalized_upper,
            "measure": str(target.measure),
            "year": target.year,
        },
        "aspirational": target.aspirational,
    }
    wanted = _figure(target.normalized, target.normalized_unit)
    if target.normalized_upper is not None:
        low, high = format_number(target.normalized), format_number(target.normalized_upper)
        wanted = f"{low}-{high} {target.normalized_unit}".strip()
    what = f"the target of {_comparator_words(target)}{wanted} for {target.year}"
    if target.aspirational:
        what += " (力争, aspirational, judged as firm)"

    def outcome(
        state: Status, code: OutcomeCode, text: str, report: Reported | None = None, **params
    ):
        # A gap only beside the report that settles the target: against a figure of
        # another date it would read as a shortfall or a surplus that nobody reported.
        gap = None
        if report is not None and state in SETTLED:
            gap = difference(report.normalized, target.normalized)
        extra = {}
        if report is not None:
            extra = {
                "as_of": report.as_of,
                "dated": str(report.dated),
                # the report's figure, as the words of every language state it
                "figure": {
                    "value": report.normalized,
                    "unit": report.normalized_unit,
                    "comparator": str(report.comparator),
                    "measure": str(report.measure),
                },
                "gap": gap,
            }
        return Outcome(state, code, {**base, **extra, **params}, text, report, gap)

    def stated(report: Reported) -> str:
        # A report of the other stock measure says so: it bounds the target's figure.
        other = f" ({MEASURE_WORDS[report.measure]})" if report.measure != target.measure else ""
        figure = _figure(report.normalized, report.normalized_unit)
        return f"{_comparator_words(report)}{figure}{other}"

    # Every stated year-end report is judged (a level and a running total may both be):
    # one that falls short decides, else one that reaches it, else the first settles nothing.
    judged = [
        (judge_report(target, indicator, r), r)
        for r in found
        if r.as_of == year_end and r.dated == Dated.stated
    ]
    verdict, final = next(
        (pair for wanted in (SHORT, REACHES) for pair in judged if pair[0] == wanted),
        judged[0] if judged else (None, None),
    )
    if verdict == SHORT:
        gap = _signed(difference(final.normalized, target.normalized), target)
        return outcome(
            Status.not_met,
            OutcomeCode.short,
            f"the report as of {final.as_of}, {stated(final)}, falls short of {what} (gap {gap})",
            final,
        )
    early = [r for r in found if r.year < target.year]
    reached = next((r for r in early if judge_report(target, indicator, r) == REACHES), None)
    if reached is not None:
        return outcome(
            Status.met_early,
            OutcomeCode.reached_early,
            f"the report as of {_when(reached)}, {stated(reached)}, reaches {what} before its year",
            reached,
        )
    if verdict == REACHES:
        return outcome(
            Status.met,
            OutcomeCode.reached,
            f"the report as of {final.as_of}, {stated(final)}, reaches {what}",
            final,
        )
    running = next(
        (
            r
            for r in reversed(found)
            if r.year == target.year
            and target.measure == Measure.cumulative
            and r.measure in STOCK_MEASURES  # a level is never above the running total
            and judge_running_total(target, indicator, r) == REACHES
        ),
        None,
    )
    if running is not None:
        return outcome(
            Status.met,
            OutcomeCode.reached_running_total,
            (
                f"the running total as of {_when(running)}, {stated(running)}, already "
                f"reaches {what}; a running total does not fall, so the figure at the end "
                f"of {target.year} does too"
                if running.measure == Measure.cumulative
                else f"the report as of {_when(running)}, {stated(running)}, already "
                f"reaches {what}; the running total is never below the level and does not "
                f"fall, so the figure at the end of {target.year} does too"
            ),
            running,
        )
    if as_of >= due:
        if final is not None:  # a range that neither reaches nor misses the target
            return outcome(
                Status.unsettled,
                OutcomeCode.inconclusive,
                f"the report as of {final.as_of}, {stated(final)}, neither reaches nor "
                f"rules out {what}",
                final,
            )
        latest = found[-1] if found else None
        text = f"{what} was due at the end of {target.year}; no report as of {year_end}"
        if latest is not None:
            text += f" (the latest is as of {_when(latest)}, {stated(latest)})"
        return outcome(Status.no_report, OutcomeCode.no_year_end_report, text, latest)
    # A pace needs single figures on two stated dates (the last figure of a day counts).
    by_day = {
        r.as_of: r
        for r in found
        if r.comparator in (Comparator.exactly, Comparator.about)
        and r.dated == Dated.stated
        and r.measure == target.measure  # a line through figures of one measure only
    }
    points = list(by_day.values())
    if len(points) >= 2:
        first, last = points[-2], points[-1]
        per_year = (last.normalized - first.normalized) / _years_between(first.as_of, last.as_of)
        # Rounded: a pace that lands exactly on the target is not behind by a float's residue.
        projected = round(last.normalized + per_year * _years_between(last.as_of, year_end), 6)
        on_pace = judge(target, indicator, projected, projected) == REACHES
        text = (
            f"not due until {year_end}; at the pace from {first.as_of} to {last.as_of} "
            f"({_signed(round(per_year, 2), target)} a year) the figure would be "
            f"{_figure(round(projected, 2), last.normalized_unit)}, which "
            f"{'reaches' if on_pace else 'falls short of'} {what}"
        )
        return outcome(
            Status.on_track if on_pace else Status.behind,
            OutcomeCode.pace_reaches if on_pace else OutcomeCode.pace_short,
            text,
            last,
            projected=projected,
            per_year=round(per_year, 6),
            since=first.as_of,
        )
    latest = found[-1] if found else None
    count = len(points)
    if not found:
        why = "no report yet"
    elif not points:
        why = (
            "the reports so far are bounds (more than, at most), undated, or of another "
            "measure, which give no pace"
        )
    else:
        why = "a single figure on one stated date so far; two dates are needed for a pace"
    return outcome(
        Status.not_yet_due,
        OutcomeCode.not_due,
        f"{what} is not due until {year_end}; {why}",
        latest,
        dates=count,
    )


_WORDS = {
    Comparator.at_least: "at least",
    Comparator.more_than: "more than",
    Comparator.about: "about",
    Comparator.exactly: "",
    Comparator.at_most: "at most",
    Comparator.between: "",
}


def _comparator_words(figure: Target | Reported) -> str:
    words = _WORDS[figure.comparator]
    return words + " " if words else ""


def statuses(dataset: Dataset, targets: Iterable[Target], as_of: date) -> list[Outcome | None]:
    """The status of each of `targets` (None for a baseline), in their order."""
    known_reports = known(dataset.reported, as_of)
    return [
        status(target, dataset.indicators[target.indicator], known_reports, as_of)
        for target in targets
    ]


def summary(outcomes: Iterable[Outcome | None]) -> dict[str, int]:
    """How many targets have each status, in the vocabulary's order, zeros left out."""
    counts = {state: 0 for state in Status}
    for outcome in outcomes:
        if outcome is not None:
            counts[outcome.status] += 1
    return {str(state): n for state, n in counts.items() if n}


# --- beside a trajectory ---------------------------------------------------------------------


def scope_reports(dataset: Dataset, indicator: str, scope: str, as_of: date) -> list[Reported]:
    """The reports of one indicator and scope known on `as_of`, by date (every measure:
    a listing shows them all; only `relevant` ones settle a target)."""
    found = [
        r for r in known(dataset.reported, as_of) if (r.indicator, r.scope) == (indicator, scope)
    ]
    return sorted(found, key=lambda r: (r.as_of, r.measure))


def with_reports(
    points: list[dict], targets: list[Target], dataset: Dataset, scope: str, as_of: date
) -> list[dict]:
    """A trajectory's points (its `to_dict()["points"]`, one per target of `targets`)
    with each target's `status`, and the reported figures of its scope as points of kind
    `reported`, merged in by year: a year's reports, by date, after its targets."""
    outcomes = statuses(dataset, targets, as_of)
    keyed = [
        ((target.year, 0, ""), {**point, "status": outcome.to_dict() if outcome else None})
        for point, target, outcome in zip(points, targets, outcomes, strict=True)
    ]
    indicator = targets[0].indicator if targets else ""
    for report in scope_reports(dataset, indicator, scope, as_of):
        point = {"kind": "reported", "year": report.year, **reported_record(report)}
        keyed.append(((report.year, 1, report.as_of), {**point, "step": None, "status": None}))
    keyed.sort(key=lambda pair: pair[0])  # stable: targets keep the trajectory's order
    return [point for _, point in keyed]
