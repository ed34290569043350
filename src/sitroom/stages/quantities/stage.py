"""QuantityStage: one record per figure, with its qualifier, range, counted noun and scope, the
statement that reports it and the date it refers to.

"at least 3,000 troops were deployed" -> value 3000, qualifier "at least", unit "troops",
scope "deployed" (from the verb that governs the counted noun and the modals around it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import Article, Quantity, Sentence, Token
from sitroom.stages.quantities.context import with_context
from sitroom.stages.quantities.counted import counted_noun, number_token, scope_of
from sitroom.stages.quantities.numbers import (
    FIGURE,
    MEASURES,
    UNIT_NAMES,
    not_a_figure,
    number_value,
    qualifier_before,
    vague_floor,
)
from sitroom.stages.quantities.singular import singular_people


class QuantityStage:
    """Numbers with qualifier, range, counted noun and scope, one record per figure.

    Statements and time expressions, when earlier stages filled them, give each figure its source
    statement and as-of date; without them the figures are still found (so they are not required).
    """

    name: ClassVar[str] = "quantities"
    version: ClassVar[str] = "8"  # 8: a noun left off ("and wounded 56"); 7: dozens, plural names
    requires: ClassVar[tuple[str, ...]] = ("sentences", "tokens")
    assigns: ClassVar[tuple[str, ...]] = ("quantities",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.body:
            return article
        # Dates and times found by the date stage are not figures (durations may be).
        busy = [(t.start, t.end) for t in article.timexes if t.kind != "duration"]
        found: list[Quantity] = []
        for sentence in article.sentences:
            found.extend(sentence_quantities(article, sentence, busy))
        return article.evolve(quantities=tuple(with_context(article, found)))


def sentence_quantities(article: Article, sentence: Sentence, busy: list[tuple[int, int]]) -> list[Quantity]:
    """Every figure in one sentence that is not a date, a clock time, a year or part of a name."""
    body, found = article.body, []
    lo = bisect_left(article.tokens, sentence.start, key=lambda t: t.start)
    hi = bisect_left(article.tokens, sentence.end, key=lambda t: t.start)
    tokens = [(i, article.tokens[i]) for i in range(lo, hi)]
    for match in FIGURE.finditer(body, sentence.start, sentence.end):
        start, end = match.span()
        if not match.group(0).strip() or not_a_figure(body, match):
            continue
        if any(s < end and start < e for s, e in busy):
            continue
        quantity = build(article, match, tokens)
        if quantity is not None:
            found.append(quantity)
    found = _partitive_units(body, found)
    found += singular_people(article, tokens, found)
    return sorted(found, key=lambda q: q.start)


# "approximately 1,500 of them": a share of what an earlier figure in the sentence counted
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)


# "killed 12 people and wounded 56", "lost 850,000 troops ..., including 1,230 in the past day"
_ELLIPSIS = re.compile(r"(?:\band\s+\w+ed|\bincluding|\bof whom|\bamong them)\s+$", re.IGNORECASE)
_NO_NOUN = re.compile(r"\s*(?:[,.;:)]|\s(?:in|on|at|over|during|since|of whom|among)\b|$)")


def _partitive_units(body: str, found: list[Quantity]) -> list[Quantity]:
    """A figure that counts "of them" counts what the figure before it in the sentence counted; so does a
    bare one the sentence leaves its noun off ("killed 12 people and wounded 56")."""
    result: list[Quantity] = []
    for quantity in found:
        before = [q.unit for q in result if q.unit is not None and q.unit not in MEASURES]
        partitive = _OF_THEM.match(body, quantity.end)
        elided = _ELLIPSIS.search(body, max(0, quantity.start - 20), quantity.start) and _NO_NOUN.match(
            body, quantity.end)
        if quantity.unit is None and before and (partitive or elided) and quantity.value is not None:
            quantity = replace(quantity, unit=before[-1])
        result.append(quantity)
    return result


def build(article: Article, match: re.Match[str], tokens: list[tuple[int, Token]]) -> Quantity | None:
    body = article.body
    value = low = high = None
    if match.group("n"):
        value = number_value(match.group("n"))
        low = vague_floor(match.group("n"))
        if value is None and low is None:
            return None
    else:
        first, second = (
            (match.group("b1"), match.group("b2"))
            if match.group("b1")
            else (match.group("r1"), match.group("r2"))
        )
        low, high = number_value(first), number_value(second)
        if low is None or high is None or high <= low:
            # "twenty-five" reads as a range of twenty to five: it is one number
            value, low, high = (
                number_value(body[match.start() : match.end("r2") if match.group("r2") else match.end()]),
                None,
                None,
            )
            if value is None:
                return None
    start, qualifier = qualifier_before(body, match.start())
    end = match.end()
    unit_text = (match.group("unit") or "").strip().lower()
    unit = UNIT_NAMES.get(unit_text, unit_text) or None
    head = number_token(tokens, match)
    if unit is None:
        noun = counted_noun(body, match.end(), tokens)
        if noun is not None:
            unit, end, head = noun[0], noun[1], noun[2]
    # Distances and shares are measurements: the verb around them says nothing about their scope.
    scope = scope_of(article, head) if head is not None and unit not in MEASURES else None
    if scope is None and qualifier == "about" and re.search(r"estimated\s*$", body[start : match.start()]):
        scope = "estimated"
    if (
        unit is None
        and qualifier is None
        and scope is None
        and match.group(0).strip().lower() in ("one", "two")
    ):
        return None  # a bare "one" ("the last one", "divides it in two") stands for a noun
    return Quantity(start, end, body[start:end], value, low, high, unit, qualifier, scope)
