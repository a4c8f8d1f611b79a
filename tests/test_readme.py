"""The README cannot drift from the application: it documents every command and every
option (after sqlite-utils' test_docs.py), and each example that starts with
`$ policy …` shows exactly what that command prints."""

import re
import shlex
from pathlib import Path

import pytest
import typer

from policy_targets.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
EXAMPLE = re.compile(r"^```\n\$ (policy [^\n|>]*)\n(.*?)^```$", re.M | re.S)
EXAMPLES = EXAMPLE.findall(README)


def long_options(command) -> list[str]:
    return [o for p in command.params for o in p.opts if o.startswith("--")]


def mentioned(option: str) -> bool:
    return re.search(re.escape(option) + r"(?![\w-])", README) is not None


@pytest.mark.parametrize("name", sorted(GROUP.commands))
def test_every_command_and_its_options_are_in_the_readme(name):
    assert f"`policy {name}" in README, f"policy {name} is not in the README"
    missing = [o for o in long_options(GROUP.commands[name]) if not mentioned(o)]
    assert missing == [], f"options of policy {name} not in the README"


def test_every_global_option_is_in_the_readme():
    assert [o for o in long_options(GROUP) if not mentioned(o)] == []


def test_the_check_sees_a_missing_option():
    assert mentioned("--format") and not mentioned("--form") and not mentioned("--formats")


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
