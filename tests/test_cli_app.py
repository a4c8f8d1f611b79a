"""Usage errors of a command: one line, exit status 2, whatever Click copy Typer uses."""

from policy_targets.cli import app


def test_click_usage_errors_are_told_apart_without_clicks_private_class():
    import typer

    assert app._usage_error(typer.BadParameter("x"))
    assert not app._usage_error(typer.TyperException("x"))  # exit status 1: no usage error
    assert not app._usage_error(ValueError("x"))


def test_a_missing_argument_is_one_line(run):
    result = run("compare", "2023", prog_name="policy")
    assert result.exit_code == 2
    assert result.stderr == "error: Missing argument 'AFTER'. (see `policy compare --help`)\n"
