"""A statement draft before its speaker is described, and the clause trimming every finder uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.stages.statements.parse import Parse

SUBJECTS = ("nsubj", "nsubjpass")
MIN_CONTENT_TOKENS = 3
_EDGE = ("PUNCT", "SPACE")
_CLOSE_MARKS = ("”", '"', "»")
# Organisations that carry news: "told HuffPost Canada", "told The Canadian Press", "told CNN".
MEDIA = re.compile(
    r"\b(?:News|Press|Times|Post|Journal|Radio|TV|Television|Globe|Herald|Tribune|Gazette|Media|Daily|"
    r"Magazine|Broadcasting|HuffPost|CNN|BBC|CBC|CTV|NBC|CNBC|ABC|CBS|NPR|Fox|Reuters|Bloomberg|AFP|Politico)\b"
)


# Nouns by which a writer sums up what was said or done: ", a move that angered Beijing".
_SUMMING = frozenset({"move", "decision", "step", "development", "claim", "charge", "allegation",
                      "accusation", "remark", "comment", "statement", "announcement", "measure", "action",
                      "reversal", "escalation", "sign", "signal", "departure", "shift",
                      "warning"})  # fmt: skip
_QUOTES = ('"', "“", "”", "«", "»")


@dataclass
class Draft:
    """A statement before its speaker is described and resolved."""

    start: int
    end: int
    direct: bool
    cue: int | None = None  # token index of the cue verb (of "according" for "according to")
    subject: int | None = None  # token index heading the speaker phrase
    via: list[str] = field(default_factory=list)
    according: bool = False  # the speaker came from "according to X"


def _without_aside(parse: Parse, indices: list[int]) -> list[int]:
    """The clause without the writer's closing aside: "... by its neighbour, a move that angered Beijing",
    "taxes would rise, a decision that drew protests" (a summing noun set off by a comma at the end,
    outside quotation marks), which says what the writer makes of it, not what was said."""
    if not indices:
        return indices
    last = indices[-1]
    for j in indices:
        token = parse.tokens[j]
        if token.dep not in ("appos", "npadvmod", "dobj") or token.lemma.lower() not in _SUMMING:
            continue
        words = parse.subtree(j)
        first = min(words)
        comma = first - 1
        if comma <= indices[0] or parse.text(comma) != "," or max(words) < last - 1:
            continue
        tail = parse.body[parse.tokens[comma].start : parse.tokens[last].end]
        head = parse.body[parse.tokens[indices[0]].start : parse.tokens[comma].start]
        if any(q in tail for q in _QUOTES) or sum(head.count(q) for q in _QUOTES) % 2:
            continue
        return [i for i in indices if i < comma]
    return indices


def trimmed(
    parse: Parse, indices: list[int], within: int | None = None, least: int = MIN_CONTENT_TOKENS
) -> tuple[int, int] | None:
    """Keep the clause inside the sentence of token `within`, drop a leading "that" and punctuation at
    the edges, and keep a closing quote mark whose opening mark is kept; short clauses are dropped."""
    if within is not None:
        sentence = parse.sentences[parse.sentence_index(parse.tokens[within].start)]
        indices = [j for j in indices if sentence.start <= parse.tokens[j].start < sentence.end]
    # ("said that if the talks fail, ...": the condition is part of what was said; only "that" goes)
    while indices and (_opening_mark(parse, indices[0]) or parse.tokens[indices[0]].pos in _EDGE):
        indices = indices[1:]
    indices = _without_aside(parse, indices)
    while indices and parse.tokens[indices[-1]].pos in (*_EDGE, "CCONJ"):
        indices = indices[:-1]
    if not indices:
        return None
    start, end = parse.span(indices)
    # ("accusing Minsk of meddling": the object and what it is accused of, with the "of" between)
    spanned = len(parse.tokens_between(start, end))
    if spanned < least and not _gerund_with_object(parse, indices):
        return None
    text = parse.body[start:end]
    opened = text.count("“") + text.count("«") > text.count("”") + text.count("»")
    unbalanced = opened or text.count('"') % 2 == 1
    if unbalanced:
        for k in range(end, min(len(parse.body), end + 3)):
            if parse.body[k] in _CLOSE_MARKS:
                return start, k + 1
    return start, end


def _gerund_with_object(parse: Parse, indices: list[int]) -> bool:
    """ "denied targeting civilians": two words, but a whole claim (not a heading, "KEEPING SCORE:")."""
    if len(indices) != 2 or not parse.text(indices[0]).islower():
        return False
    return parse.tokens[indices[0]].tag == "VBG" and parse.tokens[indices[1]].dep == "dobj"


# Subordinators that open what was said and belong to it: a condition, a concession, a time, a reason.
_KEPT_MARKS = frozenset({"if", "unless", "although", "though", "because", "once", "when", "until", "while"})


def _opening_mark(parse: Parse, i: int) -> bool:
    # ("told Reuters that gunfire could be heard": tagged IN, "that" subordinates even when the parser
    # hung it on the noun after it as a determiner)
    subordinating = parse.lower(i) == "that" and parse.tokens[i].tag == "IN"
    return (parse.tokens[i].dep == "mark" or subordinating) and parse.lower(i) not in _KEPT_MARKS


_BODIES = frozenset({"GPE", "ORG"})  # people named in a pair are one speaker phrase (`_partner_end`)


def co_subjects(parse: Parse, subject: int | None) -> list[int]:
    """The other named speakers joined to a named subject by "and": "Tiraspol and Moscow deny ...",
    "Russia, China and Iran said ..." each make the statement. A name joined to a description ("the
    minister and his aides"), a person's name or a people's ("Russians and Ukrainians") is one phrase."""
    if subject is None or parse.tokens[subject].tag != "NNP":
        return []
    joined: list[int] = []
    stack = [subject]
    while stack:
        for child in parse.children[stack.pop()]:
            if parse.tokens[child].dep == "conj" and child > subject:
                if parse.tokens[child].tag != "NNP":
                    return []
                joined.append(child)
                stack.append(child)
    own = parse.entity_at(subject)  # "the Armed Conflict Location & Event Data Project": one name
    joined = [j for j in joined if own is None or parse.entity_at(j) is not own]
    labels = [_label(parse, i) for i in (subject, *joined)]
    if not joined or not all(label in _BODIES or label is None for label in labels) or not any(labels):
        return []  # one of them the model knows for a place or a body, none for a person
    if not any(parse.lower(j) in ("and", "&") for j in range(subject + 1, max(joined))):
        return []  # "Russia or China": not both
    return sorted(joined)


def _label(parse: Parse, i: int) -> str | None:
    entity = parse.entity_at(i)
    return entity.label if entity is not None else None
