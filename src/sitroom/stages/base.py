"""The stage contract: `Article -> Article`, no I/O, with what it needs and what it adds."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from sitroom.config import Settings
from sitroom.model import Article


@runtime_checkable
class Stage(Protocol):
    """A per-article step. Built once per worker from Settings; loads models lazily.

    `requires` and `assigns` name Article fields ("body", "sentences", "tokens",
    "entities", "statements", "places", "timexes", "quantities", "events", "published").
    `version` changes whenever the stage's output would change: it enters the pipeline
    fingerprint, so stored articles are re-processed after an upgrade.
    A stage may add `batch(articles) -> list[Article]` giving the same result faster;
    `Pipeline.run_batch` uses it when present.
    """

    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __init__(self, settings: Settings) -> None: ...

    def __call__(self, article: Article) -> Article: ...
