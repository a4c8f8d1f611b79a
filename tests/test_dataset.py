"""Real-data values, a few per document, each checked against its source by hand."""

import pytest


def find(dataset, document, indicator, **match):
    found = [
        t
        for t in dataset.targets
        if t.document == document
        and t.indicator == indicator
        and all(getattr(t, k) == v for k, v in match.items())
    ]
    assert len(found) == 1, found
    return found[0]


def test_document_counts(dataset):
    counts = {}
    for target in dataset.targets:
        counts[target.document] = counts.get(target.document, 0) + 1
    assert counts == {
        "2018-digital-shandong-plan": 75,
        "2021-implementation-scheme": 13,
        "2023-binzhou-plan": 16,
        "2023-work-points": 46,
        "2025-work-points": 24,
    }


@pytest.mark.parametrize(
    ("document", "indicator", "match", "value", "unit", "normalized", "comparator", "measure"),
    [
        # 2018 plan: 2017 baselines and 2022 targets
        (
            "2018-digital-shandong-plan",
            "4g-base-stations",
            {"kind": "baseline"},
            18.5,
            "万个",
            185_000,
            "exactly",
            "level",
        ),
        (
            "2018-digital-shandong-plan",
            "fixed-broadband-subscribers",
            {},
            2588.7,
            "万户",
            25_887_000,
            "exactly",
            "level",
        ),
        (
            "2018-digital-shandong-plan",
            "it-industry-revenue",
            {},
            1.4,
            "万亿元",
            1.4e12,
            "exactly",
            "level",
        ),
        (
            "2018-digital-shandong-plan",
            "digital-economy-gdp-share",
            {"kind": "baseline", "scope": "shandong"},
            35,
            "%",
            35,
            "exactly",
            "share",
        ),
        (
            "2018-digital-shandong-plan",
            "digital-economy-gdp-share",
            {"kind": "baseline", "scope": "beijing"},
            49.7,
            "%",
            49.7,
            "exactly",
            "share",
        ),
        (
            "2018-digital-shandong-plan",
            "digital-economy-gdp-share",
            {"kind": "target"},
            45,
            "%",
            45,
            "at_least",
            "share",
        ),
        (
            "2018-digital-shandong-plan",
            "enterprises-on-cloud",
            {},
            30,
            "万家",
            300_000,
            "more_than",
            "level",
        ),
        # 2021 scheme: frequencies and class hours
        (
            "2021-implementation-scheme",
            "progress-reporting-frequency",
            {},
            1,
            "每季度",
            4,
            "exactly",
            "frequency",
        ),
        (
            "2021-implementation-scheme",
            "data-sharing-report-frequency",
            {},
            1,
            "每月",
            12,
            "exactly",
            "frequency",
        ),
        (
            "2021-implementation-scheme",
            "cadre-digital-literacy-training-hours",
            {},
            40,
            "学时",
            40,
            "at_least",
            "rate",
        ),
        # 2023 work points
        ("2023-work-points", "5g-base-stations", {}, 20, "万个", 200_000, "at_least", "cumulative"),
        (
            "2023-work-points",
            "new-energy-storage-capacity",
            {},
            200,
            "万千瓦",
            2,
            "at_least",
            "level",
        ),
        (
            "2023-work-points",
            "progress-reporting-frequency",
            {},
            2,
            "每个月",
            6,
            "exactly",
            "frequency",
        ),
        ("2023-work-points", "smart-agriculture-bases", {}, 100, "个", 100, "exactly", "addition"),
        # Binzhou plan news
        ("2023-binzhou-plan", "10g-pon-ports", {}, 4, "万个", 40_000, "at_least", "level"),
        (
            "2023-binzhou-plan",
            "government-services-fully-online-rate",
            {},
            98,
            "%",
            98,
            "at_least",
            "share",
        ),
        (
            "2023-binzhou-plan",
            "certificate-free-service-items",
            {},
            1200,
            "项",
            1200,
            "at_least",
            "level",
        ),
        (
            "2023-binzhou-plan",
            "ccid-digital-city-top100-rank",
            {},
            61,
            "位",
            61,
            "exactly",
            "level",
        ),
        # 2025 work points
        ("2025-work-points", "total-compute", {}, 12.5, "E", 12.5, "at_least", "level"),
        ("2025-work-points", "smart-communities", {}, 5000, "个", 5000, "at_least", "level"),
        (
            "2025-work-points",
            "charging-infrastructure",
            {},
            120,
            "万台",
            1_200_000,
            "at_least",
            "level",
        ),
    ],
)
def test_values(dataset, document, indicator, match, value, unit, normalized, comparator, measure):
    target = find(dataset, document, indicator, **match)
    assert (target.value, target.unit, target.normalized, target.comparator, target.measure) == (
        value,
        unit,
        normalized,
        comparator,
        measure,
    )


def test_scopes(dataset):
    binzhou = {t.scope for t in dataset.targets if t.document == "2023-binzhou-plan"}
    assert binzhou == {"binzhou"}
    others = sorted(
        {t.scope for t in dataset.targets if t.document == "2018-digital-shandong-plan"}
    )
    assert others == ["beijing", "china", "guangdong", "shandong", "shanghai", "world"]


def test_aspirational_targets_say_li_zheng(dataset):
    for target in dataset.targets:
        if target.aspirational:
            assert "力争" in target.quote or target.note, target


def test_the_dataset_as_plain_data(dataset, target_record_keys):
    payload = dataset.to_dict()
    assert list(payload) == ["documents", "indicators", "targets"]
    assert len(payload["documents"]) == len(dataset.documents)
    assert len(payload["indicators"]) == len(dataset.indicators)
    assert len(payload["targets"]) == len(dataset.targets)
    assert {tuple(t) for t in payload["targets"]} == {target_record_keys}
    plan = next(d for d in payload["documents"] if d["id"] == "2021-implementation-scheme")
    assert (plan["period"], plan["published"]) == ({"start": 2021, "end": 2025}, "2021-07-19")
    smart = next(i for i in payload["indicators"] if i["id"] == "smart-communities")
    assert (smart["category"], smart["higher_is_better"]) == ("society", True)


def test_a_provincial_target_located_in_a_city_is_the_provinces(dataset):
    target = find(dataset, "2018-digital-shandong-plan", "wide-bandgap-semiconductor-cluster-scale")
    assert (target.scope, target.quote) == (
        "shandong",
        "建设济南宽禁带半导体产业高地,加快打造百亿产业集群",
    )


def test_the_racks_indicator_is_found_by_its_former_id(dataset):
    from policy_targets.comparisons.lookup import resolve_indicator

    found = resolve_indicator(dataset, "internet-data-centre-racks")
    assert (found.id, found.name_en) == (
        "data-centre-standard-racks",
        "Data centre standard racks in use",
    )


def test_a_rank_sits_in_the_category_of_what_it_ranks(dataset):
    indicators = dataset.indicators
    assert indicators["it-industry-revenue-national-rank"].category == "digital-economy"
    assert indicators["it-industry-revenue"].category == "digital-economy"


def test_every_row_writes_its_figure_as_its_quote_does(dataset):
    missing = [(t.document, t.indicator) for t in dataset.targets if t.as_written is None]
    assert missing == []
    assert all(t.as_written in t.quote for t in dataset.targets)


def test_a_period_is_written_only_where_the_derived_one_is_wrong(dataset):
    from policy_targets.comparisons.periods import derived_period

    documents = dataset.documents
    written = {
        (t.document, t.indicator): (t.period.start, t.period.end)
        for t in dataset.targets
        if t.period != derived_period(t, documents[t.document])
    }
    assert written == {
        # 年均提高2%以上: a yearly amount, not an addition over the plan's 2018-2022
        ("2018-digital-shandong-plan", "digital-economy-gdp-share-annual-increase"): (2022, 2022),
        # 每年评选: a duty of every year of the plan, though its year is the plan's last
        ("2018-digital-shandong-plan", "first-set-equipment-selection-frequency"): (2018, 2022),
    }


def test_different_denominators_and_series_have_their_own_ids(dataset):
    cases = find(dataset, "2023-work-points", "data-value-typical-cases")
    scenarios = find(dataset, "2025-work-points", "data-element-typical-application-scenarios")
    assert (cases.quote, scenarios.quote) == (
        "打造不少于100个数据价值化典型案例",
        "打造100个以上数字化典型应用场景",
    )
    eligible = find(
        dataset, "2018-digital-shandong-plan", "eligible-government-services-fully-online"
    )
    every_item = find(dataset, "2023-binzhou-plan", "government-services-fully-online-rate")
    assert (eligible.as_written, every_item.as_written) == ("应上尽上", "达到98%")


@pytest.mark.parametrize(
    ("document", "indicator", "value", "unit", "comparator", "year", "as_written"),
    [
        (
            "2018-digital-shandong-plan",
            "natural-village-fibre-coverage",
            100,
            "%",
            "about",
            2022,
            "基本实现20户以上自然村光纤网路通达",
        ),
        ("2018-digital-shandong-plan", "ipv6-support", 100, "%", "exactly", 2022, "全面支持"),
        (
            "2018-digital-shandong-plan",
            "medical-institution-telemedicine-service-coverage",
            100,
            "%",
            "about",
            2022,
            "基本覆盖",
        ),
        ("2021-implementation-scheme", "years-to-full-momentum", 1, "年", "exactly", 2022, "一年"),
        (
            "2021-implementation-scheme",
            "years-to-key-breakthroughs",
            2,
            "年",
            "exactly",
            2023,
            "两年",
        ),
        (
            "2021-implementation-scheme",
            "years-to-leading-position",
            5,
            "年",
            "exactly",
            2026,
            "五年",
        ),
        (
            "2023-work-points",
            "e-medical-insurance-voucher-hospital-coverage",
            100,
            "%",
            "exactly",
            2023,
            "全流程应用",
        ),
        ("2023-work-points", "urban-5g-coverage", 100, "%", "exactly", 2023, "深度覆盖"),
        ("2025-work-points", "village-5g-coverage-rate", 100, "%", "exactly", 2025, "深度覆盖"),
        (
            "2025-work-points",
            "key-compute-centre-platform-coverage",
            100,
            "%",
            "exactly",
            2025,
            "全面纳管",
        ),
        (
            "2025-work-points",
            "small-reservoir-automatic-monitoring",
            100,
            "%",
            "exactly",
            2025,
            "实现水位、雨量、图像信息自动采集",
        ),
    ],
)
def test_statements_without_a_numeral(
    dataset, document, indicator, value, unit, comparator, year, as_written
):
    target = find(dataset, document, indicator, year=year)
    assert (target.value, target.unit, target.comparator, target.kind, target.as_written) == (
        value,
        unit,
        comparator,
        "target",
        as_written,
    )
