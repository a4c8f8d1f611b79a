"""Safe YAML loading that remembers where every value came from.

PyYAML's C safe loader parses; mappings are built as `LocatedDict`, which records the
line and column of each key so that a schema error can point into the file. Duplicate
keys are errors (PyYAML would silently keep the last one), and no tag can construct a
Python object: only the safe constructors exist.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .layout import MAX_DATA_BYTES

try:
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader  # type: ignore[misc]


class LocatedDict(dict):
    """A dict that knows the (line, column) of each of its keys, 1-based."""

    __slots__ = ("key_marks", "mark")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_marks: dict[Any, tuple[int, int]] = {}
        self.mark: tuple[int, int] = (1, 1)


class LocatedList(list):
    """A list that knows the (line, column) of each item, 1-based."""

    __slots__ = ("item_marks", "mark")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_marks: list[tuple[int, int]] = []
        self.mark: tuple[int, int] = (1, 1)


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        # A core tag on a node it cannot build (`!!float twenty`, `!!bool maybe`, `!!seq a`)
        # fails inside PyYAML with any of these.
        except (ValueError, TypeError, OverflowError, KeyError, AttributeError, IndexError):
            tag = node.tag.rsplit(":", 1)[-1]
            if isinstance(node.value, str):
                shown = repr(node.value if len(node.value) <= 40 else node.value[:40] + "…")
            else:
                shown = f"a {node.id}"
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {shown} as {tag}", node.start_mark
            ) from None


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    # A merge key (<<) is refused before PyYAML expands it: nested merges double with
    # every level (600 bytes took 1.4 GB at depth 26), and curated data needs none.
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise yaml.constructor.ConstructorError(
                None, None, "merge keys (<<) are not allowed", key_node.start_mark
            )
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.mark = _mark(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from None
        if key in result:
            raise DuplicateKey(None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = _mark(key_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.item_marks = [_mark(child) for child in node.value]
    result.mark = _mark(node)
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
# Dates stay strings: the schema wants quoted ISO dates and checks them itself.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)


# Bytes, sets and ordered pairs are no type of the schema, and lax validation would turn
# them into text or lists: they are refused as tags, like any other.
def _refuse_tag(loader: _Loader, node: yaml.Node):
    raise yaml.constructor.ConstructorError(
        None, None, f"could not determine a constructor for the tag {node.tag!r}", node.start_mark
    )


for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)

# libyaml's composer recurses in C without a limit, so absurd nesting would crash the
# interpreter: it is refused before parsing. Brackets inside quotes and comments do not
# count; block sequences and complex keys nest by "- - - " or "? ? " on one line.
MAX_DEPTH = 64
_BRACKETS = re.compile(
    r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\n]|\'\')*\'|(?:^|(?<=\s))#[^\n]*|[\[\]{}]', re.MULTILINE
)
_DASHES = re.compile(rf"(?:[-?][ \t]+){{{MAX_DEPTH}}}")
# Where the cause of an error lies at the start of the construct, not where parsing stopped.
_OPENED_EARLIER = ("flow", "quoted scalar")

_FIXES = {
    "a tab character": "indent with spaces; YAML does not allow tabs",
    "cannot read": "write a value of the type the tag names, or remove the tag",
    "nested too deeply": "flatten the structure",
    "control character": "remove the character",
    "is never closed": "close it",
    "duplicate key": "remove or rename one of the two keys",
    "could not determine a constructor": "remove the tag; only plain YAML is allowed",
    "unhashable key": "use a plain string as the key",
    "merge keys": "write the keys out in full",
    "alias": "write the values out in full, without anchors and aliases",
}


def _fix_for(message: str) -> str:
    for needle, fix in _FIXES.items():
        if needle in message:
            return fix
    return "fix the YAML syntax at this point"


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _too_deep(text: str) -> int | None:
    """The offset where nesting passes MAX_DEPTH, or None."""
    dashes = _DASHES.search(text)
    if dashes:
        return dashes.start()
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # the usual case, in C
        return None
    depth = 0
    for match in _BRACKETS.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif bracket in "]}":
            depth = max(0, depth - 1)
    return None


# An alias repeats its anchor's whole value, and the values built from the file are walked
# and encoded (in the cache) in full: a few lines of nested aliases would expand to
# gigabytes. Curated data needs no aliases; a few are allowed.
MAX_ALIASED = 10_000  # values added by aliases


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


def _check_aliases(root: yaml.Node, path: str) -> None:
    """A DataError when aliases expand the file by more than MAX_ALIASED values, or an
    alias sits inside the value it repeats (which would never end). Linear in the
    number of nodes: each node's expanded size is computed once."""
    sizes: dict[int, int] = {}
    uses: dict[int, int] = {}
    merges: list[yaml.Node] = []  # refused first, as construction would refuse them
    nodes: dict[int, yaml.Node] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in nodes:  # entered and not finished: an alias inside its own anchor
            line, column = _mark(node)
            message = "an alias inside the value it repeats"
            raise DataError([Problem(path, line, column, message, _fix_for(message))])
        nodes[key] = node
        if isinstance(node, yaml.MappingNode):
            merges += [k for k, _ in node.value if k.tag == "tag:yaml.org,2002:merge"]
        stack.append((node, True))
        for child in _children(node):
            uses[id(child)] = uses.get(id(child), 0) + 1
            stack.append((child, False))
    if merges:
        first = min(merges, key=_mark)
        raise yaml.constructor.ConstructorError(
            None, None, "merge keys (<<) are not allowed", first.start_mark
        )
    added = sizes[id(root)] - len(sizes)
    if added <= MAX_ALIASED:
        return
    # Shown at the anchor that adds the most.
    worst = max(
        (key for key, count in uses.items() if count > 1),
        key=lambda key: (uses[key] - 1) * sizes[key],
    )
    line, column = _mark(nodes[worst])
    message = f"aliases expand the file by {added:,} values, more than {MAX_ALIASED:,}"
    raise DataError([Problem(path, line, column, message, _fix_for(message))])


def load_yaml_text(text: str, path: str) -> Any:
    """Parse one YAML document; raises DataError with the file, line and fix."""
    too_deep = _too_deep(text)
    if too_deep is not None:
        line, column = _line_and_column(text, too_deep)
        message = f"nested more than {MAX_DEPTH} levels deep"
        raise DataError([Problem(path, line, column, message, _fix_for("nested too deeply"))])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text and "*" in text:  # an alias needs an anchor: the usual case, in C
            _check_aliases(node, path)
        return loader.construct_document(node)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        position = exc.position
        if _BaseLoader is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
        line, column = _line_and_column(text, position)
        code = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
        message = f"control character U+{code:04X}"
        raise DataError([Problem(path, line, column, message, _fix_for(message))]) from None
    except RecursionError:  # deep nesting that _too_deep did not see (indentation alone)
        message = "nested too deeply"
        raise DataError([Problem(path, 1, 1, message, _fix_for(message))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        opened = exc.context_mark and any(word in (exc.context or "") for word in _OPENED_EARLIER)
        if opened:
            mark = exc.context_mark
            what = exc.context.removeprefix("while parsing ").removeprefix("while scanning ")
            message = f"{what} is never closed ({message})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.splitlines()
        if (
            mark
            and mark.line < len(lines)
            and lines[mark.line][mark.column : mark.column + 1] == "\t"
        ):
            message = "a tab character"
        if "could not determine a constructor" in (exc.problem or ""):
            message = f"unsupported tag {exc.problem.split('tag ')[-1]}"
            fix = "remove the tag; only plain YAML is allowed"
        else:
            fix = _fix_for(message)
        raise DataError([Problem(path, line, column, message, fix)]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(path, 1, 1, f"invalid YAML: {exc}", "fix the file")]) from None
    finally:
        loader.dispose()


def _read_regular_file(path: Path) -> bytes | None:
    """The bytes of `path` (at most MAX_DATA_BYTES + 1 of them), or None when it is no
    regular file (a FIFO would block the read for ever, a device never end)."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    with open(fd, "rb") as handle:
        return handle.read(MAX_DATA_BYTES + 1)


def load_yaml_file(path: Path, display: str | None = None) -> Any:
    """Read and parse a YAML file: UTF-8 and non-empty, or a DataError."""
    shown = display or str(path)
    try:
        raw = _read_regular_file(path)
    except OSError as exc:
        raise DataError(
            [Problem(shown, 1, 1, f"cannot read file: {exc.strerror}", "check the path")]
        ) from None
    if raw is None:
        message = "not a regular file, so it is not read"
        raise DataError([Problem(shown, 1, 1, message, "remove it")])
    if len(raw) > MAX_DATA_BYTES:
        message = f"file is larger than {MAX_DATA_BYTES // 2**20} MB, so it is not read"
        fix = "remove what is no data: the targets of a document take far less"
        raise DataError([Problem(shown, 1, 1, message, fix)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            [Problem(shown, line, column, "file is not UTF-8", "save the file as UTF-8")]
        ) from None
    text = text.removeprefix("\ufeff")
    data = load_yaml_text(text, shown)
    if data is None:
        raise DataError(
            [Problem(shown, 1, 1, "file is empty", "add the file's content or delete the file")]
        )
    return data
