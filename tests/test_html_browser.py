"""The HTML pages in a real browser: Debian's headless Chromium, driven by Playwright for
Python (`executable_path`, no browser download). Each test opens a page from a file://
URL, records every request it makes (and aborts any that would leave the file), and
keeps a screenshot in tests/artifacts/ (git-ignored; POLICY_TEST_ARTIFACTS moves it).

Without Chromium (`apt-get install chromium`) these tests are skipped, except under CI,
whose .ci/run installs it: there a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import HOSTILE_HTML

from policy_targets.cli.labels import term

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("POLICY_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("POLICY_TEST_ARTIFACTS", REPO / "tests" / "artifacts"))


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium, or set POLICY_CHROMIUM"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (.ci/run installs it)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


class Opened:
    """A page opened from a file, with every request, console error and dialog it made."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        # Nothing but the file itself may load: anything else is recorded, then aborted.
        self.context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url == path.as_uri() else route.abort()
            ),
        )
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.goto(path.as_uri())

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(shot), full_page=True)
        return shot


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_page(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_page
    for one in pages:
        one.context.close()


def written(run, path: Path, *args: str) -> Path:
    result = run(*args, "--output", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    return path


def json_of(run, *args: str) -> dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_compare_page_in_chromium(run, tmp_path, opened):
    path = written(run, tmp_path / "r.html", "compare", "2023", "2025")
    rows = json_of(run, "compare", "2023", "2025")["rows"]
    shown = opened(path)
    page = shown.page
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("tbody tr").count() == len(rows) == 67
    verdicts = set(page.locator("tbody .verdict").all_inner_texts())
    assert verdicts == {row["verdict"] for row in rows}
    assert {"raised", "not comparable", "new", "lapsed", "not restated"} == verdicts
    quote = next(row["after"]["quote"] for row in rows if row["indicator"] == "smart-communities")
    assert page.get_by_text(quote, exact=True).is_visible()
    # The inline style applies under the page's Content-Security-Policy: no violation.
    colour = page.locator(".v-raised").first.evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(27, 110, 32)"
    assert (shown.requests, shown.errors, shown.dialogs) == ([path.as_uri()], [], [])
    assert shown.screenshot("compare-2023-2025").stat().st_size > 10_000


def test_compare_page_in_chinese_in_chromium(run, tmp_path, opened):
    path = written(run, tmp_path / "r.html", "--lang", "zh", "compare", "2023", "2025")
    rows = json_of(run, "compare", "2023", "2025")["rows"]
    shown = opened(path)
    page = shown.page
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("tbody tr").count() == len(rows)
    verdicts = set(page.locator("tbody .verdict").all_inner_texts())
    assert verdicts == {term(row["verdict"], "zh") for row in rows}
    assert "已到期" in verdicts
    assert page.get_by_role("heading", name="变化：两份文件都有的目标").is_visible()
    assert (shown.requests, shown.errors) == ([path.as_uri()], [])
    shown.screenshot("compare-2023-2025-zh")


def test_trajectory_page_has_an_inline_svg_chart_in_chromium(run, tmp_path, opened):
    path = written(run, tmp_path / "t.html", "trajectory", "smart-communities")
    points = json_of(run, "trajectory", "smart-communities")["points"]
    shown = opened(path)
    page = shown.page
    chart = page.locator("figure.chart svg")
    assert chart.count() == 1
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert chart.locator("circle").count() == len(points) == 2
    assert page.locator("tbody tr").count() == len(points)
    assert page.get_by_text("建成不少于5000个智慧社区", exact=True).is_visible()
    assert (shown.requests, shown.errors) == ([path.as_uri()], [])
    shown.screenshot("trajectory-smart-communities")


def test_export_page_and_its_print_layout_in_chromium(run, tmp_path, opened, dataset):
    path = written(run, tmp_path / "e.html", "export")
    shown = opened(path)
    page = shown.page
    assert page.locator("tbody tr.row").count() == len(dataset.targets)
    assert page.locator("nav.toc a").count() == len(dataset.documents) + 1
    assert page.locator("nav.toc").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("nav.toc").is_visible()  # contents are for the screen
    assert (shown.requests, shown.errors) == ([path.as_uri()], [])


def test_markup_in_the_data_is_text_in_chromium(run, tmp_path, opened, hostile_html_data):
    data = ["--data", str(hostile_html_data)]
    path = written(run, tmp_path / "h.html", *data, "compare", "2023", "2025")
    rows = json_of(run, *data, "compare", "2023", "2025")["rows"]
    shown = opened(path)
    page = shown.page
    assert page.locator("script").count() == page.locator("img").count() == 0
    assert page.locator("tbody tr").count() == len(rows)  # no </table> closed a table
    name = page.locator("tbody th", has_text="smart-communities").inner_text()
    assert name.startswith(HOSTILE_HTML)
    assert HOSTILE_HTML in page.locator("body").inner_text()  # the title and the quote
    assert (shown.requests, shown.errors, shown.dialogs) == ([path.as_uri()], [], [])
    shown.screenshot("compare-hostile-names")


def test_a_page_that_loads_from_outside_is_caught(tmp_path, opened):
    """The request check can fail: a page that fetches an image is seen doing it (the
    request is aborted before it leaves)."""
    path = tmp_path / "loads.html"
    path.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png" alt="">', encoding="utf-8")
    shown = opened(path)
    assert shown.requests == [path.as_uri(), "http://127.0.0.1:9/x.png"]
