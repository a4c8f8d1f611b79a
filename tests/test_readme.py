"""The README's examples are the tool's real output: each fenced block that starts with
`$ policy …` is run, and its output must be what the block shows."""

import re
import shlex
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

EXAMPLE = re.compile(r"^```\n\$ (policy [^\n|>]*)\n(.*?)^```$", re.M | re.S)
EXAMPLES = EXAMPLE.findall((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_examples():
    assert [command for command, _ in EXAMPLES] == [
        "policy compare 2023 2025 --only changed",
        "policy compare 2023 2025 --only lapsed --category infrastructure",
    ]


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_a_readme_example_is_current(run, command, shown):
    result = run(*shlex.split(command)[1:])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == shown
