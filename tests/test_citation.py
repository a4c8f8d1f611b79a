"""CITATION.cff and CHANGELOG.md: valid, and in step with the package version."""

import subprocess
import sys
from pathlib import Path

import yaml

from policy_targets.comparisons import __version__

REPO = Path(__file__).resolve().parent.parent
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def test_citation_file_is_valid_citation_file_format():
    result = subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--builtin-schema",
            "vendor.citation-file-format",
            str(REPO / "CITATION.cff"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_citation_names_the_dataset_and_the_tool_at_the_package_version():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    assert (citation["type"], citation["version"], citation["license"]) == (
        "dataset",
        __version__,
        "MIT",
    )
    (tool,) = citation["references"]
    assert (tool["type"], tool["version"]) == ("software", __version__)
    assert "secondary source" in citation["abstract"]


def test_changelog_has_a_data_changes_section_in_every_release():
    lines = (REPO / "CHANGELOG.md").read_text("utf-8").splitlines()
    releases = [i for i, line in enumerate(lines) if line.startswith("## [")]
    assert [lines[i] for i in releases[:2]] == ["## [Unreleased]", f"## [{__version__}]"]
    for start, end in zip(releases, [*releases[1:], len(lines)], strict=True):
        assert "### Data changes" in lines[start:end], lines[start]
