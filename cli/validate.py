"""`policy validate` and `policy schema`: check the data, and describe it for editors."""

from pathlib import Path
from typing import Annotated

import typer

from policy_targets.comparisons.vocabulary import FileKind

from . import context
from .labels import say
from .options import ForceOption, OutputOption
from .safe_text import line_safe
from .status import ExitStatus


def validate_command(
    ctx: typer.Context,
    sources: Annotated[
        Path | None,
        typer.Option(file_okay=False, help="Directory of source texts: find every quote in it."),
    ] = None,
    coverage: Annotated[
        bool,
        typer.Option(
            help="With --sources: list every numeral and word of full coverage (全部, 全覆盖 …) "
            "of a source that no quote covers."
        ),
    ] = False,
) -> None:
    """Check the data: schema, indicators, units, duplicates, quotes and coverage.

    Every problem is reported as file:line:column: what is wrong — how to fix it.

    Example: policy validate --sources ../shared/sources --coverage
    """
    from policy_targets.comparisons import index
    from policy_targets.comparisons.errors import DataError, UsageError
    from policy_targets.comparisons.provenance import check

    if coverage and sources is None:
        raise UsageError("--coverage needs --sources DIR, the directory of source texts")
    if sources is not None and not sources.is_dir():
        raise UsageError(f"sources directory {sources} does not exist")
    directory = context.data_dir(ctx)
    # Raises DataError with every problem; files unchanged since a run are not re-read.
    dataset = index.load(directory, use_cache=context.use_cache(ctx))
    lang = context.language(ctx)
    summary = say(
        "validated",
        lang,
        documents=len(dataset.documents),
        targets=len(dataset.targets),
        indicators=len(dataset.indicators),
    )
    if dataset.reported:  # an optional file: named only when it is there
        summary += say("validated_reported", lang, n=len(dataset.reported))
    if sources is None:
        typer.echo(summary)
        return
    report = check(dataset, directory, sources, coverage)
    for item in report.uncovered:
        # source text, shown literally
        typer.echo(say("uncovered", lang, item=line_safe(str(item))))
    if report.problems:
        raise DataError(report.problems)
    if report.uncovered:
        typer.echo(say("uncovered_error", lang, n=len(report.uncovered)), err=True)
        raise typer.Exit(ExitStatus.INVALID)
    typer.echo(say("quotes_found", lang, summary=summary, n=report.quotes_checked))
    if coverage:
        typer.echo(say("covered", lang, n=report.numerals_seen))


def schema_command(
    ctx: typer.Context,
    kind: Annotated[
        FileKind | None,
        typer.Argument(metavar="[KIND]", help="document, catalogue, coverage-ignore or reported."),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            file_okay=False,
            help="Write every kind's schema, as KIND.schema.json, into this directory.",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of one kind of data file (targets/KIND.schema.json).

    Every YAML file names its kind's schema in its first line, for editors.

    Example: policy schema --write targets --force
    """
    import json

    from policy_targets.comparisons.errors import UsageError
    from policy_targets.comparisons.schemas import SCHEMA_FILES, json_schemas

    schemas = {
        k: (json.dumps(v, ensure_ascii=False, indent=2) + "\n").encode()
        for k, v in json_schemas().items()
    }
    if write is not None:
        if kind is not None or output is not None:
            raise UsageError("--write writes every kind's schema; give no KIND or --output")
        writer = context.writer(ctx, force)
        writer.directory(write, {SCHEMA_FILES[k]: text for k, text in schemas.items()})
        return
    if kind is None:
        raise UsageError(
            "name a kind of file: document, catalogue, coverage-ignore or reported "
            "(or --write DIR for all four)"
        )
    if output is None:
        typer.echo(schemas[kind].decode(), nl=False)
    else:
        context.writer(ctx, force).file(output, schemas[kind])


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
    app.command("schema")(schema_command)
