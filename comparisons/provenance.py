"""Proving every number against its source: the quote check and the coverage report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .layout import IGNORE_LIST, display
from .loading import schema_problems
from .numerals import LISTED
from .quotes import NormalizedSource, normalize_source, normalize_text
from .records import Dataset, Document
from .yamlfile import load_yaml_file

# What the report lists: the numerals of numerals.py (Arabic, and Chinese with a magnitude)
# and the words of full coverage (全部, 全覆盖, 所有 …), which are 100 %.
NUMERAL = LISTED
CONTEXT = 12  # characters shown either side of an uncovered numeral


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
    regex: re.Pattern
    path: str
    line: int
    column: int


@dataclass
class ProvenanceReport:
    problems: list[Problem]
    uncovered: list[Uncovered]
    quotes_checked: int = 0
    numerals_seen: int = 0


def load_ignore_rules(data_dir: Path) -> list[IgnoreRule]:
    from .models import CoverageIgnore

    path = data_dir / IGNORE_LIST
    if not path.exists():
        return []
    shown = display(path)
    raw = load_yaml_file(path, shown)
    parsed, problems = schema_problems(CoverageIgnore, raw, shown)
    if parsed is None:
        raise DataError(problems)
    rules = []
    for position, entry in enumerate(parsed.ignore):
        text = entry.text if entry.pattern else normalize_text(entry.text)
        regex = re.compile(text if entry.pattern else re.escape(text))
        line, column = raw["ignore"].item_marks[position]
        rules.append(IgnoreRule(text, entry.reason, entry.document, regex, shown, line, column))
    return rules


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def _covered(position: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position and end <= stop for start, stop in spans)


def _read_source(document: Document, sources: Path) -> NormalizedSource:
    raw = (sources / document.source).read_text(encoding="utf-8")
    return normalize_source(raw)


def check(dataset: Dataset, data_dir: Path, sources: Path, coverage: bool) -> ProvenanceReport:
    """Find every quote in its source; with `coverage`, list numerals no quote covers."""
    report = ProvenanceReport([], [])
    rules = load_ignore_rules(data_dir) if coverage else []
    used_rules: set[int] = set()
    for document in sorted(dataset.documents.values(), key=lambda d: d.id):
        try:
            source = _read_source(document, sources)
        except (OSError, UnicodeDecodeError) as exc:
            report.problems.append(
                Problem(
                    document.path,
                    1,
                    1,
                    f"cannot read source {document.source}: {exc}",
                    f"put the source text in {sources} or fix `source:`",
                )
            )
            continue
        quote_spans: list[tuple[int, int]] = []
        for target in dataset.targets_of(document.id):
            report.quotes_checked += 1
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
    rule_spans = {
        i: _spans(r.regex, source.text)
        for i, r in enumerate(rules)
        if r.document in (None, document.id)
    }
    missing = []
    for match in NUMERAL.finditer(source.text):
        report.numerals_seen += 1
        start, end = match.span()
        if _covered(start, end, quote_spans):
            continue
        explained = [i for i, spans in rule_spans.items() if _covered(start, end, spans)]
        if explained:
            used_rules.update(explained)
            continue
        context = source.text[max(0, start - CONTEXT) : end + CONTEXT]
        missing.append(
            Uncovered(document.id, document.source, source.line_of(start), match.group(), context)
        )
    return missing
