"""DateStage: time expressions normalised against the publication date, inferred when missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import Article, TimeExpression
from sitroom.stages.timex import find
from sitroom.stages.timex.infer import MIN_CONFIDENCE, Inference, infer_published
from sitroom.stages.timex.officials import OFFICIALS_FILE, load_terms
from sitroom.stages.timex.spec import Mention
from sitroom.stages.timex.tagger import normalise_all


class DateStage:
    """Fills `timexes`; infers `published` (basis "inferred") only when the text pins it down."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "8"  # 8: "is due on Monday" lies ahead; 7: an ousted official dates nothing
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
        month_day = _dateline_month_day(article.dateline) if reference is None else None
        if month_day is not None:
            timexes = tuple(partial_values(mentions, *month_day))
        else:
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


def partial_values(mentions: Sequence[Mention], month: int, day: int) -> list[TimeExpression]:
    """Mentions against a day known without its year ("KABUL (June 14) —"): "yesterday" is XXXX-06-13.

    Each mention is read against that day in a leap year and the next one (two leap years for Feb. 29),
    where the day falls on another weekday and February has another length; a value that moves
    with the year by exactly the years between them keeps its month and day with the year left open
    (XXXX-06-13), one the same in both was written out ("in 2011"), and one that changes otherwise
    hung on the weekday ("Tuesday") and stays as unanchored as without the day.
    """
    years = (2000, 2004) if (month, day) == (2, 29) else (2000, 2001)
    plain = normalise_all(mentions, None)
    first = normalise_all(mentions, date(years[0], month, day))
    second = normalise_all(mentions, date(years[1], month, day))
    out = []
    for unanchored, a, b in zip(plain, first, second, strict=True):
        if a.value == b.value:
            out.append(a)
        elif _year_moved(a.value, b.value, years[1] - years[0]):
            out.append(replace(a, value=f"XXXX{(a.value or '')[4:]}"))
        else:
            out.append(unanchored)
    return out


def _year_moved(a: str | None, b: str | None, years_between: int) -> bool:
    if not a or not b or not (a[:4].isdigit() and b[:4].isdigit()) or a[4:] != b[4:]:
        return False
    return int(b[:4]) - int(a[:4]) == years_between


def _dateline_month_day(dateline: str | None) -> tuple[int, int] | None:
    """The month and day a dateline gives without a year ("KABUL, Afghanistan (June 14)")."""
    for mention in find(dateline) if dateline else []:
        spec = mention.spec
        if spec.year is None and spec.month and spec.day and spec.weekday is None:
            try:
                date(2000, spec.month, spec.day)  # a leap year: every real month-day exists in it
            except ValueError:
                return None  # "(Feb. 30)": no day to anchor on
            return spec.month, spec.day
    return None


def _parse(published: str | None) -> date | None:
    """The YYYY-MM-DD the clean step wrote; anything else is no usable reference."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
