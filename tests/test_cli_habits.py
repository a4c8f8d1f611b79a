"""The habits of a good CLI: -h, shell completion, a documents listing, one-line errors
for global options, and piped output one line per row."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

POLICY = Path(sys.executable).with_name("policy")
COMMANDS = ["compare", "trajectory", "indicators", "documents", "show", "export", "validate"]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS), ["schema"]])
def test_dash_h_is_help_everywhere(run, command):
    result = run(*command, "-h")
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert usage.startswith(" ".join(["Usage: root", *command]).strip())
    assert "-h, --help" in result.stdout


def complete(words: str, cache: Path) -> list[str]:
    """What bash completion offers for the last of `words` (Click's completion protocol)."""
    env = {
        **os.environ,
        "_POLICY_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "POLICY_CACHE_DIR": str(cache),
    }
    result = subprocess.run([str(POLICY)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_completion_of_indicator_ids(tmp_path):
    assert complete("policy trajectory smart-comm", tmp_path) == [
        "smart-communities",
        "smart-community-coverage-rate",
    ]


def test_completion_of_document_ids_and_years(tmp_path, dataset):
    assert complete("policy show 2023", tmp_path) == [
        "2023-binzhou-plan",
        "2023-work-points",
        "2023",
    ]
    assert complete("policy compare 2023 2025-", tmp_path) == ["2025-work-points"]


def test_completion_of_scopes(tmp_path):
    assert complete("policy trajectory total-compute --scope sh", tmp_path) == [
        "shandong",
        "shanghai",
    ]


def test_completion_with_broken_data_offers_nothing(tmp_path):
    broken = tmp_path / "data"
    broken.mkdir()
    (broken / "indicators.yaml").write_text("indicators: [", "utf-8")
    assert complete(f"policy --data {broken} trajectory smart", tmp_path) == []


def test_completion_script_for_bash():
    result = subprocess.run(
        [str(POLICY), "--show-completion", "bash"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "_POLICY_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _policy_completion policy" in result.stdout


def test_documents_lists_every_document_with_secondary_sources_flagged(run, dataset):
    result = run("documents", "--format", "json")
    assert result.exit_code == 0
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert sorted(records) == sorted(dataset.documents)
    assert {k: v["rows"] for k, v in records.items()} == {
        d: sum(t.document == d for t in dataset.targets) for d in dataset.documents
    }
    assert records["2021-implementation-scheme"]["rows"] == 13
    assert [k for k, v in records.items() if v["secondary"]] == ["2023-binzhou-plan"]
    binzhou = records["2023-binzhou-plan"]
    assert (binzhou["year"], binzhou["scope"], binzhou["kind"]) == (2023, "binzhou", "news-report")
    assert binzhou["source"] == "2023-binzhou-plan-news.txt"
    assert binzhou["period"] == {"start": 2023, "end": 2025}


def test_documents_csv_reads_back(run, dataset):
    import csv
    import io

    result = run("documents", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    binzhou = next(r for r in rows if r["id"] == "2023-binzhou-plan")
    assert (binzhou["period_start"], binzhou["period_end"]) == ("2023", "2025")
    assert binzhou["rows"] == str(len(dataset.targets_of("2023-binzhou-plan")))
    assert [r["id"] for r in rows if r["secondary"] == "true"] == ["2023-binzhou-plan"]


def test_documents_table_marks_the_news_report(run):
    result = run("documents")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Documents"
    assert lines[1].split() == [
        "Id",
        "Year",
        "Scope",
        "Kind",
        "Title",
        "Published",
        "Source",
        "Rows",
    ]
    binzhou = next(line for line in lines if line.startswith("2023-binzhou-plan "))
    assert "news-report (secondary source)" in binzhou
    assert lines[-2:] == [
        "5 documents",
        "2023-binzhou-plan: secondary source: these figures come from a news report about "
        "the document, not from the document itself",
    ]


def test_show_marks_a_secondary_source(run):
    result = run("show", "2023-binzhou-plan")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "滨州市数字强市建设规划(2023-2025年) — Binzhou Digital Strong City Plan 2023-2025 "
        "(2023-binzhou-plan); Binzhou Municipal People's Government, 2023-07-24",
        "secondary source: these figures come from a news report about the document, "
        "not from the document itself",
    ]
    assert "secondary source" not in run("show", "2025").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--dat", "x", "compare", "2023", "2025"],
            "No such option: --dat (Possible options: --data)",
        ),
        (["--data"], "Option '--data' requires an argument."),
        (["--no-cach", "documents"], "No such option: --no-cach (Possible options: --no-cache)"),
    ],
)
def test_a_global_option_mistake_is_one_line(args, message):
    result = subprocess.run([str(POLICY), *args], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {message} (see `policy --help`)\n"


@pytest.mark.parametrize(
    ("args", "rows"),
    [
        (["documents"], 5),
        (["indicators", "--category", "energy"], 5),
        (["show", "2021"], 13),
        (["trajectory", "smart-communities"], 2),
    ],
)
def test_piped_output_is_one_line_per_row_without_decorations(tmp_path, args, rows):
    env = {**os.environ, "POLICY_CACHE_DIR": str(tmp_path), "COLUMNS": "40"}
    env.pop("FORCE_TERMINAL", None)
    result = subprocess.run([str(POLICY), *args], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not any(set(line) & set("│┃━─┏┗█▁▂▃▄▅▆▇") for line in lines)  # no borders, bars
    header = next(i for i, line in enumerate(lines) if line.startswith(("Id", "Indicator", "Year")))
    body = [line for line in lines[header + 1 :] if line and line[0] != " "]
    assert len(body) >= rows


def test_compare_marks_a_secondary_source(run):
    result = run("compare", "2023-work-points", "2023-binzhou-plan", "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2].rstrip() == (
        "2023-binzhou-plan: secondary source: these figures come from a news report about "
        "the document, not from the document itself"
    )
    assert "secondary source" not in run("compare", "2023", "2025").stdout


def test_a_bad_global_option_value_is_one_line(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a directory")
    result = subprocess.run(
        [str(POLICY), "--data", str(a_file), "documents"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"error: Invalid value for '--data' (env var: 'POLICY_DATA'): Directory '{a_file}' "
        "is a file. (see `policy --help`)\n"
    )
