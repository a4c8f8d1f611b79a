"""cli/labels.py: the words in Chinese, and the library's reasons worded from their shapes."""

from __future__ import annotations

import itertools

import pytest

from policy_targets.cli.labels import TERMS_ZH, counted, reason, say, term
from policy_targets.comparisons.diff import compare
from policy_targets.comparisons.trajectory import trajectory
from policy_targets.comparisons.vocabulary import (
    Ambition,
    Category,
    Dimension,
    Language,
    Measure,
    Verdict,
)


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("value +150 %", "数值 +150%"),
        ("value -2.5 %", "数值 -2.5%"),
        ("value +5 pp", "数值 +5 个百分点"),
        ("value +100 EFLOPS", "数值 +100 EFLOPS"),
        ("value +3", "数值 +3"),
        ("more than instead of at least", "由“不低于”改为“超过”"),
        ("a range instead of about", "由“约”改为“区间”"),
        ("firm instead of 力争 (aspirational)", "由“力争”改为“确定目标”"),
        ("力争 (aspirational) instead of firm", "由“确定目标”改为“力争”"),
        ("same value, 2 years later", "数值相同，推迟2年"),
        ("same value, 1 year earlier", "数值相同，提前1年"),
        ("different scope: binzhou vs shandong", "范围不同：滨州 与 山东"),
        ("different dimension: energy vs power", "量纲不同：电量 与 功率"),
        (
            "different measure: addition (a yearly addition) vs cumulative (a cumulative stock)",
            "计量方式不同：增量 与 累计",
        ),
        (
            "due 2020, before 2021-implementation-scheme (2021)",
            "2020年到期，早于 2021-implementation-scheme（2021年）",
        ),
        (
            "due 2022; 2021-implementation-scheme gives no figure",
            "2022年到期；2021-implementation-scheme 未给出数值",
        ),
        (
            "a recurring duty of the 2021-2025 plan, due 2025; 2023-work-points gives no figure",
            "2021-2025年规划期内的常规任务，2025年到期；2023-work-points 未给出数值",
        ),
    ],
)
def test_each_shape_of_reason_in_chinese(english, chinese):
    assert reason(english, Language.zh) == chinese
    assert reason(english, Language.en) == english


def test_a_reason_of_no_known_shape_stays_as_it_is():
    assert reason("something new", Language.zh) == "something new"


def test_every_reason_in_the_data_has_a_chinese_wording(dataset):
    """Every reason compare and trajectory give on the real data fits a shape."""
    found = set()
    for first, second in itertools.permutations(dataset.documents.values(), 2):
        for row in compare(dataset, first, second).rows:
            found.update(row.all_reasons)
    for indicator in dataset.indicators.values():
        for scope in {t.scope for t in dataset.targets if t.indicator == indicator.id}:
            for point in trajectory(dataset, indicator, scope).points:
                step = point.step
                if step and step.assessment:
                    found.update(step.assessment.reasons)
                if step and step.not_comparable:
                    found.add(step.not_comparable)
    assert len(found) > 10
    untranslated = sorted(text for text in found if reason(text, Language.zh) == text)
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
