"""The cost of the record classes of comparisons/records.py.

    .venv/bin/python benchmarks/records.py DATA_DIR     (a generated dataset)

Times, best of three in one process: checking the parsed YAML of every document against
`DocumentFile` with `validation.check` (every problem, located: what `policy validate`
does), the same with a bare `msgspec.convert` (which stops at the first problem: the
floor the walk is measured against), and reading the records of every target back from
MessagePack, as the cache does.

The comparison with pydantic that chose msgspec (docs/decisions/0001-msgspec-records.md, "One record
class") was made by the version of this script at commit dfda430.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import msgspec

from policy_targets.comparisons.layout import document_files
from policy_targets.comparisons.loading import load_dataset
from policy_targets.comparisons.records import DocumentFile, Target
from policy_targets.comparisons.validation import check
from policy_targets.comparisons.yamlfile import load_yaml_file


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
        f"validate, validation.check: {best(lambda: [check(DocumentFile, r) for r in raw]):.2f} s"
    )
    print(
        f"validate, msgspec.convert: {best(lambda: [msgspec.convert(r, DocumentFile) for r in raw]):.2f} s"
    )
    packed = msgspec.msgpack.encode(targets)
    decoder = msgspec.msgpack.Decoder(list[Target])
    print(f"read, records from MessagePack: {best(lambda: decoder.decode(packed)):.2f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
