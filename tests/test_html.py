"""--format html (cli/html.py, cli/pages.py, cli/svg.py, cli/templates/): the pages'
content, read with the standard library's HTML parser. tests/test_cli_html_browser.py
checks the same pages in Chromium."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policy_targets.cli.html import TEMPLATES, reason_text, reason_words
from policy_targets.cli.labels import term
from policy_targets.comparisons import __version__
from policy_targets.comparisons.vocabulary import Ambition

REPO = Path(__file__).resolve().parent.parent


class Page(HTMLParser):
    """A page's elements (tag, attributes) and its text, as a browser would show it."""

    def __init__(self, text: str):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.pieces: list[str] = []
        self.style = ""
        self._in_style = False
        self.feed(text)
        self.text = "".join(self.pieces)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        else:
            self.pieces.append(data)

    def tags(self, tag: str, **attrs: str) -> list[dict]:
        return [
            a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def page_of(run, *args: str) -> Page:
    result = run(*args, "--format", "html")
    assert (result.exit_code, result.stderr) == (0, "")
    return Page(result.stdout)


def json_of(run, *args: str) -> dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_reason_is_the_text_of_an_object_or_the_string_itself():
    found = {"code": "value", "text": "value +150 %", "amount": 150.0, "unit": "%"}
    assert reason_text(found) == reason_words(found, "en") == "value +150 %"
    assert reason_text("value +150 %") == "value +150 %"
    assert reason_words(found, "zh") == "数值 +150%"


def test_compare_page_has_a_row_per_indicator_with_verdicts_and_quotes(run):
    page = page_of(run, "compare", "2023", "2025")
    rows = json_of(run, "compare", "2023", "2025")["rows"]
    assert len(page.tags("tr", **{"class": "row"})) == len(rows) == 68
    for row in rows:
        for side in ("before", "after"):
            if row[side]:
                assert row[side]["quote"] in page.text
                assert row[side]["locator"] in page.text
        assert row["name_en"] in page.text
    verdicts = {row["verdict"] for row in rows}
    shown = [
        a["class"].removeprefix("verdict v-")
        for a in page.tags("span")
        if "v-" in a.get("class", "")
    ]
    assert set(shown) == {v.replace(" ", "-") for v in verdicts}
    for row in rows:
        assert all(reason_text(found) in page.text for found in row["reasons"])
        assert row["ambition"] is None or row["ambition"] in page.text
    assert "Digital Strong Province 2023 Work Points" in page.text
    assert "数字强省建设2025年工作要点" in page.text  # the other language's title too
    assert f"policy-targets {__version__}" in page.text
    assert "68 indicators: 1 raised, 1 not comparable, 22 new, 43 lapsed" in page.text
    assert page.tags("html") == [{"lang": "en"}]


def test_compare_page_in_chinese(run):
    page = page_of(run, "--lang", "zh", "compare", "2023", "2025")
    rows = json_of(run, "compare", "2023", "2025")["rows"]
    assert page.tags("html") == [{"lang": "zh-CN"}]
    for word in ("提高", "无法判断", "不可比", "新增目标", "已到期", "未重申"):
        assert word in page.text
    for row in rows:
        assert term(row["ambition"], "zh", Ambition) in page.text
        assert all(reason_words(found, "zh") in page.text for found in row["reasons"])
    assert "变化：两份文件都有的目标" in page.text
    assert "由 policy-targets" in page.text


def test_alignment_page_has_shared_and_only_sections(run):
    page = page_of(run, "compare", "2023-binzhou-plan", "2025")
    rows = json_of(run, "compare", "2023-binzhou-plan", "2025")["rows"]
    assert len(page.tags("tr", **{"class": "row"})) == len(rows)
    assert "Shared: both documents give a figure" in page.text
    assert "secondary source" in page.text  # the Binzhou plan is known from a news report


def test_every_header_cell_has_a_scope(run):
    page = page_of(run, "compare", "2023", "2025")
    assert {a.get("scope") for a in page.tags("th")} == {"col", "row"}


def test_content_security_policy_allows_only_the_inline_style(run):
    page = page_of(run, "compare", "2023", "2025")
    (meta,) = page.tags("meta", **{"http-equiv": "Content-Security-Policy"})
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert meta["content"] == (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    assert [t for t, _ in page.elements if t in ("script", "link", "img", "iframe")] == []


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "2023", "2025"),
        ("trajectory", "smart-communities"),
        ("export",),
        ("documents",),
    ],
    ids=["compare", "trajectory", "export", "documents"],
)
def test_page_refers_to_nothing_outside_itself(run, args):
    page = page_of(run, *args)
    assert [a for _, a in page.elements if "src" in a or "srcset" in a] == []
    links = [a["href"] for a in page.tags("a")]
    assert all(href.startswith("#") for href in links)
    assert "url(" not in page.style and "@import" not in page.style


def test_colours_pass_wcag_aa_on_the_background():
    """Every colour the stylesheet gives text: at least 4.5:1 against the page (and the
    table header's) background."""
    css = (TEMPLATES / "page.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6});", css))

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    backgrounds = ("bg", "head-bg")
    texts = [name for name in colours if name not in (*backgrounds, "rule")]
    assert len(texts) == 11
    low = {
        (text, ground): round(contrast(colours[text], colours[ground]), 2)
        for text in texts
        for ground in backgrounds
        if contrast(colours[text], colours[ground]) < 4.5
    }
    assert low == {}


def test_trajectory_page_draws_an_inline_svg_chart(run):
    page = page_of(run, "trajectory", "smart-communities")
    points = json_of(run, "trajectory", "smart-communities")["points"]
    assert len(page.tags("svg")) == 1
    assert len(page.tags("circle")) == len(points) == 2
    assert len(page.tags("tr", **{"class": "row"})) == 2
    assert "建成不少于5000个智慧社区" in page.text
    assert "no figure in: 2018-digital-shandong-plan, 2021-implementation-scheme" in page.text


def test_trajectory_page_of_every_scope_has_a_section_and_charts_per_scope(run):
    page = page_of(run, "trajectory", "digital-economy-gdp-share", "--scope", "all")
    scopes = json_of(run, "trajectory", "digital-economy-gdp-share", "--scope", "all")["scopes"]
    found = [p for s in scopes.values() for p in s["points"]]
    figures = [p for p in found if p.get("kind") != "reported"]
    reported = [p for p in found if p.get("kind") == "reported"]
    assert len(page.tags("h2")) == len(scopes) + 1  # and the documents
    assert len(page.tags("circle")) == len(page.tags("tr", **{"class": "row"})) == len(figures)
    # The figures reported as achieved: a table of their own, a row each.
    assert len(page.tags("tr", **{"class": "reported"})) == len(reported) > 0


def test_trajectory_chart_draws_only_figures_that_measure_alike():
    from policy_targets.cli.svg import charts

    def point(year, measure, magnitude, unit="count"):
        return {
            "target_year": year,
            "measure": measure,
            "kind": "target",
            "document": "d",
            "normalized": {"magnitude": magnitude, "unit": unit},
            "shown": {"normalized": str(magnitude)},
        }

    found = charts(
        [point(2020, "level", 10), point(2022, "cumulative", 20), point(2023, "addition", 5)]
    )
    assert [(c["measure"], len(c["points"])) for c in found] == [("stock", 2), ("addition", 1)]
    stock = found[0]
    # the larger figure higher up, both above the axis; years left to right
    (a, b) = stock["points"]
    assert a["x"] < b["x"] and stock["bottom"] > a["y"] > b["y"] >= stock["top"]


def test_export_page_has_contents_and_every_target(run, dataset):
    page = page_of(run, "export")
    assert len(page.tags("tr", **{"class": "row"})) == len(dataset.targets) == 174
    contents = [a["href"] for a in page.tags("a")]
    assert contents == [
        f"#doc-{d}" for d in sorted(dataset.documents, key=lambda d: (dataset.documents[d].year, d))
    ] + ["#by-year"]
    assert {a.get("id") for a in page.tags("h2")} >= {h.removeprefix("#") for h in contents}
    assert page.text.count("secondary source") == 1  # the Binzhou plan, a news report
    assert "Indicators by year" in page.text


def test_other_listing_commands_get_their_tables_as_a_page(run, dataset):
    page = page_of(run, "--lang", "zh", "documents")
    assert page.tags("html") == [{"lang": "zh-CN"}]
    assert len(page.tags("tbody")) == 1
    assert len(page.tags("tr")) == len(dataset.documents) + 1


def test_html_file_by_its_extension(run, tmp_path):
    result = run("compare", "2023", "2025", "-o", str(tmp_path / "r.html"))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_format_contradicting_html_extension_is_refused(run, tmp_path):
    result = run("compare", "2023", "2025", "-f", "json", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --format json contradicts the extension of r.html (html); drop --format, "
        "or name the file r.json\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_verdict_words_come_from_the_vocabulary(run):
    page = page_of(run, "--lang", "zh", "compare", "2023", "2025")
    rows = json_of(run, "compare", "2023", "2025")["rows"]
    spans = [a for a in page.tags("span") if "v-" in a.get("class", "")]
    assert len(spans) == len(rows)
    assert term("not restated", "zh") in page.text


def test_templates_are_package_data():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["policy_targets.cli"]
    files = {p.name for p in TEMPLATES.iterdir()}
    covered = {p.name for pattern in patterns for p in (REPO / "cli").glob(pattern)}
    assert files == covered and "page.css" in files and "compare.html.j2" in files


def test_page_takes_up_what_the_result_model_adds(dataset):
    """Reasons as objects, a target's period and figure as written, notes on a row: each
    shown once it is in to_dict(), with no change to the renderer."""
    from policy_targets.cli.html import render
    from policy_targets.cli.pages import compare_page
    from policy_targets.comparisons.diff import compare

    comparison = compare(
        dataset, dataset.documents["2023-work-points"], dataset.documents["2025-work-points"]
    )
    payload = comparison.to_dict()
    (row,) = [r for r in payload["rows"] if r["indicator"] == "smart-communities"]
    row["reasons"] = [{"code": "value", "text": "value +150 %", "amount": 150.0, "unit": "%"}]
    row["notes"] = [{"code": "n", "text": "A note on the row"}, "A plain note"]
    row["after"] |= {"as_written": "不少于5000个", "period": {"start": 2024, "end": 2025}}
    for lang, reason in (("en", "value +150 %"), ("zh", "数值 +150%")):
        text = render(**compare_page(comparison, payload, [], lang))
        page = Page(text)
        assert reason in page.text and "'code'" not in page.text
        assert "A note on the row" in page.text and "A plain note" in page.text
        assert '<div class="figure">不少于5000个</div>' in text  # not ≥5000个
        assert ("covers 2024–2025" if lang == "en" else "涵盖2024–2025年") in page.text


def test_a_trajectory_page_gives_each_targets_status_in_its_language(run):
    args = ("trajectory", "5g-base-stations", "--as-of", "2026-12-06")
    english = page_of(run, *args)
    chinese = page_of(run, "--lang", "zh", *args)
    assert (
        "the running total as of no later than 2023-12-31, 202,000, already reaches the "
        "target of at least 200,000 for 2023; a running total does not fall, so the figure at "
        "the end of 2023 does too"
    ) in english.text
    assert (
        "不晚于2023-12-31的累计数（=202,000）已达到2023年目标（≥200,000）；累计数不会减少，2023年末亦然"
        in chinese.text
    )
    assert "already reaches" not in chinese.text
    # A figure the source dates only as 目前 is shown as no later than its day.
    assert "no later than 2023-12-31" in english.text and "不晚于2023-12-31" in chinese.text


def test_a_compare_page_gives_the_earlier_targets_status_in_its_language(run):
    args = ("compare", "2023", "2025", "--as-of", "2026-12-06")
    english = page_of(run, *args)
    chinese = page_of(run, "--lang", "zh", *args)
    # The status, then its reason in a block of its own below it.
    assert (
        "\nmetthe running total as of no later than 2023-12-31, 202,000, already reaches the "
        "target of at least 200,000 for 2023"
    ) in english.text
    assert (
        "\n已实现不晚于2023-12-31的累计数（=202,000）已达到2023年目标（≥200,000）" in chinese.text
    )
