"""Reasons as data, worded in English: one test per rule and boundary."""

from policy_targets.comparisons.reasons import reason, signed
from policy_targets.comparisons.vocabulary import ReasonCode


def test_the_sign_is_always_shown_and_zero_is_plus():
    assert [signed(5), signed(-1000), signed(0.5), signed(0)] == ["+5", "-1,000", "+0.5", "+0"]


def test_a_pace_of_zero_is_written_plus_zero():
    found = reason(
        ReasonCode.pace,
        faster=True,
        before=0.0,
        after=-0.4,
        kind="amount",
        unit="",
        start=2020,
        before_year=2022,
        after_year=2025,
    )
    assert found.text == "faster pace: -0.4/yr from 2020 to 2025 against +0/yr from 2020 to 2022"
