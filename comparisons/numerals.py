"""Numerals as the documents write them: one grammar for the quote check and the coverage report.

A numeral is an Arabic number (2,588.7, 12.5), optionally followed by Chinese magnitudes
(20万, 1.4万亿); a Chinese numeral (一百零五, 三万五千, 两万, 百); or a percentage written out
(百分之十五). Chinese numerals are read by cn2an, imported only when a numeral is read,
which is on the validation path. The project's own readings, from the curation rules in
targets/README.md: 首位 (first place) is 1, and a word of full coverage (全部, 全覆盖,
所有 …, see ALL_WORDS) is 100 (%).

A value is compared with what a quote states as a magnitude: `20, 万个` is 200 000 and so is
20万 in the quote; `3, 万个` (30 000) is not 三万五千 (35 000), though 三 appears in it.
"""

from __future__ import annotations

import math
import re
from functools import cache

DIGITS = "零〇一二两三四五六七八九"
MAGNITUDES = "十百千万亿"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
ARABIC = re.compile(_ARABIC)

# Every numeral of a text; the quote check reads them all.
NUMERAL = re.compile(
    rf"百分之[{DIGITS}{MAGNITUDES}]+"  # 百分之十五: a percentage in words
    rf"|{_ARABIC}[{MAGNITUDES}]*"  # 2,588.7 · 20万 · 1.4万亿
    rf"|[{DIGITS}{MAGNITUDES}]+"  # 一百零五 · 三万五千 · 两万 · 百 · 第三
)

# Words that state full coverage without a numeral ("all" statements): a row of value 100,
# unit %. 均 counts only as "each, all" (县级以上公共图书馆均具备 …), not in 年均 or 平均
# (on average) or 均衡 (balanced); 全体 not in 安全体系; 普遍 (universally) not in 普遍服务, the
# term "universal service". Coverage of a whole group is also written 深度覆盖 (deep
# coverage), 基本覆盖 (basically covers), 全面支持 (fully supports), 全面纳管 (all brought under
# management), 全流程应用 (used in the whole process), and 实现 … 通达 / 自动采集 (a group brought
# to reach, or to automatic collection: 基本实现20户以上自然村光纤网路通达), within one clause
# and not 通达率, a rate whose value the text gives.
ALL_WORDS = re.compile(
    r"全覆盖|全面(?:深度)?覆盖|深度覆盖|基本覆盖|全面支持|全面纳管|全流程应用"
    r"|实现[^,;。]{0,12}?(?:通达(?!率)|自动采集)"
    r"|全部|所有|全体(?!系)|全域|村村通|应上尽上|普遍(?!服务)|(?<![年平人])均(?![衡匀等值])"
)
FIRST_PLACE = re.compile("首位")
# (words, the number they are read as, the unit they are read in)
_WORD_READINGS = ((ALL_WORDS, 100.0, "%"), (FIRST_PLACE, 1.0, "位"))

# A measure word or a time word after a single Chinese digit makes it a count: 九市, 三个,
# 五年, 两个月 (but 一批, "a batch", and 统一 are no counts).
COUNTED = "个月|[年个市家项条座处场户台所类种]"
# What the coverage report lists: Arabic numbers, Chinese numerals with a magnitude, single
# digits 一 … 九 that carry a measure or time word (COUNTED; not after 第, an ordinal; others
# are too common inside words, 统一 or 一批, to list them all), and the words of full
# coverage.
LISTED = re.compile(
    rf"百分之[{DIGITS}{MAGNITUDES}]+"
    rf"|{_ARABIC}[{MAGNITUDES}]*"
    rf"|[{DIGITS}]*[{MAGNITUDES}][{DIGITS}{MAGNITUDES}]*"
    rf"|(?<![{DIGITS}{MAGNITUDES}第])[一二两三四五六七八九](?={COUNTED})"
    rf"|{ALL_WORDS.pattern}"
)


def _clean(value: float) -> float:
    """Round away binary noise: 2588.7 × 1e4 is 25 887 000, not 25887000.000000004."""
    return float(f"{value:.12g}")


@cache
def chinese_number(text: str) -> float | None:
    """一百零五 → 105, 三万五千 → 35000, 两万 → 20000, 百 → 100; None when it is no number
    (一二, 十四五)."""
    import cn2an

    text = text.replace("两", "二").replace("〇", "零")
    if text[:1] in MAGNITUDES:  # 百 and 千亿 mean 一百 and 一千亿
        text = "一" + text
    try:
        return float(cn2an.cn2an(text, "strict"))
    except ValueError:
        return None


def magnitude(text: str) -> tuple[float, int]:
    """The factor of the longest run of Chinese magnitudes at the start of `text`, and its
    length: 万亿元 → (1e12, 2), 万千瓦 → (1e4, 1), 个 → (1, 0)."""
    run = len(text) - len(text.lstrip(MAGNITUDES))
    for length in range(run, 0, -1):
        factor = chinese_number(text[:length])
        if factor is not None:
            return factor, length
    return 1.0, 0


def value_of(numeral: str) -> float | None:
    """The number a numeral (a match of NUMERAL) states: 20万 → 200000, 百分之十五 → 15."""
    if numeral.startswith("百分之"):
        return chinese_number(numeral[3:])
    arabic = ARABIC.match(numeral)
    if arabic is None:
        return chinese_number(numeral)
    number = float(arabic.group().replace(",", ""))
    return _clean(number * magnitude(numeral[arabic.end() :])[0])


def numbers_in(text: str, unit: str | None = None) -> set[float]:
    """Every number a (normalized) quote states: its numerals, and the words the curation
    rules read as numbers. With a unit, a word counts only in the unit it is read in: a word
    of full coverage is 100 %, not 100个; 首位 is first place (1位), not 1个."""
    found = {value for m in NUMERAL.finditer(text) if (value := value_of(m.group())) is not None}
    for pattern, number, fits in _WORD_READINGS:
        if unit in (None, fits) and pattern.search(text):
            found.add(number)
    return found


def as_stated(value: float, unit: str) -> float:
    """A value and unit as written, as the magnitude a quote states: 20, 万个 → 200000."""
    return _clean(value * magnitude(unit)[0])


def states(text: str, value: float, unit: str) -> bool:
    """Whether a (normalized) quote states `value` in `unit`."""
    wanted = as_stated(value, unit)
    return any(math.isclose(wanted, n, rel_tol=1e-9) for n in numbers_in(text, unit))
