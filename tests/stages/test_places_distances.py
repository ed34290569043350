"""Distance claims (issue 5): kept as relations, checked against coordinates, flagged when > 25% off."""

from __future__ import annotations

from sitroom.model import Article, Place, Sentence
from sitroom.stages.places.distances import distance_claims

# Invented text; the coordinates are the gazetteer's towns (Khabarovsk, Seoul: about 1,380 km apart).
KHABAROVSK = (48.48, 135.08)
SEOUL = (37.57, 126.98)


def _article(body: str, names: list[tuple[str, tuple[float, float], str]]) -> tuple[Article, list[Place]]:
    places = []
    for name, (lat, lon), kind in names:
        start = body.index(name)
        places.append(Place(start, start + len(name), name, lat, lon, None, kind))
    article = Article(id="d", source="test", body=body, sentences=(Sentence(0, len(body)),))
    return article, places


def test_a_figure_far_off_is_flagged() -> None:
    body = "Khabarovsk lies only about 300 km from Seoul, the ministry claimed."
    article, places = _article(body, [("Khabarovsk", KHABAROVSK, "city"), ("Seoul", SEOUL, "city")])
    (claim,) = distance_claims(article, places)
    assert body[claim.start : claim.end] == "300 km" == claim.text
    assert (claim.origin, claim.target, claim.qualifier) == ("Khabarovsk", "Seoul", "only about")
    assert claim.checked and claim.flagged
    assert 1300 < (claim.computed_km or 0) < 1450


def test_a_close_figure_in_miles_is_not_flagged() -> None:
    body = "Khabarovsk is some 860 miles from Seoul."
    article, places = _article(body, [("Khabarovsk", KHABAROVSK, "city"), ("Seoul", SEOUL, "city")])
    (claim,) = distance_claims(article, places)
    assert claim.stated_km == 1384.0 and claim.checked and not claim.flagged


def test_distance_to_an_unknown_place_is_kept_unchecked() -> None:
    body = "Khabarovsk, which is 40 kilometers from the border, stayed calm."
    article, places = _article(body, [("Khabarovsk", KHABAROVSK, "city")])
    (claim,) = distance_claims(article, places)
    assert claim.target == "the border" and body[claim.target_start : claim.target_end] == "the border"
    assert claim.origin == "Khabarovsk" and not claim.checked and not claim.flagged


def test_a_region_is_never_checked() -> None:
    body = "Seoul is 2,000 km from Siberia."
    article, places = _article(body, [("Seoul", SEOUL, "city"), ("Siberia", (60.0, 105.0), "region")])
    (claim,) = distance_claims(article, places)
    assert claim.stated_km == 2000 and claim.computed_km is not None and not claim.checked


def test_numbers_without_a_distance_unit_are_ignored() -> None:
    body = "About 300 troops from Khabarovsk arrived in Seoul."
    article, places = _article(body, [("Khabarovsk", KHABAROVSK, "city"), ("Seoul", SEOUL, "city")])
    assert distance_claims(article, places) == []
