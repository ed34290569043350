"""Cross-article steps: pure functions over stored articles (dedup, storylines, discrepancies)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.corpus.dedup import find_duplicates
from sitroom.corpus.discrepancies import find_discrepancies
from sitroom.corpus.people import group_statements, merge_entities
from sitroom.corpus.stories import build_stories
from sitroom.model import Article
from sitroom.model.corpus import Discrepancy, Duplicate, MergedEntity, StatementGroup, Story


@dataclass(frozen=True)
class CorpusView:
    duplicates: list[Duplicate]
    stories: list[Story]
    discrepancies: list[Discrepancy]
    entities: list[MergedEntity]
    statement_groups: list[StatementGroup]


def analyse(articles: Sequence[Article]) -> CorpusView:
    """Recompute every corpus record from the articles (cheap at laptop scale; re-run after each run)."""
    duplicates = find_duplicates(articles)
    stories = build_stories(articles, duplicates)
    discrepancies = find_discrepancies(articles, stories, duplicates)
    entities = merge_entities(articles, stories)
    return CorpusView(duplicates, stories, discrepancies, entities, group_statements(articles, entities))
