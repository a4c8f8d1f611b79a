import pytest

from policy_targets.comparisons.errors import UnitError
from policy_targets.comparisons.units import normalize, parse_quantity


@pytest.mark.parametrize(
    ("text", "magnitude", "unit", "dimension"),
    [
        # Chinese magnitudes and measure words
        ("20万个", 200_000, "", "count"),
        ("2588.7万户", 25_887_000, "", "count"),
        ("2亿个", 200_000_000, "", "count"),
        ("100家", 100, "", "count"),
        ("80处", 80, "", "count"),
        ("30场", 30, "", "count"),
        ("1200项", 1200, "", "count"),
        ("7961万人", 79_610_000, "", "count"),
        ("120万台", 1_200_000, "", "count"),
        ("31万条", 310_000, "", "count"),
        # money
        ("1.4万亿元", 1.4e12, "yuan", "currency"),
        ("4933亿元", 4.933e11, "yuan", "currency"),
        ("660亿元", 6.6e10, "yuan", "currency"),
        # shares
        ("60%", 60, "%", "share"),
        ("99.99%", 99.99, "%", "share"),
        # compute
        ("12.5E", 12.5, "EFLOPS", "compute"),
        ("500P", 0.5, "EFLOPS", "compute"),
        # power
        ("200万千瓦", 2, "GW", "power"),
        ("3千瓦", 3e-6, "GW", "power"),
        # bandwidth
        ("100Mbps", 100, "Mbps", "bandwidth"),
        ("80G", 80_000, "Mbps", "bandwidth"),
        ("1000兆", 1000, "Mbps", "bandwidth"),
        ("1千兆", 1000, "Mbps", "bandwidth"),
        # class hours
        ("40学时", 40, "class hours", "study-time"),
        # frequencies, per year
        ("每季度", 4, "per year", "frequency"),
        ("每2个月", 6, "per year", "frequency"),
        ("每月", 12, "per year", "frequency"),
        ("每年", 1, "per year", "frequency"),
        ("每半年", 2, "per year", "frequency"),
        # ranks, indices, ratings
        ("3位", 3, "rank", "rank"),
        ("15强", 15, "rank", "rank"),
        ("97.4指数", 97.4, "points", "index"),
        ("4星级", 4, "stars", "rating"),
    ],
)
def test_parse_quantity(text, magnitude, unit, dimension):
    result = parse_quantity(text)
    assert result.magnitude == pytest.approx(magnitude, rel=1e-12)
    assert (result.unit, result.dimension) == (unit, dimension)


def test_normalize_frequency_counts_periods():
    assert normalize(2, "每个月").magnitude == 6
    assert normalize(1, "每季度").magnitude == 4


def test_normalized_values_carry_no_float_noise():
    assert normalize(1.4, "万亿元").magnitude == 1_400_000_000_000
    assert normalize(69.95, "万户").magnitude == 699_500


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        ("万只只", "unit '万只只' is not known"),
        ("yuan*2", "unit 'yuan*2' is not a unit as written (letters, 汉字 or % only)"),
        ("每x", "frequency unit '每x': 'x' is not a period"),
        ("每2个月", "frequency unit '每2个月' must be 每 and a period, e.g. 每季度, 每个月"),
        ("", "unit '' is not a unit as written (letters, 汉字 or % only)"),
    ],
)
def test_bad_units_raise_unit_error(unit, message):
    with pytest.raises(UnitError) as caught:
        normalize(1, unit)
    assert str(caught.value) == message


def test_zero_periods_is_no_frequency():
    with pytest.raises(UnitError, match="positive number of periods"):
        normalize(0, "每年")
