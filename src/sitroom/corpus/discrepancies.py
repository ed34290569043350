"""Discrepancies: the same figure (what is counted, in the same scope, in the same story, about the same
incident) reported with different values by independent articles. Copies are not independent sources.

A story can hold several incidents (a stream of press releases on separate raids, a week of strikes): two
figures count the same incident unless the text dates them to days more than one apart or places them
more than 100 km apart; a figure the text neither dates nor places is compared with every other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitroom.model import SPOKEN_TYPES, Article, Place, Quantity
from sitroom.model.corpus import Claim, Discrepancy, Duplicate, Story
from sitroom.model.ids import annotation_id, corpus_id
from sitroom.stages.places.geo import haversine_km

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
_SAME_PLACE_KM = 100.0  # a district and its province's town are one incident; two provinces are not
_DAY_SLACK = 1  # outlets in other time zones, or counting from the night before, differ by a day
_UNDATED_DAYS = 1  # an undated figure is about the day its article was published or the one before
# How an event's day was found; the publication date says nothing about which incident it is.
_TEXT_BASES = frozenset({"sentence", "paragraph", "lead"})
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
        groups: dict[tuple[str, str], list[_Figure]] = defaultdict(list)
        for article_id in story.article_ids:
            article = by_id.get(article_id)
            if article is None or article_id in copies:
                continue
            for quantity in article.quantities:
                key = _comparable(quantity)
                if key is not None and quantity.value is not None:
                    groups[key].append(_figure(article, quantity))
        for (unit, scope), figures in sorted(groups.items()):
            subject = f"{unit} ({scope})"
            parts = _disagreements(figures, cumulative=scope in _CUMULATIVE_SCOPES)
            for n, part in enumerate(parts):
                first = part[0].claim.record_id
                ident = [story.id, subject] if n == 0 else [story.id, subject, first]
                found.append(_discrepancy(ident, story.id, subject, [f.claim for f in part]))
    return found


@dataclass(frozen=True, slots=True)
class _Figure:
    """A claim with what the text says about its incident: the day and the place of the event that
    counts it (or the figure's own day), when the text gives them."""

    claim: Claim
    day: date | None  # the incident's day, as the text gives it
    month_day: tuple[int, int] | None  # or only its month and day, the year unknown ("XXXX-06-14")
    published: date | None  # the incident happened on or before this day
    place: Place | None


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})")
# "two more", "an additional suspect", "another militant": a count added to one told before, not a toll.
_INCREMENT = re.compile(r"\b(?:additional|another|other|further|more(?! than))\b", re.IGNORECASE)


def _comparable(quantity: Quantity) -> tuple[str, str] | None:
    """Only figures that say what they count and in what scope can be compared honestly; a count that
    adds to an earlier one is a part, not the whole."""
    unit = normal_unit(quantity.unit)
    if _INCREMENT.search(quantity.text):
        return None
    return (unit, quantity.scope) if unit and quantity.scope else None


def _claim(article: Article, quantity: Quantity, place: str | None) -> Claim:
    return Claim(
        value=float(quantity.value or 0.0),
        article_id=article.id,
        record_id=annotation_id(article.id, "quantity", quantity),
        source=article.outlet or article.source,
        as_of=_day(quantity.as_of) or article.published,
        text=quantity.text,
        place=place,
    )


def _day(value: str | None) -> str | None:
    """A figure's own as-of date when it names a whole day; partial values ("XXXX-04", a week) do not
    order against days, so those fall back to the publication date."""
    return value if value and _DAY.fullmatch(value) else None


def _differ(a: float, b: float) -> bool:
    low, high = min(a, b), max(a, b)
    return high > low * (1 + _TOLERANCE)


def _figure(article: Article, quantity: Quantity) -> _Figure:
    event = next(
        (
            e
            for e in article.events
            if any((q.start, q.end) == (quantity.start, quantity.end) for q in e.quantities)
        ),
        None,
    )
    said = [event.as_of] if event is not None and event.as_of_basis in _TEXT_BASES else []
    said += [quantity.as_of] if quantity.as_of_basis == "sentence" else []
    day = next((d for d in map(_calendar_day, said) if d is not None), None)
    month_day = next((m for m in map(_month_day, said) if m is not None), None)
    # a figure in what someone said ("accused them of moving 2,000 troops") is not where it was said
    place = event.location if event is not None and event.type not in SPOKEN_TYPES else None
    if place is not None and (place.kind == "country" or place.lat is None or place.lon is None):
        place = None
    published = _calendar_day(article.published)
    claim = _claim(article, quantity, place.name if place is not None else None)
    return _Figure(claim, day, month_day if day is None else None, published, place)


def _month_day(value: str | None) -> tuple[int, int] | None:
    found = _MONTH_DAY.match(value or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


def _calendar_day(value: str | None) -> date | None:
    """The day a TIMEX-style value names, a part of day dropped ("2010-07-21TNI"); None when partial."""
    found = _DAY.match(value or "")
    if found is None:
        return None
    try:
        return date.fromisoformat(found.group())
    except ValueError:
        return None


def _window(figure: _Figure) -> tuple[date, date] | None:
    """The days the figure's incident can fall on: the day the text gives, else the day it was published
    or the one before (what a report tells without a date is news of that day or the night before)."""
    if figure.day is not None:
        return figure.day, figure.day
    if figure.published is not None:
        return figure.published - timedelta(days=_UNDATED_DAYS), figure.published
    return None


def _same_incident(a: _Figure, b: _Figure, toll: bool) -> bool:
    """Nothing the text says sets them apart: their places, when both have one, and for the toll of an
    incident (killed, captured) its day (a day's slack when both are the text's own). Troops moved or
    deployed are a state that lasts: the days their figures are told say nothing of which one."""
    one, two = (_window(a), _window(b)) if toll else (None, None)
    if one is not None and two is not None:
        slack = timedelta(days=_DAY_SLACK if a.day is not None and b.day is not None else 0)
        if one[0] > two[1] + slack or two[0] > one[1] + slack:
            return False
    if toll and not (_same_month_day(a, b) and _same_month_day(b, a)):
        return False
    if a.place is not None and b.place is not None:
        assert a.place.lat is not None and a.place.lon is not None
        assert b.place.lat is not None and b.place.lon is not None
        if haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) > _SAME_PLACE_KM:
            return False
    return True


def _same_month_day(a: _Figure, b: _Figure) -> bool:
    """A month and day with the year unknown against the other's day (or its month and day): a day
    apart at most, in whichever year brings them closest."""
    if a.month_day is None:
        return True
    other = b.day or _window_end(b)
    if other is None:
        if b.month_day is None:
            return True
        other = _on(b.month_day, 2000)  # a leap year, so 29 February has a day
        if other is None:
            return True
    days = [_on(a.month_day, other.year + shift) for shift in (-1, 0, 1)]
    return any(d is not None and abs((d - other).days) <= _DAY_SLACK for d in days)


def _window_end(figure: _Figure) -> date | None:
    window = _window(figure)
    return window[1] if window else None


def _on(month_day: tuple[int, int], year: int) -> date | None:
    try:
        return date(year, *month_day)
    except ValueError:
        return None


def _conflict(a: Claim, b: Claim, cumulative: bool) -> bool:
    """Two independent claims differ; for a growing toll, only on the same day or by a later drop."""
    if not _differ(a.value, b.value):
        return False
    if not cumulative or a.as_of is None or b.as_of is None or a.as_of == b.as_of:
        return True
    earlier, later = (a, b) if a.as_of < b.as_of else (b, a)
    return later.value < earlier.value


def _disagreements(figures: list[_Figure], cumulative: bool) -> list[list[_Figure]]:
    """Figures grouped into incidents, in order of day: each figure joins a group every member of which
    it may share an incident with (one that already has its count first), and the groups whose articles
    contradict one another."""
    incidents: list[list[_Figure]] = []
    for figure in sorted(figures, key=_order):
        fits = [g for g in incidents if all(_same_incident(figure, f, cumulative) for f in g)]
        # where several incidents fit, the one with the same count is the likelier
        agree = [g for g in fits if any(not _differ(figure.claim.value, f.claim.value) for f in g)]
        home = (agree or fits)[0] if fits else None
        if home is None:
            incidents.append([figure])
        else:
            home.append(figure)
    return [
        group
        for group in incidents
        if any(
            a.claim.article_id != b.claim.article_id and _conflict(a.claim, b.claim, cumulative)
            for i, a in enumerate(group)
            for b in group[i + 1 :]
        )
    ]


def _order(figure: _Figure) -> tuple[str, str]:
    window = _window(figure)
    return (window[1].isoformat() if window else "9999", figure.claim.record_id)


def _discrepancy(key: list[str], story_id: str, subject: str, claims: list[Claim]) -> Discrepancy:
    ordered = tuple(sorted(claims, key=lambda c: (c.as_of or "9999", c.value, c.article_id)))
    return Discrepancy(
        id=corpus_id("discrepancy", key),
        story_id=story_id,
        subject=subject,
        kind="figure",
        claims=ordered,
        status="open",
    )
