import pytest

from policy_targets.comparisons.quotes import normalize_source, normalize_text


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        # inline pinyin annotations, as in the 2025 work points
        ("數(shu)字強(qiang)(qiang)省", "数字强省"),
        # a tone-marked annotation, as in the 2023 work points
        ("印發(fā)數字強省", "印发数字强省"),
        # Traditional → Simplified, keeping the source's vocabulary
        ("網際網路套用", "网际网路套用"),
        # full-width punctuation and letters fold to half-width
        ("達到６０％，（一）ＧＤＰ", "达到60%,(一)GDP"),
        # curly quotes fold to straight ones
        ("“千兆城市”", '"千兆城市"'),
        # whitespace goes, except between two digits
        ("2021-10-12 661人 读过", "2021-10-12 661人读过"),
        # Chinese in parentheses is no pinyin
        ("國家虛擬現實創新中心(青島)", "国家虚拟现实创新中心(青岛)"),
    ],
)
def test_normalize_text(raw, normalized):
    assert normalize_text(raw) == normalized


def test_normalize_source_maps_offsets_to_lines():
    source = normalize_source("第一行\n\n數(shu)據第三行")
    assert source.text == "第一行数据第三行"
    assert source.line_of(0) == 1
    assert source.line_of(source.text.index("数据")) == 3
