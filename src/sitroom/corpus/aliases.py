"""Name forms: the normalised key of a name, acronyms, and which short form abbreviates which full name.

Pure string functions shared by the cross-article entity merge. A short form attaches to a full name
only when the full name is written out in the same article, or (for acronyms and country names) when
the match is unambiguous across the whole corpus.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sitroom.stages.statements.resolve import strip_title

# Words an acronym skips ("Food and Drug Administration" -> FDA).
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "de", "&"})
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9]{1,6}|[A-Z][a-z]?[A-Z][A-Z0-9]*")


@lru_cache(maxsize=1 << 16)  # the same names recur across thousands of articles
def normalise(name: str) -> str:
    """Case, accents, hyphens and titles removed: "Kim Jong-un" and "kim jong un" meet."""
    text = unicodedata.normalize("NFKD", strip_title(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"^(?:the|an?)\s+", "", text.lower().strip())
    text = re.sub(r"\s*['’]s?$", "", text).replace(".", "")
    text = re.sub(r"\s?['’]s\b", "", text)  # "New People's Party" is "New People Party"
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text).split())


def bare(name: str) -> str:
    """The name as written, without a leading article, a title or a trailing possessive."""
    name = re.sub(r"\s*['’]s?$", "", strip_title(name.strip()))
    return re.sub(r"^(?:the|The|a|A|an|An)\s+", "", name).strip()


def is_acronym(name: str) -> bool:
    """ "NASA", "U.S.", "KCNA", "M5S": written in capitals, no spaces."""
    return " " not in name and bool(_ACRONYM.fullmatch(name)) and sum(c.isupper() for c in name) >= 2


def initials(name: str) -> str:
    """ "Korean People's Army" -> "KPA"; connectors and lower-case words are skipped."""
    words = re.findall(r"[\w]+", name.replace("'s", "").replace("’s", ""))
    return "".join(w[0].upper() for w in words if w.lower() not in _CONNECTORS and w[:1].isupper())


def abbreviates(short: str, full: str) -> bool:
    """True when `short` is an acronym of `full` ("USI" of "University of Southern Indiana")."""
    letters = short.replace(".", "")
    return is_acronym(short) and len(full.split()) >= 2 and initials(full) == letters


def shortens(short: str, full: str) -> bool:
    """True when `short` is the leading or trailing words of a longer name ("Santorum" of "Rick
    Santorum", "Civic Party" of "the Civic Party of Hong Kong", "Air Force" of "United States Air Force")."""
    a, b = normalise(short).split(), normalise(full).split()
    if not a or len(a) >= len(b):
        return False
    return b[: len(a)] == a or b[-len(a) :] == a


def variant(a: str, b: str) -> bool:
    """Transliteration variants of one person's name: same family name, given names alike
    ("Sergey"/"Sergei", "Larry"/"Lawrence" is not: that needs an article naming both)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[-1] != wb[-1] or a == b:
        return False
    return all(x[:4] == y[:4] and abs(len(x) - len(y)) <= 2 for x, y in zip(wa[:-1], wb[:-1], strict=True))
