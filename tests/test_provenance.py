"""The quote check and the coverage report, on small texts made here."""

import textwrap

import pytest

from policy_targets.comparisons.errors import DataError
from policy_targets.comparisons.loading import load_dataset
from policy_targets.comparisons.provenance import NUMERAL, check

CATALOGUE = textwrap.dedent("""\
    indicators:
      - {id: smart-communities, name_zh: 智慧社区, name_en: Smart communities,
         category: society, dimension: count, unit: 个}
      - {id: total-compute, name_zh: 总算力, name_en: Total compute,
         category: infrastructure, dimension: compute, unit: E}
    """)

DOCUMENT = textwrap.dedent("""\
    document:
      id: tiny
      year: 2030
      scope: shandong
      title_zh: 小文件
      title_en: Tiny
      issuer: Tests
      published: "2030-01-02"
      period: {start: 2030, end: 2030}
      kind: work-points
      source: tiny.txt
    targets:
      - indicator: smart-communities
        value: 300
        unit: 个
        comparator: at_least
        measure: level
        kind: target
        year: 2030
        quote: 建成不少于300个智慧社区
        as_written: 不少于300个
        locator: 一、1
      - indicator: total-compute
        value: 12.5
        unit: E
        comparator: at_least
        measure: level
        kind: target
        year: 2030
        quote: 总算力达到12.5E
        as_written: 达到12.5E
        locator: 一、2
    """)

SOURCE = (
    "1.建成不少於300個(ge)智慧社區,\n總算力達到 12.5E。推進“百城萬站”,新增40個基地。2030年完成。\n"
)


def make(tmp_path, source=SOURCE, ignore=None):
    data = tmp_path / "data"
    sources = tmp_path / "sources"
    data.mkdir()
    sources.mkdir()
    (data / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    (data / "tiny.yaml").write_text(DOCUMENT, encoding="utf-8")
    if ignore is not None:
        (data / "coverage-ignore.yaml").write_text(ignore, encoding="utf-8")
    (sources / "tiny.txt").write_text(source, encoding="utf-8")
    return data, sources


def test_quotes_are_found_in_traditional_text_with_pinyin_and_spaces(tmp_path):
    data, sources = make(tmp_path)
    report = check(load_dataset(data), data, sources, coverage=False)
    assert report.problems == []
    assert report.quotes_checked == 2


def test_coverage_lists_uncovered_numerals_with_their_line(tmp_path):
    data, sources = make(tmp_path)
    report = check(load_dataset(data), data, sources, coverage=True)
    assert [(u.line, u.numeral) for u in report.uncovered] == [
        (1, "1"),
        (2, "百"),
        (2, "万"),
        (2, "40"),
        (2, "2030"),
    ]
    assert (
        str(report.uncovered[3])
        == 'tiny.txt:2: 40 in “。推进"百城万站",新增40个基地。2030年完成。”'
    )


def test_ignore_list_explains_numerals_and_reports_stale_entries(tmp_path):
    ignore = textwrap.dedent("""\
        ignore:
          - {text: '\\d{4}年', pattern: true, reason: a calendar year}
          - {text: '^\\d\\.', pattern: true, reason: an item number}
          - {text: 百城万站, reason: name of a programme}
          - {text: 四十, reason: appears nowhere, document: tiny}
        """)
    data, sources = make(tmp_path, ignore=ignore)
    report = check(load_dataset(data), data, sources, coverage=True)
    assert [u.numeral for u in report.uncovered] == ["40"]
    assert [str(p) for p in report.problems] == [
        f"{data / 'coverage-ignore.yaml'}:5:5: ignore entry “四十” matches no uncovered numeral "
        "— remove the entry"
    ]


def test_a_missing_quote_is_an_error_with_file_and_line(tmp_path):
    data, sources = make(tmp_path, source="建成不少于300个智慧社区。\n")
    report = check(load_dataset(data), data, sources, coverage=False)
    assert [str(p) for p in report.problems] == [
        f"{data / 'tiny.yaml'}:30:5: quote not found in tiny.txt: “总算力达到12.5E” "
        "— copy the clause from the source (compared in Simplified, without pinyin)"
    ]


def test_numeral_pattern():
    found = [m.group() for m in NUMERAL.finditer("20万个、两千、1.4万亿元、全部、一体化、第三")]
    assert found == ["20万", "两千", "1.4万亿", "全部"]


def test_both_bounds_of_a_range_must_appear_in_the_quote(tmp_path):
    data, sources = make(tmp_path)
    path = data / "tiny.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    value: 300\n    unit: 个\n    comparator: at_least\n",
        "    value: 300\n    upper: 400\n    unit: 个\n    comparator: between\n",
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:15:5: upper 400 does not appear in the quote "
        "— correct the value, or quote the clause that states it"
    ]


def test_coverage_lists_words_of_full_coverage_like_numerals(tmp_path):
    source = SOURCE + "实现行政村地区“村村通千兆”,全省年均提高。\n"
    data, sources = make(tmp_path, source=source)
    report = check(load_dataset(data), data, sources, coverage=True)
    assert [(u.line, u.numeral) for u in report.uncovered][-2:] == [(3, "村村通"), (3, "千")]


def test_a_row_without_its_figure_as_written_is_a_problem_against_the_sources(tmp_path):
    data, sources = make(tmp_path)
    path = data / "tiny.yaml"
    text = path.read_text(encoding="utf-8").replace("    as_written: 达到12.5E\n", "")
    path.write_text(text, encoding="utf-8")
    dataset = load_dataset(data)  # optional to the record: loading alone does not mind
    report = check(dataset, data, sources, coverage=False)
    assert [str(p) for p in report.problems] == [
        f"{path}:23:5: as_written: missing — copy the figure's words from the quote"
    ]


def test_as_written_must_be_part_of_the_quote(tmp_path):
    data, _ = make(tmp_path)
    path = data / "tiny.yaml"
    text = path.read_text(encoding="utf-8").replace("as_written: 达到12.5E", "as_written: 12.5 E")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:31:5: targets[1].as_written: as_written '12.5 E' is not part of the quote "
        "— copy the figure's words from the quote"
    ]


def test_coverage_lists_the_forms_of_full_coverage_and_counted_single_digits(tmp_path):
    source = SOURCE + "推动重点算力中心全面纳管,按照“一年全面起势、五年跨越领先”,打造一批。\n"
    data, sources = make(tmp_path, source=source)
    report = check(load_dataset(data), data, sources, coverage=True)
    assert [(u.line, u.numeral) for u in report.uncovered][-3:] == [
        (3, "全面纳管"),
        (3, "一"),
        (3, "五"),
    ]


@pytest.mark.parametrize(
    ("pattern", "refused"),
    [
        ("x{10000}", None),
        (
            "x{10001}",
            "counted repetitions multiply to more than 10,000, which compiles to a huge pattern",
        ),
        ("(a{100}){100}", None),
        (
            "(a{100}){101}",
            "counted repetitions multiply to more than 10,000, which compiles to a huge pattern",
        ),
        ("(a{100})(b{100})", None),  # side by side: they add up, not multiply
        (r"\{1000000\}[{]{5}", None),  # escaped or in a set: no count
        ("(" * 20 + ")" * 20, None),
        ("(" * 21 + ")" * 21, "groups nested more than 20 deep"),
        ("a" * 500, None),
        ("a" * 501, "pattern longer than 500 characters"),
    ],
    ids=[
        "10000",
        "10001",
        "nested-10000",
        "nested-10100",
        "side-by-side",
        "literal-braces",
        "depth-20",
        "depth-21",
        "length-500",
        "length-501",
    ],
)
def test_an_ignore_pattern_that_compiles_huge_is_refused(pattern, refused):
    from policy_targets.comparisons.provenance import _too_big

    assert _too_big(pattern) == refused


@pytest.mark.parametrize(
    ("start", "end", "covered"),
    [
        (0, 5, True),  # exactly a span
        (4, 10, True),  # within the second span, which starts inside the first
        (6, 11, False),  # past every end
        (12, 14, True),  # within a span inside a longer one started earlier
        (19, 21, False),  # across the end of the long span
        (0, 0, True),
        (-1, 2, False),  # before every start
    ],
)
def test_spans_cover_only_what_one_span_holds(start, end, covered):
    from policy_targets.comparisons.provenance import _Spans

    spans = _Spans([(3, 10), (0, 5), (11, 20), (12, 13)])
    assert spans.cover(start, end) is covered
