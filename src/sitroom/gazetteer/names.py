"""Name keys: one normal form shared by the builder and the lookup, so both sides agree."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = re.compile(r"[\-\u2010-\u2015]")
_DROP = re.compile(r"[.\u00b7]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^the\s+")


def fold(text: str) -> str:
    """Strip accents (NFKD, combining marks dropped): 'São Tomé' -> 'Sao Tome'."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The lookup key of a place name: folded, lowercased, no dots, dashes as spaces, no leading 'the'."""
    key = fold(text).lower()
    key = _APOSTROPHES.sub("'", key)
    key = _DROP.sub("", key)
    key = _DASHES.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    return _LEADING_ARTICLE.sub("", key)


def is_latin_name(text: str) -> bool:
    """True for names written in Latin script after folding (the only ones English text uses)."""
    folded = fold(text)
    return folded.isascii() and any(ch.isalpha() for ch in folded)
