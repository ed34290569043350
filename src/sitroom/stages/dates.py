"""DateStage: time expressions normalised against the publication date, inferred when missing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.timex import find
from sitroom.stages.timex.infer import MIN_CONFIDENCE, Inference, infer_published
from sitroom.stages.timex.officials import OFFICIALS_FILE, load_terms
from sitroom.stages.timex.spec import Mention
from sitroom.stages.timex.tagger import normalise_all


class DateStage:
    """Fills `timexes`; infers `published` (basis "inferred") only when the text pins it down."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "4"
    requires: ClassVar[tuple[str, ...]] = ("body", "sentences")
    assigns: ClassVar[tuple[str, ...]] = ("timexes", "published", "published_basis", "published_confidence")

    def __init__(self, settings: Settings) -> None:
        self.officials_file = OFFICIALS_FILE
        self.min_confidence = MIN_CONFIDENCE

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.body:
            return article
        bounds = [(s.start, s.end) for s in article.sentences]
        mentions = find(article.body, bounds)
        reference = _parse(article.published)
        changes: dict[str, object] = {}
        if reference is None and article.published is None:
            inference = self.infer(article.body, mentions, article.dateline, _parse(article.retrieved))
            if inference is not None:
                reference = inference.published
                changes = {
                    "published": reference.isoformat(),
                    "published_basis": "inferred",
                    "published_confidence": inference.confidence,
                }
        timexes = tuple(normalise_all(mentions, reference))
        return article.evolve(timexes=timexes, **changes)

    def infer(
        self,
        body: str,
        mentions: Sequence[Mention],
        dateline: str | None = None,
        latest: date | None = None,
    ) -> Inference | None:
        """The inferred publication date, when confident enough to use.

        `latest` is the last day the input itself vouches for (when it was fetched); the day of
        the run never bounds the answer, so the same article gets the same date on any day.
        """
        inference = infer_published(body, mentions, load_terms(self.officials_file), latest, dateline)
        if inference is None or inference.confidence < self.min_confidence:
            return None
        return inference


def _parse(published: str | None) -> date | None:
    """The YYYY-MM-DD the clean step wrote; anything else is no usable reference."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
