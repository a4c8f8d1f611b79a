"""Outcome rules, one test per status and boundary, on targets and reports built in memory."""

from datetime import date

import pytest

from policy_targets.comparisons.outcomes import (
    reported_record,
    scope_reports,
    status,
    statuses,
    summary,
    with_reports,
)

TODAY = date(2026, 12, 6)


def outcome(build, target, reports, as_of=TODAY, higher=True, dimension="count"):
    indicator = build.indicator(higher=higher, dimension=dimension)
    return status(target, indicator, reports, as_of)


def test_a_year_end_report_reaching_the_target_exactly_meets_it(build):
    result = outcome(build, build.target(value=200, year=2023), [build.reported(200, "2023-12-31")])
    assert result.status == "met"
    assert result.code == "reached"
    assert result.gap == 0
    assert result.text == (
        "the report as of 2023-12-31, 200, reaches the target of at least 200 for 2023"
    )


def test_a_year_end_report_short_of_the_target_is_not_met(build):
    result = outcome(build, build.target(value=200, year=2023), [build.reported(199, "2023-12-31")])
    assert (result.status, result.code) == ("not met", "short")
    assert result.gap == result.params["gap"] == -1
    assert result.text == (
        "the report as of 2023-12-31, 199, falls short of the target of at least 200 for "
        "2023 (gap -1)"
    )


def test_more_than_is_not_met_at_its_own_value(build):
    target = build.target(value=200, year=2023, comparator="more_than")
    result = outcome(build, target, [build.reported(200)])
    assert result.status == "not met"
    assert result.text == (
        "the report as of 2023-12-31, 200, falls short of the target of more than 200 for "
        "2023 (gap +0)"
    )


def test_a_report_before_the_target_year_that_reaches_it_is_met_early(build):
    target = build.target(value=200, year=2025)
    result = outcome(build, target, [build.reported(210, "2024-12-31")])
    assert (result.status, result.code, result.report.as_of) == (
        "met early",
        "reached-early",
        "2024-12-31",
    )


def test_a_report_in_the_target_year_before_its_end_is_not_met_early(build):
    target = build.target(value=200, year=2025)
    result = outcome(build, target, [build.reported(210, "2025-06-30")], as_of=date(2025, 7, 1))
    assert result.status == "not yet due"


def test_a_june_report_does_not_settle_a_target_for_the_year_end(build):
    target = build.target(value=200, year=2024)
    result = outcome(build, target, [build.reported(250, "2024-06-30")])
    assert (result.status, result.code, result.report.as_of) == (
        "no report",
        "no-year-end-report",
        "2024-06-30",
    )
    assert result.text == (
        "the target of at least 200 for 2024 was due at the end of 2024; no report as of "
        "2024-12-31 (the latest is as of 2024-06-30, 250)"
    )


def test_a_target_is_not_due_before_the_last_day_of_its_year(build):
    target = build.target(value=200, year=2024)
    result = outcome(build, target, [], as_of=date(2024, 12, 30))
    assert (result.status, result.code, result.report) == ("not yet due", "not-due", None)
    assert result.text == (
        "the target of at least 200 for 2024 is not due until 2024-12-31; no report yet"
    )


def test_a_due_target_without_any_report_has_no_report(build):
    result = outcome(build, build.target(value=200, year=2024), [], as_of=date(2024, 12, 31))
    assert result.status == "no report"
    assert result.report is None


@pytest.mark.parametrize(("reported", "expected"), [(95.01, "met"), (94.99, "not met")])
def test_about_is_met_within_five_percent_below_its_value(build, reported, expected):
    target = build.target(value=100, year=2023, comparator="about")
    assert outcome(build, target, [build.reported(reported)]).status == expected


@pytest.mark.parametrize(("reported", "expected"), [(93, "met"), (92.9, "not met")])
def test_about_a_share_is_met_within_one_percentage_point(build, reported, expected):
    report = build.reported(reported, dimension="share", measure="share")
    target = build.target(
        value=94, year=2023, comparator="about", dimension="share", measure="share"
    )
    assert outcome(build, target, [report], dimension="share").status == expected


def test_about_is_met_above_its_value(build):
    target = build.target(value=100, year=2023, comparator="about")
    assert outcome(build, target, [build.reported(130)]).status == "met"


@pytest.mark.parametrize(("rank", "expected"), [(3, "met"), (2, "met"), (4, "not met")])
def test_a_bare_figure_where_lower_is_better_is_met_at_or_below_it(build, rank, expected):
    target = build.target(value=3, year=2023, comparator="exactly", dimension="rank")
    report = build.reported(rank, dimension="rank")
    assert outcome(build, target, [report], higher=False, dimension="rank").status == expected


def test_at_most_is_met_at_its_value(build):
    target = build.target(value=3, year=2023, comparator="at_most")
    assert outcome(build, target, [build.reported(3)], higher=False).status == "met"


def test_an_aspirational_target_is_judged_as_firm_and_says_so(build):
    target = build.target(value=200, year=2023, aspirational=True)
    result = outcome(build, target, [build.reported(201)])
    assert result.status == "met"
    assert result.params["aspirational"] is True
    assert result.text == (
        "the report as of 2023-12-31, 201, reaches the target of at least 200 for 2023 "
        "(力争, aspirational, judged as firm)"
    )


def test_a_report_of_another_measure_never_settles(build):
    target = build.target(value=200, year=2023, measure="addition")
    result = outcome(build, target, [build.reported(300, measure="level")])
    assert (result.status, result.report) == ("no report", None)


@pytest.mark.parametrize(
    ("target_measure", "report_measure", "value", "status"),
    [
        ("level", "cumulative", 190, "not met"),  # in use ≤ ever built < 200
        ("level", "cumulative", 200, "unsettled"),  # in use ≤ 200 may be 200 or less
        ("level", "cumulative", 300, "unsettled"),  # ever built ≥ 200 says nothing of in use
        ("cumulative", "level", 300, "met"),  # ever built ≥ in use ≥ 200
        ("cumulative", "level", 190, "unsettled"),  # in use < 200 says nothing of ever built
    ],
)
def test_a_running_total_is_never_below_the_level_of_the_same_thing(
    build, target_measure, report_measure, value, status
):
    target = build.target(value=200, year=2023, measure=target_measure)
    result = outcome(build, target, [build.reported(value, measure=report_measure)])
    # Decided by the year-end report itself, not by the running-total rule.
    code = {"not met": "short", "unsettled": "inconclusive", "met": "reached"}[status]
    assert (result.status, result.code) == (status, code)


def test_a_report_of_another_scope_never_settles(build):
    target = build.target(value=200, year=2023)
    assert outcome(build, target, [build.reported(300, scope="binzhou")]).status == "no report"


def test_a_report_of_another_indicator_never_settles(build):
    target = build.target(value=200, year=2023)
    assert outcome(build, target, [build.reported(300, indicator="y")]).status == "no report"


def test_a_report_marked_not_to_settle_never_settles(build):
    target = build.target(value=16, year=2023)
    assert outcome(build, target, [build.reported(16, settles=False)]).status == "no report"


def test_a_lower_bound_below_the_target_settles_nothing(build):
    target = build.target(value=50, year=2023, comparator="more_than")
    result = outcome(build, target, [build.reported(47, comparator="more_than")])
    assert (result.status, result.code, result.report.as_of, result.gap) == (
        "unsettled",
        "inconclusive",
        "2023-12-31",
        None,  # no gap beside a report that settles nothing
    )
    assert result.text == (
        "the report as of 2023-12-31, more than 47, neither reaches nor rules out the target "
        "of more than 50 for 2023"
    )


def test_a_lower_bound_at_the_target_meets_at_least(build):
    target = build.target(value=50, year=2023)
    assert outcome(build, target, [build.reported(50, comparator="more_than")]).status == "met"


def test_as_of_before_any_report_ignores_them(build):
    target = build.target(value=200, year=2023)
    result = outcome(build, target, [build.reported(300)], as_of=date(2023, 6, 1))
    assert (result.status, result.report) == ("not yet due", None)


def test_a_report_published_after_as_of_is_not_known_yet(build):
    target = build.target(value=200, year=2023)
    report = build.reported(300, "2023-12-31", published="2024-02-01")
    assert outcome(build, target, [report], as_of=date(2024, 1, 31)).status == "no report"
    assert outcome(build, target, [report], as_of=date(2024, 2, 1)).status == "met"


def test_on_track_when_the_pace_of_the_latest_two_reports_reaches_the_target(build):
    target = build.target(value=300, year=2025)
    reports = [build.reported(100, "2022-12-31"), build.reported(200, "2023-12-31")]
    result = outcome(build, target, reports, as_of=date(2024, 1, 1))
    assert (result.status, result.code) == ("on track", "pace-reaches")
    assert result.params["projected"] == 400  # +100 a year, two years more


def test_behind_when_that_pace_falls_short(build):
    target = build.target(value=500, year=2025)
    reports = [build.reported(100, "2022-12-31"), build.reported(200, "2023-12-31")]
    result = outcome(build, target, reports, as_of=date(2024, 1, 1))
    assert (result.status, result.code) == ("behind", "pace-short")


def test_one_report_gives_no_pace(build):
    target = build.target(value=500, year=2025)
    result = outcome(build, target, [build.reported(100, "2023-12-31")], as_of=date(2024, 1, 1))
    assert (result.status, result.params["dates"], result.report.as_of) == (
        "not yet due",
        1,
        "2023-12-31",
    )


def test_a_baseline_has_no_status(build):
    assert outcome(build, build.target(kind="baseline"), [build.reported(10)]) is None


def test_to_dict_gives_status_reason_and_report(build):
    report = build.reported(200)
    result = outcome(build, build.target(value=200, year=2023), [report]).to_dict()
    assert result["status"] == "met"
    assert result["reason"]["code"] == "reached"
    assert result["reason"]["as_of"] == "2023-12-31"
    assert result["reason"]["target"] == {
        "value": 200,
        "unit": "",
        "comparator": "at_least",
        "upper": None,
        "measure": "level",
        "year": 2023,
    }
    assert result["report"] == reported_record(report)
    assert result["report"]["source"]["url"] == "https://example.org/report"


# --- running totals (累计) and figures dated only "no later than" a day -------------------


def running_total(value, as_of, **kwargs):
    return {"value": value, "as_of": as_of, "measure": "cumulative", **kwargs}


def test_a_running_total_within_the_target_year_that_reaches_it_meets_it(build):
    target = build.target(value=200, year=2025, measure="cumulative")
    result = outcome(build, target, [build.reported(**running_total(210, "2025-06-30"))])
    assert (result.status, result.code, result.gap) == ("met", "reached-running-total", 10)
    assert result.text == (
        "the running total as of 2025-06-30, 210, already reaches the target of at least 200 "
        "for 2025; a running total does not fall, so the figure at the end of 2025 does too"
    )


def test_a_running_total_does_not_meet_a_level_target_within_the_year(build):
    # A level (racks in use) can fall below a running total (racks ever built).
    target = build.target(value=200, year=2025, measure="level")
    result = outcome(build, target, [build.reported(**running_total(210, "2025-06-30"))])
    assert (result.status, result.code) == ("no report", "no-year-end-report")


def test_a_running_total_at_the_target_meets_it(build):
    target = build.target(value=200, year=2025, measure="cumulative")
    report = build.reported(**running_total(200, "2025-06-30"))
    assert outcome(build, target, [report]).status == "met"


# (target comparator, report value, its date, higher is better) → status, code
RUNNING_TOTALS = {
    "at a more-than target": ("more_than", 200, "2025-06-30", True, "no report"),
    "short within the year is no shortfall": ("at_least", 190, "2025-06-30", True, "no report"),
    "of an earlier year meets it early": ("at_least", 210, "2024-06-30", True, "met early"),
    "of a later year does not meet it": ("at_least", 210, "2026-01-31", True, "no report"),
    "below a lower-is-better target": ("at_most", 150, "2025-06-30", False, "no report"),
}
CODES = {"no report": "no-year-end-report", "met early": "reached-early"}


@pytest.mark.parametrize("case", RUNNING_TOTALS.values(), ids=RUNNING_TOTALS.keys())
def test_a_running_total_only_meets_a_target_it_reaches_within_its_year(build, case):
    comparator, value, as_of, higher, expected = case
    target = build.target(value=200, year=2025, measure="cumulative", comparator=comparator)
    report = build.reported(**running_total(value, as_of))
    result = outcome(build, target, [report], higher=higher)
    assert (result.status, result.code) == (expected, CODES[expected])


def test_a_running_total_meets_its_target_before_the_year_is_over(build):
    target = build.target(value=200, year=2025, measure="cumulative")
    report = build.reported(**running_total(210, "2025-06-30"))
    assert outcome(build, target, [report], as_of=date(2025, 7, 1)).status == "met"


def test_a_running_total_bounded_above_settles_nothing(build):
    target = build.target(value=200, year=2025, measure="cumulative")
    report = build.reported(**running_total(250, "2025-06-30", comparator="at_most"))
    assert outcome(build, target, [report]).status == "no report"


def test_a_running_total_more_than_the_target_meets_it(build):
    target = build.target(value=200, year=2025, measure="cumulative", comparator="more_than")
    report = build.reported(**running_total(200, "2025-06-30", comparator="more_than"))
    assert outcome(build, target, [report]).status == "met"


def test_a_year_end_shortfall_outweighs_a_running_total_within_the_year(build):
    target = build.target(value=200, year=2025, measure="cumulative")
    reports = [
        build.reported(**running_total(210, "2025-06-30")),
        build.reported(**running_total(190, "2025-12-31")),
    ]
    assert outcome(build, target, reports).status == "not met"


def test_a_running_total_dated_no_later_than_the_year_end_meets_it(build):
    target = build.target(value=200_000, year=2023, measure="cumulative")
    report = build.reported(
        **running_total(202_000, "2023-12-31", dated="no later than", published="2024-01-11")
    )
    result = outcome(build, target, [report])
    assert (result.status, result.code, result.params["dated"]) == (
        "met",
        "reached-running-total",
        "no later than",
    )
    assert result.text == (
        "the running total as of no later than 2023-12-31, 202,000, already reaches the "
        "target of at least 200,000 for 2023; a running total does not fall, so the figure at "
        "the end of 2023 does too"
    )


@pytest.mark.parametrize("value", [250, 150])
def test_a_level_dated_no_later_than_the_year_end_is_not_the_year_end_report(build, value):
    target = build.target(value=200, year=2024)
    report = build.reported(value, "2024-12-31", dated="no later than")
    result = outcome(build, target, [report])
    assert (result.status, result.code) == ("no report", "no-year-end-report")
    assert result.text == (
        "the target of at least 200 for 2024 was due at the end of 2024; no report as of "
        f"2024-12-31 (the latest is as of no later than 2024-12-31, {value})"
    )


def test_a_report_dated_no_later_than_a_year_before_meets_it_early(build):
    target = build.target(value=200, year=2025)
    result = outcome(build, target, [build.reported(210, "2024-06-18", dated="no later than")])
    assert (result.status, result.code) == ("met early", "reached-early")
    assert result.text == (
        "the report as of no later than 2024-06-18, 210, reaches the target of at least 200 "
        "for 2025 before its year"
    )


def test_a_report_dated_no_later_than_a_day_gives_no_pace(build):
    target = build.target(value=300, year=2025)
    reports = [
        build.reported(100, "2022-12-31"),
        build.reported(200, "2023-06-30", dated="no later than"),
    ]
    result = outcome(build, target, reports, as_of=date(2024, 1, 1))
    assert (result.status, result.params["dates"]) == ("not yet due", 1)
    assert result.text == (
        "the target of at least 300 for 2025 is not due until 2025-12-31; a single "
        "figure on one stated date so far; two dates are needed for a pace"
    )


def test_to_dict_says_how_the_report_is_dated(build):
    report = build.reported(200, dated="no later than")
    assert reported_record(report)["dated"] == "no later than"
    assert reported_record(build.reported(200))["dated"] == "stated"


# --- what an `about` report allows, and the gap ------------------------------------------


@pytest.mark.parametrize(
    ("value", "status", "code"),
    [
        (211, "met", "reached"),  # 200.45…221.55: all of it at least 200
        (210, "unsettled", "inconclusive"),  # 199.5…220.5
        (191, "unsettled", "inconclusive"),  # 181.45…200.55
        (190, "not met", "short"),  # 180.5…199.5: none of it
    ],
)
def test_an_about_report_allows_five_percent_either_side(build, value, status, code):
    target = build.target(value=200, year=2023)
    result = outcome(build, target, [build.reported(value, comparator="about")])
    assert (result.status, result.code) == (status, code)


@pytest.mark.parametrize(("value", "status"), [(91, "met"), (90.9, "unsettled"), (88.9, "not met")])
def test_an_about_share_report_allows_one_point_either_side(build, value, status):
    target = build.target(value=90, year=2023, dimension="share", measure="share")
    report = build.reported(value, comparator="about", dimension="share", measure="share")
    assert outcome(build, target, [report], dimension="share").status == status


def test_a_gap_is_given_only_beside_the_report_that_settles_the_status(build):
    target = build.target(value=200, year=2024)
    settled = outcome(build, target, [build.reported(193.3, "2024-12-31")])
    assert settled.gap == -6.7  # not 193.3 - 200 = -6.699999999999989
    later = outcome(build, target, [build.reported(250, "2025-03-31")])
    assert (later.status, later.gap, later.params["gap"]) == ("no report", None, None)
    assert later.report.value == 250


# --- each comparator means what it says, whatever the indicator's polarity ------------------


@pytest.mark.parametrize(("reported", "expected"), [(200, "met"), (250, "met"), (199, "not met")])
def test_a_bare_figure_where_higher_is_better_is_met_at_or_above_it(build, reported, expected):
    target = build.target(value=200, year=2023, comparator="exactly")
    assert outcome(build, target, [build.reported(reported)]).status == expected


@pytest.mark.parametrize(("reported", "expected"), [(200, "met"), (250, "met"), (199, "not met")])
def test_at_least_is_met_at_or_above_it_where_lower_is_better(build, reported, expected):
    target = build.target(value=200, year=2023, comparator="at_least")
    assert outcome(build, target, [build.reported(reported)], higher=False).status == expected


@pytest.mark.parametrize(("reported", "expected"), [(2, "met"), (3, "met"), (4, "not met")])
def test_at_most_is_met_at_or_below_it_where_higher_is_better(build, reported, expected):
    target = build.target(value=3, year=2023, comparator="at_most")
    assert outcome(build, target, [build.reported(reported)]).status == expected


@pytest.mark.parametrize(
    ("reported", "expected"),
    [(9, "not met"), (10, "met"), (15, "met"), (20, "met"), (21, "met")],
)
def test_a_range_is_met_from_its_lower_figure_where_more_is_better(build, reported, expected):
    # A figure beyond the range meets it, as beyond an `about` target (README, Outcomes).
    target = build.target(value=10, upper=20, year=2023, comparator="between")
    assert outcome(build, target, [build.reported(reported)]).status == expected


@pytest.mark.parametrize(
    ("reported", "expected"),
    [(9, "met"), (10, "met"), (20, "met"), (21, "not met")],
)
def test_a_range_is_met_up_to_its_upper_figure_where_less_is_better(build, reported, expected):
    target = build.target(value=10, upper=20, year=2023, comparator="between")
    assert outcome(build, target, [build.reported(reported)], higher=False).status == expected


def test_a_range_target_is_written_low_to_high(build):
    target = build.target(value=10, upper=20, year=2023, comparator="between")
    assert outcome(build, target, [build.reported(15)]).text == (
        "the report as of 2023-12-31, 15, reaches the target of 10-20 for 2023"
    )


@pytest.mark.parametrize(("reported", "expected"), [(90, "met"), (105, "met"), (105.5, "not met")])
def test_about_where_lower_is_better_is_met_within_five_percent_above(build, reported, expected):
    target = build.target(value=100, year=2023, comparator="about")
    assert outcome(build, target, [build.reported(reported)], higher=False).status == expected


# --- a reported range against a target ----------------------------------------------------


def test_an_at_least_report_above_an_at_least_target_meets_it(build):
    target = build.target(value=200, year=2023)
    assert outcome(build, target, [build.reported(210, comparator="at_least")]).status == "met"


def test_an_at_least_report_at_a_more_than_target_settles_nothing(build):
    target = build.target(value=200, year=2023, comparator="more_than")
    result = outcome(build, target, [build.reported(200, comparator="at_least")])
    assert (result.status, result.code) == ("unsettled", "inconclusive")


def test_an_at_most_report_below_an_at_most_target_meets_it(build):
    target = build.target(value=3, year=2023, comparator="at_most")
    report = build.reported(2, comparator="at_most")
    assert outcome(build, target, [report], higher=False).status == "met"


def test_an_at_most_report_at_an_at_least_target_settles_nothing(build):
    target = build.target(value=200, year=2023)
    result = outcome(build, target, [build.reported(200, comparator="at_most")])
    assert (result.status, result.code) == ("unsettled", "inconclusive")


def test_an_at_least_report_at_an_at_most_target_settles_nothing(build):
    target = build.target(value=3, year=2023, comparator="at_most")
    result = outcome(build, target, [build.reported(3, comparator="at_least")], higher=False)
    assert (result.status, result.code) == ("unsettled", "inconclusive")


def test_a_more_than_report_at_an_at_most_target_misses_it(build):
    target = build.target(value=3, year=2023, comparator="at_most")
    result = outcome(build, target, [build.reported(3, comparator="more_than")], higher=False)
    assert (result.status, result.code) == ("not met", "short")


# --- which reports are known and which is the latest ----------------------------------------


def test_a_report_as_of_the_day_asked_about_is_known(build):
    target = build.target(value=200, year=2023)
    result = outcome(build, target, [build.reported(210, "2023-12-31")], as_of=date(2023, 12, 31))
    assert result.status == "met"


def test_the_latest_report_is_the_latest_by_date_not_the_largest(build):
    target = build.target(value=300, year=2024)
    reports = [build.reported(250, "2024-03-31"), build.reported(240, "2024-06-30")]
    result = outcome(build, target, reports)
    assert (result.status, result.report.as_of) == ("no report", "2024-06-30")


# --- the gap, in words ---------------------------------------------------------------------


def test_a_gap_above_a_lower_is_better_target_is_positive(build):
    target = build.target(value=3, year=2023, comparator="at_most")
    result = outcome(build, target, [build.reported(3.5)], higher=False)
    assert result.text == (
        "the report as of 2023-12-31, 3.5, falls short of the target of at most 3 for 2023 "
        "(gap +0.5)"
    )


def test_the_gap_of_a_share_is_in_percentage_points(build):
    target = build.target(value=60, year=2023, dimension="share", measure="share")
    report = build.reported(58.5, dimension="share", measure="share")
    result = outcome(build, target, [report], dimension="share")
    assert result.text == (
        "the report as of 2023-12-31, 58.5, falls short of the target of at least 60 for 2023 "
        "(gap -1.5 pp)"
    )


def test_to_dict_of_a_status_without_a_report(build):
    result = outcome(build, build.target(value=200, year=2024), [], as_of=date(2024, 12, 31))
    assert result.to_dict() == {
        "status": "no report",
        "reason": {
            "code": "no-year-end-report",
            "text": "the target of at least 200 for 2024 was due at the end of 2024; no report "
            "as of 2024-12-31",
            "target": {
                "value": 200,
                "unit": "",
                "comparator": "at_least",
                "upper": None,
                "measure": "level",
                "year": 2024,
            },
            "aspirational": False,
        },
        "report": None,
        "gap": None,
    }


def test_reported_record_gives_every_field_of_a_report(build):
    report = build.reported(200, "2023-06-30", comparator="more_than", published="2023-07-15")
    assert reported_record(report) == {
        "indicator": "x",
        "scope": "shandong",
        "value": 200,
        "unit": "个",
        "normalized": {"magnitude": 200, "unit": ""},
        "comparator": "more_than",
        "measure": "level",
        "as_of": "2023-06-30",
        "dated": "stated",
        "settles": True,
        "quote": "200个",
        "as_written": None,
        "note": None,
        "source": {
            "publisher": "publisher",
            "title": "title",
            "published": "2023-07-15",
            "url": "https://example.org/report",
            "secondary": False,
            "original_publisher": None,
        },
    }


# --- the pace --------------------------------------------------------------------------------
# From 2025-01-01 to 2025-07-02 is 182 days, and so is 2025-07-02 to 2025-12-31: a rise of
# 182 in between is 182 in 182/365 of a year, 365 a year, and the year-end figure is the
# later one + 182.

PACE_DAY = date(2025, 7, 3)


def test_a_pace_reaching_the_target_exactly_is_on_track(build):
    target = build.target(value=464, year=2025)
    reports = [build.reported(100, "2025-01-01"), build.reported(282, "2025-07-02")]
    result = outcome(build, target, reports, as_of=PACE_DAY)
    assert (result.status, result.code, result.report.as_of) == (
        "on track",
        "pace-reaches",
        "2025-07-02",
    )
    assert (result.params["projected"], result.params["per_year"], result.params["since"]) == (
        464,
        365,
        "2025-01-01",
    )
    assert result.text == (
        "not due until 2025-12-31; at the pace from 2025-01-01 to 2025-07-02 (+365 a year) "
        "the figure would be 464, which reaches the target of at least 464 for 2025"
    )


def test_a_pace_reaching_a_more_than_target_exactly_is_behind(build):
    target = build.target(value=464, year=2025, comparator="more_than")
    reports = [build.reported(100, "2025-01-01"), build.reported(282, "2025-07-02")]
    result = outcome(build, target, reports, as_of=PACE_DAY)
    assert (result.status, result.code) == ("behind", "pace-short")
    assert result.text == (
        "not due until 2025-12-31; at the pace from 2025-01-01 to 2025-07-02 (+365 a year) "
        "the figure would be 464, which falls short of the target of more than 464 for 2025"
    )


def test_the_pace_is_that_of_the_latest_two_of_three_reports(build):
    target = build.target(value=464, year=2025)
    reports = [
        build.reported(50, "2024-07-02"),
        build.reported(100, "2025-01-01"),
        build.reported(282, "2025-07-02"),
    ]
    result = outcome(build, target, reports, as_of=PACE_DAY)
    assert (result.status, result.params["since"], result.params["projected"]) == (
        "on track",
        "2025-01-01",
        464,
    )


def test_the_pace_and_the_projected_figure_are_written_to_two_decimal_places(build):
    # 0.5 - (0.9876543 - 0.5) = 0.0123457, at -0.9779… a year: the third decimal is not written.
    target = build.target(value=1, year=2025)
    reports = [build.reported(0.9876543, "2025-01-01"), build.reported(0.5, "2025-07-02")]
    result = outcome(build, target, reports, as_of=PACE_DAY)
    assert result.status == "behind"
    assert result.text == (
        "not due until 2025-12-31; at the pace from 2025-01-01 to 2025-07-02 (-0.98 a year) "
        "the figure would be 0.01, which falls short of the target of at least 1 for 2025"
    )


# --- a dataset's statuses, their summary, and the reports beside a trajectory ----------------


def small_dataset(build, targets, reported):
    documents = [build.document("a", 2023), build.document("b", 2024)]
    indicators = [build.indicator("x"), build.indicator("y", higher=False)]
    return build.dataset(documents, indicators, targets, reported)


def test_statuses_judge_each_target_by_its_own_indicator_and_the_reports_known(build):
    targets = [
        build.target("a", "x", 200, year=2023),
        build.target("a", "x", 150, year=2023, kind="baseline"),
        build.target("a", "y", 3, year=2023, comparator="exactly"),
        build.target("b", "x", 300, year=2024),
    ]
    reported = [
        build.reported(210, "2023-12-31"),
        build.reported(2, "2023-12-31", indicator="y"),
        build.reported(320, "2024-12-31", published="2025-02-01"),
    ]
    dataset = small_dataset(build, targets, reported)
    found = statuses(dataset, targets, date(2025, 1, 31))
    assert [None if o is None else (str(o.status), o.report.as_of) for o in found] == [
        ("met", "2023-12-31"),
        None,
        ("met", "2023-12-31"),
        ("no report", "2023-12-31"),  # the report for 2024 is published after the day
    ]


def test_a_summary_counts_each_status_in_the_vocabulary_order(build):
    target = build.target(value=200, year=2023)
    met = outcome(build, target, [build.reported(210)])
    not_met = outcome(build, target, [build.reported(190)])
    assert summary([not_met, met, None, met]) == {"met": 2, "not met": 1}


def test_scope_reports_are_those_of_one_indicator_and_scope_known_by_date_and_measure(build):
    reported = [
        build.reported(300, "2024-12-31", measure="level"),
        build.reported(310, "2024-12-31", measure="cumulative"),
        build.reported(200, "2023-12-31"),
        build.reported(100, "2023-12-31", scope="binzhou"),
        build.reported(100, "2023-12-31", indicator="y"),
        build.reported(400, "2025-06-30"),
    ]
    dataset = small_dataset(build, [], reported)
    found = scope_reports(dataset, "x", "shandong", date(2025, 1, 1))
    assert [(r.as_of, str(r.measure), r.value) for r in found] == [
        ("2023-12-31", "level", 200),
        ("2024-12-31", "cumulative", 310),
        ("2024-12-31", "level", 300),
    ]


def test_with_reports_adds_statuses_and_merges_the_reports_by_year_after_the_targets(build):
    targets = [
        build.target("b", "x", 210, year=2023),
        build.target("a", "x", 200, year=2023),
        build.target("a", "x", 150, year=2022, kind="baseline"),
    ]
    reported = [
        build.reported(205, "2023-12-31"),
        build.reported(180, "2023-06-30"),
        build.reported(100, "2023-12-31", scope="binzhou"),
        build.reported(400, "2025-06-30"),
    ]
    dataset = small_dataset(build, targets, reported)
    points = [{"kind": "target", "year": t.year, "step": i} for i, t in enumerate(targets)]
    day = date(2025, 1, 1)
    merged = with_reports(points, targets, dataset, "shandong", day)
    first, second, baseline = statuses(dataset, targets, day)
    june, december = reported[1], reported[0]
    assert baseline is None
    assert merged == [
        {"kind": "target", "year": 2022, "step": 2, "status": None},
        {"kind": "target", "year": 2023, "step": 0, "status": first.to_dict()},
        {"kind": "target", "year": 2023, "step": 1, "status": second.to_dict()},
        {"kind": "reported", "year": 2023, **reported_record(june), "step": None, "status": None},
        {
            "kind": "reported",
            "year": 2023,
            **reported_record(december),
            "step": None,
            "status": None,
        },
    ]
    assert (first.status, second.status) == ("not met", "met")


def test_with_reports_of_no_targets_is_empty(build):
    dataset = small_dataset(build, [], [build.reported(200, "2023-12-31")])
    assert with_reports([], [], dataset, "shandong", date(2025, 1, 1)) == []


def test_with_reports_of_a_single_target(build):
    target = build.target(value=200, year=2023)
    dataset = small_dataset(build, [target], [build.reported(200, "2023-12-31")])
    merged = with_reports([{"year": 2023}], [target], dataset, "shandong", date(2025, 1, 1))
    assert [(point["year"], point.get("kind")) for point in merged] == [
        (2023, None),
        (2023, "reported"),
    ]


def test_with_reports_refuses_points_and_targets_that_do_not_pair(build):
    target = build.target(value=200, year=2023)
    dataset = small_dataset(build, [target], [])
    with pytest.raises(ValueError, match="zip"):
        with_reports([{"year": 2023}, {"year": 2024}], [target], dataset, "shandong", TODAY)


@pytest.mark.parametrize(
    ("report", "target", "expected"),
    [
        (33.4, 26.7, 6.7),
        (0.3, 0.1, 0.2),
        (4.3e12, 4.4e12, -1e11),
        (1234567.890123, 0, 1234567.890123),
    ],
)
def test_a_difference_is_that_of_the_decimals_written(report, target, expected):
    from policy_targets.comparisons.outcomes import difference

    assert difference(report, target) == expected


@pytest.mark.parametrize(
    ("target", "status"),
    [
        ({"value": 190, "comparator": "more_than"}, "unsettled"),  # 190 itself is allowed
        ({"value": 210}, "unsettled"),  # so is 210
        ({"value": 190}, "met"),
    ],
)
def test_an_about_report_includes_both_ends_of_its_range(build, target, status):
    result = outcome(
        build, build.target(year=2023, **target), [build.reported(200, comparator="about")]
    )
    assert result.status == status


# --- additions, a pace's dates and its units --------------------------------------------------


def addition(value, as_of):
    return {"value": value, "as_of": as_of, "measure": "addition"}


@pytest.mark.parametrize(
    ("period", "report_as_of", "status"),
    [
        (None, "2023-12-31", "met"),  # made in 2023, for 2023's addition
        (None, "2022-12-31", "no report"),  # made in 2022: says nothing of 2023's
        ((2021, 2023), "2023-12-31", "no report"),  # one year of a three-year addition
    ],
)
def test_an_addition_speaks_only_for_an_addition_target_of_its_one_year(
    build, period, report_as_of, status
):
    target = build.target(value=100, year=2023, measure="addition", period=period)
    result = outcome(build, target, [build.reported(**addition(120, report_as_of))])
    assert result.status == status
    shown = result.report.as_of if result.report else None
    assert shown == (report_as_of if status == "met" else None)


def test_two_reports_of_one_day_give_no_pace(build):
    target = build.target(value=300, year=2025, measure="cumulative")
    reports = [
        build.reported(100, "2023-12-31", measure="cumulative"),
        build.reported(110, "2023-12-31", measure="level"),
    ]
    result = outcome(build, target, reports, as_of=date(2024, 1, 1))
    assert (result.status, result.params["dates"]) == ("not yet due", 1)


def test_a_pace_over_a_leap_year_is_that_of_the_calendar_year_in_points(build):
    target = build.target(value=33, year=2025, dimension="share", measure="share")
    reports = [
        build.reported(26.7, "2023-12-31", dimension="share", measure="share"),
        build.reported(30, "2024-12-31", dimension="share", measure="share"),
    ]
    result = outcome(build, target, reports, as_of=date(2025, 1, 1), dimension="share")
    assert (result.status, result.params["per_year"], result.params["projected"]) == (
        "on track",
        3.3,
        33.3,
    )
    assert "(+3.3 pp a year) the figure would be 33.3" in result.text


def test_a_reason_gives_the_report_figure_as_parameters(build):
    target = build.target(value=200, year=2024)
    report = build.reported(250, "2024-06-30", comparator="more_than")
    result = outcome(build, target, [report])
    assert result.params["figure"] == {
        "value": 250,
        "unit": "",
        "comparator": "more_than",
        "measure": "level",
    }
    assert (result.params["as_of"], result.params["dated"]) == ("2024-06-30", "stated")


def test_a_pace_and_its_projection_are_given_to_six_decimals(build):
    # 0.1 to 0.2234567 in 182/365 of a year: +0.2475921… a year, and 182/365 of a year more
    # to its end: 0.3469134.
    target = build.target(value=1, year=2025)
    reports = [build.reported(0.1, "2025-01-01"), build.reported(0.2234567, "2025-07-02")]
    result = outcome(build, target, reports, as_of=date(2025, 7, 3))
    assert (result.params["per_year"], result.params["projected"]) == (0.247592, 0.346913)


def test_bounded_reports_give_no_pace_and_say_so(build):
    target = build.target(value=50, year=2025, dimension="share", measure="share")
    reports = [
        build.reported(
            47, "2023-12-31", comparator="more_than", dimension="share", measure="share"
        ),
        build.reported(
            49, "2024-12-31", comparator="more_than", dimension="share", measure="share"
        ),
    ]
    result = outcome(build, target, reports, as_of=date(2025, 6, 30), dimension="share")
    assert (result.status, result.params["dates"]) == ("not yet due", 0)
    assert result.text.endswith(
        "the reports so far are bounds (more than, at most), undated, or of another measure, which give no pace"
    )


def test_a_range_target_gives_its_upper_figure(build):
    target = build.target(value=10, upper=20, year=2023, comparator="between")
    result = outcome(build, target, [build.reported(15)])
    assert result.params["target"]["upper"] == 20


def test_a_running_total_under_a_ceiling_on_the_level_meets_it(build):
    # in use ≤ ever built = 150 ≤ 200: a ceiling on the level is kept.
    target = build.target(value=200, year=2023, comparator="at_most", measure="level")
    report = build.reported(150, measure="cumulative")
    assert outcome(build, target, [report], higher=False).status == "met"


def test_a_level_within_the_year_that_reaches_a_running_total_target_meets_it(build):
    # in use ≤ ever built, and ever built does not fall: 210 in June is 210 or more in December.
    target = build.target(value=200, year=2023, measure="cumulative")
    result = outcome(build, target, [build.reported(210, "2023-06-30", measure="level")])
    assert (result.status, result.code) == ("met", "reached-running-total")
    assert result.text == (
        "the report as of 2023-06-30, 210 (a stock), already reaches the target of at least "
        "200 for 2023; the running total is never below the level and does not fall, so the "
        "figure at the end of 2023 does too"
    )


@pytest.mark.parametrize("order", [1, -1])
def test_every_year_end_report_is_judged_whatever_their_order(build, order):
    # A level of 340 shows 350 in use missed; a running total of 360 would settle nothing.
    target = build.target(value=350, year=2023, measure="level")
    reports = [build.reported(360, measure="cumulative"), build.reported(340, measure="level")]
    result = outcome(build, target, reports[::order])
    assert (result.status, result.report.value) == ("not met", 340)


@pytest.mark.parametrize("order", [1, -1])
def test_a_year_end_level_that_reaches_the_target_decides_beside_a_running_total(build, order):
    target = build.target(value=350, year=2023, measure="level")
    reports = [build.reported(360, measure="cumulative"), build.reported(355, measure="level")]
    result = outcome(build, target, reports[::order])
    assert (result.status, result.report.value) == ("met", 355)


def test_a_pace_is_drawn_through_figures_of_the_targets_measure_only(build):
    target = build.target(value=350, year=2023, measure="level")
    reports = [
        build.reported(300, "2021-12-31", measure="level"),
        build.reported(330, "2022-12-31", measure="cumulative"),
    ]
    result = outcome(build, target, reports, as_of=date(2023, 6, 1))
    assert (result.status, result.params["dates"]) == ("not yet due", 1)


def test_a_report_of_the_other_stock_measure_says_so(build):
    target = build.target(value=350, year=2023, measure="level")
    result = outcome(build, target, [build.reported(340, measure="cumulative")])
    assert result.status == "not met"
    assert "the report as of 2023-12-31, 340 (a cumulative stock), falls short" in result.text
