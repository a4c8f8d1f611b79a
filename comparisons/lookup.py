"""Finding documents and indicators by what users type."""

from __future__ import annotations

import difflib
import re

from .errors import UsageError
from .records import Dataset, Document, Indicator

DEFAULT_SCOPE = "shandong"


def scopes(dataset: Dataset) -> list[str]:
    return sorted({d.scope for d in dataset.documents.values()})


def require_scope(dataset: Dataset, scope: str) -> None:
    """A UsageError unless some document has this scope."""
    if scope not in scopes(dataset):
        raise UsageError(f"unknown scope {scope!r}; choose from {', '.join(scopes(dataset))}")


def _listing(dataset: Dataset, scope: str) -> str:
    in_scope = sorted((d.year, d.id) for d in dataset.documents.values() if d.scope == scope)
    return ", ".join(f"{year} ({doc_id})" for year, doc_id in in_scope) or "none"


def resolve_document(dataset: Dataset, ref: str, scope: str = DEFAULT_SCOPE) -> Document:
    """A document by id, or by year within `scope`."""
    ref = ref.strip()
    if ref in dataset.documents:
        return dataset.documents[ref]
    require_scope(dataset, scope)
    if re.fullmatch(r"\d{4}", ref):
        found = [d for d in dataset.documents.values() if d.scope == scope and d.year == int(ref)]
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(sorted(d.id for d in found))
            raise UsageError(
                f"{len(found)} {scope} documents are from {ref}: {ids}; name one by id"
            )
        raise UsageError(f"no {scope} document from {ref}; {scope} has {_listing(dataset, scope)}")
    close = difflib.get_close_matches(ref, list(dataset.documents), n=3, cutoff=0.4)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise UsageError(
        f"unknown document {ref!r}; {hint}give a year or one of: "
        f"{', '.join(sorted(dataset.documents))}"
    )


def _fold(text: str) -> str:
    return re.sub(r"[\s\-_]+", " ", text.casefold()).strip()


def _names(indicator: Indicator) -> list[str]:
    return [indicator.id, indicator.name_en, indicator.name_zh, *indicator.aliases]


def find_indicators(dataset: Dataset, text: str) -> list[Indicator]:
    """Indicators whose id or name matches `text` exactly, else contain it.

    Chinese may be typed in Traditional characters: the query is converted to
    Simplified before it is matched.
    """
    query = _fold(text)
    if re.search(r"[\u3400-\u9fff]", text):
        from .quotes import normalize_text

        query = _fold(normalize_text(text))
    indicators = list(dataset.indicators.values())
    exact = [i for i in indicators if query in {_fold(n) for n in _names(i)}]
    if exact:
        return exact
    return [i for i in indicators if any(query in _fold(n) for n in _names(i))]


def resolve_indicator(dataset: Dataset, text: str) -> Indicator:
    """Exactly one indicator for `text`, or a UsageError with suggestions."""
    found = find_indicators(dataset, text)
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"{i.id} ({i.name_zh})" for i in found[:8])
        more = f" and {len(found) - 8} more" if len(found) > 8 else ""
        raise UsageError(
            f"{text!r} matches {len(found)} indicators: {names}{more}; be more specific"
        )
    all_names = {n: i.id for i in dataset.indicators.values() for n in _names(i)}
    close = difflib.get_close_matches(text, list(all_names), n=3, cutoff=0.5)
    ids = list(dict.fromkeys(all_names[n] for n in close))
    hint = f"; did you mean {', '.join(ids)}?" if ids else ""
    raise UsageError(f"unknown indicator {text!r}{hint} (`policy indicators` lists them all)")
