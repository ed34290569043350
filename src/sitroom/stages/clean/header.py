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

from sitroom.stages.clean.block_features import stop_words
from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import FURNITURE_WORDS, furniture_hits, looks_templated
from sitroom.stages.clean.textmeta import (
    find_byline,
    find_date,
    find_placed_name,
    is_date_line,
    opens_with_dateline,
)

LOOK_BACK = 15  # units before the body's first that may still be its head
_CREDIT_LINE = re.compile(r"^(?:credit|photo|image|source|illustration|caption)\s*:", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# Words of share bars and reading tools ("Copy link", "Save for later", "Listen to this article"):
# a short line made only of these (and furniture words) is a button label, never a headline.
_UI_WORDS = frozenset(
    (
        "copy", "copied", "link", "links", "url", "share", "save", "saved", "gift", "listen", "audio",
        "bookmark", "follow", "print", "send", "text", "size", "font", "zoom", "expand", "collapse",
        "toggle", "open", "view", "more", "options", "article", "articles", "story", "page", "this", "to",
        "via", "on", "the", "a", "for", "later", "friend", "x", "read", "minute", "minutes", "min",
        "mins", "comments", "clipboard", "embed", "report", "translate", "play",
        # a press release's stock lines: "For Immediate Release", "News Release", "Download PDF"
        "immediate", "release", "news", "press", "pdf", "download", "advisory",
    )
)


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
    byline_at, byline = _byline(units, [*head, *kept[:3]])
    if byline_at is not None:
        used.add(byline_at)
    skip = {*captions, *used}
    title, subtitle = _title_from_url(units, start, url, used) or _title(units, head, skip, used)
    if title is None and len(kept) > 1 and start not in used and _headline_like(units[start]):
        title = units[start].text  # the classifier kept the headline as a first paragraph
        used.add(start)
    byline = byline or _about_author(units, start)
    used.update(_leading_labels(units, kept))
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
        if units[i].bullet or not 2 <= len(words) <= 40 or opens_with_dateline(units[i].text):
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
    if _reference(text):
        return False  # a reference number ("2012-06-S-026") is no headline
    if _CREDIT_LINE.match(text) or (len(words) <= 12 and find_date(text)) or find_byline(text):
        return False
    if is_date_line(text) or opens_with_dateline(text) or _ui_label(words):
        return False  # "Published <date> | Updated ...", a story's lead, a share button
    return furniture_hits(words) <= 0.25 * len(words)


def _leading_labels(units: Sequence[Unit], kept: np.ndarray) -> list[int]:
    """Button and stock labels ("For Immediate Release") and reference numbers ("2019-03-PR-014") the body
    opens with: page furniture, not text."""
    labels = []
    for i in kept[:3]:
        words = _WORD.findall(units[int(i)].key)
        if not (_ui_label(words) or _reference(units[int(i)].text)):
            break
        labels.append(int(i))
    return labels if len(labels) < len(kept) else []


def _reference(text: str) -> bool:
    """A number or a code in one piece ("2019-03-PR-014", "12345"); "2024 Olympics" is two words."""
    code = text.strip()
    return 0 < len(code) <= 30 and not any(c.isspace() for c in code) and any(c.isdigit() for c in code)


def _ui_label(words: list[str]) -> bool:
    """A button or tool label: a few words, all of the share-bar and page-furniture vocabulary."""
    return len(words) <= 6 and all(
        word in _UI_WORDS or word in FURNITURE_WORDS or word.isdigit() for word in words
    )


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


def _about_author(units: Sequence[Unit], start: int) -> str | None:
    """A name under an "About the author" heading after the body."""
    for i in range(start, len(units) - 1):
        if units[i].key in ("about the author", "about the authors"):
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
        if len(text.split()) > 14 and not is_date_line(text):
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
