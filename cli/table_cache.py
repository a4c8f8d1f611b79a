"""Terminal tables, remembered.

Rich takes 25–60 ms to lay out the 57-row table of `policy compare 2023 2025`: more than
reading the index, comparing and importing our own modules together. A table's text
depends only on its cells and on the console it is drawn for, so the text is kept in
the cache directory, under a hash of all of that: the rows and styles; the console's
width, colour system, encoding and terminal flags; the Unicode version Rich measures
with; the installed Rich; and the source of the renderer. The stored inputs are compared
in full before stored text is used, so a hash collision can cost a render, never show a
wrong table. Like the index, a missing, corrupt or unwritable entry only costs speed.
"""

from __future__ import annotations

import os
from importlib.util import source_hash
from pathlib import Path

from policy_targets.comparisons import __version__
from policy_targets.comparisons.index import cache_dir, read_entry, write_entry

KEEP = 200  # tables kept; at ~20 kB each, a few MB at most


def _rich_release() -> str | None:
    """Rich's installed version, from its dist-info folder: `importlib.metadata` would
    cost more time than the cache saves."""
    import rich

    found = [p.name for p in Path(rich.__file__).parent.parent.glob("rich-*.dist-info")]
    return found[0] if len(found) == 1 else None


def _renderer_source() -> bytes:
    from . import output

    return Path(output.__file__).read_bytes()


def _inputs(report, console) -> tuple | None:
    release = _rich_release()
    if release is None or console.legacy_windows or console.is_jupyter:
        return None  # unknown Rich, or output that is not plain text
    terminal = (
        console.width,
        console.color_system,
        console.encoding,
        console.is_terminal,
        console.no_color,
        console.is_dumb_terminal,
        os.environ.get("UNICODE_VERSION"),
    )
    cells = tuple(
        (s.title, tuple(s.headers), tuple(map(tuple, s.rows)), tuple(s.footer), tuple(s.styles))
        for s in report.sections
    )
    return (__version__, release, source_hash(_renderer_source()), terminal, cells)


def rendered(report, console, render, use_cache: bool) -> str:
    """The text `render(report, console)` prints, from the cache when it has it."""
    cacheable = use_cache and all(section.extra is None for section in report.sections)
    inputs = _inputs(report, console) if cacheable else None
    if inputs is None:
        return _capture(report, console, render)
    path = cache_dir() / "tables" / f"table-{source_hash(repr(inputs).encode()).hex()}.pickle"
    entry = read_entry(path)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == inputs:
        return entry[1]
    text = _capture(report, console, render)
    write_entry(path, (inputs, text), KEEP)
    return text


def _capture(report, console, render) -> str:
    console.begin_capture()
    try:
        render(report, console)
    finally:
        text = console.end_capture()
    return text
