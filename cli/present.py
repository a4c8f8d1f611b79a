"""How figures are shown: as written, normalized, and as changes."""

from __future__ import annotations

from policy_targets.comparisons.changes import Change
from policy_targets.comparisons.numbers import format_number
from policy_targets.comparisons.records import Target
from policy_targets.comparisons.vocabulary import Verdict

SYMBOLS = {"at_least": "≥", "more_than": ">", "about": "≈", "exactly": "", "at_most": "≤"}
VERDICT_STYLES = {
    Verdict.raised: "green",
    Verdict.lowered: "red",
    Verdict.unchanged: "dim",
    Verdict.not_comparable: "yellow",
    Verdict.new: "cyan",
    Verdict.lapsed: "dim",
    Verdict.not_restated: "magenta",
}


def written(target: Target) -> str:
    """The figure as the document writes it, with its comparator: ≥2000个, 每2个月."""
    value = format_number(target.value).replace(",", "")
    if target.unit.startswith("每"):
        return target.unit if target.value == 1 else f"每{value}{target.unit[1:]}"
    return f"{SYMBOLS[target.comparator]}{value}{target.unit}"


def normalized(target: Target) -> str:
    text = f"{SYMBOLS[target.comparator]}{format_number(target.normalized)}"
    return f"{text} {target.normalized_unit}".rstrip()


def described(target: Target) -> str:
    """As written, with the year and the measure: ≥2000个 (2023, cumulative)."""
    flags = [str(target.year), target.measure]
    if target.aspirational:
        flags.append("aspirational")
    return f"{written(target)} ({', '.join(flags)})"


def absolute_change(change: Change, dimension: str, unit: str) -> str:
    sign = "+" if change.absolute >= 0 else "-"
    amount = format_number(abs(change.absolute))
    label = "pp" if dimension == "share" else unit
    return f"{sign}{amount} {label}".rstrip()


def percent(fraction: float) -> str:
    """+1.5 → "+150%", 0.581 → "+58.1%": one decimal, none when it is zero."""
    text = f"{fraction * 100:+,.1f}".removesuffix(".0")
    return f"{text}%"


def relative_change(change: Change) -> str:
    return "" if change.relative is None else percent(change.relative)


def per_year(change: Change | None) -> str:
    if change is None or change.per_year is None:
        return ""
    if change.per_year_kind == "points":
        return f"{change.per_year:+.2f} pp/yr"
    return f"{percent(change.per_year)}/yr"
