"""Where a figure comes from and when it holds: the statement that reports it and its as-of date.

The statement is the one whose content span holds the figure (the innermost when quotes nest).
The as-of date is the nearest dated time expression in the figure's sentence; without one, the
article's publication date stands in ("published"); without that, there is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from sitroom.model import Article, Quantity, Sentence, Statement, TimeExpression
from sitroom.model.lookup import ByOffset

# A calendar value (2024-10-18, XXXX-04-21, 2024-W42, 2024-10-18TMO); PAST_REF and friends are not.
_CALENDAR_VALUE = re.compile(r"^(?:\d{2,4}|XXXX)(?:-|$)")
# "since March": where a running count starts, not the date it holds at.
_PERIOD_START = re.compile(
    r"\b(?:since|from|starting|beginning)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE
)


def with_context(article: Article, quantities: Sequence[Quantity]) -> list[Quantity]:
    """Each figure with its source statement index and as-of date (with the basis for that date)."""
    dates = ByOffset(_dated(article), lambda t: t.start, lambda t: t.end)
    statements = ByOffset(list(enumerate(article.statements)), lambda p: p[1].start, lambda p: p[1].end)
    result = []
    for quantity in quantities:
        sentence = article.sentence_at(quantity.start)
        as_of = _sentence_date(quantity, sentence, dates) if sentence is not None else None
        basis = "sentence" if as_of else None
        if as_of is None and article.published:
            as_of, basis = article.published, "published"
        statement = source_statement(statements, quantity.start, quantity.end)
        result.append(replace(quantity, statement=statement, as_of=as_of, as_of_basis=basis))
    return result


def source_statement(statements: ByOffset[tuple[int, Statement]], start: int, end: int) -> int | None:
    """Index of the innermost statement whose content holds the span [start, end), else None."""
    holding = [(s.end - s.start, i) for i, s in statements.overlapping(start, max(end, start + 1))
               if s.start <= start and end <= s.end]  # fmt: skip
    return min(holding)[1] if holding else None


def calendar_dates(article: Article) -> list[TimeExpression]:
    """The article's dates and times that name a point on the calendar (not "now" or "recently")."""
    return [
        t
        for t in article.timexes
        if t.kind in ("date", "time") and t.value and _CALENDAR_VALUE.match(t.value)
    ]


def _dated(article: Article) -> list[TimeExpression]:
    """Calendar dates a figure can hold at: "since March" is where a running count starts."""
    body = article.body
    return [
        t for t in calendar_dates(article) if not _PERIOD_START.search(body[max(0, t.start - 16) : t.start])
    ]


def _sentence_date(quantity: Quantity, sentence: Sentence, dates: ByOffset[TimeExpression]) -> str | None:
    """The value of the dated expression in the sentence nearest to the figure."""
    inside = dates.starting(sentence.start, sentence.end)
    if not inside:
        return None

    def gap(t: TimeExpression) -> int:
        return max(t.start - quantity.end, quantity.start - t.end, 0)

    return min(inside, key=gap).value
