"""`policy progress`: every target with its status, report and gap, on the real data
(the reported figures of targets/reported.yaml) and on a dataset built for one case."""

import csv
import io
import json
from types import SimpleNamespace

import pytest

from policy_targets.cli.progress import reason_text
from policy_targets.comparisons.vocabulary import OutcomeCode

AS_OF = "2026-12-06"  # a fixed day: the statuses depend on it


def progress(run, *args):
    result = run("progress", *args, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def by_indicator(payload, indicator):
    (row,) = [r for r in payload["targets"] if r["indicator"] == indicator]
    return row


def test_progress_of_2023_lists_every_target_with_its_status(run):
    payload = progress(run, "2023")
    assert payload["documents"] == ["2023-work-points"]
    assert len(payload["targets"]) == 46
    assert payload["summary"] == {"met": 1, "no report": 44, "not yet due": 1}


def test_the_2023_5g_target_is_met_by_the_running_total_reported_within_2023(run):
    row = by_indicator(progress(run, "2023"), "5g-base-stations")
    assert row["outcome"]["status"] == "met"
    assert row["outcome"]["reason"]["code"] == "reached-running-total"
    assert row["outcome"]["reason"]["text"] == (
        "the running total as of no later than 2023-12-31, 202,000, already reaches the "
        "target of at least 200,000 for 2023; a running total does not fall, so the figure at "
        "the end of 2023 does too"
    )
    assert (row["outcome"]["reason"]["dated"], row["outcome"]["gap"]) == ("no later than", 2000)
    assert row["report"]["value"] == 20.2  # the report that decided it, not 24.2万 of 2024
    assert row["report"]["source"]["url"] == "https://m.gkzhan.com/news/detail/166848.html"


def test_an_unsettled_target_shows_the_latest_report_without_a_gap(run):
    row = by_indicator(progress(run, "2023"), "village-5g-coverage-rate")
    assert (row["outcome"]["status"], row["outcome"]["gap"]) == ("no report", None)
    assert (row["report"]["value"], row["report"]["as_of"]) == (95, "2024-06-24")
    assert row["report"]["dated"] == "no later than"


def test_the_2025_digital_economy_share_is_not_met_and_says_why(run):
    row = by_indicator(progress(run, "2025"), "digital-economy-gdp-share")
    assert row["outcome"]["status"] == "no report"
    assert row["outcome"]["reason"]["aspirational"] is True
    assert "力争" in row["outcome"]["reason"]["text"]


def test_as_of_before_any_report_leaves_every_report_out(run):
    payload = json.loads(
        run("progress", "2023", "--as-of", "2021-01-01", "--format", "json").stdout
    )
    assert payload["summary"] == {"not yet due": 46}
    assert all(row["report"] is None for row in payload["targets"])


def test_the_terminal_form_shows_the_summary_per_status(run):
    result = run("progress", "2023", "--as-of", AS_OF)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "46 targets: 1 met, 44 no report, 1 not yet due"
    assert lines[2] == "Progress of 2023-work-points, as of 2026-12-06"


def test_the_summary_in_chinese(run):
    result = run("--lang", "zh", "progress", "2023", "--as-of", AS_OF)
    assert result.stdout.splitlines()[0] == "46项目标：已实现1，暂无数据44，未到期1"


def test_only_takes_a_status_with_a_hyphen(run):
    payload = progress(run, "2023", "--only", "not-yet-due")
    assert [r["indicator"] for r in payload["targets"]] == ["years-to-national-forefront"]
    assert payload["summary"] == {"met": 1, "no report": 44, "not yet due": 1}  # of every target


def test_only_refuses_what_is_no_status(run):
    result = run("progress", "--only", "done")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --only 'done' is no status; use one of met-early, met, not-met, on-track, "
        "behind, no-report, unsettled, not-yet-due\n"
    )


def test_as_of_refuses_what_is_no_date(run):
    result = run("progress", "--as-of", "2024-02-30")
    assert result.exit_code == 2
    assert result.stderr == "error: --as-of '2024-02-30' is not a date; write YYYY-MM-DD\n"


def test_category_keeps_its_targets(run):
    payload = progress(run, "2023", "--category", "energy")
    assert {r["category"] for r in payload["targets"]} == {"energy"}
    assert len(payload["targets"]) == 4


def test_csv_has_the_status_and_the_report_beside_the_target(run):
    result = run("progress", "2025", "--as-of", AS_OF, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    (row,) = [r for r in rows if r["indicator"] == "intelligent-compute-share"]
    assert (
        row["status"],
        row["status_reason_code"],
        row["status_report_value"],
        row["status_report_as_of"],
    ) == ("no report", "no-year-end-report", "30", "2024-12-31")
    assert row["status_report_url"] == "http://anqing.hnxfqy.com/news/tQpwhL318182.html"


def test_every_table_gives_a_status_in_the_same_columns(run):
    from policy_targets.comparisons.columns import STATUS_COLUMNS

    names = [column.name for column in STATUS_COLUMNS]
    for args in (["progress", "2023"], ["compare", "2023", "2025"], ["export"]):
        result = run(*args, "--as-of", AS_OF, "--format", "csv")
        header = next(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
        assert [name for name in header if name.startswith("status")] == names, args


def test_a_met_target_on_a_built_dataset(run, data_copy):
    (data_copy / "reported.yaml").write_text(
        "reported:\n"
        "  - indicator: 5g-base-stations\n"
        "    scope: shandong\n"
        "    value: 20.2\n"
        "    unit: 万个\n"
        "    comparator: exactly\n"
        "    measure: cumulative\n"
        '    as_of: "2023-12-31"\n'
        "    quote: 截至2023年底累计开通5G基站20.2万个\n"
        "    source:\n"
        "      publisher: a publisher\n"
        "      title: a title\n"
        '      published: "2024-01-31"\n'
        "      url: https://example.org/5g\n"
        "      secondary: false\n",
        "utf-8",
    )
    result = run("--data", str(data_copy), "progress", "2023", "--as-of", AS_OF, "-f", "json")
    row = by_indicator(json.loads(result.stdout), "5g-base-stations")
    assert row["outcome"]["status"] == "met"
    assert row["outcome"]["gap"] == 2000


@pytest.mark.parametrize("code", list(OutcomeCode))
def test_every_outcome_code_has_chinese_words(code):
    params = {
        "target": {"value": 200, "unit": "", "comparator": "at_least", "year": 2025},
        "aspirational": False,
        "as_of": "2025-06-30",
        "dated": "stated",
        "figure": {"value": 190, "unit": "", "comparator": "exactly"},
        "since": "2024-12-31",
        "projected": 210,
    }
    found = SimpleNamespace(code=code, params=params, text="English words")
    assert reason_text(found, "en") == "English words"
    words = reason_text(found, "zh")
    assert words != "English words" and "2025年目标" in words


def test_a_running_total_no_later_than_a_day_in_chinese():
    params = {
        "target": {"value": 200000, "unit": "", "comparator": "at_least", "year": 2023},
        "aspirational": False,
        "as_of": "2023-12-31",
        "dated": "no later than",
        "figure": {"value": 202000, "unit": "", "comparator": "exactly"},
    }
    found = SimpleNamespace(code=OutcomeCode.reached_running_total, params=params, text="")
    assert reason_text(found, "zh") == (
        "不晚于2023-12-31的累计数（=202,000）已达到2023年目标（≥200,000）；累计数不会减少，2023年末亦然"
    )


def test_a_due_target_without_a_year_end_report_names_the_latest_in_chinese(run):
    result = run("--lang", "zh", "progress", "2023", "--as-of", AS_OF, "--format", "markdown")
    (row,) = [
        line for line in result.stdout.splitlines() if line.startswith("| 行政村5G网络通达率")
    ]
    assert row.split(" | ")[-1] == (
        "2023年目标（≥70%）已于2023年末到期，尚无截至2023-12-31的报告（最新为不晚于2024-06-24的=95%） |"
    )


def test_the_xlsx_sheet_has_a_whole_name(run, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "progress.xlsx"
    assert run("progress", "--as-of", AS_OF, "-o", str(path)).exit_code == 0
    assert load_workbook(path, read_only=True).sheetnames[:2] == ["Summary", "Progress"]


def test_the_html_page_is_in_the_language_asked_for(run, tmp_path):
    path = tmp_path / "p.html"
    assert run("--lang", "zh", "progress", "2023", "--as-of", AS_OF, "-o", str(path)).exit_code == 0
    text = path.read_text("utf-8")
    assert '<html lang="zh-CN">' in text and "由 policy-targets" in text
    assert "Made on" not in text


@pytest.mark.parametrize(
    ("target_measure", "report_measure", "value", "gap"),
    [("level", "cumulative", 340, "≤-10"), ("cumulative", "level", 360, "≥+10")],
)
def test_a_gap_beside_the_other_stock_measure_is_a_bound(
    build, target_measure, report_measure, value, gap
):
    from datetime import date

    from policy_targets.cli.progress import gap_text
    from policy_targets.comparisons.outcomes import status

    target = build.target(value=350, year=2023, measure=target_measure)
    report = build.reported(value, measure=report_measure)
    result = status(target, build.indicator(), [report], date(2026, 12, 6))
    assert gap_text(result, target, "en") == gap


def test_a_pace_in_chinese_gives_its_yearly_change_in_points():
    params = {
        "target": {"value": 33, "unit": "%", "comparator": "at_least", "year": 2025},
        "aspirational": False,
        "as_of": "2024-12-31",
        "dated": "stated",
        "figure": {"value": 30, "unit": "%", "comparator": "exactly", "measure": "share"},
        "since": "2023-12-31",
        "projected": 33.3,
        "per_year": 3.3,
    }
    found = SimpleNamespace(code=OutcomeCode.pace_reaches, params=params, text="")
    assert reason_text(found, "zh") == (
        "按2023-12-31至2024-12-31的进度（每年+3.3个百分点），2025年末可达33.3%，"
        "可实现2025年目标（≥33%）"
    )
