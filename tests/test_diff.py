"""Verdict rules of `compare`, one test per rule and boundary, on datasets built in memory."""

import pytest

from policy_targets.comparisons.diff import chronology, compare, due_year
from policy_targets.comparisons.errors import ChoiceError, UsageError


@pytest.fixture
def two(build):
    """Two one-year documents of one scope: a (2023) and b (2025), indicator x."""

    def make(*targets, indicators=None, a=None, b=None):
        documents = [a or build.document("a", 2023), b or build.document("b", 2025)]
        return build.dataset(documents, indicators or [build.indicator()], targets)

    return make


def rows(dataset, before="a", after="b", **options):
    documents = dataset.documents
    result = compare(dataset, documents[before], documents[after], **options)
    return [(row.indicator.id, row.label, [r.text for r in row.all_reasons]) for row in result.rows]


def test_a_higher_target_is_raised_and_stronger(build, two):
    data = two(build.target("a", value=10, year=2025), build.target("b", value=15, year=2025))
    result = compare(data, data.documents["a"], data.documents["b"])
    (row,) = result.rows
    assert (row.verdict, row.ambition) == ("raised", "stronger")
    assert [r.text for r in row.all_reasons] == ["value +50 %"]
    assert (row.change.absolute, row.change.relative, row.change.years) == (5, 0.5, 0)


def test_a_higher_target_for_a_later_year_at_a_slower_pace_is_raised_but_weaker(build, two):
    data = two(
        build.target("a", value=100, year=2022, kind="baseline"),
        build.target("a", value=121, year=2024),  # +10 %/yr from the baseline
        build.target("b", value=130, year=2026),  # +6.8 %/yr from the baseline
    )
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.verdict, row.ambition) == ("raised", "weaker")
    assert [r.text for r in row.all_reasons] == [
        "slower pace: +6.8 %/yr from 2022 to 2026 against +10 %/yr from 2022 to 2024"
    ]


def test_a_lower_target_is_lowered(build, two):
    data = two(build.target("a", value=10, year=2025), build.target("b", value=5, year=2025))
    assert rows(data) == [("x", "lowered", ["value -50 %"])]


def test_an_equal_target_for_a_later_year_is_unchanged_and_weaker(build, two):
    data = two(build.target("a"), build.target("b", year=2025))
    result = compare(data, data.documents["a"], data.documents["b"])
    (row,) = result.rows
    assert (row.verdict, row.ambition) == ("unchanged", "weaker")


def test_a_lower_rank_is_lowered_but_stronger(build, two):
    data = two(
        build.target("a", value=5, year=2025),
        build.target("b", value=3, year=2025),
        indicators=[build.indicator(dimension="rank", higher=False)],
    )
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.verdict, row.ambition) == ("lowered", "stronger")


def test_different_measures_do_not_compare(build, two):
    data = two(
        build.target("a", measure="addition"),
        build.target("b", measure="cumulative", year=2025),
    )
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.verdict, row.ambition, row.change) == ("not comparable", None, None)
    assert [r.text for r in row.all_reasons] == [
        "different measure: addition (an addition over its period) vs cumulative "
        "(a cumulative stock)"
    ]


def test_a_level_and_a_cumulative_stock_compare(build, two):
    data = two(
        build.target("a", measure="cumulative", year=2025),
        build.target("b", value=20, measure="level", year=2025),
    )
    assert rows(data) == [("x", "raised", ["value +100 %"])]


def test_only_in_the_later_document_is_new(build, two):
    data = two(build.target("b", year=2025))
    assert rows(data) == [("x", "new", [])]


def test_due_before_the_later_documents_year_lapsed(build, two):
    data = two(build.target("a", year=2024))
    assert rows(data) == [("x", "lapsed", ["due 2024, before b (2025)"])]
    assert compare(data, data.documents["a"], data.documents["b"]).rows[0].due == 2024


def test_due_in_the_later_documents_year_is_not_restated(build, two):
    data = two(build.target("a", year=2025))
    assert rows(data) == [("x", "not restated", ["due 2025; b gives no figure"])]


def test_due_after_the_later_documents_year_is_not_restated(build, two):
    data = two(build.target("a", year=2026))
    assert rows(data) == [("x", "not restated", ["due 2026; b gives no figure"])]


@pytest.mark.parametrize("measure", ["frequency", "rate"])
def test_a_recurring_duty_is_due_until_its_plan_ends(build, two, measure):
    plan = build.document("a", 2021, period=(2021, 2025))
    data = two(build.target("a", year=2021, measure=measure), a=plan)
    assert rows(data) == [
        (
            "x",
            "not restated",
            ["a recurring duty of the 2021-2025 plan, due 2025; b gives no figure"],
        )
    ]


def test_a_recurring_duty_lapses_when_its_plan_has_ended(build, two):
    plan = build.document("a", 2021, period=(2021, 2025))
    later = build.document("b", 2026)
    data = two(build.target("a", year=2021, measure="frequency"), a=plan, b=later)
    assert rows(data) == [("x", "lapsed", ["due 2025, before b (2026)"])]


def test_a_one_off_figure_is_due_in_its_own_year_whatever_the_plan_period(build):
    plan = build.document("a", 2021, period=(2021, 2025))
    assert due_year(build.target("a", year=2022, measure="level"), plan) == 2022
    assert due_year(build.target("a", year=2022, measure="frequency"), plan) == 2025
    assert due_year(build.target("a", year=2027, measure="frequency"), plan) == 2027


def test_nothing_is_ever_dropped(build, two):
    data = two(build.target("a", year=2023), build.target("a", "y", year=2030))
    data.indicators["y"] = build.indicator("y")
    assert {verdict for _, verdict, _ in rows(data)} == {"lapsed", "not restated"}


def test_different_scopes_are_aligned_not_diffed(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator("x"), build.indicator("y"), build.indicator("z")],
        [
            build.target("city", "x", 150, scope="binzhou", year=2025),
            build.target("province", "x", 600, year=2025),
            build.target("city", "y", scope="binzhou"),
            build.target("province", "z", year=2025),
        ],
    )
    result = compare(data, city, province)
    assert result.aligned
    assert [(r.indicator.id, r.label, r.ambition, r.change) for r in result.rows] == [
        ("x", "shared", None, None),
        ("y", "only binzhou", None, None),
        ("z", "only shandong", None, None),
    ]
    assert result.rows[0].share_of_whole == 0.25
    assert not result.changed  # an alignment changes nothing


@pytest.mark.parametrize(
    ("only", "expected"),
    [("shared", ["x"]), ("unshared", ["y", "z"]), ("changed", []), ("new", [])],
)
def test_only_selects_alignment_rows(build, only, expected):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator("x"), build.indicator("y"), build.indicator("z")],
        [
            build.target("city", "x", scope="binzhou"),
            build.target("province", "x", year=2025),
            build.target("city", "y", scope="binzhou"),
            build.target("province", "z", year=2025),
        ],
    )
    assert [row.indicator.id for row in compare(data, city, province, only=only).rows] == expected


@pytest.mark.parametrize(("dimension", "share"), [("count", 0.5), ("share", None), ("rank", None)])
def test_a_city_is_a_part_of_its_province_only_in_amounts_that_add_up(build, dimension, share):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator(dimension=dimension)],
        [
            build.target("city", value=50, scope="binzhou", dimension=dimension, year=2025),
            build.target("province", value=100, year=2025, dimension=dimension),
        ],
    )
    (row,) = compare(data, city, province).rows
    assert (row.verdict, row.share_of_whole) == ("shared", share)


@pytest.mark.parametrize(("city_year", "province_year"), [(2023, 2025), (2025, 2023)])
def test_the_share_is_the_citys_of_the_provinces_whichever_came_first(
    build, city_year, province_year
):
    city = build.document("city", city_year, scope="binzhou")
    province = build.document("province", province_year)
    data = build.dataset(
        [city, province],
        [build.indicator()],
        [build.target("city", value=200, scope="binzhou"), build.target("province", value=5000)],
    )
    (row,) = compare(data, city, province).rows
    assert row.share_of_whole == 0.04


def test_an_alignment_pairs_the_figures_that_compare(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator()],
        [
            build.target("city", value=7, scope="binzhou", year=2025, measure="addition"),
            build.target("city", value=200, scope="binzhou", year=2025),
            build.target("province", value=5000, year=2025),
        ],
    )
    (row,) = compare(data, city, province).rows
    assert (row.before.value, row.share_of_whole, row.reasons) == (200, 0.04, ())


def test_no_selection_is_none(build, two):
    data = two(build.target("a"))
    assert compare(data, data.documents["a"], data.documents["b"]).only is None


def test_scopes_neither_within_the_other_have_no_share(build):
    city = build.document("city", 2023, scope="binzhou")
    other = build.document("other", 2025, scope="beijing")
    data = build.dataset(
        [city, other],
        [build.indicator()],
        [build.target("city", scope="binzhou"), build.target("other", scope="beijing")],
    )
    (row,) = compare(data, city, other).rows
    assert (row.verdict, row.share_of_whole) == ("shared", None)


def test_an_alignment_of_shared_rows_only_is_unchanged(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator()],
        [build.target("city", scope="binzhou"), build.target("province", year=2025)],
    )
    assert not compare(data, city, province).changed


def test_a_city_figure_of_another_measure_has_no_share(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator()],
        [
            build.target("city", value=150, scope="binzhou"),
            build.target("province", value=50, measure="addition", year=2025),
        ],
    )
    (row,) = compare(data, city, province).rows
    assert (row.verdict, row.share_of_whole) == ("shared", None)
    assert [r.text for r in row.reasons] == [
        "different measure: level (a stock) vs addition (an addition over its period)"
    ]


def alignment(build, city_target, province_target):
    city = build.document("city", 2023, scope="binzhou", period=(2023, 2025))
    province = build.document("province", 2025)
    data = build.dataset([city, province], [build.indicator()], [city_target, province_target])
    (row,) = compare(data, city, province).rows
    return row.share_of_whole, row.share_basis, [r.text for r in row.reasons]


def test_no_share_of_figures_for_different_periods(build):
    city = build.target("city", value=200, scope="binzhou", year=2025)
    province = build.target("province", value=5000, year=2023)
    assert alignment(build, city, province) == (
        None,
        None,
        ["different periods: 2025 vs 2023"],
    )


def test_additions_over_different_periods_are_a_share_per_year(build):
    city = build.target(
        "city", value=150, scope="binzhou", year=2025, measure="addition", period=(2023, 2025)
    )
    province = build.target("province", value=50, year=2025, measure="addition")
    assert alignment(build, city, province) == (1.0, "per year", [])


def test_additions_over_the_same_period_are_a_share_as_they_are(build):
    city = build.target("city", value=10, scope="binzhou", year=2025, measure="addition")
    province = build.target("province", value=50, year=2025, measure="addition")
    assert alignment(build, city, province) == (0.2, "same period", [])


def test_additions_over_periods_of_one_length_are_a_share_as_they_are(build):
    city = build.target("city", value=10, scope="binzhou", year=2024, measure="addition")
    province = build.target("province", value=50, year=2025, measure="addition")
    assert alignment(build, city, province) == (0.2, "same period", [])


def test_a_province_figure_of_zero_gives_no_share(build):
    city = build.target("city", value=10, scope="binzhou", year=2025)
    province = build.target("province", value=0, year=2025)
    assert alignment(build, city, province) == (None, None, ["the whole's figure is 0"])


def test_an_only_row_has_a_typed_verdict_and_its_scope(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province], [build.indicator()], [build.target("city", scope="binzhou")]
    )
    (row,) = compare(data, city, province).rows
    assert (row.verdict, row.only_scope, row.label) == ("only", "binzhou", "only binzhou")
    record = row.to_dict(city, province)
    assert (record["verdict"], record["verdict_scope"]) == ("only", "binzhou")


def test_reversed_documents_are_put_in_order(build, two):
    data = two(build.target("a", value=10), build.target("b", value=15, year=2025))
    forward = compare(data, data.documents["a"], data.documents["b"])
    backward = compare(data, data.documents["b"], data.documents["a"])
    assert (forward.swapped, backward.swapped) == (False, True)
    assert backward.to_dict() | {"swapped": False} == forward.to_dict()


def test_the_published_date_orders_documents_of_one_year(build):
    june = build.document("june", 2023, published="2023-06-17")
    january = build.document("january", 2023, published="2023-01-05")
    assert chronology(january) < chronology(june)
    data = build.dataset([june, january], [build.indicator()], [])
    assert compare(data, june, january).swapped


def test_a_document_without_a_date_is_ordered_by_its_year(build):
    undated = build.document("undated", 2024)
    dated = build.document("dated", 2023, published="2023-12-31")
    assert chronology(dated) < chronology(undated)


def test_an_undated_document_comes_before_a_dated_one_of_its_year(build):
    undated = build.document("undated", 2023)
    dated = build.document("dated", 2023, published="2023-01-01")
    assert chronology(undated) < chronology(dated)


def test_documents_issued_together_keep_the_order_given(build):
    first = build.document("first", 2023, published="2023-06-17")
    second = build.document("second", 2023, published="2023-06-17")
    data = build.dataset([first, second], [build.indicator()], [])
    assert compare(data, first, second).swapped is False
    assert compare(data, second, first).swapped is False


def test_baselines_and_other_scopes_figures_are_not_compared(build, two):
    data = two(
        build.target("a", kind="baseline"),
        build.target("a", scope="beijing"),
        build.target("b", value=20, year=2025),
    )
    assert rows(data) == [("x", "new", [])]


def test_the_latest_comparable_pair_is_compared(build, two):
    data = two(
        build.target("a", value=10, year=2022),
        build.target("a", value=99, measure="addition", year=2023),
        build.target("b", value=20, year=2025),
    )
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.before.value, row.after.value, row.verdict) == (10, 20, "raised")


def test_without_a_comparable_pair_the_latest_figures_are_shown(build, two):
    data = two(
        build.target("a", value=10, measure="addition", year=2022),
        build.target("a", value=11, measure="addition", year=2023),
        build.target("b", value=20, year=2025),
    )
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.before.value, row.verdict) == (11, "not comparable")


def test_category_keeps_only_that_category(build, two):
    data = two(
        build.target("a", "x"),
        build.target("a", "y"),
        indicators=[build.indicator("x"), build.indicator("y", category="data")],
    )
    assert [r[0] for r in rows(data, category="data")] == ["y"]


def test_category_keeps_every_indicator_of_that_category(build, two):
    names = ["a", "b", "c", "d", "e", "f"]
    data = two(
        *(build.target("a", name) for name in names),
        indicators=[
            build.indicator(name, category="data" if name in "bdf" else "infrastructure")
            for name in names
        ],
    )
    assert [r[0] for r in rows(data, category="data")] == ["b", "d", "f"]
    assert [r[0] for r in rows(data, category="infrastructure")] == ["a", "c", "e"]


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        ("changed", ["raised", "lowered"]),
        ("raised", ["raised"]),
        ("lowered", ["lowered"]),
        ("unchanged", ["unchanged"]),
        ("not-comparable", ["not comparable"]),
        ("new", ["new"]),
        ("lapsed", ["lapsed"]),
        ("not-restated", ["not restated"]),
        ("shared", []),
        ("unshared", []),
    ],
)
def test_only_keeps_the_rows_it_names(build, two, only, expected):
    names = ["up", "down", "same", "other", "added", "gone", "due"]
    data = two(
        build.target("a", "up", 1),
        build.target("b", "up", 2, year=2025),
        build.target("a", "down", 2),
        build.target("b", "down", 1, year=2025),
        build.target("a", "same", year=2025),
        build.target("b", "same", year=2025),
        build.target("a", "other", measure="addition"),
        build.target("b", "other", year=2025),
        build.target("b", "added", year=2025),
        build.target("a", "gone"),
        build.target("a", "due", year=2025),
        indicators=[build.indicator(name) for name in names],
    )
    assert sorted(v for _, v, _ in rows(data, only=only)) == sorted(expected)


def test_several_selections_keep_the_union_of_their_rows(build, two):
    data = two(
        build.target("a", "up", 1),
        build.target("b", "up", 2, year=2025),
        build.target("b", "added", year=2025),
        build.target("a", "gone"),
        indicators=[build.indicator(name) for name in ("up", "added", "gone")],
    )
    a, b = data.documents["a"], data.documents["b"]
    comparison = compare(data, a, b, only={"new", "raised"})
    assert sorted(row.verdict for row in comparison.rows) == ["new", "raised"]
    # Named in the vocabulary's order, whatever order they were given in.
    assert comparison.only == "raised,new"
    assert compare(data, a, b, only=["raised", "raised"]).only == "raised"


def test_several_categories_keep_the_union_of_their_rows(build, two):
    data = two(
        build.target("a", "x"),
        build.target("a", "y"),
        build.target("a", "z"),
        indicators=[
            build.indicator("x"),
            build.indicator("y", category="data"),
            build.indicator("z", category="ai"),
        ],
    )
    assert [r[0] for r in rows(data, category={"data", "ai"})] == ["y", "z"]
    assert [r[0] for r in rows(data, category=[])] == ["x", "y", "z"]


def test_an_unknown_value_among_several_is_a_structured_error(build, two):
    data = two()
    with pytest.raises(ChoiceError) as error:
        compare(data, data.documents["a"], data.documents["b"], only=["new", "dropped"])
    assert (error.value.what, error.value.value) == ("selection", "dropped")
    assert "--" not in str(error.value)


def test_rows_sort_by_category_then_english_name(build, two):
    data = two(
        build.target("a", "b-ind"),
        build.target("a", "a-ind"),
        build.target("a", "c-ind"),
        indicators=[
            build.indicator("b-ind"),
            build.indicator("a-ind"),
            build.indicator("c-ind", category="data"),
        ],
    )
    assert [r[0] for r in rows(data)] == ["a-ind", "b-ind", "c-ind"]


def test_the_same_document_twice_is_an_error(build, two):
    data = two()
    with pytest.raises(UsageError, match="^both sides are a; compare two different documents$"):
        compare(data, data.documents["a"], data.documents["a"])


def test_an_unknown_category_is_a_structured_error(build, two):
    data = two()
    with pytest.raises(ChoiceError) as error:
        compare(data, data.documents["a"], data.documents["b"], category="sport")
    assert (error.value.what, error.value.value) == ("category", "sport")
    assert error.value.choices[:2] == ["infrastructure", "data"]
    assert "--" not in str(error.value)


def test_an_unknown_selection_is_a_structured_error(build, two):
    data = two()
    with pytest.raises(ChoiceError) as error:
        compare(data, data.documents["a"], data.documents["b"], only="dropped")
    assert (error.value.what, error.value.value) == ("selection", "dropped")


def test_summary_counts_verdicts_ambition_and_categories(build, two):
    data = two(
        build.target("a", "x", 1, year=2025),
        build.target("b", "x", 2, year=2025),
        build.target("a", "y"),
        build.target("a", "z"),
        build.target("b", "w", year=2025),
        indicators=[
            build.indicator("x"),
            build.indicator("y"),
            build.indicator("z", category="data"),
            build.indicator("w", category="ai"),
        ],
    )
    summary = compare(data, data.documents["a"], data.documents["b"]).summary
    assert summary.to_dict() == {
        "verdicts": {"raised": 1, "new": 1, "lapsed": 2},
        "ambition": {"stronger": 1},
        "categories": [
            {"category": "infrastructure", "before": 2, "after": 1},
            {"category": "data", "before": 1, "after": 0},
            {"category": "ai", "before": 0, "after": 1},
        ],
    }


def test_summary_counts_every_row_whatever_only_selects(build, two):
    data = two(
        build.target("a", "x"),
        build.target("b", "y", year=2025),
        indicators=[build.indicator("x"), build.indicator("y")],
    )
    result = compare(data, data.documents["a"], data.documents["b"], only="lapsed")
    assert [row.indicator.id for row in result.rows] == ["x"]
    assert result.only == "lapsed"
    assert result.summary.verdicts == {"new": 1, "lapsed": 1}
    assert result.summary.categories == [("infrastructure", 1, 1)]


def test_changed_is_false_only_when_everything_is_unchanged(build, two):
    same = two(build.target("a", year=2025), build.target("b", year=2025))
    assert not compare(same, same.documents["a"], same.documents["b"]).changed
    lapsed = two(build.target("a"))
    assert compare(lapsed, lapsed.documents["a"], lapsed.documents["b"]).changed


def test_row_to_dict_has_the_one_target_record_shape(build, two):
    data = two(build.target("a", value=10), build.target("b", value=15, year=2025))
    payload = compare(data, data.documents["a"], data.documents["b"]).to_dict()
    assert list(payload) == ["before", "after", "swapped", "aligned", "only", "summary", "rows"]
    (row,) = payload["rows"]
    assert list(row) == [
        "indicator",
        "name_en",
        "name_zh",
        "category",
        "verdict",
        "verdict_scope",
        "ambition",
        "reasons",
        "before",
        "after",
        "change",
        "share_of_whole",
        "share_basis",
        "due",
    ]
    assert row["change"] == {
        "absolute": 5,
        "relative": 0.5,
        "per_year": pytest.approx(0.2247, abs=1e-4),
        "per_year_kind": "growth",
        "years": 2,
        "basis": "value",
    }
    assert row["reasons"] == [
        {"code": "no-pace", "text": "different target years, no baseline", "signal": 0}
    ]
    assert row["after"]["period"] == {"start": 2025, "end": 2025}
    assert row["after"]["normalized"] == {"magnitude": 15, "unit": ""}
    assert row["after"]["target_year"] == 2025
    assert (row["share_of_whole"], row["due"]) == (None, None)


def test_rows_in_one_document_carry_no_change_ambition_or_share(build, two):
    data = two(build.target("a"), build.target("b", "y", year=2025))
    data.indicators["y"] = build.indicator("y")
    payload = compare(data, data.documents["a"], data.documents["b"]).to_dict()
    assert [
        (r["verdict"], r["ambition"], r["change"], r["share_of_whole"], r["due"])
        for r in payload["rows"]
    ] == [("lapsed", None, None, None, 2023), ("new", None, None, None, None)]


def test_a_not_restated_row_keeps_the_earlier_figure_and_its_due_year(build, two):
    figure = build.target("a", year=2026)
    data = two(figure)
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.verdict, row.before, row.after, row.due) == ("not restated", figure, None, 2026)


def test_a_not_comparable_row_keeps_both_figures(build, two):
    before = build.target("a", measure="addition", year=2025)
    after = build.target("b", measure="share", year=2025)
    data = two(before, after)
    (row,) = compare(data, data.documents["a"], data.documents["b"]).rows
    assert (row.verdict, row.before, row.after) == ("not comparable", before, after)


def test_row_to_dict_gives_the_ambition_and_both_figures(build, two):
    data = two(build.target("a", value=10, year=2025), build.target("b", value=15, year=2025))
    (row,) = compare(data, data.documents["a"], data.documents["b"]).to_dict()["rows"]
    assert row["ambition"] == "stronger"
    assert (row["before"]["document"], row["before"]["value"]) == ("a", 10)
    assert (row["after"]["document"], row["after"]["value"]) == ("b", 15)


def test_alignment_rows_keep_the_figures_each_side_gives(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    shared_city = build.target("city", "x", 150, scope="binzhou", year=2025)
    shared_province = build.target("province", "x", 600, year=2025)
    only_city = build.target("city", "y", scope="binzhou")
    only_province = build.target("province", "z", year=2025)
    data = build.dataset(
        [city, province],
        [build.indicator("x"), build.indicator("y"), build.indicator("z")],
        [shared_city, shared_province, only_city, only_province],
    )
    assert [(r.label, r.before, r.after) for r in compare(data, city, province).rows] == [
        ("shared", shared_city, shared_province),
        ("only binzhou", only_city, None),
        ("only shandong", None, only_province),
    ]


def test_an_alignment_summary_counts_the_rows_only_each_scope_has(build):
    city = build.document("city", 2023, scope="binzhou")
    province = build.document("province", 2025)
    data = build.dataset(
        [city, province],
        [build.indicator("x"), build.indicator("y"), build.indicator("z")],
        [
            build.target("city", "x", scope="binzhou"),
            build.target("province", "x", year=2025),
            build.target("city", "y", scope="binzhou"),
            build.target("province", "z", year=2025),
        ],
    )
    assert compare(data, city, province).summary.verdicts == {
        "shared": 1,
        "only binzhou": 1,
        "only shandong": 1,
    }


def test_no_share_of_a_dimension_that_does_not_add_up_names_it(build):
    city = build.target("city", value=5, scope="binzhou", year=2025, dimension="rank")
    province = build.target("province", value=3, year=2025, dimension="rank")
    assert alignment(build, city, province) == (
        None,
        None,
        ["a rank does not add up, so no part of a whole"],
    )
