"""Entity repair: patch the small spaCy model's weak spots with general rules and small lexicons.

Fixes headline phrases taken for names, role titles taken for organisations, possessives inside
spans, places taken for people, and adds types the model lacks: AGENCY (news agencies),
GOVERNMENT (ministries and state bodies), MILITARY_UNIT and WEAPON.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property
from typing import ClassVar

from spacy.lang.en.stop_words import STOP_WORDS

from sitroom.config import Settings
from sitroom.model import Article, Entity, Token
from sitroom.stages.clean.textmeta import dateline_place_end
from sitroom.stages.entity_lexicon import Lexicon, is_weapon, lexicon_mentions, load_lexicon, missed_cities
from sitroom.stages.entity_spans import joined_institutions, place_then_time

__all__ = ["NAME_LABELS", "EntityStage", "Lexicon", "load_lexicon"]

NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "EVENT"}
)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# Tags that never sit inside a proper name but do in a Title-Cased headline ("North Korea Sends Troops").
_HEADLINE_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBG", "MD", "PRP", "PRP$", "WP", "WDT"})
# Last words that make a "person" a place or an institution ("James M. Hill High School").
_INSTITUTION_HEADS = frozenset(
    {"School", "University", "College", "Hospital", "Centre", "Center", "Park", "Street", "Avenue",
     "Complex", "Arena", "Church", "Company", "Inc", "Inc.", "Ltd", "Ltd.", "Group", "Foundation",
     "Association", "Society", "Institute", "Committee", "Sport", "Sports", "Hall", "Bridge", "Road",
     "Library", "Museum", "Airport", "Station", "Island", "Lake", "River", "Mountain", "Bay", "Corp"}
)
# What spaCy calls the words of a dateline's place when it has no sentence around them.
_NAME_ONLY = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write", "explain", "note", "argue", "ask", "claim"})


class EntityStage:
    """Repairs spaCy's entities and adds AGENCY, GOVERNMENT, MILITARY_UNIT and WEAPON mentions."""

    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "16"  # 16: coast guards, more demonyms; 15: names run together over a comma
    requires: ClassVar[tuple[str, ...]] = ("sentences", "tokens", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon()

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.body:
            return article
        view = _TokenView(article.tokens)
        surnames = _person_surnames(article.entities)
        singles = _single_names(article.entities)
        repaired: list[Entity] = []
        for entity in article.entities:
            repaired.extend(_repair(article.body, entity, view, self.lexicon, (surnames, singles)))
        repaired = joined_institutions(article.body, repaired)
        place_end = dateline_place_end(article.body[:300])  # "HAMILTON, Ont. —": "Ont" is no person
        repaired = [
            replace(e, label="GPE") if e.end <= place_end and e.label in _NAME_ONLY else e for e in repaired
        ]
        found = lexicon_mentions(article.body, self.lexicon)
        merged = _merge(repaired, found)
        return article.evolve(entities=tuple(_merge(merged, missed_cities(article, merged, self.lexicon))))


class _TokenView:
    """Token lookups by character offset."""

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def inside(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return list(self.tokens[lo:hi])

    def after(self, end: int) -> Token | None:
        i = bisect.bisect_left(self.starts, end)
        return self.tokens[i] if i < len(self.tokens) else None

    def before(self, start: int) -> Token | None:
        i = bisect.bisect_left(self.starts, start) - 1
        return self.tokens[i] if i >= 0 else None


def _person_surnames(entities: tuple[Entity, ...]) -> frozenset[str]:
    """First and last words of multi-word person names: a lone "Mattis" or "Wang" is then a person
    whatever spaCy said."""
    names: set[str] = set()
    for entity in entities:
        words = entity.text.split()
        if entity.label == "PERSON" and len(words) > 1:
            names.update((words[0], words[-1]))
    return frozenset(names)


def _single_names(entities: tuple[Entity, ...]) -> frozenset[str]:
    return frozenset(e.text for e in entities if e.label == "PERSON" and " " not in e.text.strip())


def _repair(
    body: str, entity: Entity, view: _TokenView, lex: Lexicon, names: tuple[frozenset[str], frozenset[str]]
) -> list[Entity]:
    if entity.label in ("DATE", "TIME"):
        return place_then_time(body, entity, lex)
    if entity.label == "LANGUAGE" and (entity.text in lex.cities or entity.text in lex.countries):
        return [replace(entity, label="GPE")]  # "the port of Odesa" tagged as a language
    if entity.label not in NAME_LABELS:
        return [entity]
    # 1. cut at line breaks (a headline or an icon label glued to a name), keep the last piece, and at a
    # comma the parse puts outside the name ("Donetsk Oblast, Defense Ministry claims")
    start, end = _last_line(body, entity.start, entity.end)
    start = _after_loose_comma(body, start, end, view)
    # 2. a possessive is not part of the name
    match = _POSSESSIVE.search(body[start:end])
    if match and end - start > len(match.group()):
        end = start + match.start()
    # 3. headline phrases: cut before the first verb or pronoun
    start, end = _headline_cut(body, start, end, view)
    if end <= start:
        return []
    text = body[start:end]
    if not any(c.isupper() for c in text) and entity.label != "NORP":
        return []  # "tablet apps" tagged PERSON: a name has a capital letter
    if text in _TIME_ZONES:
        return []  # "7:10 p.m. ET", "15.23 BST": a clock's zone, no one's name
    if entity.label == "ORG" and _is_role_title(text, end, view, body, lex):
        return []
    given = _given_name_before(body, start, end, view, lex) if entity.label in _NOT_YET_PERSON else None
    if given is not None:  # "Ana Rotaru" with only "Rotaru" tagged, as an ORG: the whole name, a person
        return [Entity(given, end, "PERSON", body[given:end])]
    if entity.label == "PERSON":
        start = _after_title(body, start, end, lex)
        end = _with_family_name(body, end, view)
        text = body[start:end]
    split = _split_embedded_person(body, start, end, lex)
    if split:
        return split
    label = _relabel(text, entity.label, start, end, view, body, lex, names)
    return [Entity(start, end, label, text)]


def _after_loose_comma(body: str, start: int, end: int, view: _TokenView) -> int:
    """Where the name starts after the last comma inside the span whose head lies outside it: two names
    the tagger ran together. "Paris, Texas" keeps its comma, which hangs inside the name."""
    tokens = view.inside(start, end)
    heads = {t.start for t in tokens}
    for token in reversed(tokens):
        if body[token.start : token.end] == "," and view.tokens[token.head].start not in heads:
            after = view.after(token.end)
            return after.start if after is not None and after.start < end else start
    return start


def _last_line(body: str, start: int, end: int) -> tuple[int, int]:
    text = body[start:end]
    if "\n" not in text:
        return start, end
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not pieces:
        return start, start
    lo, hi = pieces[-1]
    piece = text[lo:hi]
    lead = len(piece) - len(piece.lstrip())
    return start + lo + lead, start + lo + len(piece.rstrip())


def _headline_cut(body: str, start: int, end: int, view: _TokenView) -> tuple[int, int]:
    for token in view.inside(start, end):
        if token.tag in _HEADLINE_TAGS and body[token.start : token.end][:1].isupper():
            cut = token.start
            while cut > start and body[cut - 1] in " ,":
                cut -= 1
            return start, cut
    return start, end


def _is_role_title(text: str, end: int, view: _TokenView, body: str, lex: Lexicon) -> bool:
    """An ORG made only of title words before a person ("Defense" in "Defense Secretary Jim Mattis")."""
    words = text.split()
    if not all(w in lex.role_words or w in lex.government_words for w in words):
        return False
    if words[0] in lex.government_heads and words[1:2] == ["of"]:
        return False  # "Russia's Ministry of Defence said": a body named head first is never a title
    nxt = view.after(end)
    if nxt is None:
        return True
    nxt_text = body[nxt.start : nxt.end]
    return nxt_text in lex.role_words or nxt.pos == "PROPN" or words[-1] in lex.role_words


def _after_title(body: str, start: int, end: int, lex: Lexicon) -> int:
    """ "Farmer Tomas Ruiz", "Spokesman Omar Haddad": a title word before a two-word name is not the name."""
    words = list(re.finditer(r"\S+", body[start:end]))
    while len(words) >= 3 and _is_title(words[0].group(), lex):
        words = words[1:]
    return start + words[0].start() if words else start


def _with_family_name(body: str, end: int, view: _TokenView) -> int:
    """ "Sun-hee" tagged without the "Park" its last token is compounded onto: take the name whole."""
    k = bisect.bisect_right(view.starts, end - 1) - 1
    after = view.after(end)
    if k < 0 or after is None or after.tag != "NNP" or after.start > end + 1:
        return end
    last = view.tokens[k]
    if last.dep == "compound" and view.tokens[last.head] is after:
        return after.end
    return end


_NOT_YET_PERSON = frozenset({"ORG", "GPE", "NORP", "PERSON"})
# Clock zones the model takes for names ("7:10 p.m. ET"); not "CT" or "MT", which are also US states.
_TIME_ZONES = frozenset({"ET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "BST", "UTC",
                         "CET", "CEST", "EET", "EEST", "MSK", "JST", "KST", "AEST", "AEDT", "HKT", "SGT"})


def _given_name_before(body: str, start: int, end: int, view: _TokenView, lex: Lexicon) -> int | None:
    """Where a name starts when the tagger left its known given name outside a one-word entity."""
    word = body[start:end]
    if " " in word or not (word[:1].isupper() and word[1:].replace("-", "").islower()):
        return None
    if word in lex.countries or word in lex.demonyms or word in lex.government_words:
        return None
    before = view.before(start)
    if before is None or before.tag != "NNP" or body[before.end : start] != " ":
        return None
    given = body[before.start : before.end]
    known = given.lower() in lex.given_male or given.lower() in lex.given_female
    function_word = given.lower() in STOP_WORDS  # "An Abbotsford couple": "An" is also a given name
    if not known or function_word or not given[1:].islower() or given in lex.countries or given in lex.cities:
        return None
    previous = view.before(before.start)
    if previous is not None and previous.tag == "NNP" and body[previous.end : before.start] == " ":
        return None  # "New York Jordan ...": the given name may end another name; leave it
    return before.start


def _is_title(word: str, lex: Lexicon) -> bool:
    return word in lex.role_words or word.lower() in lex.role_heads


def _split_embedded_person(body: str, start: int, end: int, lex: Lexicon) -> list[Entity]:
    """ "the Russian Security Council Nikolay Patrushev": an organisation followed by a person's name."""
    words = list(re.finditer(r"\S+", body[start:end]))
    for i, word in enumerate(words[:-2]):
        if word.group() not in lex.government_heads:
            continue
        rest = words[i + 1 :]
        if len(rest) in (2, 3) and all(w.group()[:1].isupper() and w.group() not in lex.government_words
                                       for w in rest):
            org_end = start + word.end()
            person_start = start + rest[0].start()
            return [
                Entity(start, org_end, "GOVERNMENT", body[start:org_end]),
                Entity(person_start, end, "PERSON", body[person_start:end]),
            ]
    return []


def _relabel(
    text: str, label: str, start: int, end: int, view: _TokenView, body: str, lex: Lexicon,
    names: tuple[frozenset[str], frozenset[str]],
) -> str:
    surnames, singles = names
    bare = text[4:] if text.startswith(("the ", "The ")) else text
    words = bare.split()
    if bare in lex.agencies or bare.endswith(lex.agency_heads):
        return "AGENCY"
    if label in ("ORG", "PRODUCT") and is_weapon(bare, lex):
        return "WEAPON"
    if label in ("ORG", "FAC", "LOC", "GPE") and bare.endswith(lex.military_heads) and len(words) > 1:
        return "MILITARY_UNIT"
    if bare in lex.government_standalone or (
        label == "ORG" and words[-1] in lex.government_heads and _all_state_words(words[:-1], lex)
    ):
        return "GOVERNMENT"
    if label in ("PERSON", "ORG") and bare in lex.demonyms:
        return "NORP"  # "the Moldovan news agency": an adjective of nationality, not a name
    if label == "PERSON" and _group_adjective(words, end, view, body, lex):
        return "NORP"  # "Sri Lankan Tamil rebels": who the rebels are, not a person
    if bare in lex.countries:
        return "GPE"  # also when a country is the last word of a mis-tagged "person" elsewhere
    if label != "PERSON" and bare in surnames:
        return "PERSON"
    if label == "ORG" and len(words) == 2 and words[1] in singles | surnames and words[0][:1].isupper():
        return "PERSON"  # "Morgan McNeely" as ORG beside a lone "McNeely" tagged PERSON
    if label == "ORG" and _personal_name(words, lex):
        return "PERSON"  # "Natalia Grosu of the Centre ...": the small model often calls it an ORG
    if label == "PERSON" and len(words) > 1 and words[-1] in _INSTITUTION_HEADS:
        return "ORG"
    if label in ("PERSON", "PRODUCT") and bare not in surnames and _names_a_site(start, end, view):
        return "FAC"  # "the Varnita checkpoint", "the Zaporizhzhia plant": a place's name, not a person
    if label == "PERSON" and bare in lex.cities and " " not in bare and bare not in surnames:
        return "GPE" if not _acts_like_person(start, end, view) else label
    return label


# Last words that make "<given name> X" a business or a paper rather than a person ("Jordan Times").
_NAMED_BUSINESS = frozenset(
    {"Times", "Post", "Power", "News", "Media", "Press", "Energy", "Airlines", "Airways", "Bank", "Capital",
     "Partners", "Holdings", "Systems", "Motors", "Records", "Studios", "Herald", "Tribune", "Journal",
     "Express", "Mail", "Telegraph", "Star", "Fund", "Trust", "Club", "Hotel"}
)


def _personal_name(words: list[str], lex: Lexicon) -> bool:
    """Two capitalised words led by a known given name, with nothing of an institution in them."""
    if len(words) != 2 or words[-1] in _INSTITUTION_HEADS or words[-1] in _NAMED_BUSINESS:
        return False
    if not all(w[:1].isupper() and w[1:].replace("-", "").islower() for w in words):
        return False
    first = words[0].lower()
    if first not in lex.given_male and first not in lex.given_female:
        return False
    return not any(w in lex.countries or w in lex.cities or w in lex.government_words for w in words)


def _group_adjective(words: list[str], end: int, view: _TokenView, body: str, lex: Lexicon) -> bool:
    """A name led by a nationality and followed by a plural common noun it qualifies."""
    following = view.after(end)
    if following is None or following.tag != "NNS" or not body[following.start : following.end].islower():
        return False
    return any(" ".join(words[:k]) in lex.demonyms for k in range(1, min(3, len(words)) + 1))


def _all_state_words(words: list[str], lex: Lexicon) -> bool:
    return all(w in lex.government_words or w in lex.demonyms or w in lex.countries for w in words)


# Common nouns a place's name modifies ("the Varnita crossing"); a person's name rarely stands there.
_SITE_NOUNS = frozenset(
    {"checkpoint", "crossing", "bridge", "dam", "airport", "airfield", "airbase", "base", "port", "harbour",
     "harbor", "village", "district", "province", "region", "river", "valley", "pass", "reservoir", "plant",
     "refinery", "mine", "oilfield", "field", "station", "camp", "border", "strait", "island", "peninsula",
     "terminal", "pipeline", "railway", "highway", "motorway", "corridor", "enclave", "settlement", "prison"}
)


def _names_a_site(start: int, end: int, view: _TokenView) -> bool:
    """The name's last word is a compound modifier of the site noun right after it."""
    after, inside = view.after(end), view.inside(start, end)
    if after is None or not inside or after.pos != "NOUN" or after.lemma.lower() not in _SITE_NOUNS:
        return False
    return inside[-1].dep == "compound" and view.tokens[inside[-1].head] == after


def _acts_like_person(start: int, end: int, view: _TokenView) -> bool:
    """A name after a first name or title, or the subject of a speech verb, is a person even when a
    city shares the name ("Austin said")."""
    before = view.before(start)
    if before is not None and before.tag == "NNP" and before.dep == "compound":
        return True
    for token in view.inside(start, end):
        head = view.tokens[token.head]
        if token.dep == "nsubj" and head.lemma in _SPEECH_LEMMAS:
            return True
    return False


def _merge(repaired: list[Entity], found: list[Entity]) -> list[Entity]:
    """Pattern mentions replace the spaCy spans they overlap; the result is sorted and non-overlapping."""
    found = _non_overlapping(sorted(found, key=lambda e: (e.start, -(e.end - e.start))))
    ends = [f.end for f in found]  # non-overlapping and in order, so their ends are in order too
    kept = []
    for e in repaired:
        i = bisect.bisect_right(ends, e.start)  # the first found mention ending after e starts
        if i == len(found) or found[i].start >= e.end:
            kept.append(e)
    return sorted(kept + found, key=lambda e: (e.start, e.end))


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    result: list[Entity] = []
    for entity in entities:
        if not result or entity.start >= result[-1].end:
            result.append(entity)
    return result
