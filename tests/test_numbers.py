import pytest

from policy_targets.comparisons.numbers import format_number


@pytest.mark.parametrize(
    ("value", "text"),
    [(200000, "200,000"), (12.5, "12.5"), (1.4e12, "1,400,000,000,000"), (0.005, "0.005")],
)
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("amount", "places", "whole", "text"),
    [
        (5, None, False, "+5"),
        (-1000, None, False, "-1,000"),
        (0, None, False, "+0"),
        (0.5, None, False, "+0.5"),
        (1.6667, 2, False, "+1.67"),
        (2, 2, False, "+2.00"),
        (150.0, 1, True, "+150"),
        (58.14, 1, True, "+58.1"),
        (-1234.5, 1, True, "-1,234.5"),
    ],
)
def test_signed(amount, places, whole, text):
    from policy_targets.comparisons.numbers import signed

    assert signed(amount, places, whole=whole) == text
