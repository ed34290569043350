"""Finding statements: direct quotes with their cue, reported clauses, and "according to" sources."""

from __future__ import annotations

import re

from sitroom.stages.clean.textmeta import dateline_end
from sitroom.stages.statements.chain import according, agencies_around
from sitroom.stages.statements.cues import is_cue, second_saying
from sitroom.stages.statements.draft import MIN_CONTENT_TOKENS, Draft, trimmed
from sitroom.stages.statements.lexicon import (
    ABSTRACT_SPEAKERS,
    ACT_OBJECTS,
    CLAIM_NOUNS,
    DENIAL_LEMMAS,
    HUMAN_PLURALS,
    OBJECT_LEMMAS,
    OFFICES,
)
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.quotes import QuoteSpan, find_quotes
from sitroom.stages.statements.stance_words import ANONYMITY
from sitroom.stages.statements.subjects import (
    comma_conjunct,
    misread_subjects,
    stranded_subject,
    subject_of,
    subject_or_none,
)

_OBJECT_PARTS = frozenset({"dobj", "xcomp", "ccomp", "oprd", "dative", "attr"})
_OBJECT_PREPS = frozenset({"as", "of", "for", "against", "about", "over", "on"})
_ACTING_CUES = frozenset({"reject", "deny", "dismiss", "decline", "refuse", "confirm", "rebuff"})
_FIGURE_WORDS = frozenset({"per", "cent", "percent", "%", "point", "points", "percentage", "about", "some"})


def find_drafts(parse: Parse) -> list[Draft]:
    """Every statement span in the article, in text order, with cue and speaker tokens when found."""
    quotes = find_quotes(parse.body)
    in_quote = _quote_mask(parse, quotes)
    cues = [i for i in range(len(parse.tokens)) if not in_quote[i] and is_cue(parse, i)]
    full = [q for q in quotes if not _is_partial(parse.body, q)]
    drafts = [d for d in (_direct(parse, q, cues) for q in full) if _speech_like(parse, d)]
    for cue in cues:
        inverted = _inverted(parse, cue)
        clause = inverted[0] if inverted else _clause(parse, cue)
        speaker = inverted[1] if inverted else subject_of(parse, cue)
        if speaker is not None and _in_dateline(parse, speaker):
            continue  # "VLADIVOSTOK, Russia -- Reports that ...": the parser made the place speak
        if speaker is not None and parse.tokens[speaker].lemma.lower() in ABSTRACT_SPEAKERS:
            continue
        asked = parse.body[parse.tokens[cue].start : clause[1]] if clause else ""
        if parse.tokens[cue].lemma.lower() in ("decline", "refuse", "ask") and ANONYMITY.match(asked):
            continue  # "an official who declined to be named": anonymity asked for, no statement
        if clause and _outside_quotes(clause, full) and not _inside(clause, drafts):
            drafts.append(Draft(clause[0], clause[1], False, cue, speaker))
    drafts.extend(according(parse, drafts, in_quote))
    drafts.extend(d for d in _pull_quotes(parse) if not _inside((d.start, d.end), drafts))
    for draft in drafts:
        if draft.cue is not None and not draft.according:
            draft.via.extend(agencies_around(parse, draft))
    for q in quotes:  # a long embedded quote no clause covered still reports speech
        long_enough = len(parse.body[q.start : q.end].split()) >= 5
        if q not in full and long_enough and not _inside((q.start, q.end), drafts):
            draft = _direct(parse, q, cues)
            if draft.cue is None:  # 'X welcomed the decision as "a clear signal ..."'
                draft.subject = _host_subject(parse, q)
            if _speech_like(parse, draft):
                drafts.append(draft)
    for draft in drafts:
        draft.start = _after_dateline(parse.body, draft.start, draft.end)
    return sorted(drafts, key=lambda d: d.start)


# "IASI, Romania (ACP) – ", "CHISINAU, Moldova -- ", and at the top of the body "Moscow: "
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [A-Z][\w.\- ]{1,30}?)?(?: \([^)\n]{1,30}\))?"
    r" ?(?:–|—|--|-|:)|[A-Z][a-z]+(?: [A-Z][a-z]+)?:) +"
)


def _in_dateline(parse: Parse, token: int) -> bool:
    """Whether a token lies in the dateline that opens its paragraph ("VLADIVOSTOK, Russia --")."""
    start, end = parse.paragraph_of(parse.tokens[token].start)
    match = _DATELINE.match(parse.body, start, end)
    if match is not None and parse.tokens[token].end <= match.end() and match.group()[:2].isupper():
        return True
    # the cleaner's wider pattern: "Taipei, Oct. 15 (CNA) Taiwan's ministry said ..."
    return parse.tokens[token].end <= start + dateline_end(parse.body[start:end])


def _after_dateline(body: str, start: int, end: int) -> int:
    """A statement that opens its paragraph starts after the dateline, which no one said."""
    if start and body[start - 1] != "\n":
        return start
    match = _DATELINE.match(body, start, end)
    if match is None:
        return start + dateline_end(body[start:end])
    if match.group().rstrip().endswith(":") and match.group()[1:2].islower() and start:
        return start
    return match.end()


def _speech_like(parse: Parse, draft: Draft) -> bool:
    """A quote with no cue must look like speech: several words, not a Title Cased name of a work."""
    words = parse.body[draft.start : draft.end].split()
    if draft.cue is not None:
        return len(words) >= 2
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) >= 4 and not (len(words) <= 10 and capitalised >= 0.6 * len(words))


def _quote_mask(parse: Parse, quotes: list[QuoteSpan]) -> list[bool]:
    mask = [False] * len(parse.tokens)
    for q in quotes:
        for i in parse.tokens_between(q.outer_start, q.outer_end):
            mask[i] = True
    return mask


_REPORTING_VERBS = frozenset({"say", "tell", "report", "state", "claim", "announce"})


def _other_speaker(parse: Parse, i: int) -> bool:
    """ "X said it struck a command centre, as the health ministry said 22 people had been killed": a
    clause on what X said that another speaker's cue heads, with its own subject and complement, is
    that speaker's statement, not part of X's."""
    if parse.tokens[i].dep != "advcl" or parse.tokens[i].lemma.lower() not in _REPORTING_VERBS:
        return False  # not "..., although one wonders how much ...": an aside, no one's statement
    deps = {parse.tokens[c].dep for c in parse.children[i]}
    return "ccomp" in deps and bool(deps & {"nsubj", "nsubjpass"})


def _is_partial(body: str, q: QuoteSpan) -> bool:
    """A quote embedded in running text ('dismissed it as "fake news"') rather than standing as speech."""
    line_start = body.rfind("\n", 0, q.outer_start) + 1
    before = body[line_start : q.outer_start].rstrip()
    if not before or before[-1] in ":,—–-(":
        return False
    return before[-1].isalnum() or before[-1] in "’'"


def _clause(parse: Parse, cue: int) -> tuple[int, int] | None:
    """The reported clause of a cue: its complement clause, or for "urged X to ..." its objects."""
    unanswered = _unanswered(parse, cue)
    if unanswered is not None:
        return unanswered
    children = parse.children[cue]
    parts = [c for c in children if parse.tokens[c].dep == "ccomp"]
    if any(c > cue for c in parts) and any(_asked_about(parse, c) for c in parts if c < cue):
        parts = [c for c in parts if c > cue]  # "Asked about X's estimates that ..., Y said Z": Z alone
    if parts and parse.tokens[cue].lemma.lower() in OBJECT_LEMMAS and all(
        _inverted_condition(parse, c) for c in parts
    ):  # "warned of consequences for Seoul should it become involved": the parser made the condition
        parts = [o for c in children if c > cue and parse.tokens[c].dep == "prep"  # the complement
                 and parse.lower(c) in _OBJECT_PREPS for o in _objects_of(parse, c)] + parts
    if not parts and parse.tokens[cue].lemma.lower() in OBJECT_LEMMAS:
        parts = [c for c in children if c > cue and (
            parse.tokens[c].dep in _OBJECT_PARTS
            or (parse.tokens[c].dep == "prep" and parse.lower(c) in _OBJECT_PREPS))]
        # "warned of more rain": what is warned of, without the preposition
        parts = [o for c in parts for o in (_objects_of(parse, c) if parse.tokens[c].dep == "prep" else [c])]
    parts += stranded_subject(parse, cue, parts) + misread_subjects(parse, cue, parts)
    if not parts and (parse.tokens[cue].dep == "parataxis" or comma_conjunct(parse, cue)):  # "X, said Z"
        head = parse.tokens[cue].head
        indices = [j for j in parse.subtree(head) if j not in set(parse.subtree(cue))]
        if head > cue and any(j < cue for j in indices):
            return trimmed(parse, indices, cue)  # "A new manager, he said, could set a new tone": both sides
        return trimmed(parse, [j for j in indices if j < cue], cue)
    # a clause stays on its own side of the cue: "the troops that Moldova says have moved" parses
    # "that" into the complement, which would put the speaker and cue inside the content
    indices = sorted(j for c in parts for j in parse.subtree(c) if (j > cue) == (c > cue))
    apart = [i for i in indices if second_saying(parse, i) or _other_speaker(parse, i)]
    second = {j for i in apart for j in parse.subtree(i)}
    indices = [j for j in indices if j not in second]
    clausal = any(parse.tokens[c].dep == "ccomp" for c in parts)
    if clausal and not any(parse.tokens[j].pos in ("VERB", "AUX") for j in indices):
        return None  # "the index added 1.2 per cent": a complement with no verb reports no speech
    if not clausal and _act_not_speech(parse, cue, parts, indices):
        return None
    return trimmed(parse, indices, cue, least=1 if _denied_claim(parse, cue, parts) else MIN_CONTENT_TOKENS)


def _denied_claim(parse: Parse, cue: int, parts: list[int]) -> bool:
    """A denial whose object is a claim, however short: "The RSF denied any involvement"."""
    return parse.tokens[cue].lemma.lower() in DENIAL_LEMMAS and any(
        parse.tokens[c].dep == "dobj" and parse.tokens[c].lemma.lower() in CLAIM_NOUNS for c in parts)


_REQUESTS = frozenset({"request", "call", "message", "email", "inquiry", "enquiry", "question", "query"})


def _unanswered(parse: Parse, cue: int) -> tuple[int, int] | None:
    """ "The RSF did not respond to a request for comment": a refusal to speak, told by what went
    unanswered (as "declined to comment" is by "to comment")."""
    if parse.tokens[cue].lemma.lower() not in ("respond", "reply"):
        return None
    if not any(parse.tokens[c].dep == "neg" for c in parse.children[cue]):
        return None
    for c in parse.children[cue]:
        if parse.tokens[c].dep != "prep" or parse.lower(c) != "to":
            continue
        if any(parse.tokens[o].dep == "pobj" and parse.tokens[o].lemma.lower() in _REQUESTS
               for o in parse.children[c]):  # fmt: skip
            return trimmed(parse, parse.subtree(c), cue)
    return None


def _act_not_speech(parse: Parse, cue: int, parts: list[int], indices: list[int]) -> bool:
    """A verbless object that makes the cue an act: a figure ("the index declined 1.4 per cent") or,
    after a rejecting or confirming cue, a proposal or a person put forward ("MPs rejected the deal")."""
    if any(parse.tokens[j].pos in ("VERB", "AUX") for j in indices):
        return False
    words = [j for j in indices if parse.tokens[j].pos not in ("PUNCT", "DET")]
    if words and all(parse.tokens[j].pos in ("NUM", "SYM") or parse.lower(j) in _FIGURE_WORDS for j in words):
        return True
    objects = [c for c in parts if parse.tokens[c].dep == "dobj"]
    return parse.tokens[cue].lemma.lower() in _ACTING_CUES and any(
        parse.tokens[c].lemma.lower() in ACT_OBJECTS for c in objects)


def _inverted_condition(parse: Parse, clause: int) -> bool:
    """A clause that opens with an inverted condition ("should it become involved", "were they to")."""
    first = min(parse.subtree(clause))
    return parse.lower(first) in ("should", "were", "had") and first + 1 < len(parse.tokens) and any(
        c == first + 1 and parse.tokens[c].dep in ("nsubj", "nsubjpass") for c in parse.children[clause])


def _objects_of(parse: Parse, preposition: int) -> list[int]:
    objects = [c for c in parse.children[preposition] if parse.tokens[c].dep in ("pobj", "pcomp")]
    return objects or [preposition]


def _inverted(parse: Parse, cue: int) -> tuple[tuple[int, int] | None, int] | None:
    """ "Forces have moved 3,500 troops, a senior official told the paper": the parser often makes the
    cue a conjunct of the reported verb and the speaker its object. The clause runs up to the comma
    before the speaker phrase; the speaker is that phrase's head, set right before the cue."""
    token = parse.tokens[cue]
    head = token.head
    if token.dep != "conj" or head >= cue or any(
        parse.tokens[c].dep in ("nsubj", "nsubjpass") for c in parse.children[cue]
    ):
        return None
    # or an appositive the parser hung on the reported clause's subject ("units ..., a senior official")
    subjects = [c for c in parse.children[head] if parse.tokens[c].dep in ("nsubj", "nsubjpass")]
    hung = [c for s in subjects for c in parse.children[s] if parse.tokens[c].dep == "appos"]
    speaker = next((c for c in sorted([*parse.children[head], *hung], reverse=True) if c < cue
                    and parse.tokens[c].dep in ("dobj", "npadvmod", "appos", "dep")), None)
    if speaker is None or parse.tokens[speaker].tag not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    first = min(parse.subtree(speaker))
    if first == 0 or parse.text(first - 1) != "," or max(parse.subtree(speaker)) + 1 != cue:
        return None  # only a phrase set off by a comma and ending right at the cue
    clause = [j for j in parse.subtree(head) if j < first - 1]
    return trimmed(parse, clause, cue), speaker


def _asked_about(parse: Parse, clause: int) -> bool:
    """A fronted complement that opens the sentence with a participle ("Asked about ..."): the
    question put to the speaker, mis-parsed as a second reported clause."""
    first = min(parse.subtree(clause))
    sentence = parse.sentences[parse.sentence_index(parse.tokens[clause].start)]
    return parse.tokens[first].start == sentence.start and parse.tokens[first].tag == "VBN"


def _outside_quotes(span: tuple[int, int], quotes: list[QuoteSpan]) -> bool:
    quoted = sum(max(0, min(span[1], q.outer_end) - max(span[0], q.outer_start)) for q in quotes)
    return quoted < 0.5 * (span[1] - span[0])


def _inside(span: tuple[int, int], drafts: list[Draft]) -> bool:
    return any(d.start <= span[0] and span[1] <= d.end for d in drafts)


def _direct(parse: Parse, q: QuoteSpan, cues: list[int]) -> Draft:
    cue = _cue_for_quote(parse, q, cues)
    subject = subject_of(parse, cue) if cue is not None else None
    return Draft(q.start, q.end, True, cue, subject)


def _cue_for_quote(parse: Parse, q: QuoteSpan, cues: list[int]) -> int | None:
    """The nearest cue in the quote's own sentences, or in a short sentence right after or before it
    within the same paragraph ('"...." he said.' split by the sentencer, or 'She said:' before)."""
    first = parse.sentence_index(q.outer_start)
    last = parse.sentence_index(max(q.outer_start, q.outer_end - 1))
    para_start, _ = parse.paragraph_of(q.outer_start)
    _, para_end = parse.paragraph_of(max(q.outer_start, q.outer_end - 1))
    region = [(parse.sentences[k].start, parse.sentences[k].end) for k in range(first, last + 1)]
    if last + 1 < len(parse.sentences) and parse.sentences[last + 1].end <= para_end:
        following = parse.sentences[last + 1]
        short = len(parse.body[following.start : following.end].split()) <= 12
        if short or _bare_cue_in(parse, following.start, following.end, cues):
            region.append((following.start, following.end))
    if first > 0 and parse.sentences[first - 1].start >= para_start:
        preceding = parse.sentences[first - 1]
        if parse.body[preceding.start : preceding.end].rstrip().endswith(":"):
            region.append((preceding.start, preceding.end))
    governing = _governing_cue(parse, q, cues)
    best: tuple[int, int] | None = None
    chosen: int | None = None
    for cue in cues:
        start = parse.tokens[cue].start
        if not any(s <= start < e for s, e in region) or not para_start <= start < para_end:
            continue  # outside the quote's sentences, or in another paragraph the sentencer glued on
        distance = q.outer_start - start if start < q.outer_start else start - q.outer_end
        subject = subject_of(parse, cue)
        if subject is not None and q.outer_start <= parse.tokens[subject].start < q.outer_end:
            continue  # '(”... hope is a wave”) but avoids announcing': the quote cannot say itself
        has_subject = subject is not None
        if cue == governing and has_subject:
            return cue  # 'demanded that North Korea "conduct no further tests," adding that ...'
        key = (0 if has_subject else 1, max(0, distance))
        if best is None or key < best:
            best, chosen = key, cue
    return chosen


def _governing_cue(parse: Parse, q: QuoteSpan, cues: list[int]) -> int | None:
    """The cue whose clause the quotation is part of: the first verb up the parse tree from its words,
    when that verb is a cue."""
    inside = parse.tokens_between(q.start, q.end)
    if not inside:
        return None
    i = inside[0]
    for _ in range(12):
        if parse.tokens[i].head == i:
            return None
        i = parse.tokens[i].head
        outside = not q.outer_start <= parse.tokens[i].start < q.outer_end
        if outside and parse.tokens[i].pos in ("VERB", "AUX"):
            return i if i in cues else None  # the first verb outside the quotation
    return None


def _host_subject(parse: Parse, q: QuoteSpan) -> int | None:
    """Who an embedded quote belongs to when no speech verb introduces it: the named subject of the
    verb it hangs from ('X welcomed the decision as "a clear signal ..."')."""
    inside = parse.tokens_between(q.start, q.end)
    if not inside:
        return None
    def quoted(j: int) -> bool:
        return q.outer_start <= parse.tokens[j].start < q.outer_end

    i = inside[0]
    for _ in range(12):  # up the tree to the first verb outside the quote
        if not quoted(i) and parse.tokens[i].pos == "VERB":
            break
        if parse.tokens[i].head == i:
            return None
        i = parse.tokens[i].head
    if quoted(i) or parse.tokens[i].pos != "VERB":
        return None
    subject = subject_or_none(parse, i)
    if subject is None or quoted(subject):
        return None
    named = [parse.entity_at(j) for j in [subject] + [c for c in parse.children[subject]
                                                       if parse.tokens[c].dep in ("appos", "compound")]]
    if any(e is not None and e.label in _SPEAKING_LABELS for e in named):
        return subject  # a name, or a title with the name beside it ("the minister, Ana Rotaru,")
    if parse.tokens[subject].lemma.lower() in HUMAN_PLURALS | OFFICES:
        return subject  # 'One diplomat described the talks as "tense"': unnamed, but a person who speaks
    return None


_SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GOVERNMENT", "AGENCY"})


def _bare_cue_in(parse: Parse, start: int, end: int, cues: list[int]) -> bool:
    """Whether the span holds a speech cue with no clause of its own ("X, a strategist at Y, said in
    a commentary."): a sentence that only attributes the quote before it."""
    for cue in cues:
        if start <= parse.tokens[cue].start < end:
            deps = {parse.tokens[c].dep for c in parse.children[cue]}
            if not deps & {"ccomp", "xcomp", "dobj"} and deps & {"nsubj"}:
                return True
    return False


def _pull_quotes(parse: Parse) -> list[Draft]:
    """A paragraph of speech signed with a bare name ('... an emergency. Jane Doe'): a pull quote."""
    found: list[Draft] = []
    for entity in parse.entities:
        if entity.label != "PERSON" or len(entity.text.split()) < 2:
            continue
        para_start, para_end = parse.paragraph_of(entity.start)
        if parse.body[entity.end : para_end].strip():
            continue
        before = parse.body[para_start : entity.start].rstrip(" ")
        if len(before.split()) < 5 or not before.endswith((".", "!", "?", "”", '"')):
            continue
        start, end = para_start, para_start + len(before)
        while start < end and parse.body[start] in " “\"":
            start += 1
        while end > start and parse.body[end - 1] in " ”\"":
            end -= 1
        found.append(Draft(start, end, True, None, parse.token_at(entity.end - 1)))
    return found


