"""What a command knows of the `policy` callback's options: an object on the Click
context (`ctx.obj`), read through `state(ctx)`, never a module global."""

from __future__ import annotations

from pathlib import Path

import typer
from msgspec import Struct

from policy_targets.comparisons.errors import DataError, PolicyError
from policy_targets.comparisons.records import Dataset
from policy_targets.comparisons.vocabulary import Language


class InvalidData(PolicyError):
    pass


class State(Struct):
    """The options of `policy` itself, and what the running command decided. A msgspec
    Struct rather than a dataclass, which would cost a millisecond of start-up to build
    (docs/decisions/0007-result-structs.md)."""

    data: Path | None = None  # --data (or POLICY_DATA); None: the bundled data
    data_typed: bool = False  # --data was typed, not taken from POLICY_DATA
    use_cache: bool = True  # False under --no-cache
    lang: Language | None = None  # policy --lang (or POLICY_LANG)
    # The language the running command speaks, once it knows it: its errors speak it too.
    speaking: Language = Language.en


def state(ctx: typer.Context) -> State:
    """The root context's State, made (with the defaults) when no callback set one."""
    return ctx.find_root().ensure_object(State)


def writer(ctx: typer.Context, force: bool):
    """What the command's files obey: its --force, and never a file of its dataset."""
    from .files import Writer

    return Writer(force=force, data=state(ctx).data)


def data_dir(ctx: typer.Context) -> Path:
    from policy_targets.comparisons.layout import resolve_data_dir

    return resolve_data_dir(state(ctx).data)


def use_cache(ctx: typer.Context) -> bool:
    """False under `policy --no-cache`: every data file is read and checked afresh."""
    return state(ctx).use_cache


def language(ctx: typer.Context, lang: str | None = None) -> Language:
    """The language of a command: its own --lang, else `policy --lang` (or POLICY_LANG),
    else English. Its error messages are in that language from now on."""
    found = state(ctx)
    found.speaking = Language(lang or found.lang or Language.en)
    return found.speaking


def dataset(ctx: typer.Context) -> Dataset:
    """The validated dataset, or a one-line error that points at `policy validate`."""
    from policy_targets.comparisons import index

    options = state(ctx)
    directory = data_dir(ctx)
    try:
        data = index.load(directory, use_cache=options.use_cache)
    except DataError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        typed = options.data_typed
        command = f"policy --data {options.data} validate" if typed else "policy validate"
        raise InvalidData(f"{first}{more}; run `{command}` for the full list") from None
    return data
