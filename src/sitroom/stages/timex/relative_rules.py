"""Rules for expressions read against the reference date: weekdays, "last week", "two years ago"."""

from __future__ import annotations

import re

from sitroom.stages.timex.calendar_rules import Builder
from sitroom.stages.timex.lexicon import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS, number_value, unit_of
from sitroom.stages.timex.patterns import MONTH, NUMBER, PART_OF_DAY, SEASON, UNIT, WEEKDAY, capitalised
from sitroom.stages.timex.spec import Spec

_PRECISION = {
    "day": "day", "night": "day", "week": "week", "weekend": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "hour": "time", "minute": "time", "second": "time", "fortnight": "week",
}  # fmt: skip

_REL_SHIFT = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this past": -1, "the past": -1,
    "the previous": -1, "the preceding": -1, "the last": -1,
    "this": 0, "current": 0, "the current": 0, "the present": 0, "the same": 0, "present": 0,
    "earlier this": 0, "later this": 0, "early this": 0, "late this": 0, "mid-this": 0,
    "earlier in the": 0, "later in the": 0, "so far this": 0, "the end of this": 0,
    "the end of the": 0, "the beginning of this": 0, "the start of the": 0, "the beginning of the": 0,
    "the middle of the": 0, "the middle of this": 0, "the start of this": 0, "the rest of this": 0,
    "next": 1, "coming": 1, "the coming": 1, "following": 1, "the following": 1, "the next": 1,
    "upcoming": 1, "this coming": 1, "early next": 1, "late next": 1, "later next": 1, "the end of next": 1,
    "early last": -1, "late last": -1, "earlier last": -1, "the end of last": -1,
}  # fmt: skip
_REL = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_REL_SHIFT, key=len, reverse=True))


def _shift(text: str) -> int:
    return _REL_SHIFT[" ".join(text.lower().split())]


_ABOUT = (
    r"(?:(?:almost|nearly|about|around|roughly|some|over|more\s+than|less\s+than|just|only|at\s+least)\s+)?"
)


def relative_unit(match: re.Match[str]) -> Spec | None:
    """ "last week", "earlier this month", "next year", "this weekend"."""
    unit = unit_of(match.group("unit"))
    if unit is None or match.group("unit").lower() != unit:
        return None  # plural "last two weeks" is a duration
    if unit in ("day", "night", "hour", "minute", "second"):
        return None
    if unit == "fortnight":
        unit = "week"
    shift = _shift(match.group("rel"))
    told = match.group("rel").lower().split()[-1] in _TOLD
    if unit in ("decade", "century") and shift < 0 and re.search(r"past|last", match.group("rel"), re.I):
        # "the past decade" is the ten years up to now, not the 1990s
        return Spec(kind="duration", precision=None, value="P10Y" if unit == "decade" else "P100Y")
    return Spec(kind="date", precision=_PRECISION[unit], unit=unit, offset=shift, anaphoric=told)


# "The following year" counts from the last date the story told, not from the day it was written.
_TOLD = {"following", "previous", "preceding"}


def told_day(match: re.Match[str]) -> Spec | None:
    """ "the next morning", "the following day", "later that day", "that same week", "that year"."""
    rel = " ".join(match.group("trel").lower().split())
    what = match.group("what").lower()
    bare = not re.match(r"(?:later|earlier)\s", match.group(0), re.IGNORECASE)
    if rel == "that" and bare and what not in ("year", "month"):
        return None  # a bare "that day" is as often no date at all
    offset = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    if what in ("week", "month", "year"):
        return Spec(kind="date", precision=what, unit=what, offset=offset, anaphoric=True)
    pod = None if what == "day" else what
    return Spec(
        kind="time" if pod else "date",
        precision="day",
        unit="day",
        offset=offset,
        time_part=PARTS_OF_DAY[pod] if pod else None,
        anaphoric=True,
    )


def relative_month(match: re.Match[str]) -> Spec | None:
    """ "this April", "last March", "next summer": the nearest one on the side named."""
    if match.groupdict().get("mon"):
        name = match.group("mon")
        if not capitalised(name) or name.endswith("."):
            return None
        return Spec(
            kind="date", precision="month", month=MONTHS[name.lower()], offset=_shift(match.group("rel"))
        )
    season = SEASONS[match.group("season").lower()]
    return Spec(kind="date", precision="season", season=season, offset=_shift(match.group("rel")))


_NEAREST_SIDE = {"this coming": 1, "coming": 1, "this past": -1, "past": -1,
                 "the previous": -1, "the preceding": -1, "the following": 1}  # fmt: skip


def weekday(match: re.Match[str]) -> Spec | None:
    """ "Friday", "last Friday", "Friday morning", "Later Monday" (the weekday only)."""
    name = match.group("wd")
    if not capitalised(name):
        return None
    rel = " ".join((match.groupdict().get("rel") or "").lower().split())
    pod = match.groupdict().get("pod")
    nearest = rel in _NEAREST_SIDE  # "this coming Sunday": the next Sunday, whichever week it is in
    return Spec(
        kind="time" if pod else "date",
        precision="day",
        weekday=WEEKDAYS[name.lower()],
        week_shift=_shift(rel) if rel and not nearest else None,
        offset=_NEAREST_SIDE.get(rel),
        time_part=PARTS_OF_DAY[pod.lower()] if pod else None,
        anaphoric=rel.startswith("the "),  # "the previous Friday": before the day the story told
    )


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2, "this": 0, "last": -1, "earlier today": 0, "later today": 0,
            "the previous": -1, "the following": 1, "tomorrow's": 1, "today's": 0,
            "yesterday's": -1}  # fmt: skip


_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:world|society|youth|young|generation|children|kids|economy|standards|terms|dollars|"
    r"modern|global|personal|consumers?|workers|families|politics)\b",
    re.IGNORECASE,
)


def deictic_day(match: re.Match[str]) -> Spec | None:
    """ "today", "yesterday morning", "last night", "this afternoon", "tonight"."""
    word = " ".join(match.group("deixis").lower().split())
    pod = match.groupdict().get("pod")
    if match.group(0)[0].isupper() and re.search(r"\b[A-Z][A-Za-z]*\s$", match.string[: match.start()][-20:]):
        return None  # "USA Today", "VOA Today": a title inside a name
    if word == "today" and _GENERIC_TODAY.match(match.string, match.end()):
        return None  # "today's youth", "in today's world": the present age, not the day
    if word == "tonight":
        pod = "night"
    if word in ("this", "last", "the previous", "the following") and not pod:
        return None
    if word == "last" and pod and pod.lower() != "night":
        return None
    return Spec(
        kind="time" if pod else "date",
        precision="day",
        unit="day",
        offset=_DEICTIC[word],
        time_part=PARTS_OF_DAY[pod.lower()] if pod else None,
    )


def ago(match: re.Match[str]) -> Spec | None:
    """ "two years ago", "a year earlier", "three days later", "several months ago"."""
    unit = unit_of(match.group("unit"))
    if unit is None or unit in ("hour", "minute", "second", "weekend", "night"):
        return None
    count = number_value(match.group("num")) if match.groupdict().get("num") else None
    if count is None:
        return Spec(kind="date", precision=None, value="FUTURE_REF" if _forward(match) else "PAST_REF")
    sign = 1 if _forward(match) else -1
    if match.group("dir").lower() in ("later", "earlier") and unit in ("day", "week", "month"):
        return None  # TimeML marks "three days later" as the duration "three days"
    if unit == "fortnight":
        unit, count = "week", count * 2
    if unit == "decade":
        unit, count = "year", count * 10
    if unit == "year" and sign < 0 and _about_quarters(match):
        # "a year ago" in a quarterly report is the same quarter a year before the last one reported
        return Spec(kind="date", precision="quarter", unit="quarter", offset=-1 - 4 * count)
    # "three years later" counts from the last year the story told; "a year earlier" in news
    # compares with now, so it stays on the reference
    told = match.group("dir").lower() == "later"
    return Spec(kind="date", precision=_PRECISION[unit], unit=unit, offset=sign * count, anaphoric=told)


# A reporting quarter, not a fraction ("a quarter of the vote") or a "quarter-century" low.
_QUARTER_TALK = re.compile(
    r"(?<!a\s)(?<!three-)\bquarter\b(?![-\s]+(?:century|point|percentage|mile|of\b))"
    r"|third-quarter|second-quarter|fourth-quarter|first-quarter"
)


def _about_quarters(match: re.Match[str]) -> bool:
    window = match.string[max(0, match.start() - 250) : match.end() + 100].lower()
    return _QUARTER_TALK.search(window) is not None


def _forward(match: re.Match[str]) -> bool:
    return match.group("dir").lower().split()[0] in ("later", "after", "from", "hence")


def reference_word(match: re.Match[str]) -> Spec | None:
    word = " ".join(match.group(0).lower().split())
    if match.group(0) == "Now" and match.string.startswith(",", match.end()):
        return None  # "Now, he says, ...": a discourse marker opening the sentence
    if word == "the future" and re.match(r"\s+of\b", match.string[match.end() : match.end() + 4]):
        return None  # "the future of our peoples": their prospects, not a time
    if word in (
        "now",
        "right now",
        "currently",
        "at present",
        "nowadays",
        "these days",
        "today's",
        "current",
    ):
        return Spec(kind="date", precision=None, value="PRESENT_REF")
    if word in ("the future", "future", "soon", "one day", "the near future", "in the near future",
                "the coming years", "the near term", "the short term"):  # fmt: skip
        return Spec(kind="date", precision=None, value="FUTURE_REF")
    return Spec(kind="date", precision=None, value="PAST_REF")


def the_weekend(match: re.Match[str]) -> Spec | None:
    return Spec(kind="date", precision="week", unit="weekend", offset=None)


RELATIVE_RULES: list[tuple[str, str, Builder]] = [
    ("relative_unit", rf"(?P<rel>{_REL})\s+{UNIT}", relative_unit),
    ("relative_month", rf"(?P<rel>{_REL})\s+(?:{MONTH}|{SEASON})", relative_month),
    (
        "weekday",
        rf"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+previous|the\s+preceding|"
        rf"the\s+following)\s+)?{WEEKDAY}(?:\s+{PART_OF_DAY})?",
        weekday,
    ),
    (
        "deictic_day",
        r"(?P<deixis>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|earlier\s+today|later\s+today|"
        r"today|tonight|yesterday|tomorrow|this|last|the\s+previous|the\s+following)"
        rf"(?:\s+{PART_OF_DAY})?",
        deictic_day,
    ),
    (
        "ago",
        rf"{_ABOUT}(?:{NUMBER}[-\s]+)?{UNIT}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)",
        ago,
    ),
    (
        "reference",
        r"now|right\s+now|currently|at\s+present|nowadays|these\s+days|recently|lately|recent\s+years|"
        # Bare "future", "soon" and "recent" are left out: TimeML annotators mostly skip them.
        r"the\s+near\s+future|the\s+future|the\s+near\s+term|the\s+short\s+term|the\s+past|formerly|once\s+upon\s+a\s+time|"
        r"then[-\s]current|current|"  # "the then-current chairman" was current in the past
        # "will one day be": some day ahead, not a span of one day
        r"(?:(?<=will\s)|(?<=would\s)|(?<=could\s)|(?<=might\s)|(?<=may\s)|(?<=can\s)|(?<=to\s)(?<!up\sto\s)(?<!close\sto\s))one\s+day",
        reference_word,
    ),
    ("the_weekend", r"the\s+weekend", the_weekend),
    (
        "told_day",
        r"(?:(?:later|earlier)\s+)?(?P<trel>the\s+following|the\s+next|the\s+previous|the\s+preceding|"
        r"that\s+same|that)\s+(?P<what>day|morning|afternoon|evening|night|week|month|year)",
        told_day,
    ),
]
