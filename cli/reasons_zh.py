"""The library's reasons (comparisons/reasons.py: a code and its parameters) worded in
Chinese. English shows the library's own sentence; imported only for a Chinese report."""

from __future__ import annotations

from policy_targets.comparisons.numbers import format_number, signed
from policy_targets.comparisons.vocabulary import (
    Comparator,
    Dimension,
    Language,
    Measure,
    PaceKind,
    ReasonCode,
)

from .labels import ASPIRATIONAL_ZH, TERMS_ZH, UNITS_ZH, scope_name, term


def _comparator_zh(value: str) -> str:
    return TERMS_ZH[Comparator][value]


def _span_zh(period) -> str:
    start, end = period
    return f"{start}年" if start == end else f"{start}—{end}年"


def _pace_zh(pace: float, kind: str, unit: str) -> str:
    if kind == PaceKind.points:
        return f"每年{signed(pace, 2)}个百分点"
    if kind == PaceKind.growth:
        return f"年均{signed(pace * 100, 1, whole=True)}%"
    return f"每年{signed(pace)}{UNITS_ZH.get(unit, unit)}"


def reason_zh(code: ReasonCode, p: dict) -> str:
    match code:
        case ReasonCode.value:
            if p["unit"] == "pp":
                return f"数值 {signed(p['amount'])} 个百分点"
            if p["unit"] == "%":
                return f"数值 {signed(p['amount'], 1, whole=True)}%"
            return f"数值 {signed(p['amount'])}{UNITS_ZH.get(p['unit'], p['unit'])}"
        case ReasonCode.comparator:
            return f"由“{_comparator_zh(p['before'])}”改为“{_comparator_zh(p['after'])}”"
        case ReasonCode.firmness:
            if p["aspirational"]:
                return f"由“确定目标”改为“{ASPIRATIONAL_ZH}”"
            return f"由“{ASPIRATIONAL_ZH}”改为“确定目标”"
        case ReasonCode.deadline:
            years = p["years"]
            when = f"{'推迟' if years > 0 else '提前'}{abs(years)}年"
            return f"数值相同，{when}" if p.get("same_value", True) else when
        case ReasonCode.pace:
            speed = {True: "节奏更快", False: "节奏更慢", None: "节奏相同"}[p["faster"]]
            return (
                f"{speed}：{p['start']}—{p['after_year']}年"
                f"{_pace_zh(p['after'], p['kind'], p['unit'])}，对比{p['start']}—"
                f"{p['before_year']}年{_pace_zh(p['before'], p['kind'], p['unit'])}"
            )
        case ReasonCode.no_pace:
            return "目标年份不同，且无基数可算节奏"
        case ReasonCode.per_year:
            return (
                f"不同期间的增量按年比较：{format_number(p['before'])}"
                f"（{_span_zh(p['before_period'])}）≈ 每年{format_number(p['before_per_year'])}，"
                f"{format_number(p['after'])}（{_span_zh(p['after_period'])}）≈ "
                f"每年{format_number(p['after_per_year'])}"
            )
        case ReasonCode.different_scope:
            a, b = scope_name(p["before"], Language.zh), scope_name(p["after"], Language.zh)
            return f"范围不同：{a} 与 {b}"
        case ReasonCode.different_dimension:
            a, b = (
                term(p["before"], Language.zh, Dimension),
                term(p["after"], Language.zh, Dimension),
            )
            return f"量纲不同：{a} 与 {b}"
        case ReasonCode.different_measure:
            a, b = term(p["before"], Language.zh, Measure), term(p["after"], Language.zh, Measure)
            return f"计量方式不同：{a} 与 {b}"
        case ReasonCode.different_period:
            return f"期间不同：{_span_zh(p['before_period'])} 与 {_span_zh(p['after_period'])}"
        case ReasonCode.not_additive:
            return f"{term(p['dimension'], Language.zh, Dimension)}不可加总，无从计算占比"
        case ReasonCode.zero_whole:
            return "整体数值为0"
        case ReasonCode.lapsed:
            return f"{p['due']}年到期，早于 {p['document']}（{p['year']}年）"
        case ReasonCode.not_restated:
            recurring = ""
            if p.get("period"):
                recurring = f"{p['period'][0]}-{p['period'][1]}年规划期内的常规任务，"
            return f"{recurring}{p['due']}年到期；{p['document']} 未给出数值"
    return ""
