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


def test_only_the_command_asked_for_is_built():
    from policy_targets.cli.app import app, commands_to_build

    commands = list(app.registered_commands)
    names = [c.name for c in commands]
    assert [c.name for c in commands_to_build(commands, ["policy", "compare", "2023"], {})] == [
        "compare"
    ]
    # Everything else gets every command: help, a global option first, a misspelt
    # command, and shell completion (which reads the command line from the environment).
    for argv, environ in [
        (["policy"], {}),
        (["policy", "--help"], {}),
        (["policy", "--lang", "zh", "compare"], {}),
        (["policy", "comapre"], {}),
        (["policy", "compare"], {"_POLICY_COMPLETE": "complete_bash"}),
    ]:
        assert [c.name for c in commands_to_build(commands, argv, environ)] == names
