"""An unnamed speaker met again: "a senior Moldovan security official ... told Eastbridge Daily", then
"The official said ...", "According to the official, ...". The definite description points back to
the last speaker the article introduced with the same head noun, and takes who that one was."""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.model import Statement
from sitroom.stages.statements.lexicon import PERSON_HEADS
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.resolve import RANKS, People
from sitroom.stages.statements.speakers import Speaker

_BACK = 6  # paragraphs back the first mention may be


def met_before(speaker: Speaker, earlier: Sequence[Statement], parse: Parse) -> Statement | None:
    """The earlier statement whose speaker "the official" or "the source" is, if any: its speaker was
    introduced with the same head noun ("a senior official", "a spokesman for the agency") or itself
    pointed back so, within a few paragraphs. Only "the" and the noun: "the official in charge of ..."
    or "the mayor" (an office named in full elsewhere) say more than a pointer back does."""
    words = speaker.text.split()
    if speaker.pronoun or speaker.plural or speaker.kind != "anonymous" or len(words) != 2:
        return None
    if words[0].lower() != "the" or not speaker.head:
        return None
    floor = _floor(parse, speaker.start)
    last = _last_official(speaker, earlier, parse)
    if last is not None:
        return last
    for statement in reversed(earlier):
        if statement.speaker_start is None or statement.speaker_end is None:
            continue
        if statement.speaker_start < floor:
            return None
        if statement.speaker_kind not in ("anonymous", "person") or not statement.speaker_resolved:
            continue
        if _head(parse, statement.speaker_start, statement.speaker_end) != speaker.head:
            continue
        first = (statement.speaker or "").split()[0].lower()
        if first in ("a", "an", "one") or statement.speaker_resolved != statement.speaker:
            return statement
    return None


def _last_official(speaker: Speaker, earlier: Sequence[Statement], parse: Parse) -> Statement | None:
    """ "..., Jeon Ha-kyou, the spokesperson for the ministry, told a briefing", then "When asked ..., the
    official said": "the official" is the named office holder who spoke last, in this paragraph or the
    one before, when no unnamed official was introduced in between."""
    if speaker.head != "official" or not earlier:
        return None
    previous = earlier[-1]
    titled = any(s.speaker_role for s in earlier if s.speaker_resolved == previous.speaker_resolved)
    if previous.speaker_kind != "person" or not titled or previous.speaker_start is None:
        return None
    if _head(parse, previous.speaker_start, previous.speaker_end or previous.speaker_start) == "official":
        return None  # an unnamed official: the loop below decides
    here = parse.paragraph_of(speaker.start)[0]
    before = parse.paragraph_of(max(0, here - 3))[0]
    return previous if previous.start >= before else None


def _head(parse: Parse, start: int, end: int) -> str | None:
    """The lemma of the speaker phrase's head: the token in [start, end) whose head lies outside it."""
    inside = parse.tokens_between(start, end)
    for i in inside:
        head = parse.tokens[i].head
        if head == i or head not in inside:
            return parse.tokens[i].lemma.lower()
    return None


def _floor(parse: Parse, offset: int) -> int:
    limit = parse.paragraph_of(offset)[0]
    for _ in range(_BACK):
        limit = parse.paragraph_of(max(0, limit - 3))[0]
    return limit


_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_SAYING = frozenset({"say", "tell", "add", "announce", "state", "explain", "note", "confirm", "insist",
                     "stress", "warn", "tweet", "write", "declare", "comment"})  # fmt: skip


def named_next(speaker: Speaker, people: People, parse: Parse) -> str | None:
    """Who "a Superior Court judge" or "a spokesman for the service" in a lead turns out to be, named as
    the subject of one of the next two sentences (`People.named_next`); a spokesperson only by someone
    who says something there ("Andriy Demchenko told ..."), not whoever the next sentence is about
    ("Petty Officer Simon Owen died ...")."""
    found = people.named_next(speaker.start, speaker.country)
    if found is not None and _titled_otherwise(found, speaker.text, people):
        return None  # "A State Department spokesperson declined ..." is not the think-tank director after
    if found is None or speaker.head not in _SPOKESPEOPLE:
        return found
    k = parse.sentence_index(speaker.start)
    hi = parse.sentences[min(k + 2, len(parse.sentences) - 1)].end
    surname = found.split()[-1]
    for i in parse.tokens_between(parse.sentences[k].end, hi):
        token = parse.tokens[i]
        if parse.text(i) == surname and token.dep in ("nsubj", "nsubjpass"):
            return found if parse.tokens[token.head].lemma.lower() in _SAYING else None
    return None


def _titled_otherwise(full: str, description: str, people: People) -> bool:
    """Whether the article gives the person another office than the description names: a director is
    not "a spokesperson" (but "Justice Sean Dunphy" may be "a Superior Court judge")."""
    said = {w.lower() for w in description.split()} & PERSON_HEADS
    titles = {w for start, name, words in people.roles if people.full_name(name, start) == full
              for w in words}
    return bool(said) and bool(titles & PERSON_HEADS) and not said & titles


def titled_next(noun: str, offset: int, phrase: str, people: People, parse: Parse) -> str | None:
    """ "the regional governor said" in a lead, then "Governor Oleh Marchenko wrote": the one person
    given that title in the next two sentences, when none was before (`People.with_title` looks back).
    A rank the phrase does not say ("Deputy Governor") names another office."""
    k = parse.sentence_index(offset)
    hi = parse.sentences[min(k + 2, len(parse.sentences) - 1)].end
    said = set(phrase.lower().split())
    found = {
        people.full_name(name, start)
        for start, name, words in people.roles
        if offset < start < hi and any(w.startswith(noun) for w in words) and (words & RANKS) <= said
    }
    return found.pop() if len(found) == 1 else None
