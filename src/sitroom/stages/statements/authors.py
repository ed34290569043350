"""Who is behind a document that "says" something: the organisation or person that wrote or put it out
("the Civic Action study", "a statement e-mailed to The Globe by Reagan Ruslim", "a document ... on CP's
website", then "the white paper")."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.model import Statement
from sitroom.stages.statements.draft import MEDIA
from sitroom.stages.statements.lexicon import DOCUMENTS
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.resolve import People
from sitroom.stages.statements.speakers import Speaker


def document_author(
    speaker: Speaker, people: People, parse: Parse, base: Statement, previous: Callable[[], Statement | None]
) -> str | None:
    """The organisation behind a document that "says" something ("the Civic Action study", "a
    document ... on CP's website", then "the white paper"), when the text names one; else the body that
    spoke last (`previous`, asked only then)."""
    head = speaker.head or ""
    if speaker.pronoun or not (head in DOCUMENTS or head + "s" in DOCUMENTS):  # "numbers" has lemma "number"
        return None
    inside = people.org_within(speaker.start, speaker.end, DOCUMENTS) or _agent(parse, speaker)
    if inside is not None:
        return inside
    sentence = parse.sentences[parse.sentence_index(speaker.start)]
    sender = people.person_by(speaker.start, base.start if base.start > speaker.start else sentence.end)
    if sender is not None:  # "a statement e-mailed to The Globe by Reagan Ruslim"
        return sender
    around = [people.org_within(sentence.start, min(base.start, sentence.end), DOCUMENTS),
              people.org_within(max(base.end, sentence.start), sentence.end, DOCUMENTS)]
    found = next((org for org in around if org is not None and not MEDIA.search(org)), None)
    if found is not None:
        return found
    last = previous()
    return last.speaker_resolved if last and last.speaker_kind == "organization" else None


# Verbs whose agent wrote or put out a document, rather than received or read it.
_ISSUING = frozenset({"release", "issue", "publish", "send", "sign", "write", "prepare", "post", "email",
                      "e-mail", "distribute", "produce", "compile", "author", "circulate", "file", "submit"})


_NOT_NAME = frozenset({"appos", "relcl", "acl", "punct", "prep"})


def _agent(parse: Parse, speaker: Speaker) -> str | None:
    """Who issued a document, named as the agent of its participle ("a statement released by the
    Prime Minister's Office"), when that is a proper name the tagger did not label."""
    head = parse.token_at(speaker.start)
    for i in parse.tokens_between(speaker.start, parse.sentences[parse.sentence_index(speaker.start)].end):
        token = parse.tokens[i]
        if token.dep == "pobj" and token.tag in ("NNP", "NNPS") and parse.tokens[token.head].dep == "agent":
            verb = parse.tokens[parse.tokens[token.head].head]
            issued = verb.lemma.lower() in _ISSUING  # "a memo obtained by The Globe" is not the Globe's
            if issued and verb.dep == "acl" and head <= verb.head <= parse.token_at(speaker.end - 1):
                start, end = parse.span(parse.subtree(i, _NOT_NAME))
                return parse.body[start:end]
    return None
