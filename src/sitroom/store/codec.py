"""Records <-> plain dicts (and JSON): the store's and the exports' only translation layer."""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any, TypeVar, Union

from sitroom.model import DistanceClaim, Entity, Event, Place, Quantity, Sentence, Statement, TimeExpression

T = TypeVar("T")

# Article fields stored as columns of `articles`, in column order (schema.sql); tuples go as JSON.
ARTICLE_COLUMNS = (
    "id", "source", "url", "title", "subtitle", "outlet", "byline", "dateline", "wire", "published",
    "published_basis", "published_confidence", "retrieved", "language", "body", "captions", "rejected",
    "problems",
)  # fmt: skip
JSON_COLUMNS = frozenset({"captions", "problems"})

# Stored annotation kinds and their record types (tokens are derivable and not stored).
KINDS: dict[str, type[Any]] = {
    "sentence": Sentence,
    "entity": Entity,
    "statement": Statement,
    "place": Place,
    "timex": TimeExpression,
    "quantity": Quantity,
    "event": Event,
    "distance": DistanceClaim,
}
# Article field holding each kind.
FIELDS = {
    "sentence": "sentences",
    "entity": "entities",
    "statement": "statements",
    "place": "places",
    "timex": "timexes",
    "quantity": "quantities",
    "event": "events",
    "distance": "distances",
}


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict (tuples become lists)."""
    return dataclasses.asdict(record)


def to_json(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record (and the records nested in it) from `to_dict` output."""
    hints = _hints(cls)  # type: ignore[arg-type]
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**values)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        return tuple(_convert(args[0], v) for v in value) if args else tuple(value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_dict(hint, value)  # type: ignore[arg-type]
    return value
