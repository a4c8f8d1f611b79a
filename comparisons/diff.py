"""Comparing the targets of two documents, indicator by indicator.

Two documents of one scope are a diff: each indicator is raised, lowered, unchanged or
not comparable when both give a target; `new` when only the later one does; `lapsed`
or `not restated` when only the earlier one does, depending on whether its figure was
due before the later document's year. No document here withdraws a target, and the
tool could not know if one did, so nothing is ever called "dropped".

Two documents of different scopes (a city's plan and the province's work points) are
an alignment: rows are `shared`, `only <scope>` or `only <other scope>`, and nothing
is raised, lowered, new or lapsed across scopes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from msgspec import Struct

from .ambition import Assessment, assess
from .changes import Change, change_between, direction, not_comparable_reason
from .errors import ChoiceError, UsageError
from .periods import compared_per_year, per_year, period_of, same_period
from .reasons import Reason, reason
from .records import Dataset, Document, Indicator, Target
from .results import document_record, target_record
from .vocabulary import (
    ADDITIVE_DIMENSIONS,
    CATEGORY_ORDER,
    RECURRING_MEASURES,
    SCOPE_WHOLE,
    Alignment,
    Ambition,
    Kind,
    Measure,
    ReasonCode,
    Selection,
    Verdict,
    only_in,
)

SELECTED: dict[Selection, set[str]] = {
    Selection.changed: {Verdict.raised, Verdict.lowered},
    Selection.raised: {Verdict.raised},
    Selection.lowered: {Verdict.lowered},
    Selection.unchanged: {Verdict.unchanged},
    Selection.not_comparable: {Verdict.not_comparable},
    Selection.new: {Verdict.new},
    Selection.lapsed: {Verdict.lapsed},
    Selection.not_restated: {Verdict.not_restated},
    Selection.shared: {Alignment.shared},
}


def chosen(what: str, values: str | Iterable[str] | None, choices: Iterable[str]) -> list[str]:
    """`values` (one value, several, or None for no filter) as a list in the order of
    `choices`, without repeats; a ChoiceError names the first value that is no choice.
    An empty list means no filter too."""
    if values is None:
        return []
    given = [values] if isinstance(values, str) else list(values)
    order = list(choices)
    for value in given:
        if value not in order:
            raise ChoiceError(what, value, order)
    return [choice for choice in order if choice in given]


def require_category(category: str | Iterable[str] | None) -> list[str]:
    """The categories asked for (one, several, or None for all), in the vocabulary's
    order; a ChoiceError for one that is none of the vocabulary's categories."""
    return chosen("category", category, CATEGORY_ORDER)


def chronology(document: Document) -> tuple[int, str]:
    """When a document was issued: its published date, else its year (an undated document
    counts from the start of its year, before any dated one of that year)."""
    published = document.published
    return (int(published[:4]), published) if published else (document.year, "")


def due_year(target: Target, document: Document) -> int:
    """The last year a figure is due: its target year, or for a recurring duty (a
    frequency, a per-year rate) the end of its document's plan period."""
    if target.measure in RECURRING_MEASURES:
        return max(target.year, document.period.end)
    return target.year


class ComparisonRow(Struct, frozen=True):
    indicator: Indicator
    before: Target | None
    after: Target | None
    verdict: Verdict | Alignment  # an Alignment for documents of different scopes
    assessment: Assessment | None = None  # for pairs that compare, within one scope
    reasons: tuple[Reason, ...] = ()  # why not comparable, lapsed, not restated, no share
    change: Change | None = None
    # Different scopes: the part's figure (the city's) as a share of the whole's (the
    # province's), where the one scope lies within the other, the amounts add up and the
    # figures cover the same period, or per year where both are additions
    # (`share_basis`).
    share_of_whole: float | None = None
    share_basis: str | None = None  # "same period" or "per year"
    due: int | None = None  # only in the earlier document: the last year it is due
    only_scope: str | None = None  # Alignment.only: whose document alone gives a figure

    @property
    def ambition(self) -> Ambition | None:
        return self.assessment.ambition if self.assessment else None

    @property
    def label(self) -> str:
        """The verdict as counted and shown: a Verdict, shared, or "only binzhou"."""
        if self.verdict == Alignment.only:
            return only_in(self.only_scope or "")
        return str(self.verdict)

    @property
    def all_reasons(self) -> tuple[Reason, ...]:
        return self.reasons + (self.assessment.reasons if self.assessment else ())

    def to_dict(self, before: Document, after: Document) -> dict:
        indicator = self.indicator
        return {
            "indicator": indicator.id,
            "name_en": indicator.name_en,
            "name_zh": indicator.name_zh,
            "category": indicator.category,
            "verdict": str(self.verdict),
            "verdict_scope": self.only_scope,
            "ambition": self.ambition.value if self.ambition else None,
            "reasons": [r.to_dict() for r in self.all_reasons],
            "before": target_record(self.before, before, indicator) if self.before else None,
            "after": target_record(self.after, after, indicator) if self.after else None,
            "change": self.change.to_dict() if self.change else None,
            "share_of_whole": self.share_of_whole,
            "share_basis": self.share_basis,
            "due": self.due,
        }


class Summary(Struct, frozen=True):
    verdicts: dict[str, int]  # in the vocabulary's order, only those that occur
    ambition: dict[str, int]
    categories: list[tuple[str, int, int]]  # category, indicators in before, in after

    def to_dict(self) -> dict:
        return {
            "verdicts": self.verdicts,
            "ambition": self.ambition,
            "categories": [{"category": c, "before": a, "after": b} for c, a, b in self.categories],
        }


class Comparison(Struct, frozen=True):
    before: Document
    after: Document
    rows: list[ComparisonRow]  # the rows selected (all, or those of `only`)
    summary: Summary  # of every row of the comparison, whatever `only` selected
    swapped: bool  # the caller named the later document first
    aligned: bool  # different scopes: an alignment, not a diff
    only: str | None  # the Selections the rows were chosen by, comma-separated: raised,new

    @property
    def changed(self) -> bool:
        """Whether a target changed: any row of a diff but `unchanged`. An alignment of two
        scopes changes nothing, whatever each document has."""
        return not self.aligned and any(row.verdict != Verdict.unchanged for row in self.rows)

    def to_dict(self) -> dict:
        return {
            "before": document_record(self.before),
            "after": document_record(self.after),
            "swapped": self.swapped,
            "aligned": self.aligned,
            "only": self.only,
            "summary": self.summary.to_dict(),
            "rows": [row.to_dict(self.before, self.after) for row in self.rows],
        }


def summarize(rows: list[ComparisonRow], before: Document, after: Document) -> Summary:
    """Counts per verdict and ambition, and per category the indicators of each side."""
    verdicts = Counter(row.label for row in rows)
    order = [*Verdict, Alignment.shared, only_in(before.scope), only_in(after.scope)]
    ambition = Counter(row.ambition for row in rows if row.ambition)
    categories = []
    for category in CATEGORY_ORDER:
        in_category = [row for row in rows if row.indicator.category == category]
        count_before = sum(1 for row in in_category if row.before)
        count_after = sum(1 for row in in_category if row.after)
        if count_before or count_after:
            categories.append((category.value, count_before, count_after))
    return Summary(
        {str(v): verdicts[str(v)] for v in dict.fromkeys(order) if verdicts[str(v)]},
        {a.value: ambition[a] for a in Ambition if ambition[a]},
        categories,
    )


def _headline(targets: Iterable[Target]) -> dict[str, list[Target]]:
    """A document's targets by indicator, latest year first."""
    by_indicator: dict[str, list[Target]] = {}
    for target in targets:
        by_indicator.setdefault(target.indicator, []).append(target)
    for candidates in by_indicator.values():
        candidates.sort(key=lambda t: -t.year)
    return by_indicator


def _pair(before: list[Target], after: list[Target]) -> tuple[Target, Target]:
    """The latest pair that compares, else the latest of each. Each list holds the targets
    of one document's own scope, so scope is settled before and not asked again here."""
    for a in before:
        for b in after:
            if not_comparable_reason(a, b, across_scopes=True) is None:
                return a, b
    return before[0], after[0]


def _only_before(indicator: Indicator, a: Target, before: Document, after: Document):
    due = due_year(a, before)
    if due < after.year:
        why = reason(ReasonCode.lapsed, due=due, document=after.id, year=after.year)
        return ComparisonRow(indicator, a, None, Verdict.lapsed, reasons=(why,), due=due)
    period = [before.period.start, before.period.end] if due != a.year else None
    why = reason(ReasonCode.not_restated, due=due, document=after.id, period=period)
    return ComparisonRow(indicator, a, None, Verdict.not_restated, reasons=(why,), due=due)


def _diff_row(
    indicator: Indicator,
    before: list[Target],
    after: list[Target],
    documents: tuple[Document, Document],
    baselines: list[Target],
) -> ComparisonRow:
    if not before:
        return ComparisonRow(indicator, None, after[0], Verdict.new)
    if not after:
        return _only_before(indicator, before[0], *documents)
    a, b = _pair(before, after)
    why = not_comparable_reason(a, b)
    if why:
        return ComparisonRow(indicator, a, b, Verdict.not_comparable, reasons=(why,))
    return ComparisonRow(
        indicator,
        a,
        b,
        direction(a, b),
        assess(indicator, a, b, baselines),
        change=change_between(a, b),
    )


def share_of_whole(part: Target, whole: Target) -> tuple[float | None, str | None, Reason | None]:
    """The part's figure as a share of the whole's, its basis, or why there is none. Only
    like with like: amounts that add up, over the same period, or per year where both are
    additions over periods of different lengths (then labelled per year)."""
    if part.dimension not in ADDITIVE_DIMENSIONS:
        return None, None, reason(ReasonCode.not_additive, dimension=part.dimension)
    if compared_per_year(part, whole):
        amounts, basis = (per_year(part), per_year(whole)), "per year"
    elif same_period(part, whole) or part.measure == whole.measure == Measure.addition:
        amounts, basis = (part.normalized, whole.normalized), "same period"
    else:
        pp, pw = period_of(part), period_of(whole)
        return (
            None,
            None,
            reason(
                ReasonCode.different_period,
                before_period=[pp.start, pp.end],
                after_period=[pw.start, pw.end],
            ),
        )
    if not amounts[1]:
        return None, None, reason(ReasonCode.zero_whole)
    return amounts[0] / amounts[1], basis, None


def _alignment_row(
    indicator: Indicator,
    before: list[Target],
    after: list[Target],
    documents: tuple[Document, Document],
    baselines: list[Target],
) -> ComparisonRow:
    if not after:
        scope = documents[0].scope
        return ComparisonRow(indicator, before[0], None, Alignment.only, only_scope=scope)
    if not before:
        scope = documents[1].scope
        return ComparisonRow(indicator, None, after[0], Alignment.only, only_scope=scope)
    a, b = _pair(before, after)
    why = not_comparable_reason(a, b, across_scopes=True)
    share = basis = None
    part_whole = part_and_whole(*documents)
    if part_whole and why is None:
        part, whole = (a, b) if part_whole[0] == documents[0].scope else (b, a)
        share, basis, why = share_of_whole(part, whole)
    return ComparisonRow(
        indicator,
        a,
        b,
        Alignment.shared,
        reasons=(why,) if why else (),
        share_of_whole=share,
        share_basis=basis,
    )


def part_and_whole(first: Document, second: Document) -> tuple[str, str] | None:
    """(part, whole) when one document's scope lies within the other's: (binzhou, shandong)."""
    for part, whole in ((first.scope, second.scope), (second.scope, first.scope)):
        if SCOPE_WHOLE.get(part) == whole:
            return part, whole
    return None


def _targets(dataset: Dataset, document: Document) -> list[Target]:
    """A document's targets for its own scope (not its comparison figures or baselines)."""
    return [
        t
        for t in dataset.targets_of(document.id)
        if t.kind == Kind.target and t.scope == document.scope
    ]


def compare(
    dataset: Dataset,
    before: Document,
    after: Document,
    category: str | Iterable[str] | None = None,
    only: str | Iterable[str] | None = None,
) -> Comparison:
    """One row per indicator that has a target in either document, the earlier document
    first whichever order they are given in (`swapped` says they were turned round).
    `category` and `only` take one value or several: the rows of any of them."""
    if before.id == after.id:
        raise UsageError(f"both sides are {before.id}; compare two different documents")
    categories = set(require_category(category))
    selections = [Selection(s) for s in chosen("selection", only, Selection)]
    swapped = chronology(after) < chronology(before)
    if swapped:
        before, after = after, before
    aligned = before.scope != after.scope
    make_row = _alignment_row if aligned else _diff_row
    a = _headline(_targets(dataset, before))
    b = _headline(_targets(dataset, after))
    baselines: dict[str, list[Target]] = {}
    for target in dataset.targets:
        if target.kind == Kind.baseline:
            baselines.setdefault(target.indicator, []).append(target)
    rows = []
    for indicator_id in sorted(a.keys() | b.keys()):
        indicator = dataset.indicators[indicator_id]
        if categories and indicator.category not in categories:
            continue
        rows.append(
            make_row(
                indicator,
                a.get(indicator_id, []),
                b.get(indicator_id, []),
                (before, after),
                baselines.get(indicator_id, []),
            )
        )
    rows.sort(
        key=lambda r: (CATEGORY_ORDER.index(r.indicator.category), r.indicator.name_en.casefold())
    )
    summary = summarize(rows, before, after)
    if selections:
        rows = [row for row in rows if any(_selected(row, s) for s in selections)]
    only_text = ",".join(selections) or None
    return Comparison(
        before, after, rows, summary, swapped=swapped, aligned=aligned, only=only_text
    )


def _selected(row: ComparisonRow, selection: Selection) -> bool:
    if selection is Selection.unshared:
        return row.verdict == Alignment.only
    return row.verdict in SELECTED[selection]
