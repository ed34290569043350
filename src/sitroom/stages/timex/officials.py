"""Officials with their titles and terms of office: evidence for when an undated article was written.

"Defense Minister Kim Yong-hyun said" can only have been written while he held that office. A name
counts only with a title word nearby and without "former", "then-", "late" or "ousted" in front of it.
Rows marked "actors" (rulers of decades: Gaddafi, Mubarak, the Assads) code actors and speakers only.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from sitroom.config import RESOURCES_DIR

OFFICIALS_FILE = RESOURCES_DIR / "officials.tsv"

# Title words per office column value, matched in a short window before or after the name.
_TITLE_WORDS = {
    "head_of_state": r"president|king|queen|emperor|supreme\s+leader|leader|chairman|head\s+of\s+state",
    "head_of_government": r"prime\s+minister|premier|chancellor|pm|president",
    "vice_president": r"vice[-\s]president|vice[-\s]premier",
    "foreign_minister": r"foreign\s+(?:minister|secretary|affairs\s+minister)|secretary\s+of\s+state|"
    r"minister\s+(?:of|for)\s+foreign\s+affairs|top\s+diplomat",
    "defence_minister": r"defen[cs]e\s+(?:minister|secretary|chief)|secretary\s+of\s+defen[cs]e|"
    r"minister\s+of\s+(?:national\s+)?defen[cs]e|war\s+secretary|secretary\s+of\s+war|pentagon\s+chief|"
    r"armed\s+forces\s+minister|minister\s+(?:of|for)\s+the\s+armed\s+forces",
    "spokesperson": r"spokes(?:man|woman|person)|press\s+secretary|press\s+officer|"
    r"chief\s+cabinet\s+secretary|"
    r"communications\s+(?:adviser|advisor|coordinator)",
    "secretary_general": r"secretary[-\s]general",
}
# "former Defense Secretary Jim Mattis": a past holder says nothing about when the text was written.
_NOT_CURRENT = re.compile(
    r"\b(?:former|ex-|late|then-?|onetime|one-time|erstwhile|future|incoming|previous|ousted|deposed|"
    r"toppled|overthrown|fallen|slain|exiled|jailed|imprisoned|detained)\s*"
    r"(?:[\w.'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Term:
    country: str
    office: str
    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None  # None: still in office when the table was compiled
    dating: bool = True  # False: codes actors and speakers, dates no article ("use" column "actors")


@dataclass(frozen=True, slots=True)
class Sighting:
    term: Term
    start: int  # where the name is in the text
    end: int


@lru_cache(maxsize=4)
def load_terms(path: Path = OFFICIALS_FILE) -> tuple[Term, ...]:
    """Read the table once per process."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return tuple(_term(row) for row in rows)


def _term(row: dict[str, str]) -> Term:
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
    end = row.get("end", "").strip()
    return Term(
        country=row["country"],
        office=row["office"],
        name=row["name"],
        aliases=aliases,
        start=date.fromisoformat(row["start"]),
        end=date.fromisoformat(end) if end else None,
        dating=(row.get("use") or "").strip() != "actors",
    )


@lru_cache(maxsize=4)
def _name_index(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], dict[str, list[Term]]]:
    by_name: dict[str, list[Term]] = {}
    for term in terms:
        for name in (term.name, *term.aliases):
            by_name.setdefault(name.lower(), []).append(term)
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)
    return pattern, by_name


def sightings(text: str, terms: tuple[Term, ...]) -> list[Sighting]:
    """Officials named in the text with the title of a term they held, and not as "former"."""
    if not terms:
        return []
    pattern, by_name = _name_index(terms)
    found: list[Sighting] = []
    for match in pattern.finditer(text):
        if not match.group(0)[0].isupper():
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        after = text[match.end() : match.end() + 40]
        if _NOT_CURRENT.search(before):
            continue
        for term in by_name[match.group(0).lower()]:
            if not term.dating:
                continue
            titles = _TITLE_WORDS.get(term.office, "")
            if titles and re.search(rf"\b(?:{titles})\b", before + " " + after, re.IGNORECASE):
                found.append(Sighting(term, match.start(), match.end()))
    return found


def in_office_window(found: list[Sighting], low: date, high: date) -> tuple[date, date, list[str]] | None:
    """The span of days when the most named officials held their offices at once, within [low, high].

    Articles also name past office holders without "former", so the answer is the span most of the
    named officials agree on; a tie between separate spans means the officials say nothing.
    """
    by_name: dict[str, list[tuple[date, date]]] = {}
    for sighting in found:
        term = sighting.term
        by_name.setdefault(term.name, []).append((max(term.start, low), min(term.end or high, high)))
    cuts = sorted({low, high, *(d for spans in by_name.values() for span in spans for d in span)})
    best, blocks = 0, []  # blocks: (start, end, names) of elementary spans at the best count
    for start, end in pairwise(cuts):
        names = [n for n, spans in by_name.items() if any(s <= start and end <= e for s, e in spans)]
        if len(names) > best:
            best, blocks = len(names), [(start, end, names)]
        elif len(names) == best and best:
            blocks.append((start, end, names))
    if not best or any(b[0] != a[1] for a, b in pairwise(blocks)):
        return None  # nobody named, or two separate spans fit equally well
    return blocks[0][0], blocks[-1][1], sorted({n for block in blocks for n in block[2]})
