"""Property tests: whatever text comes in, the loader and the unit parser either return a
valid result or raise the library's typed errors (DataError, UnitError, PolicyError).

Crashes found this way are pinned by the fixed-input tests at the end.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_targets.comparisons.errors import DataError, PolicyError, Problem, UnitError
from policy_targets.comparisons.layout import bundled_data_dir
from policy_targets.comparisons.loading import load_dataset
from policy_targets.comparisons.records import Dataset
from policy_targets.comparisons.units import CANONICAL, Normalized, normalize, parse_quantity
from policy_targets.comparisons.yamlfile import LocatedDict, LocatedList, load_yaml_text

FAST = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID_DOCUMENT = Path(__file__).resolve().parent / "bad_inputs" / "valid.yaml"
REPLACED = "2025-work-points.yaml"

# --- strategies ---------------------------------------------------------------------------

NASTY = [
    "\t",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r",
    "\r\n",
    "\x85",
    "\u2028",
    "\ufeff",
    "\u00a0",
    "\u3000",
    "%",
    "每",
    "*",
    "/",
    "**",
    "^",
    "(",
    ")",
    "0",
    "7",
    "20",
    "2.5",
    "1e400",
    "-1",
    "1_000",
    "0x1F",
    "０",
    "٣",
    "😀",
    "數字",
    "智慧社區",
]
YAML_FRAGMENTS = [
    *NASTY,
    "\n",
    " ",
    "  ",
    "    ",
    "- ",
    ": ",
    ":",
    "? ",
    "#",
    ",",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "\\",
    "|",
    ">-",
    "&a ",
    "*a",
    "<<: ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:example.com,2000:\n",
    "!",
    "!!str ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!pairs ",
    "!!timestamp ",
    "!local ",
    "!<tag:example.com,2000:x> ",
    "!!python/object/apply:os.system ",
    "!!python/name:os.system ",
    "null",
    "~",
    "yes",
    "true",
    ".nan",
    "-.inf",
    "2024-01-01",
    "document:",
    "targets:",
    "id:",
    "indicator: smart-communities",
    "value: 20",
    "unit: 个",
    "quote: 新建智慧社区20个",
    "万个",
    "亿元",
]
UNIT_FRAGMENTS = [
    *NASTY,
    " ",
    "\n",
    "个",
    "家",
    "户",
    "万",
    "亿",
    "万亿",
    "千",
    "百",
    "十",
    "元",
    "成",
    "E",
    "P",
    "G",
    "M",
    "T",
    "e",
    "a",
    "pi",
    "nan",
    "inf",
    "Mbps",
    "千瓦",
    "兆",
    "学时",
    "位",
    "强",
    "指数",
    "星级",
    "年",
    "季度",
    "个月",
    "月",
    "周",
    "日",
    "半年",
    "秒",
    "分钟",
    "小时",
    ".",
    "+",
    "-",
    "=",
]


def _joined(fragments: list[str], max_size: int) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(fragments), st.text(max_size=6))
    return st.lists(piece, max_size=max_size).map("".join)


def _long(fragments: list[str]) -> st.SearchStrategy[str]:
    """One fragment, or a short run of text, repeated up to some thousands of times."""
    repeated = st.one_of(st.sampled_from(fragments), st.text(min_size=1, max_size=4))
    return st.builds(lambda text, n: text * n, repeated, st.integers(50, 3000))


yamlish = st.one_of(
    _joined(YAML_FRAGMENTS, 40),
    _long(YAML_FRAGMENTS),
    st.text(max_size=300),
    st.text(min_size=1000, max_size=4000),
)
unit_text = st.one_of(
    st.sampled_from(UNIT_FRAGMENTS),
    _joined(UNIT_FRAGMENTS, 6),
    st.text(max_size=20),
    _long(UNIT_FRAGMENTS),
)
number_text = st.one_of(
    st.from_regex(r"\A[0-9]{1,12}(\.[0-9]{1,6})?\Z"),
    st.sampled_from(["", "0", "0.0", "00", "1.", ".5", "1.2.3", "٣", "０", "9" * 40]),
)
quantity_text = st.one_of(
    st.builds(
        lambda space, per, number, unit: f"{space}{per}{number}{space}{unit}",
        st.sampled_from(["", " ", "\t", "\n"]),
        st.sampled_from(["", "", "每"]),
        number_text,
        unit_text,
    ),
    _joined(UNIT_FRAGMENTS, 10),
    st.text(max_size=40),
)
values = st.one_of(
    st.integers(0, 10**9),
    st.floats(0, 1e9, allow_nan=False).filter(lambda v: v == 0 or v > 1e-290),
    st.sampled_from([0, 0.5, 1, 2, 12.5, 2588.7, 1e-6, 1e9]),
)

# A document as a data structure, with one field replaced by something random.
_BASE = yaml.safe_load(VALID_DOCUMENT.read_text(encoding="utf-8"))
_FIELDS = [("document", key) for key in _BASE["document"]] + [
    ("targets", 0, key) for key in _BASE["targets"][0]
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(NASTY),
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _with_field(path: tuple, value, extra_key: str | None) -> str:
    document = yaml.safe_load(VALID_DOCUMENT.read_text(encoding="utf-8"))
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    if extra_key is not None:
        document["targets"][0][extra_key] = value
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


structured = st.builds(
    _with_field, st.sampled_from(_FIELDS), anything, st.none() | st.text(max_size=8)
)


def _mutated(line: int, fragment: str, how: str) -> str:
    lines = VALID_DOCUMENT.read_text(encoding="utf-8").split("\n")
    line %= len(lines)
    if how == "replace":
        lines[line] = fragment
    elif how == "insert":
        lines.insert(line, fragment)
    else:
        lines[line] += fragment
    return "\n".join(lines)


mutated = st.builds(
    _mutated,
    st.integers(0, 100),
    _joined(YAML_FRAGMENTS, 12),
    st.sampled_from(["replace", "insert", "append"]),
)


# --- checks --------------------------------------------------------------------------------


def _line_count(text: str) -> int:
    """Lines as YAML counts them: \\n, \\r\\n, \\r, NEL, LS and PS end a line."""
    return len(re.split(r"\r\n|[\n\r\x85\u2028\u2029]", text))


def check_problems(error: PolicyError, path: str | None = None, lines: int | None = None):
    assert isinstance(error, DataError | UnitError | PolicyError)
    if not isinstance(error, DataError):
        assert str(error)
        return
    assert error.problems
    for problem in error.problems:
        assert isinstance(problem, Problem)
        if path is not None:
            assert problem.path == path
        assert problem.line >= 1 and problem.column >= 1
        if lines is not None:
            assert problem.line <= lines + 1
        assert problem.message.strip()
        assert "\n" not in str(problem)  # one line per problem


def check_plain(value, seen: set[int] | None = None) -> None:
    """Only plain data: no Python object can come out of a YAML file."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, LocatedDict):
        assert set(value.key_marks) == set(value)
        for key, item in value.items():
            check_plain(key, seen)
            check_plain(item, seen)
    elif isinstance(value, LocatedList):
        assert len(value.item_marks) == len(value)
        for item in value:
            check_plain(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):  # !!omap, !!pairs, !!set
        for item in value:
            check_plain(item, seen)
    else:
        assert value is None or isinstance(value, str | bytes | bool | int | float), type(value)


def check_normalized(result) -> None:
    assert isinstance(result, Normalized)
    assert result.dimension in CANONICAL
    assert result.unit == CANONICAL[result.dimension][1]
    assert isinstance(result.magnitude, float)
    assert math.isfinite(result.magnitude)
    assert str(result)


# --- the YAML loader ------------------------------------------------------------------------


@FAST
@given(yamlish)
def test_load_yaml_text_returns_plain_data_or_a_data_error(text):
    try:
        data = load_yaml_text(text, "f.yaml")
    except DataError as error:
        check_problems(error, "f.yaml", _line_count(text))
    else:
        check_plain(data)


@pytest.fixture(scope="module")
def scratch_data(tmp_path_factory) -> Path:
    """A copy of the real data whose REPLACED file each example overwrites."""
    directory = tmp_path_factory.mktemp("scratch") / "targets"
    directory.mkdir()
    for path in bundled_data_dir().glob("*.yaml"):
        (directory / path.name).write_bytes(path.read_bytes())
    return directory


@settings(FAST, max_examples=100)
@given(st.one_of(mutated, structured, yamlish, st.binary(max_size=300)))
def test_loading_a_data_dir_with_one_file_replaced(scratch_data, content):
    if isinstance(content, bytes):
        (scratch_data / REPLACED).write_bytes(content)
    else:
        (scratch_data / REPLACED).write_text(content, encoding="utf-8")
    try:
        dataset = load_dataset(scratch_data)
    except PolicyError as error:
        check_problems(error)
    else:
        assert isinstance(dataset, Dataset)
        assert len(dataset.documents) <= 5
        for target in dataset.targets:
            assert math.isfinite(target.normalized)


# --- units ----------------------------------------------------------------------------------


@FAST
@given(values, unit_text)
def test_normalize_returns_a_quantity_or_a_unit_error(value, unit):
    try:
        result = normalize(value, unit)
    except UnitError as error:
        check_problems(error)
    else:
        check_normalized(result)
        if result.dimension == "frequency":
            assert result.magnitude > 0


@FAST
@given(quantity_text)
def test_parse_quantity_returns_a_quantity_or_a_unit_error(text):
    try:
        result = parse_quantity(text)
    except UnitError as error:
        check_problems(error)
    else:
        check_normalized(result)
        assert result.magnitude >= 0


# --- crashes found before, now typed errors; and the known crashes, pinned --------------


@pytest.mark.parametrize(
    "text",
    [
        "a: !!float twenty\n",
        "a: !!int twenty\n",
        "a: !!map abc\n",
        "a: !!map [1, 2]\n",
        "a: !<tag:yaml.org,2002:int> abc\n",
        "a: !!bool maybe\n",
        "a: !!seq abc\n",
        "a: !!seq {b: 1}\n",
        "a: !!int ''\n",
        "a: !!float\n",
    ],
)
def test_core_tag_on_the_wrong_node_is_a_data_error(text):
    with pytest.raises(DataError):
        load_yaml_text(text, "f.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200 + "]" * 200,
        "- " * 200 + "x",
        "[a, " * 200 + "a" + "]" * 200,
        "{a: " * 600 + "1" + "}" * 600,
        "- " * 3000 + "x",
    ],
)
def test_deep_nesting_is_a_data_error(text):
    with pytest.raises(DataError):
        load_yaml_text(text, "f.yaml")


@pytest.mark.parametrize("text", ["1" * 4301, "value: " + "2" * 5000, "a: " + "1_" * 4400 + "1"])
def test_an_integer_of_more_than_4300_digits_is_a_data_error(text):
    with pytest.raises(DataError):
        load_yaml_text(text, "f.yaml")


@pytest.mark.parametrize("unit", ["%%", "个%", "万个%", "E%", "%E"])
def test_percent_glued_to_a_unit_is_a_unit_error(unit):
    with pytest.raises(UnitError):
        normalize(60, unit)


def test_a_number_too_large_for_a_float_is_a_unit_error():
    with pytest.raises(UnitError):
        check_normalized(parse_quantity("1" + "0" * 400 + "个"))
