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


@pytest.mark.parametrize(
    ("quote", "word"),
    [
        ("推进4G网路在城市、农村地区全面深度覆盖", "全面深度覆盖"),
        ("推动重点场所、行政村、近海重点航路实现5G移动网络深度覆盖", "深度覆盖"),
        ("信息服务体系基本覆盖各级医疗卫生机构", "基本覆盖"),
        ("全省网路、套用、终端全面支持IPv6", "全面支持"),
        ("推动重点算力中心全面纳管", "全面纳管"),
        ("二级及以上定点医疗机构实现医保电子凭证全流程应用", "全流程应用"),
        ("基本实现20户以上自然村光纤网路通达", "实现20户以上自然村光纤网路通达"),
        ("全省小型水库实现水位、雨量、图像信息自动采集", "实现水位、雨量、图像信息自动采集"),
    ],
)
def test_each_form_of_full_coverage_reads_as_100_percent_and_is_listed(quote, word):
    assert states(quote, 100, "%")
    assert word in [m.group() for m in LISTED.finditer(quote)]


@pytest.mark.parametrize(
    "quote",
    [
        "年底前全省行政村5G网络通达率达70%以上",  # 通达率: a rate whose value is written
        "实现光纤入户,网路通达",  # 实现 … 通达 only within one clause
        "推进医疗收费电子结算凭证创新应用",
    ],
)
def test_reach_is_full_coverage_only_as_a_group_brought_to_it_in_one_clause(quote):
    assert not states(quote, 100, "%")


def test_the_coverage_report_lists_single_digits_that_count_something():
    text = "一年全面起势、两年重点突破、五年跨越领先,九市,三个十,两个月,一批,统一,第三个,十四个五年规划"
    found = [m.group() for m in LISTED.finditer(text)]
    assert found == ["一", "两", "五", "九", "三", "十", "两", "十四", "五"]
    assert [value_of(n) for n in ["一", "两", "五", "九"]] == [1, 2, 5, 9]


@given(st.integers(min_value=1, max_value=10**12))
def test_every_chinese_numeral_reads_back_as_its_number(number):
    import cn2an

    written = cn2an.an2cn(number)
    assert NUMERAL.fullmatch(written)
    assert value_of(written) == number
