"""Lookups by offset over one article's spans: the entities, places or statements that start inside a
range, or that cover an offset, found by bisection.

The stages ask such questions once per sentence or per mention. Scanning the whole article each time
made them quadratic: seconds on a news story, hours on a transcript or a report of 20,000 sentences.
Answers keep the article's own order, so a stage that takes the first match gets the same one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Generic, TypeVar

from sitroom.model.annotations import Entity, Place, Quantity, Sentence, Statement
from sitroom.model.article import Article

T = TypeVar("T")


class ByOffset(Generic[T]):
    """Items ordered by their start offset, each with its end (items without both are left out)."""

    def __init__(
        self, items: Iterable[T], start: Callable[[T], int | None], end: Callable[[T], int | None]
    ) -> None:
        keyed = []
        for order, item in enumerate(items):
            begin, stop = start(item), end(item)
            if begin is not None and stop is not None:
                keyed.append((begin, order, stop, item))
        keyed.sort(key=lambda row: (row[0], row[1]))
        self._starts = [row[0] for row in keyed]
        self._rows = [(row[1], row[2], row[3]) for row in keyed]
        self._longest = max((row[2] - row[0] for row in keyed), default=0)

    def starting(self, start: int, end: int) -> list[T]:
        """Items that start in [start, end), in the article's order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [item for _, _, item in sorted(self._rows[lo:hi], key=_order)]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items whose span shares a character with [start, end), in the article's order."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [item for _, stop, item in sorted(self._rows[lo:hi], key=_order) if stop > start]


def _order(row: tuple[int, int, object]) -> int:
    return row[0]


class ArticleLookup:
    """The lookups of one article, each built the first time it is asked for."""

    def __init__(self, article: Article) -> None:
        self.article = article

    @cached_property
    def entities(self) -> ByOffset[Entity]:
        return ByOffset(self.article.entities, lambda e: e.start, lambda e: e.end)

    @cached_property
    def places(self) -> ByOffset[Place]:
        return ByOffset(self.article.places, lambda p: p.start, lambda p: p.end)

    @cached_property
    def quantities(self) -> ByOffset[Quantity]:
        return ByOffset(self.article.quantities, lambda q: q.start, lambda q: q.end)

    @cached_property
    def statements(self) -> ByOffset[Statement]:
        """Statements by their content's span."""
        return ByOffset(self.article.statements, lambda s: s.start, lambda s: s.end)

    @cached_property
    def speakers(self) -> ByOffset[Statement]:
        """Statements by their speaker's span (those with a speaker in the text)."""
        return ByOffset(self.article.statements, lambda s: s.speaker_start, lambda s: s.speaker_end)

    @cached_property
    def sentence_ends(self) -> list[int]:
        return [s.end for s in self.article.sentences]

    def sentences_before(self, offset: int) -> tuple[Sentence, ...]:
        """The sentences that end at or before the offset, in order."""
        return self.article.sentences[: bisect.bisect_right(self.sentence_ends, offset)]

    @cached_property
    def place_names(self) -> frozenset[str]:
        """The texts of the entities tagged as places (GPE, LOC)."""
        return frozenset(e.text for e in self.article.entities if e.label in ("GPE", "LOC"))

    @cached_property
    def by_speaker(self) -> dict[str, list[Statement]]:
        """Statements by their speaker's resolved name, in the article's order."""
        found: dict[str, list[Statement]] = {}
        for statement in self.article.statements:
            if statement.speaker_resolved:
                found.setdefault(statement.speaker_resolved, []).append(statement)
        return found


R = TypeVar("R")


def per_article(build: Callable[[Article], R]) -> Callable[[Article], R]:
    """`build(article)`, computed once for the article object in hand: a stage asks many times about
    the article it is reading, and articles are immutable, so the answer stays true. Only the last
    article's answer is kept."""
    last: list[tuple[Article, R]] = []

    def cached(article: Article) -> R:
        hit = last[0] if last else None  # read once: another thread may replace it meanwhile
        if hit is None or hit[0] is not article:
            hit = (article, build(article))
            last[:] = [hit]
        return hit[1]

    return cached


lookup = per_article(ArticleLookup)
