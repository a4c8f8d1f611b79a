"""Shared fixtures: the CLI runner, the real data, and throw-away copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policy_targets.cli.app import app
from policy_targets.comparisons.layout import bundled_data_dir
from policy_targets.comparisons.loading import load_dataset

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own index cache and no POLICY_DATA from the environment."""
    monkeypatch.setenv("POLICY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("POLICY_DATA", raising=False)


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(bundled_data_dir())


@pytest.fixture
def run():
    """Invoke `policy ARGS…`; returns the click Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, **kwargs):
        return runner.invoke(app, list(args), catch_exceptions=False, **kwargs)

    return invoke


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the bundled targets directory."""
    target = tmp_path / "targets"
    shutil.copytree(
        bundled_data_dir(), target, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    return target


@pytest.fixture
def raise_smart_communities(data_copy):
    """Edit `data_copy`: the 2025 work points' 5000 smart communities become 6000."""

    def edit() -> None:
        path = data_copy / "2025-work-points.yaml"
        path.write_text(
            path.read_text(encoding="utf-8")
            .replace("value: 5000", "value: 6000")
            .replace("建成不少于5000个智慧社区", "建成不少于6000个智慧社区"),
            encoding="utf-8",
        )

    return edit


@pytest.fixture
def sources() -> Path:
    if not SOURCES.is_dir():
        pytest.fail(f"the source texts are expected at {SOURCES}")
    return SOURCES


def _markdown_tables(markdown: str) -> list[list[list[str]]]:
    """Every table of a Markdown text as rows of cell texts (as rendered, without
    escapes), the header row first."""
    from markdown_it import MarkdownIt

    tables, rows, row = [], None, []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_close":
            rows.append(row)
            row = []
        elif token.type == "inline" and rows is not None:
            # The text a reader sees: escapes and entities (&gt;) resolved.
            row.append("".join(child.content for child in token.children or []))
        elif token.type == "table_close":
            tables.append(rows)
            rows = None
    return tables


@pytest.fixture
def markdown_tables():
    """Parses Markdown with markdown-it-py's CommonMark parser and its GFM table rule."""
    return _markdown_tables
