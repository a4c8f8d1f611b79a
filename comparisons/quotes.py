"""Normalizing quotes and source texts so that one can be found in the other.

Both sides go through the same steps, documented in targets/README.md:
1. Unicode NFKC, which folds full-width letters, digits and punctuation to half-width
   (，→ , （→ ( ：→ :) and the ideographic space to a space;
2. removal of inline pinyin annotations such as `(shu)` or `(fā)`, which the 2025 work
   points carry after many characters and the 2023 work points after a few;
3. Traditional → Simplified with OpenCC's t2s (character by character; the 2018 plan's
   Taiwan vocabulary such as 套用 stays as it is);
4. removal of whitespace, which scraping scatters through the texts; only between two
   digits is a single space kept, so that "2021-10-12 661人读过" does not become one number.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

# A parenthesised run of lower-case Latin letters, with or without tone marks.
PINYIN = re.compile(r"\([a-zü\u00e0-\u00fc\u0100-\u01dc\u0300-\u036f]+\)")
_SPACE = re.compile(r"\s+")
_DIGIT_SPACE = re.compile(r"(?<=\d)\s+(?=\d)")
# Curly quotes are left alone by NFKC; fold them so either form matches.
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def normalize_text(text: str) -> str:
    """The comparable form of a quote or a source text."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    text = PINYIN.sub("", text)
    text = _converter().convert(text)
    text = _DIGIT_SPACE.sub("\0", text)
    return _SPACE.sub("", text).replace("\0", " ")


@dataclass(frozen=True)
class NormalizedSource:
    """A source text in comparable form, with a map back to original line numbers."""

    text: str
    line_starts: tuple[int, ...]  # offset in `text` where each original line begins

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)


def normalize_source(raw: str) -> NormalizedSource:
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for line in raw.splitlines():
        starts.append(length)
        normalized = normalize_text(line)
        if parts and parts[-1][-1:].isdigit() and normalized[:1].isdigit():
            normalized = " " + normalized
        parts.append(normalized)
        length += len(normalized)
    return NormalizedSource("".join(parts), tuple(starts))
