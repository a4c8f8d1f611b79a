"""The rules of the document model, on small in-memory targets: one test per rule."""

import pytest
from pydantic import ValidationError

from policy_targets.comparisons.models import Target

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


def messages(**changes):
    with pytest.raises(ValidationError) as caught:
        Target.model_validate(RANGE | changes)
    return [error["msg"].removeprefix("Value error, ") for error in caught.value.errors()]


def test_a_range_keeps_both_bounds():
    target = Target.model_validate(RANGE)
    assert (target.value, target.upper, target.comparator) == (2, 3, "between")


def test_between_needs_an_upper_bound():
    assert messages(upper=None) == [
        "a range needs comparator: between and an upper bound, `upper:`"
    ]


def test_an_upper_bound_needs_between():
    assert messages(comparator="at_least") == [
        "a range needs comparator: between and an upper bound, `upper:`"
    ]


def test_the_upper_bound_is_above_the_value():
    assert messages(upper=2) == ["upper bound 2 is not above value 2"]


def test_the_upper_bound_is_a_number():
    assert messages(upper="3") == ["upper must be a number, not str"]
