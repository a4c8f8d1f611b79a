import json

import pytest


def points(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["points"]


@pytest.mark.parametrize(
    "name",
    [
        "digital-economy-gdp-share",
        "数字经济占GDP比重",
        "數字經濟",
        "digital economy",
        "Digital Economy Share of GDP",
    ],
)
def test_names_find_the_digital_economy_share(run, name):
    result = run("trajectory", name, "--format", "json")
    assert json.loads(result.stdout)["indicator"] == "digital-economy-gdp-share"


def test_digital_economy_share_trajectory(run):
    result = run("trajectory", "数字经济占GDP比重", "--format", "json")
    payload = json.loads(result.stdout)
    rows = [p for p in payload["points"] if p["kind"] != "reported"]
    assert [(r["target_year"], r["kind"], r["comparator"], r["value"]) for r in rows] == [
        (2017, "baseline", "exactly", 35),
        (2022, "target", "at_least", 45),
        (2025, "target", "more_than", 50),
    ]
    assert [r["document"] for r in rows] == [
        "2018-digital-shandong-plan",
        "2018-digital-shandong-plan",
        "2025-work-points",
    ]
    steps = [r["step"] for r in rows]
    assert steps[0] is None
    assert [(s["verdict"], s["ambition"], s["change"]["absolute"]) for s in steps[1:]] == [
        ("raised", None, 10),  # a baseline, then a target: no ambition
        ("raised", "mixed", 5),  # higher, and "more than", but at a slower pace
    ]
    assert [s["change"]["per_year_kind"] for s in steps[1:]] == ["points", "points"]
    assert steps[1]["change"]["per_year"] == 2
    assert round(steps[2]["change"]["per_year"], 4) == 1.6667
    assert [r["text"] for r in steps[2]["reasons"]] == [
        "slower pace: +1.88 pp/yr from 2017 to 2025 against +2.00 pp/yr from 2017 to 2022",
        "more than instead of at least",
    ]
    assert [r["period"] for r in rows] == [{"start": y, "end": y} for y in (2017, 2022, 2025)]
    assert payload["no_figure_in"] == ["2021-implementation-scheme", "2023-work-points"]
    # Beijing's, Shanghai's, Guangdong's and the world's shares are other scopes.
    assert {r["scope"] for r in rows} == {"shandong"}


def test_trajectory_table_has_a_chart_in_a_terminal_only(run):
    piped = run("trajectory", "digital-economy-gdp-share")
    assert "█" not in piped.stdout
    assert piped.stdout.splitlines()[-1] == (
        "no figure in: 2021-implementation-scheme, 2023-work-points"
    )
    terminal = {"COLUMNS": "220", "FORCE_TERMINAL": "1", "NO_COLOR": "1"}
    result = run("trajectory", "digital-economy-gdp-share", env=terminal)
    assert result.exit_code == 0
    assert "2017 █████████████████ =35 %" in result.stdout
    assert "2025 ████████████████████████ >50 %" in result.stdout
    assert "+2.00 pp/yr" in result.stdout


def test_smart_communities_and_compound_growth(run):
    rows = points(run("trajectory", "smart-communities", "--format", "json"))
    assert [(r["target_year"], r["value"], r["measure"]) for r in rows] == [
        (2023, 2000, "cumulative"),
        (2025, 5000, "level"),
    ]
    assert round(rows[1]["step"]["change"]["per_year"], 4) == 0.5811
    assert rows[1]["step"]["change"]["per_year_kind"] == "growth"
    assert (rows[1]["step"]["verdict"], rows[1]["step"]["ambition"]) == ("raised", "unclear")


def test_not_comparable_points_are_flagged(run):
    rows = points(run("trajectory", "smart-agriculture-bases", "--format", "json"))
    assert rows[1]["step"]["verdict"] == "not comparable"
    assert [r["text"] for r in rows[1]["step"]["reasons"]] == [
        "different measure: addition (an addition over its period) vs cumulative (a cumulative stock)"
    ]
    assert rows[1]["step"]["change"] is None


def test_lower_target_than_an_earlier_document_is_flagged(data_copy, run):
    path = data_copy / "2025-work-points.yaml"
    text = path.read_text(encoding="utf-8")
    edited = (
        text.replace("value: 5000", "value: 1500")
        .replace("quote: 建成不少于5000个智慧社区", "quote: 建成不少于1500个智慧社区")
        .replace("as_written: 不少于5000个", "as_written: 不少于1500个")
    )
    assert edited.count("1500") == 3
    path.write_text(edited, encoding="utf-8")
    rows = points(
        run("--data", str(data_copy), "trajectory", "smart-communities", "--format", "json")
    )
    assert rows[1]["value"] == 1500
    assert rows[1]["step"]["lower_than_earlier"] == {
        "document": "2023-work-points",
        "target_year": 2023,
    }
    table = run("--data", str(data_copy), "trajectory", "smart-communities").stdout
    assert "lower than 2023-work-points's ≥2000个 for 2023" in table


def test_binzhou_scope(run):
    rows = points(run("trajectory", "10g-pon-ports", "--scope", "binzhou", "--format", "json"))
    assert [(r["target_year"], r["value"], r["unit"], r["normalized"]) for r in rows] == [
        (2025, 4, "万个", {"magnitude": 40000, "unit": ""})
    ]


def test_no_figure_in_the_scope_is_an_error(run, tmp_path):
    chart = tmp_path / "chart.png"
    result = run("trajectory", "smart-city-star-rating", "--plot", str(chart))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: smart-city-star-rating has no figure for shandong; it has figures for binzhou\n"
    )
    assert not chart.exists()


def test_unknown_indicator_suggests(run):
    result = run("trajectory", "smart-comunities")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: unknown indicator 'smart-comunities'; did you mean smart-communities, "
        "smart-community-coverage-rate? "
        "(`policy indicators` lists them all)\n"
    )


def test_ambiguous_name_lists_matches(run):
    result = run("trajectory", "智慧")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: '智慧' matches ")
    assert result.stderr.endswith("; be more specific\n")


def test_plot_writes_a_png(tmp_path, run):
    target = tmp_path / "share.png"
    result = run(
        "trajectory", "digital-economy-gdp-share", "--plot", str(target), "--format", "json"
    )
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (800, 450)


def test_compare_plot_writes_a_png(tmp_path, run):
    target = tmp_path / "compare.png"
    result = run(
        "compare",
        "2021",
        "2023",
        "--plot",
        str(target),
        "-i",
        "progress-reporting-frequency",
        "-i",
        "smart-communities",
        "--format",
        "json",
    )
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (800, 340)


def test_plot_without_matplotlib_explains(monkeypatch, tmp_path, run):
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    result = run("trajectory", "smart-communities", "--plot", str(tmp_path / "x.png"))
    assert result.exit_code == 2
    assert result.stderr == "error: --plot needs matplotlib: pip install 'policy-targets[plot]'\n"
    assert not (tmp_path / "x.png").exists()


def test_compare_plot_of_nothing_is_an_error(tmp_path, run):
    target = tmp_path / "nothing.png"
    result = run("compare", "2018", "2021", "--plot", str(target), "--format", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: no indicator has a figure in both documents; name one to draw with --indicator\n"
    )
    assert not target.exists()


def test_series_join_only_figures_that_compare(dataset):
    from policy_targets.comparisons.trajectory import trajectory

    bases = trajectory(dataset, dataset.indicators["smart-agriculture-bases"], "shandong")
    assert {label: [p.target.year for p in points] for label, points in bases.series().items()} == {
        "addition (an addition over its period)": [2023],
        "stock (level or cumulative)": [2025],
    }
    share = trajectory(dataset, dataset.indicators["digital-economy-gdp-share"], "shandong")
    assert {label: len(points) for label, points in share.series().items()} == {
        "share (a share)": 3
    }


def test_the_terminal_chart_scales_each_measure_apart(run):
    terminal = {"COLUMNS": "200", "FORCE_TERMINAL": "1", "NO_COLOR": "1"}
    lines = run("trajectory", "smart-agriculture-bases", env=terminal).stdout.splitlines()
    chart = [line.strip() for line in lines if "█" in line or line.strip().endswith(")")]
    assert "addition (an addition over its period)" in chart
    assert "stock (level or cumulative)" in chart
    assert "2023 " + "█" * 24 + " =100" in chart
    assert "2025 " + "█" * 24 + " =500" in chart


def test_a_refused_output_leaves_no_chart(tmp_path, run):
    existing, chart = tmp_path / "out.txt", tmp_path / "chart.png"
    existing.write_text("keep", encoding="utf-8")
    for args in (["compare", "2023", "2025"], ["trajectory", "smart-communities"]):
        result = run(*args, "--plot", str(chart), "--output", str(existing))
        assert (result.exit_code, result.stderr) == (
            2,
            f"error: {existing} exists; pass --force to overwrite it\n",
        )
        assert not chart.exists()
    assert existing.read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--only", "new"],
            "none of the rows --only new shows has a figure in both documents; "
            "name one to draw with --indicator",
        ),
        (
            ["--only", "changed", "-i", "5g-base-stations"],
            "none of the chosen indicators is among the rows --only changed shows",
        ),
    ],
)
def test_plot_errors_say_what_only_filtered(tmp_path, run, args, message):
    result = run("compare", "2023", "2025", *args, "--plot", str(tmp_path / "x.png"))
    assert (result.exit_code, result.stderr) == (2, f"error: {message}\n")


def _sections(text: str) -> list[list[list[str]]]:
    """A plain-text report's sections (blank-line separated), rows split into cells."""
    import re

    blocks = [block for block in text.split("\n\n") if block.strip()]
    return [[re.split(r" {2,}", line.rstrip()) for line in b.splitlines()] for b in blocks]


def test_scope_all_shows_each_scope_side_by_side(run):
    result = run("trajectory", "digital-economy-gdp-share", "--scope", "all")
    assert result.exit_code == 0, result.stderr
    sections = [
        [row for row in section if len(row) < 2 or row[1] != "reported"]
        for section in _sections(result.stdout)
    ]
    assert [s[0] for s in sections] == [
        ["Digital economy share of GDP (digital-economy-gdp-share, shandong)"],
        ["Digital economy share of GDP (digital-economy-gdp-share, beijing)"],
        ["Digital economy share of GDP (digital-economy-gdp-share, shanghai)"],
        ["Digital economy share of GDP (digital-economy-gdp-share, guangdong)"],
    ]
    assert [row[:5] for row in sections[0][2:5]] == [
        ["2017", "baseline", "2018-digital-shandong-plan †1", "35% (share)", "=35 %"],
        [
            "2022",
            "target (aspirational)",
            "2018-digital-shandong-plan",
            "达到45%以上 (share)",
            "≥45 %",
        ],
        ["2025", "target (aspirational)", "2025-work-points", "超过50% (share)", ">50 %"],
    ]
    assert sections[1][1:] == [
        ["Year", "Kind", "Document", "As written", "Normalized", "Quote"],
        [
            "2017",
            "baseline",
            "2018-digital-shandong-plan †1",
            "49.7% (share)",
            "=49.7 %",
            "北京、上海、广东数字经济规模占GDP比重分别为49.7%、48.9%、40.8%",
        ],
        ["Notes:"],
        [
            "†1 2018-digital-shandong-plan, digital-economy-gdp-share: from the "
            "中国数字经济发展与就业白皮书(2018年), which reports 2017 figures"
        ],
    ]
    assert sections[3][2][3] == "40.8% (share)"


def test_scope_all_city_and_province(run):
    result = run("--lang", "zh", "trajectory", "morning-star-factories", "--scope", "all")
    sections = _sections(result.stdout)
    assert [s[0] for s in sections] == [
        ["晨星工厂（morning-star-factories，山东）"],
        ["晨星工厂（morning-star-factories，滨州）"],
    ]
    assert sections[1][2][:5] == [
        "2025",
        "目标",
        "2023-binzhou-plan †1",
        "150家以上（2023–2025，增量，二手来源）",
        "≥150",
    ]


def test_scope_all_json_has_an_object_per_scope(run):
    result = run("trajectory", "digital-economy-gdp-share", "--scope", "all", "--format", "json")
    payload = json.loads(result.stdout)
    assert (payload["indicator"], payload["scope"]) == ("digital-economy-gdp-share", "all")
    assert list(payload["scopes"]) == ["shandong", "beijing", "shanghai", "guangdong"]
    for scope, found in payload["scopes"].items():
        assert found["scope"] == scope
        assert {p["scope"] for p in found["points"]} == {scope}
    shandong = payload["scopes"]["shandong"]["points"]
    assert [p["value"] for p in shandong if p["kind"] != "reported"] == [35, 45, 50]
    assert [p["value"] for p in payload["scopes"]["shanghai"]["points"]] == [48.9]
    single = run("trajectory", "digital-economy-gdp-share", "--scope", "beijing", "-f", "json")
    assert json.loads(single.stdout) == payload["scopes"]["beijing"]


def test_scope_all_csv_rows_carry_their_scope(run):
    import csv
    import io

    result = run("trajectory", "digital-economy-gdp-share", "--scope", "all", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    rows = [r for r in rows if r["kind"] != "reported"]
    assert [(r["scope"], r["target_year"], r["value"]) for r in rows] == [
        ("shandong", "2017", "35"),
        ("shandong", "2022", "45"),
        ("shandong", "2025", "50"),
        ("beijing", "2017", "49.7"),
        ("shanghai", "2017", "48.9"),
        ("guangdong", "2017", "40.8"),
    ]


def captured_figures(monkeypatch) -> list[dict]:
    """The figures --plot draws from now on, as lines, points, legend and title."""
    from policy_targets.cli import plot

    figures = []
    original = plot._drawn

    def capture(plt, figure, fmt):
        axes = figure.axes[0]
        figures.append(
            {
                "lines": [
                    (
                        line.get_label(),
                        list(line.get_xdata()),
                        list(line.get_ydata()),
                        line.get_marker(),
                    )
                    for line in axes.lines
                ],
                "points": [
                    (tuple(c.get_offsets()[0]), tuple(c.get_edgecolor()[0]))
                    for c in axes.collections
                ],
                "legend": [t.get_text() for t in axes.get_legend().get_texts()],
                "title": axes.get_title(),
            }
        )
        return original(plt, figure, fmt)

    monkeypatch.setattr(plot, "_drawn", capture)
    return figures


def test_scope_all_plot_draws_one_series_per_scope(run, tmp_path, monkeypatch):
    """Lines join only the points of one scope and one measure; each scope has a colour."""
    figures = captured_figures(monkeypatch)
    chart = tmp_path / "all.png"
    result = run(
        "trajectory",
        "digital-economy-gdp-share",
        "--scope",
        "all",
        "--plot",
        str(chart),
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    assert chart.read_bytes().startswith(b"\x89PNG")
    (drawn,) = figures
    assert drawn["lines"] == [
        ("shandong: share (a share)", [2017, 2022, 2025], [35.0, 45.0, 50.0], "None"),
        ("shandong: reported", [2023.0, 2024.0], [47.0, 49.0], "."),  # as of each 31 December
    ]
    assert drawn["legend"] == [
        "shandong: share (a share)",
        "shandong: reported",
        "shandong",
        "beijing",
        "shanghai",
        "guangdong",
    ]
    assert drawn["title"] == "Digital economy share of GDP (shandong, beijing, shanghai, guangdong)"
    colours = {}
    for (year, value), colour in drawn["points"]:
        colours.setdefault(colour, []).append((int(year), value))
    assert sorted(colours.values()) == [
        [(2017, 35.0), (2022, 45.0), (2025, 50.0)],
        [(2017, 40.8)],
        [(2017, 48.9)],
        [(2017, 49.7)],
    ]


def test_scope_all_of_an_indicator_in_one_scope(run):
    result = run("trajectory", "smart-communities", "--scope", "all", "--format", "json")
    assert list(json.loads(result.stdout)["scopes"]) == ["shandong"]


@pytest.mark.parametrize(
    ("output_args", "message"),
    [
        (
            ["-f", "table", "-o", "x.json"],
            "--format table contradicts the extension of x.json (json); drop --format, "
            "or name the file x.txt",
        ),
        (
            ["-o", "x.db"],
            "x.db names a sqlite file, which only `policy export` writes; "
            "give another --output name",
        ),
        (["-f", "xlsx"], "xlsx is a binary format; give a file with --output report.xlsx"),
    ],
    ids=["contradiction", "export-only", "xlsx-to-terminal"],
)
def test_a_refused_format_leaves_no_chart(tmp_path, run, output_args, message):
    chart = tmp_path / "chart.png"
    for args in (["compare", "2023", "2025"], ["trajectory", "smart-communities"]):
        result = run(*args, "--plot", str(chart), *output_args)
        assert (result.exit_code, result.stderr) == (2, f"error: {message}\n")
        assert not chart.exists()


def test_reported_figures_are_points_of_their_own_kind_in_date_order(run):
    result = run("trajectory", "5g-base-stations", "--as-of", "2026-12-06", "--format", "json")
    points = json.loads(result.stdout)["points"]
    reported = [p for p in points if p["kind"] == "reported"]
    assert len(reported) >= 3
    assert [p["as_of"] for p in reported] == sorted(p["as_of"] for p in reported)
    assert all(p["source"]["url"].startswith("http") and p["source"]["publisher"] for p in reported)
    assert all(p["step"] is None and p["status"] is None for p in reported)
    (target,) = [p for p in points if p["kind"] == "target"]
    # 20.2万 is a running total of a day no later than 2023-12-31: it meets the 2023 target.
    assert (target["status"]["status"], target["status"]["report"]["value"]) == ("met", 20.2)
    assert [p["dated"] for p in reported if p["value"] == 20.2] == ["no later than"]


def test_a_running_total_published_after_as_of_does_not_meet_the_target_yet(run):
    # 20.2万 was posted on 2024-01-11; the day before, the latest known is 14.9万 of 2022.
    reported, status = trajectory_on(run, "5g-base-stations", "2024-01-10")
    assert reported == ["2020-12-31", "2021-12-31", "2022-08-12"]
    assert (status["status"], status["reason"]["code"]) == ("no report", "no-year-end-report")
    assert status["reason"]["text"] == (
        "the target of at least 200,000 for 2023 was due at the end of 2023; no report as of "
        "2023-12-31 (the latest is as of no later than 2022-08-12, more than 149,000)"
    )


def trajectory_on(run, indicator, day):
    result = run("trajectory", indicator, "--as-of", day, "--format", "json")
    points = json.loads(result.stdout)["points"]
    (target,) = [p for p in points if p["kind"] == "target"]
    return [p["as_of"] for p in points if p["kind"] == "reported"], target["status"]


def test_as_of_leaves_reports_published_later_out_of_a_trajectory(run):
    # The figure for the end of 2020 was published on 2022-06-18; 10.1万 of 2021 is a level,
    # and a pace for the 2023 running-total target is drawn through running totals only.
    reported, status = trajectory_on(run, "5g-base-stations", "2022-03-31")
    assert reported == ["2021-12-31"]
    assert (status["status"], status["reason"]["dates"]) == ("not yet due", 0)


def test_a_figure_whose_day_is_not_stated_gives_no_pace(run):
    # 5.1万 is dated only no later than the end of 2020: with 10.1万 of 2021-12-31 it
    # would give a pace, but not one of known length.
    reported, status = trajectory_on(run, "5g-base-stations", "2022-07-01")
    assert reported == ["2020-12-31", "2021-12-31"]
    assert (status["status"], status["reason"]["dates"]) == ("not yet due", 0)
    assert status["reason"]["text"].endswith(
        "the reports so far are bounds (more than, at most), undated, or of another measure, which give no pace"
    )


def test_the_2025_digital_economy_share_has_a_status_with_its_reason(run):
    result = run("trajectory", "digital-economy-gdp-share", "--as-of", "2026-12-06", "-f", "json")
    points = json.loads(result.stdout)["points"]
    (target,) = [p for p in points if p.get("target_year") == 2025]
    assert target["status"]["status"] == "no report"
    assert target["status"]["reason"]["code"] == "no-year-end-report"
    assert target["status"]["reason"]["text"] == (
        "the target of more than 50 % for 2025 (力争, aspirational, judged as firm) was due "
        "at the end of 2025; no report as of 2025-12-31 (the latest is as of 2024-12-31, "
        "more than 49 %)"
    )


def _label_boxes(figure):
    """The drawn boxes of a chart's point labels, by text, once laid out for saving."""
    figure.tight_layout()
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    return {text.get_text(): text.get_window_extent(renderer) for text in axes.texts}


def test_point_labels_that_would_overlap_are_placed_apart(run, tmp_path, monkeypatch):
    """Beijing's =49.7 and Shanghai's =48.9 (2017) sit almost on one spot: their labels
    cover neither each other nor a marker."""
    from policy_targets.cli import plot

    boxes = []
    original = plot._drawn

    def capture(plt, figure, fmt):
        boxes.append((_label_boxes(figure), figure))
        return original(plt, figure, fmt)

    monkeypatch.setattr(plot, "_drawn", capture)
    chart = tmp_path / "all.png"
    args = ["trajectory", "digital-economy-gdp-share", "--scope", "all", "--plot", str(chart)]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    ((drawn, figure),) = boxes
    assert sorted(drawn) == sorted(
        ["=35", "≥45 (aspirational)", ">50 (aspirational)", "=49.7", "=48.9", "=40.8"]
    )
    texts = list(drawn.values())
    for first in range(len(texts)):
        for second in range(first + 1, len(texts)):
            assert not texts[first].overlaps(texts[second])
    axes = figure.axes[0]
    for collection in axes.collections:
        x, y = axes.transData.transform(collection.get_offsets()[0])
        for box in texts:
            assert not box.contains(x, y)
    # The higher of the two keeps its place above its point; the lower one gives way.
    higher, lower = (axes.transData.transform((2017, v))[1] for v in (49.7, 48.9))
    assert drawn["=49.7"].y0 > higher and drawn["=48.9"].y1 < lower


def test_a_figure_dated_no_later_than_a_day_is_a_cross_on_the_chart(run, tmp_path, monkeypatch):
    figures = captured_figures(monkeypatch)
    chart = tmp_path / "5g.png"
    args = ("trajectory", "5g-base-stations", "--as-of", "2026-12-06", "--plot", str(chart))
    assert run(*args, "-f", "json").exit_code == 0
    (drawn,) = figures
    reported, undated = [line for line in drawn["lines"] if "reported" in line[0]]
    assert reported[0] == "reported" and len(reported[1]) == 7
    assert undated[0] == "reported, no later than the day drawn"
    assert [round(x, 2) for x in undated[1]] == [2020.0, 2021.61, 2023.0, 2023.46, 2023.48]
    assert undated[2] == [51000, 149000, 202000, 224000, 224000]
    assert "reported, no later than the day drawn" in drawn["legend"]
    assert undated[3] == "x"
