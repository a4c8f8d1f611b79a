"""Numerals: the grammar shared by the quote check and the coverage report."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_targets.comparisons.numerals import (
    LISTED,
    NUMERAL,
    as_stated,
    chinese_number,
    numbers_in,
    states,
    value_of,
)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一百零五", 105),
        ("三万五千", 35000),
        ("两万", 20000),
        ("1.2万", 12000),
        ("百分之十五", 15),
        ("四万亿", 4e12),
        ("百", 100),
        ("十六", 16),
        ("两", 2),
        ("2,588.7万", 25887000),
        ("1.4万亿", 1.4e12),
        ("12.5", 12.5),
    ],
)
def test_value_of_a_numeral(numeral, value):
    assert NUMERAL.fullmatch(numeral)
    assert value_of(numeral) == value


@pytest.mark.parametrize("text", ["一二", "十四五", "百千万"])
def test_a_run_of_numeral_characters_that_is_no_number_has_no_value(text):
    assert chinese_number(text) is None


def test_a_value_with_a_magnitude_in_its_unit_is_compared_as_a_magnitude():
    assert as_stated(20, "万个") == 200000
    assert as_stated(200, "万千瓦") == 2000000  # 万 × 千瓦: only 万 is a magnitude of the number
    assert as_stated(12.5, "E") == 12.5


def test_the_value_must_be_what_the_quote_states():
    assert states("三万五千", 3.5, "万个")
    assert states("三万五千", 35000, "个")
    assert not states("三万五千", 3, "万个")  # 三 appears, but 3万 is 30 000
    assert not states("三万五千", 5000, "个")
    assert states("累计开通5G基站20万个以上", 20, "万个")
    assert not states("累计开通5G基站20万个以上", 20, "个")


def test_a_word_is_read_as_a_number_only_in_its_unit():
    assert states("力争全省16市均达到千兆城市标准", 100, "%")
    assert not states("力争全省16市均达到千兆城市标准", 100, "个")
    assert states("累计获批23个,居全国首位", 1, "位")
    assert not states("累计获批23个,居全国首位", 1, "个")


def test_numbers_in_reads_arabic_and_chinese_numerals_and_the_project_words():
    assert numbers_in("累计开通5G基站20万个以上") == {5.0, 200000.0}
    assert numbers_in("居全国第三位") == {3.0}
    assert numbers_in("乡镇驻地全部实现千兆光网覆盖") == {100.0, 1000.0}
    assert numbers_in("累计获批23个,居全国首位") == {23.0, 1.0}
    assert numbers_in("县级以上公共图书馆均具备数字图书馆服务能力") == {100.0}
    assert numbers_in("力争年均提高2%以上") == {2.0}  # 年均 is "yearly average", not "all"


def test_the_coverage_report_lists_numerals_with_a_magnitude_and_the_all_words():
    found = [
        m.group()
        for m in LISTED.finditer("20万个、两千、1.4万亿元、全部、一体化、第三、村村通、年均")
    ]
    assert found == ["20万", "两千", "1.4万亿", "全部", "村村通"]


@given(st.integers(min_value=1, max_value=10**12))
def test_every_chinese_numeral_reads_back_as_its_number(number):
    import cn2an

    written = cn2an.an2cn(number)
    assert NUMERAL.fullmatch(written)
    assert value_of(written) == number
