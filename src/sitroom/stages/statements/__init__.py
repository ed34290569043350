"""Who said what: direct, partial and reported statements with speaker, reporting chain and stance."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property, partial
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import Article, Statement
from sitroom.stages.entities import Lexicon, load_lexicon
from sitroom.stages.events.actors import LazyActorTables
from sitroom.stages.statements.again import met_before, named_next, titled_next
from sitroom.stages.statements.authors import document_author
from sitroom.stages.statements.collective import (
    body_subject,
    may_be,
    placed_elsewhere,
    plural_subject,
    possessed_body,
)
from sitroom.stages.statements.described import mention_descriptions
from sitroom.stages.statements.draft import Draft, co_subjects
from sitroom.stages.statements.extract import find_drafts
from sitroom.stages.statements.kinds import group_kind, kind_of, unnamed_one
from sitroom.stages.statements.known import at_home, share_descriptions
from sitroom.stages.statements.lexicon import NOT_PEOPLE, OFFICES
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.resolve import People
from sitroom.stages.statements.speakers import Speaker, clean_role, describe
from sitroom.stages.statements.stance import governing_stance_verb, hedges_in, stance_of
from sitroom.stages.statements.towns import Towns, in_towns

__all__ = ["StatementStage"]

_FLOATING_REACH = 2  # paragraphs back a speaker-less quote may take its speaker from


class StatementStage:
    """Finds statements and who made them, from the stored parse and the repaired entities."""

    name: ClassVar[str] = "statements"
    version: ClassVar[str] = "50"  # 50: an appositive is no second subject; 49: names with "for"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "tokens", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("statements",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tables = LazyActorTables()  # loaded on the first speaker who needs a home country
        self.towns = Towns(settings)

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon()

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.tokens:
            return article
        parse = Parse(article)
        people = People(parse, self.lexicon)
        statements: list[Statement] = []
        for draft in find_drafts(parse):
            statement = self._statement(parse, people, draft, statements)
            statements.append(statement)
            for other in co_subjects(parse, draft.subject):  # "Tiraspol and Moscow deny": both do
                statements.append(self._statement(parse, people, replace(draft, subject=other), statements))
        mentions = mention_descriptions(parse, people, self.lexicon)
        described = share_descriptions(_lead_in_quotes(parse, statements), mentions)
        placed = in_towns(at_home(described, article, self.tables), self.towns)  # then shared as well
        return article.evolve(statements=tuple(share_descriptions(placed)))

    def _statement(self, parse: Parse, people: People, draft: Draft, earlier: list[Statement]) -> Statement:
        # 1. the speaker as written, or borrowed from the statement before for a floating quote
        speaker = describe(parse, draft.subject, self.lexicon) if draft.subject is not None else None
        if speaker is not None and not any(c.isalnum() for c in speaker.text):
            speaker = None  # a stray quote mark parsed as the subject
        base = _base(parse, draft)
        if speaker is None:
            return _floating(parse, people, base, earlier)
        again = met_before(speaker, earlier, parse)  # "The official said": the one introduced before
        if again is not None:
            return replace(_borrow(base, again), speaker=speaker.text, speaker_start=speaker.start,
                           speaker_end=speaker.end, via=base.via)
        # 2. the resolved name: surname -> full name, pronoun -> person meant, "the mayor" -> person
        last = partial(_previous, earlier, parse, speaker.start)  # asked only for a document
        author = document_author(speaker, people, parse, base, last)
        author = author or _acronym(speaker, people) or _short_org(speaker, people)
        resolved = author or _resolve(speaker, people, earlier, parse, (base.start, base.end))
        named = bool(resolved) and resolved != speaker.text
        person = (speaker.kind != "organization" and named and not author) or people.is_person(resolved)
        kind = "person" if person else "organization" if author else speaker.kind
        if kind == "organization" and not author and speaker.text.lower() in self.tables.get().people:
            kind = "person"  # "Russia's Lavrov said": a listed official's surname the model took for a body
        bodies = {s.speaker_resolved for s in earlier if s.speaker_kind == "organization"}
        if kind == "person" and resolved in bodies:
            kind = "organization"  # "Stratfor, a consultancy, said ...", then "Stratfor said"
        role = speaker.role
        if role is None and person and speaker.kind == "anonymous" and _indefinite(speaker):
            role = clean_role(speaker.text) or None  # "a spokesman for the agency", named just after
        if speaker.pronoun and resolved is None:
            kind = "unknown"
        elif speaker.pronoun and unnamed_one(resolved, earlier):
            kind = "anonymous"  # the unnamed speaker the pronoun points back to
        elif speaker.pronoun and speaker.text.lower() in ("it", "they") and not people.is_person(resolved):
            kind = kind_of(resolved, earlier, group_kind(speaker.text.lower(), resolved))
        return replace(
            base,
            speaker=speaker.text,
            speaker_kind=kind,
            speaker_role=role,
            speaker_org=speaker.org,
            speaker_country=speaker.country,
            speaker_resolved=resolved,
            speaker_start=speaker.start,
            speaker_end=speaker.end,
        )


def _base(parse: Parse, draft: Draft) -> Statement:
    """The statement's own fields: content, cue, via, stance and hedges."""
    text = parse.body[draft.start : draft.end]
    sentence = parse.sentences[parse.sentence_index(draft.start)]
    context = parse.body[sentence.start : max(sentence.end, draft.end)]
    cue = parse.tokens[draft.cue] if draft.cue is not None else None
    cue_end = cue.end if cue else None
    if cue and draft.according and draft.cue is not None and draft.cue + 1 < len(parse.tokens):
        cue_end = parse.tokens[draft.cue + 1].end  # "according to"
    lemma = "say" if draft.according else cue.lemma.lower() if cue else None
    stance_cue = draft.cue if draft.cue is not None else governing_stance_verb(parse, draft.start, draft.end)
    if cue is None and stance_cue is not None:
        lemma = parse.tokens[stance_cue].lemma.lower()  # a quoted fragment: "called for \"a total ban\""
    return Statement(
        start=draft.start,
        end=draft.end,
        text=text,
        speaker=None,
        speaker_kind="unknown",
        direct=draft.direct,
        stance=stance_of(lemma, text, context, _cue_phrase(parse, stance_cue), draft.direct),
        cue=parse.body[cue.start : cue_end] if cue else None,
        cue_start=cue.start if cue else None,
        cue_end=cue_end,
        via=tuple(dict.fromkeys(draft.via)),
        hedges=hedges_in(context),
    )


def _cue_phrase(parse: Parse, cue: int | None) -> str:
    """The cue with the word after it: "called for", "calls on"."""
    if cue is None:
        return ""
    end = parse.tokens[min(cue + 1, len(parse.tokens) - 1)].end
    return parse.body[parse.tokens[cue].start : end]


def _resolve(
    speaker: Speaker, people: People, earlier: list[Statement], parse: Parse, content: tuple[int, int]
) -> str | None:
    if not speaker.pronoun:
        known = people.known_person(speaker.text, speaker.start)
        if known is not None:  # "Sinclair" or "Jordan" of a person named in full, however tagged
            return known
    if speaker.kind == "person" and not speaker.pronoun:
        return people.full_name(speaker.text, speaker.start)
    if speaker.pronoun:
        return _resolve_pronoun(speaker, people, earlier, parse, content)
    if speaker.kind == "organization":
        # "the company" points back; "The OSCE mission in Moldova" names its organisation itself
        if speaker.head_noun and speaker.text.lower().startswith("the ") and not speaker.org:
            found = people.org_before(speaker.head_noun, speaker.start)
            previous = _previous(earlier, parse, speaker.start)
            bare = len(speaker.text.split()) == 2  # "the company", not "the civil protection department"
            spoke = previous.speaker_resolved if previous is not None else None
            kind = previous.speaker_kind if previous is not None else None
            body = kind == "organization" or people.org_named(spoke)
            fits = may_be(spoke, speaker.head_noun) and not placed_elsewhere(parse, speaker.start, spoke)
            if not found and bare and body and fits:
                found = spoke  # "Facebook said ... The company added ..."
            if not bare:  # a described body names itself unless an organisation of that kind was named
                return found or speaker.text
            recent = people.recent_org(speaker.start, _reach(parse, speaker.start))
            near = may_be(recent, speaker.head_noun) and not placed_elsewhere(parse, speaker.start, recent)
            return found or (recent if near else None) or speaker.text
        if speaker.head_noun and speaker.text.split()[0].lower() in ("his", "her", "their"):
            around = parse.body[parse.sentences[parse.sentence_index(content[0])].start : speaker.start]
            return possessed_body(speaker.head_noun, people, earlier, around, speaker.start) or speaker.text
        return people.org_name(speaker.text)
    if _indefinite(speaker):  # "a Superior Court judge said ..." in a lead, named just after
        return named_next(speaker, people, parse) or speaker.text
    if speaker.head_noun:
        titled = people.with_title(speaker.head_noun, speaker.start, speaker.text) or titled_next(
            speaker.head_noun, speaker.start, speaker.text, people, parse)
        if titled:
            return titled
        if _epithet(speaker):  # "the affable proprietor": the person the article is talking about
            found = people.person_for_pronoun("", speaker.start, _reach(parse, speaker.start))
            office = speaker.head_noun in OFFICES  # "the judge" is not the convict the story is about
            # "X and Y met a day after the leader of ... threatened": not a person the sentence names
            beside = found is not None and people.named_in_sentence(found, speaker.start, speaker.end)
            phrase = speaker.text
            said_of = not office or people.said_of(found or "", speaker.head_noun, speaker.start, phrase)
            if found and not beside and said_of:
                return found
            return speaker.text
    return speaker.text


def _body_before(
    people: People, parse: Parse, offset: int, floor: int, content: tuple[int, int]
) -> str | None:
    """The body "it" means: the latest organisation or common-noun body subject since `floor`, the
    latter by the name it points back to ("Veltro Motors ... The company blamed ... It said")."""
    named = people.recent_org_at(offset, floor)
    body = body_subject(parse, offset, floor, content)  # "The delegation ... it said"
    if body is None or (named is not None and named[0] > body[0]):
        return named[1] if named else None
    start, phrase = body
    words = phrase.lower().split()
    if len(words) == 2 and words[0] == "the":
        return people.org_before(words[1], start) or people.recent_org(start, _reach(parse, start)) or phrase
    return phrase


def _resolve_pronoun(
    speaker: Speaker, people: People, earlier: list[Statement], parse: Parse, content: tuple[int, int]
) -> str | None:
    word = speaker.text.lower()
    if speaker.kind != "person":
        previous = _previous(earlier, parse, speaker.start)
        spoke = previous.speaker_resolved if previous and previous.speaker_kind != "person" else None
        if word == "it":
            floor = _reach(parse, speaker.start)
            if previous is not None and spoke:  # a body made the subject since the last one spoke
                floor = _after(parse, previous)
            return _body_before(people, parse, speaker.start, floor, content) or spoke
        if word == "they":  # a group made the subject since the last body spoke, else that body
            floor = parse.paragraph_of(max(0, parse.paragraph_of(speaker.start)[0] - 3))[0]
            floor = _after(parse, previous) if previous and spoke else floor
            return plural_subject(parse, speaker.start, floor, content) or spoke
        return spoke
    previous = _previous(earlier, parse, speaker.start, person=True, foreground=True)
    if previous is not None and people.fits(word, previous.speaker_resolved):
        newer = people.newer_subject(word, previous.end, speaker.start)
        return newer or people.introduced(word, previous.end, speaker.start) or previous.speaker_resolved
    found = people.person_for_pronoun(word, speaker.start, _reach(parse, speaker.start))
    last = _previous(earlier, parse, speaker.start) if found is None else None
    if last is not None and unnamed_one(last.speaker_resolved, [last]):
        return last.speaker_resolved  # "..., said one of the sources, ... Dozens were killed, he said."
    return found


def _backgrounded(parse: Parse, statement: Statement) -> bool:
    """Whether the statement is told in a clause opened by a subordinating conjunction ("Although
    the mayor has said that ..."): background to the story, its speaker does not take the pronouns after."""
    if statement.cue_start is None:
        return False
    cue = parse.token_at(statement.cue_start)
    marked = any(parse.tokens[c].dep == "mark" and parse.lower(c) != "that" for c in parse.children[cue])
    return parse.tokens[cue].dep == "advcl" and marked


def _acronym(speaker: Speaker, people: People) -> str | None:
    """An organisation written as its acronym ("EDC says"), by the name the article spells out."""
    bare = speaker.text[4:] if speaker.text.lower().startswith("the ") else speaker.text
    if speaker.pronoun or not (bare.isupper() and bare.isalpha() and len(bare) >= 2):
        return None
    full = people.org_name(bare)
    return full if full != bare else None


def _short_org(speaker: Speaker, people: People) -> str | None:
    """An organisation written by its first word ("Veltro said" after "Veltro Motors"), taken for a
    person, when no person the article names in full is called so and the tagger never calls the
    word an organisation of its own ("Facebook" beside "Facebook Research")."""
    if speaker.pronoun or speaker.kind != "person" or " " in speaker.text or not speaker.text[:1].isupper():
        return None
    if any(name == speaker.text for _, name in people.orgs):
        return None
    if people.known_person(speaker.text, speaker.start) is not None:
        return None
    full = people.org_name(speaker.text)
    return full if full != speaker.text else None


def _epithet(speaker: Speaker) -> bool:
    """A definite, singular description of a person, not of a document or an institution."""
    text = speaker.text.lower()
    org = (speaker.org or "").lower()
    org_of = bool(org) and " of " in text and text.index(" of ") < text.find(org)
    head = speaker.text.split()[-1]
    return (
        text.startswith("the ")
        and not (head.isupper() and len(head) > 1)  # "The ELN": an acronym names a body itself
        and speaker.head_noun not in NOT_PEOPLE
        # "the United Nations' climate change panel" is a body; "the sergeant-at-arms of the House" is not
        and (speaker.org is None or org_of)
        and not speaker.plural
        and len(text.split()) <= 10
        and not re.search(r"\w['’]s\s", text)  # "the mayor's chief of staff" is not the mayor
    )


def _indefinite(speaker: Speaker) -> bool:
    """A singular indefinite description of a public office holder ("a Superior Court judge"): news
    names such a person soon after; an anonymous source ("a person familiar with ...") it does not."""
    first = speaker.text.lower().split()[0]
    office = speaker.head in OFFICES and speaker.head != "official"  # "a senior official" stays anonymous
    return first in ("a", "an", "one") and office and not speaker.text.endswith("s")


def _reach(parse: Parse, offset: int) -> int:
    """Start of the paragraph _FLOATING_REACH paragraphs before the one holding the offset."""
    limit = parse.paragraph_of(offset)[0]
    for _ in range(_FLOATING_REACH):
        limit = parse.paragraph_of(max(0, limit - 3))[0]
    return limit


def _after(parse: Parse, statement: Statement) -> int:
    """The end of the sentence holding the statement and its speaker: where prose since it begins."""
    return parse.sentences[parse.sentence_index(max(statement.end, statement.speaker_end or 0))].end


def _previous(
    earlier: list[Statement], parse: Parse, offset: int, person: bool = False, foreground: bool = False
) -> Statement | None:
    """The latest earlier statement with a speaker, within reach of the offset (`foreground`: of those
    not told as background, see `_backgrounded`)."""
    limit = _reach(parse, offset)
    for statement in reversed(earlier):
        if foreground and _backgrounded(parse, statement):
            continue
        if statement.start < limit and statement.end < limit:
            return None
        if statement.speaker_resolved and (not person or statement.speaker_kind == "person"):
            return statement
    return None


def _lead_in_quotes(parse: Parse, statements: list[Statement]) -> list[Statement]:
    """A quote that opens a passage before its speaker is named takes the speaker of the next
    statement in the same or the following paragraph."""
    result = list(statements)
    for k, statement in enumerate(result):
        if statement.speaker is not None or not statement.direct:
            continue
        limit = parse.paragraph_of(parse.paragraph_of(statement.end)[1] + 2)[1]
        later = next((s for s in result[k + 1 :] if s.speaker_resolved and s.start <= limit), None)
        if later is not None:
            result[k] = _borrow(statement, later)
    return result


def _borrow(base: Statement, other: Statement) -> Statement:
    return replace(
        base,
        speaker=other.speaker,
        speaker_kind=other.speaker_kind,
        speaker_role=other.speaker_role,
        speaker_org=other.speaker_org,
        speaker_country=other.speaker_country,
        speaker_resolved=other.speaker_resolved,
        via=base.via or other.via,
    )


def _floating(parse: Parse, people: People, base: Statement, earlier: list[Statement]) -> Statement:
    """A quote with no speaker of its own belongs to the last speaker, unless prose since then made
    another person the subject ("Myers also cited ...")."""
    previous = _previous(earlier, parse, base.start)
    if previous is None:
        return base
    if previous.speaker_kind == "person":
        # prose after the sentence of the last statement and its speaker ("..., Roy says. Retiree Paul
        # Hebert, who ..."), where a person newly made the subject or introduced takes the quote
        since = _after(parse, previous)
        newer = people.newer_subject("", since, base.start) or people.introduced("", since, base.start)
        if newer is not None and newer != previous.speaker_resolved:
            return replace(base, speaker=newer, speaker_kind="person", speaker_resolved=newer)
    return _borrow(base, previous)
