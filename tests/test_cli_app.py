"""Usage errors of a command: one line, exit status 2, whatever Click copy Typer uses."""

from policy_targets.cli import app


def test_usage_error_is_the_base_of_typers_errors():
    assert app.UsageError.__name__ == "UsageError"


def test_a_missing_argument_is_one_line(run):
    result = run("compare", "2023", prog_name="policy")
    assert result.exit_code == 2
    assert result.stderr == "error: Missing argument 'AFTER'. (see `policy compare --help`)\n"
