"""cli/labels.py: the words in Chinese, and the library's reasons worded from their shapes."""

from __future__ import annotations

import itertools

import pytest

from policy_targets.cli.labels import TERMS_ZH, counted, reason, say, term
from policy_targets.comparisons.diff import compare
from policy_targets.comparisons.reasons import Reason
from policy_targets.comparisons.trajectory import trajectory
from policy_targets.comparisons.vocabulary import (
    Ambition,
    Category,
    Dimension,
    Language,
    Measure,
    ReasonCode,
    Verdict,
)


def R(code, **params):
    return Reason(ReasonCode(code), params)


@pytest.mark.parametrize(
    ("found", "english", "chinese"),
    [
        (R("value", amount=150.0, unit="%"), "value +150 %", "数值 +150%"),
        (R("value", amount=-2.5, unit="%"), "value -2.5 %", "数值 -2.5%"),
        (R("value", amount=5, unit="pp"), "value +5 pp", "数值 +5 个百分点"),
        (R("value", amount=100, unit="EFLOPS"), "value +100 EFLOPS", "数值 +100EFLOPS"),
        (R("value", amount=3, unit=""), "value +3", "数值 +3"),
        (
            R("comparator", before="at_least", after="more_than"),
            "more than instead of at least",
            "由“不低于”改为“超过”",
        ),
        (
            R("comparator", before="about", after="between"),
            "a range instead of about",
            "由“约”改为“区间”",
        ),
        (
            R("firmness", aspirational=False),
            "firm instead of 力争 (aspirational)",
            "由“力争”改为“确定目标”",
        ),
        (
            R("firmness", aspirational=True),
            "力争 (aspirational) instead of firm",
            "由“确定目标”改为“力争”",
        ),
        (R("deadline", years=2), "same value, 2 years later", "数值相同，推迟2年"),
        (
            R("deadline", years=-1, same_value=True),
            "same value, 1 year earlier",
            "数值相同，提前1年",
        ),
        (R("deadline", years=1, same_value=False), "1 year later", "推迟1年"),
        (
            R(
                "pace",
                faster=False,
                before=2.0,
                after=1.875,
                kind="points",
                unit="%",
                start=2017,
                before_year=2022,
                after_year=2025,
            ),
            "slower pace: +1.88 pp/yr from 2017 to 2025 against +2.00 pp/yr from 2017 to 2022",
            "节奏更慢：2017—2025年每年+1.88个百分点，对比2017—2022年每年+2.00个百分点",
        ),
        (
            R(
                "pace",
                faster=True,
                before=0.1,
                after=0.2,
                kind="growth",
                unit="",
                start=2020,
                before_year=2022,
                after_year=2025,
            ),
            "faster pace: +20 %/yr from 2020 to 2025 against +10 %/yr from 2020 to 2022",
            "节奏更快：2020—2025年年均+20%，对比2020—2022年年均+10%",
        ),
        (
            R(
                "pace",
                faster=None,
                before=-1.0,
                after=-1.0,
                kind="amount",
                unit="",
                start=2020,
                before_year=2022,
                after_year=2025,
            ),
            "the same pace: -1/yr from 2020 to 2025 against -1/yr from 2020 to 2022",
            "节奏相同：2020—2025年每年-1，对比2020—2022年每年-1",
        ),
        (R("no-pace"), "different target years, no baseline", "目标年份不同，且无基数可算节奏"),
        (
            R(
                "per-year",
                before=150,
                before_period=[2023, 2025],
                before_per_year=50,
                after=60,
                after_period=[2025, 2025],
                after_per_year=60,
            ),
            "additions over different periods compared per year: 150 over 2023–2025 ≈ 50/yr, "
            "60 over 2025 ≈ 60/yr",
            "不同期间的增量按年比较：150（2023—2025年）≈ 每年50，60（2025年）≈ 每年60",
        ),
        (
            R("different-scope", before="binzhou", after="shandong"),
            "different scope: binzhou vs shandong",
            "范围不同：滨州 与 山东",
        ),
        (
            R("different-dimension", before="energy", after="power"),
            "different dimension: energy vs power",
            "量纲不同：电量 与 功率",
        ),
        (
            R(
                "different-measure",
                before="addition",
                after="cumulative",
                before_words="an addition over its period",
                after_words="a cumulative stock",
            ),
            "different measure: addition (an addition over its period) vs cumulative "
            "(a cumulative stock)",
            "计量方式不同：增量 与 累计",
        ),
        (
            R("different-period", before_period=[2023, 2025], after_period=[2025, 2025]),
            "different periods: 2023–2025 vs 2025",
            "期间不同：2023—2025年 与 2025年",
        ),
        (
            R("not-additive", dimension="share"),
            "a share does not add up, so no part of a whole",
            "占比不可加总，无从计算占比",
        ),
        (R("zero-whole"), "the whole's figure is 0", "整体数值为0"),
        (
            R("lapsed", due=2020, document="2021-implementation-scheme", year=2021),
            "due 2020, before 2021-implementation-scheme (2021)",
            "2020年到期，早于 2021-implementation-scheme（2021年）",
        ),
        (
            R("not-restated", due=2022, document="2021-implementation-scheme", period=None),
            "due 2022; 2021-implementation-scheme gives no figure",
            "2022年到期；2021-implementation-scheme 未给出数值",
        ),
        (
            R("not-restated", due=2025, document="2023-work-points", period=[2021, 2025]),
            "a recurring duty of the 2021-2025 plan, due 2025; 2023-work-points gives no figure",
            "2021-2025年规划期内的常规任务，2025年到期；2023-work-points 未给出数值",
        ),
    ],
)
def test_each_reason_in_english_and_chinese(found, english, chinese):
    assert found.text == english
    assert reason(found, Language.en) == english
    assert reason(found, Language.zh) == chinese


def test_every_reason_code_is_worded_in_chinese():
    worded = {
        found.code for found, _, _ in test_each_reason_in_english_and_chinese.pytestmark[0].args[1]
    }
    assert worded == set(ReasonCode)


def test_every_reason_in_the_data_has_a_chinese_wording(dataset):
    """Every reason compare and trajectory give on the real data is worded in Chinese."""
    found = []
    for first, second in itertools.permutations(dataset.documents.values(), 2):
        for row in compare(dataset, first, second).rows:
            found += row.all_reasons
    for indicator in dataset.indicators.values():
        for scope in {t.scope for t in dataset.targets if t.indicator == indicator.id}:
            for point in trajectory(dataset, indicator, scope).points:
                if point.step:
                    found += point.step.reasons
    assert len({r.code for r in found}) > 5
    untranslated = sorted({r.text for r in found if reason(r, Language.zh) == r.text})
    assert untranslated == []


def test_one_chinese_word_per_term():
    """No Chinese word stands for two different terms (share and frequency are one
    concept as a measure and as a dimension)."""
    same_concept = {("share", "share"), ("frequency", "frequency")}
    seen: dict[str, tuple[str, str]] = {}
    for vocabulary, words in TERMS_ZH.items():
        for value, word in words.items():
            earlier = seen.setdefault(word, (vocabulary.__name__, str(value)))
            if earlier != (vocabulary.__name__, str(value)):
                assert (earlier[1], str(value)) in same_concept, (word, earlier, value)


def test_every_term_of_the_shown_vocabularies_has_a_chinese_word():
    for vocabulary in (Verdict, Ambition, Measure, Category, Dimension):
        assert set(TERMS_ZH[vocabulary]) == set(vocabulary)


def test_terms_by_vocabulary():
    assert term("energy", Language.zh, Category) == "能源"
    assert term("energy", Language.zh, Dimension) == "电量"
    assert term(Category.energy, Language.zh) == "能源"
    assert term("only binzhou", Language.zh) == "仅滨州"
    assert term(Verdict.not_comparable, Language.en) == "not comparable"
    assert term(None, Language.zh) == ""


def test_counts_in_both_languages():
    counts = {"raised": 1, "new": 16, "only shandong": 2}
    assert counted(counts, Language.en) == "1 raised, 16 new, 2 only shandong"
    assert counted(counts, Language.zh) == "提高1，新增目标16，仅山东2"
    assert say("count_documents", Language.zh, n=5) == "5份文件"
