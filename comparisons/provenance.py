"""Proving every number against its source: the quote check and the coverage report."""

from __future__ import annotations

import os
import re
import stat
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from .checks import control_characters
from .errors import DataError, Problem
from .layout import IGNORE_LIST, display, plain_file_name
from .numerals import LISTED
from .quotes import NormalizedSource, normalize_source, normalize_text
from .records import Dataset, Document
from .validation import schema_problems
from .yamlfile import load_yaml_file

# What the report lists: the numerals of numerals.py (Arabic, and Chinese with a magnitude)
# and the words of full coverage (全部, 全覆盖, 所有 …), which are 100 %.
NUMERAL = LISTED
CONTEXT = 12  # characters shown either side of an uncovered numeral
# A source text is a plain file of the --sources directory, and a few hundred kB at most:
# a bigger one is no policy document (or is /dev/zero behind a link).
MAX_SOURCE_BYTES = 16 * 2**20
# An ignore pattern matches a source in milliseconds; one that backtracks without end
# ("(\D+)+\d{20}") is stopped after this many seconds and reported.
PATTERN_SECONDS = 1.0
# The timeout does not cover compiling, and the regex package writes counted repetitions
# out: "(?:x{1000}){1000}" (17 bytes) compiles to 275 MB, "a{1000000}" too. A pattern is
# refused before it is compiled when it is long, deeply nested, or when its counts,
# multiplied along a nesting, pass MAX_PATTERN_REPEATS.
MAX_PATTERN_LENGTH = 500
MAX_PATTERN_DEPTH = 20
MAX_PATTERN_REPEATS = 10_000
_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")


@dataclass(frozen=True, slots=True)
class Uncovered:
    document: str
    source: str
    line: int
    numeral: str
    context: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.numeral} in “{self.context}”"


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    text: str
    reason: str
    document: str | None
    regex: Any  # a compiled pattern of the `regex` package, which can time out
    path: str
    line: int
    column: int


@dataclass
class ProvenanceReport:
    problems: list[Problem]
    uncovered: list[Uncovered]
    quotes_checked: int = 0
    numerals_seen: int = 0
    slow_rules: set[int] = field(default_factory=set)  # ignore patterns that timed out


def load_ignore_rules(data_dir: Path) -> list[IgnoreRule]:
    from .records import CoverageIgnore

    path = data_dir / IGNORE_LIST
    if not path.exists():
        return []
    import regex

    shown = display(path)
    raw = load_yaml_file(path, shown)
    parsed, problems = schema_problems(CoverageIgnore, raw, shown)
    problems += control_characters(raw, shown)
    if parsed is None:
        raise DataError(problems)
    rules = []
    for position, entry in enumerate(parsed.ignore):
        text = entry.text if entry.pattern else normalize_text(entry.text)
        line, column = raw["ignore"].item_marks[position]
        too_big = _too_big(text) if entry.pattern else None
        if too_big is not None:
            line, column = raw["ignore"][position].key_marks.get("text", (line, column))
            problems.append(
                Problem(
                    shown,
                    line,
                    column,
                    f"ignore[{position}].text: {too_big}",
                    "simplify the pattern: + or * rather than large counts, fewer groups; or "
                    "remove `pattern: true` to match the text as written",
                )
            )
            continue
        try:
            compiled = regex.compile(text if entry.pattern else regex.escape(text))
        except regex.error as exc:
            line, column = raw["ignore"][position].key_marks.get("text", (line, column))
            problems.append(
                Problem(
                    shown,
                    line,
                    column,
                    f"ignore[{position}].text: invalid regular expression: {exc}",
                    "correct the pattern, or remove `pattern: true` to match the text as written",
                )
            )
            continue
        rules.append(IgnoreRule(text, entry.reason, entry.document, compiled, shown, line, column))
    if problems:
        raise DataError(problems)
    return rules


def _too_big(pattern: str) -> str | None:
    """Why compiling `pattern` could take memory without bound, or None. A rough parse:
    escapes and character sets are skipped; a count ({n}, {n,m}) multiplies the size of
    the atom or group before it."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"pattern longer than {MAX_PATTERN_LENGTH} characters"
    frames = [1]  # per open group: the largest product of counts inside it
    last = 1  # the size of the atom or group just before the current position
    position = 0
    while position < len(pattern):
        char = pattern[position]
        count = _COUNT.match(pattern, position) if char == "{" else None
        if char == "\\":
            position, last = position + 2, 1
            continue
        if char == "[":
            position, last = _set_end(pattern, position), 1
            continue
        if char == "(":
            frames.append(1)
            if len(frames) - 1 > MAX_PATTERN_DEPTH:
                return f"groups nested more than {MAX_PATTERN_DEPTH} deep"
            last = 1
        elif char == ")" and len(frames) > 1:
            last = frames.pop()
        elif count is not None and (count.group(1) or count.group(2)):
            bound = max(int(count.group(1) or 0), int(count.group(2) or 0))
            last *= max(bound, 1)
            position = count.end()
            frames[-1] = max(frames[-1], last)
            if last > MAX_PATTERN_REPEATS:
                return (
                    f"counted repetitions multiply to more than {MAX_PATTERN_REPEATS:,}, "
                    "which compiles to a huge pattern"
                )
            continue
        else:
            last = 1
        frames[-1] = max(frames[-1], last)
        position += 1
    return None


def _set_end(pattern: str, start: int) -> int:
    """The position after the character set that opens at `start`."""
    position = start + 1
    if pattern[position : position + 1] == "^":
        position += 1
    if pattern[position : position + 1] == "]":  # a literal ] first
        position += 1
    while position < len(pattern) and pattern[position] != "]":
        position += 2 if pattern[position] == "\\" else 1
    return position + 1


def _spans(pattern: Any, text: str, **limits: Any) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, **limits) if m.end() > m.start()]


class _Spans:
    """Spans of a text, asked whether one of them covers [start, end): a binary search
    over the spans sorted by start, against the furthest end among those that start at or
    before `start`. (A scan of every span for every numeral was quadratic: a 900 KB
    source with repeated quotes took more than 10 s.)"""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.furthest = list(accumulate((stop for _, stop in ordered), max))

    def cover(self, start: int, end: int) -> bool:
        last = bisect_right(self.starts, start) - 1
        return last >= 0 and self.furthest[last] >= end


class SourceError(Exception):
    """Why a source text cannot be read, in words for a Problem."""


def _read_source(document: Document, sources: Path) -> NormalizedSource:
    """The source text of `document`: a regular file directly inside `sources`, UTF-8,
    at most MAX_SOURCE_BYTES; never a path elsewhere, a FIFO or a device."""
    name = document.source
    if not plain_file_name(name):
        raise SourceError(f"source {name!r} is not a plain file name")
    try:
        # Non-blocking, so that opening a FIFO cannot hang; checked before reading.
        fd = os.open(sources / name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError(f"cannot read source {name}: {exc.strerror}") from None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        raise SourceError(f"source {name} is not a regular file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"source {name} is larger than {MAX_SOURCE_BYTES // 2**20} MB")
    try:
        return normalize_source(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SourceError(f"source {name} is not UTF-8") from None


def check(dataset: Dataset, data_dir: Path, sources: Path, coverage: bool) -> ProvenanceReport:
    """Find every quote in its source and check that every row writes its figure as the
    quote does (`as_written`); with `coverage`, list numerals no quote covers."""
    report = ProvenanceReport([], [])
    rules = load_ignore_rules(data_dir) if coverage else []
    used_rules: set[int] = set()
    for document in sorted(dataset.documents.values(), key=lambda d: d.id):
        try:
            source = _read_source(document, sources)
        except (OSError, SourceError) as exc:
            report.problems.append(
                Problem(
                    document.path,
                    1,
                    1,
                    str(exc),
                    f"put the source text in {sources} and give its file name in `source:`",
                )
            )
            continue
        quote_spans: list[tuple[int, int]] = []
        for target in dataset.targets_of(document.id):
            report.quotes_checked += 1
            if target.as_written is None:
                # Optional to the record (a row built in memory has none), but every row of
                # a dataset checked against its sources shows its figure as written.
                report.problems.append(
                    Problem(
                        document.path,
                        target.line,
                        target.quote_at[1],
                        "as_written: missing",
                        "copy the figure's words from the quote",
                    )
                )
            needle = normalize_text(target.quote)
            found = _spans(re.compile(re.escape(needle)), source.text)
            if not found:
                report.problems.append(
                    Problem(
                        document.path,
                        *target.quote_at,
                        f"quote not found in {document.source}: “{target.quote}”",
                        "copy the clause from the source (compared in Simplified, without pinyin)",
                    )
                )
            quote_spans.extend(found)
        if coverage:
            report.uncovered.extend(
                _uncovered(document, source, quote_spans, rules, used_rules, report)
            )
    for index, rule in enumerate(rules):
        if index not in used_rules:
            report.problems.append(
                Problem(
                    rule.path,
                    rule.line,
                    rule.column,
                    f"ignore entry “{rule.text}” matches no uncovered numeral",
                    "remove the entry",
                )
            )
    return report


def _uncovered(
    document: Document,
    source: NormalizedSource,
    quote_spans: list[tuple[int, int]],
    rules: list[IgnoreRule],
    used_rules: set[int],
    report: ProvenanceReport,
) -> list[Uncovered]:
    rule_spans = {}
    for i, rule in enumerate(rules):
        if rule.document not in (None, document.id) or i in report.slow_rules:
            continue
        try:
            rule_spans[i] = _spans(rule.regex, source.text, timeout=PATTERN_SECONDS)
        except TimeoutError:
            report.slow_rules.add(i)
            used_rules.add(i)  # reported once, here, not as an unused entry too
            report.problems.append(
                Problem(
                    rule.path,
                    rule.line,
                    rule.column,
                    f"ignore pattern “{rule.text}” takes more than {PATTERN_SECONDS:g} s to "
                    f"match {document.source}",
                    "simplify the pattern: no repetition inside a repetition, as in (a+)+",
                )
            )
    quoted = _Spans(quote_spans)
    ignored = {i: _Spans(spans) for i, spans in rule_spans.items()}
    missing = []
    for match in NUMERAL.finditer(source.text):
        report.numerals_seen += 1
        start, end = match.span()
        if quoted.cover(start, end):
            continue
        explained = [i for i, spans in ignored.items() if spans.cover(start, end)]
        if explained:
            used_rules.update(explained)
            continue
        context = source.text[max(0, start - CONTEXT) : end + CONTEXT]
        missing.append(
            Uncovered(document.id, document.source, source.line_of(start), match.group(), context)
        )
    return missing
