"""Where the data lives: the targets directory and the files that make it up.

Kept apart from `loading.py` so that the warm path (hash the files, read the index)
does not import PyYAML or pydantic.
"""

from __future__ import annotations

import os
from pathlib import Path

CATALOGUE = "indicators.yaml"
IGNORE_LIST = "coverage-ignore.yaml"
NOT_DOCUMENTS = {CATALOGUE, IGNORE_LIST}
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


def document_files(data_dir: Path) -> list[Path]:
    return [p for p in data_files(data_dir) if p.name not in NOT_DOCUMENTS]


def display(path: Path) -> str:
    """A path as messages show it: relative to the working directory when shorter."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if len(relative) <= len(str(path)) else str(path)


def file_kind(path: Path) -> str:
    """Which kind of file this is, by name: catalogue, coverage-ignore or document
    (a FileKind value, which selects its JSON Schema)."""
    return {CATALOGUE: "catalogue", IGNORE_LIST: "coverage-ignore"}.get(path.name, "document")
