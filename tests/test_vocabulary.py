"""The vocabulary is the one list of terms: the catalogue, the units, the records, the
comparison rules and the schema all use exactly its terms."""

import json

import pytest

from policy_targets.comparisons import vocabulary
from policy_targets.comparisons.layout import bundled_data_dir
from policy_targets.comparisons.units import CANONICAL, normalize
from policy_targets.comparisons.vocabulary import (
    CATEGORY_ORDER,
    Category,
    Comparator,
    Dimension,
    DocumentKind,
    Kind,
    Measure,
)


def test_every_dimension_has_one_canonical_unit():
    assert set(CANONICAL) == set(Dimension)
    assert all(isinstance(key, Dimension) for key in CANONICAL)


def test_every_category_has_a_place_in_the_order():
    assert sorted(CATEGORY_ORDER) == sorted(Category)


def test_the_catalogue_uses_only_vocabulary_terms(dataset):
    for indicator in dataset.indicators.values():
        assert indicator.category in set(Category), indicator.id
        assert indicator.dimension in set(Dimension), indicator.id


def test_every_catalogue_unit_is_of_its_indicators_dimension(dataset):
    """The display unit of each indicator normalizes into the indicator's dimension
    (frequencies show 次/年, which is no unit as written; a yearly change of a share is
    written in %, and its dimension is what tells it from a share)."""
    for indicator in dataset.indicators.values():
        if indicator.dimension != Dimension.frequency:
            normalized = normalize(1, indicator.unit, indicator.dimension)
            assert normalized.dimension == indicator.dimension, indicator.id


def test_the_records_use_only_vocabulary_terms(dataset):
    for target in dataset.targets:
        assert target.comparator in set(Comparator)
        assert target.measure in set(Measure)
        assert target.kind in set(Kind)
        assert target.dimension in set(Dimension)
    assert {d.kind for d in dataset.documents.values()} <= set(DocumentKind)


@pytest.mark.parametrize(
    "term", [Category, Comparator, Dimension, DocumentKind, Kind, Measure], ids=lambda t: t.__name__
)
def test_the_schema_lists_exactly_the_vocabulary(term):
    defs = {}  # the terms' definitions in the schemas of every kind of data file
    for path in sorted(bundled_data_dir().glob("*.schema.json")):
        defs.update(json.loads(path.read_text(encoding="utf-8")).get("$defs", {}))
    assert defs[term.__name__]["enum"] == [member.value for member in term]


def test_each_term_is_defined_in_the_vocabulary_module():
    for term in (Category, Comparator, Dimension, DocumentKind, Kind, Measure):
        assert term.__module__ == vocabulary.__name__
