"""Finding documents and indicators by what users type."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from .errors import Ambiguous, NotFound, UsageError
from .records import Dataset, Document, Indicator
from .vocabulary import ALL_SCOPES, CATEGORY_NAMES_ZH, SCOPE_NAMES

DEFAULT_SCOPE = "shandong"


def scopes(dataset: Dataset) -> list[str]:
    """Every scope with a figure: the documents' own, and the comparison scopes some
    targets name (beijing, china, world …)."""
    found = {d.scope for d in dataset.documents.values()} | {t.scope for t in dataset.targets}
    return sorted(found)


def resolve_scope(dataset: Dataset, text: str, allow_all: bool = False) -> str:
    """The scope id for an id, an English name or a Chinese name (山东, 山東, 山东省),
    or ALL_SCOPES for `all` where the caller allows it."""
    known = scopes(dataset)
    query = _fold(text).removesuffix("省").removesuffix("市").strip()
    if query == ALL_SCOPES:
        if allow_all:
            return ALL_SCOPES
        raise UsageError(
            f"all scopes at once are not available here; choose one of {_named(known)}"
        )
    if query in known:
        return query
    for scope_id, names in SCOPE_NAMES.items():
        if scope_id in known and query in {_fold(n) for n in names}:
            return scope_id
    raise UsageError(f"unknown scope {text!r}; choose from {_named(known)}")


def resolve_scopes(
    dataset: Dataset, texts: str | Iterable[str] | None, allow_all: bool = False
) -> list[str]:
    """The scope ids for one scope or several (each as `resolve_scope` reads it), in
    order, without repeats; [ALL_SCOPES] when one of them is `all`; the default scope
    for None or none."""
    given = [texts] if isinstance(texts, str) else list(texts or [])
    found = [resolve_scope(dataset, text, allow_all) for text in given]
    if ALL_SCOPES in found:
        return [ALL_SCOPES]
    return list(dict.fromkeys(found)) or [DEFAULT_SCOPE]


def _named(known: list[str]) -> str:
    return ", ".join(f"{s} ({SCOPE_NAMES[s][1]})" if s in SCOPE_NAMES else s for s in known)


def _listing(dataset: Dataset, scope: str) -> str:
    """The years and ids of the documents of `scope` (scopes joined by commas, or all)."""
    scopes = scope.split(",")
    in_scope = sorted(
        (d.year, d.id)
        for d in dataset.documents.values()
        if d.scope in scopes or scope == ALL_SCOPES
    )
    return ", ".join(f"{year} ({doc_id})" for year, doc_id in in_scope) or "none"


def resolve_document(
    dataset: Dataset, ref: str, scope: str | Iterable[str] | None = DEFAULT_SCOPE
) -> Document:
    """A document by id, or by year within `scope` (one scope or several; any scope for
    `all`)."""
    ref = ref.strip()
    if ref in dataset.documents:
        return dataset.documents[ref]
    chosen = resolve_scopes(dataset, scope, allow_all=True)
    scope = ",".join(chosen)
    if re.fullmatch(r"\d{4}", ref):
        found = [
            d
            for d in dataset.documents.values()
            if (d.scope in chosen or scope == ALL_SCOPES) and d.year == int(ref)
        ]
        if len(found) == 1:
            return found[0]
        whose = "" if scope == ALL_SCOPES else f"{scope} "
        if found:
            ids = sorted(d.id for d in found)
            raise Ambiguous(
                "year",
                ref,
                [(i, "") for i in ids],
                len(ids),
                f"{len(found)} {whose}documents are from {ref}: {', '.join(ids)}; name one by id",
                scope=scope,
            )
        holder = "the documents are from" if scope == ALL_SCOPES else f"{scope} has"
        listing = _listing(dataset, scope)
        raise NotFound(
            "year",
            ref,
            f"no {whose}document from {ref}; {holder} {listing}",
            choices=[] if listing == "none" else listing.split(", "),
            scope=scope,
        )
    close = difflib.get_close_matches(ref, list(dataset.documents), n=3, cutoff=0.4)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    ids = sorted(dataset.documents)
    raise NotFound(
        "document",
        ref,
        f"unknown document {ref!r}; {hint}give a year or one of: {', '.join(ids)}",
        suggestions=close,
        choices=ids,
    )


# The 2018 plan is written in Taiwan's vocabulary, which character conversion leaves
# as it is; these words are folded to the mainland ones (after Traditional → Simplified),
# in queries and names alike. Longer words first, so 网际网路 is not read as 网路.
TAIWAN_WORDS = (
    ("网际网路", "互联网"),
    ("行动电话", "移动电话"),
    ("最佳化", "优化"),
    ("智慧型", "智能"),
    ("数位", "数字"),
    ("宽频", "宽带"),
    ("软体", "软件"),
    ("资讯", "信息"),
    ("网路", "网络"),
    ("套用", "应用"),
)
# Patterns, not compiled here: `re` compiles them on first use (a class over Chinese
# ranges takes 1.5 ms to compile), so that a run that folds only Latin text never pays.
_CJK_RUN = r"[\u3400-\u9fff\uf900-\ufaff]+"
_SEPARATORS = r"[\s\-_/,.;:!?()\[\]{}\"'“”‘’·、，。；：！？（）《》]+"


def _fold(text: str) -> str:
    """The form names and queries are matched in: NFKC, case-folded, Traditional →
    Simplified, Taiwan words → mainland words, punctuation and hyphens → one space."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii() and re.search(_CJK_RUN, text):
        from .quotes import normalize_text

        text = re.sub(_CJK_RUN, lambda run: normalize_text(run.group()), text)
        for taiwan, mainland in TAIWAN_WORDS:
            text = text.replace(taiwan, mainland)
    return re.sub(_SEPARATORS, " ", text).strip()


def _names(indicator: Indicator) -> list[str]:
    return [indicator.id, indicator.name_en, indicator.name_zh, *indicator.aliases]


def _category_names(indicator: Indicator) -> list[str]:
    return [indicator.category, CATEGORY_NAMES_ZH.get(indicator.category, "")]


def _word_matches(word: str, haystack: str) -> bool:
    """A word of one or two Latin letters or digits matches only at the start of a word
    ("ai", not the "ai" inside "chain"); a longer one, or a Chinese one, anywhere, since
    Chinese has no spaces between words and names run words together (10G-PON)."""
    if len(word) <= 2 and re.fullmatch(r"[a-z0-9]+", word):
        return re.search(r"(?<![a-z0-9])" + re.escape(word), haystack) is not None
    return word in haystack


# Units as the catalogue and the normalized figures write them, and the words people
# search them by: EFLOPS finds total compute, and so does exaflops.
UNIT_WORDS = {
    "EFLOPS": "exaflops",
    "PFLOPS": "petaflops",
    "TFLOPS": "teraflops",
    "E": "EFLOPS exaflops",
    "G": "gigabit",
    "Mbps": "megabits per second",
    "Gbps": "gigabits per second",
    "GW": "gigawatts",
    "%": "percent per cent share",
    "pp/yr": "percentage points per year",
    "yuan": "元 renminbi",
    "亿元": "yuan",
    "class hours": "学时",
    "stars": "星级",
}


def _units(dataset: Dataset) -> dict[str, set[str]]:
    """Each indicator's units: the catalogue's, and those its figures normalize to."""
    found = {i.id: {i.unit} for i in dataset.indicators.values()}
    for target in dataset.targets:
        if target.normalized_unit and target.indicator in found:
            found[target.indicator].add(target.normalized_unit)
    return found


def _unit_names(units: set[str]) -> list[str]:
    return [name for unit in sorted(units) for name in (unit, UNIT_WORDS.get(unit, ""))]


def _singular(word: str) -> str:
    """An English word without its plural ending, so that a query and a name match in
    either number: communities → community, enterprises → enterprise, boxes → box.
    Chinese, short words and abbreviations without a vowel (gbps) stay as they are."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    if not any(vowel in word for vowel in "aeiouy"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _singulars(text: str) -> str:
    return " ".join(_singular(word) for word in text.split())


def _matching(dataset: Dataset, text: str, categories: bool) -> tuple[list, list]:
    """(exact, partial): indicators one of whose names is the query, and those whose
    names (and, with `categories`, category names, units and their words) contain every
    word of it, in the singular or the plural."""
    query = _fold(text)
    words = _singulars(query).split()
    units = _units(dataset) if categories else {}
    exact, partial = [], []
    for indicator in dataset.indicators.values():
        names = [_fold(n) for n in _names(indicator)]
        if query in names:
            exact.append(indicator)
            continue
        if categories:
            names += [_fold(n) for n in _category_names(indicator)]
            names += [_fold(n) for n in _unit_names(units[indicator.id])]
        haystack = " | ".join(_singulars(name) for name in names)
        # Every word of the query, or the query as a whole (g pon, inside 10g pon).
        whole = len(query) > 2 and " ".join(words) in haystack
        if whole or words and all(_word_matches(word, haystack) for word in words):
            partial.append(indicator)
    return exact, partial


def find_indicators(dataset: Dataset, text: str) -> list[Indicator]:
    """Every indicator that matches `text`: one of its names is `text`, or its names
    and category contain every word of `text`, in English, 简体 or 繁體 (including the
    2018 plan's Taiwan-style vocabulary: 數位經濟 finds 数字经济). Exact matches first."""
    exact, partial = _matching(dataset, text, categories=True)
    return exact + partial


def resolve_indicator(dataset: Dataset, text: str) -> Indicator:
    """Exactly one indicator for `text`, or a UsageError that lists the candidates."""
    exact, partial = _matching(dataset, text, categories=False)
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if found:
        candidates = [(i.id, i.name_zh) for i in found[:8]]
        names = ", ".join(f"{i} ({name})" for i, name in candidates)
        more = f" and {len(found) - 8} more" if len(found) > 8 else ""
        raise Ambiguous(
            "indicator",
            text,
            candidates,
            len(found),
            f"{text!r} matches {len(found)} indicators: {names}{more}; be more specific",
        )
    all_names = {n: i.id for i in dataset.indicators.values() for n in _names(i)}
    close = difflib.get_close_matches(text, list(all_names), n=3, cutoff=0.5)
    ids = list(dict.fromkeys(all_names[n] for n in close))
    hint = f"; did you mean {', '.join(ids)}?" if ids else ""
    raise NotFound("indicator", text, f"unknown indicator {text!r}{hint}", suggestions=ids)
