"""Dates that look like a page's own stamp rather than a date the story tells.

"Published Tuesday 5 May 2009", a date alone on a line, "May 4, 2009 6:47 am EDT": these say when
the page was written. A full date inside a sentence ("on Aug. 7, 1998, bombs exploded") is usually
an older event: news style gives the year only when it is not the current one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sitroom.stages.timex.spec import Mention

_CUE = re.compile(
    r"(?:(?:published|updated|posted|last\s+modified|filed)\s*(?:on|at)?\s*[:|-]?|\bdate\s*:)\s*$",
    re.IGNORECASE,
)
_SENTENCE_VERB = re.compile(r"\b(?:said|says|will|was|were|is|are|has|had)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stamp:
    day: date
    strong: bool  # after "Published"/"Updated", or alone on a line near the top


def full_date(mention: Mention) -> date | None:
    spec = mention.spec
    if spec.year is None or spec.month is None or spec.day is None or spec.unit is not None:
        return None
    try:
        return date(spec.year, spec.month, spec.day)
    except ValueError:
        return None


def stamps(text: str, mentions: Sequence[Mention]) -> list[Stamp]:
    found: list[Stamp] = []
    for mention in mentions:
        day = full_date(mention)
        if day is None:
            continue
        cue = _CUE.search(text, max(0, mention.start - 40), mention.start) is not None
        line = _line(text, mention)
        alone = len(line) <= len(mention.text) + 25 and not _SENTENCE_VERB.search(line)
        clock = mention.spec.time_part is not None and ":" in mention.spec.time_part
        if cue or alone or clock:
            found.append(Stamp(day, cue or (alone and mention.start < 300)))
    return found


def page_date(found: Sequence[Stamp], low: date, high: date) -> tuple[date, bool] | None:
    """The earliest strong stamp; else the commonest weak one (comments repeat the page's day)."""
    usable = [s for s in found if low <= s.day <= high]
    strong = [s.day for s in usable if s.strong]
    if strong:
        return min(strong), True
    if not usable:
        return None
    counts = Counter(s.day for s in usable)
    top = max(counts.values())
    return min(d for d, n in counts.items() if n == top), False


def _line(text: str, mention: Mention) -> str:
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    return text[start : end if end >= 0 else len(text)].strip()
