"""The reporting chain: "according to X" as a source or a statement, and the agencies a cue names
("told the Interfax news agency", "quoted by Tass")."""

from __future__ import annotations

from sitroom.stages.statements.draft import MEDIA, SUBJECTS, Draft, trimmed
from sitroom.stages.statements.parse import Parse


def agencies_around(parse: Parse, draft: Draft) -> list[str]:
    """News agencies in the cue's own phrase ("told the Interfax news agency", "quoted by Tass")."""
    assert draft.cue is not None
    names: list[str] = []
    # "was quoted by Tass as saying": the agency hangs on the verb that governs the cue
    heads = [draft.cue]
    while len(heads) < 3 and parse.tokens[heads[-1]].dep in ("advcl", "pcomp", "xcomp", "prep"):
        heads.append(parse.tokens[heads[-1]].head)
    for child in (c for h in heads for c in parse.children[h] if c not in heads):
        if parse.tokens[child].dep in ("nsubj", "nsubjpass", "ccomp"):
            continue
        start, end = parse.span(parse.subtree(child))
        if start >= draft.start and end <= draft.end:
            continue
        entity = parse.entity_over(start, end, frozenset({"AGENCY"}))
        media = parse.entity_over(start, end, frozenset({"ORG"}))
        if entity is None and media is not None and MEDIA.search(media.text):
            entity = media
        if entity is not None:
            names.append(agency_name(entity.text))
    return names


def agency_name(text: str) -> str:
    """ "Yonhap News Agency" -> "Yonhap": the reporting chain names the agency, not its type."""
    for suffix in (" News Agency", " news agency", " Press Agency"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def according(parse: Parse, drafts: list[Draft], in_quote: list[bool]) -> list[Draft]:
    """ "according to X": a source for the sentence's other statements (via), or a statement itself."""
    found: list[Draft] = []
    for i, token in enumerate(parse.tokens):
        if parse.lower(i) != "according" or in_quote[i]:
            continue
        to = [c for c in parse.children[i] if parse.lower(c) == "to"]
        objects = [c for t in to for c in parse.children[t] if parse.tokens[c].dep == "pobj"]
        if not objects:  # "according to consulting firm Deloitte": the parser made "consulting" a verb
            objects = [o for t in to for c in parse.children[t] if parse.tokens[c].dep == "pcomp"
                       for o in parse.children[c] if parse.tokens[o].dep == "dobj"]  # fmt: skip
        if not objects:
            continue
        source = objects[0]
        sentence = parse.sentences[parse.sentence_index(token.start)]
        # statements the source relays; not one inside a relative clause ("the troops that Moldova
        # says have moved"), which the source's own claim contains
        others = [d for d in drafts if sentence.start <= d.start < sentence.end and d.subject is not None
                  and (d.cue is None or parse.tokens[d.cue].dep not in ("relcl", "acl"))
                  and _relays(parse, d, i)]
        source_start, source_end = parse.span(parse.subtree(source))
        name = _source_name(parse, source_start, source_end)
        if others:
            for draft in others:
                draft.via.append(name)
            continue
        excluded = set(parse.subtree(i))
        for draft in drafts:  # "..., though rights groups say the toll is higher": their statement, apart
            cue = draft.cue
            if cue is None or parse.tokens[cue].dep in ("relcl", "acl"):
                continue  # (a relative clause stays in the source's claim)
            if sentence.start <= draft.start < sentence.end and not _relays(parse, draft, i):
                excluded.update(parse.subtree(cue))
        indices = [j for j in parse.tokens_between(sentence.start, sentence.end) if j not in excluded]
        span = trimmed(parse, indices)
        if span:
            person = _reporting_person(parse, sentence.start, sentence.end) if MEDIA.search(name) else None
            if person is not None:  # "Bullard gave an interview ..., according to CNBC": CNBC relays
                found.append(Draft(span[0], span[1], False, i, person, via=[name], according=True))
            else:
                found.append(Draft(span[0], span[1], False, i, source, according=True))
    return found


def _relays(parse: Parse, draft: Draft, according: int) -> bool:
    """Whether "according to" qualifies this statement: it stands in what was said or hangs on the cue's
    clause, not in a clause of its own beside a statement in a subordinate one ("The war has killed
    28,000 people, according to the U.N., though rights groups say the toll is higher")."""
    token = parse.tokens[according]
    if draft.start <= token.start < draft.end or draft.cue is None:
        return True
    cue = draft.cue
    if according in parse.subtree(cue):
        return True
    return parse.tokens[cue].dep not in ("advcl", "ccomp", "conj") or parse.tokens[according].head == cue


def _reporting_person(parse: Parse, start: int, end: int) -> int | None:
    """The person who is the subject of the sentence's main verb, if any."""
    for j in parse.tokens_between(start, end):
        if parse.tokens[j].dep != "ROOT":
            continue
        for child in parse.children[j]:
            entity = parse.entity_at(child)
            if parse.tokens[child].dep in SUBJECTS and entity is not None and entity.label == "PERSON":
                return child
    return None


def _source_name(parse: Parse, start: int, end: int) -> str:
    """The agency or organisation's name inside a source phrase, else the phrase itself."""
    for labels in (frozenset({"AGENCY"}), frozenset({"ORG", "GOVERNMENT"}), frozenset({"PERSON"})):
        entity = parse.entity_over(start, end, labels)
        if entity is not None:
            return agency_name(entity.text)
    return parse.body[start:end]
