"""Entity spans the small model cuts or glues wrongly: an institution's name cut at "and", and a town
glued to the time after it."""

from __future__ import annotations

import re

from sitroom.model import Entity
from sitroom.stages.entity_lexicon import Lexicon

# "Institute for the U.S. and Canadian Studies": the model ends the name at "and" after an abbreviation
_INSTITUTION_TAIL = re.compile(
    r" and (?:[A-Z][\w.'’-]* ){0,3}(?:Studies|Affairs|Research|Relations|Development|Policy|Sciences|"
    r"Technology|Security|Analyses|Analysis|Strategy|Cooperation|Trade|Culture|Education|Innovation)\b"
)


def joined_institutions(body: str, entities: list[Entity]) -> list[Entity]:
    """An institution's name "X for A and B Studies" cut at "and" is joined up again."""
    result: list[Entity] = []
    covered_to = -1
    for entity in sorted(entities, key=lambda e: (e.start, e.end)):
        if entity.end <= covered_to:
            continue  # inside the name just joined ("Canadian")
        tail = _INSTITUTION_TAIL.match(body, entity.end, entity.end + 80) if entity.label == "ORG" else None
        if tail is not None and re.search(r" (?:for|of) ", entity.text):
            entity = Entity(entity.start, tail.end(), "ORG", body[entity.start : tail.end()])
            covered_to = entity.end
        result.append(entity)
    return result


_LEADING_NAME = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?=[a-z])")


def place_then_time(body: str, entity: Entity, lex: Lexicon) -> list[Entity]:
    """ "struck Kyiv overnight": the model tags "Kyiv overnight" as a time; the town is a place."""
    match = _LEADING_NAME.match(entity.text)
    if match is None or (match.group(1) not in lex.cities and match.group(1) not in lex.countries):
        return [entity]
    place_end = entity.start + match.end(1)
    rest = entity.start + match.end()
    return [Entity(entity.start, place_end, "GPE", body[entity.start : place_end]),
            Entity(rest, entity.end, entity.label, body[rest : entity.end])]  # fmt: skip
