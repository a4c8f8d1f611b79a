import csv
import io
import json
import re

import pytest

# The row every view of `compare 2023 2025` shows for smart communities.
# Its †1 marks the curator's note under the table (the first note of the report).
SMART_COMMUNITIES_ROW = [
    "Smart communities †1",
    "不少于2000个 (2023, cumulative)",
    "不少于5000个 (2025, level)",
    "+3,000 (+150%)",
    "+58.1%/yr",
    "raised",
    "unclear",
    "different target years, no baseline",
]


def texts(reasons):
    return [reason["text"] for reason in reasons]


def compared(run, *args):
    result = run("compare", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def rows_by_indicator(payload):
    return {row["indicator"]: row for row in payload["rows"]}


def test_compare_2023_2025(run):
    payload = compared(run, "2023", "2025")
    rows = rows_by_indicator(payload)
    smart = rows["smart-communities"]
    # 2023's 2000 is due in 2023, 2025's 5000 in 2025: a higher figure two years later,
    # and no baseline to tell whether its pace is faster.
    assert (smart["verdict"], smart["ambition"], smart["reasons"]) == (
        "raised",
        "unclear",
        [{"code": "no-pace", "text": "different target years, no baseline", "signal": 0}],
    )
    assert (smart["before"]["value"], smart["after"]["value"]) == (2000, 5000)
    assert (smart["before"]["measure"], smart["after"]["measure"]) == ("cumulative", "level")
    assert smart["change"]["absolute"] == 3000
    assert smart["change"]["relative"] == 1.5
    assert round(smart["change"]["per_year"], 4) == 0.5811  # (5000 / 2000) ** (1/2) - 1

    stations = rows["5g-base-stations"]
    assert (stations["verdict"], stations["ambition"], stations["after"]) == ("lapsed", None, None)
    assert stations["reasons"] == [
        {
            "code": "lapsed",
            "text": "due 2023, before 2025-work-points (2025)",
            "due": 2023,
            "document": "2025-work-points",
            "year": 2025,
        }
    ]
    assert (stations["before"]["value"], stations["before"]["unit"]) == (20, "万个")
    assert stations["before"]["normalized"] == {"magnitude": 200_000, "unit": ""}

    compute = rows["total-compute"]
    assert (compute["verdict"], compute["before"]) == ("new", None)
    assert compute["after"]["normalized"] == {"magnitude": 12.5, "unit": "EFLOPS"}

    bases = rows["smart-agriculture-bases"]
    assert (bases["verdict"], bases["ambition"]) == ("not comparable", None)
    assert texts(bases["reasons"]) == [
        "different measure: addition (an addition over its period) vs cumulative (a cumulative stock)"
    ]
    assert "dropped" not in json.dumps(payload)
    assert payload["summary"]["verdicts"] == {
        "raised": 1,
        "not comparable": 1,
        "new": 22,
        "lapsed": 43,
        "not restated": 1,
    }
    assert payload["summary"]["ambition"] == {"unclear": 1}
    # 2023's cases of data value and 2025's application scenarios are two series
    cases = rows["data-value-typical-cases"]
    assert (cases["verdict"], cases["after"]) == ("lapsed", None)
    scenarios = rows["data-element-typical-application-scenarios"]
    assert (scenarios["verdict"], scenarios["before"]) == ("new", None)
    # 2023's share of villages reached (通达率) and 2025's deep coverage are two series
    reached = rows["village-5g-coverage-rate"]
    assert (reached["verdict"], reached["after"]) == ("lapsed", None)
    deep = rows["village-5g-deep-coverage"]
    assert (deep["verdict"], deep["before"]) == ("new", None)
    assert payload["summary"]["categories"][0] == {
        "category": "infrastructure",
        "before": 10,
        "after": 8,
    }
    assert (payload["before"]["id"], payload["after"]["id"], payload["swapped"]) == (
        "2023-work-points",
        "2025-work-points",
        False,
    )


def test_compare_counts_every_indicator_once(run, dataset):
    rows = rows_by_indicator(compared(run, "2023", "2025"))
    expected = {
        t.indicator
        for t in dataset.targets
        if t.document in ("2023-work-points", "2025-work-points") and t.kind == "target"
    }
    assert set(rows) == expected
    assert len(rows) == 68


def test_compare_2021_2023_recurring_duties_are_not_restated(run):
    rows = rows_by_indicator(compared(run, "2021", "2023"))
    reporting = rows["progress-reporting-frequency"]
    assert (reporting["verdict"], reporting["ambition"]) == ("raised", "stronger")
    assert (reporting["before"]["value"], reporting["before"]["unit"]) == (1, "每季度")
    assert (reporting["after"]["value"], reporting["after"]["unit"]) == (2, "每个月")
    assert (
        reporting["before"]["normalized"]["magnitude"],
        reporting["after"]["normalized"]["magnitude"],
    ) == (4, 6)
    duties = [
        r
        for r in rows.values()
        if r["before"]
        and r["before"]["measure"] in ("frequency", "rate")
        and r["indicator"] != reporting["indicator"]
    ]
    assert len(duties) == 9
    assert {r["verdict"] for r in duties} == {"not restated"}
    assert {r["due"] for r in duties} == {2025}  # the end of the 2021-2025 scheme
    # 一年全面起势、两年重点突破、五年跨越领先: durations, due in the year they imply
    horizons = {
        r["indicator"]: (r["verdict"], r["due"])
        for r in rows.values()
        if r["before"] and r["before"]["measure"] not in ("frequency", "rate")
    }
    assert horizons == {
        "years-to-full-momentum": ("lapsed", 2022),
        "years-to-key-breakthroughs": ("not restated", 2023),
        "years-to-leading-position": ("not restated", 2026),
    }


def test_compare_2018_2025(run):
    rows = rows_by_indicator(compared(run, "2018", "2025"))
    share = rows["digital-economy-gdp-share"]
    # Higher, three years later, at a slower pace than the 2018 plan's from its 2017
    # baseline (35 %): 15 points in 8 years against 10 in 5.
    assert (share["verdict"], share["ambition"]) == ("raised", "mixed")
    assert texts(share["reasons"]) == [
        "slower pace: +1.88 pp/yr from 2017 to 2025 against +2.00 pp/yr from 2017 to 2022",
        "more than instead of at least",
    ]
    assert share["reasons"][0]["signal"] == -1
    assert (share["before"]["value"], share["before"]["target_year"]) == (45, 2022)
    assert (share["after"]["value"], share["after"]["comparator"]) == (50, "more_than")
    assert share["change"]["per_year_kind"] == "points"
    assert round(share["change"]["per_year"], 4) == 1.6667  # 5 points over 3 years
    only_2018 = [r for r in rows.values() if r["after"] is None]
    assert only_2018 and {r["verdict"] for r in only_2018} == {"lapsed"}
    assert {r["before"]["target_year"] for r in only_2018} == {2020, 2022}


def test_reversed_documents_print_the_same_rows_and_say_so(run):
    forward = run("compare", "2023", "2025")
    backward = run("compare", "2025", "2023")
    assert backward.exit_code == 0
    assert backward.stdout == forward.stdout
    assert forward.stderr == ""
    assert backward.stderr == (
        "note: 2025-work-points is the later document; comparing 2023-work-points → "
        "2025-work-points\n"
    )
    payload = compared(run, "2025", "2023")
    assert payload["swapped"] is True
    assert payload["rows"] == compared(run, "2023", "2025")["rows"]


def test_a_city_beside_its_province(run):
    payload = compared(run, "2023-binzhou-plan", "2025-work-points")
    assert payload["aligned"] is True
    rows = rows_by_indicator(payload)
    assert rows["morning-star-factories"]["verdict"] == "shared"
    others = {
        (r["verdict"], r["verdict_scope"])
        for name, r in rows.items()
        if name != "morning-star-factories"
    }
    assert others == {("only", "binzhou"), ("only", "shandong")}
    morning = rows["morning-star-factories"]
    # 150 over Binzhou's 2023-2025 plan against the province's 50 in 2025: per year.
    assert (morning["share_of_whole"], morning["share_basis"]) == (1.0, "per year")
    assert morning["before"]["period"] == {"start": 2023, "end": 2025}
    assert morning["after"]["period"] == {"start": 2025, "end": 2025}
    assert all(r["ambition"] is None and r["change"] is None for r in rows.values())
    assert payload["summary"]["verdicts"] == {
        "shared": 1,
        "only binzhou": 11,
        "only shandong": 23,
    }


def test_a_city_table_says_it_is_an_alignment(run):
    result = run("compare", "2023-binzhou-plan", "2025-work-points")
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "binzhou and shandong are different scopes: the rows set their figures side by "
        "side; nothing is raised, lowered, new or lapsed across scopes."
    )
    assert "Only binzhou: 2023-binzhou-plan" in lines
    assert "Only shandong: 2025-work-points" in lines


def test_compare_by_year_in_another_scope(run):
    result = run("compare", "2023", "2025", "--scope", "binzhou")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no binzhou document from 2025; binzhou has 2023 (2023-binzhou-plan)\n"
    )


def test_compare_same_document(run):
    result = run("compare", "2023", "2023-work-points")
    assert result.exit_code == 2
    assert (
        result.stderr == "error: both sides are 2023-work-points; compare two different documents\n"
    )


def test_only_and_category_filter(run):
    rows = rows_by_indicator(compared(run, "2023", "2025", "--only", "changed"))
    assert list(rows) == ["smart-communities"]
    rows = rows_by_indicator(compared(run, "2023", "2025", "--category", "ai"))
    assert {r["category"] for r in rows.values()} == {"ai"}
    assert list(rows) == ["digital-frontier-basic-research-projects"]
    assert rows["digital-frontier-basic-research-projects"]["verdict"] == "new"


def test_lang_zh_translates_names(run):
    english = run("compare", "2023", "2025", "--only", "changed")
    chinese = run("compare", "2023", "2025", "--only", "changed", "--lang", "zh")
    assert "Smart communities" in english.stdout and "智慧社区" not in english.stdout
    row = next(line for line in chinese.stdout.splitlines() if line.startswith("智慧社区"))
    cells = re.split(r" {2,}", row)
    assert cells[:3] == ["智慧社区 †1", "不少于2000个（2023，累计）", "不少于5000个（2025，存量）"]


def test_summary_comes_first(run):
    lines = run("compare", "2023", "2025").stdout.splitlines()
    assert lines[:4] == [
        "2023-work-points → 2025-work-points: Digital Strong Province 2023 Work Points "
        "(2023-06-17) → Digital Strong Province 2025 Work Points (2025-04-07)",
        "68 indicators: 1 raised, 1 not comparable, 22 new, 43 lapsed, 1 not restated",
        "Ambition, where the targets compare: 1 unclear",
        "Indicators per category, 2023-work-points → 2025-work-points: infrastructure 10 → 8, "
        "data 6 → 2, digital-economy 4 → 2, industry 6 → 3, agriculture 2 → 3, services 1 → 0, "
        "government 7 → 2, society 6 → 2, energy 4 → 1, ai 0 → 1",
    ]


def test_piped_table_is_grouped_one_line_per_row(run):
    lines = run("compare", "2023", "2025", "--as-of", "2026-12-06").stdout.splitlines()
    titles = [line for line in lines if line.split(":")[0] in SECTION_NAMES]
    assert titles == [
        "Changes: targets in both documents",
        "New: only in 2025-work-points",
        "Lapsed: only in 2023-work-points, due before 2025",
        "Not restated: only in 2023-work-points, still due in 2025 or later",
    ]
    smart = next(line for line in lines if line.startswith("Smart communities "))
    assert [cell.strip() for cell in smart.split("  ") if cell.strip()] == SMART_COMMUNITIES_ROW
    stations = next(line for line in lines if line.startswith("5G base stations "))
    assert stations.split() == [
        "5G",
        "base",
        "stations",
        "20万个以上",
        "(2023,",
        "cumulative)",
        "2023",
        "met",
    ]
    headers = lines[lines.index("New: only in 2025-work-points") + 1].split()
    assert headers == ["Indicator", "2025-work-points", "Normalized"]  # no empty columns


SECTION_NAMES = {"Changes", "New", "Lapsed", "Not restated"}


def test_markdown_has_a_table_per_section(run, markdown_tables):
    result = run("compare", "2023", "2025", "--format", "markdown", "--as-of", "2026-12-06")
    assert result.exit_code == 0
    changes, new, lapsed, not_restated = markdown_tables(result.stdout)
    assert changes[0] == [
        "Indicator",
        "2023-work-points",
        "2025-work-points",
        "Change",
        "Per year",
        "Verdict",
        "Ambition",
        "Why",
    ]
    assert next(r for r in changes if r[0] == SMART_COMMUNITIES_ROW[0]) == SMART_COMMUNITIES_ROW
    assert (len(new), len(lapsed), len(not_restated)) == (23, 44, 2)
    assert new[0] == ["Indicator", "2025-work-points", "Normalized"]
    assert ["Total compute", "达到12.5E (2025, level, aspirational)", "≥12.5 EFLOPS"] in new
    assert lapsed[0] == ["Indicator", "2023-work-points", "Due", "Status"]
    assert ["5G base stations", "20万个以上 (2023, cumulative)", "2023", "met"] in lapsed


def test_csv_is_one_citable_line_per_indicator(run):
    result = run("compare", "2023", "2025", "--format", "csv")
    # CSV starts with a byte-order mark, on standard output as in a file.
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert len(rows) == 68
    smart = next(r for r in rows if r["indicator"] == "smart-communities")
    assert {k: smart[k] for k in smart if k.startswith("before_")} == {
        "before_document": "2023-work-points",
        "before_value": "2000",
        "before_unit": "个",
        "before_comparator": "at_least",
        "before_measure": "cumulative",
        "before_kind": "target",
        "before_target_year": "2023",
        "before_period_start": "2023",
        "before_period_end": "2023",
        "before_aspirational": "false",
        "before_normalized": "2000",
        "before_normalized_unit": "",
        "before_quote": "全省累计建成不少于2000个智慧社区",
        "before_as_written": "不少于2000个",
        "before_locator": "三、(二) 26",
        "before_note": "",
        "before_secondary": "false",
    }
    assert (smart["verdict"], smart["ambition"], smart["reasons"]) == (
        "raised",
        "unclear",
        "different target years, no baseline",
    )


def test_json_rows_use_the_one_target_record_shape(run, target_record_keys):
    payload = compared(run, "2023", "2025")
    sides = [side for row in payload["rows"] for side in (row["before"], row["after"]) if side]
    assert len(sides) == 70  # 46 rows of 2023 and 24 of 2025
    assert {tuple(side) for side in sides} == {target_record_keys}


@pytest.mark.parametrize("width", ["80", "100", "120"])
def test_a_terminal_table_splits_no_word(run, width):
    result = run(
        "compare", "2023", "2025", env={"COLUMNS": width, "FORCE_TERMINAL": "1", "NO_COLOR": "1"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= int(width)
    text = " ".join(lines)
    for word in ["communities", "cumulative)", "comparable", "unclear", "2023-work-points"]:
        assert word in text.split(), word


def test_fail_on_change(run):
    assert run("compare", "2023", "2025", "--fail-on-change", "--format", "json").exit_code == 1
    assert run("compare", "2023", "2025", "--format", "json").exit_code == 0


def test_lapsed_and_not_restated_rows_carry_the_earlier_targets_status(run):
    result = run("compare", "2023", "2025", "--as-of", "2026-12-06", "--format", "json")
    rows = json.loads(result.stdout)["rows"]
    (stations,) = [r for r in rows if r["indicator"] == "5g-base-stations"]
    assert stations["verdict"] == "lapsed"
    assert stations["status"]["status"] == "met"
    assert stations["status"]["reason"]["code"] == "reached-running-total"
    with_status = {r["verdict"] for r in rows if r["status"] is not None}
    assert with_status == {"lapsed", "not restated"}
    assert all(r["status"] for r in rows if r["verdict"] in ("lapsed", "not restated"))


def test_compare_csv_has_the_status_column(run):
    import csv
    import io

    result = run("compare", "2023", "2025", "--as-of", "2021-01-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    (stations,) = [r for r in rows if r["indicator"] == "5g-base-stations"]
    assert stations["status"] == "not yet due"
    assert {r["status"] for r in rows if r["verdict"] in ("new", "raised")} == {""}


def test_compare_csv_says_why_and_by_which_report(run):
    import csv
    import io

    result = run("compare", "2023", "2025", "--as-of", "2026-12-06", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    (stations,) = [r for r in rows if r["indicator"] == "5g-base-stations"]
    assert {key: stations[key] for key in stations if key.startswith("status")} == {
        "status": "met",
        "status_reason_code": "reached-running-total",
        "status_reason": "the running total as of no later than 2023-12-31, 202,000, already "
        "reaches the target of at least 200,000 for 2023; a running total does not fall, so "
        "the figure at the end of 2023 does too",
        "status_gap": "2000",
        "status_report_value": "20.2",
        "status_report_unit": "万个",
        "status_report_comparator": "exactly",
        "status_report_measure": "cumulative",
        "status_report_as_of": "2023-12-31",
        "status_report_dated": "no later than",
        "status_report_publisher": "智能制造网 (m.gkzhan.com)",
        "status_report_url": "https://m.gkzhan.com/news/detail/166848.html",
        "status_as_of": "2026-12-06",
    }


@pytest.mark.parametrize(
    "args",
    [
        ["--only", "new", "--only", "raised"],
        ["--only", "raised,new"],
        ["--only", "new, raised"],
        ["--only", "raised,new", "--only", "new"],
    ],
)
def test_repeated_and_comma_separated_only_take_the_union(run, args):
    payload = compared(run, "2023", "2025", *args)
    verdicts = [row["verdict"] for row in payload["rows"]]
    assert (verdicts.count("raised"), verdicts.count("new"), len(verdicts)) == (1, 22, 23)
    assert payload["only"] == "raised,new"


def test_repeated_categories_take_the_union(run):
    payload = compared(run, "2023", "2025", "--category", "digital-economy", "--category", "ai")
    categories = {row["category"] for row in payload["rows"]}
    assert categories == {"digital-economy", "ai"}
    both = compared(run, "2023", "2025", "--category", "digital-economy,ai")
    assert both["rows"] == payload["rows"]


def test_a_chinese_category_name_is_a_category(run):
    payload = compared(run, "2023", "2025", "--category", "基础设施")
    assert {row["category"] for row in payload["rows"]} == {"infrastructure"}
    english = compared(run, "2023", "2025", "--category", "infrastructure")
    assert payload["rows"] == english["rows"]


def test_an_unknown_value_in_a_list_is_refused(run):
    result = run("compare", "2023", "2025", "--only", "raised,dropped")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: Invalid value for '--only': 'dropped' is not one of 'changed', 'raised', "
        "'lowered', 'unchanged', 'not-comparable', 'new', 'lapsed', 'not-restated', 'shared', "
        "'unshared'. (see `root compare --help`)\n"
    )


def test_only_completes_after_a_comma():
    from policy_targets.cli.options import _choices_completion
    from policy_targets.comparisons.vocabulary import Selection

    complete = _choices_completion(list(Selection))
    assert complete("raised,n") == ["raised,not-comparable", "raised,new", "raised,not-restated"]
    assert complete("la") == ["lapsed"]
