"""Plain records of a loaded, validated dataset.

These are what commands compute with. They are built from the YAML by `loading.py`
(with pydantic and pint) and pickled by `index.py`, so that a warm run needs neither.
They are named tuples because a tuple unpickles in one step: frozen dataclasses cost
a `__setattr__` per field, which dominated a warm run at 100 000 targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple


class Indicator(NamedTuple):
    id: str
    name_zh: str
    name_en: str
    category: str
    dimension: str
    unit: str
    higher_is_better: bool = True
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


class Document(NamedTuple):
    id: str
    year: int
    scope: str
    title_zh: str
    title_en: str
    issuer: str
    published: str | None  # None when the source gives no date
    period_start: int
    period_end: int
    kind: str
    source: str
    path: str  # the YAML file, as shown in messages
    id_at: tuple[int, int] = (1, 1)  # line and column of `id:` in that file

    @property
    def chronology(self) -> tuple[int, str]:
        """Sorts documents by issue: the year, then the date where it is known."""
        return self.year, self.published or ""


class Target(NamedTuple):
    document: str
    indicator: str
    value: float
    unit: str
    comparator: str
    measure: str
    kind: str
    year: int
    quote: str
    locator: str
    scope: str
    normalized: float
    normalized_unit: str
    dimension: str
    aspirational: bool = False
    note: str | None = None
    line: int = 0  # line of the entry in its YAML file
    quote_at: tuple[int, int] = (0, 0)  # line and column of its `quote:` key
    upper: float | None = None  # the upper bound of a range (comparator between), as written
    normalized_upper: float | None = None


@dataclass
class Dataset:
    """A loaded dataset; `loading.py` fills it, and nothing changes it afterwards."""

    documents: dict[str, Document] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)

    @cached_property
    def _by_document(self) -> dict[str, list[Target]]:
        grouped: dict[str, list[Target]] = {}
        for target in self.targets:
            grouped.setdefault(target.document, []).append(target)
        return grouped

    def targets_of(self, document_id: str) -> list[Target]:
        """A document's targets, in file order."""
        return self._by_document.get(document_id, [])

    def __getstate__(self) -> dict:
        # The grouping is derived; it is rebuilt on demand rather than pickled.
        return {k: v for k, v in self.__dict__.items() if k != "_by_document"}


def shape() -> str:
    """The fields of every record, for the index's cache key: a changed record is a new key."""
    return repr([(cls.__name__, cls._fields) for cls in (Indicator, Document, Target)])
