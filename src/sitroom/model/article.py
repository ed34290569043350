"""The two article records: what a reader produced, and what the stages annotate."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sitroom.model.annotations import (
    DistanceClaim,
    Entity,
    Event,
    Place,
    Quantity,
    Sentence,
    Statement,
    TimeExpression,
    Token,
)


@dataclass(frozen=True, slots=True)
class Hints:
    """Metadata that came with the input (JSONL fields, WARC headers), not read from the text."""

    url: str | None = None
    title: str | None = None
    published: str | None = None  # as given; the clean step normalises it
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    retrieved: str | None = None  # when this copy was fetched (WARC-Date): nothing is published later


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input document after decoding, before cleaning.

    `id` is a hash of the decoded content (plus the source when the content is empty),
    so the same input read twice gets the same id.
    """

    id: str
    source: str
    kind: str  # text | html
    content: str
    hints: Hints = field(default_factory=Hints)
    problem: str | None = None  # set by a reader that could not use the input
    notes: tuple[str, ...] = ()  # non-fatal reader remarks, carried into Article.problems


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its clean body and every annotation as spans into that body."""

    id: str
    source: str
    body: str
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    wire: str | None = None  # wire credit kept from the text, e.g. "Yonhap"
    published: str | None = None  # YYYY-MM-DD
    published_basis: str | None = None  # metadata | text | inferred | None
    published_confidence: float | None = None  # set with basis "inferred": how sure the inference is
    retrieved: str | None = None  # from Hints.retrieved: the upper bound for an inferred date
    language: str | None = None
    captions: tuple[str, ...] = ()
    rejected: str | None = None  # None, or why this is not usable as an article
    problems: tuple[str, ...] = ()  # non-fatal stage failures, "stage: message"
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    places: tuple[Place, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    distances: tuple[DistanceClaim, ...] = ()  # stated distances between places (PlaceStage)

    def evolve(self, **changes: Any) -> Article:
        """A copy with some fields replaced: stages never mutate their input."""
        return replace(self, **changes)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains a character offset (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            sentence = self.sentences[mid]
            if offset < sentence.start:
                hi = mid
            elif offset >= sentence.end:
                lo = mid + 1
            else:
                return sentence
        return None

