"""What one article tells of a speaker once holds for all their statements in it, and the officials
table gives a named official's country when the text leaves it out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from sitroom.model import Article, Statement
from sitroom.model.lookup import lookup
from sitroom.stages.events.actors import LazyActorTables, keyword_matches, official, resolve
from sitroom.stages.events.home import HOME_BODIES, fronted_capital, home_country, passage_country
from sitroom.stages.timex.officials import load_terms

_FIELDS = ("speaker_role", "speaker_org", "speaker_country")


def share_descriptions(
    statements: Sequence[Statement], mentions: Mapping[str, Mapping[str, str]] | None = None
) -> list[Statement]:
    """ "National Security Communications Advisor John Kirby confirmed ...", then "Kirby stated ...": the
    later statement keeps the role, organisation and country the first one named. Only named people and
    bodies share; an anonymous "a senior official" is a different one each time. What the article
    writes around a person where they do not speak (`mentions`, by full name) fills what their
    statements leave out."""
    known: dict[str, dict[str, str]] = {}
    for statement in statements:
        if statement.speaker_resolved and statement.speaker_kind in ("person", "organization"):
            described = known.setdefault(statement.speaker_resolved, {})
            for field in _FIELDS:
                value = getattr(statement, field)
                if value and field not in described:
                    described[field] = value
    for name, fields in (mentions or {}).items():
        if name in known:  # only for people who speak; their own words come first
            known[name] = {**fields, **known[name]}
    shared = []
    for statement in statements:
        fill = (
            known.get(statement.speaker_resolved or "", {}) if statement.speaker_kind != "anonymous" else {}
        )
        missing = {field: value for field, value in fill.items() if getattr(statement, field) is None}
        if (
            statement.speaker_kind == "person"
            and statement.speaker_country is None
            and "speaker_country" not in missing
        ):
            country = official_country(statement.speaker_resolved or "")
            if country is not None:
                missing["speaker_country"] = country
        shared.append(
            replace(
                statement,
                speaker_role=statement.speaker_role or missing.get("speaker_role"),
                speaker_org=statement.speaker_org or missing.get("speaker_org"),
                speaker_country=statement.speaker_country or missing.get("speaker_country"),
            )
            if missing
            else statement
        )
    return shared


def official_country(name: str) -> str | None:
    """The country a full name holds office for in the officials table, when it names only one."""
    return _countries().get(name.lower())


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for term in load_terms():
        for name in (term.name, *term.aliases):
            if " " in name.strip():  # a surname alone ("Kirby") may be anyone's
                found.setdefault(name.lower(), set()).add(term.country)
    return {name: next(iter(countries)) for name, countries in found.items() if len(countries) == 1}


# "the defense ministry said", "a spokesperson for the unification ministry": a body no country qualifies.
_UNQUALIFIED = re.compile(
    r"(?:^|\bfor |\bat |\bof )(?:the |a |an )?(?:[a-z-]+ ){0,2}(?P<body>[a-z]+)$"
)


def at_home(statements: Sequence[Statement], article: Article, tables: LazyActorTables) -> list[Statement]:
    """A speaker who is, or speaks for, a national body no country qualifies ("the defense ministry",
    "Jeon, the spokesperson for the ministry") belongs to the country the sentence before names as its
    subject ("Moscow criticised ..."), else to the country the story is filed from, or to that of the
    national agency that wrote it; anonymous officials and "troops" stay unplaced. A named official
    with a bare government title ("Defence Minister Victor Rusnac") is placed the same way, but in the
    story's home country only when the story names that country's places more than any other's."""
    placed = []
    for statement in statements:
        country = None
        if statement.speaker_country is None:
            country = _institution_country(statement, tables)
        if statement.speaker_country is None and country is None:
            described = statement.speaker_role if statement.speaker_kind == "person" else statement.speaker
            match = _UNQUALIFIED.search(described or "")
            at = statement.speaker_start if statement.speaker_start is not None else statement.start
            if match is not None and match.group("body") in HOME_BODIES:
                actors = tables.get()
                country = fronted_capital(article, at, actors) or passage_country(article, at, actors)
                country = country or home_country(article, actors)
            elif statement.speaker_kind == "person" and statement.speaker_resolved and _office(described):
                country = passage_country(article, at, tables.get()) or _dominant_home(article, tables)
            else:
                country = _place_named(statement, article, tables) or _ruler_named(statement, tables)
                country = country or _listed_surname(statement, article, tables)
        placed.append(replace(statement, speaker_country=country) if country else statement)
    return placed


# Who may be in a capital without being of its country: "diplomats in Brussels", "the OSCE mission".
_VISITORS = re.compile(
    r"\b(?:diplomat|embass|envoy|ambassador|correspondent|journalist|reporter|observer|monitor|mission|"
    r"delegat|foreigner|expat|visit|peacekeep|international)", re.IGNORECASE
)


def _place_named(statement: Statement, article: Article, tables: LazyActorTables) -> str | None:
    """An unnamed speaker or a body by the capital its phrase names, which the entity lexicon alone does
    not know ("Analysts in Chisinau"), or a city the actor table codes ("Tiraspol says"); not one who
    may be visiting ("diplomats in Brussels")."""
    start, end = statement.speaker_start, statement.speaker_end
    if statement.speaker_kind not in ("anonymous", "organization") or start is None or end is None:
        return None
    if _VISITORS.search(statement.speaker or ""):
        return None
    countries = tables.get().countries
    for entity in lookup(article).entities.starting(start, end):
        if entity.end <= end and entity.label == "GPE":
            code = countries.get(entity.text.lower().removeprefix("the ").removesuffix("'s"))
            if code:
                return code
    return None


def _ruler_named(statement: Statement, tables: LazyActorTables) -> str | None:
    """A body the events stage's actor table codes by a name inside it: "The government of President
    Bashar al-Assad" is Syria's, as the officials table knows him."""
    if statement.speaker_kind != "organization" or not statement.speaker:
        return None
    return resolve(tables.get(), statement.speaker).country


def _listed_surname(statement: Statement, article: Article, tables: LazyActorTables) -> str | None:
    """ "Putin said", "Assad said" in a story that never gives the full name: a listed official's surname
    alone, coded as the events stage codes it, when the story names that country elsewhere too ("Johnson
    said the road would reopen" in a story of Ohio is no British prime minister's)."""
    name = statement.speaker_resolved or ""
    if statement.speaker_kind != "person" or " " in name or not name[:1].isupper():
        return None
    actors = tables.get()
    found = official(actors, name)
    if not found or found[0] is None:
        return None
    named = {actors.countries[m.group(0).lower()] for m in keyword_matches(actors, article.body)
             if m.group(0).lower() in actors.countries}  # fmt: skip
    return found[0] if found[0] in named else None


def _institution_country(statement: Statement, tables: LazyActorTables) -> str | None:
    """The country of a national institution the speaker is or works for, by the actor table: "State
    Department spokesperson Rachel Hendricks", "the Pentagon said"."""
    names = [statement.speaker_org]
    if statement.speaker_kind == "organization":
        names += [statement.speaker_resolved, statement.speaker]
    for name in names:
        found = tables.get().institutions.get((name or "").lower().removeprefix("the ").strip())
        if found is not None and found[0] is not None:
            return found[0]
    return None


# A bare title of national government: every word is one of these, and one of them is an office.
_OFFICES = frozenset({"minister", "ministry", "premier", "president", "chancellor", "government", "cabinet",
                      "department"})  # fmt: skip
_TITLE_WORDS = _OFFICES | frozenset(
    {"prime", "deputy", "vice", "first", "acting", "spokesperson", "spokesman", "spokeswoman", "press",
     "secretary", "defence", "defense", "foreign", "interior", "home", "finance", "energy", "justice",
     "health", "economy", "trade", "agriculture", "education", "transport", "culture", "environment",
     "labour", "labor", "emergency", "emergencies", "affairs", "state", "national", "regional",
     "federal", "the", "for", "of", "and"}
)


def _office(role: str | None) -> bool:
    """ "Defence Minister", "Foreign ministry spokeswoman", "regional president": a government title that
    says nothing of whose it is (not "head of the mission", "Transnistria's leader", "company president")."""
    words = re.findall(r"[a-z]+", (role or "").lower())
    return bool(words) and set(words) <= _TITLE_WORDS and bool(_OFFICES & set(words))


def _dominant_home(article: Article, tables: LazyActorTables) -> str | None:
    """The story's home country, if the story names it or its towns more often than any other country
    (places are not resolved yet at this stage: the actor table's names count): a minister quoted in
    a story from Brussels or Geneva may be anyone's."""
    home = home_country(article, tables.get())
    countries = tables.get().countries
    named = (countries.get(e.text.lower().removesuffix("'s")) for e in article.entities if e.label == "GPE")
    counts = Counter(code for code in named if code)
    ranked = counts.most_common(2)
    if home is None or not ranked or ranked[0][0] != home:
        return None
    return home if len(ranked) == 1 or ranked[1][1] < ranked[0][1] else None
