"""Toponym resolution: pick each mention's place from its gazetteer candidates by prior and context.

The prior is size (log population) and feature level; the context is what the other mentions of
the article settle on: their countries and admin regions (soft votes), an explicit container
("Paris, Texas"), and nearness. Same name, same place within one article.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.gazetteer import Candidate, Gazetteer, name_key
from sitroom.stages.places.geo import haversine_km

# Feature level -> prior bonus: a name shared by a country and a town usually means the country.
_LEVEL_BONUS = {0: 2.5, 1: 3.0, 2: 1.5, 3: -0.5, 4: 0.0, 5: 3.0}
_ALTERNATE_PENALTY = 2.0
_COUNTRY_WEIGHT = 3.0
_ADMIN_WEIGHT = 5.0
_ADMIN_TEMPERATURE = 1.0
_CONTAINER_BONUS = 5.0
_ROUNDS = 3
_DOMINANT_CITY_SHARE = 0.3
_ABBREVIATIONS = (("st ", "saint "), ("mt ", "mount "), ("ft ", "fort "), ("pt ", "point "))
_SUFFIXES = (" county", " parish", " province", " region", " state", " city", " district", " area", " oblast",
             " governorate", " prefecture", " krai")
_REGION_WORDS = (" province", " region", " state", " governorate", " oblast", " prefecture")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    country_hint: str | None = None  # alpha-3 named next to it ("the Russian city of ...")
    adjectival: bool = False  # "Russian" in "Russian airspace": look up as an adjective


@dataclass(frozen=True, slots=True)
class Resolution:
    candidate: Candidate
    confidence: float


def candidates_for(gazetteer: Gazetteer, mention: Mention) -> tuple[Candidate, ...]:
    """Look the mention up as written, then without possessive and generic suffixes ('Tulsa area')."""
    if mention.adjectival:
        return gazetteer.adjective(mention.text)
    # A demonym given as a place ("Sudanese", "Palestinians", "Canadian"): its country, which then
    # competes with any town of that name (Canadian, Texas) on size.
    text = mention.text.strip()
    demonym = gazetteer.adjective(text) or (gazetteer.adjective(text[:-1]) if text.endswith("s") else ())
    for variant in _variants(mention.text):
        found = gazetteer.lookup(variant)
        regions = tuple(c for c in found if c.level in (1, 2))
        if regions and names_a_region(mention.text):
            return regions  # "Kandahar province": the province, not a town of that name
        if found:
            return demonym + _without_city_regions(found)
    return demonym


def names_a_region(text: str) -> bool:
    """The name says it is a first-level region: "Kandahar province", "Oyo State", "Kherson oblast"."""
    return name_key(text).endswith(_REGION_WORDS)


def _without_city_regions(found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Seoul the city and Seoul the province are one place to a reader: keep the city. Likewise a
    province named after a city that dominates it (New York), or after its own country (Taiwan)."""
    cities = [c for c in found if c.level == 4 and c.main]
    countries = {c.country for c in found if c.level == 0}
    return tuple(c for c in found if c.level not in (2, 3) or not _shadowed(c, cities, countries))


def _shadowed(region: Candidate, cities: list[Candidate], countries: set[str | None]) -> bool:
    if region.country in countries:
        return True
    return any(
        city.country == region.country
        and name_key(city.name) == name_key(region.name)  # "Iași" the city, "Iasi" the county
        and (haversine_km(city.lat, city.lon, region.lat, region.lon) < 100
             or city.population >= _DOMINANT_CITY_SHARE * region.population)
        for city in cities
    )


def _variants(text: str) -> list[str]:
    key = name_key(text)
    if key.endswith("'s"):
        key = key[:-2]
    variants = [key]
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            variants.append(key[: -len(suffix)])
    if key.startswith(("city of ", "state of ", "province of ")):
        variants.append(key.split(" of ", 1)[1])
    for short, full in _ABBREVIATIONS:
        if key.startswith(short):
            variants.append(full + key[len(short) :])
    # Last resort: a county named without the word ("Oconee", "DuPage").
    variants.extend(key + suffix for suffix in (" county", " parish"))
    return variants


def prior(candidate: Candidate) -> float:
    score = math.log10(candidate.population + 10) + _LEVEL_BONUS.get(candidate.level, 0.0)
    return score if candidate.main else score - _ALTERNATE_PENALTY


def resolve(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Resolution | None]:
    """One resolution (or None when the gazetteer has no such name) per mention, in order."""
    keys = [("adj:" if m.adjectival else "") + name_key(m.text) for m in mentions]
    options: dict[str, tuple[Candidate, ...]] = {}
    for key, mention in zip(keys, mentions, strict=True):
        if key not in options:  # a name repeated down a long text is looked up once
            options[key] = candidates_for(gazetteer, mention)
    options = {key: found for key, found in options.items() if found}
    containers = _containers(mentions, keys)
    hints = {key: m.country_hint for key, m in zip(keys, mentions, strict=True) if m.country_hint}
    scores = {key: [prior(c) for c in found] for key, found in options.items()}
    for _ in range(_ROUNDS):
        context = _Context.from_scores(options, scores)
        scores = {
            key: [
                prior(c)
                + context.bonus(key, c)
                + _explicit_bonus(c, containers.get(key), hints.get(key), options)
                for c in found
            ]
            for key, found in options.items()
        }
    best = {key: _pick(options[key], scores[key]) for key in options}
    for key, outer in _region_containers(mentions, keys, containers).items():
        if key in best and outer in best and not _within(best[outer].candidate, best[key].candidate):
            del best[key]  # "Daman district, Kandahar province": no Daman lies there, so none is meant
    return [best.get(key) for key in keys]


def _region_containers(
    mentions: Sequence[Mention], keys: list[str], containers: dict[str, str]
) -> dict[str, str]:
    """Containers that say they are regions ("..., Kandahar province"): the place before lies there."""
    regions = {key for key, m in zip(keys, mentions, strict=True) if names_a_region(m.text)}
    return {key: outer for key, outer in containers.items() if outer in regions}


def _within(outer: Candidate, inner: Candidate) -> bool:
    if inner.level <= 1:
        return True  # a country or a macro region is no place inside a province
    if inner.country != outer.country:
        return False
    return outer.level != 2 or inner.admin1 is None or inner.admin1 == outer.name


def _pick(found: Sequence[Candidate], scores: list[float]) -> Resolution:
    top = max(range(len(found)), key=scores.__getitem__)
    weights = _softmax(scores)
    return Resolution(found[top], round(weights[top], 3))


def _softmax(scores: list[float]) -> list[float]:
    peak = max(scores)
    exps = [math.exp(s - peak) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _containers(mentions: Sequence[Mention], keys: list[str]) -> dict[str, str]:
    """'Paris, Texas': a mention followed by ', ' and another mention names its container."""
    found: dict[str, str] = {}
    for i in range(len(mentions) - 1):
        gap = mentions[i + 1].start - mentions[i].end
        if 1 <= gap <= 2 and keys[i] != keys[i + 1]:
            found.setdefault(keys[i], keys[i + 1])
    return found


def _explicit_bonus(
    candidate: Candidate,
    container: str | None,
    hint: str | None,
    options: dict[str, tuple[Candidate, ...]],
) -> float:
    bonus = 0.0
    if hint and candidate.country == hint:
        bonus += _CONTAINER_BONUS
    if container:
        for outer in options.get(container, ()):
            if _contains(outer, candidate):
                bonus += _CONTAINER_BONUS
                break
    return bonus


def _contains(outer: Candidate, inner: Candidate) -> bool:
    if outer.id == inner.id or outer.level >= inner.level:
        return False
    if outer.level == 0:
        return outer.country == inner.country
    return outer.level == 2 and outer.country == inner.country and inner.admin1 == outer.name


class _Context:
    """Soft votes of every name for countries, admin regions and points, asked leaving one name out."""

    def __init__(self) -> None:
        self.countries: dict[str, dict[str, float]] = defaultdict(dict)
        self.admins: dict[str, dict[str, float]] = defaultdict(dict)
        self.points: dict[str, Candidate] = {}

    @classmethod
    def from_scores(
        cls, options: dict[str, tuple[Candidate, ...]], scores: dict[str, list[float]]
    ) -> _Context:
        context = cls()
        for key, found in options.items():
            weights = _softmax(scores[key])
            for candidate, weight in zip(found, weights, strict=True):
                if candidate.country:
                    votes = context.countries[key]
                    votes[candidate.country] = votes.get(candidate.country, 0.0) + weight
            # Admin regions vote flatter and by their best member: two ambiguous names that can
            # both lie in one state (Paris and Henry County, Tennessee) should find each other.
            flat = _softmax([score / _ADMIN_TEMPERATURE for score in scores[key]])
            for candidate, weight in zip(found, flat, strict=True):
                admin = _admin_of(candidate)
                if admin:
                    context.admins[key][admin] = max(context.admins[key].get(admin, 0.0), weight)
            context.points[key] = found[max(range(len(found)), key=weights.__getitem__)]
        return context

    def bonus(self, key: str, candidate: Candidate) -> float:
        others = [k for k in self.points if k != key]
        if not others:
            return 0.0
        country = sum(self.countries[k].get(candidate.country or "", 0.0) for k in others) / len(others)
        admin_name = _admin_of(candidate)
        admin = sum(self.admins[k].get(admin_name, 0.0) for k in others) / len(others) if admin_name else 0.0
        return _COUNTRY_WEIGHT * country + _ADMIN_WEIGHT * admin + self._nearness(others, candidate)

    def _nearness(self, others: list[str], candidate: Candidate) -> float:
        if candidate.level < 2:
            return 0.0
        nearest = min(
            haversine_km(candidate.lat, candidate.lon, self.points[k].lat, self.points[k].lon)
            for k in others
            if self.points[k].level >= 2
        ) if any(self.points[k].level >= 2 for k in others) else math.inf
        return 1.5 if nearest < 100 else 0.75 if nearest < 300 else 0.0


def _admin_of(candidate: Candidate) -> str | None:
    """The admin-1 key a candidate belongs to (an admin-1 region belongs to itself)."""
    if candidate.level == 2:
        return f"{candidate.country}/{candidate.name}"
    return f"{candidate.country}/{candidate.admin1}" if candidate.admin1 else None
