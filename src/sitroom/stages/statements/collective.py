"""What "they", "it" and "his office" mean: the latest collective clause subject, the body a
possessed office belongs to, and which bodies a common noun may stand for."""

from __future__ import annotations

import bisect

from sitroom.model import Statement
from sitroom.stages.statements.lexicon import HUMAN_PLURALS, ORG_NOUNS
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.resolve import People

_ORG_LABELS = frozenset({"ORG", "GOVERNMENT", "AGENCY", "MILITARY_UNIT"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CONNECTORS = frozenset({"the", "of", "and", "for", "&"})
_PHRASE_SKIP = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos", "prep"})


def plural_subject(parse: Parse, offset: int, floor: int, skip: tuple[int, int]) -> str | None:
    """The latest plural or collective subject ("Republican senators", "the Liberals") between
    `floor` and the offset, outside the statement's own words `skip`: what "they" means."""
    for i in reversed(parse.tokens_between(floor, offset)):
        token = parse.tokens[i]
        if skip[0] <= token.start < skip[1] or token.dep not in _SUBJECT_DEPS:
            continue
        entity = parse.entity_at(i)
        # "The Greens want": a verb in the plural makes a name tagged singular a group
        plural = token.tag == "NNPS" or (token.tag == "NNP" and parse.tokens[token.head].tag == "VBP")
        if entity is not None and entity.label in _ORG_LABELS | {"NORP"} and plural:
            return entity.text
        if token.tag in ("NNS", "NNPS") and token.lemma.lower() in HUMAN_PLURALS:
            # "Members of the taxpayers' association": whose members they are is part of who they are
            owner = [j for c in parse.children[i] if parse.tokens[c].dep == "prep" and parse.lower(c) == "of"
                     for j in parse.subtree(c, _PHRASE_SKIP - {"prep"})]
            start, end = parse.span(parse.subtree(i, _PHRASE_SKIP) + owner)
            return parse.body[start:end]
    return None


def body_subject(parse: Parse, offset: int, floor: int, skip: tuple[int, int]) -> tuple[int, str] | None:
    """The latest singular subject named by a common noun of a body ("The Transnistrian
    delegation did not speak ... it said") between `floor` and the offset, with its start."""
    for i in reversed(parse.tokens_between(floor, offset)):
        token = parse.tokens[i]
        if skip[0] <= token.start < skip[1] or token.dep not in _SUBJECT_DEPS or token.tag != "NN":
            continue
        if token.lemma.lower() in ORG_NOUNS and parse.entity_at(i) is None:
            start, end = parse.span(parse.subtree(i, _PHRASE_SKIP))
            return start, parse.body[start:end]
    return None


def possessed_body(
    noun: str, people: People, earlier: list[Statement], around: str, offset: int
) -> str | None:
    """ "his office" is the "Prime Minister's Office" named before (tagged, or the last body to speak)
    when the words around name its holder ("The prime minister and ... discussed," his office said)."""
    said = {w.removesuffix("'s").removesuffix("’s") for w in around.lower().split()}
    spoke = [s.speaker_resolved for s in earlier if s.speaker_kind == "organization" and s.start < offset]
    for name in [people.org_before(noun, offset), *spoke[::-1]]:
        words = [w.removesuffix("'s").removesuffix("’s") for w in (name or "").lower().split()]
        holder = [w for w in words if w not in _CONNECTORS and w != noun]
        if noun in words and holder and set(holder) <= said:
            return name
    return None


def may_be(name: str | None, noun: str) -> bool:
    """Whether a body so named may be called "the <noun>": not when its name calls it another kind of
    body ("the Ministry of Health" is no hospital; "Facebook" may be the company)."""
    return not (set((name or "").lower().split()) & ORG_NOUNS) - {noun}


def placed_elsewhere(parse: Parse, offset: int, name: str | None) -> bool:
    """Whether the sentence opens, before the offset, with a place other than the body named `name`
    ("In Chisinau, shops reported a run on candles, and the government urged ..." after "Tiraspol says
    ..."): "the government" there is that place's, not the last body's to speak."""
    sentence = parse.sentences[parse.sentence_index(offset)]
    return any(
        entity.label == "GPE" and entity.text != name and entity.end <= offset
        for entity in parse.entities[bisect.bisect_left(parse.entity_starts, sentence.start):]
        if entity.start < offset
    )
