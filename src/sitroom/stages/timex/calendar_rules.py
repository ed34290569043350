"""Rules for calendar dates: explicit days, months, years, decades, quarters, seasons, holidays."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from sitroom.stages.timex.lexicon import (
    DAY_WORDS,
    FEASTS,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
)
from sitroom.stages.timex.patterns import (
    DAY,
    MONTH,
    ORDINAL,
    SEASON,
    WEEKDAY_ANY,
    YEAR,
    capitalised,
)
from sitroom.stages.timex.spec import Spec

Builder = Callable[[re.Match[str]], Spec | None]

# Words after a four-digit number that make it a count, not a year ("2000 troops").
_COUNT_NOUNS = re.compile(
    r"\s*(?:-|\s)?(?:people|persons|troops|soldiers|men|women|children|workers|jobs|units|tons|tonnes|"
    r"miles|kilometers|kilometres|km|feet|meters|metres|dollars|euros|pounds|shares|cars|homes|"
    r"barrels|acres|rounds|missiles|points|votes|members|employees|residents|deaths|cases|hours|"
    r"minutes|days|years|percent|yen|marks|francs|rubles|won|yuan|square|cubic|pieces|items|[%$])\b",
    re.IGNORECASE,
)


def _weekday_number(text: str | None) -> int | None:
    if not text:
        return None
    lowered = text.lower()
    return WEEKDAYS.get(lowered) or WEEKDAY_ABBREVIATIONS.get(lowered)


def _month(match: re.Match[str]) -> int | None:
    name = match.group("mon")
    if not capitalised(name):
        return None
    return MONTHS[name.lower()]


def _valid_day(day: int, month: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def month_day(match: re.Match[str]) -> Spec | None:
    """ "Oct. 18", "Friday, Oct. 18, 2024", "18 October 2024", "April 21"."""
    month = _month(match)
    day = int(match.group("day"))
    if month is None or not _valid_day(day, month):
        return None
    year = match.group("year")
    spec = Spec(
        kind="date",
        precision="day",
        year=int(year) if year else None,
        month=month,
        day=day,
        weekday=_weekday_number(match.groupdict().get("wd")),
    )
    return _shifted(spec, match)


def month_day_words(match: re.Match[str]) -> Spec | None:
    """ "March eighth", "the twenty-first of June": a day spelled out."""
    month = _month(match)
    day = DAY_WORDS[" ".join(match.group("dword").lower().split()).replace(" ", "-")]
    if month is None or not _valid_day(day, month):
        return None
    weekday = _weekday_number(match.groupdict().get("wd"))
    return Spec(kind="date", precision="day", month=month, day=day, weekday=weekday)


def week_of(match: re.Match[str]) -> Spec | None:
    """ "the week of March 6": the week that holds the day."""
    spec = month_day(match)
    return None if spec is None else replace(spec, precision="week", week_of=True)


def _shifted(spec: Spec, match: re.Match[str]) -> Spec:
    """ "October 29 last year": the year is read relative to the reference."""
    shift = (match.groupdict().get("year_shift") or "").lower()
    if not shift:
        return spec
    return replace(spec, unit="year", offset={"last": -1, "this": 0, "next": 1}[shift])


def month_year(match: re.Match[str]) -> Spec | None:
    month = _month(match)
    if month is None:
        return None
    year = match.groupdict().get("year")
    written = int(year) if year else None
    return _shifted(Spec(kind="date", precision="month", year=written, month=month), match)


_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|of|during|before|after|through|last|next|this|early|late|mid)\s+$"
)


def bare_month(match: re.Match[str]) -> Spec | None:
    """A month alone: "in March", "by December", "early- to mid-October"."""
    name = match.group("mon")
    if name.endswith(".") or name.lower() in ("sept", "jan", "feb", "apr", "aug", "oct", "nov", "dec"):
        return None  # a bare abbreviation is too often something else
    if (
        name.lower() == "may"
        and not match.group(0)[: -len(name)].strip()
        and not _MAY_CONTEXT.search(match.string, max(0, match.start() - 12), match.start())
    ):
        return None  # "May" alone is too often the verb; accept it after a preposition or modifier
    if name.lower() == "march" and _MARCH_EVENT.match(match.string, match.end()):
        return None  # "the March for Life", "a March on Washington": a procession
    return month_year(match)


_MARCH_EVENT = re.compile(r"\s+(?:for|on|of\s+the|against)\s+[A-Z]")


def year_only(match: re.Match[str]) -> Spec | None:
    """ "in 2016", "fiscal 1989": four-digit numbers that are not counts or parts of figures."""
    text = match.string
    digits = match.start("year")
    before = text[max(0, digits - 3) : digits]
    if re.search(r"[$#£€]\s?$|\d[.,:/]$|\d\s$", before) or _COUNT_NOUNS.match(text, match.end()):
        return None
    if re.match(r"[.,:/]\d", text[match.end() : match.end() + 2]):
        return None
    year = int(match.group("year"))
    bare = match.start("year") == match.start()
    if year < 1900 and bare and not _OLD_YEAR_CONTEXT.search(text, max(0, digits - 20), digits):
        return None  # "1600 soldiers": an old year needs "in", "since", "of" ... in front of it
    return Spec(kind="date", precision="year", year=year)


_OLD_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|of|from|by|until|to|before|after|circa|c\.|year|around)\s+$", re.IGNORECASE
)


def numeric_date(match: re.Match[str]) -> Spec | None:
    """ISO 2024-10-18 and US 10/18/2024 numeric dates."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if year is None and groups.get("yy"):
        yy = int(groups["yy"])
        year = 1900 + yy if yy > 40 else 2000 + yy
    month, day = int(groups["m"]), int(groups["d"])
    if not 1 <= month <= 12 or not _valid_day(day, month):
        return None
    return Spec(kind="date", precision="day", year=year, month=month, day=day)


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def decade(match: re.Match[str]) -> Spec | None:
    groups = match.groupdict()
    if groups.get("dec4"):
        return Spec(kind="date", precision="decade", decade=int(groups["dec4"]) // 10)
    if groups.get("dec2"):
        return Spec(kind="date", precision="decade", decade=190 + int(groups["dec2"]) // 10)
    if _AGE.search(match.string[max(0, match.start() - 24) : match.start("decw")]):
        return None  # "men in their thirties", "a woman in her early forties": an age, not the 1930s
    return Spec(kind="date", precision="decade", decade=190 + _DECADE_WORDS[groups["decw"].lower()])


_AGE = re.compile(r"\b(?:their|his|her|my|our|your|its)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)


def century(match: re.Match[str]) -> Spec | None:
    number = ORDINALS.get(match.group("ord").lower())
    if number is None:
        digits = re.match(r"\d+", match.group("ord"))
        number = int(digits.group(0)) if digits else None
    if number is None:
        return None
    return Spec(kind="date", precision="century", century=number - 1)


def quarter(match: re.Match[str]) -> Spec | None:
    groups = match.groupdict()
    number = ORDINALS.get((groups.get("ord") or "").lower()) or int(groups.get("qn") or 0)
    if not 1 <= number <= 4:
        return None
    written = groups.get("year") or groups.get("year_before") or groups.get("year_after")
    year = int(written) if written else None
    if groups.get("ago") and year is None:
        return Spec(kind="date", precision="quarter", quarter=number, unit="year", offset=-1)
    relative = groups.get("yrel") or groups.get("of_rel")
    if relative and year is None:  # "this year's third quarter", "the first quarter of next year"
        shift = {"last": -1, "this": 0, "next": 1}[relative.lower()]
        return Spec(kind="date", precision="quarter", quarter=number, unit="year", offset=shift)
    return Spec(kind="date", precision="quarter", year=year, quarter=number)


def half(match: re.Match[str]) -> Spec | None:
    number = ORDINALS.get(match.group("ord").lower())
    if number not in (1, 2):
        return None
    year = match.groupdict().get("year")
    relative = match.groupdict().get("of_rel")
    if relative and not year:  # "the second half of next year"
        shift = {"last": -1, "this": 0, "next": 1}[relative.lower()]
        return Spec(kind="date", precision="half", half=number, unit="year", offset=shift)
    return Spec(kind="date", precision="half", year=int(year) if year else None, half=number)


def season(match: re.Match[str]) -> Spec | None:
    year = match.groupdict().get("year")
    return Spec(
        kind="date",
        precision="season",
        year=int(year) if year else None,
        season=SEASONS[match.group("season").lower()],
    )


def holiday(match: re.Match[str]) -> Spec | None:
    name = " ".join(match.group("hol").lower().split()).replace("’", "'")
    year = match.groupdict().get("year")
    shift = (match.groupdict().get("hrel") or "").lower()
    offset = {"last": -1, "next": 1, "this": 0}.get(shift)
    written = int(year) if year else None
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        return Spec(kind="date", precision="day", year=written, month=month, day=day, offset=offset)
    if name in FEASTS:
        feast, month, day = FEASTS[name]
        if feast == "election" and not capitalised(match.group("hol")):
            return None  # only the US "Election Day" has a fixed rule; "election day" may be anywhere
        return Spec(
            kind="date", precision="day", year=written, month=month, day=day, offset=offset, feast=feast
        )
    return None


# "October 29 last year", "in March this year": the year named relative to the reference.
_OF_YEAR = r"(?:\s+(?:of\s+)?(?P<year_shift>last|this|next)\s+year)"
_DAY_WORD = (
    "(?P<dword>" + "|".join(w.replace("-", r"[-\s]") for w in sorted(DAY_WORDS, key=len, reverse=True)) + ")"
)
_OF_REL = r"\s+of\s+(?P<of_rel>this|last|next)\s+year"
_YEAR_BEFORE = YEAR.replace("?P<year>", "?P<year_before>")
_YEAR_AFTER = YEAR.replace("?P<year>", "?P<year_after>")
# "early", "mid-", "the end of", "early- to mid-", "post-": kept in the extent, not in the value.
_MOD = (
    r"(?:(?:early|mid|late)-?\s+(?:to|or|and)\s+)?"
    r"(?:(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[-\s]+|(?:pre|post)-)?"
)

CALENDAR_RULES: list[tuple[str, str, Builder]] = [
    ("month_day_year", rf"(?:{WEEKDAY_ANY},?\s+)?{MONTH}\s*{DAY}(?:,?\s+{YEAR}|{_OF_YEAR})?", month_day),
    (
        "day_month_year",
        rf"(?:{WEEKDAY_ANY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?",
        month_day,
    ),
    (
        "month_day_words",
        rf"(?:{WEEKDAY_ANY},?\s+)?{MONTH}\s+(?:the\s+)?{_DAY_WORD}(?![-\s]+(?:quarter|half|time|round))",
        month_day_words,
    ),
    ("day_words_month", rf"the\s+{_DAY_WORD}\s+of\s+{MONTH}", month_day_words),
    ("week_of", rf"the\s+week\s+of\s+{MONTH}\s*{DAY}(?:,?\s+{YEAR})?", week_of),
    ("month_year", rf"{_MOD}{MONTH}(?:(?:,|\s+of)?\s+{YEAR}|{_OF_YEAR})", month_year),
    ("bare_month", rf"{_MOD}{MONTH}", bare_month),
    ("year", rf"{_MOD}(?:(?:fiscal|FY)\s*)?{YEAR}", year_only),
    ("iso_date", r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", numeric_date),
    ("us_date", r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?:(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d))", numeric_date),
    (
        "decade",
        rf"{_MOD}(?:the\s+)?(?:(?P<dec4>(?:1[6-9]|20)\d0)'?s|'(?P<dec2>\d0)s|(?P<decw>{alternation(_DECADE_WORDS)}))",
        decade,
    ),
    ("century", rf"(?:the\s+)?(?P<ord>{alternation(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+century", century),
    (
        "quarter",
        rf"{_MOD}(?:the\s+)?(?:(?P<ago>year-earlier|year-ago|year\s+earlier|year\s+ago)\s+|{_YEAR_BEFORE}(?:'s)?\s+|fiscal[-\s]+"
        r"|(?P<yrel>this|last|next)\s+year['’]s\s+)?"
        rf"{ORDINAL}[-\s](?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:year\s+)?{YEAR}|,?\s+{_YEAR_AFTER}|{_OF_REL})?",
        quarter,
    ),
    ("quarter_q", r"(?P<qn>Q[1-4]|[1-4]Q)(?:\s+(?P<year>(?:19|20)\d\d))?", lambda m: quarter_q(m)),
    ("half", rf"{_MOD}(?:the\s+)?{ORDINAL}\s+half(?:\s+of\s+(?:the\s+year|{YEAR})|{_OF_REL})?", half),
    ("season_year", rf"{_MOD}{SEASON}(?:\s+of)?\s+{YEAR}", season),
    (
        "holiday",
        rf"(?:(?P<hrel>last|next|this)\s+)?(?P<hol>{alternation([*HOLIDAYS, *FEASTS])})(?:,?\s+{YEAR})?",
        holiday,
    ),
]


def quarter_q(match: re.Match[str]) -> Spec | None:
    digits = re.search(r"[1-4]", match.group("qn"))
    year = match.groupdict().get("year")
    if digits is None or not match.group("qn").isupper():
        return None
    return Spec(
        kind="date", precision="quarter", year=int(year) if year else None, quarter=int(digits.group(0))
    )
