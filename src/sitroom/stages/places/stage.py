"""PlaceStage: find place mentions, resolve them against the offline gazetteer, check stated distances."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from sitroom.config import Settings
from sitroom.gazetteer import Gazetteer, LazyGazetteer, gazetteer_path
from sitroom.model import Article, Place
from sitroom.stages.places.distances import distance_claims
from sitroom.stages.places.mentions import find_mentions
from sitroom.stages.places.relabel import mislabelled_places, relabel
from sitroom.stages.places.resolve import Mention, Resolution, resolve

_DATELINE_PART = re.compile(r"[^\W\d_][^,;/\u2013\u2014()]*[^\W\d_]|[^\W\d_]")


class PlaceStage:
    """Places with kind, ISO alpha-3 country and coordinates; each one's span is its mention text."""

    name: ClassVar[str] = "places"
    version: ClassVar[str] = "13"  # 13: Jenin, Bethlehem; 12: conflict places, "Congo"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "tokens", "entities")
    # Towns the model took for people or organisations get their entity label corrected here.
    assigns: ClassVar[tuple[str, ...]] = ("places", "distances", "entities")

    def __init__(self, settings: Settings) -> None:
        self.path = gazetteer_path(settings)
        self._gazetteer = LazyGazetteer(self.path)

    @property
    def gazetteer(self) -> Gazetteer:
        """Opened on first use, and built first if missing (once per machine, under a file lock)."""
        return self._gazetteer.get()

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.body:
            return article
        mislabelled = mislabelled_places(article, self.gazetteer)
        mentions = _with_dateline(article, find_mentions(article, self.gazetteer, mislabelled))
        places = [p for p in self._places(mentions, _dateline_mentions(article.dateline)) if p is not None]
        return article.evolve(
            places=tuple(places),
            distances=tuple(distance_claims(article, places)),
            entities=relabel(article.entities, places, mislabelled),
        )

    def resolve_spans(self, body: str, spans: Sequence[tuple[int, int]]) -> list[Place | None]:
        """Resolve given mention spans (the gold-span evaluation track), in the order given."""
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        mentions = [Mention(spans[i][0], spans[i][1], body[spans[i][0] : spans[i][1]]) for i in order]
        resolved = self._places(mentions)
        result: list[Place | None] = [None] * len(spans)
        for i, place in zip(order, resolved, strict=True):
            result[i] = place
        return result

    def _places(self, mentions: Sequence[Mention], context: Sequence[Mention] = ()) -> list[Place | None]:
        """Resolve `mentions`; `context` mentions (the dateline) vote but yield no place."""
        resolutions = resolve([*context, *mentions], self.gazetteer)[len(context) :]
        return [_place(m, r) if r else None for m, r in zip(mentions, resolutions, strict=True)]


def _dateline_mentions(dateline: str | None) -> list[Mention]:
    """'VLADIVOSTOK, Russia' as context: offsets before the body keep its parts adjacent, so the
    second part counts as the first one's container."""
    if not dateline:
        return []
    dateline = dateline.split("(")[0]  # "(AP)", "(Reuters)": a wire credit, not a place
    base = -len(dateline) - 1
    return [
        Mention(base + part.start(), base + part.end(), part.group())
        for part in _DATELINE_PART.finditer(dateline)
    ]


def _with_dateline(article: Article, mentions: list[Mention]) -> list[Mention]:
    """The dateline's parts where the body opens with it ("CHISINAU, Moldova -- ..."), as mentions of
    their own when the tagger missed them (all capitals): the city a story is filed from is a place
    in it, and a finer one than its country."""
    dateline = (article.dateline or "").split("(")[0].strip()
    if not dateline or not article.body.startswith(dateline):
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added = [
        Mention(part.start(), part.end(), part.group())
        for part in _DATELINE_PART.finditer(dateline)
        if not any(s < part.end() and part.start() < e for s, e in taken)
    ]
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _place(mention: Mention, resolution: Resolution) -> Place:
    candidate = resolution.candidate
    return Place(
        start=mention.start,
        end=mention.end,
        name=candidate.name,
        lat=candidate.lat,
        lon=candidate.lon,
        country=candidate.country,
        kind=candidate.kind,
        geonames_id=candidate.geonames_id,
        confidence=resolution.confidence,
    )
