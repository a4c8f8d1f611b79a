"""Options that several commands share, with their choices from the vocabulary, so that
`--help` lists the choices and a wrong value is refused before any work is done."""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policy_targets.comparisons.vocabulary import CATEGORY_NAMES_ZH, Category, Language, Selection

from . import completion
from .files import export_output_path, output_path
from .formats import ExportFormat, Format

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

# A list option takes its values repeated (--only new --only raised) or separated by
# commas (--only raised,new), as csvkit and httpie do; the command gets their union.
_SEPARATORS = str.maketrans({"，": ",", "、": ","})


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.translate(_SEPARATORS).split(",") if part.strip()]


def _union(values: list[tuple[str, ...]] | None) -> list[str] | None:
    """The values of every occurrence, in order, without repeats; None when none given."""
    if not values:
        return None
    return list(dict.fromkeys(value for given in values for value in given))


def _choices_parser(choices: Iterable[str], aliases: dict[str, str]) -> Callable:
    order = [str(choice) for choice in choices]

    def parse(value: str) -> tuple[str, ...]:
        found = []
        for part in _split(value):
            part = aliases.get(part, part)
            if part not in order:
                # Worded as Click words a wrong choice of a single-valued option.
                choices = ", ".join(repr(choice) for choice in order)
                raise typer.BadParameter(f"{part!r} is not one of {choices}.")
            found.append(part)
        return tuple(found)

    return parse


def _choices_completion(choices: Iterable[str]) -> Callable:
    order = [str(choice) for choice in choices]

    def complete(incomplete: str) -> list[str]:
        # After a comma, the next value: raised,n → raised,new
        done, _, last = incomplete.rpartition(",")
        prefix = f"{done}," if done else ""
        return [prefix + choice for choice in order if choice.startswith(last)]

    return complete


def union_of(name: str, choices: Iterable[str], help: str, aliases: dict[str, str] | None = None):
    """A repeatable option of `choices` (`aliases` maps other names onto them), each value
    possibly several separated by commas; the command gets the list of their union."""
    order = [str(choice) for choice in choices]
    return Annotated[
        list[str] | None,
        typer.Option(
            name,
            parser=_choices_parser(order, aliases or {}),
            callback=_union,
            autocompletion=_choices_completion(order),
            metavar="[" + "|".join(order) + "]",
            help=f"{help} Repeat it or separate values by commas for several.",
        ),
    ]


CategoryOption = union_of(
    "--category",
    list(Category),
    "Only indicators of this category (its id, or its Chinese name: 基础设施).",
    aliases={name: category.value for category, name in CATEGORY_NAMES_ZH.items()},
)
SelectionOption = union_of(
    "--only", list(Selection), "Only rows of this kind (changed = raised or lowered)."
)


def _scope_completion(ctx: typer.Context, incomplete: str) -> list[str]:
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + scope for scope in completion.scopes(ctx, last)]


def _scopes(value: str) -> tuple[str, ...]:
    return tuple(_split(value))


def scope_option(help: str):
    """--scope: one scope or several (repeated, or separated by commas), each an id or a
    name; the library resolves them."""
    return Annotated[
        list[str] | None,
        typer.Option(
            "--scope",
            parser=_scopes,
            callback=_union,
            autocompletion=_scope_completion,
            metavar="SCOPE",
            help=f"{help} Repeat it or separate scopes by commas for several.",
        ),
    ]


DocumentScopeOption = scope_option(
    "Whose documents a year refers to: an id, a name (Shandong, 山东) or all (default: shandong)."
)


def plot_option(help: str):
    """--plot FILE: a PNG chart beside the report."""
    return Annotated[
        Path | None, typer.Option("--plot", help=help, parser=output_path, metavar="FILE")
    ]


def document_argument(metavar: str, help: str):
    """A document, by year or id, completed from the data."""
    return Annotated[
        str, typer.Argument(metavar=metavar, help=help, autocompletion=completion.documents)
    ]


IndicatorArgument = Annotated[
    str,
    typer.Argument(
        metavar="INDICATOR",
        help="An id, an English name or a Chinese name.",
        autocompletion=completion.indicators,
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


def parse_day(value: str | None) -> "date":
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


# No default value: a --format left out is told apart from one typed (`format_for`).
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="table (terminal), markdown, csv, json, xlsx or html (one self-contained page); "
        "default: from the --output file's extension, else table.",
        case_sensitive=False,
    ),
]
ExportFormatOption = Annotated[
    ExportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="json, csv, markdown, xlsx, html, table, datapackage (a directory) or sqlite (a "
        ".db file); default: from the --output file's extension, else json.",
        case_sensitive=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of the terminal.",
        parser=output_path,
        metavar="FILE",
    ),
]
ExportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (for datapackage: this directory) instead of the terminal.",
        parser=export_output_path,
        metavar="PATH",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
]
