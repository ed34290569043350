"""What "they" and "it" mean when no named speaker is near: the latest collective clause subject."""

from __future__ import annotations

from sitroom.stages.statements.lexicon import HUMAN_PLURALS, ORG_NOUNS
from sitroom.stages.statements.parse import Parse

_ORG_LABELS = frozenset({"ORG", "GOVERNMENT", "AGENCY", "MILITARY_UNIT"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
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
