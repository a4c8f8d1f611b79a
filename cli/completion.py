"""Shell completion of document ids, years, indicator ids and scopes
(`policy --install-completion`). Completion must never fail loudly: any problem with
the data gives no suggestions.

Titles and names are shown next to the suggestions, and they come from someone's data
files: each shell gets them inside code it evaluates (zsh's `_arguments` spec), and
Typer renders them as Rich markup first, without escaping a backslash for zsh or a
bracket for Rich. So a description keeps only letters, digits, spaces and `,.-`; any
other character becomes a space. (The values themselves are kebab-case ids and years.)
Typer's Rich rendering also wraps a description at the console's width (80 columns
when the shell captures the output), and zsh would read each wrapped line as a
suggestion of its own: a description is at most 70 characters.
"""

from __future__ import annotations

import re

import typer

_NOT_INERT = re.compile(r"[^\w ,.-]|_")
_LONGEST = 70


def inert(text: str) -> str:
    """`text` reduced to what no shell, and no Rich markup, gives a meaning: letters,
    digits, spaces and `,.-`, every run of anything else one space; cut short at a
    space, with `...`, when longer than 70 characters."""
    shown = " ".join(_NOT_INERT.sub(" ", text).split())
    if len(shown) <= _LONGEST:
        return shown
    cut = shown[: _LONGEST - 3]
    return (cut.rpartition(" ")[0] or cut) + "..."


def _dataset(ctx: typer.Context):
    from policy_targets.comparisons import index
    from policy_targets.comparisons.layout import resolve_data_dir

    root = ctx.find_root()
    return index.load(resolve_data_dir(root.params.get("data")))


def documents(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Document ids and years, each with its title."""
    try:
        data = _dataset(ctx)
    except Exception:  # a broken dataset: no suggestions rather than a traceback
        return []
    found = [(d.id, inert(d.title_en)) for d in sorted(data.documents.values(), key=lambda d: d.id)]
    years: dict[str, list[str]] = {}
    for d in sorted(data.documents.values(), key=lambda d: d.id):
        years.setdefault(str(d.year), []).append(d.id)
    found += [(year, ", ".join(ids)) for year, ids in sorted(years.items())]
    return [(value, text) for value, text in found if value.startswith(incomplete)]


def indicators(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Indicator ids, each with its English name."""
    try:
        data = _dataset(ctx)
    except Exception:
        return []
    return [
        (i.id, inert(i.name_en))
        for i in sorted(data.indicators.values())
        if i.id.startswith(incomplete)
    ]


def scopes(ctx: typer.Context, incomplete: str) -> list[str]:
    from policy_targets.comparisons.lookup import scopes as known

    try:
        data = _dataset(ctx)
    except Exception:
        return []
    return [s for s in [*known(data), "all"] if s.startswith(incomplete)]
