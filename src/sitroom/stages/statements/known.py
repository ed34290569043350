"""What one article tells of a speaker once holds for all their statements in it, and the officials
table gives a named official's country when the text leaves it out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from sitroom.model import Article, Statement
from sitroom.stages.events.actors import LazyActorTables
from sitroom.stages.events.home import HOME_BODIES, home_country
from sitroom.stages.timex.officials import load_terms

_FIELDS = ("speaker_role", "speaker_org", "speaker_country")


def share_descriptions(statements: Sequence[Statement]) -> list[Statement]:
    """ "National Security Communications Advisor John Kirby confirmed ...", then "Kirby stated ...": the
    later statement keeps the role, organisation and country the first one named. Only named people and
    bodies share; an anonymous "a senior official" is a different one each time."""
    known: dict[str, dict[str, str]] = {}
    for statement in statements:
        if statement.speaker_resolved and statement.speaker_kind in ("person", "organization"):
            described = known.setdefault(statement.speaker_resolved, {})
            for field in _FIELDS:
                value = getattr(statement, field)
                if value and field not in described:
                    described[field] = value
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
    "Jeon, the spokesperson for the ministry") belongs to the country the story is filed from, or to
    that of the national agency that wrote it; anonymous officials and "troops" stay unplaced."""
    placed = []
    for statement in statements:
        described = statement.speaker_role if statement.speaker_kind == "person" else statement.speaker
        match = _UNQUALIFIED.search(described or "") if statement.speaker_country is None else None
        if match is None or match.group("body") not in HOME_BODIES:
            placed.append(statement)
            continue
        home = home_country(article, tables.get())
        placed.append(replace(statement, speaker_country=home) if home else statement)
    return placed
