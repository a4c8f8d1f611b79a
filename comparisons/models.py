"""Pydantic v2 models of the YAML files: a document file and the indicator catalogue.

These models check what a curator writes. The rest of the library works on the plain
records of `records.py`, so that the hot path never imports pydantic.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .vocabulary import Category, Comparator, Dimension, DocumentKind, FileKind, Kind, Measure

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KebabId = Annotated[str, Field(pattern=KEBAB, description="kebab-case identifier")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# Strict: a quoted year ("2023") or a yes for true is a curation mistake, not a value.
Year = Annotated[int, Field(ge=1990, le=2100, strict=True)]
Flag = Annotated[bool, Field(strict=True)]
# Values are written as the document writes them (20 for 20万), so real ones are small;
# the bounds keep every normalization, ratio and growth rate finite. 0 is a value.
SMALLEST_VALUE, LARGEST_VALUE = 1e-6, 1e12


class Period(_Strict):
    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("period end is before its start")
        return self


class DocumentInfo(_Strict):
    id: KebabId
    year: Year = Field(description="the year `policy compare YEAR` finds it by")
    scope: KebabId = Field(description="whose targets: shandong, binzhou, …")
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    published: str | None = Field(
        description='quoted ISO date, e.g. "2023-06-17"; null when the source gives none'
    )
    period: Period
    kind: DocumentKind
    source: str = Field(min_length=1, description="file name of the source text")

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value)
        return value


class Target(_Strict):
    indicator: KebabId
    value: float = Field(
        ge=0, le=LARGEST_VALUE, allow_inf_nan=False, description="the number exactly as written"
    )
    upper: float | None = Field(
        default=None,
        le=LARGEST_VALUE,
        allow_inf_nan=False,
        description="the upper bound of a range (comparator between): 3 in 2-3个",
    )
    unit: str = Field(min_length=1, description="the unit exactly as written: 万个, E, %, 每季度 …")
    comparator: Comparator
    measure: Measure
    kind: Kind
    year: Year = Field(description="the year the figure refers to")
    aspirational: Flag = False
    quote: str = Field(min_length=2, description="shortest verbatim clause, Simplified Chinese")
    locator: str = Field(min_length=1, description="section path, e.g. 四、(一) 30")
    scope: KebabId | None = Field(default=None, description="only when not the document's")
    note: str | None = None

    @field_validator("value", "upper", mode="before")
    @classmethod
    def _number(cls, value: object, info: ValidationInfo) -> object:
        from pydantic_core import PydanticCustomError

        if value is None and info.field_name == "upper":
            return value
        # Strict: a quoted "20" or a boolean is a curation mistake, not a number.
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PydanticCustomError(
                "float_type",
                "{field} must be a number, not {given}",
                {"field": info.field_name, "given": type(value).__name__},
            )
        if 0 < value < SMALLEST_VALUE:
            raise PydanticCustomError(
                "greater_than_equal",
                "a value other than 0 must be at least {smallest}",
                {"smallest": f"{SMALLEST_VALUE:f}"},
            )
        return value

    @model_validator(mode="after")
    def _range(self) -> Target:
        if (self.comparator == Comparator.between) != (self.upper is not None):
            raise ValueError("a range needs comparator: between and an upper bound, `upper:`")
        if self.upper is not None and self.upper <= self.value:
            raise ValueError(f"upper bound {self.upper:g} is not above value {self.value:g}")
        return self


class DocumentFile(_Strict):
    """One `targets/<document-id>.yaml` file."""

    document: DocumentInfo
    targets: list[Target]


class Indicator(_Strict):
    id: KebabId
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    category: Category
    dimension: Dimension
    unit: str = Field(min_length=1, description="display unit")
    higher_is_better: Flag = True
    aliases: list[str] = Field(default_factory=list)


class Catalogue(_Strict):
    """The `targets/indicators.yaml` file."""

    indicators: list[Indicator]


class IgnoreEntry(_Strict):
    text: str = Field(min_length=1, description="the numeral with a little context, Simplified")
    reason: str = Field(min_length=3)
    document: KebabId | None = Field(default=None, description="only in this document")
    # Compiled (with a time limit) and checked where it is used, in provenance.py.
    pattern: Flag = Field(default=False, description="text is a regular expression")


class CoverageIgnore(_Strict):
    """The `targets/coverage-ignore.yaml` file."""

    ignore: list[IgnoreEntry]


# The JSON Schema file of each kind of data file, beside the YAML in targets/.
SCHEMA_FILES = {kind: f"{kind.value}.schema.json" for kind in FileKind}


def json_schemas() -> dict[FileKind, dict]:
    """One JSON Schema per kind of data file (document, catalogue, coverage-ignore), so
    that an editor or check-jsonschema names the very field that is wrong rather than
    "not valid under any of the given schemas"."""
    models = {
        FileKind.document: DocumentFile,
        FileKind.catalogue: Catalogue,
        FileKind.coverage_ignore: CoverageIgnore,
    }
    schemas = {}
    for kind, model in models.items():
        schema = model.model_json_schema()
        schemas[kind] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return schemas
