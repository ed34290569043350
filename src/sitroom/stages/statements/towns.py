"""A town that speaks for its government: "Tiraspol says ...", "Donetsk said ...". The country is the
gazetteer's, for a sizeable town the lexicon knows that is no given name; capitals and seats of
government the actor tables know ("Moscow", "the Kremlin") are placed before this is asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property

from sitroom.config import Settings
from sitroom.gazetteer import LazyGazetteer, gazetteer_path
from sitroom.model import Statement
from sitroom.stages.entity_lexicon import Lexicon, load_lexicon

_MIN_SEAT = 100_000  # smaller towns' names are too often surnames to speak for a government


class Towns:
    """The gazetteer, opened on the first town that speaks (most articles have none)."""

    def __init__(self, settings: Settings) -> None:
        self._gazetteer = LazyGazetteer(gazetteer_path(settings))

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon()

    def country(self, name: str) -> str | None:
        """The country of the biggest town so called, if the name is a town's and no given name."""
        lexicon = self.lexicon
        given = name.lower() in lexicon.given_male or name.lower() in lexicon.given_female
        if name not in lexicon.cities or given:
            return None
        found = self._gazetteer.get().lookup(name)
        towns = [c for c in found if c.main and c.level == 4 and c.population >= _MIN_SEAT]
        return max(towns, key=lambda c: c.population).country if towns else None


def in_towns(statements: Sequence[Statement], towns: Towns) -> list[Statement]:
    """Each body speaker still without a country whose name is only a town's takes the town's country."""
    placed = []
    for statement in statements:
        name = (statement.speaker or "").strip()
        body = statement.speaker_kind == "organization" and statement.speaker_country is None
        if body and name[:1].isupper():
            country = towns.country(name)
            statement = replace(statement, speaker_country=country) if country else statement
        placed.append(statement)
    return placed
