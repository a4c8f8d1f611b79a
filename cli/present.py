"""How figures are shown: as written, normalized, and as changes."""

from __future__ import annotations

from policy_targets.comparisons.changes import Change
from policy_targets.comparisons.numbers import format_number, signed
from policy_targets.comparisons.periods import period_of
from policy_targets.comparisons.records import Target
from policy_targets.comparisons.vocabulary import (
    Comparator,
    Dimension,
    Measure,
    PaceKind,
    Verdict,
)

from .labels import is_zh, term, unit_word

SYMBOLS = {
    Comparator.at_least: "≥",
    Comparator.more_than: ">",
    Comparator.about: "≈",
    Comparator.exactly: "=",  # a figure that stood at, or is due at, exactly this
    Comparator.at_most: "≤",
    Comparator.between: "",  # a range shows both bounds: 2-3个
}
VERDICT_STYLES = {
    Verdict.raised: "green",
    Verdict.lowered: "red",
    Verdict.unchanged: "dim",
    Verdict.not_comparable: "yellow",
    Verdict.new: "cyan",
    Verdict.lapsed: "dim",
    Verdict.not_restated: "magenta",
}
# Bandwidth in the largest unit that keeps the number at 1 or more: 80 Gbps, not 80,000 Mbps.
_BANDWIDTH = ((1e6, "Tbps"), (1e3, "Gbps"), (1, "Mbps"))


def _plain(value: float) -> str:
    return format_number(value).replace(",", "")


def written(target: Target) -> str:
    """The figure as the document writes it, with its comparator: ≥2000个, 每2个月, 2-3个,
    第3位, 15强, 第1梯队, ≥2%/年 (a yearly change of a share)."""
    value = _plain(target.value)
    if target.unit.startswith("每"):
        return target.unit if target.value == 1 else f"每{value}{target.unit[1:]}"
    if target.upper is not None:
        value = f"{value}-{_plain(target.upper)}"
    symbol = SYMBOLS[target.comparator]
    if target.unit in ("位", "梯队"):  # 第3位 is exactly 3rd without a sign
        exactly = target.comparator == Comparator.exactly
        return f"{'' if exactly else symbol}第{value}{target.unit}"
    if target.unit == "强":  # 15强 is itself "among the top 15"
        return f"{value}{target.unit}"
    if target.dimension == Dimension.share_change:
        return f"{symbol}{value}{target.unit}/年"
    return f"{symbol}{value}{target.unit}"


def as_written(target: Target) -> str:
    """The figure in the words of its text (达到100%, 150家以上), else as `written` shows it."""
    return target.as_written or written(target)


def _ordinal(value: float) -> str:
    number = format_number(value)
    if value != int(value):
        return f"rank {number}"
    suffix = (
        "th"
        if 10 <= int(value) % 100 <= 20
        else {1: "st", 2: "nd", 3: "rd"}.get(int(value) % 10, "th")
    )
    return f"{number}{suffix}"


def _rank(target: Target, lang: str | None = None) -> str:
    """A rank as a rank, never as a count: 3rd, top 15, tier 1 (第3, 前15, 第1梯队)."""
    number = format_number(target.normalized)
    if target.unit == "强":
        return f"前{number}" if is_zh(lang) else f"top {number}"
    symbol = "" if target.comparator == Comparator.exactly else SYMBOLS[target.comparator]
    if target.unit == "梯队":
        return f"{symbol}第{number}梯队" if is_zh(lang) else f"{symbol}tier {number}"
    return f"{symbol}第{number}" if is_zh(lang) else f"{symbol}{_ordinal(target.normalized)}"


def _scale(value: float, dimension: str, unit: str) -> tuple[float, str]:
    """The factor and unit a normalized number is shown in: bandwidth in the largest unit
    that keeps it at 1 or more (80 Gbps, not 80,000 Mbps), everything else as it is."""
    if dimension == Dimension.bandwidth:
        return next((f, u) for f, u in _BANDWIDTH if abs(value) >= f or f == 1)
    return 1, unit


def _number(value: float, dimension: str) -> str:
    if dimension == Dimension.share_change:  # a change carries its sign: +2 pp/yr
        return signed(value)
    return format_number(value)


def normalized(target: Target, lang: str | None = None) -> str:
    """The figure in the unit of its dimension: ≥185,000, 80 Gbps, ≥+2 pp/yr, ≈3 years,
    2–3, 3rd, top 15, tier 1 (units and ranks in Chinese under `lang` zh)."""
    if target.dimension == Dimension.rank:
        return _rank(target, lang)
    factor, unit = _scale(target.normalized, target.dimension, target.normalized_unit)
    number = _number(target.normalized / factor, target.dimension)
    if target.normalized_upper is not None:
        number += f"–{_number(target.normalized_upper / factor, target.dimension)}"
    symbol = SYMBOLS[target.comparator]
    if target.dimension == Dimension.share and target.normalized == 100:
        symbol = SYMBOLS[Comparator.exactly]  # 达到100% is all of it: no share exceeds 100 %
    return f"{symbol}{number} {unit_word(unit, lang)}".rstrip()


def described(
    target: Target,
    lang: str | None = None,
    secondary: bool = False,
    year: bool = True,
    aspirational: bool = True,
) -> str:
    """As written, with its period and measure: 2000个以上 (2023, cumulative);
    150家以上 (2023–2025, addition); 2000个以上（2023，累计）in Chinese. `secondary`:
    the figure is known only from a news report. `year`: show a period of one year too
    (a table with a Year column shows only a period of several); `aspirational`: say 力争
    (a table with a Kind column says it there)."""
    period = period_of(target)
    several = period.start != period.end
    flags = [f"{period.start}–{period.end}"] if several else [str(target.year)] * year
    flags.append(term(target.measure, lang, Measure))
    if target.aspirational and aspirational:
        flags.append("力争" if is_zh(lang) else "aspirational")
    if secondary:
        flags.append("二手来源" if is_zh(lang) else "secondary source")
    if is_zh(lang):
        return f"{as_written(target)}（{'，'.join(flags)}）"
    return f"{as_written(target)} ({', '.join(flags)})"


def absolute_change(change: Change, dimension: str, unit: str, lang: str | None = None) -> str:
    label = "pp" if dimension == Dimension.share else unit
    return f"{signed(change.absolute)} {unit_word(label, lang)}".rstrip()


def percent(fraction: float) -> str:
    """+1.5 → "+150%", 0.581 → "+58.1%": one decimal, none when it is zero."""
    return f"{signed(fraction * 100, 1, whole=True)}%"


def change_text(change: Change, dimension: str, unit: str, lang: str | None = None) -> str:
    """The change as a table shows it: absolute, and relative except for a share."""
    text = absolute_change(change, dimension, unit, lang)
    if change.relative is not None and dimension != Dimension.share:
        text += f" ({relative_change(change)})"
    return text


def relative_change(change: Change) -> str:
    return "" if change.relative is None else percent(change.relative)


def per_year(change: Change | None, lang: str | None = None) -> str:
    if change is None or change.per_year is None:
        return ""
    if change.per_year_kind == PaceKind.points:
        return f"{signed(change.per_year, 2)} {unit_word('pp/yr', lang)}"
    return f"{percent(change.per_year)}/{'年' if is_zh(lang) else 'yr'}"
