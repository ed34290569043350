"""A light view over the stored dependency parse: children, subtrees and offsets, no spaCy needed."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from sitroom.model import Article, Entity, Token


class Parse:
    """Token-level lookups for one article, built once per call."""

    def __init__(self, article: Article) -> None:
        self.body = article.body
        self.tokens: tuple[Token, ...] = article.tokens
        self.starts = [t.start for t in self.tokens]
        self.entities: tuple[Entity, ...] = article.entities
        self.entity_starts = [e.start for e in self.entities]
        self.sentences = article.sentences
        self.sentence_starts = [s.start for s in self.sentences]

    @cached_property
    def children(self) -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for i, token in enumerate(self.tokens):
            if token.head != i:
                kids[token.head].append(i)
        return kids

    def text(self, i: int) -> str:
        token = self.tokens[i]
        return self.body[token.start : token.end]

    def lower(self, i: int) -> str:
        return self.text(i).lower()

    def token_at(self, offset: int) -> int:
        """Index of the token that starts at or before the offset."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def subtree(self, i: int, skip: frozenset[str] = frozenset(), deep: bool = False) -> list[int]:
        """Token i and its descendants, leaving out children whose dependency is in `skip` (at any
        depth when `deep`)."""
        result = [i]
        stack = [c for c in self.children[i] if self.tokens[c].dep not in skip]
        while stack:
            j = stack.pop()
            result.append(j)
            stack.extend(c for c in self.children[j] if not deep or self.tokens[c].dep not in skip)
        return sorted(result)

    def span(self, indices: list[int]) -> tuple[int, int]:
        return self.tokens[min(indices)].start, self.tokens[max(indices)].end

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def entity_over(self, start: int, end: int, labels: frozenset[str]) -> Entity | None:
        """The first entity with one of `labels` inside [start, end)."""
        lo = bisect.bisect_left(self.entity_starts, start)
        for entity in self.entities[lo:]:
            if entity.start >= end:
                break
            if entity.end <= end and entity.label in labels:
                return entity
        return None

    def entity_at(self, i: int) -> Entity | None:
        """The entity that covers token i."""
        token = self.tokens[i]
        k = bisect.bisect_right(self.entity_starts, token.start) - 1
        if k >= 0 and self.entities[k].start <= token.start < self.entities[k].end:
            return self.entities[k]
        return None

    @cached_property
    def _breaks(self) -> list[int]:
        """Where each blank line ("\n\n", overlapping runs included) starts."""
        return [m.start() for m in re.finditer(r"(?=\n\n)", self.body)]

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        """The span of the paragraph holding the offset (found by bisection: asked for every cue)."""
        before = bisect.bisect_right(self._breaks, offset - 2) - 1  # the last break ending at or before it
        after = bisect.bisect_left(self._breaks, offset)
        start = self._breaks[before] + 2 if before >= 0 else 0
        return start, (self._breaks[after] if after < len(self._breaks) else len(self.body))

    @cached_property
    def _quote_marks(self) -> dict[str, list[int]]:
        marks: dict[str, list[int]] = {"“": [], "”": [], '"': []}
        for m in re.finditer(r"[“”\"]", self.body):
            marks[m.group(0)].append(m.start())
        return marks

    def quote_marks(self, mark: str, start: int, end: int) -> int:
        """How many of this quote mark (“, ” or \") the body has in [start, end)."""
        at = self._quote_marks[mark]
        return bisect.bisect_left(at, end) - bisect.bisect_left(at, start)
