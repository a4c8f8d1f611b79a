"""What a reported figure's range says of a target (comparisons/judging.py), directly;
tests/test_outcomes.py tests the statuses built on it."""

import math

import pytest

from policy_targets.comparisons.judging import OPEN, REACHES, SHORT, judge


@pytest.mark.parametrize(
    ("low", "high", "open_low", "open_high", "expected"),
    [
        (200, 200, False, False, REACHES),  # exactly the target
        (199, 199, False, False, SHORT),
        (190, 210, False, False, OPEN),  # across the target
        (200, math.inf, True, True, REACHES),  # more than 200 is at least 200
        (-math.inf, 200, True, False, OPEN),  # at most 200 may be 200
        (-math.inf, 200, True, True, SHORT),  # below 200
    ],
)
def test_a_range_against_at_least_200(build, low, high, open_low, open_high, expected):
    target = build.target(value=200, year=2023)
    assert judge(target, build.indicator(), low, high, open_low, open_high) == expected
