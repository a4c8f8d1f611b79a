"""The walk that checks a parsed file against its entry class: every problem at once, each
with its path, its place in the file and a fix. Small YAML texts, one test per rule."""

from policy_targets.comparisons.errors import Problem
from policy_targets.comparisons.records import CoverageIgnore, IgnoreEntry
from policy_targets.comparisons.validation import check, loc_text, schema_problems
from policy_targets.comparisons.yamlfile import load_yaml_text


def located(text: str, entry=CoverageIgnore) -> list[str]:
    built, problems = schema_problems(entry, load_yaml_text(text, "f.yaml"), "f.yaml")
    assert built is None
    return [str(problem) for problem in problems]


def test_a_good_file_is_built():
    built, problems = schema_problems(
        CoverageIgnore,
        load_yaml_text("ignore:\n  - text: 2023年\n    reason: a date\n", "f.yaml"),
        "f.yaml",
    )
    assert problems == []
    assert built == CoverageIgnore(ignore=[IgnoreEntry(text="2023年", reason="a date")])


def test_every_problem_of_a_file_at_once():
    text = (
        "ignore:\n"
        "  - text: 2023年\n"
        "    reason: 1\n"
        "    pattern: yes please\n"
        "  - reason: the second\n"
        "    documnet: a\n"
    )
    assert located(text) == [
        "f.yaml:3:5: ignore[0].reason: must be text, not 1 — "
        "write text (quote it if it looks like a number)",
        "f.yaml:4:5: ignore[0].pattern: must be true or false, not the text 'yes please' — "
        "write true or false",
        "f.yaml:6:5: ignore[1].documnet: unknown field — "
        "did you mean document? remove the field or correct its spelling",
        "f.yaml:5:5: ignore[1].text: required field is missing — add the field",
    ]


def test_a_missing_field_is_pointed_at_its_entry():
    assert located("ignore:\n  - reason: a date\n") == [
        "f.yaml:2:5: ignore[0].text: required field is missing — add the field"
    ]


def test_a_file_that_is_no_mapping():
    assert located("- text: a\n") == [
        "f.yaml:1:1: the file: must be a mapping of keys and values, not a list — "
        "write a mapping of keys and values"
    ]


def test_a_list_of_entries_that_is_no_list():
    assert located("ignore: none\n") == [
        "f.yaml:1:1: ignore: must be a list, not the text 'none' — "
        "write a list (lines starting with '- ')"
    ]


def test_an_entry_that_is_no_mapping():
    assert located("ignore:\n  - 2023年\n") == [
        "f.yaml:2:5: ignore[0]: must be a mapping of keys and values, not the text '2023年' — "
        "write a mapping of keys and values"
    ]


def test_a_shown_text_is_escaped():
    text = 'ignore:\n  - text: a\n    reason: why\n    pattern: "\\e[2J"\n'
    assert located(text) == [
        "f.yaml:4:5: ignore[0].pattern: must be true or false, not the text '\\x1b[2J' — "
        "write true or false"
    ]


def test_a_shown_text_is_shortened():
    text = 'ignore:\n  - text: a\n    reason: why\n    pattern: "' + "x" * 50 + '\\e"\n'
    assert located(text) == [
        f"f.yaml:4:5: ignore[0].pattern: must be true or false, not the text '{'x' * 40}…' — "
        "write true or false"
    ]


def test_an_entry_with_a_bad_field_is_not_built_nor_its_rules_run():
    # Both bounds bad: the range rule (upper above value) would add a second problem.
    from policy_targets.comparisons.records import TargetEntry

    entry = {
        "indicator": "x",
        "value": "2",
        "upper": 1,
        "unit": "个",
        "comparator": "between",
        "measure": "level",
        "kind": "target",
        "year": 2022,
        "quote": "2个",
        "locator": "一",
    }
    built, problems = check(TargetEntry, entry)
    assert built is None
    assert [(loc, message) for loc, message, _ in problems] == [
        (("value",), "must be a number, not the text '2'")
    ]


def test_a_path_names_keys_and_positions():
    assert loc_text(("targets", 0, "year")) == "targets[0].year"
    assert loc_text(()) == ""


def test_problems_are_located_problems():
    _, problems = schema_problems(CoverageIgnore, load_yaml_text("ignore: []\nx: 1\n", "f"), "f")
    assert problems == [
        Problem("f", 2, 1, "x: unknown field", "remove the field or correct its spelling")
    ]


DOCUMENT = (
    "id: a\n"
    "year: 2025\n"
    "scope: shandong\n"
    "title_zh: 标题\n"
    "title_en: Title\n"
    "issuer: Office\n"
    'published: "2025-04-07"\n'
    "period: {start: 2025, end: 2025}\n"
    "kind: work-points\n"
    "source: a.txt\n"
)
TARGET = (
    "indicator: smart-communities\n"
    "value: 20\n"
    "unit: 个\n"
    "comparator: at_least\n"
    "measure: level\n"
    "kind: target\n"
    "year: 2025\n"
    "quote: 建成20个\n"
    "locator: 一、1\n"
)


def test_a_field_check_is_reported_beside_a_bad_type():
    from policy_targets.comparisons.records import DocumentEntry

    text = DOCUMENT.replace("year: 2025", 'year: "2025"').replace("2025-04-07", "2025-13-45")
    assert located(text, DocumentEntry) == [
        "f.yaml:2:1: year: must be a whole number, not the text '2025' — "
        "write a whole number, e.g. 2025",
        "f.yaml:7:1: published: '2025-13-45' is not an ISO date — "
        'write a quoted ISO date, e.g. "2023-06-17"',
    ]


def test_the_smallest_value_is_reported_beside_an_empty_unit():
    from policy_targets.comparisons.records import TargetEntry

    text = TARGET.replace("value: 20", "value: 0.0000001").replace("unit: 个", 'unit: ""')
    assert located(text, TargetEntry) == [
        "f.yaml:2:1: value: a value other than 0 must be at least 0.000001 — "
        "use a number in the allowed range",
        "f.yaml:3:1: unit: must not be empty — fill in the field",
    ]


def test_a_number_too_large_for_a_float_is_one_problem():
    from policy_targets.comparisons.records import DocumentEntry, TargetEntry

    huge = "1" + "0" * 320
    assert located(TARGET.replace("value: 20", f"value: {huge}"), TargetEntry) == [
        "f.yaml:2:1: value: must be from 0 to 1000000000000, not a number of more than 15 "
        "digits — use a number in the allowed range"
    ]
    assert located(DOCUMENT.replace("year: 2025", f"year: {huge}"), DocumentEntry) == [
        "f.yaml:2:1: year: must be from 1990 to 2100, not a number of more than 15 digits — "
        "use a number in the allowed range"
    ]
    assert located(DOCUMENT.replace("title_en: Title", f"title_en: {huge}"), DocumentEntry) == [
        "f.yaml:5:1: title_en: must be text, not a number of more than 15 digits — "
        "write text (quote it if it looks like a number)"
    ]
