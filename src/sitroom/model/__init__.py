"""Records only, no I/O: the article, its span annotations, and corpus records."""

from sitroom.model.annotations import (
    SPOKEN_TYPES,
    Actor,
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
from sitroom.model.article import Article, Hints, RawArticle

__all__ = [
    "SPOKEN_TYPES",
    "Actor",
    "Article",
    "DistanceClaim",
    "Entity",
    "Event",
    "Hints",
    "Place",
    "Quantity",
    "RawArticle",
    "Sentence",
    "Statement",
    "TimeExpression",
    "Token",
]
