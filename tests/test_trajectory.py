"""Trajectory rules, one test per rule and boundary, on datasets built in memory."""

import pytest

from policy_targets.comparisons.errors import UsageError
from policy_targets.comparisons.trajectory import trajectories, trajectory


@pytest.fixture
def three(build):
    """Three documents of shandong (2018 plan, 2023 and 2025 work points) and a binzhou one."""

    def make(*targets, higher=True):
        documents = [
            build.document("p2018", 2018, period=(2018, 2022)),
            build.document("w2023", 2023, published="2023-06-17"),
            build.document("w2025", 2025, published="2025-04-07"),
            build.document("city", 2023, scope="binzhou"),
        ]
        return build.dataset(documents, [build.indicator(higher=higher)], targets)

    return make


def steps(found):
    return [
        (
            point.target.year,
            point.document.id,
            point.step and str(point.step.verdict),
            point.step and point.step.assessment and point.step.assessment.ambition.value,
        )
        for point in found.points
    ]


def test_points_are_related_in_compares_words(build, three):
    data = three(
        build.target("p2018", value=35, year=2017, kind="baseline"),
        build.target("p2018", value=45, year=2022),
        build.target("w2025", value=50, year=2025),
    )
    found = trajectory(data, data.indicators["x"], "shandong")
    assert steps(found) == [
        (2017, "p2018", None, None),
        (2022, "p2018", "raised", None),  # a baseline and a target: no ambition
        (2025, "w2025", "raised", "weaker"),  # higher, but at a slower pace from 2017
    ]
    assert [r.text for r in found.points[2].step.reasons] == [
        "slower pace: +4.6 %/yr from 2017 to 2025 against +5.2 %/yr from 2017 to 2022"
    ]


def test_a_lower_and_an_unchanged_step(build, three):
    data = three(
        build.target("p2018", value=45, year=2022),
        build.target("w2023", value=40, year=2023),
        build.target("w2025", value=40, year=2025),
    )
    found = trajectory(data, data.indicators["x"], "shandong")
    assert steps(found)[1:] == [
        (2023, "w2023", "lowered", "weaker"),
        (2025, "w2025", "unchanged", "weaker"),
    ]
    assert [r.text for r in found.points[1].step.reasons] == ["value -11.1 %", "1 year later"]
    assert [r.text for r in found.points[2].step.reasons] == ["same value, 2 years later"]


def test_a_step_that_does_not_compare_has_no_change(build, three):
    data = three(
        build.target("w2023", value=100, measure="addition"),
        build.target("w2025", value=500, measure="cumulative", year=2025),
    )
    step = trajectory(data, data.indicators["x"], "shandong").points[1].step
    assert (str(step.verdict), step.change, step.assessment) == ("not comparable", None, None)
    assert step.to_dict()["reasons"] == [
        {
            "code": "different-measure",
            "text": "different measure: addition (an addition over its period) vs cumulative "
            "(a cumulative stock)",
            "before": "addition",
            "after": "cumulative",
            "before_words": "an addition over its period",
            "after_words": "a cumulative stock",
        }
    ]


def test_a_rank_that_falls_is_stronger(build, three):
    data = three(
        build.target("w2023", value=5, year=2025),
        build.target("w2025", value=3, year=2025),
        higher=False,
    )
    assert steps(trajectory(data, data.indicators["x"], "shandong"))[1] == (
        2025,
        "w2025",
        "lowered",
        "stronger",
    )


def test_documents_without_a_figure_are_listed_in_order(build, three):
    data = three(build.target("w2023"))
    found = trajectory(data, data.indicators["x"], "shandong")
    assert [d.id for d in found.without_figure] == ["p2018", "w2025"]
    assert found.to_dict()["no_figure_in"] == ["p2018", "w2025"]


def test_no_figure_in_the_scope_is_an_error_naming_the_scopes_that_have_one(build, three):
    data = three(build.target("city", scope="binzhou"), build.target("w2023", scope="beijing"))
    with pytest.raises(UsageError) as error:
        trajectory(data, data.indicators["x"], "shandong")
    assert str(error.value) == "x has no figure for shandong; it has figures for beijing, binzhou"


def test_an_indicator_with_no_figure_at_all_says_so(build, three):
    data = three()
    with pytest.raises(UsageError, match="^x has no figure for shandong; it has none$"):
        trajectory(data, data.indicators["x"], "shandong")


def test_a_baseline_comes_before_a_target_of_the_same_year(build, three):
    data = three(
        build.target("w2023", value=50, year=2022),
        build.target("p2018", value=40, year=2022, kind="baseline"),
    )
    kinds = [p.target.kind for p in trajectory(data, data.indicators["x"], "shandong").points]
    assert kinds == ["baseline", "target"]


def test_a_later_documents_lower_target_is_flagged(build, three):
    data = three(
        build.target("w2023", value=2000, year=2023),
        build.target("w2025", value=1500, year=2025),
    )
    step = trajectory(data, data.indicators["x"], "shandong").points[1].step
    assert step.lower_than_earlier.document == "w2023"
    assert step.to_dict()["lower_than_earlier"] == {"document": "w2023", "target_year": 2023}


def test_a_lower_target_is_flagged_on_a_step_that_does_not_compare(build, three):
    data = three(
        build.target("w2023", value=2000, year=2023),
        build.target("w2023", value=100, year=2024, measure="addition"),
        build.target("w2025", value=1500, year=2025),
    )
    step = trajectory(data, data.indicators["x"], "shandong").points[2].step
    assert (str(step.verdict), step.lower_than_earlier.value) == ("not comparable", 2000)


def test_a_lower_addition_is_flagged_per_year(build, three):
    data = three(
        build.target("p2018", value=150, year=2022, measure="addition", period=(2018, 2022)),
        build.target("w2023", value=40, year=2023, measure="addition"),  # 30/yr before
        build.target("w2025", value=20, year=2025, measure="addition"),
    )
    points = trajectory(data, data.indicators["x"], "shandong").points
    assert points[1].step.lower_than_earlier is None  # 40 a year is more than 30 a year
    assert points[2].step.lower_than_earlier.document == "p2018"  # 20 is less than 30 too


def test_an_earlier_documents_lower_target_is_not_flagged(build, three):
    data = three(
        build.target("w2025", value=2000, year=2023),
        build.target("w2023", value=1500, year=2025),
    )
    assert (
        trajectory(data, data.indicators["x"], "shandong").points[1].step.lower_than_earlier is None
    )


def test_to_dict_uses_the_one_target_record_shape(build, three):
    data = three(build.target("w2023", year=2025), build.target("w2025", value=20, year=2025))
    payload = trajectory(data, data.indicators["x"], "shandong").to_dict()
    assert list(payload) == ["indicator", "name_en", "name_zh", "scope", "points", "no_figure_in"]
    first, second = payload["points"]
    assert first["step"] is None
    assert second["step"]["verdict"] == "raised"
    assert second["step"]["ambition"] == "stronger"
    assert second["target_year"] == 2025


def test_no_ambition_for_a_step_back_to_an_earlier_document(build, three):
    # The 2018 plan's 2022 target follows a 2021 figure of the later 2023 work points:
    # the step runs by target year, but it is no revision.
    data = three(
        build.target("w2023", value=47, year=2021),
        build.target("p2018", value=45, year=2022),
    )
    step = trajectory(data, data.indicators["x"], "shandong").points[1].step
    assert (str(step.verdict), step.assessment) == ("lowered", None)


def test_no_ambition_between_two_figures_of_one_document(build, three):
    data = three(
        build.target("w2025", value=10, year=2024), build.target("w2025", value=20, year=2025)
    )
    step = trajectory(data, data.indicators["x"], "shandong").points[1].step
    assert (str(step.verdict), step.assessment) == ("raised", None)


def test_an_earlier_target_for_the_same_year_counts_as_undercut(build, three):
    data = three(
        build.target("w2023", value=30, year=2025), build.target("w2025", value=20, year=2025)
    )
    points = trajectory(data, data.indicators["x"], "shandong").points
    assert points[1].step.lower_than_earlier.document == "w2023"


def test_an_earlier_target_for_a_later_year_is_not_undercut(build, three):
    data = three(
        build.target("w2023", value=30, year=2026), build.target("w2025", value=20, year=2025)
    )
    points = trajectory(data, data.indicators["x"], "shandong").points
    assert [p.step and p.step.lower_than_earlier for p in points] == [None, None]


def test_an_earlier_baseline_is_never_undercut(build, three):
    data = three(
        build.target("w2023", value=30, year=2022, kind="baseline"),
        build.target("w2025", value=20, year=2025),
    )
    assert (
        trajectory(data, data.indicators["x"], "shandong").points[1].step.lower_than_earlier is None
    )


def test_a_baseline_never_undercuts(build, three):
    data = three(
        build.target("w2023", value=30, year=2023),
        build.target("w2025", value=20, year=2024, kind="baseline"),
    )
    assert (
        trajectory(data, data.indicators["x"], "shandong").points[1].step.lower_than_earlier is None
    )


def test_a_figure_of_another_measure_is_never_undercut(build, three):
    data = three(
        build.target("w2023", value=30, year=2023, measure="addition"),
        build.target("w2025", value=20, year=2025),
    )
    assert (
        trajectory(data, data.indicators["x"], "shandong").points[1].step.lower_than_earlier is None
    )


def test_a_document_issued_the_same_day_does_not_undercut(build):
    first = build.document("first", 2023, published="2023-06-17")
    second = build.document("second", 2023, published="2023-06-17")
    data = build.dataset(
        [first, second],
        [build.indicator()],
        [build.target("first", value=30), build.target("second", value=20, year=2024)],
    )
    assert (
        trajectory(data, data.indicators["x"], "shandong").points[1].step.lower_than_earlier is None
    )


def test_figures_for_one_year_follow_their_documents_order(build, three):
    data = three(
        build.target("w2025", value=20, year=2024), build.target("w2023", value=10, year=2024)
    )
    found = trajectory(data, data.indicators["x"], "shandong")
    assert [p.document.id for p in found.points] == ["w2023", "w2025"]


def test_a_baseline_comes_first_even_from_a_later_document(build, three):
    data = three(
        build.target("p2018", value=50, year=2022),
        build.target("w2025", value=40, year=2022, kind="baseline"),
    )
    kinds = [p.target.kind for p in trajectory(data, data.indicators["x"], "shandong").points]
    assert kinds == ["baseline", "target"]


def test_an_equal_later_target_is_not_undercut(build, three):
    data = three(build.target("w2023", value=20), build.target("w2025", value=20, year=2025))
    assert (
        trajectory(data, data.indicators["x"], "shandong").points[1].step.lower_than_earlier is None
    )


def test_step_to_dict(build, three):
    data = three(build.target("w2023", value=10), build.target("w2025", value=20, year=2025))
    step = trajectory(data, data.indicators["x"], "shandong").points[1].step
    assert step.to_dict() == {
        "verdict": "raised",
        "ambition": "unclear",
        "reasons": [
            {"code": "no-pace", "text": "different target years, no baseline", "signal": 0}
        ],
        "change": {
            "absolute": 10,
            "relative": 1.0,
            "per_year": pytest.approx(0.4142, abs=1e-4),
            "per_year_kind": "growth",
            "years": 2,
            "basis": "value",
        },
        "lower_than_earlier": None,
    }


def test_series_group_figures_that_compare(build, three):
    data = three(
        build.target("p2018", value=5, year=2020, measure="cumulative"),
        build.target("w2023", value=1, year=2023, measure="addition"),
        build.target("w2025", value=9, year=2025, measure="level"),
    )
    series = trajectory(data, data.indicators["x"], "shandong").series()
    assert {label: [p.target.year for p in points] for label, points in series.items()} == {
        "stock (level or cumulative)": [2020, 2025],
        "addition (an addition over its period)": [2023],
    }


def test_series_name_the_dimension_when_there_are_several(build, three):
    data = three(
        build.target("w2023", value=1, measure="share", dimension="share"),
        build.target("w2025", value=9, year=2025),
    )
    series = trajectory(data, data.indicators["x"], "shandong").series()
    assert list(series) == ["share (a share), share", "stock (level or cumulative), count"]


def test_every_scope_in_its_order_then_unknown_scopes_by_name(build, three):
    data = three(
        build.target("w2023", scope="world"),
        build.target("w2023", scope="zeta"),
        build.target("city", scope="binzhou"),
        build.target("w2023"),
        build.target("w2023", scope="atlantis"),
    )
    data.indicators["y"] = build.indicator("y")
    data.targets.append(build.target("w2025", "y", scope="beijing"))
    found = trajectories(data, data.indicators["x"])
    assert [t.scope for t in found] == ["shandong", "binzhou", "world", "atlantis", "zeta"]
    assert [len(t.points) for t in found] == [1, 1, 1, 1, 1]


def test_every_scope_of_an_indicator_without_figures_is_an_error(build, three):
    data = three(build.target("w2023", "y"))
    data.indicators["y"] = build.indicator("y")
    with pytest.raises(UsageError, match="^x has no figure for any scope$"):
        trajectories(data, data.indicators["x"])


def test_documents_without_a_figure_are_in_the_order_issued_not_by_name(build):
    documents = [
        build.document("with-figure", 2020),
        build.document("z-earliest", 2021),
        build.document("a-latest", 2023),
        build.document("m-undated", 2022),
        build.document("b-dated", 2022, published="2022-03-01"),
    ]
    data = build.dataset(documents, [build.indicator()], [build.target("with-figure", year=2020)])
    found = trajectory(data, data.indicators["x"], "shandong")
    assert [d.id for d in found.without_figure] == [
        "z-earliest",
        "m-undated",
        "b-dated",
        "a-latest",
    ]
