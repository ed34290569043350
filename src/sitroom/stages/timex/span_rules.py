"""Rules for durations ("three days", P3D), sets ("every week") and clock times ("6 a.m.")."""

from __future__ import annotations

import re

from sitroom.stages.timex.calendar_rules import Builder
from sitroom.stages.timex.lexicon import (
    MONTHS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    number_value,
    unit_of,
)
from sitroom.stages.timex.patterns import MONTH, NUMBER, SEASON, UNIT, WEEKDAY, capitalised
from sitroom.stages.timex.spec import Spec

_LETTER = {"decade": ("DE", False), "century": ("CE", False), "weekend": ("D", False)}


def duration_value(count: float | None, unit: str, scaled: bool = True) -> str:
    """TIMEX3 duration: P3D, PT5H, P2W; X for a vague count ("several years" is PXY)."""
    letter, is_time = _LETTER.get(unit, UNITS[unit])
    # TimeML writes quarters as months and decades and centuries as years: P9M, P20Y, P100Y.
    scale = {"quarter": ("M", 3), "decade": ("Y", 10), "century": ("Y", 100)}.get(unit) if scaled else None
    if scale is not None:
        letter, count = scale[0], None if count is None else count * scale[1]
    if unit == "fortnight":
        letter, count = "W", None if count is None else count * 2
    if unit == "weekend":
        count = None if count is None else count * 2
    if count is None:
        amount = "X"
    elif count == int(count):
        amount = str(int(count))
    else:  # "5 1/2 hours": write the next smaller unit
        return _fraction(count, unit)
    return ("PT" if is_time else "P") + amount + letter


def _fraction(count: float, unit: str) -> str:
    """ "5 1/2 hours" is PT5H30M, "half a year" P6M: the remainder in the next smaller unit."""
    letter, is_time = UNITS[unit]
    smaller = {"hour": ("M", 60), "minute": ("S", 60), "day": ("H", 24), "year": ("M", 12),
               "month": ("D", 30), "week": ("D", 7)}  # fmt: skip
    rest_letter, factor = smaller.get(unit, (letter, 1))
    whole, rest = int(count), round((count - int(count)) * factor)
    head = f"{whole}{letter}" if whole else ""
    if unit == "day":  # days, then hours after the T
        return f"P{head}T{rest}H"
    return ("PT" if is_time else "P") + head + (f"{rest}{rest_letter}" if rest else "")


def _count(text: str | None) -> float | None:
    if not text:
        return None
    lowered = " ".join(text.lower().split())
    if lowered in VAGUE_NUMBERS:
        return None
    if lowered.endswith("1/2"):
        return float(lowered.split()[0]) + 0.5
    try:
        return float(lowered.replace(",", ""))
    except ValueError:
        value = number_value(lowered)
        return float(value) if value is not None else None


# An amount right before "a year": the year is the denominator of a rate.
_RATE = re.compile(
    r"(?:\d[\d,.]*\s*%?|\b(?:million|billion|trillion|percent|cents?|dollars|times))\s*$"
    r"|\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|few)\s+[a-z]+s\s*$",
    re.IGNORECASE,
)


_SECOND_SPAN = re.compile(r"\b(?:for|in|within|than|about|just|only|split)\s+$", re.IGNORECASE)


def _for_a_second(match: re.Match[str]) -> bool:
    return _SECOND_SPAN.search(match.string, max(0, match.start() - 12), match.start()) is not None


def duration(match: re.Match[str]) -> Spec | None:
    """ "three days", "the past two months", "a two-year term", "several weeks", "the first nine months"."""
    unit = unit_of(match.group("unit"))
    after = match.string[match.end() : match.end() + 12]
    if unit is None or match.group(0).lower().endswith("-old") or re.match(r"\s+old\b", after):
        return None  # an age ("a 6-year-old", "52 years old") is not a time expression in TimeML
    if unit == "quarter" and re.match(r"\s+of\b", match.string[match.end() : match.end() + 4]):
        return None  # "three-quarters of the vote" is a fraction
    number = match.groupdict().get("num")
    if (number or "").lower() in ("a", "an") and match.group("unit").lower() != unit:
        return None  # "a decades-long feud": the article belongs to the noun after it
    if unit == "second" and (number or "").lower() == "a" and not _for_a_second(match):
        return None  # "a second betrayal": the ordinal, unless it is "for a second", "in a second"
    if (
        number
        and number.lower() in ("a", "an")
        and _RATE.search(match.string, max(0, match.start() - 40), match.start())
    ):
        return None  # "$500 million a year", "700 seats a week": a rate, not a stretch of time
    if number and number.lower().startswith("half"):
        return Spec(kind="duration", precision=None, value=_fraction(0.5, unit))
    count = _count(number)
    if number and count is None and number.lower() not in VAGUE_NUMBERS:
        return None
    if count is not None and count > 1000:
        return None
    if match.groupdict().get("half") or match.groupdict().get("half_after"):
        count = (count or 0) + 0.5
    return Spec(kind="duration", precision=None, value=duration_value(count, unit))


def vague_duration(match: re.Match[str]) -> Spec | None:
    """ "recent weeks", "the coming months", "for years": plural units without a count."""
    unit = unit_of(match.group("unit"))
    if unit is None or unit == match.group("unit").lower():
        return None
    return Spec(kind="duration", precision=None, value=duration_value(None, unit))


def half_unit(match: re.Match[str]) -> Spec | None:
    unit = unit_of(match.group("unit"))
    if unit is None or unit in ("weekend", "decade", "century", "quarter", "fortnight"):
        return None
    return Spec(kind="duration", precision=None, value=_fraction(0.5, unit) if unit != "week" else "P3D")


_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
            "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
            "semiannually": "P6M"}  # fmt: skip


_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def set_adverb(match: re.Match[str]) -> Spec | None:
    """ "daily", "annually"; not a rate's denominator ("rise 8.5% annually", "10,000 units annually")."""
    if _RATE.search(match.string, max(0, match.start() - 40), match.start()):
        return None
    return Spec(kind="set", precision=None, value=_ADVERBS[match.group(0).lower()])


def set_every(match: re.Match[str]) -> Spec | None:
    """ "every week", "each year", "every two days", "twice a week", "every Friday", "each July"."""
    groups = match.groupdict()
    if groups.get("wd"):
        name = groups["wd"]
        if not capitalised(name):
            return None
        return Spec(kind="set", precision=None, value=f"XXXX-WXX-{WEEKDAYS[name.lower()]}")
    if groups.get("mon"):  # "each July": that month of every year
        name = groups["mon"]
        if not capitalised(name):
            return None
        return Spec(kind="set", precision=None, value=f"XXXX-{MONTHS[name.lower()]:02d}")
    if groups.get("season"):
        return Spec(kind="set", precision=None, value=f"XXXX-{SEASONS[groups['season'].lower()]}")
    unit = unit_of(groups["unit"])
    if unit is None:
        return None
    count = _count(groups.get("num")) or 1
    return Spec(kind="set", precision=None, value=duration_value(count, unit, scaled=False))


def weekday_plural(match: re.Match[str]) -> Spec | None:
    name = match.group("wds")
    if not capitalised(name):
        return None
    return Spec(kind="set", precision=None, value=f"XXXX-WXX-{WEEKDAYS[name.lower()[:-1]]}")


def clock(match: re.Match[str]) -> Spec | None:
    """ "6 a.m.", "10:30 p.m. EST", "noon", "midnight": a time of day on the reference day."""
    groups = match.groupdict()
    if groups.get("word"):
        word = groups["word"].lower()
        if word == "noon" and re.search(
            r"\bhigh\s+$", match.string[max(0, match.start() - 6) : match.start()], re.I
        ):
            return None  # "High Noon", "high noon comes today": the idiom, not midday
        part = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[word]
        return Spec(kind="time", precision="time", unit="day", offset=0, time_part=part)
    hour, minute = int(groups["h"]), int(groups.get("m") or 0)
    meridian = (groups.get("ap") or "").lower().replace(".", "")
    if meridian == "pm" and hour < 12:
        hour += 12
    elif meridian == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return Spec(kind="time", precision="time", unit="day", offset=0, time_part=f"{hour:02d}:{minute:02d}")


# TimeML keeps "the past", "nearly", "more than" inside a duration's extent.
_LEAD = (
    r"(?:the\s+(?:past|last|next|first|previous|coming|following|latest|final|remaining|entire|full|initial|"
    r"same|other)\s+|the\s+(?=[^\s-]+\s)|(?:past|last|next|first|coming|previous|another|nearly|almost|about|some|over|"
    r"more\s+than|less\s+than|at\s+least|up\s+to)\s+)?"
)
_VAGUE_LEAD = (
    r"(?:(?:the\s+)?(?:past|last|next|coming|previous|recent|following|ensuing)\s+"
    r"(?:few\s+|several\s+|many\s+)?)"
)

SPAN_RULES: list[tuple[str, str, Builder]] = [
    (
        "duration",
        rf"{_LEAD}{NUMBER}(?P<half>[-\s]and[-\s]a[-\s]half)?[-\s]+(?:more\s+|additional\s+|extra\s+|further\s+)?"
        rf"(?:trading\s+|business\s+|working\s+)?{UNIT}(?:-long|-old)?"
        r"(?P<half_after>\s+and\s+a\s+half)?",
        duration,
    ),
    ("vague_duration", rf"{_VAGUE_LEAD}{UNIT}", vague_duration),
    ("long_units", rf"{UNIT}-long", vague_duration),  # "a decades-long feud": PXY
    ("units_ahead", rf"the\s+(?:coming\s+)?{UNIT}\s+(?:ahead|to\s+come)", vague_duration),
    (
        "for_units",
        rf"(?:(?<=for\s)|(?<=in\s)|(?<=within\s)|(?<=over\s)|(?<=after\s)|(?<=than\s)|(?<=take\s)|(?<=took\s))"
        rf"{UNIT}(?=\s+(?:and|or|now|to|of|before|after)\b|\s*[.,;:)])",
        vague_duration,
    ),
    ("half_unit", rf"half\s+an?\s+{UNIT}", half_unit),
    ("set_adverb", "|".join(_ADVERBS), set_adverb),
    (
        "set_every",
        rf"(?:every|each|per)\s+(?:other\s+)?(?:{NUMBER}\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH}|{SEASON})",
        set_every,
    ),
    ("set_times", rf"(?:once|twice|three\s+times|four\s+times|\d+\s+times)\s+a\s+{UNIT}", set_every),
    ("weekday_plural", rf"(?P<wds>{'|'.join(w + 's' for w in WEEKDAYS)})", weekday_plural),
    (
        "clock",
        r"(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?:\s+(?:[ECMP][SD]T|GMT|UTC))?"
        r"|(?<=at\s)(?P<h2>[0-2]?\d):(?P<m2>[0-5]\d)|(?P<word>noon|midday|midnight)",
        lambda m: clock(m) if not m.group("h2") else _clock24(m),
    ),
    (
        "clock_in_the",
        rf"(?P<hw>1[0-2]|[1-9]|{'|'.join(_HOURS)})(?:\s+o['’]clock)?"
        r"\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+night)",
        lambda m: clock_in_the(m),
    ),
]


def clock_in_the(match: re.Match[str]) -> Spec | None:
    """ "4 in the morning", "ten at night", "3 o'clock in the afternoon": the hour on the reference day."""
    word = match.group("hw").lower()
    hour = int(word) if word.isdigit() else _HOURS.index(word) + 1
    part = (match.group("part") or "night").lower()
    if not 1 <= hour <= 12:
        return None
    late = part in ("afternoon", "evening") or (part == "night" and hour >= 6)
    hour = (hour % 12) + (12 if late else 0)
    return Spec(kind="time", precision="time", unit="day", offset=0, time_part=f"{hour:02d}:00")


def _clock24(match: re.Match[str]) -> Spec | None:
    hour, minute = int(match.group("h2")), int(match.group("m2"))
    if hour > 24:
        return None
    return Spec(kind="time", precision="time", unit="day", offset=0, time_part=f"{hour:02d}:{minute:02d}")
