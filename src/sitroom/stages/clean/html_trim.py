"""Page furniture the body extractor keeps at the edges of an article: bylines, dates, "Back to
blog", "Table of Contents" above it; share bars, tags, copyright and cookie notices below it."""

from __future__ import annotations

import re

from sitroom.stages.clean.dates import find_dates

MAX_WORDS = 12  # furniture lines are short; a longer line is text even if it mentions a date
EDGE = 4  # how many paragraphs at each edge are examined

_HEAD = re.compile(
    r"^(?:by\b|written by|reviewed by|fact[- ]checked by|posted by|(?:last\s+)?updated\b|published\b|"
    r"estimated reading time|\d+\s*min(?:ute)?s?\s+read|back to\b|skip\b|table of contents$|"
    r"home\s*[>/»›]|share\b|listen\b|print\b)",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"^(?:share\b|tags?:|filed under|categories:|©|copyright\b|all rights reserved|related\b|"
    r"this (?:website|site) uses cookies|we use cookies|(?:last\s+)?updated\b|read more\b|back to top)",
    re.IGNORECASE,
)


def trim_edges(body: str, byline: str | None) -> str:
    """Drop furniture paragraphs from the top and the bottom of an extracted body."""
    paragraphs = body.split("\n\n")
    start = 0
    while start < min(EDGE, len(paragraphs) - 1) and _is_head(paragraphs[start], byline):
        start += 1
    end = len(paragraphs)
    while end - 1 > start and len(paragraphs) - end < EDGE and _is_tail(paragraphs[end - 1]):
        end -= 1
    return "\n\n".join(paragraphs[start:end])


def _is_head(paragraph: str, byline: str | None) -> bool:
    words = paragraph.split()
    if not words or len(words) > MAX_WORDS:
        return False
    if byline and paragraph.strip(" .") == byline:
        return True
    return bool(_HEAD.match(paragraph)) or _only_a_date(paragraph)


def _is_tail(paragraph: str) -> bool:
    if not paragraph.split() or len(paragraph.split()) > MAX_WORDS:
        return False
    return bool(_TAIL.match(paragraph)) or _only_a_date(paragraph)


def _only_a_date(paragraph: str) -> bool:
    """A line that is a date and little else ("October 3, 2024", "Mon 4 May 2023 · 10:00")."""
    dates = find_dates(paragraph)
    if not dates:
        return False
    rest = paragraph[: dates[0][0]] + paragraph[dates[0][1] :]
    return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 2
