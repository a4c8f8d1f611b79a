"""Plain records of a loaded, validated dataset.

These are what commands compute with. They are built from the YAML by `loading.py`
(with pydantic and pint) and cached as JSON by `index.py`, so that a warm run needs
neither.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Measures that describe a stock at a date; they compare with each other.
STOCK_MEASURES = frozenset({"level", "cumulative"})


@dataclass(frozen=True, slots=True)
class Indicator:
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


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    year: int
    scope: str
    title_zh: str
    title_en: str
    issuer: str
    published: str | None  # None when the source gives no date

    @property
    def chronology(self) -> tuple[int, str]:
        """Sorts documents by issue: the year, then the date where it is known."""
        return self.year, self.published or ""

    period_start: int
    period_end: int
    kind: str
    source: str
    path: str  # the YAML file, as shown in messages
    id_at: tuple[int, int] = (1, 1)  # line and column of `id:` in that file


@dataclass(frozen=True, slots=True)
class Target:
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

    @property
    def is_stock(self) -> bool:
        return self.measure in STOCK_MEASURES


@dataclass
class Dataset:
    documents: dict[str, Document] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)

    def targets_of(self, document_id: str) -> list[Target]:
        return [t for t in self.targets if t.document == document_id]

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [asdict(d) for d in self.documents.values()],
            "indicators": [asdict(i) for i in self.indicators.values()],
            "targets": [asdict(t) for t in self.targets],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Dataset:
        documents = {d["id"]: Document(**d) for d in data["documents"]}
        indicators = {}
        for raw in data["indicators"]:
            raw["aliases"] = tuple(raw["aliases"])
            indicators[raw["id"]] = Indicator(**raw)
        targets = [Target(**t) for t in data["targets"]]
        return cls(documents, indicators, targets)
