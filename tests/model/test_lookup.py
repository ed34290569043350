"""Lookups by offset answer as a scan of the whole article would, in the article's order."""

from __future__ import annotations

import random

from sitroom.model import Entity, Sentence, Statement
from sitroom.model.lookup import ByOffset, lookup
from tests.factories import article


def _spans(seed: int, count: int = 300) -> list[Entity]:
    rng = random.Random(seed)
    spans = []
    for k in range(count):
        start = rng.randrange(0, 2000)
        spans.append(Entity(start, start + rng.randrange(1, 40), rng.choice(["GPE", "PERSON"]), f"e{k}"))
    rng.shuffle(spans)  # not in text order: answers must still follow the list's own order
    return spans


def test_starting_and_overlapping_match_a_scan() -> None:
    for seed in range(5):
        spans = _spans(seed)
        index = ByOffset(spans, lambda e: e.start, lambda e: e.end)
        rng = random.Random(100 + seed)
        for _ in range(200):
            lo = rng.randrange(-50, 2050)
            hi = lo + rng.randrange(1, 120)
            assert index.starting(lo, hi) == [e for e in spans if lo <= e.start < hi]
            assert index.overlapping(lo, hi) == [e for e in spans if e.start < hi and lo < e.end]


def test_items_without_a_span_are_left_out() -> None:
    said = [Statement(0, 5, "text", "Ana", "person", speaker_start=10, speaker_end=13),
            Statement(20, 25, "more", None, "unknown")]  # fmt: skip
    index = ByOffset(said, lambda s: s.speaker_start, lambda s: s.speaker_end)
    assert index.starting(0, 100) == said[:1]
    assert index.overlapping(11, 12) == said[:1]
    assert index.overlapping(13, 14) == []  # the end is exclusive


def test_one_lookup_per_article_object() -> None:
    first = article()
    assert lookup(first) is lookup(first)
    second = first.evolve(sentences=(Sentence(0, 10),))
    assert lookup(second) is not lookup(first)  # a changed article is read afresh
    assert lookup(second).sentences_before(10) == (Sentence(0, 10),)
    assert lookup(second).sentences_before(9) == ()
