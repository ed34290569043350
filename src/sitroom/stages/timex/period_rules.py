"""Rules for reporting periods, spelled-out years and seasons named alone.

Company and economic news speaks of "the quarter" (the last one reported), "the year-ago
quarter" and "the year-earlier period"; transcripts spell years out ("nineteen ninety-six").
"""

from __future__ import annotations

import re

from sitroom.stages.timex.calendar_rules import Builder
from sitroom.stages.timex.lexicon import MONTHS, NUMBERS, SEASONS
from sitroom.stages.timex.patterns import MONTH, SEASON
from sitroom.stages.timex.spec import Spec

_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"


def last_period(match: re.Match[str]) -> Spec | None:
    """ "the quarter", "the latest quarter", "the latest period": the last quarter reported."""
    if match.group(0)[-1].isupper() or "Quarter" in match.group(0):
        return None  # "the French Quarter"
    if match.string.startswith("-to-", match.end()):
        return None  # "the quarter-to-quarter comparison" names no quarter
    after = match.string[match.end() : match.end() + 16]
    if match.group(0).lower().endswith("period") and re.match(
        r"\s+(?:from|between|since|of|when|before|after|during|in\s+which)\b", after
    ):
        return None  # "the period from 2008 to 2012" is told by what follows, not a reported quarter
    return Spec(kind="date", precision="quarter", unit="quarter", offset=-1, anaphoric=True)


def year_period(match: re.Match[str]) -> Spec | None:
    """ "the 1988 quarter", "the 1989 period": the quarter last reported, in the year named."""
    year = int(match.group("year"))
    return Spec(kind="date", precision="quarter", year=year, unit="quarter", offset=-1, anaphoric=True)


def year_ago_period(match: re.Match[str]) -> Spec | None:
    """ "the year-ago quarter", "the year-earlier period": the same quarter a year before."""
    return Spec(kind="date", precision="quarter", unit="quarter", offset=-5)


def year_ago(match: re.Match[str]) -> Spec | None:
    """ "year-earlier" alone: a quarter when the text is about quarters, else the year before."""
    window = match.string[max(0, match.start() - 300) : match.end() + 300].lower()
    if "quarter" in window:
        return year_ago_period(match)
    return Spec(kind="date", precision="year", unit="year", offset=-1)


def year_ago_span(match: re.Match[str]) -> Spec | None:
    """ "the year-earlier nine months": TimeML marks the stretch of time, P9M."""
    count = NUMBERS.get(match.group("num").lower()) or (
        int(match.group("num")) if match.group("num").isdigit() else None
    )
    if count is None:
        return None
    letter = "M" if match.group("unit").lower() == "months" else "W"
    return Spec(kind="duration", precision=None, value=f"P{count}{letter}")


def half_by_quarters(match: re.Match[str]) -> Spec | None:
    """ "the first two quarters of 1990" is 1990-H1, "the last half of 1989" 1989-H2."""
    half = 1 if match.group("side").lower() == "first" else 2
    return Spec(kind="date", precision="half", year=int(match.group("year")), half=half)


def spelled_year(match: re.Match[str]) -> Spec | None:
    century = 1900 if match.group("cent").lower() == "nineteen" else 2000
    rest = " ".join(match.group("rest").lower().replace("-", " ").split())
    parts = rest.split()
    value = NUMBERS.get(parts[0], -1) + (NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    if not 10 <= value <= 99:
        return None
    return Spec(kind="date", precision="year", year=century + value)


def the_year(match: re.Match[str]) -> Spec | None:
    """ "the year", "the full year": the reference year; "the year ended March 31" is a span of one."""
    after = match.string[match.end() : match.end() + 12]
    if re.match(r"\s+(?:ended|ending|to\s+date)\b", after):
        return Spec(kind="duration", precision=None, value="P1Y")
    return Spec(kind="date", precision="year", unit="year", offset=0)


def year_end(match: re.Match[str]) -> Spec | None:
    """ "year-end": the last day of the reference year, as TimeML writes it."""
    return Spec(kind="date", precision="day", month=12, day=31, unit="year", offset=0)


def thousand_year(match: re.Match[str]) -> Spec | None:
    """ "the year two thousand", "two thousand and one": years spelled out past 1999."""
    rest = match.group("rest")
    value = NUMBERS.get(rest.lower(), -1) if rest else 0
    if not 0 <= value <= 99:
        return None
    if not match.group(0).lower().startswith("the") and re.match(
        r"[-\s]+(?:\w+\s+)?(?:years|people|dollars|troops|men|soldiers|miles|feet|kilometers|pounds)\b",
        match.string[match.end() : match.end() + 24],
        re.IGNORECASE,
    ):
        return None  # "two thousand years", "two thousand troops": a count, not the year 2000
    return Spec(kind="date", precision="year", year=2000 + value)


def bare_season(match: re.Match[str]) -> Spec | None:
    """ "the summer", "in winter": the season nearest the reference on the tense's side."""
    name = match.group("season").lower()
    before = match.string[max(0, match.start("season") - 16) : match.start("season")]
    if name in ("fall", "spring") and not re.search(r"\b(?:the|in)\s+(?:early\s+|late\s+)?$", before, re.I):
        return None  # "fall" and "spring" are verbs and nouns far more often than seasons
    if re.match(
        r"\s+(?:of|in|to|from|for|was|is)\b", match.string[match.end() : match.end() + 6]
    ) and name in (
        "fall",
        "spring",
    ):
        return None
    return Spec(kind="date", precision="season", season=SEASONS[name])


_SPELLED_YEAR = (
    r"(?P<cent>nineteen|twenty)[-\s](?:hundred\s+(?:and\s+)?)?"
    rf"(?P<rest>{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|oh[-\s]{_ONES})"
)


def season_spelled_year(match: re.Match[str]) -> Spec | None:
    """ "the winter of nineteen ninety-four": a season in a year spelled out."""
    year = spelled_year(match)
    if year is None:
        return None
    return Spec(
        kind="date", precision="season", year=year.year, season=SEASONS[match.group("season").lower()]
    )


def month_spelled_year(match: re.Match[str]) -> Spec | None:
    """ "January nineteen ninety-seven": a month in a year spelled out, as transcripts write it."""
    year = spelled_year(match)
    month = MONTHS.get(match.group("mon").lower().rstrip("."))
    if year is None or month is None:
        return None
    return Spec(kind="date", precision="month", year=year.year, month=month)


PERIOD_RULES: list[tuple[str, str, Builder]] = [
    (
        "last_period",
        r"the\s+(?:latest|most\s+recent|just-ended|just\s+ended|recent)?\s*(?:fiscal\s+)?(?:quarter|period)|"
        r"the\s+quarter",
        last_period,
    ),
    (
        "year_ago_period",
        r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-ago|year-earlier|year\s+ago|year\s+earlier)\s+"
        r"(?:fiscal\s+)?(?:quarter|period)|last\s+year['’]s\s+(?:quarter|period)"
        r"|the\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)",
        year_ago_period,
    ),
    ("year_ago", r"year-ago|year-earlier", year_ago),
    (
        "year_ago_span",  # "the year-earlier nine months": a stretch of time, a year back
        r"(?:the\s+)?(?:year-ago|year-earlier)\s+(?P<num>\w+)\s+(?P<unit>months|weeks)",
        year_ago_span,
    ),
    (
        "half_by_quarters",  # "the first two quarters of 1990", "the last half of 1989"
        r"(?:the\s+)?(?P<side>first|last|second)\s+(?:two\s+quarters|half)\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)",
        half_by_quarters,
    ),
    ("year_period", r"the\s+(?P<year>(?:19|20)\d\d)\s+(?:fiscal\s+)?(?:quarter|period)", year_period),
    ("spelled_year", _SPELLED_YEAR, spelled_year),
    ("season_spelled_year", rf"(?:the\s+)?{SEASON}\s+of\s+{_SPELLED_YEAR}", season_spelled_year),
    ("month_spelled_year", rf"{MONTH}\s+(?:of\s+)?{_SPELLED_YEAR}", month_spelled_year),
    ("year_end", r"year-end", year_end),
    ("year_end_words", r"year['’]s\s+end|year\s+end", the_year),
    (
        "the_year",
        r"the\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+)?year(?![-\s]+(?:ago|earlier|before|after))",
        the_year,
    ),
    (
        "thousand_year",
        rf"(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?P<rest>{_ONES}|{_TEENS}))?",
        thousand_year,
    ),
    ("bare_season", rf"(?:(?:in\s+)?the\s+)?(?:(?:early|late)\s+)?{SEASON}", bare_season),
]
