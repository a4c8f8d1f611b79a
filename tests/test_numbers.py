import pytest

from policy_targets.comparisons.numbers import format_number


@pytest.mark.parametrize(
    ("value", "text"),
    [(200000, "200,000"), (12.5, "12.5"), (1.4e12, "1,400,000,000,000"), (0.005, "0.005")],
)
def test_format_number(value, text):
    assert format_number(value) == text
