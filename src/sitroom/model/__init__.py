"""Records only, no I/O: the article, its span annotations, and corpus records."""

from sitroom.model.annotations import (
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
