"""Rendered tables in the cache: reused only for exactly the same table and console."""

import io

import pytest
from rich.console import Console

from policy_targets.cli import table_cache
from policy_targets.cli.output import Report, Section, render_table
from policy_targets.comparisons.index import cache_dir

COMPARE = ("compare", "2023", "2025")


def entries():
    return sorted((cache_dir() / "tables").glob("table-*.pickle"))


def report(value: str = "≥5000个") -> Report:
    section = Section("Title", ["Indicator", "2025"], [["Smart communities", value]])
    return Report([section], [])


def console(width: int = 80, **options) -> Console:
    return Console(file=io.StringIO(), width=width, **options)


def fail(*_):
    raise AssertionError("rendered again")


def test_a_repeated_command_prints_the_stored_table(run, monkeypatch):
    first = run(*COMPARE)
    (entry,) = entries()
    monkeypatch.setattr("policy_targets.cli.output.render_table", fail)
    second = run(*COMPARE)
    assert second.stdout == first.stdout
    assert entries() == [entry]
    assert first.stdout.splitlines()[-1] == (
        "60 indicators: 41 dropped, 16 new, 1 unchanged, 1 not comparable, 1 raised"
    )


def test_the_stored_table_is_what_rich_prints(run):
    cached = run(*COMPARE).stdout
    assert run(*COMPARE).stdout == cached
    assert run("--no-cache", *COMPARE).stdout == cached


def test_no_cache_neither_reads_nor_writes_tables(run):
    assert run("--no-cache", *COMPARE).exit_code == 0
    assert entries() == []


def test_an_edit_of_the_data_changes_the_table(data_copy, run, raise_smart_communities):
    args = ("--data", str(data_copy), *COMPARE)
    assert "≥5000个 (2025, level)" in run(*args).stdout
    raise_smart_communities()
    edited = run(*args).stdout
    assert "≥6000个 (2025, level)" in edited and "≥5000个" not in edited
    assert len(entries()) == 2


def test_another_width_is_another_table():
    wide = table_cache.rendered(report(), console(100), render_table, True)
    narrow = table_cache.rendered(report(), console(24), render_table, True)
    assert len(entries()) == 2
    assert max(map(len, wide.splitlines())) == 31
    assert max(map(len, narrow.splitlines())) == 24


def test_colour_is_part_of_the_key():
    plain = table_cache.rendered(report(), console(no_color=True), render_table, True)
    coloured = table_cache.rendered(
        report(), console(force_terminal=True, color_system="truecolor"), render_table, True
    )
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert len(entries()) == 2


def test_stored_inputs_must_match_exactly(monkeypatch):
    """Two tables whose hashes collide: the second is rendered, not taken from the first."""
    table_cache.rendered(report("≥5000个"), console(), render_table, True)
    monkeypatch.setattr(table_cache, "source_hash", lambda _: b"same key")
    first = table_cache.rendered(report("≥5000个"), console(), render_table, True)
    second = table_cache.rendered(report("≥6000个"), console(), render_table, True)
    assert "≥5000个" in first and "≥6000个" in second and "≥5000个" not in second


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_entry_is_rendered_again(content):
    expected = table_cache.rendered(report(), console(), render_table, True)
    (entry,) = entries()
    entry.write_bytes(content)
    assert table_cache.rendered(report(), console(), render_table, True) == expected
    assert entry.read_bytes() != content


def test_an_unwritable_cache_only_costs_speed(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("POLICY_CACHE_DIR", str(blocker / "cache"))
    text = table_cache.rendered(report(), console(), render_table, True)
    assert "Smart communities" in text


def test_a_table_beside_a_chart_is_not_stored(run):
    assert run("trajectory", "smart-communities").exit_code == 0
    assert entries() == []


def test_only_the_newest_tables_are_kept(monkeypatch):
    monkeypatch.setattr(table_cache, "KEEP", 3)
    texts = [
        table_cache.rendered(report(f"{n}个"), console(), render_table, True) for n in range(5)
    ]
    assert len(entries()) == 3
    assert all(f"{n}个" in text for n, text in enumerate(texts))


def test_an_unknown_rich_release_is_never_stored(monkeypatch):
    monkeypatch.setattr(table_cache, "_rich_release", lambda: None)
    text = table_cache.rendered(report(), console(), render_table, True)
    assert "Smart communities" in text
    assert entries() == []
