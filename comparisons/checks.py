"""Checks the loaders share, beside the schema's: text that would misbehave in a terminal
or a spreadsheet, a measure that does not fit its unit, and a reported figure's scope.
`loading.py` (documents, the catalogue), `reported.py` and `provenance.py` call them."""

from __future__ import annotations

from typing import Any

from . import records
from .errors import Problem
from .vocabulary import DIMENSION_MEASURE, MEASURE_DIMENSION, Dimension, Measure

# C0 and C1 controls, DEL and NUL, and U+FFFE and U+FFFF, which are no characters (XML
# forbids them all, so no xlsx could hold them; the YAML reader refuses surrogates). The
# reader refuses them written raw in a file; this finds those written as escapes in a
# double-quoted string ("\e[2J", "\x9b", "\uFFFE").
_CONTROL = "[\x00-\x1f\x7f-\x9f\ufffe\uffff]"


def control_characters(data: Any, path: str) -> list[Problem]:
    """Every string of a parsed YAML file that holds a control character: in a name, a
    quote or a title it would reach a terminal as an escape sequence."""
    import re

    from .validation import loc_text
    from .yamlfile import LocatedDict, LocatedList

    control = re.compile(_CONTROL)
    problems: list[Problem] = []
    seen: set[int] = set()  # an alias repeats a node: each is looked at once
    pending: list[tuple[Any, tuple, tuple[int, int]]] = [(data, (), (1, 1))]
    while pending:
        node, loc, mark = pending.pop()
        if isinstance(node, str):
            found = control.search(node)
            if found:
                where = f"{loc_text(loc)}: " if loc else ""
                code = ord(found.group())
                what = "control character" if code <= 0x9F else "non-character"
                problems.append(
                    Problem(
                        path,
                        *mark,
                        f"{where}{what} U+{code:04X}",
                        "remove the character",
                    )
                )
        elif isinstance(node, LocatedDict | LocatedList) and id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, LocatedDict):
                pending.extend(
                    (value, (*loc, key), node.key_marks.get(key, node.mark))
                    for key, value in node.items()
                )
            else:
                pending.extend(
                    (item, (*loc, position), node.item_marks[position])
                    for position, item in enumerate(node)
                )
    return problems


# --- the whole dataset ---------------------------------------------------------


# The scopes a fix lists at most (a hostile dataset may have thousands).
MAX_LISTED = 8


def unknown_scopes(dataset: records.Dataset) -> list[Problem]:
    """A reported figure whose scope is no document's nor target's: it would settle no
    target and drop out of every status unseen."""
    scopes = {document.scope for document in dataset.documents.values()}
    scopes.update(target.scope for target in dataset.targets)  # a target may name its own
    unknown = [report for report in dataset.reported if report.scope not in scopes]
    if not unknown:
        return []
    from .loading import suggestion  # loading imports this module: not at its top

    known = sorted(scopes)
    more = f" and {len(known) - MAX_LISTED} more" if len(known) > MAX_LISTED else ""
    problems: list[Problem] = []
    for report in unknown:
        problems.append(
            Problem(
                report.path,
                *report.scope_at,
                f"reported[{report.position}].scope: no document or target has scope "
                f"{report.scope!r}",
                f"{suggestion(report.scope, known, 'scope')}"
                f"use a scope of the data: {', '.join(known[:MAX_LISTED])}{more}",
            )
        )
    return problems


# How the units a measure needs (MEASURE_DIMENSION) are written, for a fix.
_WRITTEN = {
    Dimension.share: "a unit of %",
    Dimension.frequency: "a 每… unit such as 每季度",
}


def measure_problem(measure: Measure, unit: str, dimension: str) -> tuple[str, str] | None:
    """(message, fix) when a figure's measure does not fit the dimension of its amount
    (`vocabulary.MEASURE_DIMENSION`, `DIMENSION_MEASURE`), else None: a share in 万个 or
    a level in % would be compared with figures it is no like of."""
    needed = MEASURE_DIMENSION.get(measure)
    if needed is not None and dimension != needed:
        fitting = [
            other
            for other in Measure
            if DIMENSION_MEASURE.get(dimension, other) == other
            and MEASURE_DIMENSION.get(other, dimension) == dimension
        ]
        listed = ", ".join(fitting[:-1]) + " or " if len(fitting) > 1 else ""
        # A share-change is written in % too: only the indicator makes it one.
        other_way = "an indicator of share" if dimension == Dimension.share_change else None
        return (
            f"measure {measure} needs a {needed} ({_WRITTEN[needed]}), "
            f"but unit {unit!r} is {dimension}",
            f"use measure: {listed}{fitting[-1]}, or {other_way or _WRITTEN[needed]}",
        )
    wanted = DIMENSION_MEASURE.get(dimension)
    if wanted is not None and measure != wanted:
        other_way = (
            "another indicator"
            if dimension == Dimension.share_change
            else "a unit of another dimension"
        )
        return (
            f"measure {measure} does not fit unit {unit!r}: a {dimension} needs measure {wanted}",
            f"use measure: {wanted}, or {other_way}",
        )
    return None
