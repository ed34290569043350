"""Which verbs report speech: a saying verb with a speaker, not one that tells what the speaker was asked,
and a second saying verb the parser hung inside another cue's clause."""

from __future__ import annotations

from sitroom.stages.statements.draft import SUBJECTS
from sitroom.stages.statements.lexicon import SPEECH_LEMMAS, WEAK_LEMMAS
from sitroom.stages.statements.parse import Parse


def is_cue(parse: Parse, i: int) -> bool:
    """A verb of saying that reports what someone said (a weak one, "added", only with a clause)."""
    token = parse.tokens[i]
    if token.lemma.lower() not in SPEECH_LEMMAS or not token.tag.startswith("VB"):
        return False
    if _addressed(parse, i):
        return False
    deps = {parse.tokens[c].dep for c in parse.children[i]}
    if "csubj" in deps and not deps & {"nsubj", "nsubjpass"}:
        return False  # a clause is no speaker: "Asked about Moldovan estimates that ..." mis-parsed
    if token.lemma.lower() in WEAK_LEMMAS:
        return any(parse.tokens[c].dep == "ccomp" for c in parse.children[i])
    return True


def _addressed(parse: Parse, i: int) -> bool:
    """ "Asked whether ..., Hendricks said": a passive participle clause tells what the speaker was
    asked or told, which is not what they said."""
    token = parse.tokens[i]
    if token.tag != "VBN" or token.dep not in ("advcl", "acl") or token.head < i:
        return False
    sentence = parse.sentences[parse.sentence_index(token.start)]
    if parse.tokens[min(parse.subtree(i))].start != sentence.start:
        return False  # only a clause that opens the sentence, before the one it modifies
    return not any(parse.tokens[c].dep in ("nsubj", "nsubjpass", "aux", "auxpass") for c in parse.children[i])


def second_saying(parse: Parse, i: int) -> bool:
    """A saying verb with its own that-clause and no subject, which the parser joined to a verb inside
    another cue's clause: in "Russia denied that its soldiers took part and warned that sanctions will
    not go unanswered", "warned" is Russia's second statement, not the soldiers' act."""
    token = parse.tokens[i]
    if token.dep != "conj" or not is_cue(parse, i) or token.head == i:
        return False
    children = parse.children[i]
    if any(parse.tokens[c].dep in SUBJECTS for c in children):
        return False
    if not any(parse.tokens[c].dep == "ccomp" and c > i for c in children):
        return False
    head = parse.tokens[token.head]
    return head.dep == "ccomp" and head.head != token.head and is_cue(parse, head.head)
