"""Loading `reported.yaml`: the figures reported as achieved, each checked against the
catalogue, its unit and its quote, with every problem located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import records
from .errors import DataError, Problem
from .layout import display
from .vocabulary import Dated, Dimension


def _check_reported(
    entry: records.ReportedEntry, catalogue: dict | None, item: Any, position: int, shown: str
) -> tuple[records.Reported | None, list[Problem]]:
    """Check one validated reported figure against the catalogue, units and its quote,
    and make its record; `item` is its YAML mapping, for line numbers."""
    import msgspec

    from .numerals import states
    from .quotes import normalize_text

    problems: list[Problem] = []

    def problem(field: str, message: str, fix: str) -> None:
        line, column = item.key_marks.get(field, item.mark)
        where = f"reported[{position}].{field}"
        problems.append(Problem(shown, line, column, f"{where}: {message}", fix))

    from .loading import indicator_and_amount  # loading imports this module: not at its top

    _, normalized, mismatched = indicator_and_amount(
        entry.indicator,
        entry.value,
        entry.unit,
        entry.measure,
        catalogue,
        problem,
        "use a unit defined in comparisons/units.txt, e.g. 个, 万个, %",
    )
    if mismatched:
        normalized = None
    if normalized and not states(normalize_text(entry.quote), entry.value, entry.unit):
        problem(
            "value",
            f"value {entry.value:g} does not appear in the quote",
            "correct the value, or quote the words that state it",
        )
    if problems or normalized is None:
        return None, problems
    return records.Reported(
        **msgspec.structs.asdict(entry),
        normalized=normalized.magnitude,
        normalized_unit=normalized.unit,
        dimension=Dimension(normalized.dimension),
        line=item.mark[0],
        path=shown,
        position=position,
        scope_at=item.key_marks.get("scope", item.mark),
    ), []


def load_reported(path: Path, catalogue: dict | None) -> tuple[list[records.Reported], list]:
    """The figures of `reported.yaml`, each checked, and the file's problems."""
    from .checks import control_characters
    from .validation import schema_problems
    from .yamlfile import load_yaml_file

    shown = display(path)
    try:
        raw = load_yaml_file(path, shown)
    except DataError as exc:
        return [], exc.problems
    parsed, problems = schema_problems(records.ReportedFile, raw, shown)
    problems += control_characters(raw, shown)
    if parsed is None:
        return [], problems
    found: list[records.Reported] = []
    seen: dict[tuple, int] = {}
    for position, entry in enumerate(parsed.reported):
        item = raw["reported"][position]
        record, wrong = _check_reported(entry, catalogue, item, position, shown)
        problems.extend(wrong)
        line, column = item.mark
        # A stated year-end figure may stand beside one dated only no later than that day.
        key = (entry.indicator, entry.scope, entry.measure, entry.as_of, entry.dated)
        if key in seen:
            when = f"as of {entry.as_of}"
            if entry.dated != Dated.stated:
                when = f"dated no later than {entry.as_of}"
            problems.append(
                Problem(
                    shown,
                    line,
                    column,
                    f"reported[{position}]: a second figure for {entry.indicator!r} "
                    f"({entry.scope}, {entry.measure.value}) {when}; "
                    f"the first is at line {seen[key]}",
                    "keep one figure per date, the one from the most original source",
                )
            )
        seen.setdefault(key, line)
        if record:
            found.append(record)
    return found, problems
