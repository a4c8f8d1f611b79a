import csv
import io
import json

import pytest
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
    result = run("export", "--format", "json", "--as-of", "2026-12-06")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == len(dataset.targets) == 174
    assert all(REQUIRED <= record.keys() for record in records)
    compute = next(r for r in records if r["indicator"] == "total-compute")
    assert compute == {
        "document": "2025-work-points",
        "document_year": 2025,
        "scope": "shandong",
        "source": "2025-work-points.txt",
        "secondary": False,
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
        "period": {"start": 2025, "end": 2025},
        "aspirational": True,
        "quote": "力争2025年底全省总算力达到12.5E",
        "as_written": "达到12.5E",
        "locator": "七、21",
        "note": None,
        "outcome": {
            "status": "no report",
            "reason": {
                "code": "no-year-end-report",
                "text": "the target of at least 12.5 EFLOPS for 2025 (力争, aspirational, "
                "judged as firm) was due at the end of 2025; no report as of 2025-12-31",
                "target": {
                    "value": 12.5,
                    "unit": "EFLOPS",
                    "comparator": "at_least",
                    "upper": None,
                    "measure": "level",
                    "year": 2025,
                },
                "aspirational": True,
            },
            "report": None,
            "gap": None,
        },
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
    assert len(tables) == len(dataset.documents) + 2
    counts = [len(t) - 1 for t in tables[:-2]]  # minus the header row
    by_document = {}
    for target in dataset.targets:
        by_document[target.document] = by_document.get(target.document, 0) + 1
    ordered = sorted(dataset.documents.values(), key=lambda d: (d.year, d.id))
    assert counts == [by_document[d.id] for d in ordered]
    matrix, reported = tables[-2:]
    assert matrix[0][:2] == ["Indicator", "Scope"]
    assert len(reported) - 1 == len(dataset.reported)
    assert reported[0] == [
        "Indicator",
        "Scope",
        "Figure reported",
        "Measure",
        "Settles a status",
        "Quote",
        "Publisher",
        "Address",
    ]
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
    assert book.sheetnames == [d.id[:31] for d in ordered] + [
        "Indicators by year",
        "Reported figures",
        "Records",
    ]
    sheet = book["2021-implementation-scheme"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Indicator", "Kind", "Year", "Value", "Unit", "As written")
    assert len(rows) - 1 == 13
    written = {r[5] for r in rows[1:]}
    assert {"每季度", "每月", "每年", "不少于40学时"} <= written


def test_export_xlsx_stores_numbers_and_years_as_numbers(run, tmp_path):
    target = tmp_path / "all.xlsx"
    assert run("export", "--output", str(target)).exit_code == 0  # xlsx from the extension
    book = load_workbook(target)
    rows = list(book["2023-work-points"].iter_rows(values_only=True))
    headers = rows[0]
    records = [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    stations = next(r for r in records if r["Indicator"] == "5G base stations")
    assert (stations["Year"], stations["Value"], stations["Unit"]) == (2023, 20, "万个")
    assert (stations["As written"], stations["Normalized"]) == ("20万个以上", 200000)
    assert (stations["Comparator"], stations["Normalized unit"]) == ("at_least", None)
    later = list(book["2025-work-points"].iter_rows(values_only=True))
    compute = next(dict(zip(headers, r, strict=True)) for r in later if r[0] == "Total compute")
    assert (compute["Value"], compute["Normalized"], compute["Normalized unit"]) == (
        12.5,
        12.5,
        "EFLOPS",
    )
    cells = book["2023-work-points"]["C2"], book["2023-work-points"]["D2"]
    assert [cell.data_type for cell in cells] == ["n", "n"]  # numbers, which sort and sum
    matrix = list(book["Indicators by year"].iter_rows(values_only=True))
    assert matrix[0][:3] == ("Indicator", "Scope", 2017)


def test_xlsx_data_sheet_has_the_records_with_numbers(run, tmp_path, dataset):
    target = tmp_path / "all.xlsx"
    assert run("export", "--output", str(target)).exit_code == 0
    rows = list(load_workbook(target)["Records"].iter_rows(values_only=True))
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == len(dataset.targets)
    compute = next(r for r in records if r["indicator"] == "total-compute")
    assert (compute["value"], compute["target_year"], compute["aspirational"]) == (12.5, 2025, True)
    assert (compute["normalized"], compute["normalized_unit"]) == (12.5, "EFLOPS")


def test_compare_xlsx_has_typed_records(run, tmp_path):
    target = tmp_path / "changes.xlsx"
    assert run("compare", "2023", "2025", "--output", str(target)).exit_code == 0
    rows = list(load_workbook(target)["Records"].iter_rows(values_only=True))
    headers = rows[0]
    assert "indicator" in headers
    smart = next(dict(zip(headers, r, strict=True)) for r in rows[1:] if "smart-communities" in r)
    keys = ["before_value", "before_target_year", "after_value", "after_target_year"]
    assert [smart[k] for k in keys] == [2000, 2023, 5000, 2025]
    assert smart["change_absolute"] == 3000


def test_xlsx_never_stores_data_as_a_formula(run, tmp_path, data_copy):
    path = data_copy / "2021-implementation-scheme.yaml"
    text = path.read_text("utf-8")
    first = text.index("    locator:", text.index("  - indicator: action-plan-frequency"))
    path.write_text(text[:first] + "    note: '=1+1'\n" + text[first:], "utf-8")
    target = tmp_path / "all.xlsx"
    result = run("--data", str(data_copy), "export", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(target)["Records"]
    notes = [row for row in sheet.iter_rows() if any(c.value == "=1+1" for c in row)]
    (row,) = notes
    cell = next(c for c in row if c.value == "=1+1")
    assert cell.data_type == "s"


def test_csv_bytes_are_the_same_on_standard_output_and_in_a_file(run, tmp_path):
    target = tmp_path / "all.csv"
    assert run("export", "--output", str(target)).exit_code == 0  # csv from the extension
    piped = run("export", "--format", "csv")
    assert piped.exit_code == 0
    assert piped.stdout_bytes == target.read_bytes()
    assert piped.stdout_bytes.startswith(b"\xef\xbb\xbfdocument,document_year,")
    assert b"\r\n" in piped.stdout_bytes


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda raw: json.loads(raw)[0]["document"] == "2018-digital-shandong-plan"),
        ("out.md", lambda raw: raw.startswith(b"## 2018-digital-shandong-plan\n")),
        ("out.csv", lambda raw: raw.startswith(b"\xef\xbb\xbfdocument,")),
        ("out.xlsx", lambda raw: raw.startswith(b"PK")),
        ("out.db", lambda raw: raw.startswith(b"SQLite format 3\x00")),
        ("out.txt", lambda raw: raw.startswith(b"2018-digital-shandong-plan\nIndicator  ")),
    ],
)
def test_the_output_extension_chooses_the_format(run, tmp_path, name, check):
    target = tmp_path / name
    result = run("export", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert check(target.read_bytes())


def test_the_extension_chooses_the_format_of_other_commands_too(run, tmp_path, markdown_tables):
    target = tmp_path / "changes.md"
    assert run("compare", "2023", "2025", "-o", str(target)).exit_code == 0
    table = markdown_tables(target.read_text("utf-8"))[0]
    assert table[0][:3] == ["Indicator", "2023-work-points", "2025-work-points"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "--format", "csv", "--output", "out.xlsx"],
            "--format csv contradicts the extension of out.xlsx (xlsx); "
            "drop --format, or name the file out.csv",
        ),
        (
            ["compare", "2023", "2025", "-f", "json", "-o", "out.md"],
            "--format json contradicts the extension of out.md (markdown); "
            "drop --format, or name the file out.json",
        ),
        (
            ["compare", "2023", "2025", "-o", "out.db"],
            "out.db names a sqlite file, which only `policy export` writes; "
            "give another --output name",
        ),
        (
            ["export", "--format", "datapackage", "--output", "pkg.json"],
            "--format datapackage writes a directory; give --output a name without the "
            ".json extension, e.g. pkg",
        ),
    ],
)
def test_a_format_that_contradicts_the_extension_is_an_error(
    run, tmp_path, monkeypatch, args, message
):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"


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
    assert sum(len(t) - 1 for t in markdown_tables(result.stdout)) == 24


def test_indicators_lists_appearances(run):
    result = run("indicators", "--search", "智慧社區", "--format", "json")
    assert result.exit_code == 0
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert sorted(records) == ["smart-communities", "smart-community-coverage-rate"]
    assert records["smart-community-coverage-rate"]["appears_in"] == [
        {"document": "2023-binzhou-plan", "target_year": 2025}
    ]
    record = records["smart-communities"]
    assert record["appears_in"] == [
        {"document": "2023-work-points", "target_year": 2023},
        {"document": "2025-work-points", "target_year": 2025},
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
    assert all("outcome" in record for record in exported)  # export adds each status
    targets = {
        "export": [{k: v for k, v in r.items() if k != "outcome"} for r in exported],
        "show": shown,
        "trajectory": [
            {k: v for k, v in p.items() if k not in ("step", "status")}
            for p in path["points"]
            if p["kind"] != "reported"
        ],
        "compare": [row["after"] for row in compared["rows"] if row["after"]],
    }
    assert {name: len(records) for name, records in targets.items()} == {
        "export": 174,
        "show": 24,
        "trajectory": 2,
        "compare": 24,
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
