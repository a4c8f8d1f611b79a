"""Shell completion of document ids, years, indicator ids and scopes
(`policy --install-completion`). Completion must never fail loudly: any problem with
the data gives no suggestions."""

from __future__ import annotations

import typer


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
    found = [(d.id, d.title_en) for d in sorted(data.documents.values(), key=lambda d: d.id)]
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
        (i.id, i.name_en) for i in sorted(data.indicators.values()) if i.id.startswith(incomplete)
    ]


def scopes(ctx: typer.Context, incomplete: str) -> list[str]:
    from policy_targets.comparisons.lookup import scopes as known

    try:
        data = _dataset(ctx)
    except Exception:
        return []
    return [s for s in [*known(data), "all"] if s.startswith(incomplete)]
