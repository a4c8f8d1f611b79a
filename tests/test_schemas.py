"""One JSON Schema per kind of data file, checked with check-jsonschema as editors and CI
would check them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policy_targets.comparisons.layout import bundled_data_dir, data_files, file_kind
from policy_targets.comparisons.schemas import SCHEMA_FILES
from policy_targets.comparisons.vocabulary import FileKind

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
HEADER = "# yaml-language-server: $schema="
DATA_FILES = data_files(bundled_data_dir())


def schema_named_in(path: Path) -> Path:
    """The schema file the YAML file's first line points at."""
    first = path.read_text("utf-8").splitlines()[0]
    assert first.startswith(HEADER), f"{path.name} has no schema header"
    return path.parent / first.removeprefix(HEADER)


def check(path: Path, schema: Path) -> dict:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--output-format", "json", "--schemafile", str(schema), str(path)],
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("kind", list(FileKind))
def test_schema_files_are_current(run, kind):
    result = run("schema", kind.value)
    assert result.exit_code == 0
    assert result.stdout == (bundled_data_dir() / SCHEMA_FILES[kind]).read_text("utf-8")
    schema = json.loads(result.stdout)
    assert "anyOf" not in schema  # one kind per schema, so errors name the field


def test_every_yaml_file_points_at_its_own_kinds_schema():
    kinds = {path.name: file_kind(path) for path in DATA_FILES}
    assert kinds["indicators.yaml"] == "catalogue"
    assert kinds["coverage-ignore.yaml"] == "coverage-ignore"
    assert kinds["reported.yaml"] == "reported"
    assert sorted(k for k in kinds.values() if k == "document") == ["document"] * 5
    for path in DATA_FILES:
        assert schema_named_in(path).name == SCHEMA_FILES[FileKind(file_kind(path))]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_check_jsonschema_accepts_every_data_file(path):
    report = check(path, schema_named_in(path))
    assert report == {"status": "ok", "errors": []}


@pytest.mark.parametrize(
    ("name", "entries", "field", "old", "new", "message"),
    [
        (
            "2023-work-points.yaml",
            "targets",
            "comparator",
            "exactly",
            "precisely",
            "'precisely' is not one of ['at_least', 'more_than', 'about', 'exactly', 'at_most', "
            "'between']",
        ),
        (
            "indicators.yaml",
            "indicators",
            "higher_is_better",
            "false",
            "sometimes",
            "'sometimes' is not of type 'boolean'",
        ),
        (
            "coverage-ignore.yaml",
            "ignore",
            "pattern",
            "true",
            "1",
            "1 is not of type 'boolean'",
        ),
    ],
)
def test_one_bad_field_is_named_by_its_path(tmp_path, name, entries, field, old, new, message):
    import yaml

    original = bundled_data_dir() / name
    text = original.read_text("utf-8")
    # The first entry whose field has the old value is the one the edit below changes.
    items = yaml.safe_load(text)[entries]
    position = next(i for i, item in enumerate(items) if str(item.get(field)).lower() == old)
    copy = tmp_path / name
    copy.write_text(text.replace(f"    {field}: {old}\n", f"    {field}: {new}\n", 1), "utf-8")
    report = check(copy, schema_named_in(original))
    assert report["status"] == "fail"
    assert [(e["path"], e["message"]) for e in report["errors"]] == [
        (f"$.{entries}[{position}].{field}", message)
    ]


def test_schema_write_puts_every_kind_in_a_directory(run, tmp_path):
    target = tmp_path / "schemas"
    result = run("schema", "--write", str(target))
    assert result.exit_code == 0
    assert sorted(p.name for p in target.iterdir()) == sorted(SCHEMA_FILES.values())
    for kind, file_name in SCHEMA_FILES.items():
        assert (target / file_name).read_text("utf-8") == run("schema", kind.value).stdout


def test_schema_needs_a_kind(run):
    result = run("schema")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: name a kind of file: document, catalogue, coverage-ignore or reported "
        "(or --write DIR for all four)\n"
    )


def test_the_schemas_hold_no_derived_field():
    from policy_targets.comparisons.schemas import json_schemas

    definitions = json_schemas()[FileKind.document]["$defs"]
    assert list(definitions["TargetEntry"]["properties"]) == [
        "indicator",
        "value",
        "upper",
        "unit",
        "comparator",
        "measure",
        "kind",
        "year",
        "period",
        "aspirational",
        "quote",
        "as_written",
        "locator",
        "scope",
        "note",
    ]
    assert "path" not in definitions["DocumentEntry"]["properties"]


def test_an_ids_pattern_is_in_the_schema():
    from policy_targets.comparisons.records import KEBAB
    from policy_targets.comparisons.schemas import json_schemas

    catalogue = json_schemas()[FileKind.catalogue]
    assert catalogue["$defs"]["Indicator"]["properties"]["id"]["pattern"] == KEBAB
