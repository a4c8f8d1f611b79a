"""The HTML page of each command: its template's context, from the command's `to_dict()`.

Each function returns the keyword arguments of `html.render`: the template's name, the
language, the title and the template's own context. A record gets only `shown` beside
its own fields (html.shown): what the terminal's presentation functions make of it.

A new command's page: a function here, a `templates/<name>.html.j2` that extends
`base.html.j2` and draws with `macros.html.j2` (a figure with its quote, a verdict,
reasons, notes, a document), and `page=` on the command's Report, built lazily.
"""

from __future__ import annotations

from policy_targets.comparisons.vocabulary import Verdict

from .html import document_info, page_word, with_shown
from .labels import say, scope_name, share_heading

# The sections of a diff, as the terminal has them: key, verdicts, columns.
DIFF_SECTIONS = [
    (
        "changes",
        (Verdict.raised, Verdict.lowered, Verdict.unchanged, Verdict.not_comparable),
        ["before", "after", "change", "verdict", "ambition", "why"],
    ),
    ("new", (Verdict.new,), ["after", "normalized", "verdict", "why"]),
    ("lapsed", (Verdict.lapsed,), ["before", "due", "verdict", "why", "status"]),
    ("not_restated", (Verdict.not_restated,), ["before", "verdict", "why", "status"]),
]


def compare_page(comparison, payload: dict, preamble: list[str], lang: str) -> dict:
    """`policy compare`: the two documents, the summary, then a table per section."""
    from .outcome_rows import status_text
    from .present import change_text, per_year
    from .progress import status_reason

    before, after = payload["before"], payload["after"]
    rows = []
    for row, record in zip(comparison.rows, payload["rows"], strict=True):
        change = row.change
        shown = {"change": "", "per_year": ""}
        if change:
            a = row.before
            shown = {
                "change": change_text(change, a.dimension, a.normalized_unit, lang),
                "per_year": per_year(change, lang),
            }
        # A lapsed or not-restated row: the earlier target's status and why.
        outcome = record.get("status")
        shown["status"] = status_text(outcome, lang)
        shown["status_reason"] = status_reason(outcome, lang) if outcome else ""
        rows.append(
            {
                **record,
                "before": with_shown(record["before"], row.before, lang),
                "after": with_shown(record["after"], row.after, lang),
                "shown": shown,
            }
        )
    headers = {
        key: say(key, lang) for key in ("change", "verdict", "ambition", "why", "due", "status")
    }
    headers |= {"before": before["id"], "after": after["id"], "normalized": say("normalized", lang)}
    if payload["aligned"]:
        sections = _aligned_sections(comparison, rows, headers, lang)
    else:
        titles = {
            "changes": say("changes", lang),
            "new": say("new", lang, after=after["id"]),
            "lapsed": say("lapsed", lang, before=before["id"], year=after["year"]),
            "not_restated": say("not_restated", lang, before=before["id"], year=after["year"]),
        }
        sections = []
        for key, verdicts, columns in DIFF_SECTIONS:
            chosen = [r for r in rows if r["verdict"] in verdicts]
            # Every reason is shown; a section none of whose rows has one has no Why.
            if not any(r["reasons"] for r in chosen):
                columns = [c for c in columns if c != "why"]
            sections.append(
                {
                    "key": key,
                    "title": titles[key],
                    "columns": columns,
                    "headers": headers,
                    "rows": chosen,
                }
            )
    return {
        "template": "compare",
        "lang": lang,
        "title": page_word("compare_title", lang, before=before["id"], after=after["id"]),
        "before": document_info(before, lang),
        "after": document_info(after, lang),
        "preamble": preamble,
        "sections": [s for s in sections if s["rows"]],
        "comparison": payload,
    }


def _aligned_sections(comparison, rows: list[dict], headers: dict, lang: str) -> list[dict]:
    """Documents of two scopes: shared, only the one, only the other."""
    before, after = comparison.before, comparison.after
    share = share_heading(before, after, lang)
    headers = {**headers, "share": share, "why": say("why_no_share", lang)}
    # A row's section by the figures it has: both (shared), or one scope's only.
    found = [
        ("shared", say("shared", lang), (True, True), ["before", "after", "share", "why"]),
        *(
            (f"only-{side}", say("only", lang, scope=scope_name(d.scope, lang), document=d.id))
            + (has, [side])
            for side, d, has in (("before", before, (True, False)), ("after", after, (False, True)))
        ),
    ]
    return [
        {
            "key": key,
            "title": title,
            "columns": columns,
            "headers": headers,
            "rows": [r for r in rows if (bool(r["before"]), bool(r["after"])) == has],
        }
        for key, title, has, columns in found
    ]


def trajectory_page(found: list, payloads: list[dict], lang: str) -> dict:
    """`policy trajectory`: per scope, its charts and a row per figure; then the
    documents the figures come from."""
    from policy_targets.comparisons.results import document_record

    from . import svg
    from .labels import say, term, unit_word
    from .outcome_rows import as_of_text
    from .present import change_text, per_year
    from .progress import status_reason
    from .trajectory import lower_than

    sections, documents = [], {}
    for trajectory, payload in zip(found, payloads, strict=True):
        points = []
        # The figures reported as achieved stand in a table of their own, by date.
        reported = [
            {**r, "when": as_of_text(r["as_of"], r["dated"], lang)}
            for r in payload["points"]
            if r.get("kind") == "reported"
        ]
        figures = [r for r in payload["points"] if r.get("kind") != "reported"]
        for point, record in zip(trajectory.points, figures, strict=True):
            target, step = point.target, point.step
            entry = with_shown(record, target, lang)
            change = step.change if step else None
            earlier = step.lower_than_earlier if step else None
            entry["shown"] |= {
                "change": (
                    change_text(change, target.dimension, target.normalized_unit, lang)
                    if change
                    else ""
                ),
                "per_year": per_year(change, lang),
                "lower_than": lower_than(earlier, lang) if earlier else "",
                # A target's status, its reason in the page's language.
                "status": status_reason(record["status"], lang) if record.get("status") else "",
            }
            points.append(entry)
            documents[point.document.id] = point.document
        for document in trajectory.without_figure:
            documents[document.id] = document
        charts = svg.charts(points)
        for chart in charts:
            measure = (
                page_word("stock", lang)
                if chart["measure"] == "stock"
                else term(chart["measure"], lang)
            )
            unit = unit_word(chart["unit"], lang)
            chart["label"] = f"{measure} · {unit}" if unit else measure
        indicator = trajectory.indicator
        sections.append(
            {
                **payload,
                "points": points,
                "reported": reported,
                "charts": charts,
                "title": say(
                    "trajectory_title",
                    lang,
                    name=indicator.name(lang),
                    id=indicator.id,
                    scope=scope_name(trajectory.scope, lang),
                ),
            }
        )
    ordered = sorted(documents.values(), key=lambda d: (d.year, d.id))
    name = found[0].indicator.name(lang)
    return {
        "template": "trajectory",
        "lang": lang,
        "title": page_word("trajectory_page", lang, name=name),
        "trajectories": sections,
        "documents": [document_info(document_record(d), lang) for d in ordered],
    }


def export_page(data, lang: str) -> dict:
    """`policy export`: a table of contents, every document's targets, then the
    indicators by year."""
    from policy_targets.comparisons.results import document_record, target_record

    from .export import _matrix

    documents = []
    for document in sorted(data.documents.values(), key=lambda d: (d.year, d.id)):
        rows = [
            with_shown(target_record(t, document, data.indicators[t.indicator]), t, lang)
            for t in data.targets_of(document.id)
        ]
        documents.append({**document_info(document_record(document), lang), "rows": rows})
    return {
        "template": "export",
        "lang": lang,
        "title": page_word("export_title", lang),
        "documents": documents,
        "matrix": _matrix(data, lang),
    }
