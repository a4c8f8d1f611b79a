"""Finding indicators, documents and scopes by what users type: one test per rule, on a
small in-memory dataset."""

import pytest

from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.lookup import (
    find_indicators,
    resolve_document,
    resolve_indicator,
    resolve_scope,
    scopes,
)
from policy_targets.comparisons.records import Dataset, Document, Indicator, Period, Target


def indicator(id_, name_zh, name_en, category="digital-economy", aliases=()):
    return Indicator(id_, name_zh, name_en, category, "count", "个", True, tuple(aliases))


def document(id_, year, scope):
    return Document(
        id=id_,
        year=year,
        scope=scope,
        title_zh="标题",
        title_en="Title",
        issuer="Issuer",
        published=None,
        period=Period(year, year),
        kind="plan",
        source="x.txt",
        path="x",
    )


def target(document_id, indicator_id, scope):
    return Target(
        document=document_id,
        indicator=indicator_id,
        value=1.0,
        unit="个",
        comparator="at_least",
        measure="level",
        kind="target",
        year=2025,
        quote="1个",
        locator="一",
        scope=scope,
        normalized=1.0,
        normalized_unit="",
        dimension="count",
    )


@pytest.fixture
def small() -> Dataset:
    indicators = [
        indicator(
            "de-share", "数字经济占GDP比重", "Digital economy share of GDP", aliases=["数字经济"]
        ),
        indicator("de-projects", "数字经济项目", "Digital economy projects"),
        indicator("software", "软件业务收入", "Software revenue"),
        indicator("smart-communities", "智慧社区", "Smart communities", "society"),
        indicator(
            "smart-community-coverage", "智慧社区覆盖率", "Smart community coverage", "society"
        ),
        indicator(
            "broadband", "城乡家庭互联网接入能力", "Household internet access", "infrastructure"
        ),
        indicator("ai-zones", "人工智能聚集区", "AI zones", "ai"),
        indicator("chain-leaders", "链主企业", "Chain leaders", "industry"),
        indicator("pon-ports", "10G-PON端口", "10G-PON ports", "infrastructure"),
    ]
    documents = [document("plan-2023", 2023, "shandong"), document("city-2023", 2023, "binzhou")]
    return Dataset(
        documents={d.id: d for d in documents},
        indicators={i.id: i for i in indicators},
        targets=[
            target("plan-2023", "de-share", "shandong"),
            target("plan-2023", "de-share", "guangdong"),
        ],
    )


def ids(found):
    return [i.id for i in found]


def test_every_word_must_match_in_any_order(small):
    assert ids(find_indicators(small, "share digital")) == ["de-share"]
    assert ids(find_indicators(small, "Digital economy share of GDP")) == ["de-share"]


def test_a_more_precise_query_never_finds_more(small):
    broad = set(ids(find_indicators(small, "digital")))
    narrow = set(ids(find_indicators(small, "digital economy share")))
    assert narrow <= broad and narrow == {"de-share"}


def test_an_exact_name_does_not_hide_the_other_matches(small):
    assert ids(find_indicators(small, "智慧社区")) == [
        "smart-communities",
        "smart-community-coverage",
    ]


def test_a_chinese_category_name_lists_the_category(small):
    assert ids(find_indicators(small, "数字经济")) == ["de-share", "de-projects", "software"]


def test_traditional_and_taiwan_vocabulary_are_folded(small):
    assert ids(find_indicators(small, "數位經濟")) == ["de-share", "de-projects", "software"]
    assert ids(find_indicators(small, "網際網路")) == ["broadband"]
    assert ids(find_indicators(small, "智慧型")) == ["ai-zones"]  # 智能, in 人工智能


def test_latin_words_match_at_the_start_of_a_word(small):
    assert ids(find_indicators(small, "ai")) == ["ai-zones"]  # not "chain"


def test_a_query_matches_inside_run_together_names(small):
    assert ids(find_indicators(small, "G-PON")) == ["pon-ports"]
    assert ids(find_indicators(small, "pon")) == ["pon-ports"]
    assert ids(find_indicators(small, "conom")) == ["de-share", "de-projects", "software"]


def test_resolve_prefers_an_exact_name(small):
    assert resolve_indicator(small, "智慧社區").id == "smart-communities"
    assert resolve_indicator(small, "数字经济").id == "de-share"  # an alias, not the category


def test_an_ambiguous_name_lists_its_candidates(small):
    with pytest.raises(UsageError) as caught:
        resolve_indicator(small, "digital economy")
    assert str(caught.value) == (
        "'digital economy' matches 2 indicators: de-share (数字经济占GDP比重), "
        "de-projects (数字经济项目); be more specific"
    )


def test_scopes_include_comparison_scopes(small):
    assert scopes(small) == ["binzhou", "guangdong", "shandong"]


@pytest.mark.parametrize("text", ["shandong", "Shandong", "SHANDONG", "山东", "山東", "山东省"])
def test_a_scope_by_id_english_or_chinese_name(small, text):
    assert resolve_scope(small, text) == "shandong"


def test_a_comparison_scope_is_reachable(small):
    assert resolve_scope(small, "广东") == "guangdong"


def test_all_scopes_only_where_allowed(small):
    assert resolve_scope(small, "all", allow_all=True) == "all"
    with pytest.raises(UsageError, match="^all scopes at once are not available here; choose"):
        resolve_scope(small, "all")


def test_an_unknown_scope_lists_the_known_ones(small):
    with pytest.raises(UsageError) as caught:
        resolve_scope(small, "Beijing")  # a known name, but no figure has it here
    assert str(caught.value) == (
        "unknown scope 'Beijing'; choose from binzhou (滨州), guangdong (广东), shandong (山东)"
    )


def test_a_year_in_all_scopes(small):
    with pytest.raises(UsageError) as caught:
        resolve_document(small, "2023", "all")
    assert str(caught.value) == "2 documents are from 2023: city-2023, plan-2023; name one by id"
    assert resolve_document(small, "2023", "滨州").id == "city-2023"
    with pytest.raises(UsageError) as caught:
        resolve_document(small, "1999", "all")
    assert str(caught.value) == (
        "no document from 1999; the documents are from 2023 (city-2023), 2023 (plan-2023)"
    )


@pytest.mark.parametrize(
    ("word", "singular"),
    [
        ("communities", "community"),
        ("enterprises", "enterprise"),
        ("boxes", "box"),
        ("stations", "station"),
        ("business", "business"),
        ("campus", "campus"),
        ("gbps", "gbps"),
        ("数字经济", "数字经济"),
        ("5g", "5g"),
    ],
)
def test_singular(word, singular):
    from policy_targets.comparisons.lookup import _singular

    assert _singular(word) == singular
