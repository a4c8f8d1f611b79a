"""Which record class: the measurement behind comparisons/records.py.

    .venv/bin/python benchmarks/records.py DATA_DIR     (a generated dataset)

Times, best of three in one process: validating the parsed YAML of every document with
the pydantic models (models.py) and with msgspec Structs of the same shape and
constraints (the candidate below); and reading the records back from the cache: pickled
named tuples (the old index), MessagePack decoded into the msgspec records (the index
now), and pydantic's unvalidated `model_construct` from MessagePack dicts (the "pydantic
with a fast path" option).
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path
from typing import Annotated, NamedTuple

import msgspec
from msgspec import Meta, Struct
from pydantic import BaseModel

from policy_targets.comparisons import models
from policy_targets.comparisons.layout import document_files
from policy_targets.comparisons.loading import load_dataset
from policy_targets.comparisons.records import Target
from policy_targets.comparisons.vocabulary import Comparator, DocumentKind, Kind, Measure
from policy_targets.comparisons.yamlfile import load_yaml_file

Id = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Year = Annotated[int, Meta(ge=1990, le=2100)]
Text = Annotated[str, Meta(min_length=1)]


class Period(Struct, forbid_unknown_fields=True):
    start: Year
    end: Year


class DocumentInfo(Struct, forbid_unknown_fields=True):
    id: Id
    year: Year
    scope: Id
    title_zh: Text
    title_en: Text
    issuer: Text
    published: str | None
    period: Period
    kind: DocumentKind
    source: Text


class Entry(Struct, forbid_unknown_fields=True):
    indicator: Id
    value: Annotated[float, Meta(ge=0)]
    unit: Text
    comparator: Comparator
    measure: Measure
    kind: Kind
    year: Year
    quote: Annotated[str, Meta(min_length=2)]
    locator: Text
    aspirational: bool = False
    scope: Id | None = None
    note: str | None = None


class DocumentFile(Struct, forbid_unknown_fields=True):
    document: DocumentInfo
    targets: list[Entry]


TupleTarget = NamedTuple("TupleTarget", list(Target.__annotations__.items()))
PydanticTarget = type("PydanticTarget", (BaseModel,), {"__annotations__": Target.__annotations__})


def best(function) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(data: Path) -> None:
    raw = [load_yaml_file(path, str(path)) for path in document_files(data)]
    targets = load_dataset(data).targets
    print(f"{sum(len(r['targets']) for r in raw)} targets")
    print(
        f"validate, pydantic: {best(lambda: [models.DocumentFile.model_validate(r) for r in raw]):.2f} s"
    )
    print(
        f"validate, msgspec: {best(lambda: [msgspec.convert(r, DocumentFile) for r in raw]):.2f} s"
    )
    pickled = pickle.dumps([TupleTarget(*msgspec.structs.astuple(t)) for t in targets], protocol=5)
    print(f"read, pickled named tuples: {best(lambda: pickle.loads(pickled)):.2f} s")
    packed = msgspec.msgpack.encode(targets)
    decoder = msgspec.msgpack.Decoder(list[Target])
    print(f"read, msgspec records from MessagePack: {best(lambda: decoder.decode(packed)):.2f} s")
    dicts = msgspec.msgpack.encode([msgspec.structs.asdict(t) for t in targets])
    construct = PydanticTarget.model_construct
    print(
        "read, pydantic model_construct from MessagePack: "
        f"{best(lambda: [construct(**d) for d in msgspec.msgpack.decode(dicts)]):.2f} s"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
