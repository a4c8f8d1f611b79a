"""The validated dataset, kept per data file in the user's cache directory.

Building the dataset means parsing YAML, validating it and normalizing units with pint:
far more than a command at the prompt should pay on every call. So the records of each
data file are stored, as MessagePack, under a key that hashes everything they depend on:
the file's name and content, the catalogue, the unit definitions, the library's own
source files and the versions of the libraries that parse and normalize. An edit of one
document re-reads only that document; an edit of the catalogue, of units.txt or of the
code, or an upgraded PyYAML or pint, re-reads everything. Checks across files (duplicate
document ids, a missing catalogue) run on every load.

The cache directory may be shared or writable by others (`POLICY_CACHE_DIR` on a CI box),
so an entry is read only if it is a regular file owned by the current user, opened
without following a link and without blocking on a FIFO, and decoded into the record
classes by msgspec, which builds data, never objects of other types, and runs no code: it
only checks each field's type and range constraints (a year's range) as it decodes; an
id's pattern is checked when a data file is read, not here (records.KebabId).
A missing, corrupt, foreign or unwritable entry only costs the time to rebuild it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__
from .layout import MAX_DATA_BYTES, UNIT_DEFINITIONS, display
from .records import Dataset, Document, Indicator, Target

PREFIX = "entry-"  # entry-<key>.msgpack
SUFFIX = ".msgpack"
TEMPORARY = ".policy-targets-index-"  # a write in progress, renamed to its entry when complete
# Every file this code writes starts with HEADER. The directory may be shared: pruning
# removes only files with one of these names that start with it, never another program's.
HEADER = b"policy-targets index\n"
_ENTRY_NAME = re.compile(rf"{PREFIX}[0-9a-f]{{32}}{re.escape(SUFFIX)}")
_TEMPORARY_NAME = re.compile(rf"{re.escape(TEMPORARY)}[a-z0-9_]{{8}}")  # tempfile's names
LIMIT = 256 * 2**20  # bytes of entries kept (100 000 targets take about 20 MB)
STALE = 3600  # seconds after which a temporary file is a killed run's leftover
# The libraries whose behaviour shapes the records: module name → distribution name.
LIBRARIES = {
    "yaml": "pyyaml",
    "pint": "pint",
    "msgspec": "msgspec",
    "opencc": "opencc",
    "cn2an": "cn2an",  # reads numerals in quotes
}
_NO_CATALOGUE = b"\0missing"


def cache_dir() -> Path:
    override = os.environ.get("POLICY_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("policy-targets", appauthor=False))


# --- the key ---------------------------------------------------------------------------

_code_key: bytes | None = None


def code_key() -> bytes:
    """What the records depend on besides the data: this library's source files and
    units.txt, the versions of Python and of the libraries that parse and normalize."""
    global _code_key
    if _code_key is None:
        parts = [f"{__version__}\0{sys.version_info[:2]}\0".encode()]
        parts += [f"{name}\0".encode() for name in library_versions()]
        package = Path(__file__).parent
        for path in sorted(package.glob("*.py")) + [UNIT_DEFINITIONS]:
            parts += [path.name.encode(), b"\0", path.read_bytes(), b"\0"]
        _code_key = _digest(b"".join(parts))
    return _code_key


def library_versions() -> list[str]:
    """`name-version` of each library in LIBRARIES, without importing it: from the name
    of its `.dist-info` folder beside the package (importlib.metadata costs 45 ms);
    `name missing` when it is not installed."""
    from importlib.util import find_spec

    listings: dict[str, list[str]] = {}
    versions = []
    for module, distribution in LIBRARIES.items():
        spec = find_spec(module)
        if spec is None or spec.origin is None:
            versions.append(f"{distribution} missing")
            continue
        origin = Path(spec.origin)
        folder = str((origin.parent if spec.submodule_search_locations else origin).parent)
        if folder not in listings:
            listings[folder] = os.listdir(folder)
        found = [
            f"{distribution}-{version}"
            for entry in listings[folder]
            if entry.endswith(".dist-info")
            for name, _, version in [entry.removesuffix(".dist-info").rpartition("-")]
            if name.lower().replace("_", "-") == distribution
        ]
        if len(found) != 1:  # an unusual layout: ask the slow, sure way
            from importlib.metadata import PackageNotFoundError, version

            try:
                found = [f"{distribution}-{version(distribution)}"]
            except PackageNotFoundError:
                found = [f"{distribution} unknown"]
        versions.append(found[0])
    return versions


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=16).digest()


# --- entries ---------------------------------------------------------------------------


def read_entry(path: Path, kind: Any) -> Any:
    """The value of type `kind` stored at `path`; None when it is missing, not a regular
    file owned by this user, without HEADER, truncated, or not a `kind`."""
    import msgspec

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
        if not data.startswith(HEADER):
            return None
        return msgspec.msgpack.decode(memoryview(data)[len(HEADER) :], type=kind)
    except (OSError, msgspec.DecodeError):
        return None
    finally:
        os.close(fd)


def write_entry(path: Path, value: Any) -> bool:
    """Store `value` at `path` through a private temporary file, renamed when complete;
    False when the cache cannot be written. Nothing is left behind on any failure."""
    import msgspec

    temporary = None
    try:
        _make_private_dir(path.parent)
        import tempfile

        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY)
        with os.fdopen(fd, "wb") as handle:
            handle.write(HEADER + msgspec.msgpack.encode(value))
        os.replace(temporary, path)
        return True
    except OSError:
        return False
    finally:
        if temporary is not None and os.path.lexists(temporary):
            Path(temporary).unlink(missing_ok=True)


def _make_private_dir(directory: Path) -> None:
    """Create the cache directory readable by this user alone (an existing one is left
    as its owner made it: its entries are checked one by one when read)."""
    if not directory.is_dir():
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)


def prune(directory: Path, keep: set[Path]) -> None:
    """Remove this user's oldest entries beyond LIMIT bytes (never those in `keep`, which
    the current dataset uses) and temporary files that a killed run left behind. Only
    files this code wrote are touched: a regular file of this user, with the name of an
    entry or of a temporary file, that starts with HEADER."""
    try:
        names = os.listdir(directory)
    except OSError:
        return
    now = time.time()
    entries = []
    for name in names:
        entry = _ENTRY_NAME.fullmatch(name) is not None
        if not entry and _TEMPORARY_NAME.fullmatch(name) is None:
            continue
        path = directory / name
        try:
            info = path.lstat()
        except OSError:  # removed meanwhile by another run
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            continue
        if entry:
            if path not in keep:
                entries.append((info.st_mtime_ns, info.st_size, path))
        elif now - info.st_mtime > STALE and _ours(path):
            path.unlink(missing_ok=True)
    total = sum(_size(path) for path in keep)
    for _, size, path in sorted(entries, reverse=True):
        total += size
        if total > LIMIT and _ours(path):
            path.unlink(missing_ok=True)


def _ours(path: Path) -> bool:
    """Whether the file at `path` starts with HEADER (read without following a link or
    blocking on a FIFO)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        return os.read(fd, len(HEADER)) == HEADER
    except OSError:
        return False
    finally:
        os.close(fd)


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:  # not written (the cache is read-only), or removed by another run
        return 0


# --- the dataset -----------------------------------------------------------------------


class Index:
    """Hands `loading.py` each file's records from the cache, or builds and stores them."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.used: set[Path] = set()
        self.written = False
        self.catalogue_bytes = _NO_CATALOGUE

    def _entry(self, *parts: bytes) -> Path:
        key = _digest(b"\0".join([code_key(), *parts])).hex()
        path = self.directory / f"{PREFIX}{key}{SUFFIX}"
        self.used.add(path)
        return path

    def catalogue(self, path: Path, build: Callable[[], tuple[dict, list]]) -> tuple[dict, list]:
        content = _small_file(path)
        if content is None:  # missing, too large, or a special file that must not be read here
            return build()
        self.catalogue_bytes = content
        entry = self._entry(b"catalogue", content)
        stored = read_entry(entry, list[Indicator])
        if stored is not None:
            return {indicator.id: indicator for indicator in stored}, []
        indicators, problems = build()
        if not problems:
            self._store(entry, path, content, list(indicators.values()))
        return indicators, problems

    def document(
        self, path: Path, build: Callable[[], tuple[Document | None, list[Target], list]]
    ) -> tuple[Document | None, list[Target], list]:
        content = _small_file(path)
        if content is None:
            return build()
        entry = self._entry(b"document", self.catalogue_bytes, path.name.encode(), content)
        stored = read_entry(entry, tuple[Document, list[Target]])
        if stored is not None:
            document, targets = stored
            # The key holds the content, not the place: show the path as of this run.
            return _replace(document, path=display(path)), targets, []
        document, targets, problems = build()
        if document is not None and not problems:
            self._store(entry, path, content, (document, targets))
        return document, targets, problems

    def _store(self, entry: Path, source: Path, content: bytes, value: Any) -> None:
        try:
            unchanged = source.read_bytes() == content  # not edited while it was read
        except OSError:
            unchanged = False
        if unchanged and write_entry(entry, value):
            self.written = True


def _small_file(path: Path) -> bytes | None:
    """The content of `path` when it is a regular file of at most MAX_DATA_BYTES; else
    None, and loading (which refuses it with a located problem) reads no more of it."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_DATA_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _replace(record: Any, **changes: Any) -> Any:
    import msgspec

    return msgspec.structs.replace(record, **changes)


def load(data_dir: Path, use_cache: bool = True) -> Dataset:
    """The validated dataset of `data_dir`, each file from the cache when it is current;
    DataError lists every problem."""
    from .loading import load_dataset  # PyYAML and pint load only on a miss

    if not use_cache:
        return load_dataset(data_dir)
    index = Index(cache_dir())
    dataset = load_dataset(data_dir, index)
    if index.written:
        prune(index.directory, index.used)
    return dataset
