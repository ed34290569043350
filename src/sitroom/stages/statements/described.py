"""What the article writes around a named person anywhere, not only where they speak: "Dobrescu and
Moldovan Foreign Minister Ana Rotaru met ...", "Ukraine's foreign minister, Oksana Tkachuk, spoke by
telephone ..." tell the role and country of every statement Rotaru or Tkachuk makes in the story."""

from __future__ import annotations

import re

from sitroom.stages.entities import Lexicon
from sitroom.stages.statements.parse import Parse
from sitroom.stages.statements.resolve import People
from sitroom.stages.statements.speakers import describe

FIELDS = ("speaker_role", "speaker_org", "speaker_country")
# Not a role: an age ("Jake Patterson, 21,", "the 13-year-old") or a bracketed aside ("(justice)").
_AGE = re.compile(r"[\d\s-]*(?:year-old|years? old)?|\W.*", re.IGNORECASE)
# Who someone is to someone else, or a courtesy title: true, but no role to report.
_NOT_ROLES = frozenset({"husband", "wife", "son", "daughter", "mother", "father", "brother", "sister",
                        "mom", "dad", "grandmother", "grandfather", "partner", "girlfriend", "boyfriend",
                        "fiancee", "fiance", "widow", "friend", "mr.", "mrs.", "ms.", "mr", "mrs", "ms",
                        "team"})  # fmt: skip


def _describes(parse: Parse, title: int, role: str) -> bool:
    """Whether a description found where the person does not speak says who they are: headed by a
    singular noun or title ("Moldovan Foreign Minister", "the regional governor"), not an adjective
    or verb ("weeping", "late"), a kinship, an age, a list or a photo credit ("Scott Grant/The
    Canadian Press")."""
    if not 0 <= title < len(parse.tokens) or parse.tokens[title].tag not in ("NN", "NNP"):
        return False
    if parse.lower(title) in _NOT_ROLES or _AGE.fullmatch(role) is not None:
        return False
    return "/" not in role and ", and " not in role and len(role.split()) <= 12


def mention_descriptions(parse: Parse, people: People, lex: Lexicon) -> dict[str, dict[str, str]]:
    """Role, organisation and country written around each tagged mention of a person, by the full
    name the mention resolves to; the first mention that gives a field gives it."""
    found: dict[str, dict[str, str]] = {}
    for entity in parse.entities:
        if entity.label != "PERSON":
            continue
        name = people.untitled(entity.text)
        if len(name) < 2 or not name[:1].isupper():
            continue
        line = parse.body[max(0, entity.start - 40) : entity.end + 2].rsplit("\n", 1)[-1]
        if "/" in line:
            continue  # a photo credit: "THE CANADIAN PRESS/Ada Berg", "Ryan Remiorz / The Canadian Press"
        root = people.name_root(entity.start, entity.end)
        head = root
        token = parse.tokens[root]
        if token.dep == "appos" and parse.tokens[token.head].tag in ("NN", "NNS", "NNP"):
            head = token.head  # "Ukraine's foreign minister, Oksana Tkachuk": the description heads it
        elif token.dep == "compound":
            continue  # "the Biden administration", "a Putin ally": the name describes something else
        speaker = describe(parse, head, lex)
        if speaker.kind != "person" or not speaker.start <= entity.start < speaker.end:
            continue
        title = head if head != root else parse.token_at(entity.start) - 1  # the word naming the role
        if speaker.role and not _describes(parse, title, speaker.role):
            continue  # "weeping Jayme Closs", "both Pelosi and ...", a photo credit: no role, nor country
        described = found.setdefault(people.full_name(name, entity.start), {})
        for field, value in zip(FIELDS, (speaker.role, speaker.org, speaker.country), strict=True):
            if value and field not in described:
                described[field] = value
    return found
