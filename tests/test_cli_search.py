"""Search that finds: `indicators --search`, indicator names in `trajectory`, and --scope."""

import json

import pytest


def found(run, query: str) -> list[str]:
    result = run("indicators", "--search", query, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [record["id"] for record in json.loads(result.stdout)]


def test_digital_economy_in_chinese_lists_every_digital_economy_indicator(run, dataset):
    expected = {
        i.id
        for i in dataset.indicators.values()
        if i.category == "digital-economy" or "数字经济" in i.name_zh
    }
    assert len(expected) == 19
    assert set(found(run, "数字经济")) == expected
    # The 2018 plan's Taiwan-style wording and the English name find the same.
    assert set(found(run, "數位經濟")) == expected
    assert set(found(run, "digital economy")) == expected


def test_a_more_precise_query_finds_a_subset(run):
    broad = set(found(run, "digital economy"))
    precise = set(found(run, "Digital economy share"))
    assert precise == {
        "digital-economy-gdp-share",
        "digital-economy-gdp-share-annual-increase",
        "digital-economy-gdp-share-national-rank",
        "gdp-linked-to-digital-economy-share",  # 与数字经济紧密相关的GDP比重
    }
    assert precise < broad


def test_smart_communities_finds_the_coverage_rate_too(run):
    assert set(found(run, "智慧社区")) == {"smart-communities", "smart-community-coverage-rate"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("網際網路", "household-broadband-access-capability"),  # 互联网
        ("數位", "digital-economy-gdp-share"),  # 数字
        ("智慧型", "smart-ranches"),  # 智能
    ],
)
def test_taiwan_vocabulary(run, query, expected):
    assert expected in found(run, query)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "算力",
            "'算力' matches 3 indicators: intelligent-compute-share (智算占比), "
            "total-compute (算力总规模), key-compute-centre-platform-coverage (重点算力中心纳管); "
            "be more specific",
        ),
        (
            "GDP",
            "'GDP' matches 4 indicators: digital-economy-gdp-share (数字经济占GDP比重), "
            "digital-economy-gdp-share-annual-increase (数字经济规模占GDP比重年均提高), "
            "gdp-linked-to-digital-economy-share (与数字经济紧密相关的GDP比重), "
            "digital-economy-gdp-share-national-rank (数字经济规模占GDP比重全国排名); "
            "be more specific",
        ),
    ],
)
def test_an_ambiguous_name_lists_its_candidates(run, name, message):
    result = run("trajectory", name)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"


@pytest.mark.parametrize("scope", ["shandong", "Shandong", "山东", "山東"])
def test_scope_by_name(run, scope):
    result = run("compare", "2023", "2025", "--scope", scope, "--format", "json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["before"]["id"], payload["after"]["id"]) == (
        "2023-work-points",
        "2025-work-points",
    )


@pytest.mark.parametrize(
    ("scope", "scope_id", "value"),
    [("guangdong", "guangdong", 40.8), ("Beijing", "beijing", 49.7), ("上海", "shanghai", 48.9)],
)
def test_comparison_scopes_are_reachable_by_trajectory(run, scope, scope_id, value):
    result = run("trajectory", "digital-economy-gdp-share", "--scope", scope, "--format", "json")
    assert result.exit_code == 0, result.stderr
    trajectory = json.loads(result.stdout)
    (row,) = trajectory["points"]
    assert trajectory["scope"] == row["scope"] == scope_id
    assert (row["target_year"], row["kind"], row["value"], row["unit"]) == (
        2017,
        "baseline",
        value,
        "%",
    )


def test_all_scopes_for_a_year(run):
    result = run("show", "2023", "--scope", "all")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: 2 documents are from 2023: 2023-binzhou-plan, 2023-work-points; name one by id\n"
    )


def test_several_scopes_follow_each(run):
    result = run(
        "trajectory", "digital-economy-gdp-share", "--scope", "shandong,beijing", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["scope"], list(payload["scopes"])) == (
        "shandong,beijing",
        ["shandong", "beijing"],
    )


def test_repeated_categories_list_both(run, dataset):
    result = run("indicators", "--category", "digital-economy", "--category", "ai", "-f", "json")
    assert result.exit_code == 0, result.stderr
    expected = {
        i.id for i in dataset.indicators.values() if i.category in ("digital-economy", "ai")
    }
    assert {record["id"] for record in json.loads(result.stdout)} == expected


@pytest.mark.parametrize("query", ["EFLOPS", "eflops", "exaflops"])
def test_a_unit_or_its_word_finds_its_indicators(run, query):
    assert found(run, query) == ["total-compute"]


@pytest.mark.parametrize("query", ["smart community", "smart communities", "Smart Communities"])
def test_singular_and_plural_find_the_same(run, query):
    assert found(run, query) == ["smart-communities", "smart-community-coverage-rate"]


def test_one_indicator_is_counted_in_the_singular(run):
    result = run("indicators", "--search", "EFLOPS")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1 indicator"
    several = run("indicators", "--search", "Mbps")
    assert several.stdout.splitlines()[-1] == "3 indicators"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_chinese_category_name_lists_that_category(run, dataset, lang):
    result = run("--lang", lang, "indicators", "--category", "基础设施", "--format", "json")
    assert result.exit_code == 0, result.stderr
    expected = {i.id for i in dataset.indicators.values() if i.category == "infrastructure"}
    assert {record["id"] for record in json.loads(result.stdout)} == expected
