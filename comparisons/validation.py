"""Checking a parsed YAML file against its entry class of `records.py`, every problem at once.

msgspec stops at the first error, but a curator must see every problem of a file in one
run. So a mapping that msgspec does not take in one call (a valid entry, the usual case,
it does) is walked field by field with msgspec's own type information: unknown keys,
missing fields, then each value converted (strictly, as msgspec always does: a quoted
"20", a `yes` or 2025.0 for a year stay errors) to its field's type, into nested entries
and lists of entries. Only an entry whose every field is good is built, so that its own
rules (its `rules()`, raising a `RuleError`) run and are reported too. Each problem names
the path of the field (`targets[0].year`) and is located with the line and column that
the YAML reader kept (`yamlfile.LocatedDict`, `LocatedList`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Annotated, Any, NamedTuple, get_args, get_origin

import msgspec
from msgspec import inspect

from .errors import Problem
from .records import ISO_DAY, KEBAB, URL, RuleError


class Invalid(NamedTuple):
    """One problem of a parsed file: where (the path of keys and positions), what, fix."""

    loc: tuple
    message: str
    fix: str


FIX_NUMBER = "write a number, e.g. 20"
FIX_WHOLE = "write a whole number, e.g. 2025"
FIX_RANGE = "use a number in the allowed range"
FIX_TEXT = "write text (quote it if it looks like a number)"
FIX_LIST = "write a list (lines starting with '- ')"
FIX_MAPPING = "write a mapping of keys and values"
# What a pattern of `records.py` asks for, in words, and how to meet it.
PATTERNS = {
    KEBAB: ("a kebab-case id", "use a kebab-case id such as smart-communities"),
    ISO_DAY: ("an ISO date", 'write a quoted ISO date, e.g. "2023-06-17"'),
    URL: ("a web address", "write the page's address, starting http:// or https://"),
}
_BAD = object()  # a value with a problem: the entry holding it is not built


def check(entry: type, data: Any) -> tuple[Any, list[Invalid]]:
    """`data` as an instance of the Struct `entry` (None when it has problems), and
    every problem found in it."""
    problems: list[Invalid] = []
    built = _struct(entry, data, (), problems)
    return (None if built is _BAD else built), problems


def schema_problems(entry: type, data: Any, path: str) -> tuple[Any, list[Problem]]:
    """`check`, with each problem located in the file `path` that `data` was read from."""
    built, found = check(entry, data)
    problems = []
    for loc, message, fix in found:
        line, column = locate(data, loc)
        where = loc_text(loc) or "the file"
        problems.append(Problem(path, line, column, f"{where}: {message}", fix))
    return built, problems


# --- the walk ----------------------------------------------------------------------------


class _Field(NamedTuple):
    name: str
    key: str  # as written in the file
    annotation: Any
    required: bool


class _Plan(NamedTuple):
    fields: tuple[_Field, ...]
    keys: frozenset[str]
    flat: bool  # no entry inside: msgspec can convert the whole mapping in one call
    patterns: tuple[tuple[str, str], ...]  # (field name, pattern) checked after converting
    checks: dict[str, Any]  # field name → the entry's check of that one field


@cache
def _plan(entry: type) -> _Plan:
    fields = tuple(
        _Field(f.name, f.encode_name, f.type, f.required) for f in msgspec.structs.fields(entry)
    )
    infos = {}
    for f in fields:
        info, pattern = _info(f.annotation)
        if isinstance(info, inspect.UnionType):
            info, pattern = _info(_not_none(f.annotation))
        infos[f.name] = (info, pattern)
    nested = [
        info
        for info, _ in infos.values()
        if isinstance(info, inspect.StructType)
        or isinstance(getattr(info, "item_type", None), inspect.StructType)
    ]
    patterns = tuple((name, p) for name, (_, p) in infos.items() if p is not None)
    checks = getattr(entry, "checks", {})
    return _Plan(fields, frozenset(f.key for f in fields), not nested, patterns, checks)


def _at_once(entry: type, data: dict, plan: _Plan) -> Any:
    """The entry built from `data` by msgspec in one call, or None when anything is
    wrong with it (and the walk is needed to find every problem): at 100 000 targets,
    0.8 s rather than the walk's 3.0 s (benchmarks/records.py)."""
    stripped = {
        key: value.strip()
        if isinstance(value, str)
        else [v.strip() if isinstance(v, str) else v for v in value]
        if isinstance(value, list)
        else value
        for key, value in data.items()
    }
    try:
        built = msgspec.convert(stripped, entry)
    except msgspec.ValidationError:
        return None
    for name, pattern in plan.patterns:
        value = getattr(built, name)
        if value is not None and not re.search(pattern, value):
            return None
    for name, check in plan.checks.items():
        value = getattr(built, name)
        try:
            if value is not None:
                check(value)
        except RuleError:
            return None  # the walk reports it
    return built


def _struct(entry: type, data: Any, loc: tuple, problems: list[Invalid]) -> Any:
    if not isinstance(data, dict):
        problems.append(
            Invalid(loc, f"must be a mapping of keys and values, not {_given(data)}", FIX_MAPPING)
        )
        return _BAD
    plan = _plan(entry)
    built = _at_once(entry, data, plan) if plan.flat else None
    if built is None:
        built = _walk(entry, data, plan, loc, problems)
    if built is _BAD:
        return _BAD
    try:
        if hasattr(built, "rules"):
            built.rules()
        return built
    except RuleError as exc:  # a rule of the entry itself, across its fields
        where = loc if exc.field is None else (*loc, exc.field)
        problems.append(Invalid(where, str(exc), exc.fix))
        return _BAD


def _walk(entry: type, data: dict, plan: _Plan, loc: tuple, problems: list[Invalid]) -> Any:
    """The entry built field by field, every problem of every field reported."""
    fields, keys = plan.fields, plan.keys
    good = True
    for key in data:
        if key not in keys:
            problems.append(
                Invalid(
                    (*loc, key),
                    "unknown field",
                    f"{suggest(key, keys)}remove the field or correct its spelling",
                )
            )
            good = False
    values = {}
    for f in fields:
        if f.key not in data:
            if f.required:
                problems.append(
                    Invalid((*loc, f.key), "required field is missing", "add the field")
                )
                good = False
            continue
        value = _value(f.annotation, data[f.key], (*loc, f.key), problems)
        check = plan.checks.get(f.name)
        if check is not None and value is not _BAD and value is not None:
            try:
                check(value)
            except RuleError as exc:
                problems.append(Invalid((*loc, f.key), str(exc), exc.fix))
                value = _BAD
        good = good and value is not _BAD
        values[f.name] = value
    return entry(**values) if good else _BAD


def _value(annotation: Any, value: Any, loc: tuple, problems: list[Invalid]) -> Any:
    info, pattern = _info(annotation)
    if isinstance(info, inspect.UnionType):  # `X | None`, the only unions of the records
        if value is None:
            return None
        annotation = _not_none(annotation)
        info, pattern = _info(annotation)
    if isinstance(info, inspect.StructType):
        return _struct(info.cls, value, loc, problems)
    if isinstance(info, inspect.ListType | inspect.VarTupleType) and isinstance(value, list):
        item = get_args(_bare(annotation))[0]
        items = [_value(item, v, (*loc, i), problems) for i, v in enumerate(value)]
        if any(v is _BAD for v in items):
            return _BAD
        return tuple(items) if isinstance(info, inspect.VarTupleType) else items
    if isinstance(value, str):  # surrounding whitespace is no part of a value
        value = value.strip()
    try:
        converted = msgspec.convert(value, annotation)
    except msgspec.ValidationError:
        problems.append(Invalid(loc, *_explain(info, value)))
        return _BAD
    if pattern is not None and not re.search(pattern, converted):
        problems.append(Invalid(loc, *_mismatch(pattern, converted)))
        return _BAD
    return converted


@cache
def _info(annotation: Any) -> tuple[inspect.Type, str | None]:
    """msgspec's type information, and the pattern a value must match when a file is
    read (`Meta(extra={"pattern": ...})`, see records.KebabId)."""
    info = inspect.type_info(annotation)
    # A description or extra (`Meta(description=...)`) wraps the type in Metadata.
    if isinstance(info, inspect.Metadata):
        return info.type, (info.extra or {}).get("pattern")
    return info, None


def _not_none(annotation: Any) -> Any:
    """X of `X | None`."""
    (inner,) = [a for a in get_args(_bare(annotation)) if a is not type(None)]
    return inner


def _bare(annotation: Any) -> Any:
    """The type inside `Annotated[...]`."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


# --- the words ---------------------------------------------------------------------------


def _explain(info: inspect.Type, value: Any) -> tuple[str, str]:
    """Why `value` is no `info` (which msgspec refused), and the fix."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(info, inspect.IntType):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"must be a whole number, not {_given(value)}", FIX_WHOLE
        return _range(info, value), FIX_RANGE
    if isinstance(info, inspect.FloatType):
        if not number:
            return f"must be a number, not {_given(value)}", FIX_NUMBER
        if isinstance(value, float) and not math.isfinite(value):
            return f"must be a finite number, not {value}", FIX_NUMBER
        return _range(info, value), FIX_RANGE
    if isinstance(info, inspect.BoolType):
        return f"must be true or false, not {_given(value)}", "write true or false"
    if isinstance(info, inspect.EnumType):
        choices = ", ".join(member.value for member in info.cls)
        return f"must be one of {choices}; not {_given(value)}", "use one of the values listed"
    if isinstance(info, inspect.StrType):
        if not isinstance(value, str):
            return f"must be text, not {_given(value)}", FIX_TEXT
        if info.min_length is not None and len(value) < info.min_length:
            if info.min_length == 1:
                return "must not be empty", "fill in the field"
            return f"must be at least {info.min_length} characters long", "fill in the field"
        if info.pattern is not None:
            return _mismatch(info.pattern, value)
    if isinstance(info, inspect.ListType | inspect.VarTupleType):
        return f"must be a list, not {_given(value)}", FIX_LIST
    return f"is not valid: {_given(value)}", "correct the value"


def _mismatch(pattern: str, value: str) -> tuple[str, str]:
    what, fix = PATTERNS.get(pattern, (f"text matching {pattern}", "correct the value"))
    return f"must be {what}, not {_given(value)}", fix


def _range(info: inspect.IntType | inspect.FloatType, value: float) -> str:
    low, high = info.ge, info.le
    if low is not None and high is not None:
        return f"must be from {_number(low)} to {_number(high)}, not {_number(value)}"
    if low is not None:
        return f"must be at least {_number(low)}, not {_number(value)}"
    return f"must be at most {_number(high)}, not {_number(value)}"


def _number(value: float) -> str:
    if isinstance(value, int) and not -(10**15) < value < 10**15:
        # Past what a float holds (1 followed by 320 zeros), or past what str() writes.
        return "a number of more than 15 digits"
    return f"{int(value)}" if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def _given(value: Any) -> str:
    """A value as a message names it: the text itself (shortened, and escaped by repr, so
    that a control character reaches no terminal), a number, or what it is."""
    if isinstance(value, str):
        return f"the text {value if len(value) <= 40 else value[:40] + '…'!r}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)  # 2025.0, as written: not a whole number to the schema
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def suggest(word: Any, choices: Iterable[str]) -> str:
    """ "did you mean a, b? " with the choices closest to `word`, or nothing."""
    import difflib  # only for a message: not on the path of a warm run

    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f"did you mean {', '.join(close)}? " if close else ""


# --- where in the file -------------------------------------------------------------------


def locate(data: Any, loc: Iterable[Any]) -> tuple[int, int]:
    """The line and column in the YAML of the value at a problem's path: of its key in
    a mapping or its item in a list; of the innermost existing one for a missing field."""
    from .yamlfile import LocatedDict, LocatedList

    mark = getattr(data, "mark", (1, 1))
    node = data
    for key in loc:
        if isinstance(node, LocatedDict) and key in node:
            mark = node.key_marks.get(key, mark)
            node = node[key]
        elif isinstance(node, LocatedList) and isinstance(key, int) and key < len(node):
            mark = node.item_marks[key]
            node = node[key]
        else:
            break
    return mark


def loc_text(loc: Iterable[Any]) -> str:
    """A problem's path as a message shows it: targets[0].year."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
