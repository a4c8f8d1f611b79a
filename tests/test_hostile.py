"""Hostile data and hostile environments: one table per class of attack, each case with
its exact message and exit status (the hostile YAML files themselves are cases of
tests/bad_inputs/cases.yaml).

Classes: output files, the environment (full disk, closed output, terminal width),
rendering (markup, escapes, formulas, HTML, mathtext), the data directory's entries,
coverage-ignore patterns, source files, and signals during a large export.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from policy_targets.cli.output import Report, Section, render_terminal, to_text, write_atomically
from policy_targets.cli.safe_text import spreadsheet_safe, terminal_safe
from policy_targets.comparisons.errors import UsageError

REPO = Path(__file__).resolve().parent.parent
BAD_INPUTS = REPO / "tests" / "bad_inputs"
ENTRY_POINT = [sys.executable, "-c", "from policy_targets.cli.app import main; main()"]


@pytest.fixture
def workspace(data_copy, monkeypatch) -> Path:
    """The directory holding `targets/` (a copy of the real data), as the working directory."""
    monkeypatch.chdir(data_copy.parent)
    return data_copy.parent


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".policy-"))


# --- output files ------------------------------------------------------------------------

JSON = ["compare", "2023", "2025", "--format", "json"]
DATA = ["--data", "targets"]


def _fifo(name: str):
    return lambda root: os.mkfifo(root / name)


def _link(name: str, to: str):
    return lambda root: (root / name).symlink_to(to)


def _hard_link(name: str, to: str):
    return lambda root: os.link(root / to, root / name)


def _directory(name: str):
    return lambda root: (root / name).mkdir()


OUTPUT_CASES = [
    pytest.param(
        None,
        [*JSON, "-o", "newdir/"],
        "error: Invalid value for '--output' / '-o': newdir/ names a directory; give a file "
        "name (see `policy compare --help`)",
        id="trailing-slash",
    ),
    pytest.param(
        None,
        ["trajectory", "smart-communities", "--plot", "charts/"],
        "error: Invalid value for '--plot': charts/ names a directory; give a file name "
        "(see `policy trajectory --help`)",
        id="plot-trailing-slash",
    ),
    pytest.param(
        None,
        ["export", "-o", "newdir/"],
        "error: newdir/ names a directory; give a file name",
        id="export-trailing-slash",
    ),
    pytest.param(
        lambda root: ((root / "package").mkdir(), os.mkfifo(root / "package" / "targets.csv")),
        ["export", "--format", "datapackage", "-o", "package", "--force"],
        "error: package/targets.csv is a FIFO, not a regular file; give a file name",
        id="fifo-in-a-data-package",
    ),
    pytest.param(
        None,
        [*DATA, *JSON, "-o", "targets/2023-work-points.yaml", "--force"],
        "error: targets/2023-work-points.yaml is a data file of the dataset; "
        "write the output elsewhere",
        id="data-file-with-force",
    ),
    pytest.param(
        _link("report.json", "targets/indicators.yaml"),
        [*DATA, *JSON, "-o", "report.json", "--force"],
        "error: report.json is the data file targets/indicators.yaml of the dataset; "
        "write the output elsewhere",
        id="symbolic-link-to-a-data-file",
    ),
    pytest.param(
        _hard_link("report.json", "targets/coverage-ignore.yaml"),
        [*DATA, *JSON, "-o", "report.json", "--force"],
        "error: report.json is the data file targets/coverage-ignore.yaml of the dataset; "
        "write the output elsewhere",
        id="hard-link-to-a-data-file",
    ),
    pytest.param(
        _fifo("pipe"),
        [*JSON, "-o", "pipe", "--force"],
        "error: pipe is a FIFO, not a regular file; give a file name",
        id="fifo-with-force",
    ),
    pytest.param(
        lambda root: (_fifo("pipe")(root), _link("out", "pipe")(root)),
        [*JSON, "-o", "out", "--force"],
        "error: out is a FIFO, not a regular file; give a file name",
        id="link-to-a-fifo",  # as /proc/self/fd/1 is when standard output is a pipe
    ),
    pytest.param(
        None,
        [*JSON, "-o", "/dev/null", "--force"],
        "error: /dev/null is a character device, not a regular file; give a file name",
        id="character-device-with-force",
    ),
    pytest.param(
        _directory("reports"),
        [*JSON, "-o", "reports", "--force"],
        "error: reports is a directory; give a file name",
        id="directory",
    ),
    pytest.param(
        None,
        [*JSON, "-o", "a" * 251 + ".json"],
        f"error: cannot write {'a' * 251}.json: File name too long",
        id="name-too-long",
    ),
]


@pytest.mark.parametrize(("setup", "args", "message"), OUTPUT_CASES)
def test_output_is_refused(run, workspace, setup, args, message):
    if setup:
        setup(workspace)
    before = {p: p.read_bytes() for p in (workspace / "targets").iterdir() if p.is_file()}
    entries = sorted(p.name for p in workspace.iterdir())
    result = run(*args, prog_name="policy")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert sorted(p.name for p in workspace.iterdir()) == entries  # nothing new, nothing gone
    assert {p: p.read_bytes() for p in before} == before  # no data file touched


def test_the_longest_legal_name_works(run, workspace):
    """The temporary name is short: any name the file system allows is a usable output."""
    name = "a" * 250 + ".json"
    result = run(*JSON, "-o", name)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (workspace / name).read_text(encoding="utf-8").startswith("{")
    assert leftovers(workspace) == []


def test_a_link_to_a_regular_file_is_followed_with_force(run, workspace):
    """The file the link names is replaced; the link stays a link."""
    (workspace / "real.json").write_text("old", encoding="utf-8")
    (workspace / "report.json").symlink_to("real.json")
    result = run(*JSON, "-o", "report.json", "--force")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (workspace / "report.json").is_symlink()
    assert (workspace / "real.json").read_text(encoding="utf-8").startswith("{")
    assert leftovers(workspace) == []


def _appearing(path: Path, content: bytes):
    """Payload pieces that create `path` while they are being written."""
    yield b"[\n"
    path.write_bytes(content)
    yield b"]\n"


def test_a_file_that_appears_meanwhile_is_kept(tmp_path):
    target = tmp_path / "report.json"
    with pytest.raises(UsageError) as caught:
        write_atomically(target, _appearing(target, b"someone else's"), force=False)
    assert str(caught.value) == (
        f"{target} was created while the output was written; pass --force to overwrite it"
    )
    assert target.read_bytes() == b"someone else's"
    assert leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_replaced_with_force(tmp_path):
    target = tmp_path / "report.json"
    write_atomically(target, _appearing(target, b"someone else's"), force=True)
    assert target.read_bytes() == b"[\n]\n"
    assert leftovers(tmp_path) == []


def test_a_fifo_that_appears_meanwhile_is_kept_even_with_force(tmp_path):
    target = tmp_path / "report.json"

    def pieces():
        yield b"[\n"
        os.mkfifo(target)
        yield b"]\n"

    with pytest.raises(UsageError, match="report.json is a FIFO, not a regular file"):
        write_atomically(target, pieces(), force=True)
    assert target.is_fifo()
    assert leftovers(tmp_path) == []


# --- the environment ---------------------------------------------------------------------


def _policy(args, cwd, stdout, env=None, preexec_fn=None, timeout=120):
    return subprocess.run(
        [*ENTRY_POINT, *args],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        preexec_fn=preexec_fn,
        text=True,
        timeout=timeout,
    )


FULL = "error: cannot write to standard output: No space left on device"
CLOSED = "error: cannot write to standard output: it is closed"
ENVIRONMENT_CASES = [
    pytest.param(["--help"], "full", FULL, id="help-to-a-full-disk"),
    pytest.param(["compare", "2023", "2025"], "full", FULL, id="compare-to-a-full-disk"),
    pytest.param(["export"], "full", FULL, id="large-export-to-a-full-disk"),
    pytest.param(["validate"], "full", FULL, id="validate-to-a-full-disk"),
    pytest.param(["--version"], "full", FULL, id="version-to-a-full-disk"),
    pytest.param(["--help"], "closed", CLOSED, id="help-to-closed-output"),
    pytest.param(["compare", "2023", "2025"], "closed", CLOSED, id="compare-to-closed-output"),
    pytest.param(["export", "-f", "csv"], "closed", CLOSED, id="export-to-closed-output"),
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(("args", "stdout", "message"), ENVIRONMENT_CASES)
def test_standard_output_that_cannot_be_written(tmp_path, args, stdout, message):
    if stdout == "full":
        with open("/dev/full", "w") as full:
            result = _policy(args, tmp_path, full)
    else:
        result = _policy(args, tmp_path, None, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (2, message + "\n")


LONG = "/tmp/" + "a" * 256
OS_ERROR_CASES = [
    pytest.param(
        ["--data", LONG, "compare", "2023", "2025"],
        f"error: {LONG}: File name too long",
        id="data-name-too-long",
    ),
    pytest.param(
        ["validate", "--sources", LONG],
        f"error: {LONG}: File name too long",
        id="sources-name-too-long",
    ),
    pytest.param(
        ["trajectory", "smart-communities", "--plot", LONG + ".png"],
        f"error: cannot write {LONG}.png: File name too long",
        id="plot-name-too-long",
    ),
    pytest.param(
        ["show", "2023", "-o", LONG + "/x.json"],
        f"error: cannot write {LONG}/x.json: File name too long",
        id="output-directory-name-too-long",
    ),
]


@pytest.mark.parametrize(("args", "message"), OS_ERROR_CASES)
def test_an_os_error_is_one_line(run, args, message):
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_permission_denied_is_one_line(run, monkeypatch):
    """Root reads every file, so the refusal is simulated where the data is read."""

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "targets/indicators.yaml")

    monkeypatch.setattr("policy_targets.comparisons.index.load", denied)
    result = run("compare", "2023", "2025")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: targets/indicators.yaml: Permission denied\n",
    )


def test_a_closed_pipe_stays_quiet(tmp_path):
    process = subprocess.Popen(
        [*ENTRY_POINT, "export"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.read(100)
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


@pytest.mark.parametrize("columns", ["0", "1", "99999999"], ids=["zero", "one", "absurd"])
def test_an_absurd_terminal_width_falls_back_to_80(run, columns):
    from rich.cells import cell_len

    result = run("compare", "2023", "2025", env={"FORCE_TERMINAL": "1", "COLUMNS": columns})
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert len(lines) > 60  # every indicator is shown
    assert max(cell_len(line) for line in lines) == 80


# --- rendering -----------------------------------------------------------------------------

# A name a colleague's (or an attacker's) catalogue could hold: a formula, Rich markup,
# HTML and mathtext. Control characters are refused by validation (cases.yaml).
HOSTILE = (
    '=HYPERLINK("https://evil.example","x") [/bad] [link=https://evil.example]click[/link] '
    "[blink]!![/blink] <script>alert(1)</script> & $\\frac{$"
)


@pytest.fixture
def hostile_data(workspace) -> Path:
    path = workspace / "targets" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    written = "name_en: " + yaml.safe_dump(HOSTILE, allow_unicode=True, width=1000).strip()
    start = text.index("  - id: smart-communities\n")
    line = text.index("name_en:", start)
    end = text.index("\n", line)
    path.write_text(text[:line] + written.removesuffix("\n...") + text[end:], encoding="utf-8")
    return workspace


def _csv_cell(stdout: str) -> str:
    rows = list(csv.DictReader(io.StringIO(stdout.removeprefix("\ufeff"))))
    (name,) = {r["name_en"] for r in rows if r["indicator"] == "smart-communities"}
    return name


def _xlsx_check(root: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(root / "report.xlsx")
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    hostile = [cell for cell in cells if cell.value == HOSTILE]
    assert hostile  # the name, in every sheet that shows it
    assert {(cell.data_type, cell.quotePrefix) for cell in hostile} == {("s", True)}


RENDERING_CASES = [
    pytest.param(
        ["compare", "2023", "2025"],
        {},
        lambda out, root: HOSTILE in out,
        id="table-to-a-pipe",
    ),
    pytest.param(
        ["compare", "2023", "2025"],
        {"FORCE_TERMINAL": "1", "COLUMNS": "400", "TERM": "xterm-256color"},
        lambda out, root: (
            "[link=https://evil.example]click[/link]" in out
            and "\x1b]8;" not in out  # no hyperlink
            and "\x1b[5m" not in out  # no blinking
        ),
        id="table-on-a-terminal",
    ),
    pytest.param(
        ["compare", "2023", "2025", "--format", "markdown"],
        {},
        lambda out, root: "&lt;script>alert(1)&lt;/script> &amp; " in out and "<script>" not in out,
        id="markdown-escapes-html",
    ),
    pytest.param(
        ["export", "--format", "csv"],
        {},
        lambda out, root: _csv_cell(out) == "'" + HOSTILE,
        id="csv-neutralizes-formulas",
    ),
    pytest.param(
        ["export", "--format", "xlsx", "-o", "report.xlsx"],
        {},
        lambda out, root: _xlsx_check(root) is None,
        id="xlsx-stores-no-formula",
    ),
    pytest.param(
        ["trajectory", "smart-communities", "--plot", "chart.png"],
        {},
        lambda out, root: (root / "chart.png").read_bytes().startswith(b"\x89PNG"),
        id="chart-draws-dollars-literally",  # "$\frac{$" as mathtext would fail to draw
    ),
]


@pytest.mark.parametrize(("args", "env", "check"), RENDERING_CASES)
def test_data_is_rendered_literally(run, hostile_data, args, env, check):
    result = run("--data", "targets", *args, env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert check(result.stdout, hostile_data)


ESCAPES = "a\x1b[2Jb\x1b]0;title\x07c\x9b31md\u202ee\x00f\rg\th"
SHOWN = "a\\x1b[2Jb\\x1b]0;title\\x07c\\x9b31md\\u202ee\\x00f\\x0dg\\x09h"


def test_terminal_safe_writes_out_every_control_character():
    assert terminal_safe(ESCAPES) == SHOWN
    assert terminal_safe("智慧社区 ≥2000个\n") == "智慧社区 ≥2000个\n"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1+cmd", "'+1+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3,000", "-3,000"),
        ("+150%", "+150%"),
        (-5, -5),
        (2000.5, 2000.5),
        ("smart [x]", "smart [x]"),
    ],
)
def test_spreadsheet_cells(value, written):
    assert spreadsheet_safe(value) == written


def _escaping_report() -> Report:
    section = Section(ESCAPES, [ESCAPES], [[ESCAPES]], footer=[ESCAPES])
    return Report([section], [], preamble=[ESCAPES])


def test_a_terminal_table_shows_escapes_written_out():
    from rich.console import Console

    console = Console(file=io.StringIO(), width=400, color_system=None, force_terminal=True)
    render_terminal(_escaping_report(), console)
    text = console.file.getvalue()
    assert text.count(SHOWN) == 5  # preamble, title, header, cell, footer
    assert not any(c in text for c in "\x1b\x07\x9b\u202e\x00\r\t")


def test_plain_text_shows_escapes_written_out():
    text = to_text(_escaping_report())
    assert text.count(SHOWN) == 5
    assert not any(c in text for c in "\x1b\x07\x9b\u202e\x00\r\t")


def test_a_file_name_in_a_message_is_shown_written_out(run, workspace):
    name = "x\x1b]0;pwned\x07.yaml"
    (workspace / "targets" / name).write_text("", encoding="utf-8")
    result = run("--data", "targets", "validate")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: targets/x\\x1b]0;pwned\\x07.yaml:1:1: file is empty — "
        "add the document's content or delete the file\n"
    )


# --- the data directory -----------------------------------------------------------------


def _copy_valid(name: str):
    return lambda targets: (targets / name).write_bytes((BAD_INPUTS / "valid.yaml").read_bytes())


DIRECTORY_CASES = [
    pytest.param(
        _copy_valid("2024-bad-input.yml"),
        "targets/2024-bad-input.yml:1:1: only .yaml files are read, not .yml — "
        "rename it to 2024-bad-input.yaml",
        id="yml-file",
    ),
    pytest.param(
        _copy_valid("2024-bad-input.YAML"),
        "targets/2024-bad-input.YAML:1:1: only .yaml files are read, not .YAML — "
        "rename it to 2024-bad-input.yaml",
        id="upper-case-suffix",
    ),
    pytest.param(
        lambda targets: os.mkfifo(targets / "2024-bad-input.yaml"),
        "targets/2024-bad-input.yaml:1:1: not a regular file, so it is not read — remove it",
        id="fifo-named-yaml",
    ),
    pytest.param(
        lambda targets: (targets / "2024-bad-input.yaml").mkdir(),
        "targets/2024-bad-input.yaml:1:1: not a regular file, so it is not read — remove it",
        id="directory-named-yaml",
    ),
    pytest.param(
        lambda targets: (targets / "2024-bad-input.yaml").symlink_to("gone.yaml"),
        "targets/2024-bad-input.yaml:1:1: not a regular file, so it is not read — remove it",
        id="broken-link-named-yaml",
    ),
    pytest.param(
        lambda targets: (
            (targets / "indicators.yaml").unlink(),
            os.mkfifo(targets / "indicators.yaml"),
        ),
        "targets/indicators.yaml:1:1: not a regular file, so it is not read — remove it",
        id="fifo-for-the-catalogue",
    ),
    pytest.param(
        lambda targets: os.mkfifo(targets / "notes"),
        "targets/notes:1:1: not a regular file or directory — remove it",
        id="fifo",
    ),
]


@pytest.mark.parametrize(("setup", "problem"), DIRECTORY_CASES)
def test_unexpected_entries_of_the_data_directory_are_reported(run, workspace, setup, problem):
    """Reported by every command, with a warm cache too. (In process, as the other
    tables: a FIFO that were opened would hang the test.)"""
    assert run("--data", "targets", "compare", "2023", "2025").exit_code == 0  # warms the cache
    setup(workspace / "targets")
    result = run("--data", "targets", "validate")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {problem}\n")
    result = run("--data", "targets", "compare", "2023", "2025")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: {problem}; run `policy --data targets validate`")


def test_an_id_the_catalogue_lost_is_reported_with_a_warm_cache(run, workspace):
    assert run("--data", "targets", "compare", "2023", "2025").exit_code == 0  # warms the cache
    catalogue = workspace / "targets" / "indicators.yaml"
    text = catalogue.read_text(encoding="utf-8")
    start = text.index("  - id: smart-communities\n")
    end = text.index("  - id: ", start + 1)
    catalogue.write_text(text[:start] + text[end:], encoding="utf-8")
    # Every target of the indicator, where it stands; the suggestions depend on the
    # catalogue of the day.
    expected = [
        re.escape(f"error: targets/{path.name}:{number}:5: unknown indicator 'smart-communities'")
        + " — did you mean [^?]+\\? add it to indicators\\.yaml or use an existing id"
        for path in sorted((workspace / "targets").glob("*.yaml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line == "  - indicator: smart-communities"
    ]
    assert len(expected) >= 2
    result = run("--data", "targets", "validate")
    assert result.exit_code == 2
    assert re.fullmatch("\n".join(expected) + "\n", result.stderr)
    result = run("--data", "targets", "compare", "2023", "2025")
    assert (result.exit_code, result.stdout) == (2, "")
    hint = (
        f" (and {len(expected) - 1} more); run `policy --data targets validate` for the full list"
    )
    assert re.fullmatch(expected[0] + re.escape(hint) + "\n", result.stderr)


# --- coverage-ignore patterns ------------------------------------------------------------


def _pattern_entry(workspace: Path, pattern: str) -> tuple[int, int]:
    """Append an ignore entry with `pattern`; (its line, its index)."""
    path = workspace / "targets" / "coverage-ignore.yaml"
    text = path.read_text(encoding="utf-8")
    index = len(yaml.safe_load(text)["ignore"])
    line = text.count("\n") + 1
    quoted = pattern.replace("'", "''")
    path.write_text(
        text + f"  - text: '{quoted}'\n    pattern: true\n    reason: a test of patterns\n",
        encoding="utf-8",
    )
    return line, index


PATTERN_CASES = [
    pytest.param(
        "(年",
        "ignore[{index}].text: invalid regular expression: missing ) at position 2 — "
        "correct the pattern, or remove `pattern: true` to match the text as written",
        id="invalid",
    ),
    pytest.param(
        "[5G",
        "ignore[{index}].text: invalid regular expression: unterminated character set at "
        "position 3 — "
        "correct the pattern, or remove `pattern: true` to match the text as written",
        id="unclosed-class",
    ),
    pytest.param(
        r"(\D+)+\d{20}",
        "ignore pattern “(\\D+)+\\d{{20}}” takes more than 1 s to match "
        "2018-digital-shandong-plan.txt — simplify the pattern: no repetition inside a "
        "repetition, as in (a+)+",
        id="catastrophic-backtracking",
    ),
]


@pytest.mark.parametrize(("pattern", "problem"), PATTERN_CASES)
def test_a_bad_ignore_pattern_is_a_located_error(workspace, sources, pattern, problem):
    line, index = _pattern_entry(workspace, pattern)
    args = ["--data", "targets", "validate", "--sources", str(sources), "--coverage"]
    result = _policy(args, workspace, subprocess.PIPE, timeout=120)  # a hang fails here
    expected = f"error: targets/coverage-ignore.yaml:{line}:5: {problem.format(index=index)}\n"
    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected)


# --- source files --------------------------------------------------------------------------

SOURCE = "2024-bad-input.txt"


def _sparse(size: int):
    def make(directory: Path) -> None:
        with open(directory / SOURCE, "wb") as handle:
            handle.truncate(size)

    return make


SOURCE_CASES = [
    pytest.param(
        lambda d: os.mkfifo(d / SOURCE), f"source {SOURCE} is not a regular file", id="fifo"
    ),
    pytest.param(
        lambda d: (d / SOURCE).symlink_to("/dev/zero"),
        f"source {SOURCE} is not a regular file",
        id="link-to-dev-zero",
    ),
    pytest.param(
        lambda d: (d / SOURCE).mkdir(), f"source {SOURCE} is not a regular file", id="directory"
    ),
    pytest.param(
        _sparse(16 * 2**20 + 1), f"source {SOURCE} is larger than 16 MB", id="larger-than-16-mb"
    ),
    pytest.param(
        lambda d: (d / SOURCE).write_bytes(b"\xff\xfe"),
        f"source {SOURCE} is not UTF-8",
        id="not-utf8",
    ),
    pytest.param(
        lambda d: None,
        f"cannot read source {SOURCE}: No such file or directory",
        id="missing",
    ),
]


@pytest.mark.parametrize(("setup", "problem"), SOURCE_CASES)
def test_a_source_must_be_a_small_regular_file(workspace, sources, setup, problem):
    valid = (BAD_INPUTS / "valid.yaml").read_bytes()
    (workspace / "targets" / "2024-bad-input.yaml").write_bytes(valid)
    directory = workspace / "sources"
    directory.mkdir()
    for source in sources.iterdir():
        if source.is_file():
            (directory / source.name).write_bytes(source.read_bytes())
    setup(directory)
    args = ["--data", "targets", "validate", "--sources", "sources"]
    result = _policy(args, workspace, subprocess.PIPE, timeout=120)  # a FIFO would hang here
    expected = (
        f"error: targets/2024-bad-input.yaml:1:1: {problem} — "
        "put the source text in sources and give its file name in `source:`\n"
    )
    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected)


# --- signals during a large export ------------------------------------------------------


@pytest.fixture(scope="module")
def large_dataset(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """20 000 generated targets (an export of about 12 MB), with a warm index."""
    root = tmp_path_factory.mktemp("large")
    data = root / "targets"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate.py"),
            str(data),
            "--targets",
            "20000",
            "--documents",
            "20",
        ],
        check=True,
        capture_output=True,
    )
    env = {"POLICY_CACHE_DIR": str(root / "cache")}
    # Valid, and indexed: the exports below spend their time writing.
    warm = _policy(
        ["--data", str(data), "indicators", "-f", "csv"], root, subprocess.DEVNULL, env=env
    )
    assert warm.returncode == 0, warm.stderr
    return data, env


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, -signal.SIGTERM), (signal.SIGHUP, -signal.SIGHUP), (signal.SIGINT, 130)],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_a_killed_export_leaves_no_file(tmp_path, large_dataset, signum, status):
    # The signal's default disposition, whatever this test run inherited (nohup ignores
    # SIGHUP, `&` in a script SIGINT).
    process = _export_while(tmp_path, large_dataset, lambda: signal.signal(signum, signal.SIG_DFL))
    process.send_signal(signum)
    assert process.wait(timeout=60) == status
    assert list(tmp_path.iterdir()) == []


def test_an_ignored_signal_stays_ignored(tmp_path, large_dataset):
    # Under nohup SIGHUP is ignored: the export carries on and writes its whole file.
    process = _export_while(
        tmp_path, large_dataset, lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN)
    )
    process.send_signal(signal.SIGHUP)
    assert process.wait(timeout=120) == 0
    assert [path.name for path in tmp_path.iterdir()] == ["export.json"]
    assert len(json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))) == 20000


def _export_while(tmp_path, large_dataset, prepare):
    """An export of the large dataset, started with `prepare` run in the child, once its
    temporary file is there."""
    data, env = large_dataset
    process = subprocess.Popen(
        [*ENTRY_POINT, "--data", str(data), "export", "-o", "export.json"],
        cwd=tmp_path,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=prepare,
    )
    deadline = time.monotonic() + 120
    while not leftovers(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert leftovers(tmp_path), "the export ended before its temporary file was seen"
    return process
