"""The curated word lists (resources/entities) and the mentions they find on their own: news
agencies, ministries written in lower case, military units, weapon codes and known cities."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sitroom.config import RESOURCES_DIR
from sitroom.model import Article, Entity

LEXICON_DIR = RESOURCES_DIR / "entities"
_LOWER_BODIES = re.compile(
    r"\b(?:civil (?:defen[cs]e|protection)|foreign|defen[cs]e|unification|interior|justice|finance|trade|"
    r"health|education|emergencies|economy|energy|environment|agriculture|culture|transport|labou?r|"
    r"intelligence|information) (?:ministry|department|agency|service)\b"
    r"|\bcoast guard\b(?! (?:officer|vessel|ship|boat)s?\b)"  # the body, not one of its crew or ships
)
_WEAPON_CODE = re.compile(r"\b([A-Z][A-Za-z]{0,9})-([A-Z]{0,3}\d{1,4}[A-Za-z0-9]{0,4})\b")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The curated word lists, loaded once from resources/entities."""

    agencies: frozenset[str]
    agency_heads: tuple[str, ...]
    government_heads: frozenset[str]
    government_words: frozenset[str]
    government_standalone: frozenset[str]
    role_words: frozenset[str]
    military_heads: tuple[str, ...]
    weapons: tuple[str, ...]
    weapon_prefix_stop: frozenset[str]
    countries: dict[str, str]  # name or alias -> ISO alpha-3
    demonyms: dict[str, str]
    cities: frozenset[str]
    hedges: tuple[str, ...]
    role_heads: frozenset[str]
    given_male: frozenset[str]
    given_female: frozenset[str]


def load_lexicon() -> Lexicon:
    raw: dict[str, Any] = json.loads((LEXICON_DIR / "lexicon.json").read_text(encoding="utf-8"))
    countries = dict(
        line.split("\t") for line in (LEXICON_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines()
    )
    countries.update(raw["country_aliases"])
    cities = frozenset((LEXICON_DIR / "cities.txt").read_text(encoding="utf-8").split("\n")) - {""}
    given: dict[str, frozenset[str]] = {"he": frozenset(), "she": frozenset()}
    names_file = (LEXICON_DIR / "given_names.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in names_file.splitlines()]
    for gender in given:  # built from Faker's name lists by train/given_names.py
        given[gender] = frozenset(name for name, g in rows if g == gender)
    return Lexicon(
        agencies=frozenset(raw["agencies"]),
        agency_heads=tuple(raw["agency_heads"]),
        government_heads=frozenset(raw["government_heads"]),
        government_words=frozenset(raw["government_words"]),
        government_standalone=frozenset(raw["government_standalone"]),
        role_words=frozenset(raw["role_words"]),
        military_heads=tuple(raw["military_heads"]),
        weapons=tuple(raw["weapons"]),
        weapon_prefix_stop=frozenset(raw["weapon_prefix_stop"]),
        countries=countries,
        demonyms={k: v for k, v in raw["demonyms"].items() if v},
        cities=cities,
        hedges=tuple(raw["hedges"]),
        role_heads=frozenset(raw["role_heads"]),
        given_male=frozenset(raw["given_names_male"]) | (given["he"] - set(raw["given_names_female"])),
        given_female=frozenset(raw["given_names_female"]) | (given["she"] - set(raw["given_names_male"])),
    )


def is_weapon(text: str, lex: Lexicon) -> bool:
    match = _WEAPON_CODE.fullmatch(text)
    if match and _weapon_code(match, lex):
        return True
    return any(text == w or text.startswith(w + "-") or text.startswith(w + " ") for w in lex.weapons)


def _weapon_code(match: re.Match[str], lex: Lexicon) -> bool:
    """Tor-M2U, S-400, Su-27, KN-23, Hwasong-15; not COVID-19, G-20 or Mid-2024."""
    prefix, suffix = match.group(1), match.group(2)
    if prefix in lex.weapons:
        return True
    if prefix in lex.weapon_prefix_stop:
        return False
    if suffix.isdigit():  # a bare number after a short code only: B-52, F-35, MiG-29
        short_code = len(prefix) <= 3 and prefix[0].isupper() and not prefix[1:].islower()
        return short_code or prefix in ("Su", "Ka", "Mi")
    return any(c.isdigit() for c in suffix) and any(c.isupper() for c in suffix)


def lexicon_mentions(body: str, lex: Lexicon) -> list[Entity]:
    """Mentions spaCy misses or mislabels, found by pattern; they win over overlapping spaCy spans."""
    found: list[Entity] = []
    for match in _WEAPON_CODE.finditer(body):
        if _weapon_code(match, lex):
            found.append(Entity(match.start(), match.end(), "WEAPON", match.group()))
    for match in _LOWER_BODIES.finditer(body):
        found.append(Entity(match.start(), match.end(), "GOVERNMENT", match.group()))
    found.extend(_agencies(body, lex))
    for match in _military_pattern(lex).finditer(body):
        found.append(Entity(match.start(), match.end(), "MILITARY_UNIT", match.group()))
    return found


_NOT_AGENCY_NAMES = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "State"}
)


# "the Interfax news agency", "Russia's Tass news agency": the name before a lowercase head;
# "the Moldovan news agency InfoNistru": the name after it, when the word before is no name
_AGENCY_NAME = r"[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?"
_AGENCY_BEFORE = re.compile(rf"\b({_AGENCY_NAME}) news agency\b")
_AGENCY_AFTER = re.compile(rf"\bnews agency,? ({_AGENCY_NAME})\b")


def _agencies(body: str, lex: Lexicon) -> list[Entity]:
    def usable(name: str) -> bool:
        return name not in lex.demonyms and name not in lex.countries and name not in _NOT_AGENCY_NAMES

    found: list[Entity] = []
    named_heads: set[int] = set()  # where "news agency" already has its name before it
    for match in _AGENCY_BEFORE.finditer(body):
        if usable(match.group(1)):
            found.append(Entity(match.start(1), match.end(1), "AGENCY", match.group(1)))
            named_heads.add(match.end(1) + 1)
    for match in _AGENCY_AFTER.finditer(body):
        if match.start() not in named_heads and usable(match.group(1)):
            found.append(Entity(match.start(1), match.end(1), "AGENCY", match.group(1)))
    return found


def _military_pattern(lex: Lexicon) -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in lex.military_heads)
    lowered = "|".join(re.escape(h.lower()) for h in lex.military_heads if " " in h)
    qualifier = r"(?:\d+(?:st|nd|rd|th) |[A-Z][a-z]+ )"
    # a base or academy named after a unit is a place, not the unit
    return re.compile(rf"\b{qualifier}{qualifier}?(?:{heads}|{lowered})\b(?! Base| Station| Academy)")


_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "near", "at", "toward", "towards", "into", "via"})


def missed_cities(article: Article, entities: list[Entity], lex: Lexicon) -> list[Entity]:
    """A known city after a place preposition ("reached ... from Khabarovsk to Vladivostok") that
    spaCy left untagged."""
    covered = [(e.start, e.end) for e in entities]
    body, tokens = article.body, article.tokens
    found: list[Entity] = []
    for i in range(1, len(tokens)):
        token = tokens[i]
        text = body[token.start : token.end]
        if token.tag != "NNP" or text not in lex.cities:
            continue
        previous = body[tokens[i - 1].start : tokens[i - 1].end].lower()
        if previous in _PLACE_PREPOSITIONS and not any(s < token.end and token.start < e for s, e in covered):
            found.append(Entity(token.start, token.end, "GPE", text))
    return found
