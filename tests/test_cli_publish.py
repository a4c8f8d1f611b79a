"""`policy export --format datapackage|sqlite`: the dataset for tools other than ours."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def frictionless_validate(descriptor: Path) -> dict:
    """The report of the `frictionless validate` command, as JSON."""
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def package_dir(run, tmp_path) -> Path:
    directory = tmp_path / "package"
    result = run(
        "export", "--format", "datapackage", "--output", str(directory), "--as-of", "2026-12-06"
    )
    assert result.exit_code == 0, result.stderr
    return directory


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # a data package's CSV is plain UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def test_datapackage_passes_frictionless_validate(package_dir, dataset):
    assert sorted(p.name for p in package_dir.iterdir()) == [
        "datapackage.json",
        "documents.csv",
        "indicators.csv",
        "reported.csv",
        "targets.csv",
    ]
    report = frictionless_validate(package_dir / "datapackage.json")
    assert report["valid"] is True, report
    rows = {task["name"]: task["stats"]["rows"] for task in report["tasks"]}
    assert rows == {
        "documents": len(dataset.documents),
        "indicators": len(dataset.indicators),
        "targets": len(dataset.targets),
        "reported": len(dataset.reported),
    }


def test_frictionless_finds_a_broken_foreign_key(package_dir):
    """The check above can fail: a target of an unknown indicator is reported."""
    path = package_dir / "targets.csv"
    text = path.read_text("utf-8")
    path.write_text(text.replace(",total-compute,", ",no-such-indicator,", 1), "utf-8")
    report = frictionless_validate(package_dir / "datapackage.json")
    assert report["valid"] is False
    errors = [e for task in report["tasks"] for e in task["errors"]]
    assert [e["type"] for e in errors] == ["foreign-key"]
    assert "no-such-indicator" in errors[0]["note"]


def test_datapackage_descriptor(package_dir, dataset):
    descriptor = json.loads((package_dir / "datapackage.json").read_text("utf-8"))
    assert descriptor["name"] == "policy-targets"
    assert descriptor["version"] == "0.1.0"
    assert descriptor["licenses"] == [
        {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}
    ]
    sources = {s["description"].split()[1].rstrip(";"): s for s in descriptor["sources"]}
    assert sorted(sources) == sorted(dataset.documents)
    assert sources["2023-work-points"] == {
        "title": "数字强省建设2023年工作要点 — Digital Strong Province 2023 Work Points; "
        "General Office of the Shandong Provincial Government, 2023-06-17",
        "description": "Document 2023-work-points; quotes checked against the source text "
        "2023-work-points.txt.",
    }
    assert sources["2023-binzhou-plan"]["description"].endswith(
        "2023-binzhou-plan-news.txt (a news report about the document)."
    )
    assert sources["2018-digital-shandong-plan"]["title"].endswith(
        "Shandong Provincial People's Government, 2018, date not given"
    )
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert [r["path"] for r in descriptor["resources"]] == [
        "documents.csv",
        "indicators.csv",
        "targets.csv",
        "reported.csv",
    ]
    schema = resources["targets"]["schema"]
    fields = {f["name"]: f for f in schema["fields"]}
    assert schema["primaryKey"] == [
        "document",
        "indicator",
        "scope",
        "kind",
        "target_year",
        "measure",
    ]
    assert schema["foreignKeys"] == [
        {"fields": "document", "reference": {"resource": "documents", "fields": "id"}},
        {"fields": "indicator", "reference": {"resource": "indicators", "fields": "id"}},
    ]
    assert (fields["value"]["type"], fields["target_year"]["type"]) == ("number", "integer")
    assert fields["aspirational"]["type"] == "boolean"
    assert fields["measure"]["constraints"]["enum"] == [
        "level",
        "cumulative",
        "addition",
        "share",
        "rate",
        "frequency",
    ]
    assert "unit" in fields["value"]["description"]
    assert "万个" in fields["unit"]["description"]
    assert "EFLOPS" in fields["normalized"]["description"]
    # The CSV header is the schema's field list, in order.
    with (package_dir / "targets.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == [f["name"] for f in schema["fields"]]


def test_datapackage_rows_read_back(package_dir):
    documents = {r["id"]: r for r in read_csv(package_dir / "documents.csv")}
    assert documents["2023-binzhou-plan"]["secondary"] == "true"
    assert documents["2023-work-points"]["secondary"] == "false"
    assert documents["2018-digital-shandong-plan"]["published"] == ""
    indicators = {r["id"]: r for r in read_csv(package_dir / "indicators.csv")}
    assert json.loads(indicators["total-compute"]["aliases"]) == [
        "总算力",
        "compute",
        "computing power",
    ]
    targets = read_csv(package_dir / "targets.csv")
    compute = next(r for r in targets if r["indicator"] == "total-compute")
    assert (compute["value"], compute["unit"], compute["normalized"]) == ("12.5", "E", "12.5")
    assert (compute["normalized_unit"], compute["aspirational"]) == ("EFLOPS", "true")
    ranges = [r for r in targets if r["upper"]]
    assert [(r["indicator"], r["value"], r["upper"], r["comparator"]) for r in ranges] == [
        ("international-competitive-industrial-internet-platforms", "2", "3", "between")
    ]
    assert {r["upper"] for r in targets if r["comparator"] != "between"} == {""}


def test_datapackage_keeps_existing_files_without_force(run, package_dir):
    (package_dir / "notes.txt").write_text("mine")
    (package_dir / "targets.csv").write_text("old")
    result = run("export", "--format", "datapackage", "--output", str(package_dir))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {package_dir / 'datapackage.json'} exists; pass --force to overwrite it\n"
    )
    assert (package_dir / "targets.csv").read_text() == "old"
    result = run("export", "--format", "datapackage", "--output", str(package_dir), "--force")
    assert result.exit_code == 0
    assert (package_dir / "targets.csv").read_text("utf-8").startswith("document,")
    assert (package_dir / "notes.txt").read_text() == "mine"
    assert [p.name for p in package_dir.parent.iterdir()] == ["package"]  # no temporary left


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("datapackage", "--format datapackage writes files; give --output shandong-targets"),
        ("sqlite", "--format sqlite writes files; give --output targets.db"),
    ],
)
def test_publishing_needs_an_output(run, fmt, message):
    result = run("export", "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\n"


@pytest.fixture
def database(run, tmp_path) -> sqlite3.Connection:
    path = tmp_path / "targets.db"
    result = run("export", "--format", "sqlite", "--output", str(path), "--as-of", "2026-12-06")
    assert result.exit_code == 0, result.stderr
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def test_database_tables_and_counts(database, dataset):
    counts = {
        table: database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "indicators", "targets")
    }
    assert counts == {
        "documents": 5,
        "indicators": len(dataset.indicators),
        "targets": len(dataset.targets),
    }
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_database_keys_and_indexes(database):
    keys = database.execute("PRAGMA foreign_key_list(targets)").fetchall()
    assert sorted((k[2], k[3], k[4]) for k in keys) == [
        ("documents", "document", "id"),
        ("indicators", "indicator", "id"),
    ]
    columns = database.execute("PRAGMA table_info(targets)").fetchall()
    primary = [name for _, name, *_, position in sorted(columns, key=lambda c: c[5]) if position]
    assert primary == ["document", "indicator", "scope", "kind", "target_year", "measure"]
    indexes = {r[1] for r in database.execute("PRAGMA index_list(targets)")}
    assert {"idx_targets_indicator", "idx_targets_scope_target_year"} <= indexes
    # Foreign keys are enforced: a target of an unknown indicator is refused.
    names = [name for _, name, *_ in columns]
    selected = ", ".join("'no-such-indicator'" if n == "indicator" else n for n in names)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
        database.execute(f"INSERT INTO targets SELECT {selected} FROM targets LIMIT 1")


def test_database_types(database):
    row = database.execute(
        "SELECT value, target_year, aspirational, normalized, normalized_unit FROM targets "
        "WHERE indicator = 'total-compute'"
    ).fetchone()
    assert row == (12.5, 2025, 1, 12.5, "EFLOPS")
    aliases = database.execute(
        "SELECT json_extract(aliases, '$[0]') FROM indicators WHERE id = 'total-compute'"
    ).fetchone()
    assert aliases == ("总算力",)


def test_full_text_index_finds_smart_communities(database):
    found = database.execute(
        "SELECT t.document, t.quote FROM targets_fts JOIN targets t ON t.rowid = targets_fts.rowid "
        "WHERE targets_fts MATCH '智慧社区' ORDER BY t.document"
    ).fetchall()
    assert found == [
        ("2023-binzhou-plan", "智慧社区覆盖率达到90%"),
        ("2023-work-points", "全省累计建成不少于2000个智慧社区"),
        ("2025-work-points", "建成不少于5000个智慧社区"),
    ]
    names = database.execute(
        "SELECT i.id FROM indicators_fts JOIN indicators i ON i.rowid = indicators_fts.rowid "
        "WHERE indicators_fts MATCH 'computing power'"
    ).fetchall()
    assert names == [("total-compute",)]


@pytest.mark.parametrize("table", ["targets", "indicators"])
def test_datasette_and_sqlite_utils_find_the_full_text_index(database, table):
    """The query both use to find a table's FTS index (Datasette's detect_fts,
    sqlite-utils' Table.detect_fts)."""
    found = database.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND ("
        " sql LIKE '%VIRTUAL TABLE%USING FTS%content=[' || :t || ']%'"
        " OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"' || :t || '\"%'"
        " OR (tbl_name = :t AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))",
        {"t": table},
    ).fetchall()
    assert found == [(f"{table}_fts",)]


def test_datapackage_into_a_missing_directory_or_a_file(run, tmp_path):
    missing = tmp_path / "no" / "package"
    result = run("export", "--format", "datapackage", "--output", str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"error: directory {missing.parent} does not exist; create it first\n"
    a_file = tmp_path / "package"
    a_file.write_text("mine")
    result = run("export", "--format", "datapackage", "--output", str(a_file), "--force")
    assert result.exit_code == 2
    assert result.stderr == f"error: {a_file} is a file; give a directory for the data package\n"
    assert a_file.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package"]


def test_a_failed_package_write_leaves_nothing(run, tmp_path, monkeypatch):
    def broken_rename(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.rename", broken_rename)
    target = tmp_path / "package"
    result = run("export", "--format", "datapackage", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: cannot write {target}: No space left on device\n"
    assert list(tmp_path.iterdir()) == []


def test_database_has_the_reported_figures_and_each_targets_status(database, dataset):
    assert database.execute("SELECT count(*) FROM reported").fetchone()[0] == len(dataset.reported)
    rows = database.execute(
        "SELECT value, unit, as_of, url FROM reported WHERE indicator = '5g-base-stations' "
        "ORDER BY as_of"
    ).fetchall()
    assert [(v, u, d) for v, u, d, _ in rows][-1] == (24.2, "万个", "2024-12-31")
    assert all(url.startswith("http") for *_, url in rows)
    status = database.execute(
        "SELECT status, status_report_as_of, status_as_of FROM targets "
        "WHERE indicator = '5g-base-stations' AND target_year = 2023"
    ).fetchone()
    assert status == ("met", "2023-12-31", "2026-12-06")
    baselines = database.execute(
        "SELECT count(*) FROM targets WHERE kind = 'baseline' AND status IS NOT NULL"
    ).fetchone()
    assert baselines == (0,)


def test_datapackage_reported_rows_read_back(package_dir, dataset):
    rows = read_csv(package_dir / "reported.csv")
    assert len(rows) == len(dataset.reported)
    assert {r["secondary"] for r in rows} <= {"true", "false"}
    (share,) = [
        r
        for r in rows
        if r["indicator"] == "digital-economy-gdp-share" and r["as_of"] == "2023-12-31"
    ]
    assert (share["value"], share["unit"], share["comparator"]) == ("47", "%", "more_than")
    assert share["quote"] == "全年数字经济总量达到4.3万亿元,占GDP比重提升2个百分点、超过47%"


def test_an_export_as_of_a_day_has_only_the_reports_known_then(run, tmp_path):
    # On 2023-01-01 four figures were known: 5.1万 and 10万 racks (as of 2020, published
    # 2022-06-18), 10.1万 (2021, published 2022-03-04) and 14.9万 (published 2022-08-12).
    path = tmp_path / "early.db"
    assert run("export", "-f", "sqlite", "-o", str(path), "--as-of", "2023-01-01").exit_code == 0
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT value, as_of, published FROM reported ORDER BY as_of, value")
    assert rows.fetchall() == [
        (5.1, "2020-12-31", "2022-06-18"),
        (10.0, "2020-12-31", "2022-06-18"),
        (10.1, "2021-12-31", "2022-03-04"),
        (14.9, "2022-08-12", "2022-08-12"),
    ]
    connection.close()
    markdown = run("export", "-f", "markdown", "--as-of", "2023-01-01").stdout
    assert "24.2万个" not in markdown and "=10.1万个" in markdown


def test_no_cell_of_the_data_package_runs_as_a_formula(run, data_copy, tmp_path):
    path = data_copy / "reported.yaml"
    text = path.read_text("utf-8")
    quote = "  quote: 山东在2021年建成开通5G基站10.1万个\n"
    assert quote in text
    path.write_text(
        text.replace(quote, '  quote: =HYPERLINK("x") 山东在2021年建成开通5G基站10.1万个\n'),
        "utf-8",
    )
    out = tmp_path / "pkg"
    result = run("--data", str(data_copy), "export", "-f", "datapackage", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    reported = (out / "reported.csv").read_text("utf-8")
    assert '\'=HYPERLINK(""x"") 山东在2021年' in reported
    assert ",=HYPERLINK" not in reported and '"=HYPERLINK' not in reported
