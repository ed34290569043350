"""Towns the small model calls a person or an organisation ("Tiraspol", "Ungheni"), or leaves untagged.

A one-word name that the gazetteer knows as a sizeable place is a place when some mention of it
sits in a place context ("in X", "near X", "X-based", "X, Moldova", "from X to Y", "the X region",
"X:" opening a paragraph), or when it is a big or well-known place that the article never uses as a
person ("Mr X", "X said", part of a longer person's name). Entities found so are relabelled GPE/LOC.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from sitroom.gazetteer import Candidate, Gazetteer
from sitroom.model import Article, Entity, Place, Token
from sitroom.model.lookup import lookup
from sitroom.stages.entity_lexicon import Lexicon, load_lexicon

_MIN_TOWN = 10_000  # a town in a place context
_MIN_UNCONTEXTED = 100_000  # a town the article never uses as a person, without a place context
_WELL_KNOWN_CITY = 300_000  # a city even its speakers cannot make a person ("Moscow said")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around|into|towards?|across|through|at|via|across from)"
    r"|\b(?:north|south|east|west)(?:east|west)?\s+of|\bthe\s+(?:city|town|village|port)\s+of)\s+$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"^(?:-based\b|\s+(?:region|district|area|province|county|oblast|raion|municipality)\b"
    r"|\s+(?:and|or)\s+(?:[A-Z]\w+\s+)?(?:regions|districts|areas)\b"
    # "Faenza, some 150 kilometers from Bologna": a distance set beside the name
    r"|,\s+(?:(?:about|some|around|roughly|nearly|almost|only|just|approximately)\s+)?\d[\d,.]*\s?-?"
    r"(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:\w+\s+)?(?:from|of)\b)"
)
# ("in Khan Younis and Rafah": the place listed first may have two or three words)
_LISTED_BEFORE = re.compile(
    r"(?:\b(in|near|at|from|between)\s+)?\b((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)\s+(?:and|or|to)\s+$"
)
_LISTED_AFTER = re.compile(r"^\s+(?:and|or|to)\s+(?:the\s+)?([A-Z][\w-]+)")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|near|at|from|between)\s+$")
_TITLES = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Col|Sgt|Capt|Lt|Maj|Cpl|St|Sir|Lady|Lord|President"
    r"|Minister|General|Judge|Officer|Sheriff|Coach|Father|Brother|Sister|Uncle|Aunt)\.?\s+$"
)
_ROLES = frozenset(
    {"Mayor", "Police", "County", "City", "Commonwealth", "Council", "Spokeswoman", "Spokesman", "Chief",
     "Director", "Officials", "Residents", "Governor", "Sheriff", "Court", "Mayoral"}
)  # fmt: skip
_RELABELLED = frozenset({"PERSON", "ORG", "NORP"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "announce", "claim", "deny", "warn", "state"})
_OPENING = re.compile(r"(?:^|\n)\s*$")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@dataclass(frozen=True, slots=True)
class Occurrence:
    start: int
    end: int
    evidence: (
        str  # person (PERSON) | tagged (ORG, or a NORP that is no demonym) | proper (untagged PROPN) | word
    )


def mislabelled_places(article: Article, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, text) of every occurrence of a one-word name that is a place by the rules above."""
    found, pending, countries = [], [], _story_countries(article, gazetteer)
    for text, occurrences in _candidates(article, gazetteer).items():
        places = _sizeable(gazetteer, text)
        if not places or _used_as_person(article, text, occurrences):
            continue
        if all(c.level == 4 for c in places) and _used_as_thing(article, occurrences):
            continue  # rivers, seas and regions do take "the"
        size = max(_size(c) for c in places)
        named = [o for o in occurrences if o.evidence != "word"]
        in_context = [o for o in occurrences if _place_context(article, o, gazetteer)]
        speaks = any(_speaks(article.tokens, o) for o in occurrences)
        if in_context:
            found += [(o.start, o.end, text) for o in occurrences if o.evidence != "word" or o in in_context]
        elif named and size >= _WELL_KNOWN_CITY and not speaks:
            found += [(o.start, o.end, text) for o in named]
        else:
            if (
                named
                and size >= _MIN_UNCONTEXTED
                and (not speaks or _seat(text))
                and all(o.evidence != "person" for o in named)
            ):
                pending.append((text, named, places))
            continue
        countries.add(max(places, key=_size).country or "")
    for text, named, places in pending:  # a big town of a country the story is in, by the places above
        if any(c.country in countries for c in places):
            found += [(o.start, o.end, text) for o in named]
    return found


def _seat(text: str) -> bool:
    """A town that may speak for its government: a city the lexicon knows that is no given name ("Tiraspol
    says", "Donetsk said", kept only when its country is already the story's, like any pending town)."""
    return text in load_lexicon_cached().cities and text.lower() not in _given_names()


def _size(candidate: Candidate) -> int:
    """Population for towns; countries, macro regions and curated sites count as well known; an
    admin region's name ("Victoria", "Georgia") is a place only in a place context."""
    if candidate.level == 4:
        return candidate.population
    return _WELL_KNOWN_CITY if candidate.level in (0, 1, 5) else 0


def _used_as_thing(article: Article, occurrences: list[Occurrence]) -> bool:
    """ "the Webster was sold", "The Woodlands' director": after "the", a town's name that heads its
    phrase names a venue, team or body ("the Sochi election" only uses the town to qualify)."""
    body, tokens = article.body, article.tokens
    for o in occurrences:
        if not re.search(r"\b[Tt]he\s+$", body[max(0, o.start - 5) : o.start]):
            continue
        if _PLACE_AFTER.match(body[o.end : o.end + 40]):
            continue
        following = bisect_left(tokens, o.end, key=lambda t: t.start)
        if following >= len(tokens) or tokens[following].pos not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return True
    return False


def _story_countries(article: Article, gazetteer: Gazetteer) -> set[str]:
    """Countries of the places the model did tag (each name's biggest match)."""
    countries = set()
    for entity in article.entities:
        if entity.label in ("GPE", "LOC"):
            found = [c for c in gazetteer.lookup(entity.text.removeprefix("the ")) if c.main]
            if found:
                countries.add(max(found, key=lambda c: (c.level in (0, 2), c.population)).country or "")
    return countries - {""}


def _candidates(article: Article, gazetteer: Gazetteer) -> dict[str, list[Occurrence]]:
    """One-word PERSON/ORG/NORP entities and untagged capitalised words, grouped by text."""
    body, tokens = article.body, article.tokens
    grouped: dict[str, list[Occurrence]] = defaultdict(list)
    covered = span_mask(len(body), [(e.start, e.end) for e in article.entities])
    for entity in article.entities:
        text = _POSSESSIVE.sub("", body[entity.start : entity.end])
        if entity.label == "NORP" and gazetteer.adjective(text):
            continue  # "Moldovan": a demonym, as it should be
        if entity.label in ("PERSON", "ORG", "NORP") and re.fullmatch(r"[A-Z][\w-]+", text):
            evidence = "person" if entity.label == "PERSON" else "tagged"
            grouped[text].append(Occurrence(entity.start, entity.start + len(text), evidence))
    for i, token in enumerate(tokens):
        text = body[token.start : token.end]
        if token.pos not in ("PROPN", "ADJ", "NOUN", "X") or not re.fullmatch(r"[A-Z][a-z][\w'’-]+", text):
            continue
        if any(covered[token.start : token.end]) or _joined(body, tokens, i):
            continue
        grouped[text].append(Occurrence(token.start, token.end, "proper" if token.pos == "PROPN" else "word"))
    return grouped


def _joined(body: str, tokens: Sequence[Token], i: int) -> bool:
    """Part of a longer capitalised name ("Tiraspol Street", "Port Ungheni"): not this place alone."""
    for j in (i - 1, i + 1):
        if (
            0 <= j < len(tokens)
            and tokens[j].pos == "PROPN"
            and body[tokens[j].start : tokens[j].start + 1].isupper()
        ):
            return True
    return False


def _sizeable(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    return [
        c
        for c in gazetteer.lookup(text)
        if c.main and (c.level in (0, 1, 2, 5) or (c.level == 4 and c.population >= _MIN_TOWN))
    ]


def _used_as_person(article: Article, text: str, occurrences: list[Occurrence]) -> bool:
    """A title before it, the name inside a longer person's name, anywhere in the article, or a given name
    that speaks ("Later, Colton told an audience about the first time he ...")."""
    body = article.body
    if any(_TITLES.search(body[max(0, o.start - 12) : o.start]) for o in occurrences):
        return True
    if speaking_given_names(article, {text}):
        return True
    return any(e.label == "PERSON" and _names_person(e.text.split(), text) for e in article.entities)


def speaking_given_names(article: Article, texts: set[str]) -> set[str]:
    """Which of these one-word names, tagged as places, are given names that the article has say or tell
    something ("Later, Colton told an audience ..."): a person's there, wherever written; not a country
    or a city the lexicon knows ("Washington said" is its government)."""
    lexicon = load_lexicon_cached()
    names = {t for t in texts if " " not in t and t.lower() in _given_names()}
    names -= lexicon.cities | set(lexicon.countries)
    if not names:
        return set()
    body, tokens = article.body, article.tokens
    return {
        body[t.start : t.end] for i, t in enumerate(tokens)
        if body[t.start : t.end] in names and t.dep == "nsubj" and tokens[t.head].lemma in _SPEECH_LEMMAS
        and not (i and tokens[i - 1].head == i and tokens[i - 1].dep == "compound")  # "Racing Victoria said"
    }


@lru_cache(maxsize=1)
def load_lexicon_cached() -> Lexicon:
    return load_lexicon()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    lexicon = load_lexicon_cached()
    return lexicon.given_male | lexicon.given_female


def _names_person(words: list[str], text: str) -> bool:
    """ "Andrew Jackson", "Lindsay Graham": the name is a surname or a first name in a person's name.
    The small model also calls headlines and titles PERSON ("Sochi Mayor"): those do not count."""
    words = [_POSSESSIVE.sub("", w) for w in words]
    if len(words) < 2 or len(words) > 3 or text not in words:
        return False
    if words[-1] == text:
        return words[0] not in _ROLES
    return words.index(text) == 0 and len(words) == 2 and words[1] not in _ROLES


def _place_context(article: Article, occurrence: Occurrence, gazetteer: Gazetteer) -> bool:
    body = article.body
    before = body[max(0, occurrence.start - 30) : occurrence.start]
    after = body[occurrence.end : occurrence.end + 40]
    if after.startswith(("'s", "’s")):
        return False  # "in Jackson's view": a possessor, whatever the preposition
    if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after):
        return True
    if _coordinated(article, before, after, gazetteer):
        return True
    if _OPENING.search(before) and re.match(r"^\s*(?::|--|[–—])\s", after):
        return True  # a dateline: "Tiraspol: The leader ...", "UNGHENI – Talks ..."
    container = re.match(r"^,\s+([A-Z][\w ]+?)\b(?=\s*(?:--|[–—(,.:]))", after)
    return bool(container) and any(c.level in (0, 2) for c in gazetteer.lookup(container.group(1)))  # type: ignore[union-attr]


def _coordinated(article: Article, before: str, after: str, gazetteer: Gazetteer) -> bool:
    """ "Tiraspol and Moscow", "from Ungheni to Chisinau", "between Iasi and Ungheni": listed with a
    place the model tagged, or with a known place after a preposition ("between Bell and Eggers" is not)."""
    tagged = lookup(article).place_names
    pairs = []
    earlier = _LISTED_BEFORE.search(before)
    if earlier:
        pairs.append((earlier.group(2), bool(earlier.group(1))))
    later = _LISTED_AFTER.match(after)
    if later:
        pairs.append((later.group(1), bool(_PREPOSITION_BEFORE.search(before))))
    return any(other in tagged or (prep and _listable(gazetteer, other)) for other, prep in pairs)


def _listable(gazetteer: Gazetteer, text: str) -> bool:
    """A known place to list beside another: a sizeable one, or a town under another of its names
    ("Khan Younis" for Khān Yūnis), which a list after a preposition makes safe to take."""
    if _sizeable(gazetteer, text):
        return True
    return any(c.level == 4 and c.population >= _MIN_UNCONTEXTED for c in gazetteer.lookup(text))


def _speaks(tokens: Sequence[Token], occurrence: Occurrence) -> bool:
    """The subject of 'said' or 'told': a person or a body here, whatever the gazetteer says."""
    first = bisect_left(tokens, occurrence.start, key=lambda t: t.start)
    last = bisect_left(tokens, occurrence.end, key=lambda t: t.start)
    return any(
        tokens[i].dep in ("nsubj", "nsubjpass") and tokens[tokens[i].head].lemma in _SPEECH_LEMMAS
        for i in range(first, last)
    )


def span_mask(length: int, spans: Sequence[tuple[int, int]]) -> bytearray:
    """One byte per character of a text, set inside any of `spans`: overlap tests in constant time."""
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def relabel(
    entities: Sequence[Entity], places: Sequence[Place], spans: Sequence[tuple[int, int, str]]
) -> tuple[Entity, ...]:
    """PERSON/ORG/NORP entities inside a place become GPE (LOC for water and sites); the untagged
    towns in `spans` that resolved are added as entities."""
    kind_at = {(p.start, p.end): p.kind for p in places}
    towns = {(start, end) for start, end, _ in spans}
    result, seen = [], set()
    ordered = sorted(places, key=lambda p: p.start)  # place mentions never overlap
    for entity in entities:
        # Inside a place's span ("Tiraspol", "the Cobasna depot") the model's PERSON/ORG is that place;
        # a NORP only when it was taken for a town ("Russian" before "airspace" stays a demonym).
        at = bisect_right(ordered, entity.start, key=lambda p: p.start) - 1
        around = ordered[at] if at >= 0 and entity.end <= ordered[at].end else None
        norp_ok = entity.label != "NORP" or (entity.start, entity.end) in towns
        if around is not None and entity.label in _RELABELLED and norp_ok:
            entity = replace(entity, label=_label(around.kind))
        seen.add((entity.start, entity.end))
        result.append(entity)
    for start, end, text in spans:
        kind = kind_at.get((start, end))
        if kind is not None and (start, end) not in seen:
            result.append(Entity(start, end, _label(kind), text))
    return tuple(sorted(result, key=lambda e: (e.start, e.end)))


def _label(kind: str) -> str:
    return "LOC" if kind in ("water", "site") else "GPE"
