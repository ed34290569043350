"""Helpers for the event tests on invented sentences: the events of one sentence run through every
stage, and an event's actors as written."""

from __future__ import annotations

from functools import cache
from typing import Any

from sitroom.config import Settings
from sitroom.model import Article, Event
from sitroom.pipeline import load_stage_classes
from tests.stages.test_events import _full

PUBLISHED = "2026-10-15"  # a Thursday


@cache
def _pipeline() -> list[Any]:
    settings = Settings()
    return [cls(settings) for cls in load_stage_classes()]


def pipeline_events(text: str, published: str | None = PUBLISHED) -> list[Event]:
    """The events of an article read by the whole pipeline, places and dates included."""
    article = Article(id="t", source="test", body=text, published=published)
    for stage in _pipeline():
        article = stage(article)
    return list(article.events)


def events_of(text: str) -> list[Event]:
    return list(_full(text).events)


def actors_of(event: Event) -> tuple[str | None, str | None]:
    source, target = event.source_actor, event.target_actor
    return (source.text if source else None, target.text if target else None)
