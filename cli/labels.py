"""The words the CLI shows people, in English and Chinese (`--lang`, `POLICY_LANG`).

Vocabulary terms are keyed by their enums (comparisons/vocabulary.py), fixed phrases by
a short key. Only human-facing text changes with the language: JSON and CSV keys and
vocabulary values are data and stay English in every language.
"""

from __future__ import annotations

from enum import StrEnum

from policy_targets.comparisons.reasons import Reason
from policy_targets.comparisons.vocabulary import (
    CATEGORY_NAMES_ZH,
    SCOPE_NAMES,
    STATUS_NAMES_ZH,
    Alignment,
    Ambition,
    Category,
    Comparator,
    Dimension,
    DocumentKind,
    Kind,
    Language,
    Measure,
    Status,
    Verdict,
)

# One Chinese word per term, per vocabulary: the same English value can belong to two
# (energy is a category and a dimension), and no Chinese word stands for two terms.
TERMS_ZH: dict[type[StrEnum], dict[str, str]] = {
    Verdict: {
        Verdict.raised: "提高",
        Verdict.lowered: "降低",
        Verdict.unchanged: "未变",
        Verdict.not_comparable: "不可比",
        Verdict.new: "新增目标",
        Verdict.lapsed: "已到期",
        Verdict.not_restated: "未重申",
    },
    Alignment: {Alignment.shared: "共有"},
    Ambition: {
        Ambition.stronger: "更高",
        Ambition.weaker: "更低",
        Ambition.same: "相同",
        Ambition.mixed: "有高有低",
        Ambition.unclear: "无法判断",
    },
    Measure: {
        Measure.level: "存量",
        Measure.cumulative: "累计",
        Measure.addition: "增量",
        Measure.share: "占比",
        Measure.rate: "人均或单位量",
        Measure.frequency: "频次",
    },
    Kind: {Kind.target: "目标", Kind.baseline: "基数"},
    DocumentKind: {
        DocumentKind.plan: "规划",
        DocumentKind.implementation_scheme: "实施方案",
        DocumentKind.work_points: "工作要点",
        DocumentKind.news_report: "新闻报道",
    },
    Category: dict(CATEGORY_NAMES_ZH),
    Status: dict(STATUS_NAMES_ZH),
    Comparator: {
        Comparator.at_least: "不低于",
        Comparator.more_than: "超过",
        Comparator.about: "约",
        Comparator.exactly: "恰为",
        Comparator.at_most: "不高于",
        Comparator.between: "区间",
    },
    Dimension: {
        Dimension.count: "数量",
        Dimension.currency: "金额",
        Dimension.share: "占比",  # the same thing as the measure `share`
        Dimension.share_change: "占比年变化",
        Dimension.compute: "算力",
        Dimension.power: "功率",
        Dimension.bandwidth: "带宽",
        Dimension.study_time: "学时",
        Dimension.frequency: "频次",  # the same thing as the measure `frequency`
        Dimension.rank: "名次",
        Dimension.duration: "时长",
        Dimension.energy: "电量",
        Dimension.data_volume: "数据量",
        Dimension.index: "指数",
        Dimension.rating: "评级",
    },
}
ASPIRATIONAL_ZH = "力争"
# Normalized units (comparisons/units.py) as a Chinese reader writes them; the others
# (%, EFLOPS, GW, Mbps) are the same in both.
UNITS_ZH = {
    "pp": "个百分点",
    "pp/yr": "个百分点/年",
    "per year": "次/年",
    "years": "年",
    "class hours": "学时",
    "stars": "星",
    "points": "分",
    "yuan": "元",
    "count": "个",
}

# Fixed phrases: key → (English, Chinese), with str.format fields.
PHRASES: dict[str, tuple[str, str]] = {
    # column headers
    "indicator": ("Indicator", "指标"),
    "kind": ("Kind", "类型"),
    "year": ("Year", "年份"),
    "as_written": ("As written", "原文数值"),
    "measure": ("Measure", "计量"),
    "normalized": ("Normalized", "换算值"),
    "quote": ("Quote", "原文"),
    "locator": ("Locator", "出处"),
    "document": ("Document", "文件"),
    "change": ("Change", "变化"),
    "per_year": ("Per year", "每年"),
    "verdict": ("Verdict", "判断"),
    "ambition": ("Ambition", "力度"),
    "why": ("Why", "理由"),
    "due": ("Due", "到期"),
    "scope": ("Scope", "范围"),
    "id": ("Id", "编号"),
    "name_en": ("Name", "英文名称"),
    "category": ("Category", "类别"),
    "dimension": ("Dimension", "量纲"),
    "appears_in": ("Appears in (document, year)", "出现于（文件，年份）"),
    "title": ("Title", "标题"),
    "published": ("Published", "发布日期"),
    "source": ("Source", "来源文件"),
    "rows": ("Rows", "条数"),
    "value": ("Value", "数值"),
    "unit": ("Unit", "单位"),
    "comparator": ("Comparator", "比较符"),
    "normalized_unit": ("Normalized unit", "换算单位"),
    "why_no_share": ("Why no share", "无占比原因"),
    "share": ("Share", "占比"),
    "share_of": ("{part} as share of {whole}", "{part}占{whole}比重"),
    "target": ("Target", "目标"),
    "reported_figure": ("Figure reported", "报告值"),
    "progress_sheet": ("Progress", "进展"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "gap": ("Gap", "差距"),
    "reported": ("Reported figures", "报告数值"),
    "reported_known": ("Reported figures known on {day}", "截至{day}已知的报告数值"),
    "settles": ("Settles a status", "用于判定状态"),
    "summary_sheet": ("Summary", "摘要"),
    "reported_kind": ("reported", "报告值"),
    # a reported figure the source dates only as 目前 ("now"): as of that day at the latest
    "no_later_than": ("no later than {as_of}", "不晚于{as_of}"),
    "reported_apart": (
        "reported rows: figures reported as achieved; changes and verdicts compare only "
        "the documents' figures",
        "报告值行为已公布的实际数值；变化与判断只比较文件中的数值",
    ),
    "publisher": ("Publisher", "发布者"),
    "url": ("Address", "网址"),
    "status": ("Status", "状态"),
    "progress_title": ("Progress of {what}, as of {as_of}", "{what}进展（截至{as_of}）"),
    "all_documents": ("every document", "全部文件"),
    "count_targets": ("{n} targets", "{n}项目标"),
    "count_target": ("{n} target", "{n}项目标"),
    "shown_status": ("Shown: the {n} row{s} of --only {only}", "显示：--only {only} 的{n}行"),
    "reported_rules": (
        "A status never claims more than a report says: only a report as of the end of a "
        "target's year settles it, or a running total (累计) that already reaches it within "
        "that year; one of an earlier year that reaches it makes it met early (README, "
        "Outcomes).",
        "状态不超出报告所述：只有截至目标年份年末的报告，或目标年份内已达到目标的累计数，"
        "才能判定是否实现；此前年份的报告已达到目标即为提前实现（见README“Outcomes”）。",
    ),
    # narrow layouts: stacked columns
    "point": ("Point", "数据点"),
    "figure": ("Figure", "数值"),
    "verdict_ambition": ("Verdict / ambition", "判断 / 力度"),
    # section titles
    "changes": ("Changes: targets in both documents", "变化：两份文件都有的目标"),
    "new": ("New: only in {after}", "新增目标：仅见于 {after}"),
    "lapsed": (
        "Lapsed: only in {before}, due before {year}",
        "已到期：仅见于 {before}，{year}年前到期",
    ),
    "not_restated": (
        "Not restated: only in {before}, still due in {year} or later",
        "未重申：仅见于 {before}，{year}年或以后仍有效",
    ),
    "shared": ("Shared: both documents give a figure", "共有：两份文件都给出数值"),
    "only": ("Only {scope}: {document}", "仅{scope}：{document}"),
    "indicators": ("Indicators", "指标"),
    "documents": ("Documents", "文件"),
    "by_year": ("Indicators by year", "各年份指标"),
    # summaries and footers
    "count_indicators": ("{n} indicators", "{n}项指标"),
    "count_indicator": ("{n} indicator", "{n}项指标"),
    "count_documents": ("{n} documents", "{n}份文件"),
    "count_document": ("{n} document", "{n}份文件"),
    "counted": ("{n} {word}", "{word}{n}"),
    "no_targets": ("no targets", "无目标"),
    "ambition_line": (
        "Ambition, where the targets compare: {counts}",
        "力度（目标可比时）：{counts}",
    ),
    "per_category": (
        "Indicators per category, {before} {arrow} {after}: {counts}",
        "各类别指标数，{before} {arrow} {after}：{counts}",
    ),
    "shown": ("Shown: the {n} row{s} of --only {only}", "显示：--only {only} 的{n}行"),
    "scopes_apart": (
        "{a} and {b} are different scopes: the rows set their figures side by side; "
        "nothing is raised, lowered, new or lapsed across scopes.",
        "{a}与{b}范围不同：各行将两者数值并列，跨范围不作提高、降低、新增或到期判断。",
    ),
    "secondary": (
        "secondary source: these figures come from a news report about the document, "
        "not from the document itself",
        "二手来源：这些数值来自关于该文件的新闻报道，而非文件本身",
    ),
    "secondary_kind": (" (secondary source)", "（二手来源）"),
    "secondary_footer": (
        " (figures from a news report, a secondary source)",
        "（数值来自新闻报道，二手来源）",
    ),
    "no_figure_in": ("no figure in: {ids}", "未给出数值：{ids}"),
    "aspirational": ("aspirational", "力争"),
    "lower_than": (
        "lower than {document}'s {figure} for {year}",
        "低于 {document} 为{year}年定的 {figure}",
    ),
    "baseline_mark": (" (baseline)", "（基数）"),
    "trajectory_title": ("{name} ({id}, {scope})", "{name}（{id}，{scope}）"),
    "list_sep": (", ", "，"),
    "notes": ("Notes:", "注："),
    "per_year_share": ("{share} per year", "每年{share}"),
    "validated": (
        "ok: {documents} documents, {targets} targets, {indicators} indicators",
        "通过：{documents}份文件，{targets}条目标，{indicators}项指标",
    ),
    "validated_reported": (", {n} reported figures", "，{n}条报告数值"),
    "quotes_found": (
        "{summary}; {n} quotes found in their sources",
        "{summary}；{n}条原文均在来源中找到",
    ),
    "uncovered": ("uncovered: {item}", "未覆盖：{item}"),
    "uncovered_error": (
        "error: {n} numerals or words of full coverage in the sources are not covered by a "
        "quote — add the targets, or explain them in coverage-ignore.yaml",
        "错误：来源中有{n}个数字或全覆盖用语未被任何原文覆盖——请补充目标，"
        "或在 coverage-ignore.yaml 中说明",
    ),
    "covered": (
        "coverage: all {n} numerals and words of full coverage covered by a quote or explained",
        "覆盖：全部{n}个数字和全覆盖用语均已被原文覆盖或说明",
    ),
    "swapped": (
        "note: {first} is the later document; comparing {before} → {after}",
        "注意：{first} 是较晚的文件；按 {before} → {after} 比较",
    ),
}


def is_zh(lang: str | None) -> bool:
    return lang == Language.zh


def say(key: str, lang: str | None, **fields: object) -> str:
    """A fixed phrase in `lang`, its fields filled in."""
    english, chinese = PHRASES[key]
    return (chinese if is_zh(lang) else english).format(**fields)


def term(value: object, lang: str | None, vocabulary: type[StrEnum] | None = None) -> str:
    """A vocabulary term (a Verdict, Ambition, Measure, Category …, or its string value,
    then of `vocabulary`, or of the first vocabulary that has it) in `lang`; "only
    binzhou" becomes 仅滨州."""
    if value is None:
        return ""
    text = str(value)
    if not is_zh(lang):
        return text
    only = f"{Alignment.only} "
    if text.startswith(only):
        return f"仅{scope_name(text.removeprefix(only), lang)}"
    if vocabulary is None and isinstance(value, StrEnum):
        vocabulary = type(value)
    for words in [TERMS_ZH[vocabulary]] if vocabulary else TERMS_ZH.values():
        if text in words:
            return words[text]
    return text


def scope_name(scope: str, lang: str | None) -> str:
    """A scope id as shown: the id in English (shandong), the Chinese name in Chinese."""
    names = SCOPE_NAMES.get(scope)
    return names[1] if is_zh(lang) and names else scope


def series_label(label: str, points, lang: str | None) -> str:
    """A label of Trajectory.series() (what the points measure) in `lang`."""
    if not is_zh(lang):
        return label
    target = points[0].target
    if target.measure in (Measure.level, Measure.cumulative):
        words = "存量（含累计）"
    else:
        words = term(target.measure, lang, Measure)
    if label.endswith(f", {target.dimension}"):
        words += f"，{term(target.dimension, lang, Dimension)}"
    return words


def share_heading(before, after, lang: str | None) -> str:
    """The heading of an alignment's share column: "binzhou as share of shandong" where
    one document's scope lies within the other's, else "Share"."""
    from policy_targets.comparisons.diff import part_and_whole

    part_whole = part_and_whole(before, after)
    if not part_whole:
        return say("share", lang)
    part, whole = (scope_name(scope, lang) for scope in part_whole)
    return say("share_of", lang, part=part, whole=whole)


def unit_word(unit: str, lang: str | None) -> str:
    return UNITS_ZH.get(unit, unit) if is_zh(lang) else unit


def kind_word(target, lang: str | None) -> str:
    """target, baseline, target (aspirational) / 目标（力争）."""
    word = term(target.kind, lang, Kind)
    if target.aspirational:
        word += f"（{ASPIRATIONAL_ZH}）" if is_zh(lang) else " (aspirational)"
    return word


def how_many(noun: str, n: int, lang: str | None) -> str:
    """ "1 indicator", "2 indicators", "2项指标": `noun` is indicator or document."""
    return say(f"count_{noun}" if n == 1 else f"count_{noun}s", lang, n=n)


def counted(counts: dict[str, int], lang: str | None) -> str:
    """{"raised": 1, "new": 16} as "1 raised, 16 new" / "提高1，新增目标16"."""
    sep = say("list_sep", lang)
    return sep.join(say("counted", lang, n=n, word=term(word, lang)) for word, n in counts.items())


def reason(found: Reason, lang: str | None) -> str:
    """One of the library's reasons in `lang`: its English text, or its code worded."""
    if not is_zh(lang):
        return found.text
    from .reasons_zh import reason_zh

    return reason_zh(found.code, found.params) or found.text


def reasons(found, lang: str | None) -> str:
    return ("；" if is_zh(lang) else "; ").join(reason(r, lang) for r in found)
