"""The v1 export records, built once from the store; exports, report and summary all read these.

Field lists follow docs/export-format.md and the JSON Schemas in docs/schemas/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sitroom.model import Actor, Article, DistanceClaim, Event, Place, Quantity, Statement
from sitroom.model.corpus import Discrepancy, Duplicate, MergedEntity, StatementGroup, Story
from sitroom.model.ids import annotation_id
from sitroom.store import queries
from sitroom.store.codec import to_dict

FILES = (
    "articles",
    "statements",
    "events",
    "places",
    "stories",
    "discrepancies",
    "entities",
    "statement_groups",
    "distances",
)


@dataclass
class Corpus:
    """Everything stored, as records: the one input of every publisher."""

    articles: list[Article]
    duplicates: list[Duplicate]
    stories: list[Story]
    discrepancies: list[Discrepancy]
    entities: list[MergedEntity] = field(default_factory=list)
    statement_groups: list[StatementGroup] = field(default_factory=list)
    story_of: dict[str, str] = field(default_factory=dict)
    copy_of: dict[str, str] = field(default_factory=dict)
    _statement_ids: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, conn: Any) -> Corpus:
        stories = queries.stories(conn)
        duplicates = queries.duplicates(conn)
        return cls(
            articles=list(queries.iter_articles(conn)),
            duplicates=duplicates,
            stories=stories,
            discrepancies=queries.discrepancies(conn),
            entities=queries.merged_entities(conn),
            statement_groups=queries.statement_groups(conn),
            story_of={aid: s.id for s in stories for aid in s.article_ids},
            copy_of={d.article_id: d.duplicate_of for d in duplicates},
        )

    @property
    def accepted(self) -> list[Article]:
        return [a for a in self.articles if not a.rejected]

    def records(self, name: str) -> Iterator[dict[str, Any]]:
        """The v1 records of one export file."""
        if name == "articles":
            yield from (self.article_record(a) for a in self.articles)
        elif name == "stories":
            yield from (to_dict(s) for s in self.stories)
        elif name == "discrepancies":
            yield from (_discrepancy_record(d) for d in self.discrepancies)
        elif name == "entities":
            yield from (to_dict(e) for e in self.entities)
        elif name == "statement_groups":
            yield from (to_dict(g) for g in self.statement_groups)
        else:
            builders: dict[str, Callable[[str, str, Any], dict[str, Any]]] = {
                "statements": _statement_record,
                "events": self.event_record,
                "places": _place_record,
                "distances": _distance_record,
            }
            builder = builders[name]
            kind = name[:-1] if name != "places" else "place"
            for article in self.accepted:
                for record in getattr(article, name):
                    yield builder(article.id, annotation_id(article.id, kind, record), record)

    def article_record(self, a: Article) -> dict[str, Any]:
        return {
            "id": a.id,
            "source": a.source,
            "url": a.url,
            "title": a.title,
            "subtitle": a.subtitle,
            "outlet": a.outlet,
            "byline": a.byline,
            "dateline": a.dateline,
            "wire": a.wire,
            "published": a.published,
            "published_basis": a.published_basis,
            "published_confidence": a.published_confidence,
            "retrieved": a.retrieved,
            "language": a.language,
            "body": a.body,
            "captions": list(a.captions),
            "rejected": a.rejected,
            "duplicate_of": self.copy_of.get(a.id),
            "story_id": self.story_of.get(a.id),
        }

    def event_record(self, article_id: str, record_id: str, e: Event) -> dict[str, Any]:
        return {
            "id": record_id,
            "article_id": article_id,
            "type": e.type,
            "mode": e.mode,
            "source_actor": _actor(e.source_actor),
            "target_actor": _actor(e.target_actor),
            "location": _location(e.location),
            "date": {"value": e.date.value, "precision": e.date.precision} if e.date else None,
            "as_of": e.as_of,
            "as_of_basis": e.as_of_basis,
            "quantities": [_quantity(q, self.statement_ids(article_id)) for q in e.quantities],
            "factuality": e.factuality,
            "start": e.start,
            "end": e.end,
            "story_id": self.story_of.get(article_id),
        }

    def statement_ids(self, article_id: str) -> list[str]:
        """Export ids of an article's statements in order: a figure's `statement` index points here."""
        if not self._statement_ids:
            self._statement_ids.update(
                (a.id, [annotation_id(a.id, "statement", s) for s in a.statements]) for a in self.articles
            )
        return self._statement_ids.get(article_id, [])


def _statement_record(article_id: str, record_id: str, s: Statement) -> dict[str, Any]:
    return {
        "id": record_id,
        "article_id": article_id,
        "speaker": s.speaker,
        "speaker_resolved": s.speaker_resolved,
        "speaker_kind": s.speaker_kind,
        "speaker_role": s.speaker_role,
        "speaker_org": s.speaker_org,
        "speaker_country": s.speaker_country,
        "text": s.text,
        "direct": s.direct,
        "stance": s.stance,
        "cue": s.cue,
        "via": list(s.via),
        "hedges": list(s.hedges),
        "start": s.start,
        "end": s.end,
    }


def _place_record(article_id: str, record_id: str, p: Place) -> dict[str, Any]:
    return {
        "id": record_id,
        "article_id": article_id,
        "name": p.name,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "kind": p.kind,
        "start": p.start,
        "end": p.end,
    }


def _distance_record(article_id: str, record_id: str, d: DistanceClaim) -> dict[str, Any]:
    return {
        "id": record_id,
        "article_id": article_id,
        "text": d.text,
        "stated_km": d.stated_km,
        "qualifier": d.qualifier,
        "origin": d.origin,
        "target": d.target,
        "computed_km": d.computed_km,
        "checked": d.checked,
        "flagged": d.flagged,
        "start": d.start,
        "end": d.end,
        "origin_start": d.origin_start,
        "origin_end": d.origin_end,
        "target_start": d.target_start,
        "target_end": d.target_end,
    }


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    return None if actor is None else {"text": actor.text, "country": actor.country, "sector": actor.sector}


def _location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "lat": place.lat, "lon": place.lon, "country": place.country}


def _quantity(q: Quantity, statement_ids: list[str]) -> dict[str, Any]:
    index = q.statement
    statement_id = statement_ids[index] if index is not None and 0 <= index < len(statement_ids) else None
    return {
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "scope": q.scope,
        "text": q.text,
        "statement_id": statement_id,
        "as_of": q.as_of,
        "as_of_basis": q.as_of_basis,
    }


def _discrepancy_record(d: Discrepancy) -> dict[str, Any]:
    return {
        "id": d.id,
        "story_id": d.story_id,
        "subject": d.subject,
        "kind": d.kind,
        "claims": [to_dict(c) for c in d.claims],
        "status": d.status,
    }
