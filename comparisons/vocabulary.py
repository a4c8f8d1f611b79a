"""The project's vocabulary: every term a record, a rule or an option may use.

Each term is defined here once; the records (which validate the YAML with them), the
comparison rules, the CLI's choices and the docs all refer to these enums. They are
StrEnums, so a member equals, hashes, formats and encodes (JSON, CSV, MessagePack) as its
string.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """Policy areas, in the order tables list them."""

    infrastructure = "infrastructure"
    data = "data"
    digital_economy = "digital-economy"
    industry = "industry"
    agriculture = "agriculture"
    services = "services"
    government = "government"
    society = "society"
    energy = "energy"
    ai = "ai"
    talent = "talent"
    security = "security"


CATEGORY_ORDER = tuple(Category)


class Dimension(StrEnum):
    count = "count"
    currency = "currency"
    share = "share"
    share_change = "share-change"  # a yearly change of a share, in percentage points a year
    compute = "compute"
    power = "power"
    bandwidth = "bandwidth"
    study_time = "study-time"
    frequency = "frequency"
    rank = "rank"
    duration = "duration"
    energy = "energy"
    data_volume = "data-volume"
    index = "index"
    rating = "rating"


# Dimensions whose amounts add up, so that a city's figure is a part of its province's
# (a share of a share, a rank or an index is no such part).
ADDITIVE_DIMENSIONS = frozenset(
    {
        Dimension.count,
        Dimension.currency,
        Dimension.compute,
        Dimension.power,
        Dimension.energy,
        Dimension.data_volume,
    }
)


class Comparator(StrEnum):
    at_least = "at_least"
    more_than = "more_than"
    about = "about"
    exactly = "exactly"
    at_most = "at_most"
    between = "between"  # a range, 2-3个: `value` is the lower bound, `upper` the upper


class Measure(StrEnum):
    """What a figure counts. `addition` is a yearly (or per-document) addition, never
    a verdict: the verdict for a figure only in the later document is `new`."""

    level = "level"
    cumulative = "cumulative"
    addition = "addition"
    share = "share"
    rate = "rate"
    frequency = "frequency"


# Measures that describe a stock at a date; they compare with each other.
STOCK_MEASURES = frozenset({Measure.level, Measure.cumulative})
# Measures that recur: a duty in force for the whole plan period, not due once.
RECURRING_MEASURES = frozenset({Measure.frequency, Measure.rate})
# Measures of a pace (so much per year or per period) rather than a state to reach by a
# date: the same figure for a later year asks for the same, not for less.
PACE_MEASURES = RECURRING_MEASURES | {Measure.addition}


# Which measures fit which dimensions (checks.measure_problem checks every figure).
# A share is a share of a whole, written in %; a frequency is so often, written 每…:
# each measure is its dimension's and no other's, both ways.
MEASURE_DIMENSION = {Measure.share: Dimension.share, Measure.frequency: Dimension.frequency}
# A yearly change of a share (年均提高2%, 2018 plan) is a yearly addition.
DIMENSION_MEASURE = {
    **{dimension: measure for measure, dimension in MEASURE_DIMENSION.items()},
    Dimension.share_change: Measure.addition,
}


class Kind(StrEnum):
    target = "target"
    baseline = "baseline"


class DocumentKind(StrEnum):
    plan = "plan"
    implementation_scheme = "implementation-scheme"
    work_points = "work-points"
    news_report = "news-report"


class FileKind(StrEnum):
    """The kinds of YAML file in a targets directory, each with its own JSON Schema."""

    document = "document"  # <document-id>.yaml
    catalogue = "catalogue"  # indicators.yaml
    coverage_ignore = "coverage-ignore"  # coverage-ignore.yaml
    reported = "reported"  # reported.yaml: figures reported as achieved


# Kinds of document that report on a document rather than being it: its figures are
# second-hand, and every listing says so.
SECONDARY_KINDS = frozenset({DocumentKind.news_report})
SECONDARY_NOTE = (
    "secondary source: these figures come from a news report about the document, "
    "not from the document itself"
)


class Verdict(StrEnum):
    """How an indicator fares from an earlier document to a later one of the same scope."""

    raised = "raised"
    lowered = "lowered"
    unchanged = "unchanged"
    not_comparable = "not comparable"
    new = "new"  # only in the later document
    lapsed = "lapsed"  # only in the earlier one, and due before the later one's year
    not_restated = "not restated"  # only in the earlier one, and still due


class Alignment(StrEnum):
    """How an indicator lines up between documents of different scopes (a city and its
    province): an alignment, never a change. A row in one document only says whose:
    `only binzhou`, `only shandong` (see `only_in`)."""

    shared = "shared"
    only = "only"


def only_in(scope: str) -> str:
    """The alignment of a row that only one scope's document has: "only binzhou"."""
    return f"{Alignment.only} {scope}"


class Selection(StrEnum):
    """Which rows of a comparison to keep (`compare --only`)."""

    changed = "changed"  # raised or lowered
    raised = "raised"
    lowered = "lowered"
    unchanged = "unchanged"
    not_comparable = "not-comparable"
    new = "new"
    lapsed = "lapsed"
    not_restated = "not-restated"
    shared = "shared"
    unshared = "unshared"  # in one scope's document only


class Ambition(StrEnum):
    """Whether the later figure asks for more (after Climate Action Tracker's
    "stronger / not stronger" and Climate Watch's "enhanced")."""

    stronger = "stronger"
    weaker = "weaker"
    same = "same"
    mixed = "mixed"
    # Targets for different years whose pace cannot be computed (no baseline): the later
    # figure may ask for more or less, and the data cannot tell which.
    unclear = "unclear"


class PaceKind(StrEnum):
    """How a change a year is measured (`Change.per_year_kind`, a pace's `kind`)."""

    points = "points"  # percentage points a year, for a share (linear)
    growth = "growth"  # compound growth a year, for positive amounts
    amount = "amount"  # a plain amount a year (a rank's places, an amount from 0)


class ReasonCode(StrEnum):
    """What a reason says, as data (comparisons/reasons.py words each in English)."""

    value = "value"  # the normalized value changed: amount, unit (pp, %, or the unit)
    comparator = "comparator"  # before, after: the comparators
    firmness = "firmness"  # aspirational: whether the later target is 力争
    deadline = "deadline"  # the same value, years later (+) or earlier (-)
    pace = "pace"  # targets for different years: the implied paces from one start
    no_pace = "no-pace"  # targets for different years, and no baseline to start from
    per_year = "per-year"  # additions over different periods, compared per year
    different_scope = "different-scope"
    different_dimension = "different-dimension"
    different_measure = "different-measure"
    different_period = "different-period"  # no share of figures for different periods
    not_additive = "not-additive"  # no share: the dimension does not add up
    zero_whole = "zero-whole"  # no share: the whole's figure is 0
    lapsed = "lapsed"  # due before the later document's year
    not_restated = "not-restated"  # still due, and the later document gives no figure


class OutcomeCode(StrEnum):
    """Why a target has its status (comparisons/outcomes.py words each in English)."""

    short = "short"  # the year-end report falls short
    reached_early = "reached-early"  # a report before the target's year reaches it
    reached = "reached"  # the year-end report reaches it
    # a running total (累计) reported within the target's year already reaches it
    reached_running_total = "reached-running-total"
    inconclusive = "inconclusive"  # the year-end report's range neither reaches nor misses
    no_year_end_report = "no-year-end-report"  # due, and no report as of its year's end
    pace_reaches = "pace-reaches"  # not due; the latest two reports' pace reaches it
    pace_short = "pace-short"  # not due; that pace falls short
    not_due = "not-due"  # not due, and fewer than two exact reports


class Status(StrEnum):
    """What became of a target, by the figures reported as achieved (comparisons/
    outcomes.py), after the mid-term reviews of the 十四五 plans and Net Zero Tracker."""

    met_early = "met early"  # a report dated before the target's year reaches it
    met = "met"  # the report for the target's year reaches it
    not_met = "not met"  # the report for the target's year falls short
    on_track = "on track"  # not yet due; the pace of the latest two reports reaches it
    behind = "behind"  # not yet due; that pace does not reach it by its year
    no_report = "no report"  # due, but no report for its year
    unsettled = "unsettled"  # due; the report for its year neither reaches nor misses it
    not_yet_due = "not yet due"  # not due, and fewer than two reports to give a pace


class Dated(StrEnum):
    """How a reported figure's `as_of` is known (README, "Outcomes")."""

    stated = "stated"  # the source dates the figure: 截至2023年底, 2023年, 全年
    # the source says only 目前 or 截至目前 ("now"): `as_of` is the latest day the
    # figure can refer to (the publication date, or the end of the year it was written in)
    no_later_than = "no later than"


STATUS_NAMES_ZH = {
    Status.met_early: "提前实现",
    Status.met: "已实现",
    Status.not_met: "未实现",
    Status.on_track: "符合预期",
    Status.behind: "相对滞后",
    Status.no_report: "暂无数据",
    Status.unsettled: "无法判定",
    Status.not_yet_due: "未到期",
}


# Chinese names of the categories, which search matches as well as the English ids
# (数字经济 finds every indicator of the digital-economy category).
CATEGORY_NAMES_ZH = {
    Category.infrastructure: "基础设施",
    Category.data: "数据",
    Category.digital_economy: "数字经济",
    Category.industry: "产业",
    Category.agriculture: "农业",
    Category.services: "公共服务",
    Category.government: "政务",
    Category.society: "社会",
    Category.energy: "能源",
    Category.ai: "人工智能",
    Category.talent: "人才",
    Category.security: "安全",
}

# Names of the scopes the data uses, for --scope: the id, then English and Simplified
# Chinese names (Traditional is folded to Simplified before lookup).
SCOPE_NAMES = {
    "shandong": ("Shandong", "山东"),
    "binzhou": ("Binzhou", "滨州"),
    "jinan": ("Jinan", "济南"),
    "beijing": ("Beijing", "北京"),
    "shanghai": ("Shanghai", "上海"),
    "guangdong": ("Guangdong", "广东"),
    "china": ("China", "中国", "全国", "national"),
    "world": ("World", "世界", "全球", "global"),
}
# Which scope each scope is a part of, so that a city's figure can be read as a share of
# its province's (never the other way round, whichever document came first).
SCOPE_WHOLE = {
    "binzhou": "shandong",
    "jinan": "shandong",
    "shandong": "china",
    "beijing": "china",
    "shanghai": "china",
    "guangdong": "china",
    "china": "world",
}
# `--scope all`: every scope at once, where a command allows it.
ALL_SCOPES = "all"


class Language(StrEnum):
    """Languages of names and labels."""

    en = "en"
    zh = "zh"
