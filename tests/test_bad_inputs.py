"""Bad inputs: each class of broken data and of user error gets one located line on stderr.

The data cases are listed in tests/bad_inputs/cases.yaml (read its header); the user
errors are the tables below. Every run must end with exit status 2, never a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
ADDED = "2024-bad-input.yaml"  # the name valid.yaml and most cases are installed under
# error: path:line:column: what is wrong — how to fix it
LINE = re.compile(
    r"^error: (?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<column>\d+): (?P<what>\S.*?) — (?P<fix>\S.*)$"
)
HINT = "; run `policy validate` for the full list"


def _cases() -> list[dict]:
    with (BAD_INPUTS / "cases.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["cases"]


CASES = _cases()
EXACT = CASES
INVALID_DATA = [c for c in EXACT if not c.get("compare_ok")]


def params(cases: list[dict]):
    return [pytest.param(case, id=case["id"]) for case in cases]


# --- fixtures and helpers -----------------------------------------------------------


@pytest.fixture
def workspace(data_copy, monkeypatch) -> Path:
    """The directory holding `targets/` (a copy of the real data), as the working directory."""
    monkeypatch.chdir(data_copy.parent)
    return data_copy.parent


def install(case: dict, root: Path, sources: Path) -> list[str]:
    """Put the case's file into root/targets; the `policy … validate` arguments for it."""
    shutil.copyfile(BAD_INPUTS / case["file"], root / "targets" / case["as"])
    args = ["--data", "targets", "validate"]
    if case.get("sources"):
        directory = root / "sources"
        directory.mkdir()
        for source in [*sources.iterdir(), *(BAD_INPUTS / "sources").iterdir()]:
            if source.is_file():
                shutil.copyfile(source, directory / source.name)
        args += ["--sources", "sources"]
    return args


def expected_stderr(problems: list[str]) -> str:
    return "".join(f"error: {problem}\n" for problem in problems)


def compare_line(problems: list[str]) -> str:
    """What `policy compare` says about invalid data: the first problem, and a count."""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"error: {problems[0]}{more}"


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


def assert_located(stderr: str, root: Path) -> None:
    """Every line is `error: path:line:column: what — fix`, at a real place of a real file."""
    lines = stderr.splitlines()
    assert lines, "no message on standard error"
    for text in lines:
        match = LINE.match(text)
        assert match, f"not `error: path:line:column: what — fix`: {text!r}"
        path = root / match["path"]
        assert path.is_file(), f"names no file of the data: {text!r}"
        line, column = int(match["line"]), int(match["column"])
        file_lines = path.read_bytes().split(b"\n")
        assert 1 <= line <= len(file_lines), f"line {line} is not in {path.name}: {text!r}"
        assert 1 <= column <= len(file_lines[line - 1]) + 1, f"column out of range: {text!r}"


# --- the list itself ----------------------------------------------------------------


def test_every_bad_input_file_is_a_case():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    used = {case["file"] for case in CASES}
    on_disk = {p.name for p in BAD_INPUTS.glob("*.yaml")} - {"cases.yaml", "valid.yaml"}
    assert used == on_disk
    for case in CASES:
        assert case["as"].endswith(".yaml")
        assert case["errors"], case["id"]


def test_the_unbroken_file_is_valid(run, workspace, sources, dataset):
    """valid.yaml passes, so each case fails only by the one thing it breaks."""
    valid = {"id": "valid", "file": "valid.yaml", "as": ADDED, "sources": True}
    args = install(valid, workspace, sources)
    summary = (
        f"ok: {len(dataset.documents) + 1} documents, {len(dataset.targets) + 1} targets, "
        f"{len(dataset.indicators)} indicators"
    )
    result = run(*args[:3])
    assert (result.exit_code, result.stdout, result.stderr) == (0, summary + "\n", "")
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{summary}; {len(dataset.targets) + 1} quotes found in their sources\n"
    assert run("--data", "targets", "compare", "2023", "2025").exit_code == 0


# --- data cases with a recorded message -------------------------------------------------


@pytest.mark.parametrize("case", params(EXACT))
def test_validate_reports_the_problem(run, workspace, sources, case):
    result = run(*install(case, workspace, sources))
    assert_no_traceback(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected_stderr(case["errors"])
    assert_located(result.stderr, workspace)
    assert result.stderr.startswith(f"error: targets/{case['as']}:")  # the broken file first


@pytest.mark.parametrize("case", params(INVALID_DATA))
def test_compare_refuses_invalid_data(run, workspace, sources, case):
    install(case, workspace, sources)
    result = run("compare", "2023", "2025", env={"POLICY_DATA": "targets"})
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == compare_line(case["errors"]) + HINT + "\n"  # POLICY_DATA applies


@pytest.mark.parametrize("case", params(INVALID_DATA))
def test_compare_with_data_option_refuses_invalid_data(run, workspace, sources, case):
    install(case, workspace, sources)
    result = run("--data", "targets", "compare", "2023", "2025")
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        compare_line(case["errors"]) + "; run `policy --data targets validate` for the full list\n"
    )


def test_compare_hint_names_the_data_directory(run, workspace, sources):
    install(next(c for c in CASES if c["id"] == "unit-not-parsed"), workspace, sources)
    result = run("--data", "targets", "compare", "2023", "2025")
    assert result.exit_code == 2
    hint = result.stderr.partition("; run ")[2]
    assert "--data targets" in hint or "POLICY_DATA" in hint


@pytest.mark.parametrize("case", params([c for c in EXACT if c.get("compare_ok")]))
def test_compare_ignores_what_only_sources_can_check(run, workspace, sources, case):
    install(case, workspace, sources)
    result = run("--data", "targets", "compare", "2023", "2025", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")


def test_python_tag_is_refused_not_run(run, workspace, sources):
    args = install(next(c for c in CASES if c["id"] == "python-tag"), workspace, sources)
    assert run(*args).exit_code == 2
    assert run("--data", "targets", "compare", "2023", "2025").exit_code == 2
    assert not (workspace / "pwned.txt").exists()


# --- the real entry point, in a process of its own --------------------------------------

ENTRY_POINT = [sys.executable, "-c", "from policy_targets.cli.app import main; main()"]


ENTRY_POINT_CASES = (
    "python-tag",
    "core-tag-mismatch",
    "deeply-nested",
    "missing-field",
    "unit-not-parsed",
)


@pytest.mark.parametrize("case", params([c for c in EXACT if c["id"] in ENTRY_POINT_CASES]))
def test_entry_point_prints_no_traceback(workspace, sources, case):
    args = install(case, workspace, sources)
    for command in (args, ["--data", "targets", "compare", "2023", "2025"]):
        process = subprocess.run(
            [*ENTRY_POINT, *command], cwd=workspace, capture_output=True, text=True, timeout=60
        )
        assert "Traceback" not in process.stderr
        assert (process.returncode, process.stdout) == (2, "")
        assert process.stderr.startswith(compare_line(case["errors"]))


def test_absurd_nesting_does_not_crash_the_interpreter(workspace):
    """Too big to check in, and run in a process of its own: libyaml's composer would
    recurse in C until the interpreter crashed."""
    (workspace / "targets" / ADDED).write_text("- " * 30_000 + "x\n", encoding="utf-8")
    process = subprocess.run(
        [*ENTRY_POINT, "--data", "targets", "validate"],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in process.stderr
    assert (process.returncode, process.stdout) == (2, "")
    assert_located(process.stderr, workspace)


# --- user errors ------------------------------------------------------------------------

USER_ERRORS = [
    pytest.param(
        ["compare", "2023", "2099"],
        "error: no shandong document from 2099; shandong has 2018 (2018-digital-shandong-plan), "
        "2021 (2021-implementation-scheme), 2023 (2023-work-points), 2025 (2025-work-points)",
        id="unknown-year",
    ),
    pytest.param(
        ["compare", "2023", "2025-work-point"],
        "error: unknown document '2025-work-point'; did you mean 2025-work-points, "
        "2023-work-points? give a year or one of: 2018-digital-shandong-plan, "
        "2021-implementation-scheme, 2023-binzhou-plan, 2023-work-points, 2025-work-points",
        id="unknown-document-id",
    ),
    pytest.param(
        ["compare", "2023", "2025", "--scope", "mars"],
        "error: unknown scope 'mars'; choose from beijing (北京), binzhou (滨州), china (中国), "
        "guangdong (广东), shandong (山东), shanghai (上海), world (世界)",
        id="unknown-scope",
    ),
    pytest.param(
        ["trajectory", "smart-comunities"],
        "error: unknown indicator 'smart-comunities'; did you mean smart-communities, "
        "smart-community-coverage-rate? (`policy indicators` lists them all)",
        id="unknown-indicator",
    ),
    pytest.param(
        ["compare", "2023", "2023"],
        "error: both sides are 2023-work-points; compare two different documents",
        id="same-document-twice",
    ),
    pytest.param(
        ["compare", "2023", "2025", "--lang", "fr"],
        "error: Invalid value for '--lang': 'fr' is not one of 'en', 'zh'. "
        "(see `root compare --help`)",
        id="unknown-lang",
    ),
    pytest.param(
        ["compare", "2023", "2025", "--only", "dropped"],
        "error: Invalid value for '--only': 'dropped' is not one of 'changed', 'raised', "
        "'lowered', 'unchanged', 'not-comparable', 'new', 'lapsed', 'not-restated', 'shared', "
        "'unshared'. (see `root compare --help`)",
        id="unknown-only",
    ),
    pytest.param(
        ["compare", "2023", "2025", "--format", "xlsx"],
        "error: xlsx is a binary format; give a file with --output report.xlsx",
        id="xlsx-to-the-terminal",
    ),
]


@pytest.mark.parametrize(("args", "message"), USER_ERRORS)
def test_user_error(run, args, message):
    result = run(*args)
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == message + "\n"


def test_unknown_format_lists_the_choices(run):
    result = run("compare", "2023", "2025", "--format", "pdf", prog_name="policy")
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: Invalid value for '--format' / '-f': 'pdf' is not one of "
        "'table', 'markdown', 'csv', 'json', 'xlsx', 'html'. (see `policy compare --help`)\n"
    )


def test_missing_argument_is_one_line(run):
    result = run("compare", "2023", prog_name="policy")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: Missing argument 'AFTER'. (see `policy compare --help`)\n"


# --- --output ----------------------------------------------------------------------------


def write_json(run, output: str):
    return run("compare", "2023", "2025", "--format", "json", "--output", output)


def test_output_to_an_existing_file_needs_force(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.json").write_text("keep me", encoding="utf-8")
    result = write_json(run, "report.json")
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: report.json exists; pass --force to overwrite it\n"
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_into_a_missing_directory(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = write_json(run, "missing/report.json")
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: directory missing does not exist; create it first\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into a read-only (mode 500) directory anyway; "
    "test_output_into_an_unwritable_system_directory covers root",
)
def test_output_into_a_read_only_directory(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir(mode=0o500)
    try:
        result = write_json(run, "locked/report.json")
        assert_no_traceback(result)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == "error: cannot write to locked: Permission denied\n"
        assert list((tmp_path / "locked").iterdir()) == []
    finally:
        (tmp_path / "locked").chmod(0o700)


def _unwritable_sysfs() -> str | None:
    """Why creating a file in /sys fails (it does even for root), or None to skip."""
    if not sys.platform.startswith("linux") or not os.path.ismount("/sys"):
        return None
    try:
        fd, name = tempfile.mkstemp(dir="/sys")
    except OSError as exc:
        return exc.strerror
    os.close(fd)  # pragma: no cover - a writable /sys is no test of this
    os.unlink(name)
    return None


@pytest.mark.skipif(_unwritable_sysfs() is None, reason="needs Linux with sysfs on /sys")
def test_output_into_an_unwritable_system_directory(run):
    result = write_json(run, "/sys/policy-report.json")
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: cannot write to /sys: {_unwritable_sysfs()}\n"
    assert not Path("/sys/policy-report.json").exists()


def test_output_under_a_regular_file_is_refused(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("a file, not a directory", encoding="utf-8")
    result = write_json(run, "notes.txt/report.json")
    assert_no_traceback(result)
    assert (result.exit_code, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_output_under_a_regular_file_says_it_is_no_directory(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("a file, not a directory", encoding="utf-8")
    result = write_json(run, "notes.txt/report.json")
    assert result.exit_code == 2
    assert re.search(r"notes\.txt.* not a directory", result.stderr)
