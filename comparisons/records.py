"""The records of a loaded, validated dataset: what commands compute with.

`loading.py` builds them from the YAML (with pydantic and pint); `index.py` stores them
in the cache as MessagePack and decodes them straight back into these classes, so that a
warm run needs neither. They are msgspec Structs: immutable, compared and ordered field by
field, and not tracked by the cyclic garbage collector (`gc=False`: a record holds only
strings, numbers and tuples of numbers, so it can never be part of a cycle). See
benchmarks/README.md for why msgspec rather than pydantic or named tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from msgspec import Struct


class _Record(Struct, frozen=True, order=True, array_like=True, gc=False):
    pass


class Indicator(_Record):
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


class Document(_Record):
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


class Target(_Record):
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

    def to_dict(self) -> dict:
        """The whole dataset as plain data: documents, indicators and every target in the
        one record shape of `results.py`."""
        from .results import dataset_records, document_record, indicator_record

        return {
            "documents": [document_record(d) for d in self.documents.values()],
            "indicators": [indicator_record(i) for i in self.indicators.values()],
            "targets": list(dataset_records(self)),
        }
