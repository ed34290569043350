"""Whose an unqualified national body is: "the government", "the defence ministry", "police" belong to
the country a story is filed from, or, with no dateline, to the country of the national news agency
that wrote it ("(Yonhap)": South Korea's)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Container
from dataclasses import replace

from sitroom.model import Actor, Article, Sentence, Token
from sitroom.model.lookup import lookup
from sitroom.stages.events.actors import ActorTables, official, resolve
from sitroom.stages.events.where import dateline_place

HOME_BODIES = frozenset({"government", "ministry", "parliament", "cabinet", "police", "opposition",
                         "deputies", "lawmakers", "legislators", "senate", "presidency", "court",
                         "prosecutors"})  # fmt: skip


def at_home(
    article: Article, actor: Actor, text: str, tables: ActorTables, offset: int | None = None
) -> Actor:
    """The actor with the country of the passage at `offset` (see `passage_country`), else the story's
    home country, when it is such a body and has no country of its own."""
    words = text.lower().split()
    before = article.body[max(0, offset - 30) : offset].lower().split()[-1:] if offset is not None else []
    domestic = " ".join(words[-2:]) in _DOMESTIC_FORCES and not _ALLIED & {*words, *before}  # "coalition"
    if actor.country is not None or not words or (words[-1] not in HOME_BODIES and not domestic):
        return actor  # not "troops" or "officials": those in a story from Washington may be anyone's
    if any(word[:1].isupper() for word in text.split()[1:]):
        return actor  # a named body or person ("Foreign ministry spokeswoman Larisa Zhukova")
    passage = None
    if offset is not None:
        passage = fronted_capital(article, offset, tables) or sentence_country(article, offset, tables)
        passage = passage or passage_country(article, offset, tables)
    home = passage or home_country(article, tables) or (named_most(article, tables) if domestic else None)
    return replace(actor, country=home) if home else actor


# A state's forces at home: whoever the story is about, where no dateline or passage says.
_DOMESTIC_FORCES = frozenset({"security forces", "government forces", "government troops", "regime forces",
                              "riot police"})  # fmt: skip
_ALLIED = frozenset({"coalition", "international", "joint", "combined", "allied", "foreign", "multinational",
                     "nato", "isaf", "partner", "partnered", "peacekeeping", "un"})  # fmt: skip


def named_most(article: Article, tables: ActorTables) -> str | None:
    """The country the story names most (itself or its towns' names the actor table knows), when it is
    named three times or more and at least twice as often as any other."""
    counts = Counter(
        code for e in article.entities if e.label == "GPE"
        and (code := tables.countries.get(e.text.lower().removesuffix("'s").removesuffix("’s")))
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


_FRONTED = re.compile(r"\s*(?:In|From)\s+((?:[A-Z][\w'’-]+\s?){1,3}),")


def fronted_capital(article: Article, offset: int, tables: ActorTables) -> str | None:
    """ "In Chisinau, shops reported a run on candles, and the government urged ...": a country or capital
    the offset's sentence opens with says whose national body it is."""
    sentence = article.sentence_at(offset)
    if sentence is None:
        return None
    match = _FRONTED.match(article.body, sentence.start, offset)
    return tables.countries.get(match.group(1).strip().lower()) if match else None


def sentence_country(article: Article, offset: int, tables: ActorTables) -> str | None:
    """The one country the offset's sentence names before it ("British Prime Minister Theresa May
    suffered a setback when lawmakers rejected ..."), as a name, capital or nationality; None for none or
    several. Not one named after it: "the defence ministry condemned North Korea's launch" is no PRK's."""
    sentence = article.sentence_at(offset)
    if sentence is None:
        return None
    named = {
        tables.countries.get(e.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s"))
        for e in lookup(article).entities.starting(sentence.start, offset)
        if e.label in ("GPE", "NORP") and e.end <= offset
    }
    named.discard(None)
    return named.pop() if len(named) == 1 else None


def passage_country(article: Article, offset: int, tables: ActorTables) -> str | None:
    """The country that the sentence before the offset's, in the same paragraph or in the lead just
    above, makes the subject of its main clause by name: "Moscow criticised the meeting. Foreign
    ministry spokeswoman Larisa Zhukova said ..." puts Zhukova in Moscow's government, whatever the
    dateline. A country or capital written as a noun ("Moscow", "Romania's defence ministry"), not a
    nationality ("Russian troops")."""
    sentence = article.sentence_at(offset)
    if sentence is None:
        return None
    k = len(lookup(article).sentences_before(sentence.start))
    if k == 0:
        return None  # the story's first sentence
    def empty(before: Sentence) -> bool:
        return not any(c.isalnum() for c in article.body[before.start : before.end])

    while k > 1 and empty(article.sentences[k - 1]):
        k -= 1  # a closing quote mark the segmenter left as a sentence of its own
    previous = article.sentences[k - 1]
    if "\n" in article.body[previous.end : sentence.start] and "\n" in article.body[: previous.start]:
        return None  # a new paragraph, not the one after the lead: another part of the story
    tokens = article.tokens
    first = bisect_left(tokens, previous.start, key=lambda t: t.start)
    last = bisect_left(tokens, previous.end, key=lambda t: t.start)
    for i in range(first, last):
        token = tokens[i]
        verb = tokens[token.head]
        if token.dep not in _SUBJECTS or not (verb.dep == "ROOT" or not first <= verb.head < last):
            continue  # the subject of the sentence's top verb only (the parse may tie it to the one before)
        start = i
        while start - 1 >= max(first, i - 4) and tokens[start - 1].head == i:
            start -= 1  # the subject's own words: "the Kremlin", "Romania's defence ministry"
        phrase = article.body[tokens[start].start : token.end].lower().removeprefix("the ")
        body = tables.institutions.get(phrase)
        if body is not None and body[0] is not None and body[1] == "government":
            return body[0]  # "the Kremlin"
        for j in range(max(first, i - 4), i + 1):  # the subject, or a name it holds: "Romania's ministry"
            named = j == i or (tokens[j].head == i and tokens[j].dep in ("poss", "compound"))
            if named and tokens[j].pos == "PROPN":
                code = tables.countries.get(article.body[tokens[j].start : tokens[j].end].lower())
                if code is not None:
                    return code
        return None
    return None


def home_country(article: Article, tables: ActorTables) -> str | None:
    """The dateline's country ("IASI, Romania", "SEOUL"), else that of a national agency credited as
    the story's wire or outlet. An international wire (Reuters, AP) has no home here."""
    if article.dateline:
        place = dateline_place(article)
        if place is not None:
            return place.country
        parts = [part.strip().lower() for part in article.dateline.split("(")[0].split(",")]
        return next((tables.countries[part] for part in reversed(parts) if part in tables.countries), None)
    for credit in (article.wire, article.outlet):
        agency = tables.institutions.get((credit or "").strip().lower())
        if agency is not None and agency[1] == "media" and agency[0] is not None:
            return agency[0]
    return None


def as_speaker(article: Article, actor: Actor, tables: ActorTables) -> Actor:
    """A person the statements stage knows as a speaker takes the country and the sector of their
    role there ("Igor Lupu", head of the Moldovan delegation -> MDA, government), also when the event
    writes a title before the name ("Foreign ministry spokeswoman Larisa Zhukova") or only the surname
    of one speaker's full name ("Patrushev")."""
    words = actor.text.split()
    by_speaker = lookup(article).by_speaker
    tails = (" ".join(words[i:]) for i in range(len(words) - 1))
    named = next((tail for tail in tails if tail in by_speaker), "")
    if not named and words and words[-1][:1].isupper():  # "Patrushev also hit out at ...": a surname
        people = [name for name in by_speaker if " " in name and name.split()[-1] == words[-1]]
        named = people[0] if len(people) == 1 else ""
    for statement in by_speaker.get(named, ()):
        if statement.speaker_kind != "person":
            continue
        role = resolve(tables, statement.speaker_role or "", ()) if statement.speaker_role else None
        country = actor.country or statement.speaker_country or (role.country if role else None)
        sector = actor.sector or (role.sector if role else None)
        if (country, sector) != (actor.country, actor.sector):
            return Actor(actor.text, country, sector)
    return actor


def loyal_to(article: Article, actor: Actor, root: int, tables: ActorTables) -> Actor:
    """ "Forces loyal to the separatist government in Transnistria": a force with no country of its own
    is coded to the side it is loyal to (whose words follow "loyal to" or "allied with")."""
    if actor.country is not None:
        return actor
    tokens = article.tokens
    for i in range(root + 1, min(len(tokens), root + 4)):
        word = article.body[tokens[i].start : tokens[i].end].lower()
        if tokens[i].head == root and word in ("loyal", "allied") and i + 1 < len(tokens):
            end = max(j for j in range(i, min(len(tokens), i + 12)) if _under(tokens, j, i))
            lo, hi = tokens[i + 1].start, tokens[end].end
            side = resolve(tables, article.body[lo:hi], ()).country  # "loyal to Moscow"
            places = [p.country for p in lookup(article).places.overlapping(lo, hi) if p.country]
            country = side or (places[0] if places else None)  # "to the government in Transnistria"
            if country is not None:
                return replace(actor, country=country)
    return actor


def _under(tokens: tuple[Token, ...], j: int, top: int) -> bool:
    for _ in range(6):
        if j == top:
            return True
        if tokens[j].head == j:
            return False
        j = tokens[j].head
    return False


def coded(
    article: Article, text: str, start: int, tables: ActorTables, story: list[str], place: str | None
) -> Actor:
    """The actor a mention at `start` codes to, its person's name hidden from the country keys
    (`names_hidden`) and a listed official's country taken from the officials table."""
    actor = resolve(tables, names_hidden(article, text, start, tables.institutions), story, place)
    person = official(tables, text) if actor.country is None else None
    if person is None:
        return replace(actor, text=text)
    return replace(actor, text=text, country=person[0], sector=actor.sector or person[1])


def names_hidden(article: Article, text: str, start: int, groups: Container[str] = ()) -> str:
    """The mention with the words of a person's name blanked out, so that none of them codes a country
    ("Victoria Nuland" is no Seychelles official); a listed official's country comes from the officials
    table instead (`actors.official`). A listed group the tagger took for a person ("The Houthis have
    launched ...") is no one's name (`groups`: the institutions' keys)."""
    if text != article.body[start : start + len(text)]:  # a name resolved from elsewhere ("She" ...)
        person = any(e.label == "PERSON" and e.text == text for e in article.entities)
        return " " * len(text) if person else text
    chars = list(text)
    for entity in lookup(article).entities.overlapping(start, start + len(text)):
        if entity.label == "PERSON" and entity.text.lower() not in groups:
            for k in range(max(0, entity.start - start), min(len(text), entity.end - start)):
                chars[k] = " " if not chars[k].isspace() else chars[k]
    return "".join(chars)
