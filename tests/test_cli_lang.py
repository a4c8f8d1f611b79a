"""`policy --lang zh` (and POLICY_LANG): Chinese headers, verdicts, summaries, sections,
footers and charts in every command; data (JSON and CSV keys and values) stays English."""

from __future__ import annotations

import json
import re

import pytest


def table(text: str) -> list[list[str]]:
    """A plain table written to a pipe: one line per row, columns two or more spaces apart."""
    return [re.split(r" {2,}", line.rstrip()) for line in text.splitlines() if line.strip()]


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_compare_in_chinese(run):
    lines = ok(run("--lang", "zh", "compare", "2023", "2025", "--only", "changed")).splitlines()
    assert lines[:6] == [
        "2023-work-points → 2025-work-points: 数字强省建设2023年工作要点 (2023-06-17) → "
        "数字强省建设2025年工作要点 (2025-04-07)",
        "68项指标：提高1，不可比1，新增目标22，已到期43，未重申1",
        "力度（目标可比时）：无法判断1",
        "各类别指标数，2023-work-points → 2025-work-points：基础设施 10 → 8，数据 6 → 2，"
        "数字经济 4 → 2，产业 6 → 3，农业 2 → 3，公共服务 1 → 0，政务 7 → 2，社会 6 → 2，"
        "能源 4 → 1，人工智能 0 → 1",
        "显示：--only changed 的1行",
        "",
    ]
    rows = table("\n".join(lines[6:]))
    assert rows == [
        ["变化：两份文件都有的目标"],
        ["指标", "2023-work-points", "2025-work-points", "变化", "每年", "判断", "力度", "理由"],
        [
            "智慧社区 †1",
            "不少于2000个（2023，累计）",
            "不少于5000个（2025，存量）",
            "+3,000 (+150%)",
            "+58.1%/年",
            "提高",
            "无法判断",
            "目标年份不同，且无基数可算节奏",
        ],
        ["注："],
        ["†1 2025-work-points, smart-communities: 建成 without 累计; a stock at the end of 2025"],
    ]


def test_compare_sections_and_reasons_in_chinese(run):
    rows = table(ok(run("--lang", "zh", "compare", "2018", "2021", "--as-of", "2026-12-06")))
    notes = ("†", "注：")
    titles = [row[0] for row in rows if len(row) == 1 and not row[0].startswith(notes)]
    assert titles[-3:] == [
        "新增目标：仅见于 2021-implementation-scheme",
        "已到期：仅见于 2018-digital-shandong-plan，2021年前到期",
        "未重申：仅见于 2018-digital-shandong-plan，2021年或以后仍有效",
    ]
    by_name = {row[0]: row for row in rows}
    assert by_name["国际互联网专用通道带宽 †10"] == [
        "国际互联网专用通道带宽 †10",
        "80G（2022，存量）",
        "2022年到期；2021-implementation-scheme 未给出数值",
        "暂无数据",  # the earlier target's status: no report for the end of 2022
    ]
    assert by_name["工作进展通报频次"] == [
        "工作进展通报频次",
        "每季度（2021–2025，频次）",
        "=4 次/年",
    ]
    # the last section
    assert by_name["指标"] == ["指标", "2018-digital-shandong-plan", "理由", "状态"]


def test_alignment_in_chinese(run):
    lines = ok(run("--lang", "zh", "compare", "2023-binzhou-plan", "2025")).splitlines()
    assert lines[1:4] == [
        "滨州与山东范围不同：各行将两者数值并列，跨范围不作提高、降低、新增或到期判断。",
        "2023-binzhou-plan: 二手来源：这些数值来自关于该文件的新闻报道，而非文件本身",
        "35项指标：共有1，仅滨州11，仅山东23",
    ]
    rows = table("\n".join(lines))
    start = rows.index(["共有：两份文件都给出数值"])
    assert rows[start + 1 : start + 3] == [
        ["指标", "2023-binzhou-plan", "2025-work-points", "滨州占山东比重"],
        [
            "晨星工厂 †1",
            "150家以上（2023–2025，增量，二手来源）",
            "50个（2025，增量）",
            "每年100.0%",
        ],
    ]
    assert ["仅滨州：2023-binzhou-plan"] in rows and ["仅山东：2025-work-points"] in rows


def test_trajectory_in_chinese(run):
    rows = table(
        ok(run("--lang", "zh", "trajectory", "digital-economy-gdp-share", "--as-of", "2026-12-06"))
    )
    assert rows[0] == ["数字经济占GDP比重（digital-economy-gdp-share，山东）"]
    assert rows[1] == [
        "年份",
        "类型",
        "文件",
        "原文数值",
        "换算值",
        "变化",
        "每年",
        "判断",
        "力度",
        "理由",
        "状态",
        "原文",
    ]
    assert rows[4][:3] == ["2023-12-31", "报告值", "大众网（二手来源）"]
    assert rows[6] == [
        "2025",
        "目标（力争）",
        "2025-work-points",
        "超过50%（占比）",
        ">50 %",
        "+5 个百分点",
        "+1.67 个百分点/年",
        "提高",
        "有高有低",
        "节奏更慢：2017—2025年每年+1.88个百分点，对比2017—2022年每年+2.00个百分点；"
        "由“不低于”改为“超过”",
        "暂无数据",
        "力争数字经济总量占全省GDP比重超过50%",
    ]
    assert rows[7:] == [
        ["报告值行为已公布的实际数值；变化与判断只比较文件中的数值"],
        ["注："],
        [
            "†1 2018-digital-shandong-plan, digital-economy-gdp-share: from the "
            "中国数字经济发展与就业白皮书(2018年), which reports 2017 figures"
        ],
        ["未给出数值：2021-implementation-scheme, 2023-work-points"],
    ]


def test_trajectory_lower_target_in_chinese(data_copy, run):
    """The CLI's own reason, a later document's lower target, is worded too."""
    path = data_copy / "2025-work-points.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("value: 5000", "value: 1500")
        .replace("quote: 建成不少于5000个智慧社区", "quote: 建成不少于1500个智慧社区")
        .replace("as_written: 不少于5000个", "as_written: 不少于1500个"),
        encoding="utf-8",
    )
    rows = table(
        ok(
            run(
                "--data",
                str(data_copy),
                "--lang",
                "zh",
                "trajectory",
                "智慧社区",
                "--as-of",
                "2026-12-06",
            )
        )
    )
    assert rows[3][-3:] == [
        "数值 -25%；推迟2年；低于 2023-work-points 为2023年定的 ≥2000个",
        "暂无数据",
        "建成不少于1500个智慧社区",
    ]


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "zh", "compare", "2023", "2025"], {}),
        (["compare", "2023", "2025", "--lang", "zh"], {}),
        (["compare", "2023", "2025"], {"POLICY_LANG": "zh"}),
        (["--lang", "en", "compare", "2023", "2025", "--lang", "zh"], {}),
        (["compare", "2023", "2025", "--lang", "zh"], {"POLICY_LANG": "en"}),
    ],
    ids=["global", "command", "environment", "command-over-global", "command-over-env"],
)
def test_every_way_of_asking_for_chinese(run, args, env):
    result = run(*args, env=env)
    assert ok(result).splitlines()[1] == ("68项指标：提高1，不可比1，新增目标22，已到期43，未重申1")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "zh", "compare", "2023", "2025", "--lang", "en"], {}),
        (["compare", "2023", "2025", "--lang", "en"], {"POLICY_LANG": "zh"}),
        (["--lang", "en", "compare", "2023", "2025"], {"POLICY_LANG": "zh"}),
    ],
    ids=["command-over-global", "command-over-env", "global-over-env"],
)
def test_english_wins_where_asked_for_last(run, args, env):
    assert ok(run(*args, env=env)).splitlines()[1] == (
        "68 indicators: 1 raised, 1 not comparable, 22 new, 43 lapsed, 1 not restated"
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            ["--lang", "fr", "documents"],
            {},
            "error: Invalid value for '--lang' (env var: 'POLICY_LANG'): 'fr' is not one of 'en', 'zh'. "
            "(see `root --help`)\n",
        ),
        (
            ["documents"],
            {"POLICY_LANG": "de"},
            "error: Invalid value for '--lang' (env var: 'POLICY_LANG'): 'de' is not one of 'en', 'zh'. "
            "(see `root --help`)\n",
        ),
    ],
    ids=["option", "environment"],
)
def test_an_unsupported_language_is_refused(run, args, env, message):
    result = run(*args, env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "2023", "2025"],
        ["compare", "2023-binzhou-plan", "2025"],
        ["trajectory", "smart-communities"],
        ["trajectory", "digital-economy-gdp-share", "--scope", "all"],
        ["show", "2023-binzhou-plan"],
        ["documents"],
        ["indicators", "--search", "compute"],
        ["export"],
    ],
)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_data_is_the_same_in_every_language(run, args, fmt):
    """JSON and CSV are data: keys, vocabulary values and the English reasons unchanged."""
    english = ok(run(*args, "--format", fmt))
    assert ok(run("--lang", "zh", *args, "--format", fmt)) == english


def test_json_reasons_stay_english_under_chinese(run):
    payload = json.loads(ok(run("--lang", "zh", "compare", "2023", "2025", "-f", "json")))
    rows = {row["indicator"]: row for row in payload["rows"]}
    assert rows["smart-communities"]["reasons"] == [
        {"code": "no-pace", "text": "different target years, no baseline", "signal": 0}
    ]
    assert rows["smart-communities"]["verdict"] == "raised"


def test_documents_in_chinese(run):
    rows = table(ok(run("--lang", "zh", "documents")))
    assert rows[0] == ["文件"]
    assert rows[1] == ["编号", "年份", "范围", "类型", "标题", "发布日期", "来源文件", "条数"]
    by_id = {row[0]: row for row in rows}
    assert by_id["2023-binzhou-plan"][2:5] == [
        "滨州",
        "新闻报道（二手来源）",
        "滨州市数字强市建设规划(2023-2025年)",
    ]
    assert rows[-2:] == [
        ["5份文件"],
        ["2023-binzhou-plan: 二手来源：这些数值来自关于该文件的新闻报道，而非文件本身"],
    ]


def test_indicators_in_chinese(run):
    rows = table(ok(run("--lang", "zh", "indicators", "--search", "智慧社区")))
    assert rows == [
        ["指标"],
        ["编号", "英文名称", "名称", "类别", "量纲", "出现于（文件，年份）"],
        [
            "smart-communities",
            "Smart communities",
            "智慧社区",
            "社会",
            "数量",
            "2023-work-points (2023)，2025-work-points (2025)",
        ],
        [
            "smart-community-coverage-rate",
            "Smart community coverage rate",
            "智慧社区覆盖率",
            "社会",
            "占比",
            "2023-binzhou-plan (2025)",
        ],
        ["2项指标"],
    ]


def test_show_in_chinese(run):
    rows = table(ok(run("show", "2023-binzhou-plan", "--lang", "zh")))
    assert rows[1] == ["二手来源：这些数值来自关于该文件的新闻报道，而非文件本身"]
    assert rows[2] == ["2023-binzhou-plan · 基础设施"]
    assert rows[3] == ["指标", "类型", "年份", "原文数值", "计量", "换算值", "原文", "出处"]
    assert rows[4][:6] == ["10G-PON及以上端口数", "目标", "2025", "4万个以上", "存量", "≥40,000"]
    comparison = table(ok(run("--lang", "zh", "show", "2018")))
    ranks = {row[0]: row[1:6] for row in comparison}
    assert ranks["数字经济规模世界排名 [中国] †24"] == ["基数", "2017", "第二", "存量", "第2"]


def test_export_markdown_in_chinese(run, markdown_tables):
    text = ok(run("--lang", "zh", "export", "--format", "markdown"))
    tables = markdown_tables(text)
    assert tables[0][0] == ["指标", "类型", "年份", "原文数值", "计量", "换算值", "原文", "出处"]
    matrix = tables[-2]
    assert tables[-1][0] == [
        "指标",
        "范围",
        "报告值",
        "计量",
        "用于判定状态",
        "原文",
        "发布者",
        "网址",
    ]
    assert matrix[0][:3] == ["指标", "范围", "2017"]
    assert "## 各年份指标" in text
    assert "（数值来自新闻报道，二手来源）" in text


def test_export_xlsx_headers_in_chinese(run, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "zh.xlsx"
    ok(run("--lang", "zh", "export", "--output", str(path)))
    sheet = load_workbook(path)["2025-work-points"]
    header = next(row for row in sheet.iter_rows(values_only=True) if row and row[0] == "指标")
    assert list(header) == [
        "指标",
        "类型",
        "年份",
        "数值",
        "单位",
        "原文数值",
        "比较符",
        "计量",
        "换算值",
        "换算单位",
        "原文",
        "出处",
    ]


def test_validate_in_chinese(run):
    assert (
        ok(run("--lang", "zh", "validate")) == "通过：5份文件，174条目标，163项指标，23条报告数值\n"
    )
    assert (
        ok(run("validate")) == "ok: 5 documents, 174 targets, 163 indicators, 23 reported figures\n"
    )


def test_swapped_note_in_chinese(run):
    result = run("--lang", "zh", "compare", "2025", "2023", "-f", "json")
    assert result.stderr == (
        "注意：2025-work-points 是较晚的文件；按 2023-work-points → 2025-work-points 比较\n"
    )


# Charts: the texts drawn are read back from the figure before it is saved.


@pytest.fixture
def drawn(monkeypatch):
    """The texts of every chart drawn: title(s), axis labels, tick labels, legend."""
    from policy_targets.cli import plot

    charts: list[dict] = []
    original = plot._drawn

    def capture(plt, figure, fmt):
        texts = {"titles": [], "xlabels": [], "ylabels": [], "ticks": [], "legend": [], "notes": []}
        for axes in figure.axes:
            if not axes.get_visible():
                continue
            texts["titles"].append(axes.get_title())
            texts["xlabels"].append(axes.get_xlabel())
            texts["ylabels"].append(axes.get_ylabel())
            texts["ticks"] += [t.get_text() for t in axes.get_xticklabels()]
            texts["notes"] += [t.get_text() for t in axes.texts]
            legend = axes.get_legend()
            if legend:
                texts["legend"] = [legend.get_title().get_text()]
                texts["legend"] += [t.get_text() for t in legend.get_texts()]
        texts["font"] = plt.rcParams["font.sans-serif"][0]
        charts.append(texts)
        return original(plt, figure, fmt)

    monkeypatch.setattr(plot, "_drawn", capture)
    return charts


@pytest.fixture
def with_cjk_font(monkeypatch):
    """A system with a CJK font, whether or not this one has one: the lookup answers
    with a font matplotlib always has (its glyphs do not matter to the texts, and its
    warnings about the glyphs it lacks are expected)."""
    import warnings

    from policy_targets.cli import plot

    monkeypatch.setattr(plot, "cjk_font", lambda: "DejaVu Sans")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


@pytest.fixture
def without_cjk_font(monkeypatch):
    """A system without a CJK font: matplotlib's lookup finds none of the families."""
    from matplotlib import font_manager

    def find(properties, *args, fallback_to_default=True, **kwargs):
        raise ValueError(f"Failed to find font {properties}")

    monkeypatch.setattr(font_manager, "findfont", find)


def test_trajectory_chart_in_chinese(run, tmp_path, drawn, with_cjk_font):
    result = run(
        "--lang", "zh", "trajectory", "smart-communities", "--plot", str(tmp_path / "c.png")
    )
    ok(result)
    assert result.stderr == ""
    (chart,) = drawn
    assert chart["titles"] == ["智慧社区（山东）"]
    assert chart["xlabels"] == ["数值所指年份，标于年末（空心：基数；▲ ≥，▶ >，◆ ≈，● 恰为，▼ ≤）"]
    assert chart["ylabels"] == ["个"]
    assert chart["legend"] == [
        "来源文件；线：计量",
        "线: 存量（含累计）",
        "2023-work-points",
        "2025-work-points",
    ]
    assert chart["font"] == "DejaVu Sans"


def test_compare_chart_in_chinese(run, tmp_path, drawn, with_cjk_font):
    path = tmp_path / "c.png"
    ok(run("--lang", "zh", "compare", "2023", "2025", "--plot", str(path), "-f", "json"))
    (chart,) = drawn
    assert chart["titles"] == [
        "智慧农业应用基地\n（不可比）",
        "智慧社区\n（提高，无法判断）",
    ]
    assert chart["ticks"][:2] == ["2023-work-points\n2023年", "2025-work-points\n2025年"]
    assert chart["notes"][:2] == ["=100\n增量", "=500\n累计"]


def test_alignment_chart_in_chinese(run, tmp_path, drawn, with_cjk_font):
    path = tmp_path / "c.png"
    ok(
        run(
            "--lang",
            "zh",
            "compare",
            "2023-binzhou-plan",
            "2025",
            "--plot",
            str(path),
            "-f",
            "json",
        )
    )
    (chart,) = drawn
    assert chart["titles"] == ["晨星工厂\n（共有）"]
    # As in the table: 150 over 2023-2025 and 50 in 2025 are set side by side per year.
    assert chart["notes"] == ["每年≥50\n增量", "每年=50\n增量"]
    assert chart["ticks"] == [
        "2023-binzhou-plan\n2025年\n二手来源",
        "2025-work-points\n2025年",
    ]


def test_chart_without_a_cjk_font_is_english_with_a_hint(run, tmp_path, drawn, without_cjk_font):
    chinese, english = tmp_path / "zh.png", tmp_path / "en.png"
    result = run("--lang", "zh", "trajectory", "smart-communities", "--plot", str(chinese))
    assert result.stderr == (
        "注意：未找到中文字体（如 Noto Sans CJK SC：apt-get install fonts-noto-cjk），"
        "图表标签改用英文\n"
    )
    rows = table(ok(result))
    assert rows[0] == ["智慧社区（smart-communities，山东）"]  # the table is still Chinese
    ok(run("trajectory", "smart-communities", "--plot", str(english)))
    assert drawn[0]["titles"] == drawn[1]["titles"] == ["Smart communities (shandong)"]
    assert chinese.read_bytes() == english.read_bytes()


def test_compare_chart_without_a_cjk_font(run, tmp_path, drawn, without_cjk_font):
    path = tmp_path / "c.png"
    result = run("compare", "2023", "2025", "--lang", "zh", "--plot", str(path), "-f", "json")
    assert result.stderr.startswith("注意：未找到中文字体")
    assert drawn[0]["titles"][-1] == "Smart communities\n(raised, unclear)"


def test_the_lookup_finds_the_first_known_family(monkeypatch):
    from matplotlib import font_manager

    from policy_targets.cli import plot

    def find(properties, *args, fallback_to_default=True, **kwargs):
        if properties.get_family() == ["WenQuanYi Zen Hei"]:
            return "/usr/share/fonts/wqy-zenhei.ttc"
        raise ValueError("not found")

    monkeypatch.setattr(font_manager, "findfont", find)
    assert plot.cjk_font() == "WenQuanYi Zen Hei"


def test_an_english_chart_after_a_chinese_one_is_unchanged(run, tmp_path, with_cjk_font):
    """The Chinese font holds for its own chart only."""
    first, second = tmp_path / "1.png", tmp_path / "2.png"
    ok(run("trajectory", "smart-communities", "--plot", str(first)))
    ok(run("--lang", "zh", "trajectory", "smart-communities", "--plot", str(tmp_path / "z.png")))
    ok(run("trajectory", "smart-communities", "--plot", str(second)))
    assert first.read_bytes() == second.read_bytes()


def test_scope_all_chart_in_chinese(run, tmp_path, drawn, with_cjk_font):
    path = tmp_path / "c.png"
    args = ["trajectory", "morning-star-factories", "--scope", "all", "--plot", str(path)]
    ok(run("--lang", "zh", *args, "-f", "json"))
    (chart,) = drawn
    assert chart["titles"] == ["晨星工厂（山东、滨州）"]
    assert chart["legend"] == ["范围", "山东", "滨州"]  # no line joins points here
    assert chart["notes"] == ["=50", "≥150\n二手来源"]  # Binzhou's figure is from a news report


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["show", "foo"],
            "error: 未知文件 'foo'；请给出年份或以下文件之一：2018-digital-shandong-plan、"
            "2021-implementation-scheme、2023-binzhou-plan、2023-work-points、2025-work-points",
        ),
        (
            ["show", "2030", "--scope", "binzhou"],
            "error: 没有2030年的滨州文件；现有滨州文件：2023 (2023-binzhou-plan)",
        ),
        (
            ["show", "2023", "--scope", "all"],
            "error: 2023年有2份文件：2023-binzhou-plan、2023-work-points；请用编号指明其一",
        ),
        (
            ["trajectory", "smartcomunity"],
            "error: 未知指标 'smartcomunity'；是否要找 smart-communities、"
            "smart-community-coverage-rate？（`policy indicators` 列出全部指标）",
        ),
        (
            ["trajectory", "smart community"],
            "error: 'smart community' 对应2项指标：smart-communities（智慧社区）、"
            "smart-community-coverage-rate（智慧社区覆盖率）；请写得更具体些",
        ),
    ],
)
def test_the_most_common_errors_are_chinese_under_lang_zh(run, args, message):
    result = run("--lang", "zh", *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    # A command's own --lang speaks for its errors too.
    assert run(*args, "--lang", "zh").stderr == message + "\n"


def test_an_existing_output_file_is_said_in_chinese(run, tmp_path):
    target = tmp_path / "out.md"
    target.write_text("kept")
    result = run("--lang", "zh", "show", "2025", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: {target} 已存在；如要覆盖，请加 --force\n"
    assert target.read_text() == "kept"


def test_errors_stay_english_without_lang_zh(run):
    result = run("show", "foo")
    assert result.stderr.startswith("error: unknown document 'foo'; give a year or one of: ")
