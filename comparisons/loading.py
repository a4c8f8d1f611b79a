"""Loading a targets directory: YAML → the entries of `records.py` → the records.

Every problem of every file is collected with its file, line and fix, and raised
together as one DataError, so that a curator sees all of them in one run.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import records
from .checks import control_characters, measure_problem, unknown_scopes
from .errors import DataError, Problem, UnitError
from .layout import (
    CATALOGUE,
    REPORTED,
    display,
    document_files,
    plain_file_name,
    unexpected_files,
)
from .periods import derived_period
from .reported import load_reported
from .vocabulary import Dimension, Measure


def load_catalogue(data_dir: Path) -> tuple[dict[str, records.Indicator] | None, list[Problem]]:
    """The catalogue's indicators by id (None when it is missing, unreadable or empty,
    which its problems say), and its problems."""
    from .validation import schema_problems
    from .yamlfile import load_yaml_file

    path = data_dir / CATALOGUE
    shown = display(path)
    if not path.exists():
        return None, [
            Problem(
                shown,
                1,
                1,
                "the indicator catalogue is missing",
                "create indicators.yaml with an `indicators:` list",
            )
        ]
    try:
        raw = load_yaml_file(path, shown)
    except DataError as exc:
        return None, exc.problems
    catalogue, problems = schema_problems(records.Catalogue, raw, shown)
    problems += control_characters(raw, shown)
    if catalogue is None:
        return None, problems
    if not catalogue.indicators:  # like a missing one: no id of a document can be checked
        line, column = raw.key_marks["indicators"]
        return None, [
            *problems,
            Problem(
                shown,
                line,
                column,
                "the indicator catalogue lists no indicators",
                "add an entry for every indicator the documents use",
            ),
        ]
    indicators: dict[str, records.Indicator] = {}
    for position, item in enumerate(catalogue.indicators):
        line, column = raw["indicators"].item_marks[position]
        if item.id in indicators:
            problems.append(
                Problem(
                    shown,
                    line,
                    column,
                    f"indicator id {item.id!r} is used twice",
                    "give each indicator its own id, or merge the two entries",
                )
            )
            continue
        indicators[item.id] = item  # the catalogue's entry is the record
    return indicators, problems


# "Did you mean" compares an unknown id with every id of the catalogue (about 3 ms against
# 148 ids): for thousands of unknown ids, loading would take minutes. So one load looks up
# each unknown id once, and suggests for the first MAX_SUGGESTED of them only.
MAX_SUGGESTED = 50
# (what, unknown word) → suggestion, for the load under way
_suggested: dict[tuple[str, str], str] = {}


def suggestion(word: str, catalogue: Iterable[str], what: str = "indicator") -> str:
    """ "did you mean …? " for an unknown `word` of the kind `what` (an indicator id, a
    scope), among `catalogue`; nothing when none is close or MAX_SUGGESTED were looked up."""
    found = _suggested.get((what, word))
    if found is None:
        if len(_suggested) >= MAX_SUGGESTED:
            return ""
        from .validation import suggest

        found = _suggested[what, word] = suggest(word, catalogue)
    return found


def indicator_and_amount(
    indicator_id: str,
    value: float,
    unit: str,
    measure: Measure,
    catalogue: dict | None,
    problem: Callable[[str, str, str], None],
    unit_fix: str,
    dimension_fix: str = "",
) -> tuple[records.Indicator | None, Any, bool]:
    """A figure's indicator in the catalogue and its amount in the unit of its dimension,
    each problem told to `problem(field, message, fix)`: an unknown id, an unknown unit,
    a unit of another dimension than the indicator's (then the last value is True), a
    measure that does not fit the dimension (then the amount is None).
    Targets and reported figures are checked alike; `dimension_fix` ends the fix."""
    from .units import normalize

    indicator = catalogue.get(indicator_id) if catalogue is not None else None
    # Without a catalogue, its own problem says why no id can be checked.
    if indicator is None and catalogue is not None:
        problem(
            "indicator",
            f"unknown indicator {indicator_id!r}",
            f"{suggestion(indicator_id, catalogue)}add it to {CATALOGUE} or use an existing id",
        )
    try:
        normalized = normalize(value, unit, indicator and indicator.dimension)
    except UnitError as exc:
        problem("unit", str(exc), unit_fix)
        normalized = None
    mismatched = bool(normalized and indicator and normalized.dimension != indicator.dimension)
    if mismatched:
        problem(
            "unit",
            f"unit {unit!r} is {normalized.dimension}, but indicator "
            f"{indicator.id!r} is {indicator.dimension}",
            f"use a unit of {indicator.dimension}{dimension_fix}",
        )
    # A unit of the wrong dimension is the problem to fix first; and only its indicator
    # tells whether a % is a share or a share-change (its own problem says why it is unknown).
    elif normalized and (indicator or normalized.dimension != Dimension.share):
        wrong = measure_problem(measure, unit, normalized.dimension)
        if wrong:
            problem("measure", *wrong)
            normalized = None
    return indicator, normalized, mismatched


def _check_target(
    target: records.TargetEntry,
    document: records.Document,
    catalogue: dict | None,
    item: Any,
    shown: str,
) -> tuple[records.Target | None, list[Problem]]:
    """Check one validated entry against the catalogue, units and its quote, and make
    its record; `item` is its YAML mapping, for line numbers."""
    import msgspec

    from .numerals import states
    from .quotes import normalize_text
    from .units import normalize

    problems: list[Problem] = []

    def problem(field: str, message: str, fix: str) -> None:
        line, column = item.key_marks.get(field, item.mark)
        problems.append(Problem(shown, line, column, message, fix))

    _, normalized, mismatched = indicator_and_amount(
        target.indicator,
        target.value,
        target.unit,
        target.measure,
        catalogue,
        problem,
        "use a unit defined in comparisons/units.txt, e.g. 个, 万个, 亿元, %, E, 每季度",
        " or another indicator",
    )
    is_frequency_unit = target.unit.startswith("每")
    unit_wrong = normalized is None or mismatched
    implicit = is_frequency_unit and target.value == 1  # 每年 is once a year
    # The quote is read as magnitudes (20万 is 200 000): a wrong unit is its own problem.
    exempt = implicit or unit_wrong
    for field in ("value", "upper"):
        number = getattr(target, field)
        if number is None or exempt:
            continue
        if not states(normalize_text(target.quote), number, target.unit):
            problem(
                field,
                f"{field} {number:g} does not appear in the quote",
                "correct the value, or quote the clause that states it",
            )
    if problems or normalized is None:
        return None, problems
    entry = msgspec.structs.asdict(target)
    entry["scope"] = target.scope or document.scope  # the entry names it only when it differs
    entry["period"] = target.period or derived_period(target, document)
    return records.Target(
        **entry,
        document=document.id,
        normalized=normalized.magnitude,
        normalized_unit=normalized.unit,
        dimension=Dimension(normalized.dimension),
        line=item.mark[0],
        quote_at=item.key_marks.get("quote", item.mark),
        normalized_upper=None
        if target.upper is None
        else normalize(target.upper, target.unit).magnitude,
    ), []


def load_document(
    path: Path, catalogue: dict | None
) -> tuple[records.Document | None, list[records.Target], list[Problem]]:
    import msgspec

    from .validation import schema_problems
    from .yamlfile import load_yaml_file

    shown = display(path)
    try:
        raw = load_yaml_file(path, shown)
    except DataError as exc:
        return None, [], exc.problems
    parsed, problems = schema_problems(records.DocumentFile, raw, shown)
    problems += control_characters(raw, shown)
    if parsed is None:
        return None, [], problems
    info = parsed.document
    document = records.Document(
        **msgspec.structs.asdict(info),
        path=shown,
        id_at=raw["document"].key_marks["id"],
    )
    if not plain_file_name(info.source):
        line, column = raw["document"].key_marks["source"]
        problems.append(
            Problem(
                shown,
                line,
                column,
                f"document.source: {info.source!r} is not a plain file name",
                "give the name of the source text in the sources directory, without a directory",
            )
        )
    if path.stem != info.id:
        line, column = document.id_at
        problems.append(
            Problem(
                shown,
                line,
                column,
                f"document id {info.id!r} does not match the file name",
                f"change the id to {path.stem!r}"
                if (path.parent / f"{info.id}.yaml").exists()
                else f"change the id to {path.stem!r}, or rename the file to {info.id}.yaml",
            )
        )
    targets: list[records.Target] = []
    seen: dict[tuple, int] = {}
    for position, target in enumerate(parsed.targets):
        line, column = raw["targets"].item_marks[position]
        record, found = _check_target(target, document, catalogue, raw["targets"][position], shown)
        problems.extend(found)
        # The scope as loaded: an entry that spells out its document's own scope is the same
        # target as one that names none.
        scope = target.scope or document.scope
        key = (target.indicator, target.kind, target.year, scope, target.measure)
        if key in seen:
            problems.append(
                Problem(
                    shown,
                    line,
                    column,
                    f"duplicate entry for {target.indicator!r} "
                    f"({scope}, {target.kind.value} {target.year}, {target.measure.value}); "
                    f"the first is at line {seen[key]}",
                    "remove one, or tell them apart by kind, year, measure or scope",
                )
            )
        seen.setdefault(key, line)
        if record:
            targets.append(record)
    return document, targets, problems


class _Build:
    """Every file read afresh: what `index.Index` does when no entry is current."""

    def catalogue(self, path: Path, build: Callable) -> Any:
        return build()

    def document(self, path: Path, build: Callable) -> Any:
        return build()

    def reported(self, path: Path, build: Callable) -> Any:
        return build()


def load_dataset(data_dir: Path, index: Any = None) -> records.Dataset:
    """Load and check every file of a targets directory; DataError lists all problems.
    `index` (an `index.Index`) may hand over each file's records from the cache; the
    checks across files run either way."""
    # Loading makes millions of small objects and no cycles: the cyclic collector's
    # passes over them took half the time at 100 000 targets.
    collecting = gc.isenabled()
    gc.disable()
    _suggested.clear()  # the catalogue may have changed since the last load
    try:
        return _load_dataset(data_dir, index or _Build())
    finally:
        _suggested.clear()
        if collecting:
            gc.enable()


def _load_dataset(data_dir: Path, index: Any) -> records.Dataset:
    if not data_dir.is_dir():
        raise DataError(
            [
                Problem(
                    display(data_dir),
                    1,
                    1,
                    "data directory not found",
                    "give the path of an existing targets directory",
                )
            ]
        )
    strays = unexpected_files(data_dir)
    problems = [Problem(display(path), 1, 1, what, fix) for path, what, fix in strays]
    if any(path.name == CATALOGUE for path, _, _ in strays):
        catalogue = None  # a FIFO or a folder named like the catalogue: reading could hang
    else:
        catalogue, found = index.catalogue(data_dir / CATALOGUE, lambda: load_catalogue(data_dir))
        problems += found
    dataset = records.Dataset(indicators=catalogue or {})
    unread = False  # a document file too broken to read: the scopes are not all known
    for path in document_files(data_dir):
        document, targets, found = index.document(
            path, lambda path=path: load_document(path, catalogue)
        )
        problems.extend(found)
        if document is None:
            unread = True
            continue
        if document.id in dataset.documents:
            other = dataset.documents[document.id].path
            problems.append(
                Problem(
                    document.path,
                    *document.id_at,
                    f"document id {document.id!r} is also used by {other}",
                    "give each document its own id",
                )
            )
            continue
        dataset.documents[document.id] = document
        dataset.targets.extend(targets)
    reported_path = data_dir / REPORTED
    if reported_path.is_file() and not any(path == reported_path for path, _, _ in strays):
        reported, found = index.reported(
            reported_path, lambda: load_reported(reported_path, catalogue)
        )
        problems.extend(found)
        dataset.reported.extend(reported)
        if dataset.documents and not unread:
            problems += unknown_scopes(dataset)
    if not dataset.documents and not problems:
        problems.append(
            Problem(
                display(data_dir),
                1,
                1,
                "no document files found",
                "add one <document-id>.yaml file per document",
            )
        )
    if problems:
        raise DataError(problems)
    return dataset
