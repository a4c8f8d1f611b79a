"""How numbers are written for people. Apart from units.py, whose patterns and classes
cost start-up time that a command reading the index never needs."""

from __future__ import annotations


def format_number(value: float) -> str:
    """A number without float noise: 200000 → "200,000", 12.5 → "12.5"."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.6g}"


def signed(amount: float, places: int | None = None, whole: bool = False) -> str:
    """A number with its sign always shown, the one way every change is written:
    +5, -1,000, +0.5 (as format_number writes it); with `places`, that many decimals
    (+1.67, +2.00); `whole`: a zero fraction dropped (+150, not +150.0)."""
    if places is None:
        return ("+" if amount >= 0 else "-") + format_number(abs(amount))
    text = f"{amount:+,.{places}f}"
    if whole and places and text.endswith("." + "0" * places):
        text = text[: -(places + 1)]
    return text
