"""Loading the dataset for a command, from the options of the `policy` callback."""

from __future__ import annotations

from pathlib import Path

import typer

from policy_targets.comparisons.errors import DataError, PolicyError
from policy_targets.comparisons.records import Dataset
from policy_targets.comparisons.vocabulary import Language


class InvalidData(PolicyError):
    pass


def data_dir(ctx: typer.Context) -> Path:
    from policy_targets.comparisons.layout import resolve_data_dir

    options = ctx.find_root().obj or {}
    return resolve_data_dir(options.get("data"))


def use_cache(ctx: typer.Context) -> bool:
    """False under `policy --no-cache`: every data file is read and checked afresh."""
    return (ctx.find_root().obj or {}).get("use_cache", True)


def language(ctx: typer.Context, lang: str | None = None) -> Language:
    """The language of a command: its own --lang, else `policy --lang` (or POLICY_LANG),
    else English."""
    return Language(lang or (ctx.find_root().obj or {}).get("lang") or Language.en)


def dataset(ctx: typer.Context) -> Dataset:
    """The validated dataset, or a one-line error that points at `policy validate`."""
    from policy_targets.comparisons import index

    options = ctx.find_root().obj or {}
    directory = data_dir(ctx)
    try:
        data = index.load(directory, use_cache=use_cache(ctx))
    except DataError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        typed = options.get("data_typed")
        command = f"policy --data {options['data']} validate" if typed else "policy validate"
        raise InvalidData(f"{first}{more}; run `{command}` for the full list") from None
    return data
