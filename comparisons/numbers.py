"""How numbers are written for people. Apart from units.py, whose patterns and classes
cost start-up time that a command reading the index never needs."""

from __future__ import annotations


def format_number(value: float) -> str:
    """A number without float noise: 200000 → "200,000", 12.5 → "12.5"."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.6g}"
