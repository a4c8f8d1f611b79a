"""Options that several commands share, with their choices from the vocabulary, so that
`--help` lists the choices and a wrong value is refused before any work is done."""

from __future__ import annotations

from typing import Annotated

import typer

from policy_targets.comparisons.vocabulary import Category, Language

LangOption = Annotated[
    Language, typer.Option("--lang", help="Indicator names in English or Chinese.")
]
CategoryOption = Annotated[
    Category | None, typer.Option("--category", help="Only indicators of this category.")
]
