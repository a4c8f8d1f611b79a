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
from conftest import HOSTILE_HTML
from test_html import Page

from policy_targets.cli.files import Writer
from policy_targets.cli.formats import Report, Section
from policy_targets.cli.safe_text import terminal_safe
from policy_targets.cli.terminal import render_terminal, to_text
from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.formulas import spreadsheet_safe

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
CHART = ["trajectory", "smart-communities", "--plot"]
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
        [*CHART, "x.png", "-o", "x.png", "--force"],
        "error: --plot and --output both name x.png; give the chart a file of its own",
        id="plot-is-output-with-force",
    ),
    pytest.param(
        None,
        [*CHART, "x.png", "-o", "x.png"],
        "error: --plot and --output both name x.png; give the chart a file of its own",
        id="plot-is-output",
    ),
    pytest.param(
        _link("chart.png", "report.txt"),
        [*CHART, "chart.png", "-o", "report.txt"],
        "error: --plot and --output both name chart.png; give the chart a file of its own",
        id="plot-links-to-output",
    ),
    pytest.param(
        lambda root: (root / "report.txt").write_text("kept", encoding="utf-8"),
        [*CHART, "chart.png", "-o", "report.txt"],
        "error: report.txt exists; pass --force to overwrite it",
        id="existing-output-before-any-chart",
    ),
    pytest.param(
        lambda root: (root / "chart.png").write_text("kept", encoding="utf-8"),
        [*CHART, "chart.png", "-o", "report.txt"],
        "error: chart.png exists; pass --force to overwrite it",
        id="existing-chart-before-any-output",
    ),
    pytest.param(
        None,
        [*CHART, "chart.gif"],
        "error: --plot chart.gif: a chart is written as .png, .svg or .pdf; "
        "give the file one of these extensions",
        id="plot-unknown-extension",
    ),
    pytest.param(
        None,
        ["compare", "2023", "2025", "--plot", "chart"],
        "error: --plot chart: a chart is written as .png, .svg or .pdf; "
        "give the file one of these extensions",
        id="plot-no-extension",
    ),
    pytest.param(
        None,
        [*JSON, "-o", "newdir/."],
        "error: Invalid value for '--output' / '-o': newdir/. names a directory; give a file "
        "name (see `policy compare --help`)",
        id="trailing-dot",
    ),
    pytest.param(
        None,
        [*JSON, "-o", ".."],
        "error: Invalid value for '--output' / '-o': .. names a directory; give a file "
        "name (see `policy compare --help`)",
        id="dot-dot",
    ),
    pytest.param(
        None,
        ["export", "-o", "newdir/."],
        "error: newdir/ names a directory; give a file name",
        id="export-trailing-dot",
    ),
    pytest.param(
        _link("report.json", "missing/x.json"),
        [*JSON, "-o", "report.json", "--force"],
        "error: directory {root}/missing (where report.json points) does not exist; "
        "create it first",
        id="dangling-link-into-a-missing-directory",
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
    message = message.replace("{root}", os.path.realpath(workspace))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert sorted(p.name for p in workspace.iterdir()) == entries  # nothing new, nothing gone
    assert {p: p.read_bytes() for p in before} == before  # no data file touched


@pytest.mark.parametrize(
    ("name", "start"),
    [("chart.png", b"\x89PNG"), ("chart.svg", b"<?xml"), ("chart.PDF", b"%PDF")],
    ids=["png", "svg", "pdf"],
)
def test_the_chart_extension_chooses_the_format(run, workspace, name, start):
    for args in (["trajectory", "smart-communities"], ["compare", "2023", "2025"]):
        result = run(*args, "--plot", name, "--format", "json", "--force")
        assert (result.exit_code, result.stderr) == (0, "")
        assert (workspace / name).read_bytes().startswith(start)
    assert leftovers(workspace) == []


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
        Writer(force=False).file(target, _appearing(target, b"someone else's"))
    assert str(caught.value) == (
        f"{target} was created while the output was written; pass --force to overwrite it"
    )
    assert target.read_bytes() == b"someone else's"
    assert leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_replaced_with_force(tmp_path):
    target = tmp_path / "report.json"
    Writer(force=True).file(target, _appearing(target, b"someone else's"))
    assert target.read_bytes() == b"[\n]\n"
    assert leftovers(tmp_path) == []


def test_a_fifo_that_appears_meanwhile_is_kept_even_with_force(tmp_path):
    target = tmp_path / "report.json"

    def pieces():
        yield b"[\n"
        os.mkfifo(target)
        yield b"]\n"

    with pytest.raises(UsageError, match="report.json is a FIFO, not a regular file"):
        Writer(force=True).file(target, pieces())
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


def _in_a_deleted_directory(directory: Path):
    """For preexec_fn: the child's working directory, removed before the command runs."""

    def enter() -> None:
        os.chdir(directory)
        os.rmdir(directory)

    return enter


NO_DIRECTORY = "the working directory no longer exists; give an absolute path"
DELETED_DIRECTORY_CASES = [
    pytest.param(
        ["compare", "2023", "2025", "-f", "json"],
        0,
        lambda out: json.loads(out)["before"]["id"] == "2023-work-points",
        "",
        id="compare",
    ),
    pytest.param(
        ["compare", "2023", "2025"],
        0,
        lambda out: out.startswith("2023-work-points → 2025-work-points: "),
        "",
        id="compare-table",
    ),
    pytest.param(
        ["validate"],
        0,
        lambda out: out == "ok: 5 documents, 174 targets, 163 indicators, 23 reported figures\n",
        "",
        id="validate",
    ),
    pytest.param(
        ["--data", "{data}", "validate"],
        2,
        lambda out: out == "",
        "error: {data}/2024-bad-input.yaml:1:1: file is empty — add the file's content "
        "or delete the file\n",
        id="an-absolute-path-in-a-message",
    ),
    pytest.param(
        ["compare", "2023", "2025", "-o", "report.json"],
        2,
        lambda out: out == "",
        f"error: cannot write report.json: {NO_DIRECTORY}\n",
        id="relative-output",
    ),
    pytest.param(
        ["trajectory", "smart-communities", "--plot", "chart.png"],
        2,
        lambda out: out == "",
        f"error: cannot write chart.png: {NO_DIRECTORY}\n",
        id="relative-chart",
    ),
    pytest.param(
        ["compare", "2023", "2025", "-o", "{root}/report.json"],
        0,
        lambda out: out == "",
        "",
        id="absolute-output",
    ),
]


@pytest.mark.parametrize(("args", "status", "check", "message"), DELETED_DIRECTORY_CASES)
def test_a_deleted_working_directory(tmp_path, data_copy, args, status, check, message):
    """Standard output is fine: nothing may call it unwritable. A path is shown
    absolute, since none can be relative to a directory that is gone."""
    (data_copy / "2024-bad-input.yaml").write_text("", encoding="utf-8")
    gone = tmp_path / "gone"
    gone.mkdir()
    args = [arg.replace("{data}", str(data_copy)).replace("{root}", str(tmp_path)) for arg in args]
    result = _policy(args, tmp_path, subprocess.PIPE, preexec_fn=_in_a_deleted_directory(gone))
    expected = message.replace("{data}", str(data_copy))
    assert (result.returncode, result.stderr) == (status, expected)
    assert check(result.stdout)
    assert not gone.exists()
    written = [path.name for path in tmp_path.iterdir() if path.name != data_copy.name]
    assert written == (["report.json"] if args[-1] == f"{tmp_path}/report.json" else [])


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


LINKS = "![pixel](https://evil.example/p.png) [click](https://evil.example) [ref] \\[x\\]"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["compare", "2023", "2025"], f"{LINKS} †1"),  # a cell, with its note's marker
        (["trajectory", "smart-communities"], f"{LINKS} (smart-communities, shandong)"),
    ],
    ids=["cell", "heading"],
)
def test_markdown_shows_links_and_images_literally(run, workspace, args, shown):
    """A name with an image (a tracking pixel) and links: CommonMark (with GFM tables)
    reads exactly the name, and makes no link or image of it."""
    from markdown_it import MarkdownIt

    path = workspace / "targets" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: smart-communities\n")
    line = text.index("name_en:", start)
    end = text.index("\n", line)
    written = yaml.safe_dump({"name_en": LINKS}, allow_unicode=True, width=1000).strip()
    path.write_text(text[:line] + written + text[end:], encoding="utf-8")
    result = run("--data", "targets", *args, "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    inline = [
        token
        for token in MarkdownIt("commonmark").enable("table").parse(result.stdout)
        if token.type == "inline"
    ]
    # What a reader sees: escapes and entities resolved.
    texts = ["".join(child.content for child in token.children) for token in inline]
    assert shown in texts
    kinds = {child.type for token in inline for child in token.children}
    assert kinds <= {"text", "hardbreak"}  # no link, no image, no HTML, no code


# --- shell completion ----------------------------------------------------------------------

TITLE = 'Work Points \\$(touch pwned) `touch pwned` it\'s "q" a:b [/bad] ${HOME}'
# Cut short: a description Typer's Rich rendering wrapped would give zsh a line of its own.
INERT_NAME = "HYPERLINK https evil.example , x bad link https evil.example click..."
INERT_TITLE = "Work Points touch pwned touch pwned it s q a b bad HOME"


@pytest.fixture
def hostile_title(hostile_data) -> Path:
    """hostile_data, and the 2025 work points' English title a command substitution."""
    path = hostile_data / "targets" / "2025-work-points.yaml"
    written = yaml.safe_dump({"title_en": TITLE}, allow_unicode=True, width=1000).strip()
    text = path.read_text(encoding="utf-8")
    old = "title_en: Digital Strong Province 2025 Work Points"
    path.write_text(text.replace(old, written), encoding="utf-8")
    return hostile_data


COMPLETION_CASES = [
    pytest.param(
        "zsh",
        "policy --data targets trajectory smart-comm",
        '_arguments \'*: :(("smart-communities":"' + INERT_NAME + '"\n'
        '"smart-community-coverage-rate":"Smart community coverage rate"))\'\n',
        id="zsh-name",
    ),
    pytest.param(
        "zsh",
        "policy --data targets show 2025",
        '_arguments \'*: :(("2025-work-points":"' + INERT_TITLE + '"\n'
        '"2025":"2025-work-points"))\'\n',
        id="zsh-title",
    ),
    pytest.param(
        "fish",
        "policy --data targets trajectory smart-comm",
        f"smart-communities\t{INERT_NAME}\n"
        "smart-community-coverage-rate\tSmart community coverage rate\n",
        id="fish-name",
    ),
    pytest.param(
        "fish",
        "policy --data targets show 2025",
        f"2025-work-points\t{INERT_TITLE}\n2025\t2025-work-points\n",
        id="fish-title",
    ),
    pytest.param(
        "bash", "policy --data targets show 2025", "2025-work-points\n2025\n", id="bash-title"
    ),
]


@pytest.mark.parametrize(("shell", "words", "offered"), COMPLETION_CASES)
def test_completion_shows_data_as_inert_text(hostile_title, shell, words, offered):
    """Typer puts the descriptions into code zsh evaluates and renders them as Rich markup
    first: only letters, digits, spaces and `,.-` of a title or name reach the shell."""
    env = {
        "_POLICY_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": words,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = subprocess.run(
        [str(Path(sys.executable).with_name("policy"))],
        cwd=hostile_title,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, offered, "")
    assert not (hostile_title / "pwned").exists()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a" * 70, "a" * 70),
        ("abc " * 17 + "ab", "abc " * 17 + "ab"),  # 70 characters: kept; 71: cut at a space
        ("abc " * 17 + "abc", "abc " * 15 + "abc..."),
        ("a" * 71, "a" * 67 + "..."),  # no space to cut at
        ("智慧社区_x (5G)", "智慧社区 x 5G"),
    ],
    ids=["70", "70-with-spaces", "71", "71-one-word", "letters-of-any-script"],
)
def test_completion_descriptions_are_at_most_70_characters(text, shown):
    from policy_targets.cli.completion import inert

    assert inert(text) == shown


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
        "add the file's content or delete the file\n"
    )


# --- the data directory -----------------------------------------------------------------


def _copy_valid(name: str):
    return lambda targets: (targets / name).write_bytes((BAD_INPUTS / "valid.yaml").read_bytes())


def _sparse_data_file(name: str, size: int):
    def make(targets: Path) -> None:
        with open(targets / name, "wb") as handle:
            handle.truncate(size)

    return make


TOO_LARGE = "file is larger than 64 MB, so it is not read — remove what is no data: the targets of a document take far less"
DIRECTORY_CASES = [
    pytest.param(
        _sparse_data_file("2024-bad-input.yaml", 3 * 2**30),
        f"targets/2024-bad-input.yaml:1:1: {TOO_LARGE}",
        id="sparse-3-gb-document",
    ),
    pytest.param(
        _sparse_data_file("2024-bad-input.yaml", 64 * 2**20 + 1),
        f"targets/2024-bad-input.yaml:1:1: {TOO_LARGE}",
        id="document-larger-than-64-mb",
    ),
    pytest.param(
        _sparse_data_file("indicators.yaml", 64 * 2**20 + 1),
        f"targets/indicators.yaml:1:1: {TOO_LARGE}",
        id="catalogue-larger-than-64-mb",
    ),
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


def test_did_you_mean_is_given_for_the_first_50_unknown_ids(run, workspace):
    """Each suggestion compares the id with the whole catalogue: thousands of them took
    minutes. An id seen again keeps its suggestion."""
    valid = (BAD_INPUTS / "valid.yaml").read_text(encoding="utf-8")
    start = valid.index("  - indicator: smart-communities")
    entry = valid[start:]
    ids = [f"smart-comunities-{n}" for n in range(51)]
    again = entry.replace("smart-communities", ids[0]).replace("addition", "level")
    text = valid[:start] + "".join(entry.replace("smart-communities", i) for i in ids) + again
    (workspace / "targets" / "2024-bad-input.yaml").write_text(text, encoding="utf-8")
    result = run("--data", "targets", "validate")
    lines = result.stderr.splitlines()
    assert (result.exit_code, len(lines)) == (2, 52)
    suggested = [line for line in lines if " — did you mean " in line]
    assert len(suggested) == 51  # the first 50 ids, and the first one again
    assert lines[50] == (
        f"error: targets/2024-bad-input.yaml:{14 + 10 * 50}:5: unknown indicator "
        "'smart-comunities-50' — add it to indicators.yaml or use an existing id"
    )
    assert lines[51].startswith(
        f"error: targets/2024-bad-input.yaml:{14 + 10 * 51}:5: unknown indicator "
        "'smart-comunities-0' — did you mean smart-communities"
    )


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


SIMPLER = (
    "simplify the pattern: + or * rather than large counts, fewer groups; or remove "
    "`pattern: true` to match the text as written"
)
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
        "(?:x{1000}){1000}",  # 17 bytes; compiled, 275 MB
        "ignore[{index}].text: counted repetitions multiply to more than 10,000, which "
        "compiles to a huge pattern — " + SIMPLER,
        id="nested-counts",
    ),
    pytest.param(
        "a{1000000}",
        "ignore[{index}].text: counted repetitions multiply to more than 10,000, which "
        "compiles to a huge pattern — " + SIMPLER,
        id="large-count",
    ),
    pytest.param(
        "(" * 21 + "年" + ")" * 21,
        "ignore[{index}].text: groups nested more than 20 deep — " + SIMPLER,
        id="deep-groups",
    ),
    pytest.param(
        "年" * 501,
        "ignore[{index}].text: pattern longer than 500 characters — " + SIMPLER,
        id="long",
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


HTML_PAGES = [
    pytest.param(["compare", "2023", "2025"], id="compare"),
    pytest.param(["trajectory", "smart-communities"], id="trajectory"),
    pytest.param(["export"], id="export"),
]


@pytest.mark.parametrize("args", HTML_PAGES)
def test_html_page_shows_markup_in_the_data_as_text(run, hostile_html_data, args):
    """A name, a title and a quote holding <script>, <img onerror> and </table> are text
    on the page: escaped, never elements (tests/test_cli_html_browser.py: in Chromium)."""
    result = run("--data", str(hostile_html_data), *args, "--format", "html")
    assert (result.exit_code, result.stderr) == (0, "")
    page = Page(result.stdout)
    assert HOSTILE_HTML in page.text  # the name (or title, or quote) as written
    assert [tag for tag, _ in page.elements if tag in ("script", "img")] == []
    assert result.stdout.count("<table") == result.stdout.count("</table>") >= 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;" in (
        result.stdout
    )
