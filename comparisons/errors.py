"""Typed errors. The CLI turns each into a one-line message and an exit status."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with the data, located in a file; problems sort by place."""

    path: str
    line: int
    column: int
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        text = f"{text} — {self.fix}" if self.fix else text
        # One problem, one line: a line break inside a quoted key or quote is shown escaped.
        return text.replace("\r", "\\r").replace("\n", "\\n")


class PolicyError(Exception):
    """Base class of every error the library raises on purpose."""


class DataError(PolicyError):
    """The dataset is invalid; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(PolicyError):
    """The user asked for something that does not exist or makes no sense."""


class ChoiceError(UsageError):
    """A value outside a fixed set of choices: what was asked for, the value, the choices.
    The CLI words it with the name of its option."""

    def __init__(self, what: str, value: str, choices: list[str]):
        self.what, self.value, self.choices = what, value, list(choices)
        super().__init__(f"unknown {what} {value!r}; choose from {', '.join(self.choices)}")


class NotFound(UsageError):
    """Nothing of a kind answers to `value`. `what`: "indicator", "document" (an id),
    or "year" (no document of `scope` from that year). `suggestions`: close names;
    `choices`: what there is (document ids; for a year, "2023 (2023-work-points)").
    The CLI words it (in Chinese too) and adds where to find the full list."""

    def __init__(
        self,
        what: str,
        value: str,
        message: str,
        suggestions: list[str] | None = None,
        choices: list[str] | None = None,
        scope: str | None = None,
    ):
        self.what, self.value, self.scope = what, value, scope
        self.suggestions, self.choices = list(suggestions or []), list(choices or [])
        super().__init__(message)


class Ambiguous(UsageError):
    """Several of a kind answer to `value`: `what` is "indicator" (a name) or "year"
    (documents of `scope` from one year); `candidates` are (id, label) pairs, label
    possibly empty; `count` how many there are in all."""

    def __init__(
        self,
        what: str,
        value: str,
        candidates: list[tuple[str, str]],
        count: int,
        message: str,
        scope: str | None = None,
    ):
        self.what, self.value, self.scope = what, value, scope
        self.candidates, self.count = list(candidates), count
        super().__init__(message)


class UnitError(PolicyError):
    """A unit string that the registry cannot parse."""
