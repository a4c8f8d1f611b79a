"""The shared --format/--output implementation."""

import io
import os
import subprocess
import sys

import pytest
from rich.cells import cell_len
from rich.console import Console

from policy_targets.cli.files import Writer
from policy_targets.cli.formats import Report, Section
from policy_targets.cli.terminal import render_terminal, to_text
from policy_targets.comparisons.errors import UsageError


def test_existing_file_is_kept_without_force(tmp_path, run):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    result = run("export", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: {target} exists; pass --force to overwrite it\n"
    assert target.read_text() == "keep me"
    assert run("export", "--output", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("[")


@pytest.mark.parametrize("force", [False, True])
def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch, force):
    """The last step fails: a hard link for a new file, a rename with --force."""
    target = tmp_path / "out.bin"

    def broken(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken)
    monkeypatch.setattr("os.link", broken)
    with pytest.raises(UsageError, match="cannot write .*out.bin: No space left on device"):
        Writer(force=force).file(target, b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_halfway_through_leaves_no_file(tmp_path):
    def pieces():
        yield b"[\n"
        raise RuntimeError("the data ran out")

    with pytest.raises(RuntimeError, match="the data ran out"):
        Writer(force=False).file(tmp_path / "out.json", pieces())
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_gets_the_umask_mode_and_a_replaced_file_keeps_its_own(tmp_path, run):
    target = tmp_path / "out.json"
    old_umask = os.umask(0o027)
    try:
        assert run("export", "--output", str(target)).exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o640
        target.chmod(0o604)
        assert run("export", "--output", str(target), "--force").exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o604
    finally:
        os.umask(old_umask)


def test_missing_directory(tmp_path):
    with pytest.raises(UsageError) as caught:
        Writer(force=False).file(tmp_path / "no" / "such" / "out.csv", b"x")
    assert (
        str(caught.value) == f"directory {tmp_path / 'no' / 'such'} does not exist; create it first"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "2023", "2025"],
        ["export", "--format", "markdown"],
        ["export", "--format", "json"],
    ],
)
def test_a_closed_pipe_ends_quietly(args):
    script = "from policy_targets.cli.app import main; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    assert process.wait() == 0
    assert stderr == ""


def test_a_table_for_an_ascii_terminal_is_one_line_of_error():
    script = "from policy_targets.cli.app import main; main()"
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-c", script, "compare", "2023", "2025"], capture_output=True, env=env
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode("ascii") == (
        "error: standard output uses the ascii encoding, which cannot show this output; "
        "set PYTHONIOENCODING=utf-8, or write a file with --output\n"
    )


# --- the terminal layout: the columns of the plain text, wrapped to the width -------------


def shown(section, width: int, preamble=(), color_system=None) -> list[str]:
    """What a terminal of `width` columns shows for one section, without colour unless
    `color_system` is given."""
    console = Console(
        file=io.StringIO(), width=width, color_system=color_system, force_terminal=True
    )
    render_terminal(Report([section], [], preamble=list(preamble)), console)
    return console.file.getvalue().splitlines()


def test_a_table_that_fits_is_the_plain_text_with_a_rule():
    section = Section("Title", ["Indicator", "Value"], [["Smart communities", "≥5000个"]])
    assert shown(section, 80) == [
        "Title",
        "Indicator          Value",
        "──────────────────────────",
        "Smart communities  ≥5000个",
    ]
    assert to_text(Report([section], [])).splitlines() == [
        "Title",
        "Indicator          Value",
        "Smart communities  ≥5000个",
    ]


def test_the_widest_column_gives_way_first_and_the_table_fills_the_width():
    section = Section("", ["Id", "Reason"], [["ab", "one two three four five six"]])
    assert shown(section, 20) == [
        "Id  Reason",
        "────────────────────",
        "ab  one two three",
        "    four five six",
    ]


def test_no_column_is_cut_below_its_longest_word():
    section = Section("", ["A", "B"], [["communities are", "comparable or not at all"]])
    assert shown(section, 24) == [
        "A            B",
        "────────────────────────",
        "communities  comparable",
        "are          or not at",
        "             all",
    ]


def test_chinese_breaks_between_characters_but_not_inside_a_number():
    section = Section("", ["Q", "X"], [["建成不少于5000个智慧社区", "a"]])
    assert shown(section, 12) == [
        "Q          X",
        "────────────",
        "建成不少   a",
        "于5000个",
        "智慧社区",
    ]


def test_a_narrow_terminal_stacks_the_grouped_columns():
    section = Section(
        "",
        ["Indicator", "Verdict", "Ambition"],
        [["communities", "raised", "stronger"]],
        narrow=[("Verdict / ambition", ["Verdict", "Ambition"])],
    )
    assert shown(section, 80)[2] == "communities  raised   stronger"
    assert shown(section, 24) == [
        "Indicator    Verdict /",
        "             ambition",
        "────────────────────────",
        "communities  raised",
        "             stronger",
    ]


def test_each_row_has_its_style_and_the_header_is_bold():
    section = Section("", ["A"], [["up"], ["down"]], styles=["green", None])
    assert shown(section, 40, color_system="standard") == [
        "\x1b[1mA\x1b[0m",
        "\x1b[2m────\x1b[0m",
        "\x1b[32mup\x1b[0m",
        "down",
    ]


def test_a_kebab_id_breaks_after_its_hyphens():
    section = Section("", ["Id", "Name"], [["2023-work-points", "work points of 2023"]])
    assert shown(section, 20) == [
        "Id         Name",
        "────────────────────",
        "2023-      work",
        "work-      points of",
        "points     2023",
    ]


def test_prose_breaks_between_chinese_characters_not_inside_a_number():
    section = Section("", ["A"], [["a"]])
    preamble = ["60项指标：提高1项，新增目标16，已到期40，未重申1"]
    assert shown(section, 24, preamble)[:3] == [
        "60项指标：提高1项，新增",
        "目标16，已到期40，未重申",
        "1",
    ]


def test_csv_writes_lists_as_json_and_booleans_as_the_data_package_does(run):
    import csv

    result = run("indicators", "--search", "10G PON端口占比", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    (record,) = csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")))
    assert record["aliases"] == '["10G PON端口占比"]'
    assert record["appears_in"] == '[{"document": "2023-work-points", "target_year": 2023}]'
    assert record["higher_is_better"] == "true"


@pytest.mark.parametrize(
    ("args", "sheets"),
    [
        (
            ["compare", "2023", "2025"],
            ["Summary", "Changes", "New", "Lapsed", "Not restated", "Records"],
        ),
        (
            ["--lang", "zh", "compare", "2023", "2025"],
            ["摘要", "变化", "新增目标", "已到期", "未重申", "Records"],
        ),
        (
            ["show", "2025"],
            [
                "Summary",
                "infrastructure",
                "data",
                "digital-economy",
                "industry",
                "agriculture",
                "government",
                "society",
                "energy",
                "ai",
                "Records",
            ],
        ),
        (
            ["trajectory", "digital-economy-gdp-share", "--scope", "all"],
            ["shandong", "beijing", "shanghai", "guangdong", "Records"],
        ),
    ],
)
def test_sheet_names_are_short_and_whole(run, tmp_path, args, sheets):
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    result = run(*args, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert load_workbook(target).sheetnames == sheets


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Changes: targets in both documents", "Changes"),
        ("A title of many words that runs past the limit", "A title of many words that runs"),
        ("Averyveryverylongsinglewordofmorethan31", "Averyveryverylongsinglewordofmo"),
    ],
)
def test_a_sheet_name_is_cut_between_words(title, name):
    from policy_targets.cli.formats import _headline, _sheet_name

    assert _sheet_name(_headline(title), set()) == name


def test_markdown_shows_a_greater_than_sign_as_written(run, markdown_tables):
    result = run("compare", "2023", "2025", "--only", "new", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "&gt;" not in result.stdout
    cells = [cell for table in markdown_tables(result.stdout) for row in table for cell in row]
    assert ">50 %" in cells  # digital economy share of GDP, normalized
    assert any(line.startswith("| ") and "| >50 % |" in line for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    ("text", "starts_line", "escaped"),
    [
        (">50%", False, ">50%"),
        (">50%", True, "\\>50%"),
        ("<b>&gt;</b>", False, "&lt;b>&amp;gt;&lt;/b>"),
        ("a\\b", False, "a\\\\b"),
    ],
)
def test_markdown_escapes_only_what_markdown_reads(text, starts_line, escaped):
    from policy_targets.cli.safe_text import markdown_safe

    assert markdown_safe(text, starts_line) == escaped


def test_export_formats_are_the_formats_and_two_more():
    from policy_targets.cli.formats import ExportFormat, Format

    assert [f.value for f in ExportFormat] == [f.value for f in Format] + ["datapackage", "sqlite"]


def test_each_format_has_the_first_extension_that_names_it():
    from policy_targets.cli.formats import EXTENSION_OF

    assert EXTENSION_OF == {
        "table": ".txt",
        "markdown": ".md",
        "csv": ".csv",
        "json": ".json",
        "xlsx": ".xlsx",
        "html": ".html",
        "sqlite": ".db",
    }


def test_a_directory_gets_the_umask_mode_and_its_files_their_own(tmp_path):
    old = os.umask(0o027)
    try:
        Writer().directory(tmp_path / "package", {"a.csv": b"a", "b.csv": b"b"})
    finally:
        os.umask(old)
    assert (tmp_path / "package").stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "package" / "a.csv").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "package" / "a.csv").read_bytes() == b"a"
    assert [p.name for p in tmp_path.iterdir()] == ["package"]  # no temporary left


# --- records: where the columns cannot hold their words -----------------------------------


def test_columns_that_cannot_hold_their_words_become_records():
    section = Section("", ["A", "B"], [["infrastructure", "abcdefghijklmnopqrstuvwxyz"]])
    assert shown(section, 30) == ["A: infrastructure", "B: abcdefghijklmnopqrstuvwxyz"]


def test_a_word_wider_than_a_whole_line_is_folded_in_its_record():
    section = Section(
        "", ["A", "B"], [["abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"]]
    )
    assert shown(section, 20) == [
        "A: abcdefghijklmnopq",
        "   rstuvwxyz",
        "B: abcdefghijklmnopq",
        "   rstuvwxyz",
    ]


def test_a_field_too_long_to_stand_beside_its_value_stands_above_it():
    section = Section("", ["名称", "B", "C"], [["智慧社区", "abcdefghij", "klmnopqrst"]])
    lines = shown(section, 8)
    assert max(cell_len(line) for line in lines) <= 8
    assert lines == [
        "名称：",
        "  智慧社",
        "  区",
        "B:",
        "  abcdef",
        "  ghij",
        "C:",
        "  klmnop",
        "  qrst",
    ]


def test_records_are_a_blank_line_apart_and_leave_out_empty_fields():
    section = Section(
        "",
        ["A", "B", "C"],
        [["infrastructure", "", "abcdefghijklmnopqrstuvwxyz"], ["x", "+1", "y"]],
    )
    assert shown(section, 30) == [
        "A: infrastructure",
        "C: abcdefghijklmnopqrstuvwxyz",
        "",
        "A: x",
        "B: +1",
        "C: y",
    ]


def test_a_column_narrower_than_eight_cells_makes_records():
    # At 20 columns the quote's column would be 7 cells wide: it would hold its words
    # (a character each), but not read. The fields are too long to stand beside values.
    section = Section("", ["Indicator", "Quote"], [["Smart communities", "推动重点场所实现覆盖"]])
    assert shown(section, 20) == [
        "Indicator:",
        "  Smart communities",
        "Quote:",
        "  推动重点场所实现覆",
        "  盖",
    ]


def test_a_column_of_eight_cells_or_more_stays_a_table():
    section = Section("", ["Indicator", "Quote"], [["Smart communities", "推动重点场所实现覆盖"]])
    assert shown(section, 24) == [
        "Indicator    Quote",
        "────────────────────────",
        "Smart        推动重点场",
        "communities  所实现覆盖",
    ]


def test_rows_of_several_lines_are_a_blank_line_apart():
    section = Section(
        "", ["Name", "Why"], [["a", "one two three four five six seven"], ["b", "short"]]
    )
    assert shown(section, 24) == [
        "Name  Why",
        "────────────────────────",
        "a     one two three four",
        "      five six seven",
        "",
        "b     short",
    ]
    one_line = Section("", ["Name", "Why"], [["a", "one"], ["b", "two"]])
    assert "" not in shown(one_line, 24)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # 、 would start the second line: it goes with the character before it.
        ("推动重点场所、行政村", 12, ["推动重点场", "所、行政村"]),
        # “ would end the first line: it goes with the character after it.
        ("实现地区“村村通千兆”", 10, ["实现地区", "“村村通千", "兆”"]),
        ("（2023，累计）", 8, ["（2023，", "累计）"]),
    ],
)
def test_chinese_lines_start_and_end_as_chinese_typesetting_allows(text, width, lines):
    from policy_targets.cli.terminal import _wrap

    assert _wrap(text, width).split("\n") == lines
