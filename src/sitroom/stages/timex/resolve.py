"""Anchor a Spec to a reference date and write its TIMEX3 value.

Without a reference date, values stay partial (XXXX-04-21, XXXX-WXX-5) rather than guessed.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from sitroom.stages.timex.spec import Spec


def resolve(spec: Spec, reference: date | None, direction: int = -1) -> str | None:
    """The TIMEX3 value of a spec against a reference date (None: unknown reference)."""
    if spec.value is not None:
        return spec.value
    if spec.unit is not None:
        value = _relative(spec, reference, direction)
    elif spec.weekday is not None and spec.month is None:
        value = _weekday(spec, reference, direction)
    else:
        value = _calendar(spec, reference, direction)
    if value is not None and spec.time_part and spec.precision in ("time", "day"):
        value += "T" + spec.time_part
    return value


def _relative(spec: Spec, reference: date | None, direction: int) -> str | None:
    """`last week`, `two years ago`, `yesterday`: a unit moved from the reference."""
    unit, offset = spec.unit, spec.offset or 0
    if reference is None:
        if spec.year is not None and unit == "quarter":
            return f"{spec.year:04d}-QX"
        return _partial(spec) or _unknown(unit)
    if unit == "year" and (spec.quarter is not None or spec.month is not None or spec.half is not None):
        # "the year-ago third quarter", "October 29 last year": calendar parts in a relative year
        year = reference.year + offset
        if offset == 0 and direction < 0 and spec.month is not None and spec.day is not None:
            year -= date(year, spec.month, spec.day) > reference  # "since year-end": the last one
        return _format(replace(spec, year=year, unit=None))
    if unit == "weekend" and spec.offset is None:  # "the weekend": the last one, or the next one
        offset = 0 if direction > 0 or reference.isoweekday() >= 6 else -1
    if unit == "day":
        return (reference + timedelta(days=offset)).isoformat()
    if unit in ("week", "weekend"):
        target = reference + timedelta(weeks=offset)
        iso_year, week, _ = target.isocalendar()
        return f"{iso_year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        year, month = divmod(reference.year * 12 + reference.month - 1 + offset, 12)
        return f"{year:04d}-{month + 1:02d}"
    if unit == "quarter" and spec.year is not None:  # "the 1988 quarter": that year's same quarter
        return f"{spec.year:04d}-Q{((reference.month - 1) // 3 + offset) % 4 + 1}"
    if unit == "quarter":
        year, quarter = divmod(reference.year * 4 + (reference.month - 1) // 3 + offset, 4)
        return f"{year:04d}-Q{quarter + 1}"
    if unit == "half":
        year, half = divmod(reference.year * 2 + (reference.month - 1) // 6 + offset, 2)
        return f"{year:04d}-H{half + 1}"
    if unit == "year":
        return f"{reference.year + offset:04d}"
    if unit == "season":
        return _season_value(spec.season or "SU", reference, offset)
    if unit == "decade":
        return f"{reference.year // 10 + offset:03d}"
    if unit == "century":
        return f"{reference.year // 100 + offset:02d}"
    return None


def _unknown(unit: str | None) -> str | None:
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "year": "XXXX",
    }.get(unit or "")


def _season_value(season: str, reference: date, offset: int) -> str:
    return f"{reference.year + offset:04d}-{season}"


def _weekday(spec: Spec, reference: date | None, direction: int) -> str | None:
    """A weekday: the one before the reference in past-tense context, after it in future."""
    weekday = spec.weekday or 1
    if reference is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - reference.isoweekday()
    if spec.week_shift is not None:
        # TimeML reads "last Friday" as the Friday of the previous week, "next Friday" of the next.
        target = reference + timedelta(days=delta + 7 * spec.week_shift)
    elif spec.offset is not None:  # "this coming Sunday", "this past Friday": never the day itself
        ahead = spec.offset > 0
        target = reference + timedelta(days=(delta - 1) % 7 + 1 if ahead else -((-delta - 1) % 7 + 1))
    elif direction > 0:
        target = reference + timedelta(days=delta % 7)
    else:
        target = reference - timedelta(days=(-delta) % 7)
    return target.isoformat()


def _calendar(spec: Spec, reference: date | None, direction: int) -> str | None:
    """Dates named by calendar parts: a year is taken from the reference when missing."""
    if spec.century is not None:
        return f"{spec.century:02d}"
    if spec.decade is not None:
        return f"{spec.decade:03d}"
    year = spec.year
    if year is None:
        if reference is None:
            return _partial(spec)
        year = _infer_year(spec, reference, direction)
    return _format(replace(spec, year=year))


def _partial(spec: Spec) -> str | None:
    if spec.feast is not None:
        return None  # its month-day is only a placeholder until the year is known
    if spec.month is not None and spec.day is not None:
        return "XXXX-WXX" if spec.week_of else f"XXXX-{spec.month:02d}-{spec.day:02d}"
    if spec.month is not None:
        return f"XXXX-{spec.month:02d}"
    if spec.quarter is not None:
        return f"XXXX-Q{spec.quarter}"
    if spec.half is not None:
        return f"XXXX-H{spec.half}"
    if spec.season is not None:
        return f"XXXX-{spec.season}"
    return None


def _infer_year(spec: Spec, reference: date, direction: int) -> int:
    """The year that puts the date on the side of the reference that the tense points to."""
    here, now = _position(spec, reference.year), _position_of(spec, reference)
    if here is None or now is None:
        return reference.year
    if spec.weekday is not None and spec.month is not None and spec.day is not None:
        fits = [y for y in (reference.year, reference.year - 1, reference.year + 1) if _weekday_fits(spec, y)]
        if len(fits) == 1:  # "Monday, Oct. 26": only one nearby year has that weekday
            return fits[0]
    if spec.offset is not None:  # "last April" is strictly before this month, "next April" after
        if spec.offset < 0:
            return reference.year - 1 if here >= now else reference.year
        if spec.offset > 0:
            return reference.year + 1 if here <= now else reference.year
        return reference.year
    if spec.quarter is not None or spec.half is not None:
        # Reporting periods are talked about once they are over: only ever step back.
        return reference.year - 1 if here > now and direction < 0 else reference.year
    # Tense moves a month or a day to another year only when it is well away from the reference:
    # "Dec. 7" in a late-November past-tense story is still usually the coming Dec. 7.
    gap = _gap_days(spec, reference)
    tense_holds = (gap > 0 and direction > 0) or abs(direction) > 1
    if spec.month is not None and abs(gap) > _NEAREST_DAYS and not tense_holds:
        # Eight months or more away in this year, a few months away in the next or last:
        # "payable Jan. 2" in November is the coming January whatever the tense nearby, but a
        # future tense keeps a later month in this year ("a mission in December", said in March)
        # and so does the tense of the clause a date is fronted before ("In January, ... killed").
        return reference.year - 1 if gap > 0 else reference.year + 1
    if direction < 0 and here > now and gap > _TENSE_SLACK_DAYS:
        return reference.year - 1
    if direction > 0 and here < now and -gap > _TENSE_SLACK_DAYS:
        return reference.year + 1
    if spec.month is not None and abs(gap) > 183 and direction == 0:
        return reference.year - 1 if gap > 0 else reference.year + 1
    return reference.year


_TENSE_SLACK_DAYS = 60
_NEAREST_DAYS = 240


def _gap_days(spec: Spec, reference: date) -> int:
    """Days from the reference to the spec placed in the reference's year (seasons: mid-season)."""
    month = spec.month or {"WI": 1, "SP": 4, "SU": 7, "FA": 10}.get(spec.season or "", reference.month)
    return (date(reference.year, month, min(spec.day or 15, 28)) - reference).days


def _weekday_fits(spec: Spec, year: int) -> bool:
    try:
        return date(year, spec.month or 1, spec.day or 1).isoweekday() == spec.weekday
    except ValueError:
        return False


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _position(spec: Spec, year: int) -> tuple[int, ...] | None:
    """Where the spec falls within a year, at its own grain."""
    if spec.month is not None:
        return (year, spec.month, spec.day if spec.day is not None else 0)
    if spec.quarter is not None:
        return (year, spec.quarter)
    if spec.half is not None:
        return (year, spec.half)
    if spec.season is not None:
        return (year, _SEASON_ORDER.get(spec.season, 2))
    return None


def _position_of(spec: Spec, moment: date) -> tuple[int, ...] | None:
    """Where a date falls at the spec's grain, comparable with `_position`."""
    if spec.month is not None:
        return (moment.year, moment.month, moment.day if spec.day is not None else 0)
    if spec.quarter is not None:
        return (moment.year, (moment.month - 1) // 3 + 1)
    if spec.half is not None:
        return (moment.year, (moment.month - 1) // 6 + 1)
    if spec.season is not None:
        return (moment.year, (moment.month % 12) // 3)
    return None


def _format(spec: Spec) -> str | None:
    year = spec.year
    if year is None:
        return None
    if spec.feast is not None:
        return _feast(spec.feast, year).isoformat()
    if spec.month is not None and spec.day is not None:
        last = calendar.monthrange(year, spec.month)[1]
        if spec.week_of:
            iso_year, week, _ = date(year, spec.month, min(spec.day, last)).isocalendar()
            return f"{iso_year}-W{week:02d}"
        return f"{year:04d}-{spec.month:02d}-{min(spec.day, last):02d}"
    if spec.month is not None:
        return f"{year:04d}-{spec.month:02d}"
    if spec.quarter is not None:
        return f"{year:04d}-Q{spec.quarter}"
    if spec.half is not None:
        return f"{year:04d}-H{spec.half}"
    if spec.season is not None:
        return f"{year:04d}-{spec.season}"
    return f"{year:04d}"


def _feast(name: str, year: int) -> date:
    """The day a movable holiday falls on in a year (US Thanksgiving: the fourth Thursday of November;
    US Election Day: the Tuesday after the first Monday of November)."""
    if name == "easter":
        return easter(year)
    if name == "election":
        second = date(year, 11, 2)
        return second + timedelta(days=(1 - second.weekday()) % 7)
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)
