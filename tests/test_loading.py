"""Loading's rules across a figure's fields and across files, on small in-memory data:
a measure must fit its amount's dimension; a reported figure's scope must be the data's.
(tests/bad_inputs/cases.yaml has the messages `policy validate` prints for each.)"""

from __future__ import annotations

import pytest

from policy_targets.comparisons import loading
from policy_targets.comparisons.checks import MAX_LISTED, measure_problem, unknown_scopes
from policy_targets.comparisons.errors import DataError, Problem
from policy_targets.comparisons.loading import indicator_and_amount, load_dataset

# --- a measure fits the dimension of its amount --------------------------------------


@pytest.mark.parametrize(
    ("measure", "unit", "dimension"),
    [
        ("share", "%", "share"),
        ("frequency", "每季度", "frequency"),
        ("addition", "%", "share-change"),
        ("level", "个", "count"),
        ("cumulative", "个", "count"),
        ("addition", "个", "count"),
        ("rate", "学时", "study-time"),
    ],
)
def test_a_measure_that_fits(measure, unit, dimension):
    assert measure_problem(measure, unit, dimension) is None


def test_a_share_needs_a_share():
    assert measure_problem("share", "万个", "count") == (
        "measure share needs a share (a unit of %), but unit '万个' is count",
        "use measure: level, cumulative, addition or rate, or a unit of %",
    )


def test_a_frequency_needs_a_frequency():
    assert measure_problem("frequency", "万个", "count") == (
        "measure frequency needs a frequency (a 每… unit such as 每季度), but unit '万个' is count",
        "use measure: level, cumulative, addition or rate, or a 每… unit such as 每季度",
    )


def test_a_share_in_a_frequency_unit_is_offered_the_one_measure_that_fits():
    assert measure_problem("share", "每季度", "frequency") == (
        "measure share needs a share (a unit of %), but unit '每季度' is frequency",
        "use measure: frequency, or a unit of %",
    )


def test_a_share_of_a_share_change_indicator_needs_another_indicator():
    # Its unit is % already: only the indicator makes it a share-change.
    assert measure_problem("share", "%", "share-change") == (
        "measure share needs a share (a unit of %), but unit '%' is share-change",
        "use measure: addition, or an indicator of share",
    )


def test_a_share_unit_needs_measure_share():
    assert measure_problem("level", "%", "share") == (
        "measure level does not fit unit '%': a share needs measure share",
        "use measure: share, or a unit of another dimension",
    )


def test_a_frequency_unit_needs_measure_frequency():
    assert measure_problem("level", "每季度", "frequency") == (
        "measure level does not fit unit '每季度': a frequency needs measure frequency",
        "use measure: frequency, or a unit of another dimension",
    )


def test_a_share_change_needs_measure_addition():
    assert measure_problem("level", "%", "share-change") == (
        "measure level does not fit unit '%': a share-change needs measure addition",
        "use measure: addition, or another indicator",
    )


def _checked(unit: str, measure: str, catalogue: dict | None, indicator="x"):
    """The problems `indicator_and_amount` tells, as (field, message), and its amount."""
    told: list[tuple[str, str]] = []
    _, normalized, _ = indicator_and_amount(
        indicator, 20, unit, measure, catalogue, lambda f, m, _: told.append((f, m)), "fix"
    )
    return told, normalized


def test_a_measure_that_does_not_fit_is_told_at_measure_and_leaves_no_amount(build):
    told, normalized = _checked("个", "share", {"x": build.indicator("x")})
    assert told == [
        ("measure", "measure share needs a share (a unit of %), but unit '个' is count")
    ]
    assert normalized is None


def test_a_unit_of_another_dimension_is_the_one_problem(build):
    # A % for a count indicator: fixing the unit is the first step, not the measure.
    told, _ = _checked("%", "level", {"x": build.indicator("x")})
    assert [field for field, _ in told] == ["unit"]


def test_the_indicator_tells_a_share_change_from_a_share(build):
    catalogue = {"x": build.indicator("x", dimension="share-change")}
    told, normalized = _checked("%", "addition", catalogue)
    assert (told, normalized.dimension) == ([], "share-change")
    told, _ = _checked("%", "share", catalogue)
    assert [field for field, _ in told] == ["measure"]


def test_without_its_indicator_a_percent_may_be_either(build):
    # No catalogue (its own problem says so): a % may be a share or a share-change.
    assert _checked("%", "addition", None)[0] == []
    assert _checked("%", "share", None)[0] == []
    # A count is a count whatever the indicator.
    told, _ = _checked("个", "share", None)
    assert [field for field, _ in told] == ["measure"]
    # An unknown id: its problem, and the measure's.
    told, _ = _checked("个", "frequency", {"y": build.indicator("y")})
    assert [field for field, _ in told] == ["indicator", "measure"]


# --- a reported figure's scope is the data's -------------------------------------------


def _report(build, scope: str, position: int = 0):
    import msgspec

    return msgspec.structs.replace(
        build.reported(scope=scope),
        path="reported.yaml",
        position=position,
        scope_at=(5 + position, 5),
    )


def test_a_scope_of_a_document_or_of_a_target_is_known(build):
    dataset = build.dataset(
        [build.document("a", scope="shandong")],
        [build.indicator()],
        [build.target("a", scope="china")],  # a target that names a scope of its own
        [_report(build, "shandong"), _report(build, "china", 1)],
    )
    assert unknown_scopes(dataset) == []


def test_an_unknown_scope_is_located_at_its_scope(build):
    dataset = build.dataset(
        [build.document("a", scope="shandong"), build.document("b", scope="binzhou")],
        [build.indicator()],
        [],
        [_report(build, "shandong"), _report(build, "shandon", 1)],
    )
    assert unknown_scopes(dataset) == [
        Problem(
            "reported.yaml",
            6,
            5,
            "reported[1].scope: no document or target has scope 'shandon'",
            "did you mean shandong? use a scope of the data: binzhou, shandong",
        )
    ]


def test_the_scopes_listed_are_capped(build):
    scopes = [f"scope-{n:02}" for n in range(MAX_LISTED + 3)]
    dataset = build.dataset(
        [build.document(f"d{n}", scope=scope) for n, scope in enumerate(scopes)],
        [build.indicator()],
        [],
        [_report(build, "atlantis")],
    )
    (problem,) = unknown_scopes(dataset)
    assert problem.fix == f"use a scope of the data: {', '.join(scopes[:MAX_LISTED])} and 3 more"


def test_did_you_mean_is_capped_like_the_indicators(build, monkeypatch):
    monkeypatch.setattr(loading, "MAX_SUGGESTED", 1)
    loading._suggested.clear()
    dataset = build.dataset(
        [build.document("a", scope="shandong")],
        [build.indicator()],
        [],
        [_report(build, "shandon"), _report(build, "shandog", 1)],
    )
    try:
        fixes = [problem.fix for problem in unknown_scopes(dataset)]
    finally:
        loading._suggested.clear()
    assert fixes == [
        "did you mean shandong? use a scope of the data: shandong",
        "use a scope of the data: shandong",
    ]


def test_a_document_too_broken_to_read_leaves_the_scopes_unchecked(data_copy):
    # binzhou's only document is unreadable: a binzhou figure is not blamed for it.
    reported = data_copy / "reported.yaml"
    text = reported.read_text(encoding="utf-8")
    reported.write_text(text.replace("scope: shandong", "scope: binzhou", 1), encoding="utf-8")
    (data_copy / "2023-binzhou-plan.yaml").write_text("document: [\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_dataset(data_copy)
    assert [problem.path for problem in raised.value.problems] == [
        str(data_copy / "2023-binzhou-plan.yaml")
    ]


def test_a_figure_of_an_unknown_scope_is_refused_on_the_real_data(data_copy):
    reported = data_copy / "reported.yaml"
    text = reported.read_text(encoding="utf-8")
    reported.write_text(text.replace("scope: shandong", "scope: binzhou", 1), encoding="utf-8")
    assert load_dataset(data_copy).reported[0].scope == "binzhou"  # binzhou has a document
    reported.write_text(text.replace("scope: shandong", "scope: atlantis", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_dataset(data_copy)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{reported}:6:3: reported[0].scope: no document or target has scope 'atlantis' — "
        "use a scope of the data: beijing, binzhou, china, guangdong, shandong, shanghai, world"
    ]
