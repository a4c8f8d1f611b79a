"""Charts (PNG, SVG or PDF) with matplotlib, an optional extra: pip install 'policy-targets[plot]'."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.vocabulary import (
    SECONDARY_KINDS,
    Alignment,
    Ambition,
    Comparator,
    Kind,
    Measure,
)

from .labels import is_zh, say, scope_name, series_label, term, unit_word
from .present import SYMBOLS

if TYPE_CHECKING:
    from .files import Writer
from .safe_text import line_safe

MARKERS = {
    Comparator.at_least: "^",
    Comparator.more_than: ">",
    Comparator.about: "D",
    Comparator.exactly: "o",
    Comparator.at_most: "v",
    Comparator.between: "s",
}
LINE_STYLES = ["-", "--", ":", "-."]
# Fonts with Chinese glyphs, in the order they are tried; matplotlib's own default
# (DejaVu Sans) has none and would draw empty boxes.
CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "Droid Sans Fallback",
    "AR PL UMing CN",
]
# Said in Chinese to whoever asked for Chinese: the terminal shows it, the chart cannot.
NO_CJK_FONT = (
    "注意：未找到中文字体（如 Noto Sans CJK SC：apt-get install fonts-noto-cjk），图表标签改用英文"
)


# The chart's file extension chooses its format: a file is what its name says.
CHART_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def chart_format(path: Path) -> str:
    """The format `path`'s extension names (png, svg or pdf); a UsageError otherwise."""
    found = CHART_FORMATS.get(path.suffix.lower())
    if found is None:
        raise UsageError(
            f"--plot {line_safe(path.name)}: a chart is written as .png, .svg or .pdf; "
            "give the file one of these extensions"
        )
    return found


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise UsageError("--plot needs matplotlib: pip install 'policy-targets[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def cjk_font() -> str | None:
    """The first of CJK_FAMILIES that matplotlib finds on this system, else None."""
    from matplotlib import font_manager

    for family in CJK_FAMILIES:
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:  # not installed
            continue
        return family
    return None


def _chart_language(plt, lang: str | None) -> tuple[str, dict]:
    """The language the chart can be drawn in, and the settings to draw it with: Chinese
    only with a CJK font, which then draws every label; otherwise a one-line hint on
    standard error, and English."""
    if not is_zh(lang):
        return "en", {}
    family = cjk_font()
    if family is None:
        import typer

        typer.echo(NO_CJK_FONT, err=True)
        return "en", {}
    return "zh", {
        "font.family": "sans-serif",
        "font.sans-serif": [family, *plt.rcParams["font.sans-serif"]],
        "axes.unicode_minus": False,  # CJK fonts often lack U+2212
    }


def _drawn(plt, figure, fmt: str) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt)
    plt.close(figure)
    return buffer.getvalue()


# Chart words: key → (English, Chinese).
CHART_WORDS = {
    "aspirational": ("aspirational", "力争"),
    "apart": (
        "figures of different measures are not joined: they do not compare",
        "不同计量的数值不相连：二者不可比",
    ),
    "x_label": (
        "Year the figure refers to, at its end (hollow: baseline; ▲ ≥, ▶ >, ◆ ≈, ● exactly, ▼ ≤)",
        "数值所指年份，标于年末（空心：基数；▲ ≥，▶ >，◆ ≈，● 恰为，▼ ≤）",
    ),
    "legend": ("Source document", "来源文件"),
    "legend_lines": ("Source document; line: measure", "来源文件；线：计量"),
    "legend_scopes": ("Scope; line: scope, measure", "范围；线：范围，计量"),
    "legend_scope": ("Scope", "范围"),
    "line": ("line", "线"),
    "reported": ("reported", "报告值"),
    # a reported figure the source dates only as 目前: drawn at the latest day it can be
    "reported_undated": ("reported, no later than the day drawn", "报告值（不晚于所示日期）"),
    "no_figure": ("no figure", "无数值"),
    "for_year": ("for {year}", "{year}年"),
    "measures_differ": ("measures differ", "计量不同"),
    "periods_differ": ("periods differ", "期间不同"),
    "per_year": ("{figure} a year", "每年{figure}"),
    "secondary": ("secondary source", "二手来源"),
    "count": ("count", "个"),
}


def _upright(lang: str) -> dict:
    """A Chinese axis label stands upright (a character on its side reads as another)."""
    return {"rotation": 0, "ha": "right", "va": "center"} if is_zh(lang) else {}


def _word(key: str, lang: str, **fields) -> str:
    english, chinese = CHART_WORDS[key]
    return (chinese if is_zh(lang) else english).format(**fields)


def plot_trajectory(
    trajectories: list,
    path: Path,
    writer: Writer,
    lang: str | None = None,
    reports: dict | None = None,
) -> None:
    """Targets as markers shaped by their comparator, baselines as hollow circles; a line
    joins the points that compare, one line style per measure, so that no line crosses
    from one measure to another. One trajectory: one colour per source document. Several
    (`--scope all`): one colour per scope, and no line crosses from one scope to another."""
    fmt = chart_format(path)
    plt = _pyplot()
    indicator = trajectories[0].indicator
    if not any(t.points for t in trajectories):
        scope = trajectories[0].scope
        raise UsageError(f"{indicator.id} has no figure to draw for {scope}")
    lang, settings = _chart_language(plt, lang)
    # The settings hold for this chart only, not for the next one drawn in this process.
    with plt.rc_context(settings):
        chart = _trajectory_chart(plt, trajectories, lang, fmt, reports or {})
    writer.file(path, chart)


def _trajectory_chart(plt, trajectories: list, lang: str, fmt: str, reports: dict) -> bytes:
    from .chart_layout import separate

    figure, labels = trajectory_figure(plt, trajectories, lang, reports)
    figure.tight_layout()
    separate(figure, labels)
    return _drawn(plt, figure, fmt)


def trajectory_figure(plt, trajectories: list, lang: str, reports: dict | None = None) -> tuple:
    """The chart of one or several trajectories (and the figures reported as achieved,
    as a line), and its points' labels (placed by `separate`)."""
    reports = reports or {}
    indicator = trajectories[0].indicator
    point_labels = []
    points = [p for t in trajectories for p in t.points]
    scopes = len(trajectories) > 1
    figure, axes = plt.subplots(figsize=(9, 5) if scopes else (8, 4.5), dpi=100)
    unit = points[0].target.normalized_unit
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    documents = list(dict.fromkeys(p.document.id for p in points))
    apart = any(len(t.series()) > 1 for t in trajectories)
    joined = False
    for index, found in enumerate(trajectories):
        where = scope_name(found.scope, lang)
        series = found.series()
        lines = {label: members for label, members in series.items() if len(members) > 1}
        for style, (label, members) in zip(LINE_STYLES, lines.items(), strict=False):
            words = series_label(label, members, lang)
            axes.plot(
                [p.target.year for p in members],
                [p.target.normalized for p in members],
                color=colours[index % len(colours)] if scopes else "#999999",
                linestyle=style,
                linewidth=1.2,
                zorder=1,
                label=f"{where}: {words}" if scopes else f"{_word('line', lang)}: {words}",
            )
            joined = True
        for point in found.points:
            target = point.target
            key = index if scopes else documents.index(point.document.id)
            colour = colours[key % len(colours)]
            baseline = target.kind == Kind.baseline
            axes.scatter(
                target.year,
                target.normalized,
                s=80,
                zorder=3,
                marker="o" if baseline else MARKERS[target.comparator],
                facecolors="none" if baseline else colour,
                edgecolors=colour,
                linewidths=1.8,
                # Several scopes: the legend has a colour patch per scope (below).
                label="_nolegend_" if scopes else point.document.id,
            )
            label = f"{SYMBOLS[target.comparator]}{target.normalized:g}"
            if target.aspirational:
                label += f" ({_word('aspirational', lang)})"
            if point.document.kind in SECONDARY_KINDS:  # a news report's figure says so
                label += f"\n{_word('secondary', lang)}"
            if len(series) > 1:  # figures of different measures: each says which it is
                label += f"\n{term(target.measure, lang, Measure)}"
            point_labels.append(
                axes.annotate(
                    _literal(label),
                    (target.year, target.normalized),
                    textcoords="offset points",
                    xytext=(0, 9),
                    ha="center",
                    va="bottom",
                    fontsize=9,
                )
            )
    from .reported_line import reported_line

    reported_at: list[float] = []
    for index, found in enumerate(trajectories):
        reported_at += reported_line(
            axes, reports.get(found.scope, []), unit, colours, index, scopes, lang
        )
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    if scopes:
        from matplotlib.patches import Patch

        for index, found in enumerate(trajectories):
            colour = colours[index % len(colours)]
            unique.setdefault(scope_name(found.scope, lang), Patch(color=colour))
    if scopes:
        legend_title = _word("legend_scopes" if joined else "legend_scope", lang)
    else:
        legend_title = _word("legend_lines" if joined else "legend", lang)
    axes.legend(
        unique.values(),
        [_literal(label) for label in unique],
        title=legend_title,
        fontsize=8,
        loc="best",
    )
    name = indicator.name_zh if is_zh(lang) else indicator.name_en
    where = ("、" if is_zh(lang) else ", ").join(scope_name(t.scope, lang) for t in trajectories)
    title = f"{name}（{where}）" if is_zh(lang) else f"{name} ({where})"
    if apart:
        title += f"\n{_word('apart', lang)}"
    axes.set_title(_literal(title), fontsize=10 if apart else None)
    axes.set_xlabel(_word("x_label", lang))
    axes.set_ylabel(_literal(unit_word(unit, lang) or _word("count", lang)), **_upright(lang))
    axes.xaxis.get_major_locator().set_params(integer=True)
    years = [p.target.year for p in points]
    if min(years) == max(years):  # one year: a narrow axis, not a century
        axes.set_xlim(min([*years, *reported_at]) - 1, max([*years, *reported_at]) + 1)
    axes.grid(alpha=0.3)
    axes.margins(y=0.2)
    return figure, point_labels


def _literal(text: str) -> str:
    """Text that matplotlib draws as written: a `$` would start mathtext."""
    return text.replace("$", r"\$")


def plot_comparison(
    comparison, indicator_ids: list[str], path: Path, writer: Writer, lang: str | None = None
) -> None:
    """One small panel per chosen indicator: the two documents' figures as bars, each
    labelled with its document and the year it refers to; figures that do not compare
    are hatched and say so."""
    fmt = chart_format(path)
    plt = _pyplot()
    rows = [row for row in comparison.rows if row.indicator.id in indicator_ids]
    shown = f"of the rows --only {comparison.only} shows" if comparison.only else ""
    if not indicator_ids:
        where = f"none {shown}" if shown else "no indicator"
        raise UsageError(
            f"{where} has a figure in both documents; name one to draw with --indicator"
        )
    if not rows:
        if comparison.only:
            raise UsageError(
                f"none of the chosen indicators is among the rows --only {comparison.only} shows"
            )
        raise UsageError("none of the chosen indicators has a target in either document")
    lang, settings = _chart_language(plt, lang)
    with plt.rc_context(settings):
        chart = _comparison_chart(plt, comparison, rows, lang, fmt)
    writer.file(path, chart)


def _comparison_chart(plt, comparison, rows: list, lang: str, fmt: str) -> bytes:
    columns = min(3, len(rows))
    lines = -(-len(rows) // columns)
    figure, grid = plt.subplots(
        lines, columns, figsize=(4 * columns, 3.4 * lines), dpi=100, squeeze=False
    )
    from policy_targets.comparisons.periods import compared_per_year, per_year
    from policy_targets.comparisons.vocabulary import ReasonCode

    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"][:2]
    documents = [comparison.before, comparison.after]
    for axes, row in zip(grid.flat, rows, strict=False):
        sides = [row.before, row.after]
        # As in the table: additions over periods of different lengths are set side by
        # side per year, and figures that do not compare are hatched and say why.
        yearly = bool(row.before and row.after and compared_per_year(row.before, row.after))
        heights = [(per_year(t) if yearly else t.normalized) if t else 0 for t in sides]
        codes = {reason.code for reason in row.reasons}
        apart = bool(row.before and row.after and codes - {ReasonCode.per_year})
        bars = axes.bar([0, 1], heights, color=colours, width=0.6, hatch="//" if apart else None)
        for bar, target, height in zip(bars, sides, heights, strict=True):
            amount = f"{SYMBOLS[target.comparator]}{height:g}" if target else ""
            if yearly:
                amount = _word("per_year", lang, figure=amount)
            text = (
                f"{amount}\n{term(target.measure, lang, Measure)}"
                if target
                else _word("no_figure", lang)
            )
            axes.annotate(
                _literal(text),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                textcoords="offset points",
                xytext=(0, 3),
                ha="center",
                fontsize=8,
            )
        ticks = []
        for document, target in zip(documents, sides, strict=True):
            tick = document.id
            if target:
                tick += f"\n{_word('for_year', lang, year=target.year)}"
            if document.kind in SECONDARY_KINDS:
                tick += f"\n{_word('secondary', lang)}"
            ticks.append(tick)
        axes.set_xticks([0, 1], ticks, fontsize=7)
        unit = (row.before or row.after).normalized_unit
        sep = say("list_sep", lang)
        verdict = term(row.label, lang)
        if row.ambition:
            verdict += f"{sep}{term(row.ambition, lang, Ambition)}"
        if apart and row.verdict == Alignment.shared:
            differ = "periods_differ" if ReasonCode.different_period in codes else "measures_differ"
            verdict += f"{sep}{_word(differ, lang)}"
        name = row.indicator.name_zh if is_zh(lang) else row.indicator.name_en
        shown = f"{name}\n（{verdict}）" if is_zh(lang) else f"{name}\n({verdict})"
        axes.set_title(_literal(shown), fontsize=9)
        axes.set_ylabel(
            _literal(unit_word(unit, lang) or _word("count", lang)), fontsize=8, **_upright(lang)
        )
        axes.margins(y=0.3)
    for axes in list(grid.flat)[len(rows) :]:
        axes.set_visible(False)
    return _drawn(plt, figure, fmt)
