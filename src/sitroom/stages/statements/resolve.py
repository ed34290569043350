"""Resolving speakers: surnames to full names, pronouns and role nouns to the person meant."""

from __future__ import annotations

import re

from sitroom.stages.statements.lexicon import TITLE_ABBREVIATIONS
from sitroom.stages.statements.parse import Parse

_WORD = re.compile(r"[\w’'-]+")
_ROLE_WINDOW = 60  # characters before a name that may hold its title ("Surrey mayor Doug McCallum")


def strip_title(name: str) -> str:
    for title in TITLE_ABBREVIATIONS:
        if name.startswith(title):
            return name[len(title) :]
    return name


class People:
    """The people an article names, with the titles written around them."""

    def __init__(self, parse: Parse) -> None:
        self.mentions = [(e.start, strip_title(e.text)) for e in parse.entities if e.label == "PERSON"]
        self.full = [(start, name) for start, name in self.mentions if len(name.split()) >= 2]
        self.roles = [(start, name, _title_words(parse, start, name)) for start, name in self.full]

    def full_name(self, name: str, offset: int) -> str:
        """The longest full name that ends (or, for East Asian order, starts) with `name`, nearest
        before the offset, else the first after it; the name itself when none does."""
        name = strip_title(name).strip()
        if not name:
            return name
        words = name.split()
        best: tuple[int, int, str] | None = None
        for start, full in self.full:
            parts = full.split()
            if len(parts) <= len(words) or not (parts[-len(words):] == words or parts[: len(words)] == words):
                continue
            distance = offset - start if start <= offset else 10**6 + start
            key = (0 if parts[-len(words):] == words else 1, distance, full)
            if best is None or key < best:
                best = key
        return best[2] if best else name

    def with_title(self, noun: str, offset: int) -> str | None:
        """The person most recently introduced before the offset with this title word."""
        found: str | None = None
        for start, name, words in self.roles:
            if start < offset and noun in words:
                found = name
        return found

    def last_before(self, offset: int) -> str | None:
        found: str | None = None
        for start, name in self.mentions:
            if start < offset:
                found = name
        return self.full_name(found, offset) if found else None


def _title_words(parse: Parse, start: int, name: str) -> frozenset[str]:
    """Lower-cased words just before the name in its sentence and in an appositive after it."""
    sentence = parse.sentences[parse.sentence_index(start)]
    before = parse.body[max(sentence.start, start - _ROLE_WINDOW) : start]
    after_start = start + len(name)
    after = parse.body[after_start : min(sentence.end, after_start + 2 * _ROLE_WINDOW)]
    words = set(_WORD.findall(before.lower()))
    if after.startswith(","):
        words.update(_WORD.findall(after[1:].split(",")[0].lower()))
    return frozenset(words)
