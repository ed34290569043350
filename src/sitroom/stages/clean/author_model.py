"""Who wrote it, in scraped text: a small ranker over the name-like lines around the headline.

Flattened pages print the byline in many shapes: "By Ada Berg", "By" alone on a line over the
name, "Written By Ada Berg", "ByAda Berg" glued, "Ada Berg Published: Jan 29, 2025", the name
twice (photo alt text, then the name) over a date line, or the name over a job title. A "By ..."
pattern alone finds a few of them; the ranker weighs the shape of the name (capitals, a known
given name), what surrounds it (the headline just above, a date line beside it, a "By" line over
it) and the pattern's own pick. Gradient-boosted trees trained by `train/clean_author.py`, walked
with numpy (`block_model.Forest`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from sitroom.config import RESOURCES_DIR
from sitroom.stages.clean.block_model import Forest, load_forest
from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import furniture_hits
from sitroom.stages.clean.html_author import given_names
from sitroom.stages.clean.textmeta import find_date

AUTHOR_PATH = RESOURCES_DIR / "clean_author.npz"
# Candidates: units this many before the headline (or the body's start) to this many after it.
BEFORE, AFTER = 4, 10
LONG_LINE = 10  # a line of more words than this names its author only after "By"
TAIL = 12  # units after the body's end that may hold an author box ("Written by ...", a name over a bio)
# "By", "Written by", "By:" before a capital, at the start, after a space or glued ("ByAda", "imageWritten")
# ("Shelby Loos" has no "by" in it: glued to a word, only "By" or a marker word counts). A reviewer
# ("Reviewed by") is not the author.
_BY_MARKER = r"(?:[Ww]ritten|[Ww]ords|[Rr]eporting|[Ss]tory|[Pp]osted|[Pp]ublished|[Aa]uthored)"
_BY_ANYWHERE = re.compile(
    rf"(?:(?:^|(?<=\s))(?:{_BY_MARKER}\s*)?(?:[Bb]y|BY)|(?<=[a-z])(?:{_BY_MARKER}\s*(?:[Bb]y|BY)|By|BY))"
    r"\s*:?\s*(?=[A-Z])"
)
# Credits that are not bylines: who reviewed, photographed, illustrated, powered or sponsored it.
_CREDIT = re.compile(
    # ("Avatar photo by Ada Berg": the author's picture, then the byline)
    r"(?<!avatar )(?:reviewed|edited|checked|photo|photos|photograph|photographs|photography|image|images|"
    r"illustration|illustrations|illustrated|video|graphics?|designed|design|translated|powered|hosted|sponsored|"
    r"presented|produced|brought to you)\s*$",
    re.IGNORECASE,
)
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A line that opens with a date ("October 8, 2024 Photo of ...") names no one, unless a separator
# sets the name apart after it ("Dec. 19, 2025 · Ada Berg").
_DATE_FIRST = re.compile(rf"^{_MONTH_NAME}\s+\d", re.IGNORECASE)
_DATE_THEN_NAME = re.compile(rf"^{_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}\s*[·•|]\s*(?=[A-Z])", re.IGNORECASE)
# A byline run into a long line: a standfirst ending "... Canada. By Ada Berg on Dec. 19, 2025".
_SENTENCE_BY = re.compile(r"[.!?]\s+(?=By\s+[A-Z])")
LONG_TEXT = 120  # characters: a longer line names its author only in a byline at its start or end
_AUTHOR_LABEL = re.compile(r"^(?:author|authors|written|posted)\s*:?\s+", re.IGNORECASE)
# What follows a name on its line: "on January 21", "in Travel", "December 9, 2024", "Image", "USA TODAY"
_TAIL = re.compile(
    r"\s+(?:on|in|at|for|from|and more)(?:\s+|$)|\s+(?=\d)"
    r"|\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"|\s+(?=(?:image|photo|logo|play|avatar|icon|profile|last updated|updated|published|posted|reviewed)\b)"
    r"|(?-i:(?<=[a-z.])\s+(?=[A-Z]{2,}\b))",
    re.IGNORECASE,
)
# Text glued to the name: a label, a date ("AnthonyJanuary 4, 2026"), digits ("Yucy3/4/2025").
_GLUED = re.compile(
    # ("Ada BergIn Budget Travel": the section list a blog glues after the name)
    r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact|Image|Photo)\b|In\s+[A-Z]"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*\d|\d)"
)
_CUT = re.compile(r"\s*(?:[,|•·/]|\s[-–—]\s|[–—]|\s{2,})\s*")
_PICTURE = re.compile(r"^(?:picture|photo|image|avatar|headshot)\s+of\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w.'\-]*")
_ROLE_WORDS = frozenset((
    "team", "staff", "desk", "editor", "editors", "editorial", "writer", "contributor", "reporter",
    "admin", "news", "media", "agencies",
))
_OWN = (
    "name_words", "capitalised", "given", "has_by", "by_above", "glued", "picture", "unit_words",
    "from_title", "from_start", "date_here", "date_near", "copies", "role_word", "furniture", "kept",
    "all_caps", "rule", "first_of_block", "block_units", "after_end", "bio_below",
)
AUTHOR_FEATURES = _OWN


class Candidate(NamedTuple):
    unit: int
    name: str
    has_by: bool  # the unit opened with "By" (or "Written by" ...)
    glued: bool  # the name was cut from text glued after it ("Ada BergPublished: ...")
    picture: bool  # "Picture of Ada Berg"


def candidates(
    units: Sequence[Unit], title_at: int | None, start: int, end: int | None = None
) -> list[Candidate]:
    """Name-like strings from the units around the headline (or the body's start when none), and
    from the units just after the body's end (`end`: its last unit), where author boxes sit."""
    anchor = title_at if title_at is not None else start
    out: list[Candidate] = []
    head = range(max(0, anchor - BEFORE), min(len(units), max(anchor, start) + AFTER))
    tail = range(max(head.stop, end + 1), min(len(units), end + 1 + TAIL)) if end is not None else range(0)
    for i in (*head, *tail):
        if i == title_at:
            continue
        found = name_of(units[i].text)
        if found is not None:
            out.append(Candidate(i, *found))
    return out


def name_of(text: str) -> tuple[str, bool, bool, bool] | None:
    """The name part of a byline-shaped line: (name, has "By", cut from glued text, "Picture of")."""
    text = text.strip()
    if len(text) > LONG_TEXT:
        text = _byline_in_long(text)
        if not text:
            return None
    picture = bool(_PICTURE.match(text))
    text = _DATE_THEN_NAME.sub("", _PICTURE.sub("", text))
    # "June 26, 2018 by Ada Berg", "imageWritten by Ada Berg"; not "Reviewed by", "Photo by"
    found = list(_BY_ANYWHERE.finditer(text))
    # a bare "by" after a credit word is that credit; "imageWritten by" is still a byline
    markers = [m for m in found if not (m.group()[:2].lower() == "by"
                                        and _CREDIT.search(text[max(0, m.start() - 30) : m.start()]))]
    if found and not markers:
        return None  # only a reviewer's, photographer's or sponsor's credit
    marker = markers[0] if markers else None
    has_by = marker is not None
    if not has_by and text.count(" ") >= LONG_LINE:
        return None  # a sentence or a menu run, not a name line
    text = text[marker.end() :] if marker else _AUTHOR_LABEL.sub("", text)
    if _DATE_FIRST.match(text):
        return None
    parts = _GLUED.split(text, maxsplit=1)
    glued = len(parts) > 1
    name = _CUT.split(parts[0])[0]
    name = _TAIL.split(name)[0].strip(" :.;-–—")
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        name = " ".join(words[:half])  # "Ada Berg Ada Berg": alt text, then the name
    elif len(name) % 2 == 0 and name[: len(name) // 2] == name[len(name) // 2 :]:
        name = name[: len(name) // 2]  # "Ada BergAda Berg"
    words = _WORD.findall(name)
    if not 1 <= len(words) <= 5 or len(name) > 60 or not name[:1].isupper():
        return None
    return name, has_by, glued, picture


def _byline_in_long(text: str) -> str:
    """The byline part of a long line: its start when a "By" marker opens it ("Posted on ... by Ada Berg -
    5 Comments on ..."), or a closing "By ..." sentence; else nothing."""
    head = text[:LONG_TEXT]
    first = _BY_ANYWHERE.search(head)
    if first is not None and first.start() < LONG_TEXT // 2:
        return head
    tail = list(_SENTENCE_BY.finditer(text))
    if tail and len(text) - tail[-1].end() <= LONG_TEXT:
        return text[tail[-1].end() :]
    return ""


def author_features(
    units: Sequence[Unit], found: Sequence[Candidate], title_at: int | None, start: int, keep: np.ndarray,
    rule: int | None, given: frozenset[str], end: int | None = None,
) -> np.ndarray:
    """One row of AUTHOR_FEATURES per candidate; `rule` is the unit the "By ..." pattern picked."""
    names = Counter(c.name.casefold() for c in found)
    keys = Counter(unit.key for unit in units[max(0, start - 40) : start + 40])
    # date lines within reach of a candidate only (farther than 8 units counts as none)
    reach = {j for c in found for j in range(c.unit - 8, c.unit + 9)}
    dated = [i for i in range(max(0, start - 20), min(len(units), start + 15))
             if i in reach and len(units[i].text) < 80 and find_date(units[i].text)]
    rows = np.zeros((len(found), len(_OWN)))
    for row, c in enumerate(found):
        words = _WORD.findall(c.name)
        folded = [w.casefold() for w in words]
        unit = units[c.unit]
        above = units[c.unit - 1].key if c.unit else ""
        near = min((abs(i - c.unit) for i in dated), default=9)
        rows[row] = (
            len(words),
            sum(w[:1].isupper() for w in words) / len(words),
            float(folded[0] in given),
            float(c.has_by),
            float(above in ("by", "written by", "author", "posted by")),
            float(c.glued),
            float(c.picture) + names[c.name.casefold()] - 1,
            len(unit.text.split()),
            float(max(-9, min(9, c.unit - title_at))) if title_at is not None else -20.0,
            float(max(-20, min(20, c.unit - start))),
            float(c.unit in dated),
            float(min(near, 9)),
            keys[unit.key],
            float(any(w in _ROLE_WORDS for w in folded)),
            furniture_hits(folded) / len(folded),
            float(keep[c.unit]),
            float(c.name.isupper()),
            float(c.unit == rule),
            float(c.unit == 0 or units[c.unit - 1].block != unit.block),
            unit.block_units,
            float(min(15, c.unit - end)) if end is not None and c.unit > end else 0.0,
            float(_bio_below(units, c)),
        )
    return rows


def _bio_below(units: Sequence[Unit], c: Candidate) -> bool:
    """The next unit is a paragraph about the named person ("Ada Berg is a gardener who ...")."""
    if c.unit + 1 >= len(units):
        return False
    below = units[c.unit + 1].text
    last = c.name.split()[-1]
    return len(below.split()) >= 12 and last in below[:200]


def body_end(keep: np.ndarray) -> int | None:
    kept = np.flatnonzero(keep)
    return int(kept[-1]) if len(kept) else None


def pick_author(
    units: Sequence[Unit], title_at: int | None, start: int, keep: np.ndarray, rule: int | None,
    floor: float, path: Path = AUTHOR_PATH,
) -> tuple[int, str] | None:
    """(unit index, name) of the likeliest byline, or None when no candidate clears `floor`."""
    end = body_end(keep)
    found = candidates(units, title_at, start, end)
    if not found:
        return None
    rows = author_features(units, found, title_at, start, keep, rule, given_names(), end)
    probability = load_author_model(path).probability(rows)
    best = int(np.argmax(probability))
    return (found[best].unit, found[best].name) if probability[best] > floor else None


@lru_cache(maxsize=2)
def load_author_model(path: Path = AUTHOR_PATH) -> Forest:
    return load_forest(path, "a", AUTHOR_FEATURES, "train/clean_author.py")
