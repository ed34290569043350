"""When an event happened: a date in its own sentence ("three days later" counted from the last day the
article named), else one the paragraph set just before, else
the day the story's lead names, else the day the article was published (the event happened by
then), or without a publication date the day its dateline gives without a year ("KABUL (June 14) —":
XXXX-06-14).

News tells a story's day once ("Three officers were wounded on Saturday ...") and the sentences
after it in the paragraph go on about that day ("One of them is in serious condition"). Only a day
or a finer time carries over: a year or a month said in passing ("in 2022") is background, not the
day the paragraph is about. The lead's day is the story's: "An air assault ... Friday." then, two
paragraphs on, "Initial reports indicate three insurgents have been killed." happened on that Friday,
not on the day the report was filed; a day the lead looks ahead to ("will vote on Friday") is not one.
The date in a dateline is the day the report was filed, not one the events took place on. Each date
says which it is (`as_of_basis`): sentence, paragraph, lead or published, so an analyst can tell a
dated event from one only known to be reported by a day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sitroom.model import Article, Sentence, TimeExpression
from sitroom.model.lookup import ByOffset, lookup, per_article
from sitroom.stages.clean.textmeta import dateline_end
from sitroom.stages.quantities.context import calendar_dates

# How far back in its paragraph a sentence looks for the day it is about.
_CARRY_SENTENCES = 2
_CARRIED = frozenset({"day", "time"})
# "since Friday", "until Monday": a period's bound, not the day the lead is about.
_BOUND = re.compile(
    r"\b(?:since|from|starting|beginning|until|till|through|by|before|after)\s+(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)


# A period's open end is not the day of what the sentence tells: "blamed the RSF, which has besieged the
# city since May" was not blamed in May (but troops that "have moved toward the line since Friday" began
# to on Friday).
_OPEN_BOUND = re.compile(r"\b(?:since|until|till|by|before)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:(?:been|also|already|now|not)\s+)*$", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:,|\()\s*(?:which|who|whose|where)\b[^,;()]*$", re.IGNORECASE)


def _described_since(body: str, sentence: Sentence, date: TimeExpression, offset: int) -> bool:
    """A date after "since" or "until" that does not open the event's own period: one inside a relative
    clause the event's verb stands outside of, or one beside a verb not in the perfect ("have moved
    since Friday" opens the period, "capturing their 60th leader since Oct. 1" counts over it)."""
    if not _OPEN_BOUND.search(body, max(sentence.start, date.start - 20), date.start):
        return False
    relative = _RELATIVE.search(body, sentence.start, date.start)
    if relative is not None and not relative.start() <= offset < date.end:
        return True
    return not _PERFECT.search(body, sentence.start, offset)  # "capturing their 60th leader since Oct. 1"


def event_date(
    article: Article, sentence: Sentence, offset: int
) -> tuple[TimeExpression | None, str | None, str | None]:
    """(the date expression, the value it dates the event to, the basis) for an event in `sentence`."""
    filed, calendar, dates = _story_dates(article)
    own = [t for t in dates.starting(sentence.start, sentence.end) if not _described_since(article.body,
           sentence, t, offset)]  # "blamed the RSF, which has besieged the city since May"
    counted = None if own else _counted_on(article, sentence, dates)
    if counted is not None:
        return counted
    if own:
        nearest = min(own, key=lambda t: abs(t.start - offset))
        return nearest, nearest.value, "sentence"
    carried = _paragraph_date(article, sentence, dates)
    if carried is not None:
        return carried, carried.value, "paragraph"
    lead = _lead_date(article, dates, filed)
    if lead is not None and lead.end <= sentence.start:
        return lead, lead.value, "lead"
    if article.published:
        return None, article.published[:10], "published"
    stamp = next((t for t in calendar if t.end <= filed), None)  # "KABUL (June 14) —" without a year
    if stamp is not None and stamp.value:
        return None, stamp.value, "published"
    return None, None, None


# "Three days later", "two weeks earlier": TimeML marks the duration; the day counts from the last one told.
_COUNTED = re.compile(r"^P(?P<n>\d+)(?P<unit>[DW])$")
_LATER = re.compile(r"\s+(?P<way>later|earlier)\b", re.IGNORECASE)


def _counted_on(
    article: Article, sentence: Sentence, dates: ByOffset[TimeExpression]
) -> tuple[TimeExpression, str, str] | None:
    """The day a "three days later" in the sentence points to, counted from the last full day the
    article named before it ("The talks began on March 3. Three days later, the army withdrew")."""
    for span in (t for t in article.timexes if sentence.start <= t.start < sentence.end):
        match = _COUNTED.match(span.value or "") if span.kind == "duration" else None
        way = _LATER.match(article.body, span.end, min(len(article.body), span.end + 12)) if match else None
        if match is None or way is None:
            continue
        told = [t for t in dates.starting(0, span.start) if re.match(r"\d{4}-\d{2}-\d{2}$", t.value or "")]
        if not told:
            return None
        days = int(match.group("n")) * (7 if match.group("unit") == "W" else 1)
        days = days if way.group("way").lower() == "later" else -days
        day = date.fromisoformat(told[-1].value or "") + timedelta(days=days)
        end = span.end + way.end() - way.start()  # the day "Three days later" names, as a date
        text = article.body[span.start : end]
        counted = replace(span, end=end, text=text, kind="date", value=day.isoformat(), precision="day")
        return counted, day.isoformat(), "sentence"
    return None


@per_article
def _story_dates(article: Article) -> tuple[int, list[TimeExpression], ByOffset[TimeExpression]]:
    """Where the dateline ends, the calendar dates, and those after the dateline by offset."""
    filed = dateline_end(article.body[:300])  # "KABUL (Oct. 10) —" is when the report was filed
    calendar = calendar_dates(article)
    dates = ByOffset([t for t in calendar if t.start >= filed], lambda t: t.start, lambda t: t.end)
    return filed, calendar, dates


def _paragraph_date(
    article: Article, sentence: Sentence, dates: ByOffset[TimeExpression]
) -> TimeExpression | None:
    """The last day named in the sentences just before this one in its paragraph."""
    for previous in sentences_before(article, sentence):
        inside = [t for t in dates.starting(previous.start, previous.end) if t.precision in _CARRIED]
        if inside:
            return inside[-1]
    return None


def lead_sentence(article: Article, filed: int | None = None) -> Sentence | None:
    """The story's first sentence after its dateline (`filed`: where the dateline ends)."""
    body = article.body
    filed = dateline_end(body[:300]) if filed is None else filed
    return next((s for s in article.sentences if s.end > filed and body[filed : s.end].strip()), None)


def _lead_date(article: Article, dates: ByOffset[TimeExpression], filed: int) -> TimeExpression | None:
    """The day the story's first sentence (after its dateline) names: not a period's bound ("since
    Friday") and not a day ahead of publication."""
    body = article.body
    first = lead_sentence(article, filed)
    if first is None:
        return None
    named = [
        t for t in dates.starting(first.start, first.end) if t.precision in _CARRIED
        and not _BOUND.search(body[max(0, t.start - 16) : t.start])
    ]
    return named[0] if named and _not_ahead(named[0], article.published) else None


def _not_ahead(found: TimeExpression, published: str | None) -> bool:
    """Not after the publication day (a partial value, XXXX-06-13, cannot be compared and counts)."""
    value = (found.value or "")[:10]
    if not published or not value[:4].isdigit() or len(value) < 10:
        return True
    return value <= published[:10]


def sentences_before(article: Article, sentence: Sentence, count: int = _CARRY_SENTENCES) -> list[Sentence]:
    """Up to `count` sentences before this one, nearest first, stopping at a paragraph break: the part
    of the story a sentence goes on about."""
    earlier = lookup(article).sentences_before(sentence.start)[-count:]
    found: list[Sentence] = []
    for previous in reversed(earlier):
        if "\n" in article.body[previous.end : sentence.start]:
            break  # a new paragraph: what came before it is another part of the story
        found.append(previous)
    return found
