"""The README documents every command and every option, so that it cannot drift from the
application (after sqlite-utils' test_docs.py)."""

import re
from pathlib import Path

import pytest
import typer

from policy_targets.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)


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
