"""Real commands on terminals of 60, 80, 120 and 200 columns, in English and Chinese:
every line fits, no English word is split but after a hyphen, no column is narrower
than 8 cells where its text is wider (else each row is a record), and Chinese lines
start and end as Chinese typesetting allows."""

import re

import pytest
from rich.cells import cell_len

from policy_targets.cli import terminal

COMMANDS = [["show", "2025"], ["documents"], ["compare", "2023", "2025"]]
WORD = re.compile(r"[A-Za-z]+")


def on_terminal(run, monkeypatch, args, width, lang):
    """The command's output on a terminal of `width` columns, and the tables laid out
    as columns (section headers and column widths)."""
    laid = []
    layout = terminal._table_layout

    def recorded(section, room):
        found = layout(section, room)
        if found is not None:
            laid.append((found[0], found[1]))
        return found

    monkeypatch.setattr(terminal, "_table_layout", recorded)
    env = {"FORCE_TERMINAL": "1", "COLUMNS": str(width), "NO_COLOR": "1", "TERM": "dumb"}
    result = run("--lang", lang, *args, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines(), laid


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [60, 80, 120, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_tables_read_at_every_width(run, monkeypatch, args, width, lang):
    lines, laid = on_terminal(run, monkeypatch, args, width, lang)
    plain = run("--lang", lang, *args)  # a pipe: every cell whole, on one line
    from policy_targets.cli.labels import PHRASES

    # The data's words, and those of the headers of stacked columns (Verdict / ambition).
    stacked = " ".join(PHRASES[key][0] for key in ("point", "figure", "verdict_ambition"))
    words = set(WORD.findall(plain.stdout + stacked))
    assert max(cell_len(line) for line in lines) <= width
    # Every run of Latin letters on the terminal is a whole word of the data (a word
    # broken after a hyphen leaves whole words on both sides).
    assert set(WORD.findall("\n".join(lines))) <= words
    for section, widths in laid:
        from policy_targets.cli.terminal import _column_widths

        _, most = _column_widths(section)
        assert all(w >= min(8, m) for w, m in zip(widths, most, strict=True))
    for line in lines:
        stripped = line.strip()
        if stripped:
            assert stripped[0] not in "，。、）》；：！？", line
            assert stripped[-1] not in "（《", line


def test_show_2025_at_80_columns_gives_records_a_blank_line_apart(run, monkeypatch):
    lines, laid = on_terminal(run, monkeypatch, ["show", "2025"], 80, "en")
    titles = {line for line in lines if line.startswith("2025-work-points · ")}
    # Infrastructure's quotes are long: its targets are records, not columns.
    assert "2025-work-points · infrastructure" not in {s.title for s, _ in laid}
    records = [number for number, line in enumerate(lines) if line.startswith("Indicator:")]
    assert len(records) == len([line for line in lines if line.startswith("Quote:")]) > 5
    for number in records:  # each record after a blank line or its section's title
        assert lines[number - 1] == "" or lines[number - 1] in titles


def test_show_2025_in_chinese_at_80_columns_parts_its_rows(run, monkeypatch):
    """Chinese breaks between characters: the columns hold, 8 cells or more each, and
    the rows of several lines are a blank line apart."""
    lines, laid = on_terminal(run, monkeypatch, ["show", "2025"], 80, "zh")
    first = lines.index("2025-work-points · 基础设施")
    assert laid[0][0].title == lines[first]  # columns, not records
    assert lines[first + 3].startswith("行政村千兆通")
    second = next(n for n, line in enumerate(lines) if line.startswith("重点场所5G移"))
    assert second > first + 4 and lines[second - 1] == ""


def test_compare_at_200_columns_is_a_table_with_rows_apart(run, monkeypatch):
    lines, laid = on_terminal(run, monkeypatch, ["compare", "2023", "2025"], 200, "en")
    assert laid  # columns, not records
    start = lines.index("Changes: targets in both documents")
    table = lines[start + 3 : lines.index("Notes:", start)]
    # The first row of the changes takes two lines (its reason wraps), and a blank line
    # parts it from the next.
    assert table.count("") == 1 and table[0].startswith("Smart agriculture bases")
    assert table[table.index("") + 1].startswith("Smart communities")
