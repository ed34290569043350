"""Find time expressions in text and normalise them against a reference date.

All rules run over the text; the longest candidates win, adjacent clock times join the day they
belong to, and each mention gets a tense direction from its sentence before it is resolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from sitroom.model import TimeExpression
from sitroom.stages.timex.calendar_rules import CALENDAR_RULES, Builder
from sitroom.stages.timex.patterns import compile_rule
from sitroom.stages.timex.period_rules import PERIOD_RULES
from sitroom.stages.timex.relative_rules import RELATIVE_RULES
from sitroom.stages.timex.resolve import resolve
from sitroom.stages.timex.span_rules import SPAN_RULES
from sitroom.stages.timex.spec import Mention, Spec
from sitroom.stages.timex.tense import direction

Bounds = Sequence[tuple[int, int]]


# Words a rule cannot match without: a text lacking all of them skips the rule's scan.
_NEEDS: dict[str, tuple[str, ...]] = {
    "ago": ("ago", "earlier", "later", "now", "hence", "back"),
    "quarter": ("quarter",),
    "half": ("half",),
    "week_of": ("week",),
    "year_ago_period": ("quarter", "period"),
    "year_ago_span": ("year-",),
    "half_by_quarters": ("half", "quarters"),
    "spelled_year": ("nineteen", "twenty"),
    "season_spelled_year": ("nineteen", "twenty"),
    "month_spelled_year": ("nineteen", "twenty"),
    "thousand_year": ("thousand",),
}


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[int, re.Pattern[str], Builder, tuple[str, ...]], ...]:
    """Compiled once per process, on first use."""
    table = [*CALENDAR_RULES, *RELATIVE_RULES, *PERIOD_RULES, *SPAN_RULES]
    return tuple(
        (rank, compile_rule(pattern), builder, _NEEDS.get(name, ()))
        for rank, (name, pattern, builder) in enumerate(table)
    )


def find(text: str, sentences: Bounds | None = None) -> list[Mention]:
    """Every time expression in the text, in order, with its meaning and tense direction."""
    candidates: list[tuple[int, int, int, Mention]] = []
    lowered = text.lower()
    for rank, pattern, builder, needs in _rules():
        if needs and not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            spec = builder(match) if not _in_title(match) else None
            if spec is not None:
                mention = Mention(match.start(), match.end(), match.group(0), spec)
                candidates.append((match.end() - match.start(), -rank, match.start(), mention))
    chosen: list[Mention] = []
    starts: list[int] = []  # the chosen spans, which never overlap, in text order
    ends: list[int] = []
    for _, _, _, mention in sorted(candidates, key=lambda c: (c[0], c[1]), reverse=True):
        at = bisect.bisect_right(starts, mention.start)  # only the neighbours can overlap it
        if (at == 0 or ends[at - 1] <= mention.start) and (at == len(starts) or starts[at] >= mention.end):
            chosen.append(mention)
            starts.insert(at, mention.start)
            ends.insert(at, mention.end)
    chosen.sort(key=lambda m: m.start)
    merged = _join_clock_and_day(text, _second_days(text, chosen))
    within = _Sentences(sentences)
    return [replace(m, direction=direction(text, m.start, m.end, within.at(m.start))) for m in merged]


# A capitalised function word after a capitalised expression: a title ("This Week With David Brinkley").
_TITLE_NEXT = re.compile(r"\s+(?:With|And|Of|For|In|At|To|The|From)\s+[A-Z]")


def _in_title(match: re.Match[str]) -> bool:
    words = match.group(0).split()
    return (
        len(words) > 1
        and all(w[0].isupper() for w in words)
        and bool(_TITLE_NEXT.match(match.string, match.end()))
    )


class _Sentences:
    """The sentence holding an offset, by bisection (the sentences never overlap)."""

    def __init__(self, sentences: Bounds | None) -> None:
        self.bounds = sorted(sentences or ())
        self.starts = [start for start, _ in self.bounds]

    def at(self, offset: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.bounds[k] if k >= 0 and offset < self.bounds[k][1] else None


# "April 24 and 25": a bare day after a month-day, ending a phrase (not "25 delegates").
_SECOND_DAY = re.compile(
    r"\s+(?:and|or|to|through)\s+([0-3]?\d)(?:st|nd|rd|th)?(?=\s*[.,;:)]|\s+(?:in|at|on)\b)"
)


def _second_days(text: str, mentions: list[Mention]) -> list[Mention]:
    """The second day of "April 24 and 25" is a date of its own, in the same month and year."""
    out: list[Mention] = []
    for i, mention in enumerate(mentions):
        out.append(mention)
        spec = mention.spec
        match = _SECOND_DAY.match(text, mention.end)
        if match is None or spec.day is None or spec.month is None or spec.week_of or spec.feast:
            continue
        day = int(match.group(1))
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if spec.day < day <= 31 and match.end() <= following:
            second = replace(spec, day=day, weekday=None)
            out.append(Mention(match.start(1), match.end(), text[match.start(1) : match.end()], second))
    return out


def _join_clock_and_day(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "6 a.m. Friday", "midnight Friday", "Friday at 3 p.m.": one time on that day.
    Across a time-zone aside ("10:35 a.m. (0735 GMT) Friday") the clock takes the day but both stay."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if previous is not None and _is_clock(previous) != _is_clock(mention):
            gap = text[previous.end : mention.start]
            clock, day = (previous, mention) if _is_clock(previous) else (mention, previous)
            spec = replace(day.spec, kind="time", precision="time", time_part=clock.spec.time_part)
            if _is_day(day) and _JOINS.fullmatch(gap):
                out[-1] = Mention(previous.start, mention.end, text[previous.start : mention.end], spec)
                continue
            if _is_day(day) and _ASIDE.fullmatch(gap):
                timed = replace(clock, spec=spec)
                out[-1], mention = (timed, mention) if clock is previous else (previous, timed)
        out.append(mention)
    return out


# What may sit between a clock time and the day it belongs to.
_JOINS = re.compile(r"\s+|\s+on\s+|,?\s+at\s+|\s+of\s+|,\s+|\s+(?:\(\w+\)\s+)?local\s+time,?\s+(?:on\s+)?")
_ASIDE = re.compile(r"\s+\([^()\n]{1,25}\)\s+")


def _is_clock(mention: Mention) -> bool:
    return mention.spec.precision == "time" and mention.spec.unit == "day" and mention.spec.offset == 0


def _is_day(mention: Mention) -> bool:
    return mention.spec.precision == "day" and mention.spec.kind == "date"


def tag(text: str, reference: date | None, sentences: Bounds | None = None) -> list[TimeExpression]:
    """Time expressions with TIMEX3 values; partial values (XXXX-04-21) when `reference` is None."""
    return normalise_all(find(text, sentences), reference)


def normalise_all(mentions: Sequence[Mention], reference: date | None) -> list[TimeExpression]:
    """Each mention against the reference date, except "the following day" and its kind,
    which count from the last date the text told at a fine enough grain."""
    told: dict[str, date] = {}  # grain -> the last date told at that grain or finer
    quarter: str | None = None  # the latest quarter named outright ("the fiscal first quarter")
    out: list[TimeExpression] = []
    for mention in mentions:
        period = _reported_period(mention, reference, quarter)
        if period is not None:
            out.append(period)
            continue
        anchor = reference
        if mention.spec.anaphoric and reference is not None:
            anchor = told.get(_GRAIN.get(mention.spec.unit or "", "day"), reference)
        timex = normalise(mention, anchor)
        out.append(timex)
        _remember(told, timex.value)
        if mention.spec.quarter is not None:
            quarter = _reported_quarter(quarter, timex.value, reference, mention.direction)
    return out


def _reported_quarter(
    quarter: str | None, value: str | None, reference: date | None, direction: int
) -> str | None:
    """The latest quarter over that the story named is the one reported; a quarter still under
    way counts when it comes first in the past tense ("reported a decline in fourth-quarter
    earnings" on Nov. 2: a fiscal quarter already closed)."""
    if _reported(value, reference):
        return max(quarter or "", value or "")
    if quarter is None and direction < 0 and _current(value, reference):
        return value
    return quarter


def _reported_period(mention: Mention, reference: date | None, quarter: str | None) -> TimeExpression | None:
    """ "the quarter" is the one named (else the last one over); "a year ago" in results for a
    named quarter is that quarter a year before. None: not a reporting period."""
    years = _years_before_quarter(mention.spec)
    if not _is_the_quarter(mention.spec) and not (quarter and reference and years):
        return None
    timex = normalise(mention, reference)
    if not quarter or not reference:
        return timex
    if years:
        return replace(timex, value=f"{int(quarter[:4]) - years:04d}{quarter[4:]}")
    year = mention.spec.year  # "the 1988 period": the quarter named, in that year
    return replace(timex, value=f"{year:04d}{quarter[4:]}" if year else quarter)


def _reported(value: str | None, reference: date | None) -> bool:
    """A quarter over by the reference date: results can be out for it."""
    match = re.fullmatch(r"(\d{4})-Q(\d)", value or "")
    if match is None or reference is None:
        return False
    return (int(match.group(1)), int(match.group(2))) < (reference.year, (reference.month - 1) // 3 + 1)


def _years_before_quarter(spec: Spec) -> int:
    """How many years back a "year-ago quarter" reaches (0: not one)."""
    if spec.unit != "quarter" or spec.anaphoric or spec.year is not None or spec.quarter is not None:
        return 0
    offset = spec.offset or 0
    return (-offset - 1) // 4 if offset <= -5 and (offset + 1) % 4 == 0 else 0


def _is_the_quarter(spec: Spec) -> bool:
    return spec.anaphoric and spec.unit == "quarter" and spec.offset == -1 and spec.kind == "date"


_GRAIN = {"year": "year", "month": "month", "quarter": "month", "half": "month", "season": "month"}


def _remember(told: dict[str, date], value: str | None) -> None:
    decade = re.fullmatch(r"(\d{3})", value or "")
    if decade is not None:  # "the 1990s", so that "two decades later" counts from them
        told["year"] = date(int(decade.group(1)) * 10, 1, 1)
        return
    match = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?", value or "")
    if match is None:
        return
    year, month, day = match.group(1), match.group(2), match.group(3)
    moment = date(int(year), int(month or 1), int(day or 1))
    told["year"] = moment
    if month:
        told["month"] = moment
    if day:
        told["day"] = moment


def normalise(mention: Mention, reference: date | None) -> TimeExpression:
    spec = mention.spec
    return TimeExpression(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        kind=spec.kind,
        value=resolve(spec, reference, mention.direction),
        precision=spec.precision,
    )


def _current(value: str | None, reference: date | None) -> bool:
    """A quarter holding the reference date."""
    match = re.fullmatch(r"(\d{4})-Q(\d)", value or "")
    if match is None or reference is None:
        return False
    return (int(match.group(1)), int(match.group(2))) == (reference.year, (reference.month - 1) // 3 + 1)
