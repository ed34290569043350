"""Who is speaking: the speaker's words, kind, role, organisation and country, from the parse."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sitroom.model import Entity
from sitroom.stages.entities import Lexicon
from sitroom.stages.events.actors import region_countries
from sitroom.stages.statements.lexicon import DETERMINERS_ANONYMOUS, DOCUMENTS, ORG_NOUNS, PRONOUNS
from sitroom.stages.statements.names import hyphen_tail
from sitroom.stages.statements.parse import Parse

ORG_LABELS = frozenset({"ORG", "GOVERNMENT", "AGENCY", "MILITARY_UNIT"})
SPEAKER_ORG_LABELS = ORG_LABELS | {"GPE", "NORP"}
PERSON = frozenset({"PERSON"})
# Parts of a subject phrase that are not the speaker's description.
_BESIDE_PHRASE = frozenset({"appos", "relcl", "acl"})
_NOT_DESCRIPTION = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "advmod", "appos"})


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int
    end: int
    kind: str  # person | organization | anonymous | unknown
    role: str | None = None
    org: str | None = None
    country: str | None = None
    pronoun: bool = False
    head_noun: str | None = None  # "mayor" in "the mayor": resolved later to a person with that role
    head: str | None = None  # the phrase's head lemma, also of anonymous phrases ("a document")
    plural: bool = False


def describe(parse: Parse, i: int, lex: Lexicon) -> Speaker:
    """The speaker whose phrase is headed by token i (a subject, or the object of "according to")."""
    token = parse.tokens[i]
    word = parse.lower(i)
    if word in PRONOUNS:
        kind = "person" if word in ("he", "she", "i") else "unknown"
        return Speaker(parse.text(i), token.start, token.end, kind, pronoun=True)
    if not any(c.isalnum() for c in parse.text(i)):
        return Speaker(parse.text(i), token.start, token.end, "unknown")
    person_token = _person_token(parse, i)
    if person_token is not None:
        return _person(parse, i, person_token, lex)
    named = _appositive_name(parse, i, lex)
    if named is not None:  # "Wise's dad, Darrin": a name the tagger missed, set beside a description
        role = clean_role(parse.body[parse.tokens[i].start : parse.tokens[i].end])
        # "media buying company NorthCast": a name set beside a body's noun names the body
        kind = "organization" if token.lemma.lower() in ORG_NOUNS else "person"
        return Speaker(parse.body[named[0] : named[1]], named[0], named[1], kind, role or None)
    entity = parse.entity_at(i)
    if entity is not None and entity.label in SPEAKER_ORG_LABELS:
        begin, end = _listed_start(parse, entity.start, entity.end), _closed_end(entity)
        place = next((c for c in parse.children[i] if c > i and _in_place(parse, c)), None)
        if place is not None and parse.body[entity.end : parse.tokens[place].start].strip() == "":
            end = parse.tokens[max(parse.subtree(place, _BESIDE_PHRASE, deep=True))].end  # "... in Kyiv"
        country = country_of(parse, begin, end, lex) or _possessor_country(parse, begin, lex)
        return Speaker(parse.body[begin:end], begin, end, "organization", country=country)
    return _description(parse, i, lex)


def _listed_start(parse: Parse, start: int, end: int) -> int:
    """Where an organisation's name starts when it opens with a list the tagger cut at its comma
    ("the Meteorology, Climatology and Geophysics Agency"): capitalised words hung on the name."""
    inside = range(parse.token_at(start), parse.token_at(end - 1) + 1)
    comma = inside[0] - 1
    while comma >= 1 and parse.text(comma) == ",":
        word = parse.tokens[comma - 1]
        capital = parse.text(comma - 1)[:1].isupper()
        if word.tag not in ("NNP", "NNPS") or word.head not in inside or not capital:
            break
        start = word.start
        comma -= 2
    return start


def _closed_end(entity: Entity) -> int:
    """The name without an acronym whose parenthesis the tagger left open ("the Energy Board (EB")."""
    opened = entity.text.rfind("(")
    if opened > 0 and ")" not in entity.text[opened:]:
        return entity.start + len(entity.text[:opened].rstrip())
    return entity.end


def _person_token(parse: Parse, i: int) -> int | None:
    """The token of the person's name: the head itself, its appositive, or a name compounded on it."""
    entity = parse.entity_at(i)
    if entity is not None and entity.label == "PERSON":
        return i
    for part in hyphen_group(parse, i):  # "the co-chair, Colonel Sergei Bykov", split at its hyphen
        for child in parse.children[part]:
            dep = parse.tokens[child].dep
            ent = parse.entity_at(child)
            person = dep in ("appos", "compound") and ent is not None and ent.label == "PERSON"
            if person and dep == "compound" and parse.tokens[part].lemma.lower() in _LED_BODIES:
                return None  # "the Assad regime", "the Biden administration": a body named for its leader
            if person and (dep == "compound" or _beside(parse, part, child)):
                return child
    return _named_after_owner(parse, i)


def _named_after_owner(parse: Parse, i: int) -> int | None:
    """ "The mayor of Faenza, Luca Berardi, said": the parse hung the name on the town; a place or a body
    has no person in apposition, so the name is the office holder's."""
    for prep in parse.children[i]:
        if parse.tokens[prep].dep != "prep":
            continue
        for owner in parse.children[prep]:
            entity = parse.entity_at(owner)
            if parse.tokens[owner].dep != "pobj":
                continue
            if entity is not None and entity.label == "PERSON" and _set_off(parse, entity.start, entity.end):
                return owner  # "A spokesman for the Houthis, Yahya Saree, said": parsed as one phrase
            # a group ("the Houthis", "the Tamils": a name after "the") has no person in apposition either
            group = any(parse.lower(c) == "the" for c in parse.children[owner])
            if not group and (entity is None or entity.label == "PERSON"):
                continue
            for child in parse.children[owner]:
                named = parse.entity_at(child)
                person = named is not None and named.label == "PERSON"
                if parse.tokens[child].dep == "appos" and person and _beside(parse, owner, child):
                    return child
    return None


def _set_off(parse: Parse, start: int, end: int) -> bool:
    """A name between commas after other words of its phrase: "for the Houthis, Yahya Saree, said"."""
    before, after = parse.body[max(0, start - 2) : start], parse.body[end : end + 1]
    return before == ", " and after == ","


# Bodies named after the person who leads them.
_LED_BODIES = frozenset({"regime", "government", "administration", "cabinet", "campaign", "camp",
                         "foundation", "team", "party", "movement"})  # fmt: skip


def hyphen_group(parse: Parse, i: int) -> list[int]:
    """Token i with the tokens a hyphen joins it to, without spaces ("co", "-", "chair")."""
    group = [i]
    while group[-1] + 2 < len(parse.tokens) and parse.text(group[-1] + 1) == "-" and (
        parse.tokens[group[-1]].end == parse.tokens[group[-1] + 1].start
        and parse.tokens[group[-1] + 1].end == parse.tokens[group[-1] + 2].start
    ):
        group += [group[-1] + 1, group[-1] + 2]
    return group


def _beside(parse: Parse, head: int, child: int) -> bool:
    """Whether an appositive's phrase starts right after its head's own phrase ("the owner, Tobias
    ...", "the head of the delegation, Igor Lupu"), not after a relative clause the parse attached it
    across."""
    first = min(parse.subtree(child))
    last = head
    for c in parse.children[head]:  # the head's prepositional phrases before the appositive
        if parse.tokens[c].dep == "prep" and head < c < first:
            last = max(last, max(parse.subtree(c)))
    if last >= first:
        return False
    gap = parse.body[parse.tokens[last].end : parse.tokens[first].start]
    return len(gap) <= 3 and not any(c.isalnum() for c in gap)


def _appositive_name(parse: Parse, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """An untagged (or mis-tagged given) name in apposition to a common-noun head ("the owner,
    Darrin Lee")."""
    if parse.tokens[i].tag not in ("NN", "NNS"):
        return None
    for child in parse.children[i]:
        token = parse.tokens[child]
        given = parse.lower(child) in lex.given_male or parse.lower(child) in lex.given_female
        untagged = parse.entity_at(child) is None or given
        if token.dep == "appos" and token.tag == "NNP" and untagged and _beside(parse, i, child):
            parts = [child] + [c for c in parse.children[child]
                               if parse.tokens[c].dep == "compound" and parse.tokens[c].tag == "NNP"]
            if min(parts) + len(parts) - 1 == max(parts) and parse.text(min(parts))[:1].isupper():
                return parse.span(parts)
    return None


def _person(parse: Parse, head: int, name_token: int, lex: Lexicon) -> Speaker:
    entity = parse.entity_at(name_token)
    assert entity is not None
    if name_token == head:
        opens = parse.paragraph_of(entity.start)[0]  # not a heading the parse ran into the name
        left = [j for j in parse.subtree(head, _NOT_DESCRIPTION)
                if opens <= parse.tokens[j].start and parse.tokens[j].end <= entity.start]  # fmt: skip
        appositives = [c for c in parse.children[head] if parse.tokens[c].dep == "appos"]
        parts = [left] + [parse.subtree(a, frozenset({"relcl", "acl"})) for a in appositives]
    else:
        own = parse.subtree(head, frozenset({"appos", "relcl", "acl", "punct"}))
        own += hyphen_group(parse, head)[1:]
        if own and min(own) < name_token < max(own):  # "a spokesman for the Houthis, Omar Sarem,": the
            own = [j for j in own if parse.tokens[j].end <= entity.start]  # role ends before the name
        parts = [[j for j in sorted(set(own)) if not entity.start <= parse.tokens[j].start < entity.end]]
    role_spans = [parse.span(p) for p in parts if p]
    role = clean_role(" ".join(parse.body[s:e] for s, e in role_spans))
    org = country = None
    for s, e in role_spans + (_affiliation(parse, head) if name_token == head else []):
        org = org or _entity_text(parse, s, e, ORG_LABELS)
        country = country or country_of(parse, s, e, lex)
    end = _partner_end(parse, name_token, hyphen_tail(parse.body, entity.end))
    # "Stratfor, a consultancy, said", "the Muslim Brotherhood, the main opposition party": a body's name
    body = name_token == head and any(parse.tokens[c].dep == "appos" and parse.tokens[c].lemma.lower() in
                                      ORG_NOUNS for c in parse.children[head])  # fmt: skip
    kind = "organization" if body else "person"
    return Speaker(parse.body[entity.start : end], entity.start, end, kind, role or None, org, country)


def _affiliation(parse: Parse, name: int) -> list[tuple[int, int]]:
    """ "Anna Kowal of the Harbour Bank", "Mara Lind at Northgate": where the named person works."""
    return [parse.span(parse.subtree(c)) for c in parse.children[name]
            if parse.tokens[c].dep == "prep" and parse.lower(c) in ("of", "at", "from", "with")]  # fmt: skip


def _partner_end(parse: Parse, name_token: int, end: int) -> int:
    """Where a pair of speakers ends ("Charles Glynn and Richard Jones said"): both people speak."""
    for child in parse.children[name_token]:
        partner = parse.entity_at(child)
        joined = parse.body[end : partner.start].strip() == "and" if partner is not None else False
        if parse.tokens[child].dep == "conj" and partner is not None and partner.label == "PERSON" and joined:
            return partner.end
    return end


def _in_place(parse: Parse, prep: int) -> bool:
    """ "the foreign ministry in Kyiv", "officials in Washington": the place says whose they are."""
    if parse.tokens[prep].dep != "prep" or parse.lower(prep) != "in":
        return False
    objects = [c for c in parse.children[prep] if parse.tokens[c].dep == "pobj"]
    entity = parse.entity_at(objects[0]) if objects else None
    return entity is not None and entity.label in ("GPE", "LOC")


def _description(parse: Parse, i: int, lex: Lexicon) -> Speaker:
    """A common-noun speaker: "a Japanese official", "local residents", "the mayor"."""
    name = _proper_name(parse, i)
    if name is not None:
        text = parse.body[name[0] : name[1]]
        known_body = text in lex.agencies or text in lex.government_standalone
        # a capital standing for its government ("Tiraspol says"), untagged: a full name elsewhere
        # ("Mark Jackson") still makes "Jackson" a person when the speaker is resolved
        known_body = known_body or text in lex.cities or text in lex.countries
        kind = "organization" if known_body else "person"  # "Vostok Media said", untagged here
        return Speaker(text, name[0], name[1], kind)
    indices = parse.subtree(i, _NOT_DESCRIPTION | {"prep"})
    # "Residents of Cocieri, a village on the east bank ...,": the place's own apposition is no part
    indices += [j for c in parse.children[i] if parse.tokens[c].dep == "prep"
                and parse.lower(c) in ("of", "for", "at", "with", "from")
                for j in parse.subtree(c, _BESIDE_PHRASE, deep=True)]
    places = [c for c in parse.children[i] if _in_place(parse, c)]
    indices += [j for c in places for j in parse.subtree(c, _BESIDE_PHRASE, deep=True)]
    sentence = parse.sentences[parse.sentence_index(parse.tokens[i].start)]
    # "sources familiar with the talks who were not authorized to ...": a relative clause hung deeper
    # in the phrase says why they are unnamed, not who they are
    relative = {j for k in indices if k != i and parse.tokens[k].dep == "relcl" for j in parse.subtree(k)}
    indices = [j for j in indices if sentence.start <= parse.tokens[j].start < sentence.end
               and j not in relative] or [i]
    group = hyphen_group(parse, i)
    first = parse.lower(min(indices))
    unnamed = first in DETERMINERS_ANONYMOUS or parse.tokens[i].tag == "NNS"
    if unnamed and parse.tokens[i].lemma.lower() not in DOCUMENTS:  # "a memo obtained by ..." stays "a memo"
        indices += _participle(parse, i, max(indices + group))
    start, end = parse.span(indices + group)
    start, end = _trim_punct(parse.body, start, end)
    cut = parse.entity_at(parse.token_at(max(start, end - 1)))
    end = max(end, cut.end if cut is not None else end)  # "of President Bashar al-Assad", parsed to "al"
    text = parse.body[start:end]
    head_word = parse.tokens[i].lemma.lower()
    visiting = places and _VISITING.search(parse.body[start : parse.tokens[min(places)].start])
    # "Foreign journalists in Kyiv", "diplomats in Brussels": where they are is not whose they are
    country = country_of(parse, start, parse.tokens[min(places)].start if visiting else end, lex)
    org = _entity_text(parse, start, end, ORG_LABELS)
    # "sergeant-at-arms" is one person: a plural that ends a hyphenated compound is no plural
    hyphenated = parse.body[max(0, parse.tokens[i].start - 1) : parse.tokens[i].start] == "-"
    plural = parse.tokens[i].tag in ("NNS", "NNPS") and not hyphenated
    if first in DETERMINERS_ANONYMOUS or (plural and first not in ("the", "their", "his", "her")):
        return Speaker(text, start, end, "anonymous", org=org, country=country, head=head_word)
    acronym = parse.text(i).isupper() and len(parse.text(i)) > 1  # "the ELN", untagged
    if head_word in ORG_NOUNS or acronym or head_word in _LED_BODIES:
        return Speaker(text, start, end, "organization", org=org, country=country, head_noun=head_word,
                       head=head_word)
    if parse.tokens[i].pos not in ("NOUN", "PROPN"):
        return Speaker(text, start, end, "unknown", country=country, head=head_word)
    return Speaker(text, start, end, "anonymous", org=org, country=country, head_noun=head_word,
                   head=head_word, plural=plural)


_VISITING = re.compile(
    r"\b(?:foreign|diplomat|embass|envoy|ambassador|correspondent|journalist|reporter|observer|monitor|"
    r"expat|visitor|tourist|delegat|peacekeep|international)", re.IGNORECASE
)


def _participle(parse: Parse, i: int, last: int) -> list[int]:
    """A past participle phrase right after an unnamed speaker that says which one it is ("an expert
    cited in the report", "a source involved in the talks")."""
    for c in parse.children[i]:
        if c == last + 1 and parse.tokens[c].dep == "acl" and parse.tokens[c].tag == "VBN":
            return parse.subtree(c, frozenset({"relcl", "advcl", "punct", "cc", "conj"}))
    return []


def _proper_name(parse: Parse, i: int) -> tuple[int, int] | None:
    """A name the entity tagger missed: a proper-noun head with its proper-noun compounds, no article."""
    entity = parse.entity_at(i)
    # an unfamiliar name is often tagged as a title ("Yuting Shao of IG" a work of art): still a name
    if parse.tokens[i].tag != "NNP" or (entity is not None and entity.label not in _NO_SPEAKER_LABELS):
        return None
    parts = [i] + [c for c in parse.children[i] if parse.tokens[c].dep == "compound"
                   and parse.tokens[c].tag == "NNP" and c < i]
    if any(parse.tokens[c].dep == "det" for c in parse.children[i]):
        return None
    if min(parts) + len(parts) - 1 != i:  # not one contiguous name
        return None
    return parse.span(parts)


# Entity kinds that never speak, so a speaking proper noun tagged so is a name the tagger misread.
_NO_SPEAKER_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})


def _trim_punct(body: str, start: int, end: int) -> tuple[int, int]:
    while end > start and body[end - 1] in ",;:—–- \n":
        end -= 1
    while start < end and body[start] in ",;:—–- \n“”\"":
        start += 1
    return start, end


def clean_role(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:—–-")
    first, _, rest = text.partition(" ")
    if rest and first.lower() in _ROLE_LEADS:  # "Its foreign affairs spokesman": the role, not the pointer
        text = rest
    if text.rsplit(" ", 1)[-1].lower() in ("and", "or"):
        return ""  # "Jagmeet Singh’s New Democrats and": a partner who speaks too, not a description
    while text and text.rsplit(" ", 1)[-1].lower() in _DANGLING:  # a role cut before its noun
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    if re.fullmatch(r"[\w.-]+['’]s", text):
        return ""  # "Libya's al-Obeidy": a possessive alone says whose, which the country holds
    if "/" in text or text.count(")") > text.count("(") or text.lower() in _COURTESY:
        return ""  # a photo credit run into the name ("Ada Berg / Toronto Star )"), or only "Mr."
    if text.count("(") > text.count(")") and re.search(r"\([^()\s]+$", text):
        text += ")"  # "the Ministry of Defence (MoD": the parse left the bracket out
    return re.sub(r"(?:^|,\s*|\s+)\d{1,3}$", "", text)  # "Mississauga accountant, 50": an age is no role


_COURTESY = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "mx."})
_DANGLING = frozenset({"the", "a", "an", "of", "with", "by", "for", "to", "in", "at"})


_ROLE_LEADS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def _entity_text(parse: Parse, start: int, end: int, labels: frozenset[str]) -> str | None:
    entity = parse.entity_over(start, end, labels)
    return entity.text if entity else None


def _possessor_country(parse: Parse, start: int, lex: Lexicon) -> str | None:
    """ "Japan's foreign ministry": the country whose body it is, when the tagger left it out of the name."""
    if not re.fullmatch(r"['’]s\s", parse.body[max(0, start - 3) : start]):
        return None
    owner = next((e for e in parse.entities if e.end == start - 3), None)  # the name right before "'s"
    return country_of(parse, owner.start, owner.end, lex) if owner is not None else None


def country_of(parse: Parse, start: int, end: int, lex: Lexicon) -> str | None:
    """ISO alpha-3 of the first country, demonym or capital named inside [start, end)."""
    labels = frozenset({"NORP", "GPE", "GOVERNMENT", "ORG", "LOC"})
    lo = bisect.bisect_left(parse.entity_starts, start)
    for entity in parse.entities[lo:]:
        if entity.start >= end:
            break
        if entity.label not in labels or entity.end > end:
            continue
        name = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
        code = lex.demonyms.get(name) or lex.countries.get(name) or region_countries().get(name.lower())
        if code:
            return code
    words = parse.body[start:end].split()
    for word, code in lex.demonyms.items():
        if word in words:
            return code
    regions = region_countries(words=True)  # "the Transnistrian delegation": a region in one country
    for word, after in zip(words, [*words[1:], ""][: len(words)], strict=True):
        bare = re.sub(r"['’]s$", "", word.strip(",;:()\"“”")).lower()
        # a whole word, not the start of a longer name ("the Kurdistan Workers' Party")
        if word[:1].isupper() and bare in regions and (not after[:1].isupper() or bare != word.lower()):
            return regions[bare]
    return None
