"""Words the temporal tagger knows: months, weekdays, numbers, units, parts of day, seasons.

Each table maps a lower-cased surface form to its meaning; `alternation` turns a table into a
regex alternation, longest form first so "sept." wins over "sep".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan.": 1, "jan": 1,
    "february": 2, "feb.": 2, "feb": 2,
    "march": 3, "mar.": 3,
    "april": 4, "apr.": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun.": 6,
    "july": 7, "jul.": 7,
    "august": 8, "aug.": 8, "aug": 8,
    "september": 9, "sept.": 9, "sep.": 9, "sept": 9,
    "october": 10, "oct.": 10, "oct": 10,
    "november": 11, "nov.": 11, "nov": 11,
    "december": 12, "dec.": 12, "dec": 12,
}  # fmt: skip

# Full names only when standing alone: "Sun", "Sat" and "Wed" are ordinary words or titles too.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
    "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thur.": 4, "thurs.": 4,
    "fri.": 5, "sat.": 6, "sun.": 7,
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0, "a half": 0,
}  # fmt: skip
# Vague amounts: TIMEX3 writes the count as X ("several years" is PXY).
VAGUE_NUMBERS = ("several", "a few", "few", "some", "many", "a number of", "numerous", "multiple")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Days of the month spelled as ordinals, as broadcast transcripts write them ("March eighth").
_DAY_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth",
]  # fmt: skip
DAY_WORDS: dict[str, int] = {word: i + 1 for i, word in enumerate(_DAY_ORDINALS)}
DAY_WORDS.update({f"twenty-{word}": 21 + i for i, word in enumerate(_DAY_ORDINALS[:9])})
DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})

# Unit -> (TIMEX3 duration letter, is a time unit written after "T").
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "weekend": ("WE", False), "fortnight": ("W2", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False),
}  # fmt: skip
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "weekends": "weekend", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade", "centuries": "century",
    "fortnights": "fortnight", "yrs": "year", "hrs": "hour", "mins": "minute",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "mid-afternoon": "AF", "mid afternoon": "AF", "midday": "MI",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

# Fixed-date holidays; Thanksgiving and Easter are computed in the resolver.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "bastille day": (7, 14),
}  # fmt: skip
# Movable holidays: a name and the month-day used to place them before the year is known.
FEASTS: dict[str, tuple[str, int, int]] = {
    "thanksgiving day": ("thanksgiving", 11, 25), "thanksgiving": ("thanksgiving", 11, 25),
    "easter sunday": ("easter", 4, 5), "easter": ("easter", 4, 5),
    "election day": ("election", 11, 5),
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, dots and spaces escaped."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def number_value(text: str) -> int | None:
    """The integer a count word or digit string stands for; None for vague counts."""
    lowered = " ".join(text.lower().replace("-", " ").split())
    if lowered.replace(",", "").isdigit():
        return int(lowered.replace(",", ""))
    if lowered in NUMBERS:
        return NUMBERS[lowered]
    parts = lowered.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]  # "twenty four"
    return None


def unit_of(word: str) -> str | None:
    """The singular unit a (possibly plural) word names, or None."""
    lowered = word.lower()
    if lowered in UNITS:
        return lowered
    return UNIT_PLURALS.get(lowered)
