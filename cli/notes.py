"""The curator's notes behind a table's rows: a marker in the row, the note under the table.

A row that rests on a curator's judgement (a link across different wordings, an inferred
100 %, a count read from a list) carries the note of its target in the data; a table
shows a marker (†1) after the indicator's name and the notes, numbered, below the table.
"""

from __future__ import annotations

from policy_targets.comparisons.records import Target

from .labels import say

MARK = "†"


class Notes:
    """The notes of one report, numbered in the order their rows are shown."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}  # (document, note) → number
        self._lines: list[str] = []

    def mark(self, name: str, *targets: Target | None) -> str:
        """`name` followed by the markers of its targets' notes (a note once per report)."""
        marks = []
        for target in targets:
            if target is None or not target.note:
                continue
            key = (target.document, target.note)
            if key not in self._numbers:
                self._numbers[key] = len(self._numbers) + 1
                self._lines.append(
                    f"{MARK}{self._numbers[key]} {target.document}, {target.indicator}: "
                    f"{target.note}"
                )
            marks.append(f"{MARK}{self._numbers[key]}")
        return f"{name} {' '.join(marks)}" if marks else name

    def take(self, lang: str | None) -> list[str]:
        """The notes marked since the last call, under a heading; none if there are none."""
        lines, self._lines = self._lines, []
        return [say("notes", lang), *lines] if lines else []
