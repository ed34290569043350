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
from sitroom.model.article import ANNOTATION_FIELDS, Article, Hints, RawArticle

__all__ = [
    "ANNOTATION_FIELDS",
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
