"""A normalized index of the dataset, cached in the user's cache directory.

Building the dataset means parsing YAML, validating with pydantic and normalizing
units with pint: far more than a command at the prompt should pay on every call.
The result is pickled under a key that hashes the package version, the unit
definitions and every YAML file, so any edit rebuilds it. A cache that is missing,
corrupt or unwritable is rebuilt or skipped, never fatal.
"""

from __future__ import annotations

import os
import pickle
from importlib.util import source_hash
from pathlib import Path
from typing import Any

from . import __version__
from .layout import UNIT_DEFINITIONS, data_files
from .records import Dataset, shape

KEEP = 8  # indexes kept: a few datasets (bundled, --data) and their recent versions


def cache_dir() -> Path:
    override = os.environ.get("POLICY_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("policy-targets", appauthor=False))


def dataset_key(data_dir: Path) -> str:
    """A 64-bit SipHash of everything the index depends on: the hash Python itself uses
    to invalidate .pyc files, already imported at start-up (hashlib costs 4 ms)."""
    parts = [f"{shape()}\0{__version__}\0".encode(), source_hash(UNIT_DEFINITIONS.read_bytes())]
    for path in data_files(data_dir):
        parts += [path.name.encode(), b"\0", source_hash(path.read_bytes())]
    return source_hash(b"".join(parts)).hex()


def read_entry(path: Path) -> Any:
    """The object pickled at `path`, or None when it is missing, truncated or foreign."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # whatever is wrong with it, the caller builds the entry anew
        return None


def write_entry(path: Path, value: Any, keep: int) -> None:
    """Pickle `value` to `path` atomically, then keep only the `keep` newest entries
    of its kind (the name's prefix: index-…, table-…). A read-only cache only costs
    speed."""
    import tempfile

    kind = path.name.split("-", 1)[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        _prune(path.parent, f"{kind}-*{path.suffix}", keep)
    except OSError:
        pass


def _prune(directory: Path, pattern: str, keep: int) -> None:
    """Remove all but the `keep` newest files of `pattern`: every edit of the data writes
    a new index, and nothing else would ever remove the old ones."""
    entries = []
    for path in directory.glob(pattern):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:  # removed meanwhile by another run
            pass
    for _, path in sorted(entries, reverse=True)[keep:]:
        path.unlink(missing_ok=True)


def load(data_dir: Path, use_cache: bool = True) -> Dataset:
    """The validated dataset of `data_dir`, from the cache when it is current."""
    if not use_cache:
        return _build(data_dir)
    try:
        key = dataset_key(data_dir)
    except OSError:
        return _build(data_dir)
    path = cache_dir() / f"index-{key}.pickle"
    dataset = read_entry(path)
    if not isinstance(dataset, Dataset):
        dataset = _build(data_dir)
        write_entry(path, dataset, KEEP)
    return dataset


def _build(data_dir: Path) -> Dataset:
    from .loading import load_dataset  # PyYAML, pydantic and pint: only on a miss

    return load_dataset(data_dir)
