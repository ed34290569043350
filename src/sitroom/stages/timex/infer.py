"""Infer when an undated article was written, from what its text says, with a confidence.

Evidence, strongest first: the dateline and the page's own stamps ("Published 4 March 2019");
weekday + month-day pairs that fit only some years ("Friday, Oct. 18"); the terms of office of the
officials it names with their titles; past years and full dates inside sentences, which only bound
the date from below. Otherwise the answer is the latest past month-day the evidence pins to a
single year, moved on to the weekdays the text reports after it ("Later Monday").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitroom.stages.timex.officials import Term, in_office_window, sightings
from sitroom.stages.timex.spec import Mention
from sitroom.stages.timex.stamps import full_date, page_date, stamps
from sitroom.stages.timex.tagger import find

MIN_CONFIDENCE = 0.6
_EARLIEST, _LATEST = date(1950, 1, 1), date(2040, 12, 31)


@dataclass(frozen=True, slots=True)
class Inference:
    published: date
    confidence: float
    evidence: str  # what the date rests on, for people reading the record


def infer_published(
    text: str,
    mentions: Sequence[Mention],
    terms: tuple[Term, ...],
    latest: date | None = None,
    dateline: str | None = None,
) -> Inference | None:
    """The publication date the text implies, or None when the evidence does not pin one.

    `latest` bounds the answer from above when the input vouches for one (a WARC record's fetch
    date): nothing is published after it was fetched. The day of the run is never a bound.
    `dateline` is the article's dateline ("SEOUL, Oct. 21 (Yonhap) -") when the clean step kept one.
    """
    # 1. A dateline or the page's own stamp wins outright.
    own = find(dateline) if dateline else []
    stated = next((d for d in map(full_date, own) if d is not None), None)
    if stated is not None:
        return Inference(stated, 0.9, "dateline")
    window, reasons = _window(text, mentions, terms)
    if latest is not None:
        window = (window[0], min(window[1], latest))
    stamp = page_date(stamps(text, mentions), window[0], window[1])
    if stamp is not None:
        return Inference(stamp[0], 0.9 if stamp[1] else 0.8, "page stamp" if stamp[1] else "page stamps")
    # 2. Full dates in sentences are past events: the article was written after the latest of them.
    usual = _usual_year(mentions)
    told = [d for d in (full_date(m) for m in mentions if m.direction <= 0) if d is not None]
    told = [d for d in told if (usual is None or d.year <= usual) and window[0] <= d <= window[1]]
    if told:
        window = (max(window[0], max(told)), window[1])
    # 3. The anchor: the dateline's month-day, else the latest past month-day, in its only possible year.
    dateline_days = [m for m in own if _month_day(m)]
    past_days = [m for m in mentions if _month_day(m) and m.direction <= 0]
    anchor, how = _anchor(dateline_days or past_days, window)
    if anchor is None:
        return None
    # 4. Past weekdays after the event date move the day on ("Oct. 18 ... Later Monday").
    published = anchor if dateline_days else _after_weekdays(anchor, mentions, text)
    confidence = {"weekday-date pair": 0.8, "window": 0.7}.get(how, 0.5)
    if not dateline_days and not _corroborated(anchor, past_days):
        confidence -= 0.2  # one stray date ("ahead of the vote on November 2") must not set the day
    evidence = "; ".join([how, *reasons])
    return Inference(min(published, window[1]), confidence, evidence)


def _window(
    text: str, mentions: Sequence[Mention], terms: tuple[Term, ...]
) -> tuple[tuple[date, date], list[str]]:
    low, high = _EARLIEST, _LATEST
    reasons: list[str] = []
    # Only years told in the past tense bound the date: "the 2012 election" may lie ahead.
    years = [m.spec.year for m in mentions if m.spec.year and m.direction < 0 and m.spec.unit is None]
    if years and _EARLIEST.year <= max(years) <= _LATEST.year:
        low = date(max(years), 1, 1)
        reasons.append(f"after {max(years)}")
    officials = in_office_window(sightings(text, terms), low, high)
    if officials is not None:
        low, high, names = officials
        reasons.append("officials: " + ", ".join(names))
    return (low, high), reasons


def _anchor(partial: Sequence[Mention], window: tuple[date, date]) -> tuple[date | None, str]:
    """The latest past month-day without a year, if the evidence leaves one possible year."""
    if not partial:
        return None, ""
    years = set(range(max(window[0].year, _EARLIEST.year), min(window[1].year, _LATEST.year) + 1))
    paired = False
    for mention in partial:
        if mention.spec.weekday is not None:
            years &= {y for y in years if _weekday_fits(y, mention)}
            paired = True
    fitting: dict[int, date] = {}
    for year in years:
        dates = [d for d in (_on(year, m) for m in partial) if d is not None and window[0] <= d <= window[1]]
        if dates:
            fitting[year] = max(dates)
    if len(fitting) != 1:
        return None, ""
    ((year, anchor),) = fitting.items()
    return anchor, "weekday-date pair" if paired else "window"


def _corroborated(anchor: date, days: Sequence[Mention]) -> bool:
    """Another past date falls in the fortnight before the anchor: the story is set around it."""
    others = {d for d in (_on(anchor.year, m) for m in days) if d is not None and d != anchor}
    return not others or any(0 < (anchor - d).days <= 14 for d in others)


def _month_day(mention: Mention) -> bool:
    return mention.spec.year is None and bool(mention.spec.month) and bool(mention.spec.day)


def _on(year: int, mention: Mention) -> date | None:
    try:
        return date(year, mention.spec.month or 1, mention.spec.day or 1)
    except ValueError:
        return None


def _weekday_fits(year: int, mention: Mention) -> bool:
    found = _on(year, mention)
    return found is not None and found.isoweekday() == mention.spec.weekday


def _after_weekdays(anchor: date, mentions: Sequence[Mention], text: str) -> date:
    """The first day each past weekday can fall on after the anchor; "Later Monday" follows the last one."""
    published = previous = anchor
    for mention in mentions:
        spec = mention.spec
        if (
            spec.weekday is None
            or spec.month is not None
            or spec.week_shift is not None
            or mention.direction > 0
        ):
            continue
        later = re.search(
            r"\b(?:later|then|afterwards?)\s+(?:on\s+)?$",
            text[max(0, mention.start - 16) : mention.start],
            re.I,
        )
        start = previous + timedelta(days=1) if later else anchor
        day = start + timedelta(days=(spec.weekday - start.isoweekday()) % 7)
        previous = day
        published = max(published, day)
    return published


def _usual_year(mentions: Sequence[Mention]) -> int | None:
    counts = Counter(m.spec.year for m in mentions if m.spec.year and m.spec.unit is None)
    if not counts:
        return None
    top = max(counts.values())
    return max(year for year, count in counts.items() if count == top)


def _has_recent_cue(mentions: Sequence[Mention]) -> bool:
    """Relative words ("yesterday", "on Monday") show the text is written close to its dates."""
    return any(
        m.spec.unit == "day" or (m.spec.weekday is not None and m.spec.month is None) for m in mentions
    )
