"""Who speaks: the subject of a cue verb, repaired where the small parser goes wrong."""

from __future__ import annotations

from sitroom.stages.statements.cues import second_saying
from sitroom.stages.statements.draft import SUBJECTS
from sitroom.stages.statements.parse import Parse

_RELATIVE = frozenset({"who", "that", "which"})


def subject_of(parse: Parse, cue: int, depth: int = 0) -> int | None:
    """The speaker's head token, in the cue's own paragraph (a heading above is never the speaker)."""
    found = subject_or_none(parse, cue, depth)
    if found is None:  # a mis-parse ("advocate Josh Matlow told"): the name right before the cue
        named = _name_before(parse, cue)
        return named if named is not None else _phrase_after_comma(parse, cue)
    lo, hi = sorted((parse.tokens[found].start, parse.tokens[cue].start))
    if "\n\n" in parse.body[lo:hi] or _quoted_word(parse, found):
        return _name_before(parse, cue)  # a heading, or words quoted inside the subject phrase
    return found


def _appositive(parse: Parse, i: int) -> bool:
    """Whether the phrase of token i follows ", " after a noun that names no day ("its media wing, the
    ISPR"), so it renames that noun: a description the parser took for a second subject."""
    opening = min(parse.subtree(i))
    if opening < 2 or parse.lower(opening - 1) != "," or parse.lower(opening) not in ("the", "a", "an"):
        return False
    before = opening - 2
    entity = parse.entity_at(before)
    day = entity is not None and entity.label in ("DATE", "TIME")
    return parse.tokens[before].pos in ("NOUN", "PROPN") and not day


def _quoted_word(parse: Parse, i: int) -> bool:
    """Whether token i stands inside quote marks opened earlier in its paragraph (not its sentence: a
    quote of two sentences closes in the second, before the speaker's name)."""
    start, _ = parse.paragraph_of(parse.tokens[i].start)
    end = parse.tokens[i].start
    opened = parse.quote_marks("“", start, end) > parse.quote_marks("”", start, end)
    return opened or parse.quote_marks('"', start, end) % 2 == 1


def _name_before(parse: Parse, cue: int) -> int | None:
    """When the parse glued a heading onto the sentence: the last name or pronoun before the cue."""
    sentence = parse.sentences[parse.sentence_index(parse.tokens[cue].start)]
    for j in reversed(parse.tokens_between(sentence.start, parse.tokens[cue].start)):
        entity = parse.entity_at(j)
        if (entity is not None and entity.label == "PERSON") or parse.lower(j) in ("he", "she", "they"):
            return j
    return None


# What a noun phrase right before a trailing cue is made of ("residents and a local resistance group").
_PHRASE_POS = frozenset({"NOUN", "PROPN", "DET", "ADJ", "CCONJ", "NUM", "PART"})


def _phrase_after_comma(parse: Parse, cue: int) -> int | None:
    """ "..., killing 18 civilians including six children, residents and a local group said": the parser
    hung the speakers on the last noun of what was said, leaving the cue without a subject. The noun
    phrase between the comma and a cue that closes its sentence is the speaker; its head is the first
    noun the parse hangs outside the phrase (the rest are its conjuncts and modifiers)."""
    if parse.tokens[cue].dep != "ROOT" or not any(
        parse.tokens[c].dep == "ccomp" and c < cue for c in parse.children[cue]
    ):
        return None
    j = cue - 1
    # ("the Syrian Observatory for Human Rights said": a name may hold "of" or "for")
    while j >= 0 and (parse.tokens[j].pos in _PHRASE_POS or parse.lower(j) in ("of", "for")):
        j -= 1
    if j < 0 or parse.lower(j) != "," or j == cue - 1:
        return None
    span = range(j + 1, cue)
    heads = [k for k in span if parse.tokens[k].pos in ("NOUN", "PROPN") and parse.tokens[k].head not in span]
    return heads[0] if heads else None


def subject_or_none(parse: Parse, cue: int, depth: int = 0) -> int | None:
    """The cue's subject, or its governing verb's for "..., saying"."""
    rooted = _noun_rootsubject_or_none(parse, cue)
    if rooted is not None:
        return rooted
    subjects = [child for child in parse.children[cue] if parse.tokens[child].dep in SUBJECTS]
    if subjects:
        # Two subjects: the parser took a count in the reported clause for a second one ("..., killing
        # at least nine people, including two children, regional governor X said"); the speaker is
        # the one next to the cue.
        child = subjects[0]
        nearest = max((c for c in subjects if c < cue), default=child)
        if nearest > child and any(parse.lower(k) == "," for k in range(child + 1, nearest)):
            # (not 'Vice-president says', which the parser splits into two subjects; nor an appositive it
            # took for one: "Pakistan's military, in a statement issued by its media wing, the ISPR, said")
            child = child if _appositive(parse, nearest) else nearest
        if parse.lower(child) in _RELATIVE and parse.tokens[cue].dep == "relcl":
            return parse.tokens[cue].head
        return child
    token = parse.tokens[cue]
    if second_saying(parse, cue):  # "X denied that ... and warned that ...": X's second statement
        return subject_or_none(parse, parse.tokens[token.head].head, depth + 1)
    if depth < 2 and token.dep in ("xcomp", "advcl", "conj", "pcomp", "acl", "prep") and token.head != cue:
        found = subject_or_none(parse, token.head, depth + 1)
        if found is not None:
            return found
    for child in parse.children[cue]:  # "said Alexander Gordeyev" parsed as an object
        entity = parse.entity_at(child)
        if child > cue and parse.tokens[child].dep in ("dobj", "attr", "npadvmod", "appos") and (
            entity is not None and entity.label == "PERSON"
        ):
            return child
    return None


def _noun_rootsubject_or_none(parse: Parse, cue: int) -> int | None:
    """ "The board decision allowing his release said ...": the parser left the sentence without a main
    verb, making the cue a clause of the participle ("his release said"); the subject is the noun at the
    root of the sentence the participle describes."""
    token = parse.tokens[cue]
    if token.dep != "ccomp" or token.head == cue:
        return None
    participle = parse.tokens[token.head]
    if participle.dep != "acl" or participle.pos != "VERB" or not parse.lower(token.head).endswith("ing"):
        return None
    root = participle.head
    sentence = parse.sentence_index(parse.tokens[cue].start)
    head = parse.tokens[root].head  # the root, or glued to a heading above ("... declines to comment")
    at_root = head == root or parse.sentence_index(parse.tokens[head].start) != sentence
    if not at_root or parse.tokens[root].pos not in ("NOUN", "PROPN"):
        return None
    return root


def comma_conjunct(parse: Parse, cue: int) -> bool:
    """ "Insurers could raise premiums by 50%, two brokers told Reuters", "The attack lasted hours, said one
    of the sources": the parser made the cue a conjunct of the reported clause. A comma right before the
    cue's phrase, no "and" or "but", and a subject of its own (before or after it) make it the
    attribution the parataxis parse would have given."""
    head = parse.tokens[cue].head
    if parse.tokens[cue].dep != "conj" or head >= cue:
        return False
    subjects = [c for c in parse.children[cue] if parse.tokens[c].dep in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    opening = min([cue, *(j for c in subjects if c < cue for j in parse.subtree(c))])
    return opening > 0 and parse.lower(opening - 1) == ","




_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def stranded_subject(parse: Parse, cue: int, parts: list[int]) -> list[int]:
    """The subject the parser took for the cue's object: "said debris from a drone had fallen".

    The complement clause after it then has no subject of its own, and the noun with what hangs
    on the cue between them ("from a drone") opens what was said.
    """
    clauses = [c for c in parts if c > cue and parse.tokens[c].dep == "ccomp"
               and not any(parse.tokens[k].dep in _SUBJECTS for k in parse.children[c])]
    if not clauses:
        return []
    clause = min(clauses)
    between = [k for k in parse.children[cue] if cue < k < clause]
    nouns = [k for k in between if parse.tokens[k].dep == "dobj" and parse.tokens[k].pos in ("NOUN", "PROPN")]
    if not nouns:
        return []
    return [k for k in between if k >= nouns[0] and parse.tokens[k].dep in ("dobj", "prep")]


def misread_subjects(parse: Parse, cue: int, parts: list[int]) -> list[int]:
    """Subjects of the cue between what was said and the speaker: the parser's second subject.

    "A missile hit a building, killing at least nine people, including two children, governor X
    said": 'people' hangs on 'said', but the nine killed are part of what was said.
    """
    subjects = [k for k in parse.children[cue] if k < cue and parse.tokens[k].dep in _SUBJECTS]
    clauses = [c for c in parts if c < cue and parse.tokens[c].dep == "ccomp"]
    if len(subjects) < 2 or not clauses:
        return []
    return [k for k in subjects[:-1] if k > min(clauses)]
