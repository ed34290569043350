"""Regex building blocks shared by the rule modules."""

from __future__ import annotations

import re

from sitroom.stages.timex.lexicon import (
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
)

# Month names need a capital letter to count ("may" is a modal verb); builders check it.
MONTH = rf"(?P<mon>{alternation(MONTHS)})(?![a-z])"
WEEKDAY = rf"(?P<wd>{alternation(WEEKDAYS)})(?![a-z])"
WEEKDAY_ANY = rf"(?P<wd>{alternation(list(WEEKDAYS) + list(WEEKDAY_ABBREVIATIONS))})(?![a-z])"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]\d)"
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])"
_UNITS_ALL = alternation(list(UNIT_PLURALS) + list(UNITS))
UNIT = rf"(?P<unit>{_UNITS_ALL})(?![a-z])"
_NUMBER_WORDS = alternation(k for k in NUMBERS if " " not in k)
_COMPOUND = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)"
)
NUMBER = (
    rf"(?P<num>{_COMPOUND}|{alternation(k for k in NUMBERS if ' ' in k)}|{_NUMBER_WORDS}"
    rf"|\d+(?:\.\d+)?(?:\s+1/2)?|{alternation(VAGUE_NUMBERS)})"
)
ORDINAL = rf"(?P<ord>{alternation(ORDINALS)})"
SEASON = rf"(?P<season>{alternation(SEASONS)})(?![a-z])"
PART_OF_DAY = r"(?P<pod>morning|afternoon|evening|night|overnight)"


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Rules are matched case-insensitively on word boundaries; builders check capitals."""
    return re.compile(rf"(?<![\w'’-])(?:{pattern})(?![\w])", re.IGNORECASE)


def capitalised(text: str | None) -> bool:
    return bool(text) and text[0].isupper()  # type: ignore[index]
