"""Where an event happened: a place its sentence puts it in, else one its paragraph named just before,
else the town, region or site the story's lead names, else the dateline's place.

The dateline says where the report was filed; the lead says where the story is ("KABUL -- ... killed
two insurgents in Andar district, Ghazni province, yesterday"), so an event told further down ("Initial
reports indicate three insurgents have been killed") happened there; what is said (an accusation, a
threat) happened wherever its speaker was: their own place, the place the sentence says they spoke in,
else the dateline's when the speaker is not coded to another country and did not speak through a news
agency ("according to Tass"), which says it was not said to whoever filed the story. A country in the
lead is as often who acts as where, and so is a capital ("tension between Pyongyang and Washington"):
only a finer place the lead puts the story in ("in X district", "near the town of X") counts.

A place named as whose something is ("the Islamic Movement of Uzbekistan", "the president of France")
says who, not where: it is taken only when the sentence names no other place. Places in a quote the
event's verb stands outside of, and the place the event is aimed at ("accused Chisinau"), are not
where it happened either; nor is the country of whoever told of it ("according to the U.S. military"),
unless the one acting is coded to that country and nothing nearer places it.
"""

from __future__ import annotations

import re

from sitroom.model import Article, Place, Sentence
from sitroom.model.lookup import lookup
from sitroom.stages.events.mentions import Mention
from sitroom.stages.events.when import lead_sentence, sentences_before

# The last preposition before a place after a movement verb says it is where the movement goes.
_TOWARD = re.compile(
    r"\b(?:to|toward|towards|into|in|at|near|across|onto)\b(?:\s+(?!to\b|from\b)\S+){0,5}\s*$", re.IGNORECASE
)
# A place the lead puts the story in, after a preposition of place: "in Andar district, Ghazni province",
# "near the town of X"; not a capital standing for its government ("tension between Pyongyang and ...").
_LOCATED = re.compile(
    r"\b(?:in|at|near|outside|inside|around|across|along|off)\b(?:\s+(?!and\b)\S+){0,5}\s*$", re.IGNORECASE
)
# "of X" after a noun that is no part of a place: "the Movement of X", "the president of X".
_OF_BEFORE = re.compile(r"\b(\w+)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Nouns whose "of X" is still a place: "the outskirts of X", "the town of X", "north of X".
_PART_OF = frozenset({
    "outskirts", "centre", "center", "heart", "edge", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest", "city", "town", "village", "province", "region", "district",
    "streets", "suburbs", "suburb", "capital", "port", "area", "part", "parts", "county", "state", "island",
    "municipality", "neighbourhood", "neighborhood", "bank", "coast", "shores", "mountains",
    "kilometres", "kilometers", "miles", "km",
})  # fmt: skip


def event_place(
    article: Article, sentence: Sentence, offset: int, target: Mention | None = None,
    source: Mention | None = None, moved: bool = False, spoken: bool = False,
    speaker_country: str | None = None,
) -> Place | None:
    """The place of an event whose verb sits at `offset` in `sentence` (`target`: whom it is aimed at;
    `source`: who acts; `moved`: the verb moves troops or things, so where they go is where it happens;
    `spoken`: an accusation, threat or appeal, said wherever its speaker was, not where the lead is;
    `speaker_country`: the country the speaker is coded to, when known)."""
    inside = lookup(article).places.starting(sentence.start, sentence.end)
    trigger_quoted = in_quotes(article.body, sentence.start, offset)
    unquoted = [p for p in inside if trigger_quoted or not in_quotes(article.body, sentence.start, p.start)]
    free = unquoted if target is None else [p for p in unquoted if not target.start <= p.start < target.end]
    # The acting country is who, not where: "North Korea has deployed troops to eastern Russia".
    elsewhere = [p for p in free if not _is_actor(p, source, article.body)]
    if spoken:
        said = _where_said(article, sentence, source, free, speaker_country)
        if said is not None:
            return said
    reporters = _reporters(article, offset, free)
    where = [p for p in elsewhere if not _whose(article, p) and p not in reporters]
    if moved:
        where = _destinations(article.body, where, offset) or where
    free = [p for p in free if p not in reporters]
    found = _near(where, offset) or _paragraph_place(article, sentence) or _near(free, offset)
    found = found or (None if spoken else _lead_place(article, sentence))
    # "Moldova says Transnistrian troops have moved ...": the teller's own country, when the one acting is
    # coded to it, is nearer than the dateline's Washington
    own = [p for p in reporters if speaker_country is not None and p.country == speaker_country]
    found = found or _near(own, offset) or dateline_place(article)
    unsaid = [p for p in inside if p not in reporters]
    return found or (_near(unsaid, offset) if target is None else None)


def _reporters(article: Article, offset: int, places: list[Place]) -> list[Place]:
    """Countries that only say whose a report is: "..., according to the U.S. military" names who told
    of the attacks, not where they were (unless the actor is of that country, `event_place`)."""
    spans = [(s.speaker_start, s.speaker_end) for s in article.statements
             if s.start <= offset < s.end and s.speaker_start is not None and s.speaker_end is not None]
    return [p for p in places if p.kind == "country" and any(a <= p.start < b for a, b in spans)]


# "told reporters in Chisinau", "said in Kyiv", "speaking at a news conference in Brussels"
_SAID_IN = re.compile(
    r"\b(?:said|says|told|tells|telling|speaking|spoke|announced|wrote|added|warned)\b[^.;:,]{0,40}?\b"
    r"(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE,
)


def _where_said(
    article: Article, sentence: Sentence, source: Mention | None, free: list[Place], country: str | None
) -> Place | None:
    """Where what is said was said: the speaker's own place ("Moldova has repeatedly demanded ...", "Moscow
    criticised ...", "the leader of Moldova's breakaway Transnistria region"), a place the sentence says
    it was said in ("told reporters in Chisinau"), else where the story was filed, unless the speaker is
    coded to another country (Moscow's spokeswoman quoted in a story from Iasi): then None, and the
    sentence's and paragraph's places decide as for any event."""
    if source is not None:
        own = [p for p in free if source.start <= p.start < source.end]
        if own:
            return own[-1]  # the finest: "Moldova's breakaway Transnistria region" is in Transnistria
    body = article.body
    for place in free:
        if _SAID_IN.search(body[max(sentence.start, place.start - 60) : place.start]):
            return place
    filed = dateline_place(article)
    if filed is not None and country is not None and filed.country not in (None, country):
        return None
    if any(s.via and s.start < sentence.end and s.end > sentence.start for s in article.statements):
        return None  # "..., according to Russia's Tass news agency": said to others, not where this was filed
    return filed


def _is_actor(place: Place, source: Mention | None, body: str = "") -> bool:
    """Whether the place is a country that is most of the acting mention ("North Korea", "Russia's
    military") or owns it ("Ukraine's drones"). A town or province stays: "Kabul police", and parse
    slips ("In X district, Balkh province, coalition forces captured ..." read with the province as
    the subject)."""
    if source is None or place.kind != "country":
        return False
    if not source.start <= place.start < place.end <= source.end:
        return False
    return place.end - place.start >= 0.5 * (source.end - source.start) or body.startswith(
        ("'s", "’s"), place.end)


def _destinations(body: str, places: list[Place], offset: int) -> list[Place]:
    """Places after the verb that a preposition of direction or arrival leads to ("sent troops to
    Russia", "moving equipment toward its border with North Korea", "stationed in Kursk")."""
    return [p for p in places if p.start > offset and _TOWARD.search(body[offset : p.start])]


def _whose(article: Article, place: Place) -> bool:
    """A place after "of": whose something is ("Movement of Uzbekistan"), not where it happened
    (but "the outskirts of X", "the town of X" and "10 km north of X" are where)."""
    match = _OF_BEFORE.search(article.body[max(0, place.start - 40) : place.start])
    return match is not None and match.group(1).lower() not in _PART_OF


def _paragraph_place(article: Article, sentence: Sentence) -> Place | None:
    """The last place the sentences just before named in the same paragraph."""
    for previous in sentences_before(article, sentence):
        named = [
            p for p in lookup(article).places.starting(previous.start, previous.end) if not _whose(article, p)
        ]
        if named:
            return named[-1]
    return None


def _lead_place(article: Article, sentence: Sentence) -> Place | None:
    """The first town, region, site or water the lead names, for a sentence after the lead."""
    lead = lead_sentence(article)
    if lead is None or lead.end > sentence.start:
        return None
    body = article.body
    return next((p for p in lookup(article).places.starting(lead.start, lead.end) if p.kind != "country"
                 and _LOCATED.search(body[max(lead.start, p.start - 40) : p.start])
                 and not _whose(article, p)), None)  # fmt: skip


def _near(places: list[Place], offset: int) -> Place | None:
    return min(places, key=lambda p: abs(p.start - offset), default=None)


def in_quotes(body: str, start: int, offset: int) -> bool:
    """Whether an offset lies inside quotation marks opened since `start` (the sentence's start)."""
    before = body[start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def dateline_place(article: Article) -> Place | None:
    if not article.dateline:
        return None
    opening = article.body[: len(article.dateline) + 2]
    return next((p for p in article.places if p.end <= len(opening) and article.body[p.start : p.end] in
                 article.dateline), None)  # fmt: skip
