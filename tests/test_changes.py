"""How two figures relate: comparability, change and change per year, on records built
in memory."""

import pytest

from policy_targets.comparisons.changes import change_between, direction, not_comparable_reason


def test_figures_of_two_scopes_do_not_compare_unless_aligned(build):
    city, province = build.target(scope="binzhou"), build.target()
    assert not_comparable_reason(city, province).text == "different scope: binzhou vs shandong"
    assert not_comparable_reason(city, province, across_scopes=True) is None


def test_figures_of_two_dimensions_do_not_compare(build):
    assert not_comparable_reason(build.target(), build.target(dimension="currency")).text == (
        "different dimension: count vs currency"
    )


@pytest.mark.parametrize(
    ("first", "second", "compares"),
    [
        ("level", "cumulative", True),
        ("cumulative", "level", True),
        ("addition", "addition", True),
        ("addition", "level", False),
        ("share", "share", True),
        ("rate", "frequency", False),
    ],
)
def test_stocks_compare_with_stocks_and_other_measures_with_themselves(
    build, first, second, compares
):
    reason = not_comparable_reason(build.target(measure=first), build.target(measure=second))
    assert (reason is None) == compares


def test_a_change_of_a_stock_grows_compound(build):
    change = change_between(build.target(value=2000), build.target(value=5000, year=2025))
    assert (change.absolute, change.relative, change.years) == (3000, 1.5, 2)
    assert (round(change.per_year, 4), change.per_year_kind) == (0.5811, "growth")


def test_a_change_of_a_share_is_in_points_a_year(build):
    a = build.target(value=45, dimension="share", year=2022)
    b = build.target(value=50, dimension="share", year=2025)
    change = change_between(a, b)
    assert (change.absolute, change.per_year, change.per_year_kind) == (5, 5 / 3, "points")


def test_a_lower_share_is_negative_points(build):
    a = build.target(value=50, dimension="share", year=2022)
    b = build.target(value=44, dimension="share", year=2025)
    assert change_between(a, b).per_year == -2


def test_no_rate_a_year_without_years_between(build):
    for later in (2023, 2022):
        change = change_between(build.target(value=1), build.target(value=2, year=later))
        assert (change.per_year, change.per_year_kind) == (None, None)


def test_no_growth_from_or_to_zero(build):
    change = change_between(build.target(value=0), build.target(value=3, year=2025))
    assert (change.relative, change.per_year, change.per_year_kind) == (None, None, None)
    change = change_between(build.target(value=3), build.target(value=0, year=2025))
    assert (change.relative, change.per_year) == (-1, None)


@pytest.mark.parametrize("measure", ["frequency", "rate"])
def test_a_recurring_duty_has_no_rate_a_year(build, measure):
    a = build.target(value=4, measure=measure, year=2021)
    b = build.target(value=6, measure=measure, year=2023)
    change = change_between(a, b)
    assert (change.absolute, change.relative, change.per_year) == (2, 0.5, None)


def test_direction_reads_the_number_only(build):
    assert direction(build.target(value=1), build.target(value=2)) == "raised"
    assert direction(build.target(value=2), build.target(value=1)) == "lowered"
    assert direction(build.target(value=2), build.target(value=2)) == "unchanged"


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        ("share", "rate", "different measure: share (a share) vs rate (a rate)"),
        ("frequency", "level", "different measure: frequency (a frequency) vs level (a stock)"),
        (
            "cumulative",
            "addition",
            "different measure: cumulative (a cumulative stock) vs addition (an addition over its "
            "period)",
        ),
    ],
)
def test_the_reason_names_both_measures(build, first, second, reason):
    found = not_comparable_reason(build.target(measure=first), build.target(measure=second))
    assert (found.code, found.text) == ("different-measure", reason)


def test_additions_over_periods_of_different_lengths_change_per_year(build):
    before = build.target(value=150, measure="addition", year=2025, period=(2023, 2025))
    after = build.target(value=60, measure="addition", year=2025)
    change = change_between(before, after)
    assert (change.absolute, change.relative, change.basis) == (10, pytest.approx(0.2), "per year")
    assert direction(before, after) == "raised"


def test_additions_over_periods_of_one_length_change_as_they_are(build):
    before = build.target(value=50, measure="addition", year=2023)
    after = build.target(value=60, measure="addition", year=2025)
    change = change_between(before, after)
    assert (change.absolute, change.basis) == (10, "value")


def test_a_larger_total_over_a_longer_period_can_be_lower_per_year(build):
    before = build.target(value=60, measure="addition", year=2025)
    after = build.target(value=150, measure="addition", year=2027, period=(2025, 2027))
    assert direction(before, after) == "lowered"


def test_growth_over_one_year_and_from_one(build):
    change = change_between(build.target(value=1), build.target(value=4, year=2025))
    assert (change.per_year, change.per_year_kind) == (1.0, "growth")
    change = change_between(build.target(value=4), build.target(value=1, year=2024))
    assert (change.per_year, change.years) == (-0.75, 1)
