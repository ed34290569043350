"""The article's head in plain text: title, subtitle, byline and date around the body's start.

Only the units just before the body (and its first few) are read: dates in teasers, footers
and "Recommended for You" lists after the body belong to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np

from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import furniture_hits, looks_templated, normalise
from sitroom.stages.clean.textmeta import find_byline, find_date

LOOK_BACK = 15  # units before the body's first that may still be its head
_CREDIT_LINE = re.compile(r"^(?:credit|photo|image|source|illustration|caption)\s*:", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    used: frozenset[int] = frozenset()  # units that are head, not body


def read_header(
    units: Sequence[Unit], keep: np.ndarray, captions: Set[int], url: str | None = None
) -> Header:
    """Title, subtitle, byline and publication date from the units around the body's start."""
    kept = np.flatnonzero(keep)
    start = int(kept[0]) if len(kept) else len(units)
    head = range(max(0, start - LOOK_BACK), start)
    used: set[int] = set()
    title, subtitle = _title_from_url(units, start, url, used) or _title(units, head, captions, used)
    if title is None and len(kept) > 1 and _headline_like(units[start]):
        title = units[start].text  # the classifier kept the headline as a first paragraph
        used.add(start)
    byline = _first(units, [*head, *kept[:3]], find_byline, used) or _about_author(units, start)
    published = _published(units, [*head, *range(start, _first_half_end(units, keep, start))], used)
    return Header(title, subtitle, byline, published, frozenset(used))


def _title(units: Sequence[Unit], head: range, captions: Set[int], used: set[int]) -> tuple[str | None, ...]:
    """The nearest headline-like unit before the body; the one above it too, when it is a headline."""
    for i in reversed(head):
        if i in captions or not _headline_like(units[i]) or units[i].text.endswith("."):
            continue
        above = i - 1
        is_title = above in head and above not in captions and _is_title(units[above])
        if is_title and _headline_like(units[above]):
            used.update((above, i))
            return units[above].text, units[i].text
        used.add(i)
        return units[i].text, None
    return None, None


def _title_from_url(
    units: Sequence[Unit], start: int, url: str | None, used: set[int]
) -> tuple[str, None] | None:
    """The unit before the body that best matches the URL's slug ("/2024/05/harbour-to-close-quay")."""
    slug = _slug_words(url)
    if len(slug) < 2:
        return None
    best, best_score = None, 0.6  # at least this share of the slug's words
    for i in range(max(0, start - 3 * LOOK_BACK), min(len(units), start + 1)):
        words = set(_WORD.findall(units[i].key))
        if units[i].bullet or not 2 <= len(words) <= 40:
            continue
        score = len(slug & words) / len(slug) - 0.01 * len(words - slug)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    used.add(best)
    return units[best].text, None


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = [w for w in re.split(r"[-_+]+", last.lower()) if w and not w.isdigit()]
    return set(words) if len(words) >= 2 else set()


def _headline_like(unit: Unit) -> bool:
    text = unit.text
    words = _WORD.findall(text.lower())
    if unit.bullet or not 2 <= len(words) <= 40 or looks_templated(text):
        return False
    if _CREDIT_LINE.match(text) or (len(words) <= 12 and find_date(text)) or find_byline(text):
        return False
    return furniture_hits(words) <= 0.25 * len(words)


def _is_title(unit: Unit) -> bool:
    words = unit.text.split()
    return 3 <= len(words) <= 25 and not unit.text.endswith((".", ":", ","))


def _first(units: Sequence[Unit], indices: Sequence[int], reader, used: set[int]) -> str | None:  # type: ignore[no-untyped-def]
    for i in indices:
        found = reader(units[int(i)].text)
        if found:
            used.add(int(i))
            return str(found)
    return None


def _about_author(units: Sequence[Unit], start: int) -> str | None:
    """A name under an "About the author" heading after the body."""
    for i in range(start, len(units) - 1):
        if normalise(units[i].text) in ("about the author", "about the authors"):
            name = units[i + 1].text
            words = name.split()
            if 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words):
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


def _published(units: Sequence[Unit], indices: Sequence[int], used: set[int]) -> str | None:
    """The head's date line; a publication date beats an "Updated ..." one."""
    updated = None
    for i in indices:
        text = units[int(i)].text
        if len(text.split()) > 14:
            continue
        found = find_date(text)
        if found is None:
            continue
        used.add(int(i))
        value, is_update = found
        if not is_update:
            return value
        updated = updated or value
    return updated
