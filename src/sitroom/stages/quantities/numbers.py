"""Reading figures in text: digits and number words, ranges, vague amounts, qualifiers, and what is
not a figure at all (years, days of a month, clock times, identifiers)."""

from __future__ import annotations

import re

from sitroom.model import Quantity

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "dozen": 12,
}  # fmt: skip
# Vague amounts: no value, but a floor to count with. "Several" and "multiple" count 3 and "numerous"
# 4, the minimum-count convention of the ISAF press-release coding (credited in docs/data-credits.md).
VAGUE = {
    "a few": 2.0, "multiple": 3.0, "several": 3.0, "numerous": 4.0, "a handful": 2.0, "dozens": 24.0,
    "hundreds": 200.0, "thousands": 2000.0, "tens of thousands": 20000.0, "millions": 2e6,
    "a number of": 3.0, "a couple of": 2.0, "hundreds of thousands": 200_000.0, "scores of": 40.0,
}  # fmt: skip
_FIXED = {
    "a dozen": 12.0, "a hundred": 100.0, "a thousand": 1000.0, "half a dozen": 6.0, "half a million": 5e5,
    "half a billion": 5e8, "a million": 1e6, "a billion": 1e9,
}  # fmt: skip
QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "some": "about", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "an estimated": "about", "estimated": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "up to": "up to",
    "as many as": "up to", "fewer than": "less than", "less than": "less than",
    "under": "less than", "at most": "up to", "exactly": "exactly", "only": "exactly",
}  # fmt: skip
_ALL_WORDS = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_WORDNUM = (
    rf"(?:(?:{_ALL_WORDS})(?:[- ](?:{_ALL_WORDS}))?(?:\s+hundred)?"
    r"|tens of thousands|hundreds of thousands|(?:half\s+)?a dozen|dozens|hundreds|thousands|millions"
    r"|several|numerous|multiple|a few|a handful|a hundred|a thousand|half a (?:million|billion)"
    r"|a (?:million|billion)|a number of|a couple of|scores of)"
)
_NUMBER = (
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|"
    + _WORDNUM
    + r")(?:\s+(?:hundred|thousand|million|billion|bn|dozen)\b|m\b)?"
)
FIGURE = re.compile(
    rf"\b(?:between\s+(?P<b1>{_NUMBER})\s+and\s+(?P<b2>{_NUMBER})"
    rf"|(?:from\s+)?(?P<r1>{_NUMBER})\s*(?:-|–|—|\bto\b)\s*(?P<r2>{_NUMBER})"
    rf"|(?P<n>{_NUMBER}))(?:(?P<unit>\s?(?:%|per ?cent\b|percent\b|km²|km2\b|km\b|kg\b|kilometres\b|"
    r"kilometers\b|miles\b|tonnes\b|tons\b))|\b)",
    re.IGNORECASE,
)
QUALIFIER = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
UNIT_NAMES = {"%": "percent", "per cent": "percent", "percent": "percent", "km2": "km²"}
UNIT_NAMES |= {"kilometres": "km", "kilometers": "km", "tons": "tonnes", "percent": "percent"}
MEASURES = {"percent", "km", "km²", "kg", "miles", "tonnes", "metres", "meters", "mm", "kilograms", "pounds"}
MEASURES |= {"hours", "days", "weeks", "months", "years", "minutes", "hour", "day", "week", "month", "year"}
MEASURES |= {"metre", "meter", "mile", "kilometre", "kilometer", "feet", "foot", "yards", "seconds", "second"}


def counts_for_event(quantity: Quantity) -> bool:
    """Whether a figure in an event's sentence counts something the event is about ("at least 2,000
    troops", "three officers wounded"), not a measure ("one metre", "for three hours", "a 30-day state
    of emergency") nor a lone "One ..." that only picks someone out ("One Moscow-based expert said")."""
    if quantity.unit in MEASURES or re.match(r"\d+-(?:day|week|month|year|hour|km|mile)\b", quantity.text):
        return False
    lone = quantity.value == 1 and quantity.scope is None
    return not (lone and re.match(r"(?i)(?:one|a|an)\b", quantity.text))


# A month's name or abbreviation, not any word that starts like one ("12 marines", "20 separatists",
# "declared 3 dead").
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+{_MONTH}\b\.?", re.IGNORECASE)
# Nouns that number things rather than count them ("chapter two", "section 4", "number one").
_LABEL_BEFORE = re.compile(
    r"\b(?:chapter|section|article|paragraph|clause|resolution|resolutions|phase|page|no\.|number|item"
    r"|verse|route|highway|flight|room|gate|exit|platform|channel|unit|level|grade|category|class|tier)\s+$",
    re.IGNORECASE,
)


def not_a_figure(body: str, match: re.Match[str]) -> bool:
    """Years, days of a month, clock times, ordinals, codes and "one of" are not counts."""
    text = match.group(0).strip()
    before = body[max(0, match.start() - 12) : match.start()]
    after = body[match.end() : match.end() + 6]
    if re.fullmatch(r"(1[5-9]\d\d|20\d\d)s?", text) or re.fullmatch(
        r"(1[5-9]\d\d|20\d\d)\s*[-–]\s*\d+", text
    ):
        return True
    if text[:1].isdigit() and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return all(int(n) <= 31 for n in re.findall(r"\d+", text))  # "Oct. 18", "11-13 Dec."
    if (
        after[:1] in (":", "/")
        or before[-1:] in ("/", "#", "$", "€", "£", "-", ":", ".")
        or after[:1].isalpha()
        or re.match(r"[-.]\d", after)  # phone numbers 555-123-4567, section 119.3.2
    ):
        return True
    if re.match(r"(st|nd|rd|th)\b", after) or re.match(r"\s+(am|pm|a\.m\.|p\.m\.)", after, re.IGNORECASE):
        return True
    if re.fullmatch(r"0\d+", text):
        return True  # zero-padded: a serial or reference number ("release 2010-04-CA-067", "0591")
    if re.match(r"\s*(B\.?C\.?E?|A\.?D\.?)\b", after) or re.search(r"\.\d{4,}$", text):
        return True  # "575 B.C."; decimal degrees 35.0325 are coordinates
    if re.match(r"\s*;\s*-?\d+\.\d+", after) or re.search(r"\d\.\d+\s*;\s*$", before):
        return True  # a latitude; longitude pair "33.783; 44.500"
    if before.endswith("[") or after[:1] in ("°", "′", "″", "]", "'") or before[-1:] in ("°", "′"):
        return True  # citation marks [2] and coordinates 33°47′N
    return _identifier(text, before) or _pronoun_one(text, after)


def _identifier(text: str, before: str) -> bool:
    """ "Resolution 2249", "DDG 72", "Chapter two", "number one": a label, not a count."""
    if _LABEL_BEFORE.search(before):
        return True
    if re.search(r"\b[A-Z]{1,5}\s+$", before) and not QUALIFIER.search(before):
        return text[:1].isdigit()  # "CTF 50", "HMS Daring (D 32)"
    sentence_start = re.search(r"(^|[.!?]\s+|--\s+|[–—]\s+)[A-Z][a-z]+\s+$", before)
    if re.search(r"\b[A-Z][a-z]+\s+$", before) and not sentence_start and not QUALIFIER.search(before):
        return text[:1].isdigit()  # "Resolution 2249", "Committee 1267": identifiers, not counts
    return False


def _pronoun_one(text: str, after: str) -> bool:
    """ "one of them", "one another", "one day": "one" that counts nothing here."""
    return text.lower() == "one" and bool(re.match(r"\s+(of|another|day)\b", after))


def vague_floor(text: str) -> float | None:
    """A safe floor for a vague amount: 'several' -> 3, 'a few thousand' -> 2000, '12' -> None."""
    words = text.lower().split()
    joined = " ".join(words)
    if joined in VAGUE:
        return VAGUE[joined]
    if len(words) > 1 and words[-1] in MULTIPLIERS and " ".join(words[:-1]) in VAGUE:
        return VAGUE[" ".join(words[:-1])] * MULTIPLIERS[words[-1]]
    return None


def number_value(text: str) -> float | None:
    """'3,000' -> 3000, 'twenty-five' -> 25, '2.5 million' -> 2500000, 'several' -> None."""
    words = text.lower().replace("-", " ").replace(",", "").split()
    if not words:
        return None
    joined = " ".join(words)
    if joined in _FIXED:
        return _FIXED[joined]
    multiplier = 1.0
    while words and (
        words[-1] in MULTIPLIERS or (words[-1].endswith("m") and words[-1][:-1].replace(".", "").isdigit())
    ):
        last = words.pop()
        if last in MULTIPLIERS:
            multiplier *= MULTIPLIERS[last]
        else:
            words.append(last[:-1])
            multiplier *= 1e6
    total = 0.0
    for word in words:
        if re.fullmatch(r"\d+(\.\d+)?", word):
            total += float(word)
        elif word in _UNITS_WORDS or word in _TENS_WORDS:
            total += _UNITS_WORDS.get(word, 0) + _TENS_WORDS.get(word, 0)
        else:
            return None
    return total * multiplier if words else multiplier


def qualifier_before(body: str, start: int) -> tuple[int, str | None]:
    """ "at least", "about", "up to" ... right before the figure: they widen the span and qualify it."""
    window = body[max(0, start - 30) : start]
    found = QUALIFIER.search(window)
    if not found:
        return start, None
    return start - (len(window) - found.start()), QUALIFIERS[" ".join(found.group(0).lower().split())]
