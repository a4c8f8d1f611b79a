"""Ambition rules, one test per rule and boundary, on targets built in memory."""

import pytest

from policy_targets.comparisons.ambition import assess


def ambition(build, before, after, higher=True, dimension="count"):
    indicator = build.indicator(higher=higher, dimension=dimension)
    result = assess(indicator, before, after)
    return result.ambition.value, list(result.reasons)


def test_a_higher_value_is_stronger(build):
    assert ambition(build, build.target(value=2000), build.target(value=5000, year=2025)) == (
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


def test_a_deadline_counts_only_when_the_values_are_equal(build):
    before, after = build.target(value=10, year=2023), build.target(value=11, year=2030)
    assert ambition(build, before, after) == ("stronger", ["value +10 %"])


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
        ["at least instead of about", "same value, 1 year later"],
    )


def test_signals_that_agree_are_all_listed(build):
    before = build.target(value=10, comparator="about", aspirational=True)
    after = build.target(value=12, comparator="more_than")
    assert ambition(build, before, after) == (
        "stronger",
        ["value +20 %", "more than instead of about", "firm instead of 力争 (aspirational)"],
    )


def test_a_share_changes_in_percentage_points(build):
    before = build.target(value=45, dimension="share", year=2022)
    after = build.target(value=50, dimension="share", year=2025)
    assert ambition(build, before, after, dimension="share") == ("stronger", ["value +5 pp"])


def test_a_change_from_zero_is_absolute(build):
    before, after = build.target(value=0), build.target(value=3)
    assert ambition(build, before, after) == ("stronger", ["value +3"])


def test_to_dict(build):
    result = assess(build.indicator(), build.target(value=1), build.target(value=2))
    assert result.to_dict() == {"ambition": "stronger", "reasons": ["value +100 %"]}


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
