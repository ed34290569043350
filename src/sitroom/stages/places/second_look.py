"""Second-look mention rules for what the small model hides: places inside organisation names, and
names it tags as a place once but as a person or organisation elsewhere in the same article.

"the Ohio Department of Transportation" and "the Charleston Police Department" say where the body
is, so the place name in them is a place mention (it locates the organisation, as LGL annotates).
"""

from __future__ import annotations

import re

from sitroom.gazetteer import Gazetteer
from sitroom.model import Article, Entity
from sitroom.stages.places.relabel import span_mask
from sitroom.stages.places.resolve import Mention

_ORG_LEAD = re.compile(r"^(?:the\s+)?", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*")
_MAX_WORDS = 3
_MIN_TOWN = 10_000  # a town named inside an organisation name must be at least this big
_PUBLIC_BODIES = frozenset(
    {"police", "fire", "sheriff", "sheriff's", "county", "city", "town", "township", "council", "board",
     "school", "schools", "public", "department", "court", "district", "area", "regional", "municipal",
     "chamber", "airport", "port", "hospital", "zoo", "library", "parks", "state", "university", "college",
     "community", "housing", "water", "transit", "metro", "convention", "visitors", "mayor's", "office"}
)


def places_in_organisations(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """The leading place of an ORG name ('Ohio' in 'the Ohio Supreme Court'), or the one after 'of'."""
    found = []
    for entity in article.entities:
        if entity.label not in ("ORG", "GOVERNMENT") or " " not in entity.text.strip():
            continue
        body = article.body
        mention = _leading_place(body, entity, gazetteer) or _trailing_place(body, entity, gazetteer)
        if mention is not None:
            found.append(mention)
    return found


def _leading_place(body: str, entity: Entity, gazetteer: Gazetteer) -> Mention | None:
    start = entity.start + _ORG_LEAD.match(entity.text).end()  # type: ignore[union-attr]
    words = list(_NAME_WORD.finditer(body, start, entity.end))
    run = 1  # the leading run of capitalised words; "Centre" alone leads "Centre for Eastern Studies"
    while run < len(words) and words[run - 1].end() + 1 == words[run].start():
        run += 1
    words = words[:run]  # a place is a strict part of that run, never all of it
    if not words or words[0].start() != start:
        return None
    for size in range(min(_MAX_WORDS, len(words) - 1), 0, -1):  # never the whole organisation name
        end = words[size - 1].end()
        text = body[start:end].rstrip(".") if size > 1 else body[start:end]
        # A town before a person's name-like word ("Carnegie Endowment") is not a place: a town
        # counts only before a public-body word; states and countries always do.
        local_body = words[size].group().lower() in _PUBLIC_BODIES
        if _known_place(gazetteer, text, towns=local_body):
            return Mention(start, start + len(text), text)
    return None


def _trailing_place(body: str, entity: Entity, gazetteer: Gazetteer) -> Mention | None:
    cut = body.rfind(" of ", entity.start, entity.end)
    if cut < 0:
        return None
    start = cut + 4
    text = body[start : entity.end]
    return Mention(start, entity.end, text) if _known_place(gazetteer, text) else None


def _known_place(gazetteer: Gazetteer, text: str, towns: bool = True) -> bool:
    if text.replace(".", "").isupper() and len(text) <= 5:
        return any(c.level <= 2 for c in gazetteer.lookup(text))  # "U.N." is no town in India
    return any(
        c.main and (c.level in (0, 1, 2, 5) or (towns and c.level == 4 and c.population >= _MIN_TOWN))
        for c in gazetteer.lookup(text)
    )


def repeated_names(article: Article, mentions: list[Mention]) -> list[Mention]:
    """Other occurrences of a name already taken as a place, unless part of a longer name."""
    body = article.body
    taken = {m.text for m in mentions if not m.adjectival and m.text[:1].isupper()}
    spans = span_mask(len(body), [(m.start, m.end) for m in mentions])
    names = {(e.start, e.end) for e in article.entities}
    named = span_mask(len(body), list(names))
    found: list[Mention] = []
    if not taken:
        return found
    # One pass over the body for all names, longest first; the lookahead finds names inside longer ones.
    alternatives = "|".join(re.escape(t) for t in sorted(taken, key=len, reverse=True))
    for match in re.finditer(f"(?=(?<![\\w-])({alternatives})(?![\\w-]))", body):
        start, end, text = match.start(1), match.end(1), match.group(1)
        if any(spans[start:end]):
            continue
        # Inside a longer name ("Greer Smith", "Columbia University") it is not this place.
        if any(named[start:end]) and (start, end) not in names:
            continue
        found.append(Mention(start, end, text))
    return found
