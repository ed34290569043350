"""Discrepancies: the same figure (what is counted, in the same scope, in the same story)
reported with different values by independent articles. Copies are not independent sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from sitroom.model import Article, Quantity
from sitroom.model.corpus import Claim, Discrepancy, Duplicate, Story
from sitroom.model.ids import annotation_id, corpus_id

# Words for the same counted thing; anything else is compared only with itself.
_UNIT_SYNONYMS = {
    "troop": "troops",
    "soldier": "troops",
    "personnel": "troops",
    "force": "troops",
    "special force": "troops",
    "serviceman": "troops",
    "servicemen": "troops",
    "service member": "troops",
}
_TOLERANCE = 0.05  # values within 5% of each other are the same figure, rounded differently
# Tolls that only grow as news comes in: a later, higher figure is an update, not a disagreement.
_CUMULATIVE_SCOPES = frozenset(
    {"killed", "dead", "wounded", "injured", "missing", "displaced", "evacuated", "arrested", "captured"}
)


def normal_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    word = unit.lower().strip()
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return _UNIT_SYNONYMS.get(word) or _UNIT_SYNONYMS.get(singular) or singular


def find_discrepancies(
    articles: Sequence[Article], stories: Sequence[Story], duplicates: Sequence[Duplicate]
) -> list[Discrepancy]:
    copies = {d.article_id for d in duplicates}
    by_id = {a.id: a for a in articles}
    found = []
    for story in stories:
        groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for article_id in story.article_ids:
            article = by_id.get(article_id)
            if article is None or article_id in copies:
                continue
            for quantity in article.quantities:
                key = _comparable(quantity)
                if key is not None and quantity.value is not None:
                    groups[key].append(_claim(article, quantity))
        for (unit, scope), claims in sorted(groups.items()):
            if _disagree(claims, cumulative=scope in _CUMULATIVE_SCOPES):
                found.append(_discrepancy(story.id, f"{unit} ({scope})", claims))
    return found


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _comparable(quantity: Quantity) -> tuple[str, str] | None:
    """Only figures that say what they count and in what scope can be compared honestly."""
    unit = normal_unit(quantity.unit)
    return (unit, quantity.scope) if unit and quantity.scope else None


def _claim(article: Article, quantity: Quantity) -> Claim:
    return Claim(
        value=float(quantity.value or 0.0),
        article_id=article.id,
        record_id=annotation_id(article.id, "quantity", quantity),
        source=article.outlet or article.source,
        as_of=_day(quantity.as_of) or article.published,
        text=quantity.text,
    )


def _day(value: str | None) -> str | None:
    """A figure's own as-of date when it names a whole day; partial values ("XXXX-04", a week) do not
    order against days, so those fall back to the publication date."""
    return value if value and _DAY.fullmatch(value) else None


def _differ(a: float, b: float) -> bool:
    low, high = min(a, b), max(a, b)
    return high > low * (1 + _TOLERANCE)


def _disagree(claims: list[Claim], cumulative: bool) -> bool:
    """Independent articles differ; for a growing toll, only same-day differences or a later drop count."""
    pairs = [
        (a, b) for a in claims for b in claims if a.article_id < b.article_id and _differ(a.value, b.value)
    ]
    if not cumulative:
        return bool(pairs)
    for a, b in pairs:
        if a.as_of is None or b.as_of is None or a.as_of == b.as_of:
            return True
        earlier, later = (a, b) if a.as_of < b.as_of else (b, a)
        if later.value < earlier.value:
            return True
    return False


def _discrepancy(story_id: str, subject: str, claims: list[Claim]) -> Discrepancy:
    ordered = tuple(sorted(claims, key=lambda c: (c.as_of or "9999", c.value, c.article_id)))
    return Discrepancy(
        id=corpus_id("discrepancy", [story_id, subject]),
        story_id=story_id,
        subject=subject,
        kind="figure",
        claims=ordered,
        status="open",
    )
