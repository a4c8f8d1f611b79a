import csv
import io
import json

from openpyxl import load_workbook

REQUIRED = {
    "document",
    "document_year",
    "scope",
    "source",
    "indicator",
    "name_en",
    "name_zh",
    "value",
    "unit",
    "normalized",
    "comparator",
    "measure",
    "kind",
    "target_year",
    "quote",
    "locator",
}


def test_export_json_has_every_target(run, dataset):
    result = run("export", "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == len(dataset.targets) == 161
    assert all(REQUIRED <= record.keys() for record in records)
    compute = next(r for r in records if r["indicator"] == "total-compute")
    assert compute == {
        "document": "2025-work-points",
        "document_year": 2025,
        "scope": "shandong",
        "source": "2025-work-points.txt",
        "indicator": "total-compute",
        "name_en": "Total compute",
        "name_zh": "算力总规模",
        "category": "infrastructure",
        "value": 12.5,
        "upper": None,
        "unit": "E",
        "normalized": {"magnitude": 12.5, "unit": "EFLOPS"},
        "comparator": "at_least",
        "measure": "level",
        "kind": "target",
        "target_year": 2025,
        "aspirational": True,
        "quote": "力争2025年底全省总算力达到12.5E",
        "locator": "七、21",
        "note": None,
    }
    storage = next(r for r in records if r["indicator"] == "new-energy-storage-capacity")
    assert (storage["value"], storage["unit"], storage["normalized"]) == (
        200,
        "万千瓦",
        {"magnitude": 2, "unit": "GW"},
    )


def test_export_csv_reads_back(run, tmp_path, dataset):
    target = tmp_path / "all.csv"
    assert run("export", "--format", "csv", "--output", str(target)).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so spreadsheets read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(dataset.targets)
    first = {
        (r["document"], r["indicator"], r["target_year"], r["kind"], r["scope"]): r for r in rows
    }
    row = first[("2023-work-points", "5g-base-stations", "2023", "target", "shandong")]
    assert (row["value"], row["unit"], row["normalized"], row["normalized_unit"]) == (
        "20",
        "万个",
        "200000",
        "",
    )
    assert row["quote"] == "累计开通5G基站20万个以上"


def test_export_markdown_has_a_table_per_document_and_a_matrix(run, dataset, markdown_tables):
    result = run("export", "--format", "markdown")
    assert result.exit_code == 0
    tables = markdown_tables(result.stdout)
    assert len(tables) == len(dataset.documents) + 1
    counts = [len(t) - 1 for t in tables[:-1]]  # minus the header row
    by_document = {}
    for target in dataset.targets:
        by_document[target.document] = by_document.get(target.document, 0) + 1
    ordered = sorted(dataset.documents.values(), key=lambda d: (d.year, d.id))
    assert counts == [by_document[d.id] for d in ordered]
    matrix = tables[-1]
    assert matrix[0][:2] == ["Indicator", "Scope"]
    years = matrix[0][2:]
    share = next(r for r in matrix if r[0] == "Digital economy share of GDP" and r[1] == "shandong")
    assert share[2 + years.index("2017")] == "=35% (baseline)"
    assert share[2 + years.index("2022")] == "≥45%"
    assert share[2 + years.index("2025")] == ">50%"


def test_export_xlsx_has_a_sheet_per_document(run, tmp_path, dataset):
    target = tmp_path / "all.xlsx"
    assert run("export", "--format", "xlsx", "--output", str(target)).exit_code == 0
    book = load_workbook(target)
    ordered = sorted(dataset.documents.values(), key=lambda d: (d.year, d.id))
    assert book.sheetnames == [d.id[:31] for d in ordered] + ["Indicators by year"]
    sheet = book["2021-implementation-scheme"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Indicator", "Kind", "Year", "As written")
    assert len(rows) - 1 == 10
    written = {r[3] for r in rows[1:]}
    assert {"每季度", "每月", "每年", "≥40学时"} <= written


def test_xlsx_needs_an_output_file(run):
    result = run("export", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: xlsx is a binary format; give a file with --output report.xlsx\n"
    )


def test_show_groups_by_category(run, markdown_tables):
    result = run("show", "2025", "--format", "markdown")
    assert result.exit_code == 0
    titles = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert titles == [
        "## 2025-work-points · infrastructure",
        "## 2025-work-points · data",
        "## 2025-work-points · digital-economy",
        "## 2025-work-points · industry",
        "## 2025-work-points · agriculture",
        "## 2025-work-points · government",
        "## 2025-work-points · society",
        "## 2025-work-points · energy",
        "## 2025-work-points · ai",
    ]
    assert sum(len(t) - 1 for t in markdown_tables(result.stdout)) == 19


def test_indicators_lists_appearances(run):
    result = run("indicators", "--search", "智慧社區", "--format", "json")
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["id"] == "smart-communities"
    assert record["appears_in"] == [
        {"document": "2023-work-points", "year": 2023},
        {"document": "2025-work-points", "year": 2025},
    ]


def test_indicators_by_category(run, dataset):
    result = run("indicators", "--category", "energy", "--format", "json")
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert ids == sorted(i.id for i in dataset.indicators.values() if i.category == "energy")
    assert ids


def test_data_option_and_environment_point_at_another_directory(run, data_copy):
    (data_copy / "2021-implementation-scheme.yaml").unlink()
    result = run("--data", str(data_copy), "compare", "2021", "2023")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no shandong document from 2021; shandong has 2018")
    result = run("compare", "2021", "2023", env={"POLICY_DATA": str(data_copy)})
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no shandong document from 2021")


def test_every_command_uses_the_one_target_record_shape(run, target_record_keys):
    exported = json.loads(run("export", "--format", "json").stdout)
    shown = json.loads(run("show", "2025", "--format", "json").stdout)
    path = json.loads(run("trajectory", "smart-communities", "--format", "json").stdout)
    compared = json.loads(run("compare", "2023", "2025", "--format", "json").stdout)
    targets = {
        "export": exported,
        "show": shown,
        "trajectory": [{k: v for k, v in p.items() if k != "step"} for p in path["points"]],
        "compare": [row["after"] for row in compared["rows"] if row["after"]],
    }
    assert {name: len(records) for name, records in targets.items()} == {
        "export": 161,
        "show": 19,
        "trajectory": 2,
        "compare": 19,
    }
    for records in targets.values():
        assert {tuple(record) for record in records} == {target_record_keys}


def test_show_in_chinese_and_an_unknown_language(run):
    chinese = run("show", "2025", "--lang", "zh")
    assert "智慧社区" in chinese.stdout and "Smart communities" not in chinese.stdout
    refused = run("show", "2025", "--lang", "fr")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == (
        "error: Invalid value for '--lang': 'fr' is not one of 'en', 'zh'. "
        "(see `root show --help`)\n"
    )
