"""--format html: one self-contained page, rendered by Jinja2 with autoescaping.

A command's `Report.page` builds the page's context from the command's `to_dict()`
result (the JSON shape), adding only what the terminal's presentation functions make of
a record (`shown`: the figure as written, normalized, a change in words), so that a field
the library adds reaches the page with a line of template. Each command has one template
in `templates/` that extends `base.html.j2`; a report without a page context (documents,
indicators, show) gets `report.html.j2`, its summary and tables as the terminal has them.

The page fetches nothing: its CSS is inline, its charts are inline SVG, and its
Content-Security-Policy allows only that one style element (by its hash) and no script.
Every data string goes through Jinja2's autoescaping.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Any

from policy_targets.comparisons import __version__
from policy_targets.comparisons.vocabulary import (
    Ambition,
    Category,
    Comparator,
    DocumentKind,
    Kind,
    Measure,
    Status,
    Verdict,
)

from .labels import is_zh, reason, say, scope_name, term

TEMPLATES = Path(__file__).with_name("templates")

# Words only the page has: key → (English, Chinese).
PAGE_WORDS = {
    "made": (
        "Made on {today} by policy-targets {version} from {data}.",
        "由 policy-targets {version} 于 {today} 根据{data}生成。",
    ),
    "bundled": ("the dataset bundled with it", "其自带的数据集"),
    "data_dir": ("the data directory {name}", "数据目录 {name}"),
    "documents": ("Documents", "文件"),
    "contents": ("Contents", "目录"),
    "summary": ("Summary", "概要"),
    "issued": ("issued by {issuer}, {date}", "{issuer}发布，{date}"),
    "period": ("covers {start}–{end}", "涵盖{start}–{end}年"),
    "period_year": ("covers {start}", "涵盖{start}年"),
    "source_file": ("source text: {source}", "来源文本：{source}"),
    "quote": ("quote", "原文"),
    "note": ("curator's note", "整理者注"),
    "chart": ("Chart", "图表"),
    "stock": ("stock (level or cumulative)", "存量（含累计）"),
    "chart_note": (
        "Each chart joins only figures that measure alike; filled: target, hollow: baseline.",
        "每张图只连接计量相同的数值；实心：目标，空心：基数。",
    ),
    "compare_title": ("{before} → {after}", "{before} → {after}"),
    "trajectory_page": ("Trajectory: {name}", "指标轨迹：{name}"),
    "export_title": ("Every target of every document", "全部文件的全部目标"),
    "year_of": ("for {year}", "{year}年"),
    "reported": ("Figures reported as achieved", "报告的实际数值"),
    "as_of": ("As of", "截至"),
    "source": ("Source", "来源"),
}

# The vocabularies a template names a term by: term(row.verdict, "verdict").
VOCABULARIES = {
    "verdict": Verdict,
    "ambition": Ambition,
    "measure": Measure,
    "kind": Kind,
    "category": Category,
    "comparator": Comparator,
    "document_kind": DocumentKind,
    "status": Status,
}


def page_word(key: str, lang: str | None, **fields: object) -> str:
    english, chinese = PAGE_WORDS[key]
    return (chinese if is_zh(lang) else english).format(**fields)


def reason_text(found: Any) -> str:
    """A reason as English text: the library's reasons are strings, or objects
    `{"code": …, "text": "English sentence", …}`; notes likewise."""
    return found["text"] if isinstance(found, dict) else str(found)


def reason_words(found: Any, lang: str | None) -> str:
    """A reason in `lang`, as the terminal words it. Where the library gives reasons as
    data (comparisons/reasons.py), a reason object is worded from its code and parameters,
    never from its English text."""
    from policy_targets.comparisons.reasons import Reason
    from policy_targets.comparisons.vocabulary import ReasonCode

    text = reason_text(found)
    if not is_zh(lang):
        return text
    if not isinstance(found, dict) or found.get("code") not in set(ReasonCode):
        return text  # a note, or a reason without a code: as it is written
    params = {key: value for key, value in found.items() if key not in ("code", "text")}
    return reason(Reason(ReasonCode(found["code"]), params), lang)


def shown(target, lang: str | None) -> dict[str, str]:
    """What the terminal shows of a target record that the record itself cannot say: the
    figure as written with its comparator, and normalized in the unit of its dimension."""
    from .present import normalized, written

    return {"written": written(target), "normalized": normalized(target, lang)}


def with_shown(record: dict | None, target, lang: str | None) -> dict | None:
    """`record` (a target record of to_dict) with `shown` added, or None for no target."""
    if record is None:
        return None
    return {**record, "shown": shown(target, lang)}


def document_info(record: dict, lang: str | None) -> dict:
    """A document record of to_dict, with the title in `lang` and its secondary flag."""
    from policy_targets.comparisons.vocabulary import SECONDARY_KINDS

    zh = is_zh(lang)
    return {
        **record,
        "title": record["title_zh"] if zh else record["title_en"],
        "other_title": record["title_en"] if zh else record["title_zh"],
        "secondary": record["kind"] in SECONDARY_KINDS,
    }


def to_html(report, data_dir: Path | None = None) -> str:
    """The page of `report`: its own context if the command gave one, else its summary
    and tables. `data_dir`: the --data directory the page says it was made from (None:
    the bundled dataset)."""
    if report.page is not None:
        return render(**report.page(), data_dir=data_dir)
    return render(
        "report",
        report.lang,
        report.sections[0].title if report.sections else "policy",
        data_dir=data_dir,
        preamble=report.preamble,
        sections=report.sections,
    )


def render(
    template: str, lang: str | None, title: str, data_dir: Path | None = None, **context: Any
) -> str:
    """Render `templates/<template>.html.j2` in `lang` with `context`, the page's title,
    header, inline CSS and Content-Security-Policy."""
    import base64
    import hashlib

    from markupsafe import Markup

    css = _css()
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    data = data_dir
    where = (
        page_word("data_dir", lang, name=str(data))
        if data is not None
        else page_word("bundled", lang)
    )
    return (
        _environment()
        .get_template(f"{template}.html.j2")
        .render(
            **context,
            lang=lang,
            html_lang="zh-CN" if is_zh(lang) else "en",
            title=title,
            made=page_word(
                "made", lang, today=date.today().isoformat(), version=__version__, data=where
            ),
            version=__version__,
            # The one inline style element, allowed by its hash; nothing else may load or run.
            csp=(
                f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
                "base-uri 'none'; form-action 'none'"
            ),
            css=Markup(css),  # our own file, not data
            say=lambda key, **fields: say(key, lang, **fields),
            word=lambda key, **fields: page_word(key, lang, **fields),
            term=lambda value, vocabulary=None: term(value, lang, VOCABULARIES.get(vocabulary)),
            reason=lambda found: reason_words(found, lang),
            note=reason_text,
            scope=lambda value: scope_name(value, lang),
        )
    )


@functools.cache
def _css() -> str:
    return (TEMPLATES / "page.css").read_text(encoding="utf-8")


@functools.cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Every {{ }} is escaped, whatever the template's name ends in.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
