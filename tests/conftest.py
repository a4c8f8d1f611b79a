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
            .replace("建成不少于5000个智慧社区", "建成不少于6000个智慧社区")
            .replace("as_written: 不少于5000个", "as_written: 不少于6000个"),
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


class Builder:
    """Small in-memory datasets for the library's rules: every field has a plain default,
    and a test names only what its rule is about."""

    @staticmethod
    def document(doc_id="a", year=2023, scope="shandong", published=None, period=None):
        from policy_targets.comparisons.records import Document, Period

        start, end = period or (year, year)
        return Document(
            id=doc_id,
            year=year,
            scope=scope,
            title_zh=doc_id,
            title_en=doc_id,
            issuer="issuer",
            published=published,
            period=Period(start, end),
            kind="work-points",
            source=f"{doc_id}.txt",
            path=f"{doc_id}.yaml",
        )

    @staticmethod
    def indicator(ind_id="x", category="infrastructure", dimension="count", higher=True):
        from policy_targets.comparisons.records import Indicator

        return Indicator(
            id=ind_id,
            name_zh=f"{ind_id}-zh",
            name_en=f"{ind_id} name",
            category=category,
            dimension=dimension,
            unit="个",
            higher_is_better=higher,
        )

    @staticmethod
    def target(
        document="a",
        indicator="x",
        value=10.0,
        *,
        year=2023,
        comparator="at_least",
        measure="level",
        kind="target",
        scope="shandong",
        dimension="count",
        aspirational=False,
        upper=None,
        period=None,
        note=None,
    ):
        from policy_targets.comparisons.records import Period, Target

        if comparator == "between" and upper is None:  # a range needs an upper bound
            upper = value + 1
        return Target(
            document=document,
            indicator=indicator,
            value=value,
            unit="个",
            comparator=comparator,
            measure=measure,
            kind=kind,
            year=year,
            quote=f"{value:g}个",
            locator="一",
            scope=scope,
            normalized=value,
            normalized_unit="",
            dimension=dimension,
            aspirational=aspirational,
            upper=upper,
            normalized_upper=upper,
            period=Period(*period) if period else Period(year, year),
            note=note,
        )

    @staticmethod
    def reported(
        value=10.0,
        as_of="2023-12-31",
        *,
        indicator="x",
        comparator="exactly",
        measure="level",
        scope="shandong",
        dimension="count",
        published=None,
        settles=True,
        dated="stated",
    ):
        from policy_targets.comparisons.records import Reported, ReportedSource

        return Reported(
            indicator=indicator,
            scope=scope,
            value=value,
            unit="个",
            comparator=comparator,
            measure=measure,
            as_of=as_of,
            dated=dated,
            settles=settles,
            quote=f"{value:g}个",
            source=ReportedSource(
                publisher="publisher",
                title="title",
                published=published or as_of,
                url="https://example.org/report",
                secondary=False,
            ),
            normalized=value,
            normalized_unit="",
            dimension=dimension,
        )

    @staticmethod
    def dataset(documents, indicators, targets, reported=()):
        from policy_targets.comparisons.records import Dataset

        return Dataset(
            documents={d.id: d for d in documents},
            indicators={i.id: i for i in indicators},
            targets=list(targets),
            reported=list(reported),
        )


@pytest.fixture
def build() -> Builder:
    """Builds records and datasets in memory (see Builder)."""
    return Builder()


@pytest.fixture
def target_record_keys() -> tuple[str, ...]:
    """The keys of a target in the JSON of every command, in order (the issue's shape)."""
    return (
        "document",
        "document_year",
        "scope",
        "source",
        "secondary",
        "indicator",
        "name_en",
        "name_zh",
        "category",
        "value",
        "upper",
        "unit",
        "normalized",
        "comparator",
        "measure",
        "kind",
        "target_year",
        "period",
        "aspirational",
        "quote",
        "as_written",
        "locator",
        "note",
    )


# Markup a name, a title or a quote could carry: in an HTML page, the one place it would
# run. Control characters are refused by validation (tests/bad_inputs/cases.yaml).
HOSTILE_HTML = "<script>alert(1)</script> <img src=x onerror=alert(2)> </table></td> & \"'"


@pytest.fixture
def hostile_html_data(data_copy) -> Path:
    """`data_copy` with HOSTILE_HTML as smart communities' English name, as the 2025 work
    points' English title and inside the quote of their smart-communities target."""
    import yaml

    def dumped(text: str) -> str:
        return yaml.safe_dump(text, allow_unicode=True, width=1000).strip().removesuffix("\n...")

    catalogue = data_copy / "indicators.yaml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace(
            "name_en: Smart communities\n", f"name_en: {dumped(HOSTILE_HTML)}\n"
        ),
        encoding="utf-8",
    )
    document = data_copy / "2025-work-points.yaml"
    document.write_text(
        document.read_text(encoding="utf-8")
        .replace(
            "title_en: Digital Strong Province 2025 Work Points\n",
            f"title_en: {dumped(HOSTILE_HTML)}\n",
        )
        .replace(
            "quote: 建成不少于5000个智慧社区\n",
            f"quote: {dumped('建成不少于5000个智慧社区' + HOSTILE_HTML)}\n",
        ),
        encoding="utf-8",
    )
    return data_copy
