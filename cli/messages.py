"""The library's errors worded for people: in Chinese under `--lang zh` for those
people meet most (an unknown document, year or indicator, an ambiguous name, an output
file that exists); in English the library's own message, with where to look."""

from __future__ import annotations

from policy_targets.comparisons.errors import Ambiguous, NotFound, PolicyError, UsageError

from .labels import is_zh, scope_name


class OutputExists(UsageError):
    """An --output (or --plot) file exists and --force was not given."""

    def __init__(self, shown: str):
        self.shown = shown
        super().__init__(f"{shown} exists; pass --force to overwrite it")


def worded(exc: PolicyError, lang: str | None) -> str:
    """The one-line message of `exc` in `lang`."""
    if is_zh(lang):
        chinese = _chinese(exc)
        if chinese is not None:
            return chinese
    if isinstance(exc, NotFound) and exc.what == "indicator":
        return f"{exc} (`policy indicators` lists them all)"
    return str(exc)


def _whose(scope: str | None) -> str:
    """The scope of a year's documents in Chinese: 山东, or nothing for all scopes."""
    if not scope or scope == "all":
        return ""
    return "、".join(scope_name(s, "zh") for s in scope.split(","))


def _chinese(exc: PolicyError) -> str | None:
    if isinstance(exc, NotFound):
        hint = f"是否要找 {'、'.join(exc.suggestions)}？" if exc.suggestions else ""
        if exc.what == "indicator":
            hint = f"；{hint}" if hint else ""
            return f"未知指标 {exc.value!r}{hint}（`policy indicators` 列出全部指标）"
        if exc.what == "document":
            return (
                f"未知文件 {exc.value!r}；{hint}请给出年份或以下文件之一：{'、'.join(exc.choices)}"
            )
        if exc.what == "year":
            whose = _whose(exc.scope)
            there = "、".join(exc.choices) or "无"
            return f"没有{exc.value}年的{whose}文件；现有{whose}文件：{there}"
    if isinstance(exc, Ambiguous):
        if exc.what == "indicator":
            names = "、".join(f"{i}（{name}）" if name else i for i, name in exc.candidates)
            more = (
                f"等（另有{exc.count - len(exc.candidates)}项）"
                if exc.count > len(exc.candidates)
                else ""
            )
            return f"{exc.value!r} 对应{exc.count}项指标：{names}{more}；请写得更具体些"
        if exc.what == "year":
            ids = "、".join(i for i, _ in exc.candidates)
            return f"{exc.value}年有{exc.count}份{_whose(exc.scope)}文件：{ids}；请用编号指明其一"
    if isinstance(exc, OutputExists):
        return f"{exc.shown} 已存在；如要覆盖，请加 --force"
    return None
