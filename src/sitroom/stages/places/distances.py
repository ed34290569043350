"""Distance claims: "X is about 250km from Y" kept as a relation and checked against the coordinates.

The target is the most specific place after "from"/"of" in the same sentence; the origin is the
nearest other place before the figure. Only point-like places (towns, sites) are checked: a
distance to a country or a region has no single right value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitroom.model import Article, DistanceClaim, Place, Sentence
from sitroom.stages.places.geo import haversine_km

TOLERANCE = 0.25  # a stated figure more than this share off the computed distance is flagged
_POINT_KINDS = frozenset({"city", "site"})
_SPECIFICITY = {"site": 0, "city": 1, "water": 2, "region": 3, "country": 4, "other": 5}
_UNIT_KM = {"km": 1.0, "kms": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0,
            "kilometre": 1.0, "miles": 1.609344, "mile": 1.609344, "mi": 1.609344}
_QUALIFIERS = (
    r"only|just|about|around|some|roughly|nearly|almost|approximately|more than|less than|over|under"
)
_CLAIM = re.compile(
    rf"(?:\b(?P<qualifier>(?:(?:{_QUALIFIERS})\s+)+))?"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?-?(?P<unit>km|kms|kilometers?|kilometres?|miles?|mi)\b"
    r"(?P<between>[^.;:]{0,40}?)\b(?:from|of)\b",
    re.IGNORECASE,
)


def distance_claims(article: Article, places: Sequence[Place]) -> list[DistanceClaim]:
    """Every stated distance with a place after it, in text order."""
    claims = []
    for sentence in article.sentences:
        text = article.body[sentence.start : sentence.end]
        for match in _CLAIM.finditer(text):
            claim = _claim(article.body, sentence, match, places)
            if claim is not None:
                claims.append(claim)
    return claims


def _claim(
    body: str, sentence: Sentence, match: re.Match[str], places: Sequence[Place]
) -> DistanceClaim | None:
    start = sentence.start + match.start("number")
    end = sentence.start + match.end("unit")
    after = [p for p in places if sentence.start + match.end() <= p.start < sentence.end]
    target = min(after, key=lambda p: (_SPECIFICITY.get(p.kind, 9), p.start)) if after else None
    before = [p for p in places if sentence.start <= p.start and p.end <= start and p != target]
    # The nearest town or site before the figure; a region or country only when there is none.
    points = [p for p in before if p.kind in _POINT_KINDS]
    origin = (points or before)[-1] if before else None
    if target is None:
        # "160 kilometers from the border": kept as a relation to an unresolved place, unchecked.
        return _unresolved(body, sentence, match, start, end, origin)
    stated, qualifier = _stated(match)
    computed, checked = _computed(origin, target)
    flagged = checked and computed is not None and abs(stated - computed) > TOLERANCE * computed
    return DistanceClaim(
        start=start, end=end, text=body[start:end], stated_km=round(stated, 1), qualifier=qualifier,
        origin=body[origin.start : origin.end] if origin else None,
        origin_start=origin.start if origin else None, origin_end=origin.end if origin else None,
        target=body[target.start : target.end], target_start=target.start, target_end=target.end,
        computed_km=computed, checked=checked, flagged=flagged,
    )


def _stated(match: re.Match[str]) -> tuple[float, str | None]:
    stated = float(match.group("number").replace(",", "")) * _UNIT_KM[match.group("unit").lower()]
    return round(stated, 1), " ".join((match.group("qualifier") or "").lower().split()) or None


# The noun phrase after "from" when it is no known place: up to a comma or a clause word.
_PHRASE = re.compile(
    r"\s*((?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)(?=\s*(?:[,;.]|$|\s+(?:and|but|where|which|to|in)\b))"
)


def _unresolved(
    body: str, sentence: Sentence, match: re.Match[str], start: int, end: int, origin: Place | None
) -> DistanceClaim | None:
    rest_start = sentence.start + match.end()
    phrase = _PHRASE.match(body, rest_start, sentence.end)
    if phrase is None:
        return None
    stated, qualifier = _stated(match)
    return DistanceClaim(
        start=start, end=end, text=body[start:end], stated_km=stated, qualifier=qualifier,
        origin=body[origin.start : origin.end] if origin else None,
        origin_start=origin.start if origin else None, origin_end=origin.end if origin else None,
        target=phrase.group(1), target_start=phrase.start(1), target_end=phrase.end(1),
    )


def _computed(origin: Place | None, target: Place) -> tuple[float | None, bool]:
    if origin is None or None in (origin.lat, origin.lon, target.lat, target.lon):
        return None, False
    km = round(haversine_km(origin.lat, origin.lon, target.lat, target.lon), 1)  # type: ignore[arg-type]
    return km, origin.kind in _POINT_KINDS and target.kind in _POINT_KINDS
