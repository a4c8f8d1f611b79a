"""`reported.yaml` as loaded (comparisons/reported.py): one figure per day and dating."""

from pathlib import Path

from policy_targets.comparisons.reported import load_reported

ENTRY = """\
  - indicator: data-centre-standard-racks
    scope: shandong
    value: 35
    unit: 万个
    comparator: exactly
    measure: level
    as_of: "2023-12-31"
{dated}    quote: 在用标准机架总数达到35万个
    source:
      publisher: a publisher
      title: a title
      published: "2024-01-11"
      url: https://example.org/racks
      secondary: false
"""


def load(tmp_path: Path, *dated: str):
    path = tmp_path / "reported.yaml"
    entries = "".join(ENTRY.format(dated=f"    dated: {d}\n" if d else "") for d in dated)
    path.write_text("reported:\n" + entries, "utf-8")
    return load_reported(path, None)


def test_a_second_figure_of_one_day_is_refused(tmp_path):
    found, problems = load(tmp_path, "", "")
    assert len(found) == 2
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (
            16,
            "reported[1]: a second figure for 'data-centre-standard-racks' (shandong, level) "
            "as of 2023-12-31; the first is at line 2",
            "keep one figure per date, the one from the most original source",
        )
    ]


def test_a_stated_figure_may_stand_beside_one_dated_no_later_than_its_day(tmp_path):
    found, problems = load(tmp_path, "no later than", "")
    assert (len(found), problems) == (2, [])
    assert [str(r.dated) for r in found] == ["no later than", "stated"]


def test_two_figures_dated_no_later_than_one_day_are_refused(tmp_path):
    _, problems = load(tmp_path, "no later than", "no later than")
    assert [p.message for p in problems] == [
        "reported[1]: a second figure for 'data-centre-standard-racks' (shandong, level) "
        "dated no later than 2023-12-31; the first is at line 2"
    ]
