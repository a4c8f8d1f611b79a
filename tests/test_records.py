"""The rules of the record classes, on small in-memory entries: one test per rule and
boundary. Entries are checked as data enters, with `validation.check`."""

import math

import pytest

from policy_targets.comparisons.records import (
    DocumentEntry,
    IgnoreEntry,
    Indicator,
    Period,
    RuleError,
    Target,
    TargetEntry,
)
from policy_targets.comparisons.validation import Invalid, check
from policy_targets.comparisons.vocabulary import Category, Comparator, Dimension

RANGE = {
    "indicator": "industrial-internet-platforms",
    "value": 2,
    "upper": 3,
    "unit": "个",
    "comparator": "between",
    "measure": "level",
    "kind": "target",
    "year": 2022,
    "quote": "形成2-3个具有国际竞争力的工业网际网路平台",
    "locator": "二、(四) 4",
}
SINGLE = RANGE | {"comparator": "at_least", "upper": None}
DOCUMENT = {
    "id": "2023-work-points",
    "year": 2023,
    "scope": "shandong",
    "title_zh": "要点",
    "title_en": "Work points",
    "issuer": "山东省",
    "published": "2023-06-17",
    "period": {"start": 2023, "end": 2023},
    "kind": "work-points",
    "source": "2023.txt",
}
INDICATOR = {
    "id": "smart-communities",
    "name_zh": "智慧社区",
    "name_en": "Smart communities",
    "category": "society",
    "dimension": "count",
    "unit": "个",
}


def problems(entry, data):
    built, found = check(entry, data)
    assert built is None
    return [(loc, message) for loc, message, _ in found]


def target_problems(**changes):
    return problems(TargetEntry, RANGE | changes)


# --- a target's range --------------------------------------------------------------


def test_a_range_keeps_both_bounds():
    target, found = check(TargetEntry, RANGE)
    assert found == []
    assert (target.value, target.upper, target.comparator) == (2.0, 3.0, Comparator.between)


def test_between_needs_an_upper_bound():
    assert target_problems(upper=None) == [
        ((), "a range needs comparator: between and an upper bound, `upper:`")
    ]


def test_an_upper_bound_needs_between():
    assert target_problems(comparator="at_least") == [
        ((), "a range needs comparator: between and an upper bound, `upper:`")
    ]


def test_the_upper_bound_is_above_the_value():
    assert target_problems(upper=2) == [((), "upper bound 2 is not above value 2")]


def test_an_upper_bound_just_above_the_value_is_a_range():
    assert check(TargetEntry, RANGE | {"upper": 2.001})[1] == []


# --- a target's words and period --------------------------------------------------


def test_as_written_is_a_part_of_the_quote():
    assert check(TargetEntry, RANGE | {"as_written": "2-3个"})[1] == []


def test_as_written_not_in_the_quote_is_refused():
    assert target_problems(as_written="3个以上") == [
        (("as_written",), "as_written '3个以上' is not part of the quote")
    ]


def test_a_period_includes_the_figures_year():
    entry = RANGE | {"period": {"start": 2018, "end": 2022}}
    target, found = check(TargetEntry, entry)
    assert (found, target.period.start, target.period.end) == ([], 2018, 2022)


@pytest.mark.parametrize("period", [{"start": 2023, "end": 2025}, {"start": 2018, "end": 2021}])
def test_a_period_without_the_figures_year_is_refused(period):
    start, end = period["start"], period["end"]
    assert target_problems(period=period) == [
        (("period",), f"period {start}-{end} does not include the figure's year 2022")
    ]


def test_a_period_that_ends_before_it_starts_is_refused():
    assert target_problems(period={"start": 2022, "end": 2020}) == [
        (("period",), "period end is before its start")
    ]


def test_the_upper_bound_is_a_number():
    assert target_problems(upper="3") == [(("upper",), "must be a number, not the text '3'")]


# --- a target's value ----------------------------------------------------------------


def test_zero_is_a_value():
    assert check(TargetEntry, SINGLE | {"value": 0})[1] == []


def test_a_value_other_than_0_is_at_least_a_millionth():
    assert problems(TargetEntry, SINGLE | {"value": 1e-7}) == [
        (("value",), "a value other than 0 must be at least 0.000001")
    ]


def test_a_millionth_is_a_value():
    assert check(TargetEntry, SINGLE | {"value": 1e-6})[1] == []


def test_a_tiny_upper_bound_is_refused_at_the_upper_bound():
    assert target_problems(value=0, upper=1e-7) == [
        (("upper",), "a value other than 0 must be at least 0.000001")
    ]


def test_the_largest_value_is_a_value():
    assert check(TargetEntry, SINGLE | {"value": 1e12})[1] == []


def test_a_value_above_the_largest_is_refused():
    assert problems(TargetEntry, SINGLE | {"value": 1.5e12}) == [
        (("value",), "must be from 0 to 1000000000000, not 1500000000000")
    ]


def test_a_negative_value_is_refused():
    assert problems(TargetEntry, SINGLE | {"value": -1}) == [
        (("value",), "must be from 0 to 1000000000000, not -1")
    ]


@pytest.mark.parametrize(
    ("number", "shown"), [(math.inf, "inf"), (-math.inf, "-inf"), (math.nan, "nan")]
)
def test_a_value_is_finite(number, shown):
    assert problems(TargetEntry, SINGLE | {"value": number}) == [
        (("value",), f"must be a finite number, not {shown}")
    ]


def test_a_boolean_is_no_value():
    assert problems(TargetEntry, SINGLE | {"value": True}) == [
        (("value",), "must be a number, not true")
    ]


def test_a_whole_number_value_is_a_float():
    target, _ = check(TargetEntry, SINGLE | {"value": 20})
    assert type(target.value) is float and target.value == 20


# --- years, flags, ids, text --------------------------------------------------------------


@pytest.mark.parametrize("year", [1990, 2100])
def test_the_first_and_last_years_are_years(year):
    assert check(TargetEntry, SINGLE | {"year": year})[1] == []


@pytest.mark.parametrize("year", [1989, 2101])
def test_years_outside_1990_to_2100_are_refused(year):
    assert problems(TargetEntry, SINGLE | {"year": year}) == [
        (("year",), f"must be from 1990 to 2100, not {year}")
    ]


def test_a_year_is_a_whole_number_not_a_float():
    assert problems(TargetEntry, SINGLE | {"year": 2025.0}) == [
        (("year",), "must be a whole number, not 2025.0")
    ]


def test_a_year_is_not_text():
    assert problems(TargetEntry, SINGLE | {"year": "2025"}) == [
        (("year",), "must be a whole number, not the text '2025'")
    ]


def test_a_flag_is_true_or_false_not_yes():
    assert problems(TargetEntry, SINGLE | {"aspirational": "yes"}) == [
        (("aspirational",), "must be true or false, not the text 'yes'")
    ]


def test_a_flag_is_not_a_number():
    assert problems(TargetEntry, SINGLE | {"aspirational": 1}) == [
        (("aspirational",), "must be true or false, not 1")
    ]


def test_an_id_is_kebab_case():
    assert problems(TargetEntry, SINGLE | {"indicator": "Smart_Communities"}) == [
        (("indicator",), "must be a kebab-case id, not the text 'Smart_Communities'")
    ]


def test_a_term_is_one_of_the_vocabulary():
    assert problems(TargetEntry, SINGLE | {"comparator": "precisely"}) == [
        (
            ("comparator",),
            "must be one of at_least, more_than, about, exactly, at_most, between; "
            "not the text 'precisely'",
        )
    ]


def test_a_quote_has_at_least_two_characters():
    assert problems(TargetEntry, SINGLE | {"quote": "一"}) == [
        (("quote",), "must be at least 2 characters long")
    ]


def test_a_unit_is_not_empty():
    assert problems(TargetEntry, SINGLE | {"unit": ""}) == [(("unit",), "must not be empty")]


def test_text_is_not_a_number():
    assert problems(TargetEntry, SINGLE | {"locator": 30}) == [
        (("locator",), "must be text, not 30")
    ]


def test_surrounding_whitespace_is_no_part_of_a_value():
    target, _ = check(TargetEntry, SINGLE | {"indicator": "  smart-communities\n", "unit": " 个 "})
    assert (target.indicator, target.unit) == ("smart-communities", "个")


def test_whitespace_alone_is_empty():
    assert problems(TargetEntry, SINGLE | {"locator": "   "}) == [
        (("locator",), "must not be empty")
    ]


def test_a_target_names_its_scope_only_when_it_differs():
    target, _ = check(TargetEntry, SINGLE)
    assert (target.scope, target.note, target.aspirational) == (None, None, False)


# --- documents --------------------------------------------------------------------------


def test_a_period_may_be_one_year():
    assert check(Period, {"start": 2023, "end": 2023})[1] == []


def test_a_period_ends_after_it_starts():
    assert problems(Period, {"start": 2025, "end": 2023}) == [
        ((), "period end is before its start")
    ]


def test_a_documents_period_is_checked_where_it_is():
    assert problems(DocumentEntry, DOCUMENT | {"period": {"start": 2025, "end": 2023}}) == [
        (("period",), "period end is before its start")
    ]


def test_a_publication_date_is_an_iso_date():
    assert problems(DocumentEntry, DOCUMENT | {"published": "2023-13-01"}) == [
        (("published",), "'2023-13-01' is not an ISO date")
    ]


def test_a_publication_date_may_be_null():
    document, found = check(DocumentEntry, DOCUMENT | {"published": None})
    assert found == [] and document.published is None


def test_a_publication_date_must_be_given_even_when_null():
    assert problems(DocumentEntry, {k: v for k, v in DOCUMENT.items() if k != "published"}) == [
        (("published",), "required field is missing")
    ]


# --- the catalogue and the coverage-ignore list -------------------------------------------------


def test_an_indicator_is_its_own_record():
    indicator, found = check(Indicator, INDICATOR | {"aliases": ["智慧小区 "]})
    assert found == []
    assert indicator == Indicator(
        id="smart-communities",
        name_zh="智慧社区",
        name_en="Smart communities",
        category=Category.society,
        dimension=Dimension.count,
        unit="个",
        higher_is_better=True,
        aliases=("智慧小区",),
    )


def test_aliases_are_a_list():
    assert problems(Indicator, INDICATOR | {"aliases": "智慧小区"}) == [
        (("aliases",), "must be a list, not the text '智慧小区'")
    ]


def test_each_alias_is_text():
    assert problems(Indicator, INDICATOR | {"aliases": ["智慧小区", 3]}) == [
        (("aliases", 1), "must be text, not 3")
    ]


def test_an_ignore_reason_has_at_least_three_characters():
    assert problems(IgnoreEntry, {"text": "2023年", "reason": "ok"}) == [
        (("reason",), "must be at least 3 characters long")
    ]


# --- the record extends its entry ------------------------------------------------------------


def test_a_target_record_adds_only_derived_fields():
    from msgspec.structs import fields

    entry = [f.name for f in fields(TargetEntry)]
    record = [f.name for f in fields(Target)]
    assert record[: len(entry)] == entry
    assert record[len(entry) :] == [
        "document",
        "normalized",
        "normalized_unit",
        "dimension",
        "line",
        "quote_at",
        "normalized_upper",
    ]


def test_a_record_keeps_the_rules_of_its_entry():
    record = Target(
        **(RANGE | {"upper": None}),
        document="d",
        normalized=2,
        normalized_unit="",
        dimension="count",
    )
    with pytest.raises(RuleError, match="a range needs comparator: between"):
        record.rules()


def test_invalid_is_where_what_and_fix():
    _, found = check(TargetEntry, SINGLE | {"year": "2025"})
    assert found == [
        Invalid(
            ("year",),
            "must be a whole number, not the text '2025'",
            "write a whole number, e.g. 2025",
        )
    ]
