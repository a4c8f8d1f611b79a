"""Periods: the years a figure covers, one test per rule and boundary."""

import msgspec
import pytest

from policy_targets.comparisons.periods import (
    compared_per_year,
    derived_period,
    per_year,
    period_of,
    same_period,
    years_in,
)
from policy_targets.comparisons.records import Period


def derived(build, *, kind="target", measure="level", year=2025, plan=(2023, 2025)):
    document = build.document(year=plan[0], period=plan)
    return derived_period(build.target(kind=kind, measure=measure, year=year), document)


def test_a_stock_covers_its_year(build):
    assert derived(build, measure="level") == Period(2025, 2025)


def test_a_share_covers_its_year(build):
    assert derived(build, measure="share") == Period(2025, 2025)


def test_a_baseline_covers_its_year_whatever_its_measure(build):
    assert derived(build, kind="baseline", measure="addition", year=2022) == Period(2022, 2022)


def test_an_addition_in_a_plan_covers_the_plan_up_to_its_year(build):
    assert derived(build, measure="addition", year=2025) == Period(2023, 2025)
    assert derived(build, measure="addition", year=2024) == Period(2023, 2024)


def test_an_addition_for_the_plans_first_year_covers_that_year(build):
    assert derived(build, measure="addition", year=2023) == Period(2023, 2023)


def test_an_addition_after_the_plan_covers_its_year(build):
    assert derived(build, measure="addition", year=2026) == Period(2026, 2026)


def test_an_addition_in_an_annual_programme_covers_its_year(build):
    assert derived(build, measure="addition", plan=(2025, 2025)) == Period(2025, 2025)


@pytest.mark.parametrize("measure", ["rate", "frequency"])
def test_a_recurring_duty_holds_to_the_end_of_its_plan(build, measure):
    assert derived(build, measure=measure, year=2023) == Period(2023, 2025)


def test_a_recurring_duty_after_its_plan_covers_its_year(build):
    assert derived(build, measure="frequency", year=2027) == Period(2027, 2027)


def test_years_count_both_ends():
    assert (years_in(Period(2023, 2025)), years_in(Period(2025, 2025))) == (3, 1)


def test_an_addition_per_year(build):
    target = build.target(value=150, measure="addition", period=(2023, 2025), year=2025)
    assert per_year(target) == 50


def test_a_record_without_a_period_covers_its_year(build):
    target = msgspec.structs.replace(build.target(year=2024), period=None)
    assert period_of(target) == Period(2024, 2024)


def test_additions_compare_per_year_only_over_periods_of_different_lengths(build):
    three = build.target(measure="addition", period=(2023, 2025), year=2025)
    one = build.target(measure="addition", year=2025)
    other_one = build.target(measure="addition", year=2023)
    assert compared_per_year(three, one) and compared_per_year(one, three)
    assert not compared_per_year(one, other_one)
    assert not same_period(one, other_one)


def test_stocks_never_compare_per_year(build):
    stock = build.target(measure="level", period=(2023, 2025), year=2025)
    assert not compared_per_year(stock, build.target(measure="level", year=2025))
