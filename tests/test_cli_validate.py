def test_real_data_validates_against_the_sources(run, sources):
    result = run("validate", "--sources", str(sources), "--coverage")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "ok: 5 documents, 174 targets, 162 indicators; 174 quotes found in their sources",
        "coverage: all 530 numerals and words of full coverage covered by a quote or explained",
    ]


def test_validate_without_sources(run):
    result = run("validate")
    assert (result.exit_code, result.stdout) == (
        0,
        "ok: 5 documents, 174 targets, 162 indicators\n",
    )


def test_coverage_needs_sources(run):
    result = run("validate", "--coverage")
    assert result.exit_code == 2
    assert result.stderr == "error: --coverage needs --sources DIR, the directory of source texts\n"


def test_uncovered_numeral_fails_validation(run, data_copy, sources):
    path = data_copy / "2023-work-points.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - indicator: smart-parking-lots")
    end = text.index("  - indicator:", start + 10)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run("--data", str(data_copy), "validate", "--sources", str(sources), "--coverage")
    assert result.exit_code == 2
    assert result.stdout == (
        "uncovered: 2023-work-points.txt:86: 800 in “车服务,2023年新建成800个智慧停车场。(牵头单位”\n"
    )
    assert result.stderr == (
        "error: 1 numerals or words of full coverage in the sources are not covered by a "
        "quote — add the targets, or explain them in coverage-ignore.yaml\n"
    )


def test_every_problem_is_reported(run, data_copy):
    path = data_copy / "2025-work-points.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("indicator: total-compute", "indicator: total-computer", 1)
    text = text.replace("unit: 万台", "unit: 万只只", 1)
    path.write_text(text, encoding="utf-8")
    result = run("--data", str(data_copy), "validate")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith(
        "2025-work-points.yaml:210:5: unknown indicator 'total-computer' — did you mean "
        "total-compute? add it to indicators.yaml or use an existing id"
    )
    assert lines[1].endswith(
        "2025-work-points.yaml:245:5: unit '万只只' is not known — use a unit defined in "
        "comparisons/units.txt, e.g. 个, 万个, 亿元, %, E, 每季度"
    )


def test_a_broken_catalogue_is_one_problem_not_one_per_target(run, data_copy):
    path = data_copy / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: [\n", encoding="utf-8")
    result = run("--data", str(data_copy), "validate")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {path}:")
    assert line.endswith(
        ": a flow node is never closed (did not find expected node content) — close it"
    )
