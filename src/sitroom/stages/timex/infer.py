"""Infer when an undated article was written, from what its text says, with a confidence.

Evidence, strongest first: a dateline (a full date alone at the top); weekday + month-day pairs
that fit only some years ("Friday, Oct. 18"); the terms of office of the officials it names with
their titles; explicit past years and full dates, which bound the date from below. The answer is
the latest past month-day the evidence pins to a single year, moved forward to the weekdays the
text reports after it ("Later Monday").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sitroom.stages.timex.officials import Term, sightings
from sitroom.stages.timex.spec import Mention
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
    latest: date = _LATEST,
    dateline: str | None = None,
) -> Inference | None:
    """The publication date the text implies, or None when the evidence does not pin one.

    `latest` bounds the answer from above: nothing is published after the day it is read.
    `dateline` is the article's dateline ("SEOUL, Oct. 21 (Yonhap) -") when the clean step kept one.
    """
    # 1. A dateline wins outright: the article's own, or a full date alone at the top.
    own = find(dateline) if dateline else []
    stated = next((d for d in map(_full, own) if d is not None), None) or _dateline(text, mentions)
    if stated is not None:
        return Inference(stated, 0.9, "dateline")
    # 2. The window the text allows: officials in office, past years and full dates it names.
    window, reasons = _window(text, mentions, terms)
    window = (window[0], min(window[1], latest))
    full = [_full(m) for m in mentions if _full(m) is not None and m.direction <= 0]
    latest_full = max((d for d in full if d is not None and window[0] <= d <= window[1]), default=None)
    if latest_full is not None:
        window = (max(window[0], latest_full), window[1])
    # 3. The anchor: the dateline's month-day, else the latest past month-day, in its only possible year.
    dateline_days = [m for m in own if m.spec.year is None and m.spec.month and m.spec.day]
    anchor, how = _anchor(dateline_days or mentions, window)
    if anchor is None and latest_full is not None:
        anchor, how = latest_full, "latest full date"
    if anchor is None:
        return None
    # 4. Weekdays told in the past tense happened on or after the anchor, within a week.
    published = anchor if dateline_days else _after_weekdays(anchor, mentions)
    confidence = {"weekday-date pair": 0.8, "window": 0.7, "latest full date": 0.65}.get(how, 0.5)
    if how == "latest full date" and not _has_recent_cue(mentions):
        confidence = 0.5  # an old date in a retrospective says little about today
    evidence = "; ".join([how, *reasons])
    return Inference(min(published, window[1]), confidence, evidence)


def _full(mention: Mention) -> date | None:
    spec = mention.spec
    if spec.year is None or spec.month is None or spec.day is None or spec.unit is not None:
        return None
    try:
        return date(spec.year, spec.month, spec.day)
    except ValueError:
        return None


def _dateline(text: str, mentions: Sequence[Mention]) -> date | None:
    """A full date on a short line of its own near the top ("May 30th, 2013")."""
    for mention in mentions[:3]:
        found = _full(mention)
        if found is None or mention.start > 300:
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        if len(line) <= len(mention.text) + 25 and not re.search(r"\b(?:said|says|will|was)\b", line):
            return found
    return None


def _window(
    text: str, mentions: Sequence[Mention], terms: tuple[Term, ...]
) -> tuple[tuple[date, date], list[str]]:
    low, high = _EARLIEST, _LATEST
    reasons: list[str] = []
    years = [m.spec.year for m in mentions if m.spec.year and m.direction <= 0 and m.spec.unit is None]
    if years and _EARLIEST.year <= max(years) <= _LATEST.year:
        low = date(max(years), 1, 1)
        reasons.append(f"after {max(years)}")
    by_name: dict[str, list[tuple[date, date]]] = {}
    for sighting in sightings(text, terms):
        term = sighting.term
        by_name.setdefault(term.name, []).append((term.start, term.end or _LATEST))
    officials_low, officials_high = low, high
    for spans in by_name.values():  # a name held several offices: any of its terms will do
        officials_low = max(officials_low, min(s for s, _ in spans))
        officials_high = min(officials_high, max(e for _, e in spans))
    if by_name and officials_low <= officials_high:
        low, high = officials_low, officials_high
        reasons.append("officials: " + ", ".join(sorted(by_name)))
    return (low, high), reasons


def _anchor(mentions: Sequence[Mention], window: tuple[date, date]) -> tuple[date | None, str]:
    """The latest past month-day without a year, if the evidence leaves one possible year."""
    partial = [
        m for m in mentions if m.spec.year is None and m.spec.month and m.spec.day and m.direction <= 0
    ]
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


def _on(year: int, mention: Mention) -> date | None:
    try:
        return date(year, mention.spec.month or 1, mention.spec.day or 1)
    except ValueError:
        return None


def _weekday_fits(year: int, mention: Mention) -> bool:
    found = _on(year, mention)
    return found is not None and found.isoweekday() == mention.spec.weekday


def _after_weekdays(anchor: date, mentions: Sequence[Mention]) -> date:
    published = anchor
    for mention in mentions:
        spec = mention.spec
        if (
            spec.weekday is None
            or spec.month is not None
            or spec.week_shift is not None
            or mention.direction > 0
        ):
            continue
        day = anchor + timedelta(days=(spec.weekday - anchor.isoweekday()) % 7)
        published = max(published, day)
    return published


def _has_recent_cue(mentions: Sequence[Mention]) -> bool:
    """Relative words ("yesterday", "on Monday") show the text is written close to its dates."""
    return any(
        m.spec.unit == "day" or (m.spec.weekday is not None and m.spec.month is None) for m in mentions
    )
