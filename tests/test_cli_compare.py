import json

# The row every view shows for smart communities, 2023 → 2025.
SMART_COMMUNITIES_ROW = [
    "Smart communities",
    "≥2000个 (2023, cumulative)",
    "≥5000个 (2025, level)",
    "≥2,000 → ≥5,000",
    "+3,000 (+150%)",
    "+58.1%/yr",
    "raised",
]


def rows_by_indicator(result):
    assert result.exit_code == 0, result.stderr
    return {row["indicator"]: row for row in json.loads(result.stdout)["rows"]}


def test_compare_2023_2025_verdicts(run):
    rows = rows_by_indicator(run("compare", "2023", "2025", "--format", "json"))
    smart = rows["smart-communities"]
    assert (smart["verdict"], smart["before_value"], smart["after_value"]) == ("raised", 2000, 5000)
    assert (smart["before_measure"], smart["after_measure"]) == ("cumulative", "level")
    assert (smart["before_comparator"], smart["after_comparator"]) == ("at_least", "at_least")
    assert smart["change"] == 3000
    assert smart["relative_change"] == 1.5
    assert smart["per_year_kind"] == "growth"
    assert round(smart["per_year"], 4) == 0.5811  # (5000 / 2000) ** (1/2) - 1

    base_stations = rows["5g-base-stations"]
    assert base_stations["verdict"] == "dropped"
    assert (base_stations["before_value"], base_stations["before_unit"]) == (20, "万个")
    assert base_stations["before_normalized"] == 200_000
    assert base_stations["after_value"] is None

    compute = rows["total-compute"]
    assert compute["verdict"] == "new"
    assert (compute["after_value"], compute["after_unit"], compute["after_normalized"]) == (
        12.5,
        "E",
        12.5,
    )
    assert compute["normalized_unit"] == "EFLOPS"

    bases = rows["smart-agriculture-bases"]
    assert bases["verdict"] == "not comparable"
    assert bases["reason"] == (
        "different measure: addition (a yearly addition) vs cumulative (a cumulative stock)"
    )
    assert (bases["before_value"], bases["after_value"]) == (100, 500)


def test_compare_counts_every_indicator_once(run, dataset):
    rows = rows_by_indicator(run("compare", "2023", "2025", "--format", "json"))
    expected = {
        t.indicator
        for t in dataset.targets
        if t.document in ("2023-work-points", "2025-work-points") and t.kind == "target"
    }
    assert set(rows) == expected
    verdicts = [row["verdict"] for row in rows.values()]
    assert (
        verdicts.count("raised"),
        verdicts.count("new"),
        verdicts.count("dropped"),
        verdicts.count("not comparable"),
    ) == (1, 16, 41, 1)  # 44 rows in 2023, 19 in 2025; three indicators in both


def test_compare_markdown_is_one_table_with_a_row_per_indicator(run, markdown_tables):
    result = run("compare", "2023", "2025", "--format", "markdown")
    assert result.exit_code == 0
    (table,) = markdown_tables(result.stdout)
    body_rows = table[1:]
    assert len(body_rows) == 60
    smart = next(r for r in body_rows if r[0] == "Smart communities")
    assert smart == SMART_COMMUNITIES_ROW
    compute = next(r for r in body_rows if r[0] == "Total compute")
    assert compute == [
        "Total compute",
        "—",
        "≥12.5E (2025, level, aspirational)",
        "≥12.5 EFLOPS",
        "",
        "",
        "new",
    ]


def test_compare_only_changed_and_category(run):
    rows = rows_by_indicator(
        run("compare", "2023", "2025", "--only", "changed", "--format", "json")
    )
    assert list(rows) == ["smart-communities"]
    rows = rows_by_indicator(run("compare", "2023", "2025", "--category", "ai", "--format", "json"))
    assert {r["verdict"] for r in rows.values()} <= {"new", "dropped"}
    assert "total-compute" not in rows


def test_compare_chinese_names(run):
    result = run("compare", "2023", "2025", "--only", "changed", "--lang", "zh", "--format", "csv")
    assert result.exit_code == 0
    assert "智慧社区" in result.stdout


def test_compare_2021_2023_progress_reporting_raised_from_4_to_6(run):
    rows = rows_by_indicator(run("compare", "2021", "2023", "--format", "json"))
    reporting = rows["progress-reporting-frequency"]
    assert reporting["verdict"] == "raised"
    assert (reporting["before_value"], reporting["before_unit"]) == (1, "每季度")
    assert (reporting["after_value"], reporting["after_unit"]) == (2, "每个月")
    assert (reporting["before_normalized"], reporting["after_normalized"]) == (4, 6)
    assert reporting["normalized_unit"] == "per year"


def test_compare_2018_2025_digital_economy_share(run):
    rows = rows_by_indicator(run("compare", "2018", "2025", "--format", "json"))
    share = rows["digital-economy-gdp-share"]
    assert share["verdict"] == "raised"
    assert (share["before_value"], share["before_comparator"], share["before_year"]) == (
        45,
        "at_least",
        2022,
    )
    assert (share["after_value"], share["after_comparator"], share["after_year"]) == (
        50,
        "more_than",
        2025,
    )
    assert share["change"] == 5
    assert share["per_year_kind"] == "points"
    assert round(share["per_year"], 4) == 1.6667  # 5 points over 3 years


def test_compare_binzhou_by_scope(run):
    result = run("compare", "2023", "2025", "--scope", "binzhou")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no binzhou document from 2025; binzhou has 2023 (2023-binzhou-plan)\n"
    )
    rows = rows_by_indicator(
        run("compare", "2023-work-points", "2023-binzhou-plan", "--format", "json")
    )
    assert rows["morning-star-factories"]["verdict"] == "new"
    assert rows["10g-pon-ports"]["verdict"] == "new"


def test_compare_same_document(run):
    result = run("compare", "2023", "2023-work-points")
    assert result.exit_code == 2
    assert (
        result.stderr == "error: both sides are 2023-work-points; compare two different documents\n"
    )


def test_compare_mirrors(run):
    forward = rows_by_indicator(run("compare", "2023", "2025", "--format", "json"))
    backward = rows_by_indicator(run("compare", "2025", "2023", "--format", "json"))
    mirror = {
        "raised": "lowered",
        "lowered": "raised",
        "new": "dropped",
        "dropped": "new",
        "unchanged": "unchanged",
        "not comparable": "not comparable",
    }
    assert forward.keys() == backward.keys()
    for indicator, row in forward.items():
        assert backward[indicator]["verdict"] == mirror[row["verdict"]]


def test_fail_on_change(run):
    assert run("compare", "2023", "2025", "--fail-on-change", "--format", "json").exit_code == 1
    assert run("compare", "2023", "2025", "--format", "json").exit_code == 0


def test_compare_table_in_the_terminal(run):
    result = run("compare", "2023", "2025", "--only", "changed", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    smart = next(line for line in lines if "Smart communities" in line)
    cells = [cell.strip() for cell in smart.split("│")[1:-1]]
    assert cells == SMART_COMMUNITIES_ROW
    assert lines[-1] == "1 indicator: 1 raised"
