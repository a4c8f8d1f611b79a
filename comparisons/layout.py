"""Where the data lives: the targets directory and the files that make it up.

Kept apart from `loading.py` so that the warm path (hash the files, read the index)
does not import PyYAML.
"""

from __future__ import annotations

import os
from pathlib import Path

CATALOGUE = "indicators.yaml"
IGNORE_LIST = "coverage-ignore.yaml"
NOT_DOCUMENTS = {CATALOGUE, IGNORE_LIST}
# A data file holds one document's targets: 100 000 generated targets in one file take
# about 25 MB of YAML (benchmarks/generate.py), the real ones 30 KB. As for sources
# (provenance.MAX_SOURCE_BYTES), a larger file is refused before it is read: a sparse
# file of gigabytes would not fit in memory.
MAX_DATA_BYTES = 64 * 2**20
# The pint definitions: read by units.py, and hashed into the index key by index.py.
UNIT_DEFINITIONS = Path(__file__).with_name("units.txt")


def bundled_data_dir() -> Path:
    # The package's own folder rather than importlib.resources, which costs 2 ms of
    # imports at every start; the data is read with open() either way.
    import policy_targets.targets

    return Path(policy_targets.targets.__file__).parent


def resolve_data_dir(option: str | os.PathLike | None) -> Path:
    """--data, else $POLICY_DATA, else the dataset shipped in the package."""
    chosen = option or os.environ.get("POLICY_DATA")
    return Path(chosen) if chosen else bundled_data_dir()


def data_files(data_dir: Path) -> list[Path]:
    """The YAML files that make up a dataset, in a stable order."""
    return sorted(p for p in data_dir.glob("*.yaml") if p.is_file())


def unexpected_files(data_dir: Path) -> list[tuple[Path, str, str]]:
    """Entries of a data directory that are not read but look as if they should be, or
    that nothing should be: (path, what is wrong, how to fix it). A .yml file would be
    skipped without a word, and a FIFO named .yaml would hang the reader."""
    found = []
    for entry in sorted(os.scandir(data_dir), key=lambda e: e.name):
        path = Path(entry.path)
        suffix = path.suffix.lower()
        try:
            regular, folder = entry.is_file(), entry.is_dir()
        except OSError:
            regular = folder = False
        if suffix in (".yaml", ".yml") and not regular:
            found.append((path, "not a regular file, so it is not read", "remove it"))
        elif regular and suffix in (".yaml", ".yml") and path.suffix != ".yaml":
            fix = f"rename it to {path.stem}.yaml"
            found.append((path, f"only .yaml files are read, not {path.suffix}", fix))
        elif not regular and not folder:
            found.append((path, "not a regular file or directory", "remove it"))
    return found


def document_files(data_dir: Path) -> list[Path]:
    return [p for p in data_files(data_dir) if p.name not in NOT_DOCUMENTS]


def plain_file_name(name: str) -> bool:
    """A name of a file directly inside a directory: no separator, no `..`."""
    separators = {"/", "\\", os.sep, os.altsep or "/"}
    return name not in ("", ".", "..") and not any(s in name for s in separators)


def display(path: Path) -> str:
    """A path as messages show it: relative to the working directory when shorter, and
    as given when there is no working directory."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    except OSError:  # no working directory (it was deleted): the path as given
        return str(path)
    return relative if len(relative) <= len(str(path)) else str(path)


def file_kind(path: Path) -> str:
    """Which kind of file this is, by name: catalogue, coverage-ignore or document
    (a FileKind value, which selects its JSON Schema)."""
    return {CATALOGUE: "catalogue", IGNORE_LIST: "coverage-ignore"}.get(path.name, "document")
