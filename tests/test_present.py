"""How one figure is shown: as written and normalized, one test per rule."""

import pytest

from policy_targets.cli.present import normalized, written
from policy_targets.comparisons.records import Target
from policy_targets.comparisons.units import normalize


def target(value, unit, comparator="exactly", dimension=None, upper=None):
    norm = normalize(value, unit, dimension)
    return Target(
        document="d",
        indicator="i",
        value=value,
        unit=unit,
        comparator=comparator,
        measure="level",
        kind="target",
        year=2025,
        quote="q",
        locator="l",
        scope="shandong",
        normalized=norm.magnitude,
        normalized_unit=norm.unit,
        dimension=norm.dimension,
        upper=upper,
        normalized_upper=None if upper is None else normalize(upper, unit, dimension).magnitude,
    )


@pytest.mark.parametrize(
    ("figure", "as_written", "shown"),
    [
        (target(2000, "个", "at_least"), "≥2000个", "≥2,000"),
        (target(2, "每个月"), "每2个月", "=6 per year"),
        # bandwidth in the largest readable unit
        (target(80, "G"), "=80G", "=80 Gbps"),
        (target(1000, "兆", "at_least"), "≥1000兆", "≥1 Gbps"),
        (target(100, "Mbps", "about"), "≈100Mbps", "≈100 Mbps"),
        # a past figure that stood at a number shows =
        (target(18.5, "万个"), "=18.5万个", "=185,000"),
        # a range keeps both bounds
        (target(2, "个", "between", upper=3), "2-3个", "2–3"),
        (target(2, "万个", "between", upper=3), "2-3万个", "20,000–30,000"),
        # a duration in years, never in days
        (target(3, "年", "about"), "≈3年", "≈3 years"),
        # a yearly change of a share, in percentage points a year
        (target(2, "%", "at_least", "share-change"), "≥2%/年", "≥+2 pp/yr"),
        (target(2, "%", "at_least"), "≥2%", "≥2 %"),
        # ranks and tiers as ranks, never as counts
        (target(3, "位"), "第3位", "3rd"),
        (target(1, "位"), "第1位", "1st"),
        (target(61, "位"), "第61位", "61st"),
        (target(13, "位"), "第13位", "13th"),
        (target(15, "强", "at_most"), "15强", "top 15"),
        (target(1, "梯队"), "第1梯队", "tier 1"),
    ],
)
def test_written_and_normalized(figure, as_written, shown):
    assert (written(figure), normalized(figure)) == (as_written, shown)
