"""The article's head in plain text: title, subtitle, byline and date around the body's start.

Only the units just before the body (and its first few) are read: dates in teasers, footers
and "Recommended for You" lists after the body belong to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

import numpy as np

from sitroom.stages.clean.author_model import pick_author
from sitroom.stages.clean.block_features import stop_words
from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import furniture_hits, looks_templated
from sitroom.stages.clean.textmeta import (
    date_alone,
    find_byline,
    find_date,
    find_placed_name,
    is_date_line,
    opens_with_dateline,
    printed_dates,
)
from sitroom.stages.clean.title_model import pick_title, ui_label

LOOK_BACK = 15  # units before the body's first that may still be its head
# Below this score the byline ranker's pick is no byline: the "By ..." pattern's stands.
AUTHOR_FLOOR = 0.4
# Below this score the ranker is unsure (short pages unlike its training pages): the rule decides.
TITLE_FLOOR = 0.01
_CREDIT_LINE = re.compile(r"^(?:credit|photo|image|source|illustration|caption)\s*:", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_BY_LINE = re.compile(r"^by\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    used: frozenset[int] = frozenset()  # units that are head, not body
    title_at: int | None = None  # the headline's unit


def read_header(
    units: Sequence[Unit], keep: np.ndarray, captions: Set[int], url: str | None = None,
    matrix: np.ndarray | None = None, scores: np.ndarray | None = None, rank_author: bool = True,
) -> Header:
    """Title, subtitle, byline and publication date from the units around the body's start.

    `matrix` and `scores` (the units' features and body scores) let the headline and byline rankers
    choose; without them the nearest headline-like unit above the body is the title and a "By ..."
    line the byline. `rank_author=False` keeps the pattern's byline (to train the byline ranker).
    """
    kept = np.flatnonzero(keep)
    start = int(kept[0]) if len(kept) else len(units)
    head = range(max(0, start - LOOK_BACK), start)
    used: set[int] = set()
    byline_at, byline = _byline(units, [*head, *kept[:3]])
    if byline_at is not None:
        used.add(byline_at)
    skip = {*captions, *used}
    ranked = matrix is not None and scores is not None
    if matrix is not None and scores is not None:
        title_at, subtitle_at = _ranked_title(units, matrix, scores, keep, url, skip, used)
    else:
        title_at, subtitle_at = rule_title(units, keep, skip)
    used.update(i for i in (title_at, subtitle_at) if i is not None)
    if ranked and rank_author:
        picked = pick_author(units, title_at, start, keep, byline_at, floor=AUTHOR_FLOOR)
        if picked is not None:
            used.add(picked[0])
            byline = picked[1]
    byline = byline or _about_author(units, start)
    used.update(_leading_labels(units, kept))
    # The date line under the headline first: on long pages the headline sits far above the body's start.
    near_title = range(0) if title_at is None else range(max(0, title_at - 3), min(len(units), title_at + 8))
    order = dict.fromkeys([*near_title, *head, *range(start, _first_half_end(units, keep, start))])
    published = _published(units, list(order), used) or _labelled_date(units)
    title = without_tail(units[title_at].text) if title_at is not None else None
    subtitle = units[subtitle_at].text if subtitle_at is not None else None
    return Header(title, subtitle, byline, published, frozenset(used), title_at)


def _ranked_title(
    units: Sequence[Unit], matrix: np.ndarray, scores: np.ndarray, keep: np.ndarray, url: str | None,
    skip: set[int], used: set[int],
) -> tuple[int | None, int | None]:
    """The ranker's headline, with the standfirst under it; the rule's when the ranker is unsure."""
    rule = rule_title(units, keep, skip)
    # A headline printed twice (breadcrumb and heading) looks like a caption: only an image's alt text
    # and caption, printed in one block, are never the headline.
    pictures = picture_pairs(units, skip)
    at = pick_title(units, matrix, scores, keep, url, used | pictures, rule, floor=TITLE_FLOOR)
    if at is None or (at == rule[1] and _standfirst_below(units, keep, rule)):
        return rule  # a short page the ranker has not seen the like of; a news head and standfirst
    below = at + 1
    if below < len(units) and below not in skip and not keep[below] and _standfirst(units[below]):
        return at, below
    return at, None


def picture_pairs(units: Sequence[Unit], repeated: Set[int]) -> set[int]:
    """The repeated units printed twice within one block: an image's alt text and its caption."""
    return {
        i for i in repeated
        for j in range(i - 3, i + 4)
        if j != i and j in repeated and units[i].block == units[j].block and units[i].key == units[j].key
    }


def _standfirst_below(units: Sequence[Unit], keep: np.ndarray, rule: tuple[int | None, int | None]) -> bool:
    """Whether the rule's pair is a news head: a headline of four words or more over a standfirst, above
    a body that opens with a dateline ("SEOUL --"), or over a longer standfirst in sentence case. On
    other pages (blogs, guides) the upper unit of such a pair is mostly a section or site label over a
    title-case headline, and the ranker's choice stands."""
    title, subtitle = rule
    kept = np.flatnonzero(keep)
    if title is None or subtitle is None or not len(kept) or len(_WORD.findall(units[title].text)) < 4:
        return False
    lead = units[int(kept[0])].text
    if not _shares_a_word(units[title].text, lead):
        return False  # a site's tagline ("Exclusive news, data and analytics for ...") over the headline
    if opens_with_dateline(lead):
        return True
    lower = [w for w in units[subtitle].text.split() if len(w) > 3 and w[:1].isalpha()]
    capitals = sum(w[:1].isupper() for w in lower[1:])
    longer = len(units[subtitle].text.split()) > len(units[title].text.split())
    return longer and len(lower) > 2 and capitals <= 0.3 * (len(lower) - 1)


def _shares_a_word(head: str, lead: str) -> bool:
    """Whether a headline and the lead under it share a word of four letters or more."""
    words = {w.lower() for w in _WORD.findall(head) if len(w) > 3}
    return any(w.lower() in words for w in _WORD.findall(lead))


def _standfirst(unit: Unit) -> bool:
    """A subtitle under the headline: headline-like, not a section label (a few words ending in ':')."""
    return _headline_like(unit) and len(unit.text.split()) >= 4 and not unit.text.endswith(":")


def rule_title(
    units: Sequence[Unit], keep: np.ndarray, skip: Set[int]
) -> tuple[int | None, int | None]:
    """The nearest headline-like unit before the body, and the headline above it when there is one:
    (title, subtitle) indices. The ranker weighs this rule's pick as one of its signals."""
    kept = np.flatnonzero(keep)
    start = int(kept[0]) if len(kept) else len(units)
    head = range(max(0, start - LOOK_BACK), start)
    for i in reversed(head):
        if i in skip or not _headline_like(units[i]) or units[i].text.endswith("."):
            continue
        above = i - 1
        if above in head and above not in skip and _is_title(units[above]) and _headline_like(units[above]):
            return above, i
        return i, None
    return None, None


def _headline_like(unit: Unit) -> bool:
    text = unit.text
    words = _WORD.findall(text.lower())
    if unit.bullet or not 2 <= len(words) <= 40 or looks_templated(text):
        return False
    if _reference(text):
        return False  # a reference number ("2012-06-S-026") is no headline
    if _CREDIT_LINE.match(text) or (len(words) <= 12 and find_date(text)) or find_byline(text):
        return False
    if is_date_line(text) or opens_with_dateline(text) or ui_label(words):
        return False  # "Published <date> | Updated ...", a story's lead, a share button
    return furniture_hits(words) <= 0.25 * len(words)


def _leading_labels(units: Sequence[Unit], kept: np.ndarray) -> list[int]:
    """Button and stock labels ("For Immediate Release") and reference numbers ("2019-03-PR-014") the body
    opens with: page furniture, not text."""
    labels = []
    for i in kept[:3]:
        words = units[int(i)].key.split()
        if not (ui_label(words) or _reference(units[int(i)].text)):
            break
        labels.append(int(i))
    return labels if len(labels) < len(kept) else []


def _reference(text: str) -> bool:
    """A number or a code in one piece ("2019-03-PR-014", "12345"); "2024 Olympics" is two words."""
    code = text.strip()
    return 0 < len(code) <= 30 and not any(c.isspace() for c in code) and any(c.isdigit() for c in code)


def _is_title(unit: Unit) -> bool:
    words = unit.text.split()
    return 3 <= len(words) <= 25 and not unit.text.endswith((".", ":", ","))


def _byline(units: Sequence[Unit], indices: Sequence[int]) -> tuple[int | None, str | None]:
    """The first byline among `indices`: a "By ..." line, or "<Name> in <Place>" beside a date line."""
    for i in map(int, indices):
        text = units[i].text
        found = find_byline(text) or (_beside_date(units, i) and find_placed_name(text, stop_words("en")))
        if found:
            return i, str(found)
    return None, None


def _beside_date(units: Sequence[Unit], i: int) -> bool:
    """Whether a neighbouring unit of the same block is a short date line."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(units) and units[j].block == units[i].block:
            text = units[j].text
            if (len(text.split()) <= 14 or is_date_line(text)) and find_date(text):
                return True
    return False


# A label on its own line over the author's name: "Author", "Written by", "Contributors:".
_AUTHOR_LABELS = frozenset((
    "author", "authors", "author s", "written by", "writer", "words by", "text by", "contributor",
    "contributors", "posted by", "by",
))
LABELLED_LINE_WORDS = 14  # a name line, not a sentence that happens to open with "Writer"
CREDIT_LINE_WORDS = 24  # "(Reporting by A in X and B in Y; Editing by C)"

# The author's picture, described, over the name: "Dr Milan Milanović's avatar", "Picture of crazy lennys".
_AVATAR = re.compile(
    r"^(?:(?P<name>.{2,60}?)['’]s avatar|(?:picture|photo|image|avatar) of (?P<of>.{2,60}))$", re.IGNORECASE
)
_SOCIAL_TAIL = re.compile(r"(?:\s+(?:LinkedIn|Twitter|Facebook|Instagram|X|Email|Bio))+$")
# ... or on the name's own line: "Writer: Ben", "Authors: Julie Weisenhorn and Natalie Hoidal, educators",
# and a wire story's closing credit, "(Reporting by Radu Ionescu in Iasi; Editing by ...)".
_LABELLED_NAME = re.compile(
    r"^\(?(?i:authors?|writer|contributors?|text by|written by|reporting by)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|&|de|der|den|van|von|da|del|di|du|la|le|bin|al)(?!\w))*)"
)


def _about_author(units: Sequence[Unit], start: int) -> str | None:
    """A name under an "About the author" heading after the body, or under (or after) an author label."""
    for i in range(start, len(units) - 1):
        if units[i].key in ("about the author", "about the authors"):
            name = units[i + 1].text
            words = name.split()
            if 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words):
                return name
    for i, unit in enumerate(units):
        avatar = _AVATAR.match(unit.text.strip())
        pictured = (avatar.group("name") or avatar.group("of")) if avatar else None
        if pictured and i + 1 < len(units) and units[i + 1].text.strip() == pictured:
            return pictured  # "Wyndo's avatar" over "Wyndo": a newsletter's author
        if unit.key in _AUTHOR_LABELS and i + 1 < len(units):
            name = _SOCIAL_TAIL.sub("", units[i + 1].text.strip())
            words = name.split()
            if 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words) and not find_date(name):
                return name
        match = _LABELLED_NAME.match(unit.text.strip())
        limit = CREDIT_LINE_WORDS if unit.text.startswith("(") else LABELLED_LINE_WORDS
        if match and len(unit.text.split()) <= limit:
            name = _SOCIAL_TAIL.sub("", match.group("name").strip())
            if 2 <= len(name.split()) <= 8:
                return name
    return None


def _first_half_end(units: Sequence[Unit], keep: np.ndarray, start: int) -> int:
    """Where the first half of the body ends (at most 25 units in): date lines after it are teasers'."""
    words = np.array([len(unit.text.split()) if k else 0 for unit, k in zip(units, keep, strict=True)])
    seen = np.cumsum(words)
    limit = min(len(units), start + 25)
    for i in range(start, limit):
        if seen[i] >= 0.5 * seen[-1]:
            return i
    return limit


# "Title | Site", "Title – Part 1", "Title - Personally Tested": a short tail after a spaced separator
# is the site, a series label or a tagline the page prints with its headline.
_SEPARATED = re.compile(r"\s+(?:\||–|—|-|/)\s+")
TAIL_WORDS = 4


def without_tail(title: str) -> str:
    """The headline without a short tail after a spaced separator, when three words or more remain."""
    head, *tail = _SEPARATED.split(title, maxsplit=1)
    return head if tail and len(head.split()) >= 3 and len(tail[0].split()) <= TAIL_WORDS else title


_DATE_LABELS = frozenset(("published", "published on", "posted", "posted on", "date", "date published"))


def _labelled_date(units: Sequence[Unit]) -> str | None:
    """Without a date by the headline, a line anywhere on the page that says what its date is
    ("Published On: 15 August 2025", "Posted on April 13, 2023", "Last updated: ..."): a teaser's bare
    date ("October 24th, 2014" under a "Recommended for You" title) never says it."""
    lines = [i for i, unit in enumerate(units) if len(unit.text.split()) <= 14 and is_date_line(unit.text)]
    found = _published(units, lines, set())  # short lines: "Updated guidance was issued on ..." is prose
    if found:
        return found
    # the label on its own line, the date alone under it: "Published" / "August 30, 2024"
    for i in range(len(units) - 1):
        if units[i].key in _DATE_LABELS and len(units[i + 1].text.split()) <= 6:
            day = find_date(units[i + 1].text)
            if day is not None:
                return day[0]
    return _lone_date(units)


# A label that makes the date under it something other than the page's own: "Last Updated:",
# "Today's Hours" / "March 14, 2026" (the day the page was fetched).
_OTHER_DAY = re.compile(r"updated|modified|revised|today|hours", re.IGNORECASE)
SHORT_LINE = 8


def _lone_date(units: Sequence[Unit]) -> str | None:
    """The one day a page prints, on a line of its own ("Sara Brown" / "Apr 21, 2021"), when no short
    line prints another: an unlabelled date is the page's own only when no teaser or comment competes."""
    days = {day for unit in units if len(unit.text.split()) <= SHORT_LINE for day in printed_dates(unit.text)}
    if len(days) != 1:
        return None
    for i, unit in enumerate(units):
        day = date_alone(unit.text) if len(unit.text.split()) <= SHORT_LINE else None
        if day is not None and not _OTHER_DAY.search(unit.text + " " + (units[i - 1].text if i else "")):
            return day
    return None


# "On January 12, 2025 By Gabby Boucher In Budget Travel, ...": a long line that opens with its date.
_OPENS_WITH_DATE = re.compile(
    r"(?:on\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|\d{1,2}\s+[a-z]{3,9}\.?,?\s+)(?:19|20)\d\d",
    re.IGNORECASE,
)


def _published(units: Sequence[Unit], indices: Sequence[int], used: set[int]) -> str | None:
    """The head's date line; a publication date beats an "Updated ..." one. A long line counts when it
    is a byline ("By Ada Berg | Mar 11, 2023 | Brakes, Repairs | 0 comments")."""
    updated = None
    for i in indices:
        text = units[int(i)].text
        long = len(text.split()) > 14
        if long and not (is_date_line(text) or _BY_LINE.match(text) or _OPENS_WITH_DATE.match(text)):
            continue
        found = find_date(text)
        if found is None:
            continue
        if not opens_with_dateline(text):  # a dateline ("KABUL (Feb. 9, 2011)") dates the story, stays in it
            used.add(int(i))
        value, is_update = found
        if not is_update:
            return value
        updated = updated or value
    return updated
