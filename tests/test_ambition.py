"""Ambition rules, one test per rule and boundary, on targets built in memory."""

import pytest

from policy_targets.comparisons.ambition import assess, pace_reason, starting_point


def ambition(build, before, after, higher=True, dimension="count"):
    indicator = build.indicator(higher=higher, dimension=dimension)
    result = assess(indicator, before, after)
    return result.ambition.value, [r.text for r in result.reasons]


def test_a_higher_value_is_stronger(build):
    assert ambition(build, build.target(value=2000), build.target(value=5000)) == (
        "stronger",
        ["value +150 %"],
    )


def test_a_lower_value_is_weaker(build):
    assert ambition(build, build.target(value=20), build.target(value=10)) == (
        "weaker",
        ["value -50 %"],
    )


def test_a_smaller_rank_is_stronger_where_lower_is_better(build):
    before, after = build.target(value=5), build.target(value=3)
    assert ambition(build, before, after, higher=False) == ("stronger", ["value -40 %"])


def test_a_larger_rank_is_weaker_where_lower_is_better(build):
    before, after = build.target(value=3), build.target(value=5)
    assert ambition(build, before, after, higher=False) == ("weaker", ["value +66.7 %"])


def test_the_same_target_is_the_same(build):
    assert ambition(build, build.target(), build.target()) == ("same", [])


def test_at_least_instead_of_about_is_stronger(build):
    before = build.target(comparator="about")
    after = build.target(comparator="at_least")
    assert ambition(build, before, after) == ("stronger", ["at least instead of about"])


def test_about_instead_of_at_least_is_weaker(build):
    before = build.target(comparator="at_least")
    after = build.target(comparator="about")
    assert ambition(build, before, after) == ("weaker", ["about instead of at least"])


def test_more_than_instead_of_at_least_is_stronger(build):
    before = build.target(comparator="at_least")
    after = build.target(comparator="more_than")
    assert ambition(build, before, after) == ("stronger", ["more than instead of at least"])


def test_a_range_promises_its_lower_bound_as_at_least_does(build):
    before = build.target(comparator="at_least")
    after = build.target(comparator="between")
    assert ambition(build, before, after) == ("same", [])


def test_a_bare_figure_promises_what_at_least_does(build):
    before = build.target(comparator="at_least")
    after = build.target(comparator="exactly")
    assert ambition(build, before, after) == ("same", [])


def test_a_bare_figure_instead_of_about_is_stronger(build):
    before = build.target(comparator="about")
    after = build.target(comparator="exactly")
    assert ambition(build, before, after) == ("stronger", ["exactly instead of about"])


def test_a_ceiling_is_weaker_than_a_floor_where_more_is_better(build):
    before = build.target(comparator="about")
    after = build.target(comparator="at_most")
    assert ambition(build, before, after) == ("weaker", ["at most instead of about"])


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("about", "at_most", ("stronger", ["at most instead of about"])),
        ("at_least", "about", ("stronger", ["about instead of at least"])),
        ("more_than", "at_least", ("same", [])),
        ("exactly", "at_most", ("same", [])),
    ],
)
def test_comparators_turn_round_where_lower_is_better(build, first, second, expected):
    before = build.target(value=5, comparator=first)
    after = build.target(value=5, comparator=second)
    assert ambition(build, before, after, higher=False) == expected


def test_firm_instead_of_aspirational_is_stronger(build):
    before = build.target(aspirational=True)
    after = build.target(aspirational=False)
    assert ambition(build, before, after) == ("stronger", ["firm instead of 力争 (aspirational)"])


def test_aspirational_instead_of_firm_is_weaker(build):
    before = build.target(aspirational=False)
    after = build.target(aspirational=True)
    assert ambition(build, before, after) == ("weaker", ["力争 (aspirational) instead of firm"])


def test_the_same_value_later_is_weaker(build):
    before, after = build.target(year=2023), build.target(year=2025)
    assert ambition(build, before, after) == ("weaker", ["same value, 2 years later"])


@pytest.mark.parametrize("measure", ["addition", "rate", "frequency"])
def test_the_same_pace_later_is_the_same(build, measure):
    before = build.target(year=2023, measure=measure)
    after = build.target(year=2025, measure=measure)
    assert ambition(build, before, after) == ("same", [])


def test_the_same_value_earlier_is_stronger(build):
    before, after = build.target(year=2025), build.target(year=2024)
    assert ambition(build, before, after) == ("stronger", ["same value, 1 year earlier"])


def test_a_higher_value_for_a_later_year_without_a_baseline_is_unclear(build):
    before, after = build.target(value=10, year=2023), build.target(value=11, year=2030)
    assert ambition(build, before, after) == ("unclear", ["different target years, no baseline"])


def test_unclear_outweighs_other_signals(build):
    before = build.target(value=10, year=2023, aspirational=True)
    after = build.target(value=11, year=2030)
    assert ambition(build, before, after) == (
        "unclear",
        ["different target years, no baseline", "firm instead of 力争 (aspirational)"],
    )


def pace(build, before, after, baselines, higher=True, dimension="count"):
    indicator = build.indicator(higher=higher, dimension=dimension)
    result = assess(indicator, before, after, baselines)
    return result.ambition.value, [r.text for r in result.reasons]


def test_a_faster_pace_from_the_baseline_is_stronger(build):
    base = build.target(value=35, year=2017, kind="baseline", dimension="share")
    before = build.target(value=45, year=2022, dimension="share")
    after = build.target(value=55, year=2025, dimension="share")
    assert pace(build, before, after, [base], dimension="share") == (
        "stronger",
        ["faster pace: +2.50 pp/yr from 2017 to 2025 against +2.00 pp/yr from 2017 to 2022"],
    )


def test_a_slower_pace_from_the_baseline_is_weaker_though_the_value_is_higher(build):
    base = build.target(value=35, year=2017, kind="baseline", dimension="share")
    before = build.target(value=45, year=2022, dimension="share")
    after = build.target(value=50, year=2025, dimension="share")
    assert pace(build, before, after, [base], dimension="share") == (
        "weaker",
        ["slower pace: +1.88 pp/yr from 2017 to 2025 against +2.00 pp/yr from 2017 to 2022"],
    )


def test_the_same_pace_is_the_same(build):
    base = build.target(value=30, year=2020, kind="baseline", dimension="share")
    before = build.target(value=40, year=2022, dimension="share")
    after = build.target(value=45, year=2023, dimension="share")
    assert pace(build, before, after, [base], dimension="share") == (
        "same",
        ["the same pace: +5.00 pp/yr from 2020 to 2023 against +5.00 pp/yr from 2020 to 2022"],
    )


def test_a_count_paces_by_compound_growth(build):
    base = build.target(value=100, year=2020, kind="baseline")
    before = build.target(value=121, year=2022)  # +10 %/yr
    after = build.target(value=200, year=2025)  # +14.9 %/yr
    assert pace(build, before, after, [base]) == (
        "stronger",
        ["faster pace: +14.9 %/yr from 2020 to 2025 against +10 %/yr from 2020 to 2022"],
    )


def test_a_rank_paces_by_places_a_year_and_fewer_is_faster(build):
    base = build.target(value=10, year=2020, kind="baseline", dimension="rank")
    before = build.target(value=5, year=2022, dimension="rank")  # -2.5 places a year
    after = build.target(value=3, year=2025, dimension="rank")  # -1.4 places a year
    assert pace(build, before, after, [base], higher=False, dimension="rank") == (
        "weaker",
        ["slower pace: -1.4/yr from 2020 to 2025 against -2.5/yr from 2020 to 2022"],
    )


def test_the_pace_starts_from_the_latest_baseline_before_the_earlier_target(build):
    old = build.target(value=0, year=2015, kind="baseline", dimension="share")
    base = build.target(value=40, year=2021, kind="baseline", dimension="share")
    late = build.target(value=44, year=2022, kind="baseline", dimension="share")
    before = build.target(value=45, year=2022, dimension="share")
    after = build.target(value=50, year=2025, dimension="share")
    assert pace(build, before, after, [old, late, base], dimension="share")[1] == [
        "slower pace: +2.50 pp/yr from 2021 to 2025 against +5.00 pp/yr from 2021 to 2022"
    ]


def test_a_baseline_of_another_scope_or_measure_is_no_start(build):
    other_scope = build.target(value=35, year=2017, kind="baseline", scope="binzhou")
    other_measure = build.target(value=35, year=2017, kind="baseline", measure="addition")
    before, after = build.target(value=45, year=2022), build.target(value=50, year=2025)
    assert pace(build, before, after, [other_scope, other_measure]) == (
        "unclear",
        ["different target years, no baseline"],
    )


def test_additions_over_periods_of_different_lengths_compare_per_year(build):
    before = build.target(value=150, measure="addition", year=2025, period=(2023, 2025))
    after = build.target(value=60, measure="addition", year=2025)
    assert ambition(build, before, after) == (
        "stronger",
        [
            "additions over different periods compared per year: 150 over 2023–2025 ≈ 50/yr, "
            "60 over 2025 ≈ 60/yr",
            "value +20 %",
        ],
    )


def test_additions_per_year_equal_are_the_same_though_the_totals_differ(build):
    before = build.target(value=150, measure="addition", year=2025, period=(2023, 2025))
    after = build.target(value=50, measure="addition", year=2025)
    assert ambition(build, before, after)[0] == "same"


def test_two_agreeing_weaker_signals_give_weaker(build):
    before = build.target(value=20, comparator="more_than")
    after = build.target(value=10, comparator="at_least")
    assert ambition(build, before, after) == (
        "weaker",
        ["value -50 %", "at least instead of more than"],
    )


def test_a_higher_value_made_aspirational_is_mixed(build):
    before = build.target(value=10)
    after = build.target(value=20, aspirational=True)
    assert ambition(build, before, after) == (
        "mixed",
        ["value +100 %", "力争 (aspirational) instead of firm"],
    )


def test_a_higher_value_with_a_weaker_comparator_is_mixed(build):
    before = build.target(value=10, comparator="at_least")
    after = build.target(value=20, comparator="about")
    assert ambition(build, before, after) == (
        "mixed",
        ["value +100 %", "about instead of at least"],
    )


def test_a_lower_value_made_firm_is_mixed(build):
    before = build.target(value=20, aspirational=True)
    after = build.target(value=10)
    assert ambition(build, before, after) == (
        "mixed",
        ["value -50 %", "firm instead of 力争 (aspirational)"],
    )


def test_a_stronger_comparator_for_a_later_year_is_mixed(build):
    before = build.target(comparator="about", year=2023)
    after = build.target(comparator="at_least", year=2024)
    assert ambition(build, before, after) == (
        "mixed",
        ["same value, 1 year later", "at least instead of about"],
    )


def test_signals_that_agree_are_all_listed(build):
    before = build.target(value=10, comparator="about", aspirational=True)
    after = build.target(value=12, comparator="more_than")
    assert ambition(build, before, after) == (
        "stronger",
        ["value +20 %", "more than instead of about", "firm instead of 力争 (aspirational)"],
    )


def test_a_share_changes_in_percentage_points(build):
    before = build.target(value=45, dimension="share", year=2025)
    after = build.target(value=50, dimension="share", year=2025)
    assert ambition(build, before, after, dimension="share") == ("stronger", ["value +5 pp"])


def test_a_change_from_zero_is_absolute(build):
    before, after = build.target(value=0), build.target(value=3)
    assert ambition(build, before, after) == ("stronger", ["value +3"])


def test_to_dict(build):
    result = assess(build.indicator(), build.target(value=1), build.target(value=2))
    assert result.to_dict() == {
        "ambition": "stronger",
        "reasons": [
            {"code": "value", "text": "value +100 %", "amount": 100.0, "unit": "%", "signal": 1}
        ],
    }


def test_a_lower_share_is_weaker_in_percentage_points(build):
    before = build.target(value=50, dimension="share")
    after = build.target(value=44, dimension="share")
    assert ambition(build, before, after, dimension="share") == ("weaker", ["value -6 pp"])


def test_a_share_up_by_less_than_a_point(build):
    before = build.target(value=40, dimension="share")
    after = build.target(value=40.5, dimension="share")
    assert ambition(build, before, after, dimension="share") == ("stronger", ["value +0.5 pp"])


def test_a_range_promises_what_at_least_its_lower_bound_does(build):
    before = build.target(value=2, comparator="at_least")
    after = build.target(value=2, comparator="between")
    assert ambition(build, before, after) == ("same", [])
    after = build.target(value=2, comparator="about")
    assert ambition(build, build.target(value=2, comparator="between"), after) == (
        "weaker",
        ["about instead of a range"],
    )


def test_a_range_promises_what_at_most_its_bound_does_where_lower_is_better(build):
    before = build.target(value=3, comparator="at_most")
    after = build.target(value=3, comparator="between")
    assert ambition(build, before, after, higher=False) == ("same", [])


def test_a_lower_value_for_a_later_year_is_weaker_without_a_pace(build):
    before, after = build.target(value=45, year=2022), build.target(value=40, year=2023)
    assert ambition(build, before, after) == ("weaker", ["value -11.1 %", "1 year later"])


def test_a_higher_value_for_an_earlier_year_is_stronger_without_a_pace(build):
    before, after = build.target(value=40, year=2025), build.target(value=45, year=2024)
    assert ambition(build, before, after) == ("stronger", ["value +12.5 %", "1 year earlier"])


def test_a_lower_rank_number_for_a_later_year_needs_a_pace(build):
    before, after = build.target(value=5, year=2022), build.target(value=3, year=2025)
    assert ambition(build, before, after, higher=False) == (
        "unclear",
        ["different target years, no baseline"],
    )


def test_the_pace_starts_from_the_latest_baseline_not_the_largest(build):
    larger = build.target(value=40, year=2019, kind="baseline", dimension="share")
    latest = build.target(value=35, year=2020, kind="baseline", dimension="share")
    before = build.target(value=45, year=2022, dimension="share")
    after = build.target(value=50, year=2025, dimension="share")
    assert pace(build, before, after, [latest, larger], dimension="share") == (
        "weaker",
        ["slower pace: +3.00 pp/yr from 2020 to 2025 against +5.00 pp/yr from 2020 to 2022"],
    )


def test_a_baseline_in_either_targets_year_is_no_start(build):
    start = build.target(value=100, year=2023, kind="baseline")
    before = build.target(value=200, year=2025)
    after = build.target(value=150, year=2023)
    assert starting_point(before, after, [start]) is None
    assert starting_point(after, before, [start]) is None
    found = pace_reason(build.indicator(), before, after, None)
    assert (found.code, found.params) == ("no-pace", {})


@pytest.mark.parametrize(
    ("higher", "start", "before", "after", "expected"),
    [
        (
            True,
            0,
            10,
            30,
            ("stronger", "faster pace: +6/yr from 2020 to 2025 against +5/yr from 2020 to 2022"),
        ),
        (
            True,
            10,
            0,
            20,
            ("stronger", "faster pace: +2/yr from 2020 to 2025 against -5/yr from 2020 to 2022"),
        ),
        (
            False,
            10,
            5,
            0,
            ("weaker", "slower pace: -2/yr from 2020 to 2025 against -2.5/yr from 2020 to 2022"),
        ),
    ],
    ids=["from zero", "earlier target zero", "later target zero"],
)
def test_a_zero_among_the_amounts_paces_by_amount_a_year(
    build, higher, start, before, after, expected
):
    base = build.target(value=start, year=2020, kind="baseline")
    result = assess(
        build.indicator(higher=higher),
        build.target(value=before, year=2022),
        build.target(value=after, year=2025),
        [base],
    )
    (found,) = result.reasons
    assert (result.ambition, found.text) == expected
    assert found.params["kind"] == "amount"


def test_positive_amounts_below_one_pace_by_compound_growth(build):
    base = build.target(value=0.5, year=2020, kind="baseline")
    before = build.target(value=0.605, year=2022)  # +10 %/yr
    after = build.target(value=0.8, year=2025)  # +9.9 %/yr
    assert pace(build, before, after, [base]) == (
        "weaker",
        ["slower pace: +9.9 %/yr from 2020 to 2025 against +10 %/yr from 2020 to 2022"],
    )


def test_paces_equal_but_for_float_rounding_are_the_same(build):
    base = build.target(value=7.0, year=2020, kind="baseline", dimension="share")
    before = build.target(value=7.0, year=2022, dimension="share")
    # 0.07 × 100 in floating point: one rounding step above 7, as a conversion could give.
    after = build.target(value=7.000000000000001, year=2025, dimension="share")
    assert pace(build, before, after, [base], dimension="share") == (
        "same",
        ["the same pace: +0.00 pp/yr from 2020 to 2025 against +0.00 pp/yr from 2020 to 2022"],
    )


def test_a_slower_pace_and_a_weaker_comparator_agree_on_weaker(build):
    base = build.target(value=35, year=2017, kind="baseline", dimension="share")
    before = build.target(value=45, year=2022, dimension="share")
    after = build.target(value=50, year=2025, dimension="share", comparator="about")
    result = assess(build.indicator(dimension="share"), before, after, [base])
    assert result.ambition == "weaker"
    assert [(r.code, r.params["signal"]) for r in result.reasons] == [
        ("pace", -1),
        ("comparator", -1),
    ]


def test_aspirational_and_a_weaker_comparator_agree_on_weaker(build):
    before = build.target(value=10, year=2025)
    after = build.target(value=10, year=2025, comparator="about", aspirational=True)
    result = assess(build.indicator(), before, after)
    assert result.ambition == "weaker"
    assert [(r.code, r.params["signal"]) for r in result.reasons] == [
        ("comparator", -1),
        ("firmness", -1),
    ]


def test_the_pace_starts_before_both_targets_when_the_later_one_is_for_an_earlier_year(build):
    old = build.target(value=100, year=2020, kind="baseline")
    between = build.target(value=140, year=2023, kind="baseline")  # not before 2023's target
    before = build.target(value=200, year=2025)
    after = build.target(value=150, year=2023)
    assert pace(build, before, after, [old, between]) == (
        "weaker",
        ["slower pace: +14.5 %/yr from 2020 to 2023 against +14.9 %/yr from 2020 to 2025"],
    )
