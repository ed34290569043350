"""What a recognised time expression means before it is anchored to a reference date."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spec:
    """The meaning of one expression; unset parts are filled from the reference date.

    Either `value` is fixed (a duration, a set, a full date, PRESENT_REF), or the resolver
    computes it: from `unit`/`offset` ("last week" = week, -1), from a weekday, or from a
    month/day/season/quarter whose year is missing.
    """

    kind: str  # date | time | duration | set
    precision: str | None
    value: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 1 = Monday
    week_shift: int | None = None  # "last Friday" -1, "next Friday" +1, "this Friday" 0
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 20th century
    unit: str | None = None  # relative: "week" in "last week"
    offset: int | None = None  # relative: -1 in "last week", -2 in "two years ago"
    time_part: str | None = None  # "MO", "NI", "14:30": appended as "T.."
    weekend: bool = False
    anaphoric: bool = False  # "the following year", "later that day": read from the last date told
    week_of: bool = False  # "the week of March 6": the ISO week holding that day
    feast: str | None = None  # a movable holiday ("thanksgiving", "easter"): its day depends on the year


@dataclass(frozen=True, slots=True)
class Mention:
    """A span found in text, what it means, and which way its tense points."""

    start: int
    end: int
    text: str
    spec: Spec
    direction: int = -1  # -1 past, +1 future: how an underspecified date is anchored
