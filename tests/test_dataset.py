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
        "2018-digital-shandong-plan": 72,
        "2021-implementation-scheme": 10,
        "2023-binzhou-plan": 16,
        "2023-work-points": 44,
        "2025-work-points": 19,
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
    assert others == ["beijing", "china", "guangdong", "jinan", "shandong", "shanghai", "world"]


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


def test_every_reported_figure_is_stated_by_its_quote_and_has_a_page(dataset):
    from policy_targets.comparisons.numerals import states
    from policy_targets.comparisons.quotes import normalize_text

    assert len(dataset.reported) >= 3
    for report in dataset.reported:
        assert states(normalize_text(report.quote), report.value, report.unit), report
        assert report.source.url.startswith(("http://", "https://"))
        assert report.source.publisher
        assert report.source.published >= report.as_of
