"""Reasons as data: a code from the vocabulary, its parameters, and the English sentence.

The library gives every verdict, ambition and missing share its reasons as `Reason`
records; JSON shows them as `{"code": …, "text": …, …parameters}`. A front end words a
reason from its code and parameters (cli/labels.py does so in Chinese), never by parsing
the English text back.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from .numbers import format_number, signed
from .vocabulary import Comparator, PaceKind, ReasonCode

COMPARATOR_WORDS = {
    Comparator.at_least: "at least",
    Comparator.more_than: "more than",
    Comparator.about: "about",
    Comparator.exactly: "exactly",
    Comparator.at_most: "at most",
    Comparator.between: "a range",
}
ASPIRATIONAL = "力争 (aspirational)"


def years_text(count: int) -> str:
    return f"{count} year{'s' if count != 1 else ''}"


def span(start: int, end: int) -> str:
    """2023–2025, or 2025 for a single year."""
    return str(start) if start == end else f"{start}–{end}"


def pace_text(pace: float, kind: str, unit: str) -> str:
    """A pace as shown in a reason: +1.67 pp/yr (points), +8.2 %/yr (growth), +50 个/yr."""
    if kind == PaceKind.points:
        return f"{signed(pace, 2)} pp/yr"
    if kind == PaceKind.growth:
        return f"{signed(pace * 100, 1, whole=True)} %/yr"
    return f"{signed(pace)} {unit}/yr".replace(" /yr", "/yr")


def _english(code: ReasonCode, p: dict[str, Any]) -> str:
    """The English sentence of a reason; one shape per code."""
    match code:
        case ReasonCode.value:
            if p["unit"] == "pp":
                return f"value {signed(p['amount'])} pp"
            if p["unit"] == "%":
                return f"value {signed(p['amount'], 1, whole=True)} %"
            return f"value {signed(p['amount'])} {p['unit']}".rstrip()
        case ReasonCode.comparator:
            return f"{COMPARATOR_WORDS[p['after']]} instead of {COMPARATOR_WORDS[p['before']]}"
        case ReasonCode.firmness:
            if p["aspirational"]:
                return f"{ASPIRATIONAL} instead of firm"
            return f"firm instead of {ASPIRATIONAL}"
        case ReasonCode.deadline:
            when = f"{years_text(abs(p['years']))} {'later' if p['years'] > 0 else 'earlier'}"
            return f"same value, {when}" if p.get("same_value", True) else when
        case ReasonCode.pace:
            faster = "faster" if p["faster"] else "slower"
            if p["faster"] is None:
                faster = "the same"
            return (
                f"{faster} pace: {pace_text(p['after'], p['kind'], p['unit'])} from "
                f"{p['start']} to {p['after_year']} against "
                f"{pace_text(p['before'], p['kind'], p['unit'])} from {p['start']} to "
                f"{p['before_year']}"
            )
        case ReasonCode.no_pace:
            return "different target years, no baseline"
        case ReasonCode.per_year:
            return (
                f"additions over different periods compared per year: "
                f"{format_number(p['before'])} over {span(*p['before_period'])} ≈ "
                f"{format_number(p['before_per_year'])}/yr, "
                f"{format_number(p['after'])} over {span(*p['after_period'])} ≈ "
                f"{format_number(p['after_per_year'])}/yr"
            )
        case ReasonCode.different_scope | ReasonCode.different_dimension:
            what = "scope" if code == ReasonCode.different_scope else "dimension"
            return f"different {what}: {p['before']} vs {p['after']}"
        case ReasonCode.different_measure:
            return (
                f"different measure: {p['before']} ({p['before_words']}) vs "
                f"{p['after']} ({p['after_words']})"
            )
        case ReasonCode.different_period:
            return f"different periods: {span(*p['before_period'])} vs {span(*p['after_period'])}"
        case ReasonCode.not_additive:
            return f"a {p['dimension']} does not add up, so no part of a whole"
        case ReasonCode.zero_whole:
            return "the whole's figure is 0"
        case ReasonCode.lapsed:
            return f"due {p['due']}, before {p['document']} ({p['year']})"
        case ReasonCode.not_restated:
            recurring = (
                f"a recurring duty of the {p['period'][0]}-{p['period'][1]} plan, "
                if p.get("period")
                else ""
            )
            return f"{recurring}due {p['due']}; {p['document']} gives no figure"
    raise ValueError(code)  # pragma: no cover - every code has a case


class Reason(Struct, frozen=True):
    """One reason: its code and parameters; `text` is the English sentence."""

    code: ReasonCode
    params: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return _english(self.code, self.params)

    def to_dict(self) -> dict:
        return {"code": self.code.value, "text": self.text, **self.params}


def reason(code: ReasonCode, **params: Any) -> Reason:
    return Reason(code, params)
