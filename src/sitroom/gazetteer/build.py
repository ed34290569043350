"""Compile the gazetteer into one indexed SQLite file, written atomically so workers never see half a file."""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from sitroom.gazetteer.names import name_key
from sitroom.gazetteer.sources import LEVEL, SourcePlace, cities, country_codes, curated

# Bump when the schema or the compiled content changes: the lookup rebuilds an older file.
GAZETTEER_VERSION = "9"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, level INTEGER NOT NULL,
    country TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, geonames_id INTEGER
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL,
                    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE adjectives (key TEXT NOT NULL, place INTEGER NOT NULL,
                         PRIMARY KEY (key, place)) WITHOUT ROWID;
"""


def collect_places() -> list[SourcePlace]:
    """Every source row: curated first (it overrides), then countries it lacks, admin regions, cities."""
    countries = country_codes()
    alpha3 = {code: str(c["iso3"]) for code, c in countries.items()}
    towns, regions = cities(alpha3)
    hand = list(curated(countries))
    covered = {p.country for p in hand if p.kind == "country"}
    fallback = _capital_points(countries, towns, covered)
    return hand + fallback + _merge_admin1(hand, regions) + towns


def _merge_admin1(hand: list[SourcePlace], regions: list[SourcePlace]) -> list[SourcePlace]:
    """Curated admin-1 rows replace the computed ones of the same name (better point, more aliases)."""
    curated_admin1 = {(p.country, p.name) for p in hand if p.level == "admin1"}
    population = {(r.country, r.name): r.population for r in regions if r.level == "admin1"}
    for place in hand:
        if place.level == "admin1" and not place.population:
            place.population = population.get((place.country, place.name), 0)
    return [r for r in regions if r.level != "admin1" or (r.country, r.name) not in curated_admin1]


def _capital_points(
    countries: dict[str, dict[str, object]], towns: list[SourcePlace], covered: set[str | None]
) -> list[SourcePlace]:
    """Countries the curated table lacks (small territories) get their capital's point."""
    by_name = {(t.country, t.name): t for t in towns}
    rows = []
    for country in countries.values():
        iso3 = str(country["iso3"])
        capital = by_name.get((iso3, str(country["capital"])))
        if iso3 in covered or capital is None:
            continue
        rows.append(SourcePlace(str(country["name"]), "country", "country", iso3, None, capital.lat,
                                capital.lon, int(country["population"] or 0),  # type: ignore[call-overload]
                                int(country["geonameid"])))  # type: ignore[call-overload]
    return rows


def build_gazetteer(path: Path, quiet: bool = True, places: list[SourcePlace] | None = None) -> Path:
    """Build the gazetteer at `path` (a temporary file renamed into place at the end).

    `places` replaces the packaged sources (tests build tiny gazetteers this way).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    places = collect_places() if places is None else places
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with closing(sqlite3.connect(tmp)) as db:
            db.executescript(_SCHEMA)
            _write(db, places)
            db.execute("INSERT INTO meta VALUES ('version', ?)", (GAZETTEER_VERSION,))
            db.commit()
            db.execute("VACUUM")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    if not quiet:
        size_mb = path.stat().st_size / 1e6
        print(f"gazetteer: {len(places):,} places -> {path} ({size_mb:.1f} MB)", file=sys.stderr)
    return path


def _write(db: sqlite3.Connection, places: Iterable[SourcePlace]) -> None:
    rows: list[tuple[object, ...]] = []
    names: dict[tuple[str, int], int] = {}
    adjectives: set[tuple[str, int]] = set()
    for place_id, place in enumerate(places, start=1):
        rows.append((place_id, place.name, place.kind, LEVEL[place.level], place.country, place.admin1,
                     round(place.lat, 5), round(place.lon, 5), place.population, place.geonames_id))
        names[(name_key(place.name), place_id)] = 1
        for alias in place.aliases:
            names.setdefault((name_key(alias), place_id), int(place.curated))
        adjectives.update((name_key(adjective), place_id) for adjective in place.adjectives)
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO names VALUES (?,?,?)", [(k, p, m) for (k, p), m in names.items() if k])
    db.executemany("INSERT INTO adjectives VALUES (?,?)", sorted(adjectives))
