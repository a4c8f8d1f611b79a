"""Options that several commands share, with their choices from the vocabulary, so that
`--help` lists the choices and a wrong value is refused before any work is done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from policy_targets.comparisons.vocabulary import Category, Language

from . import completion

if TYPE_CHECKING:
    from datetime import date


def _lang_option(envvar: str | None, help: str):
    """--lang: None when not given, so that a command's own --lang wins over the global
    one (`policy --lang zh`, or POLICY_LANG), and that over English."""
    return Annotated[Language | None, typer.Option("--lang", envvar=envvar, help=help)]


LangOption = _lang_option(
    None, "Language of names, headers, verdicts and summaries (default: policy's --lang)."
)
GlobalLangOption = _lang_option(
    "POLICY_LANG",
    "Language of names, headers, verdicts, summaries and charts, for every command.",
)
CategoryOption = Annotated[
    Category | None, typer.Option("--category", help="Only indicators of this category.")
]
DocumentScopeOption = Annotated[
    str,
    typer.Option(
        "--scope",
        help="Whose documents a year refers to: an id, a name (Shandong, 山东) or all.",
        autocompletion=completion.scopes,
    ),
]


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Judge as on this day: reports about a later date, or published later, are "
        "left out (default: today).",
    ),
]


def parse_day(value: str | None) -> date:
    """--as-of: an ISO day, YYYY-MM-DD; today when not given."""
    from datetime import date

    from policy_targets.comparisons.errors import UsageError

    if value is None:
        return date.today()
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of {value!r} is not a date; write YYYY-MM-DD") from None
