"""The parse view's paragraph and quote-mark lookups answer as the plain string scans they replace."""

from __future__ import annotations

import random

from sitroom.model import Article
from sitroom.stages.statements.parse import Parse


def test_paragraphs_and_quote_marks_match_string_scans() -> None:
    pieces = ["a", "b", " ", "\n", "\n\n", "\n\n\n", "“", "”", '"']
    for seed in range(60):
        rng = random.Random(seed)
        body = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        parse = Parse(Article(id="x", source="test", body=body))
        for offset in range(len(body) + 1):
            start, end = body.rfind("\n\n", 0, offset), body.find("\n\n", offset)
            paragraph = (start + 2 if start >= 0 else 0, end if end >= 0 else len(body))
            assert parse.paragraph_of(offset) == paragraph
            for lo in range(0, offset + 1, 4):
                for mark in ("“", "”", '"'):
                    assert parse.quote_marks(mark, lo, offset) == body[lo:offset].count(mark)
