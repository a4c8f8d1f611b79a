"""The `policy` application: global options, command registration, error handling."""

import errno
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from policy_targets.comparisons.errors import DataError, PolicyError

from .context import State
from .options import GlobalLangOption
from .safe_text import line_safe
from .status import ExitStatus


def _usage_error(exc: Exception) -> bool:
    """Whether `exc` is one of Click's usage errors (a wrong option, a missing argument,
    a bad value). Typer 0.26 and later vendor Click and export only BadParameter of its
    errors (fastapi/typer discussion 1832); every usage error is a TyperException with
    Click's exit status 2 for usage, the only ones with that status."""
    return isinstance(exc, typer.TyperException) and exc.exit_code == 2


class PolicyGroup(TyperGroup):
    """Turns the library's typed errors, and Click's usage errors of a command, into
    one-line messages and exit statuses."""

    def make_context(self, info_name, args, parent=None, **extra):
        # Parsing `policy`'s own options (--data, --no-cache) happens here, before any
        # command runs: a mistake there is one line too, not Click's usage block.
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except typer.TyperException as exc:
            if not _usage_error(exc) or extra.get("resilient_parsing"):
                raise  # shell completion: let Click carry on
            where = exc.ctx.command_path if exc.ctx else info_name
            typer.echo(f"error: {exc.format_message()} (see `{where} --help`)", err=True)
            raise typer.Exit(ExitStatus.INVALID) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:
            if not _usage_error(exc):
                raise
            where = exc.ctx.command_path if exc.ctx else ctx.command_path
            message = line_safe(exc.format_message())
            typer.echo(f"error: {message} (see `{where} --help`)", err=True)
            raise typer.Exit(ExitStatus.INVALID) from None
        except DataError as exc:
            for problem in exc.problems:
                typer.echo(f"error: {line_safe(str(problem))}", err=True)
            raise typer.Exit(ExitStatus.INVALID) from None
        except PolicyError as exc:
            from .context import state
            from .messages import worded

            typer.echo(f"error: {line_safe(worded(exc, state(ctx).speaking))}", err=True)
            raise typer.Exit(ExitStatus.INVALID) from None
        except UnicodeEncodeError as exc:
            # A terminal or pipe whose encoding has no Chinese (LANG=C, PYTHONIOENCODING=
            # ascii). The message itself stays ASCII, since stderr has the same encoding.
            typer.echo(
                f"error: standard output uses the {exc.encoding} encoding, which cannot show "
                "this output; set PYTHONIOENCODING=utf-8, or write a file with --output",
                err=True,
            )
            raise typer.Exit(ExitStatus.INVALID) from None
        except BrokenPipeError:
            # The reader (head, less) went away: stop quietly, as cat does.
            _silence_stdout()
            raise typer.Exit(ExitStatus.OK) from None
        except OSError as exc:
            report_os_error(exc)
            raise typer.Exit(ExitStatus.INVALID) from None


def report_os_error(exc: OSError) -> None:
    """A failed read or write (no space, no permission, a name too long, a closed
    standard output) as one line; an error without a file name is standard output's."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        message = f"cannot write to standard output: {reason}"
        _silence_stdout()  # what is still buffered for it can never be written
    else:
        message = f"{line_safe(str(exc.filename))}: {reason}"
    try:
        typer.echo(f"error: {message}", err=True)
    except OSError:  # standard error is gone too: the exit status still tells
        pass


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


app = typer.Typer(
    cls=PolicyGroup,
    help="Compare the numeric targets of Shandong's digital-province plans.",
    no_args_is_help=True,
    # -h as well as --help, for every command (subcommands inherit it).
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from policy_targets.comparisons import __version__

        typer.echo(f"policy-targets {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="POLICY_DATA",
            file_okay=False,
            help="A targets directory to use instead of the bundled data.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read and check every data file afresh, without the cache."
        ),
    ] = False,
    lang: GlobalLangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Compare the numeric targets of Shandong's digital-province plans.

    Example: policy compare 2023 2025
    """
    # A hint to rerun with --data only helps when --data, not POLICY_DATA, chose the data.
    source = ctx.get_parameter_source("data")
    typed = data is not None and source is not None and source.name == "COMMANDLINE"
    # Read through context.state: the dataset, and which files no output may replace.
    ctx.obj = State(data=data, data_typed=typed, use_cache=not no_cache, lang=lang)


def _register() -> None:
    from . import catalogue, compare, export, progress, trajectory, validate

    for module in (compare, trajectory, progress, catalogue, export, validate):
        module.register(app)


_register()


class _ClosedStream:
    """Standard output when the shell closed it (`policy … >&-`): Python would make it
    None, and Click and Rich would then print nothing and exit 0. Every write fails."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "it is closed")


def commands_to_build(commands: list, argv: list[str], environ) -> list:
    """The commands whose command line Typer builds: the one asked for, not every one.
    Typer inspects each command's options and their completion and parsing functions:
    7 ms for all of them against 1-2 ms for one (benchmarks/README.md). `--help`, a
    global option first, a misspelt command or shell completion still get every one."""
    if len(argv) < 2 or any(name.endswith("_COMPLETE") for name in environ):
        return commands
    return [command for command in commands if command.name == argv[1]] or commands


def main() -> None:
    app.registered_commands[:] = commands_to_build(app.registered_commands, sys.argv, os.environ)
    if sys.stdout is None:
        sys.stdout = _ClosedStream()  # type: ignore[assignment]
    try:
        app()
    except SystemExit as exc:
        status = exc.code
    except OSError as exc:  # outside a command: --help, usage messages
        report_os_error(exc)
        status = ExitStatus.INVALID
    else:  # pragma: no cover - app() always exits
        status = ExitStatus.OK
    try:
        sys.stdout.flush()  # a full disk shows here, for output smaller than a buffer
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        report_os_error(exc)
        status = ExitStatus.INVALID
    sys.exit(status)
