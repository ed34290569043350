"""Where the place mentions are: place-like entities, gazetteer names the model missed, place adjectives.

Adjectival forms and demonyms ("Russian") are place mentions only before a geographic noun
("Russian soil", "the North Korean border"); "Russian officials" names an actor, not a place, and
is left to the entity and event stages. Before "city of X" they tell which country X is in.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from sitroom.gazetteer import Gazetteer
from sitroom.model import Article, Entity, Token
from sitroom.model.lookup import lookup
from sitroom.stages.places.relabel import speaking_given_names
from sitroom.stages.places.resolve import Mention
from sitroom.stages.places.second_look import places_in_organisations, repeated_names

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MAX_NGRAM = 5
_LEADING = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_CONNECTORS = frozenset({"of", "de", "du", "la", "le", "al", "el", "upon", "on", "-"})
GEO_NOUNS = frozenset(
    {"soil", "territory", "territories", "border", "borders", "coast", "coastline", "waters", "airspace",
     "mainland", "side", "frontier", "city", "town", "village", "port", "region", "province", "capital",
     "island", "islands", "peninsula", "enclave", "exclave", "countryside", "shore", "seas", "land"}
)
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     # alone, the adjectives qualify ("Western newsrooms"); a region takes its noun ("Western Cape")
     "western", "eastern", "northern", "southern", "central"}
)  # fmt: skip
_CITY_OF = frozenset({"city", "town", "village", "port", "region", "province", "capital", "island"})


def find_mentions(
    article: Article, gazetteer: Gazetteer, mislabelled: Sequence[tuple[int, int, str]] = ()
) -> list[Mention]:
    """All place mentions of an article, without overlaps, in text order; `mislabelled` are towns
    the model called a person or organisation, or left untagged (relabel.mislabelled_places)."""
    body = article.body
    found = [m for e in article.entities if e.label in PLACE_LABELS for m in _from_entity(body, e)]
    found += [Mention(start, end, text) for start, end, text in mislabelled]
    found = [m for m in found if m.text[:1].isupper() and _plausible(m.text, gazetteer)]
    found = _prefer_longer(found, _gazetteer_names(body, article.tokens, gazetteer))
    found = _prefer_longer(found, _adjectival(body, article.tokens, gazetteer))
    found = _prefer_longer(found, places_in_organisations(article, gazetteer))
    found += repeated_names(article, found)
    people = speaking_given_names(article, {m.text for m in found})  # "Later, Colton told ..."
    found = [m for m in found if not _names_a_speaker(article, m) and m.text not in people]
    found = _with_unit_words(body, sorted(found, key=lambda m: m.start))
    return _with_hints(body, article.tokens, gazetteer, found)


# "Daman district", "Kandahar province", "Oyo state": the word says what kind of place the name is.
_UNIT_WORD = re.compile(r"\s(district|county|province|region|state|governorate|oblast|prefecture)\b")


def _with_unit_words(body: str, mentions: list[Mention]) -> list[Mention]:
    """Each mention with the lower-case unit word right after it, when no other mention starts there."""
    out = []
    for i, mention in enumerate(mentions):
        unit = _UNIT_WORD.match(body, mention.end)
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(body)
        if unit is not None and unit.end() <= following and not mention.adjectival:
            mention = replace(mention, end=unit.end(), text=body[mention.start : unit.end()])
        out.append(mention)
    return out


def _names_a_speaker(article: Article, mention: Mention) -> bool:
    """Inside the name of a person who speaks ("Natalia Grosu ... said", the model tagged "Natalia"
    as a place): the statements stage found a person there."""
    return any(
        s.speaker_kind == "person" and s.speaker_start is not None and s.speaker_end is not None
        and s.speaker_start <= mention.start and mention.end <= s.speaker_end
        and (s.speaker_start, s.speaker_end) != (mention.start, mention.end)
        for s in lookup(article).speakers.overlapping(mention.start, mention.end)
    )


def _from_entity(body: str, entity: Entity) -> list[Mention]:
    start, end = entity.start, entity.end
    text = body[start:end]
    lead = _LEADING.match(text)
    if lead:
        start += lead.end()
    possessive = _POSSESSIVE.search(body[start:end])
    if possessive:
        end -= len(possessive.group())
    while end > start and not body[end - 1].isalnum():
        end -= 1
    return [Mention(start, end, body[start:end])] if end > start else []


def _plausible(text: str, gazetteer: Gazetteer) -> bool:
    """'the North' and 'the South' are sides of a story, not towns; an acronym must be a country or region."""
    if text.lower() in _DIRECTIONS:
        return False
    if text.isupper() and len(text.replace(".", "")) <= 5:
        return any(c.level in (0, 1, 2, 5) for c in gazetteer.lookup(text))
    return True


def _capitalised(body: str, token: Token) -> bool:
    return body[token.start : token.start + 1].isupper()


def _gazetteer_names(body: str, tokens: Sequence[Token], gazetteer: Gazetteer) -> list[Mention]:
    """Multi-word names the model missed ('the Russian Far East', 'Punggye-ri test site'): longest first."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        word = body[tokens[i].start : tokens[i].end]
        starts_name = _capitalised(body, tokens[i]) and word != "The"
        match = _longest_at(body, tokens, i, gazetteer) if starts_name else None
        if match is None:
            i += 1
            continue
        found.append(match[0])
        i = match[1]
    return found


def _longest_at(
    body: str, tokens: Sequence[Token], i: int, gazetteer: Gazetteer
) -> tuple[Mention, int] | None:
    for size in range(min(_MAX_NGRAM, len(tokens) - i), 1, -1):
        window = tokens[i : i + size]
        if "\n" in body[window[0].start : window[-1].end] or not _name_like(body, window):
            continue
        text = body[window[0].start : window[-1].end]
        candidates = gazetteer.lookup(text)
        # Lower-case inner words only for curated names ("Korean peninsula"), never for towns.
        all_caps = all(_capitalised(body, t) or body[t.start : t.end] in _CONNECTORS for t in window)
        if candidates and (all_caps or any(c.level in (0, 1, 5) for c in candidates)):
            return Mention(window[0].start, window[-1].end, text), i + size
        if all_caps and _unit_named(body, window, gazetteer):
            return Mention(window[0].start, window[-1].end, text), i + size
    return None


# A first-level region written with its unit word, which the gazetteer's names leave off
# ("Ryazan Oblast", "Kherson Oblast", "Idlib Governorate"); not "State" ("Islamic State").
_UNIT_WORDS = frozenset({"Oblast", "Governorate", "Province", "Prefecture", "Krai"})


def _unit_named(body: str, window: Sequence[Token], gazetteer: Gazetteer) -> bool:
    """Whether the window is a known region or sizeable town followed by a capitalised unit word."""
    if body[window[-1].start : window[-1].end] not in _UNIT_WORDS:
        return False
    stem = gazetteer.lookup(body[window[0].start : window[-2].end])
    return any(c.level in (1, 2) or (c.level == 4 and c.population >= 10_000) for c in stem)


def _name_like(body: str, window: Sequence[Token]) -> bool:
    last = body[window[-1].start : window[-1].end]
    return last[:1].isalnum() and all(t.pos != "PUNCT" or body[t.start : t.end] == "-" for t in window)


def _adjectival(body: str, tokens: Sequence[Token], gazetteer: Gazetteer) -> list[Mention]:
    """'Russian soil', 'the North Korean border': the adjective stands for its country."""
    found: list[Mention] = []
    for i, token in enumerate(tokens[:-1]):
        for size in (2, 1):
            if i + size >= len(tokens):
                continue
            text = body[token.start : tokens[i + size - 1].end]
            following = body[tokens[i + size].start : tokens[i + size].end].lower()
            if following in GEO_NOUNS and text[:1].isupper() and gazetteer.adjective(text):
                found.append(Mention(token.start, tokens[i + size - 1].end, text, adjectival=True))
                break
    return found


def _prefer_longer(first: list[Mention], second: list[Mention]) -> list[Mention]:
    """Merge two mention lists; where they overlap, the longer span wins (ties to the first list).
    The first list's order is kept, and each mention of the second that wins goes at the end."""
    kept = dict(enumerate(first))  # key -> mention, in output order; a mention that loses is deleted
    ordered = sorted((m.start, k) for k, m in kept.items())  # by start, to find clashes by bisection
    starts, keys = [start for start, _ in ordered], [k for _, k in ordered]
    longest = max((m.end - m.start for m in first), default=0)
    for key, mention in enumerate(second, len(first)):
        lo, hi = bisect_left(starts, mention.start - longest), bisect_left(starts, mention.end)
        clashes = [k for k in keys[lo:hi] if k in kept and mention.start < kept[k].end]
        if all(mention.end - mention.start > kept[k].end - kept[k].start for k in clashes):
            for k in clashes:
                del kept[k]
            kept[key] = mention
            at = bisect_left(starts, mention.start)
            starts.insert(at, mention.start)
            keys.insert(at, key)
            longest = max(longest, mention.end - mention.start)
    return list(kept.values())


def _with_hints(
    body: str, tokens: Sequence[Token], gazetteer: Gazetteer, mentions: list[Mention]
) -> list[Mention]:
    """'the Russian city of Vladivostok': the adjective before 'city of' names the country."""
    starts = {t.start: n for n, t in enumerate(tokens)}
    result = []
    for mention in mentions:
        hint = None
        n = starts.get(mention.start)
        if n is not None and n >= 3 and body[tokens[n - 1].start : tokens[n - 1].end] == "of":
            noun = body[tokens[n - 2].start : tokens[n - 2].end].lower()
            adjective = body[tokens[n - 3].start : tokens[n - 3].end]
            countries = gazetteer.adjective(adjective) if noun in _CITY_OF else ()
            hint = countries[0].country if countries else None
        result.append(replace(mention, country_hint=hint) if hint else mention)
    return result
