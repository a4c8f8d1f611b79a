import pytest

from policy_targets.comparisons.quotes import (
    chinese_to_number,
    normalize_source,
    normalize_text,
    numbers_in,
)


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


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十六", 16),
        ("三十五", 35),
        ("一百", 100),
        ("百", 100),
        ("两千", 2000),
        ("一二", None),
    ],
)
def test_chinese_to_number(text, number):
    assert chinese_to_number(text) == number


def test_numbers_in_reads_arabic_and_chinese_numerals():
    assert numbers_in("累计开通5G基站20万个以上") == {5.0, 20.0}
    assert numbers_in("居全国第三位") == {3.0}
    assert numbers_in("乡镇驻地全部实现千兆光网覆盖") == {100.0, 1000.0}
    assert numbers_in("累计获批23个,居全国首位") == {23.0, 1.0}
    assert numbers_in("2,588.7万户") == {2588.7}
