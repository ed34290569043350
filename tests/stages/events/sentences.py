"""Helpers for the event tests on invented sentences: the events of one sentence run through every
stage, and an event's actors as written."""

from __future__ import annotations

from sitroom.model import Event
from tests.stages.test_events import _full


def events_of(text: str) -> list[Event]:
    return list(_full(text).events)


def actors_of(event: Event) -> tuple[str | None, str | None]:
    source, target = event.source_actor, event.target_actor
    return (source.text if source else None, target.text if target else None)
