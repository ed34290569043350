"""Character classes of a whole page at once, as numpy arrays.

Python's `re` tests every position of a text one by one; for the classes the cleaner counts on
every page (word characters, digits, capitals, spaces) a lookup table over code points does the
same in a few vectorised steps. Each class matches its `re` counterpart exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

UPPERCASE = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁΑ-Ω"
# One bit per class; a code point's byte in the table says which classes it is in.
WORD = 1  # re's \w
DIGIT = 2  # re's \d
UPPER = 4  # [UPPERCASE]
PUNCT = 8  # .,;:!?
SEPARATOR = 16  # |»›•·/
SPACE = 32  # the horizontal spaces scrapers leave: space, tab, no-break, typographic, ideographic
TERMINAL = 64  # .!?…
CLOSER = 128  # closing quotes and brackets
LOWER = 256  # str.islower
WHITESPACE = 512  # re's \s
_PATTERNS = {
    WORD: re.compile(r"\w"),
    DIGIT: re.compile(r"\d"),
    UPPER: re.compile(f"[{UPPERCASE}]"),
    PUNCT: re.compile(r"[.,;:!?]"),
    SEPARATOR: re.compile(r"[|»›•·/]"),
    SPACE: re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]"),
    TERMINAL: re.compile(r"[.!?…]"),
    CLOSER: re.compile(r"[\"'”’)\]]"),
    WHITESPACE: re.compile(r"\s"),
}
_BMP = 0x10000


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """The class bits of every code point of the Basic Multilingual Plane (built once, ~0.1 s)."""
    chars = "".join(map(chr, range(0xD800))) + "\0" * 0x800 + "".join(map(chr, range(0xE000, _BMP)))
    table = np.zeros(_BMP, dtype=np.uint16)
    for bit, pattern in _PATTERNS.items():
        hits = [match.start() for match in pattern.finditer(chars)]
        table[hits] |= bit
    table[[i for i, char in enumerate(chars) if char.islower()]] |= LOWER
    return table


def codes(text: str) -> np.ndarray:
    """The code points of `text`."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def classes(points: np.ndarray) -> np.ndarray:
    """The class bits of each code point (characters beyond the BMP are looked up one by one)."""
    out: np.ndarray = _table()[np.minimum(points, _BMP - 1)]
    astral = np.flatnonzero(points >= _BMP)
    for i in astral:
        char = chr(points[i])
        out[i] = sum(bit for bit, pattern in _PATTERNS.items() if pattern.match(char))
        out[i] |= LOWER * char.islower()
    return out


def text_of(points: np.ndarray) -> str:
    """The text of an array of code points."""
    return points.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def after(flags: np.ndarray) -> np.ndarray:
    """Whether the previous position has the flag (False at the start)."""
    return np.concatenate([[False], flags[:-1]]) if len(flags) else flags


def squeeze_spaces(text: str) -> str:
    """Runs of horizontal spaces as one plain space: `re.sub(SPACE + "+", " ", text)`, faster."""
    points = codes(text)
    space = (classes(points) & SPACE) > 0
    if not space.any():
        return text
    keep = ~(space & after(space))
    points = np.where(space, 32, points)
    return text_of(points[keep])
