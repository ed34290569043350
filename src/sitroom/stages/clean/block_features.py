"""Numbers that tell body text from page furniture, per unit and from its neighbours.

The same function feeds training (`train/clean_blocks.py`) and cleaning, so the shipped
weights always see features computed exactly as they were at training time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

import numpy as np

from sitroom.stages.clean import chars
from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import FURNITURE_PAIRS, FURNITURE_WORDS, looks_templated

_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|von|par|por)\s+\S", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:credit|photo|image|picture|source|illustration|video)\s*:|\b(?:getty images|shutterstock|"
    r"reuters|afp|ap photo|photo by|image by|courtesy of)\b",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified)\s*:?\s*)?(?:\w+,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b.{0,25}$",
    re.IGNORECASE,
)
_BYLINE_INITIALS = frozenset("BWRVPbwrvp")  # the first letters of _BYLINE's openers
_LINKISH = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
PAIR_STARTS = frozenset(pair.split()[0] for pair in FURNITURE_PAIRS)
# Strings only page templates print (see `looks_templated`); units without them are checked cheaply.
_TEMPLATE_NEEDLES = ("{{", "}}", "spot_img", "with Sketch", "Icon", "Chevron", "Arrow")
_PLACEHOLDERS = ("image", "photo", "logo", "icon", "thumbnail", "avatar", "placeholder")
# Words one of which every match of _CREDIT holds (lower-cased).
_CREDIT_NEEDLES = (
    "credit", "photo", "image", "picture", "source", "illustration", "video", "getty", "shutterstock",
    "reuters", "afp", "ap photo", "courtesy",
)

UNIT_FEATURES = (
    "log_words", "log_chars", "stop_density", "punct_per_word", "terminal", "log_sentences",
    "bullet", "title_case", "digit_share", "upper_share", "furniture", "template", "copyright",
    "date_only", "byline", "credit", "linkish", "separators", "avg_word_len", "starts_lower",
    "question", "repeated", "log_lines", "log_block_units", "block_word_share", "log_block_words",
    "prose", "position", "word_position",
)
CONTEXT_FEATURES = (
    *(
        f"{side}_{name}"
        for side in ("prev", "next", "prev2", "next2")
        for name in ("log_words", "stop_density", "terminal", "bullet", "prose", "furniture")
    ),
    "prose_before",
    "prose_after",
    "prose_near",
)
FEATURES = UNIT_FEATURES + CONTEXT_FEATURES


@lru_cache(maxsize=32)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop list for a language (English when unknown or missing)."""
    import importlib

    for code in (language or "en", "en"):
        try:
            module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:
            continue
        return frozenset(word.lower() for word in module.STOP_WORDS)
    return frozenset()


def unit_matrix(units: Sequence[Unit], language: str | None = None) -> np.ndarray:
    """The feature matrix (units x FEATURES) of one page."""
    base = np.zeros((len(units), len(UNIT_FEATURES)))
    if units:
        page = _PageText(units)
        _word_columns(page, stop_words(language), base)
        _char_columns(page, base)
        _pattern_columns(units, page, base)
        _document_columns(units, base)
    return np.hstack([base, _context(base)])


class _PageText:
    """A page's units joined by newlines (no unit holds one), with each character's classes."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.text = "\n".join(unit.text for unit in units)
        self.lengths = np.fromiter((len(unit.text) for unit in units), np.int64, len(units))
        self.starts = np.concatenate([[0], np.cumsum(self.lengths + 1)[:-1]])
        self.ends = self.starts + self.lengths
        self.points = chars.codes(self.text)
        self.bits = chars.classes(self.points)
        self.lowered = self.text.lower()

    def has(self, bit: int) -> np.ndarray:
        flags: np.ndarray = (self.bits & bit) > 0
        return flags

    def count(self, flags: np.ndarray) -> np.ndarray:
        """Sums of per-character `flags` over each unit."""
        return _per_unit(flags, self.starts)

    def units_with(self, needles: Sequence[str], lowered: bool = False, within: int = 200) -> list[int]:
        """Units in which a needle starts within their first `within` characters (a cheap pre-check)."""
        text = self.lowered if lowered else self.text
        hits: list[int] = []
        for needle in needles:
            at = text.find(needle)
            while at >= 0:
                hits.append(at)
                at = text.find(needle, at + 1)
        if not hits:
            return []
        at_array = np.array(hits)
        units = np.searchsorted(self.starts, at_array, side="right") - 1  # one search for all hits
        return sorted({int(u) for u in units[at_array - self.starts[units] < within]})


def _per_unit(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Sums of `flags` over the spans that begin at `starts` (the last runs to the end)."""
    total = np.concatenate([[0], np.cumsum(flags, dtype=np.int64)])
    bounds = np.append(starts, len(flags))
    out: np.ndarray = total[bounds[1:]] - total[bounds[:-1]]
    return out


def _char_columns(page: _PageText, base: np.ndarray) -> None:
    """Shares of punctuation, capitals, digits and separators, for all units at once."""
    col = UNIT_FEATURES.index
    n_words = np.maximum(np.rint(np.expm1(base[:, col("log_words")])), 1)
    n_chars = np.maximum(page.lengths, 1)
    upper = page.has(chars.UPPER)
    capital = upper & ~chars.after(page.has(chars.WORD))
    offset = np.arange(len(page.text)) - np.repeat(page.starts, page.lengths + 1)[: len(page.text)]
    base[:, col("log_chars")] = np.log1p(page.lengths)
    base[:, col("punct_per_word")] = page.count(page.has(chars.PUNCT)) / n_words
    base[:, col("title_case")] = page.count(capital) / n_words
    base[:, col("digit_share")] = page.count(page.has(chars.DIGIT)) / n_chars
    base[:, col("upper_share")] = page.count(upper) / n_chars
    separators = page.count(page.has(chars.SEPARATOR) & (offset < 200))
    base[:, col("separators")] = np.minimum(separators / n_words, 1.0)
    ends = _sentence_ends(page)
    sentences = np.bincount(np.searchsorted(page.starts, ends, side="right") - 1, minlength=len(page.starts))
    base[:, col("log_sentences")] = np.log1p(sentences)
    base[:, col("terminal")] = _terminal(page)
    base[:, col("question")] = page.points[page.ends - 1] == ord("?")
    base[:, col("starts_lower")] = page.has(chars.LOWER)[page.starts]
    # a unit with no letter or digit in its first 50 characters is a glyph row or an icon
    base[:, col("template")] = page.count(page.has(chars.WORD) & (page.points != 95) & (offset < 50)) == 0


def _sentence_ends(page: _PageText) -> np.ndarray:
    """Where sentences end: .!? then closing quotes or parentheses, then a space or the end.

    The same positions `re.finditer(r"[.!?][\"'”’)]*(?:\\s|$)")` would start at, found in numpy.
    """
    points, n = page.points, len(page.points)
    closer = page.has(chars.CLOSER) & (points != ord("]"))
    # for every position, the first position from there on that is not a closer (n: the end)
    plain = np.minimum.accumulate(np.where(np.append(closer, False), n, np.arange(n + 1))[::-1])[::-1]
    marks = np.flatnonzero((points == ord(".")) | (points == ord("!")) | (points == ord("?")))
    spaced = np.append(page.has(chars.WHITESPACE), True)  # the end counts as a space
    ends: np.ndarray = marks[spaced[plain[marks + 1]]]
    return ends


def _terminal(page: _PageText) -> np.ndarray:
    """Whether a unit ends a sentence: .!?… followed by at most three closing quotes or brackets."""
    bits = np.concatenate([page.bits, [0]])  # position -1 (before the first unit) reads as nothing
    closed = np.ones(len(page.ends), dtype=bool)
    terminal = np.zeros(len(page.ends), dtype=bool)
    for back in range(1, 5):
        inside = page.lengths >= back
        at = np.where(inside, page.ends - back, -1)
        terminal |= closed & inside & ((bits[at] & chars.TERMINAL) > 0)
        closed &= inside & ((bits[at] & chars.CLOSER) > 0)
    return terminal


def _word_columns(page: _PageText, stops: frozenset[str], base: np.ndarray) -> None:
    """Per unit: words, their mean length, stop-word density and furniture vocabulary."""
    col = UNIT_FEATURES.index
    lowered = page.lowered
    points = chars.codes(lowered)
    starts = np.concatenate([[0], np.flatnonzero(points == 10) + 1])
    # lower-casing keeps word characters word characters; only a change of length forces a new look-up
    same = len(points) == len(page.points)
    word = page.has(chars.WORD) if same else (chars.classes(points) & chars.WORD) > 0
    counts = _per_unit(word & ~chars.after(word), starts)
    tokens = chars.text_of(np.where(word, points, 32)).split()  # the \w+ runs, as re would find them
    owner = np.repeat(np.arange(len(counts)), counts)
    rank = np.arange(len(tokens)) - np.concatenate([[0], np.cumsum(counts)[:-1]])[owner]
    kinds = np.fromiter(map(_lexicon(stops).get, tokens, repeat(0)), np.int64, len(tokens))
    furniture = ((kinds & 2) > 0) & (rank < 40)
    hits = np.bincount(owner[furniture], minlength=len(counts)).astype(np.float64)
    for k in np.flatnonzero(((kinds & 4) > 0) & (rank < 39)):
        if k + 1 < len(tokens) and owner[k + 1] == owner[k]:
            hits[owner[k]] += f"{tokens[k]} {tokens[k + 1]}" in FURNITURE_PAIRS
    n_words = np.maximum(counts, 1)
    base[:, col("log_words")] = np.log1p(counts)
    base[:, col("stop_density")] = np.bincount(owner[(kinds & 1) > 0], minlength=len(counts)) / n_words
    base[:, col("furniture")] = np.minimum(hits / n_words * 4, 2.0)
    base[:, col("avg_word_len")] = _per_unit(word, starts) / n_words


@lru_cache(maxsize=8)
def _lexicon(stops: frozenset[str]) -> dict[str, int]:
    """Bits per word: 1 a stop word, 2 a furniture word, 4 the first word of a furniture pair."""
    lexicon: dict[str, int] = {}
    for bit, words in ((1, stops), (2, FURNITURE_WORDS), (4, PAIR_STARTS)):
        for word in words:
            lexicon[word] = lexicon.get(word, 0) | bit
    return lexicon


def _pattern_columns(units: Sequence[Unit], page: _PageText, base: np.ndarray) -> None:
    """Flags from patterns that only short units, or a unit's head, can match (checked there only)."""
    col = UNIT_FEATURES.index
    words = np.rint(np.expm1(base[:, col("log_words")]))
    texts = [unit.text for unit in units]
    placeholders = page.units_with(_PLACEHOLDERS, lowered=True)
    few = [i for i in placeholders if len(texts[i].split(None, 3)) <= 3]
    for i in sorted({*page.units_with(_TEMPLATE_NEEDLES), *few}):
        base[i, col("template")] = looks_templated(texts[i][:200])
    for i in page.units_with(("©", "copyright", "rights reserved"), lowered=True):
        low = texts[i][:200].lower()
        base[i, col("copyright")] = "©" in low or "copyright" in low or "rights reserved" in low
    for i in page.units_with(("http", "www.", "@"), lowered=True):
        base[i, col("linkish")] = _has_link(texts[i][:200], texts[i][:200].lower())
    credited = [i for i in page.units_with(_CREDIT_NEEDLES, lowered=True, within=10**9) if words[i] <= 25]
    base[credited, col("credit")] = [_CREDIT.search(texts[i]) is not None for i in credited]
    dated = np.flatnonzero((words <= 12) & (base[:, col("digit_share")] > 0))  # a date has digits
    base[dated, col("date_only")] = [_DATE_ONLY.match(texts[i]) is not None for i in dated]
    signed = [i for i in np.flatnonzero(words <= 12) if texts[i][:1] in _BYLINE_INITIALS]
    base[signed, col("byline")] = [_BYLINE.match(texts[i]) is not None for i in signed]
    base[:, col("bullet")] = [unit.bullet for unit in units]
    base[:, col("log_lines")] = np.log1p([unit.lines for unit in units])
    base[:, col("log_block_units")] = np.log1p([unit.block_units for unit in units])
    prose = (words >= 15) & (base[:, col("stop_density")] >= 0.25) & (base[:, col("terminal")] > 0)
    base[:, col("prose")] = prose
    base[:, col("position")], base[:, col("word_position")] = _positions(words)


def _has_link(head: str, lowered_head: str) -> bool:
    # substring checks first: the regex is the slow part and most units have no link
    if "http" in lowered_head or "www." in lowered_head or "@" in head:
        return bool(_LINKISH.search(head))
    return False


def _positions(words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(words)
    position = np.arange(n, dtype=np.float64) / max(n - 1, 1)
    total = max(words.sum(), 1.0)
    return position, (np.cumsum(words) - words / 2) / total


def _document_columns(units: Sequence[Unit], base: np.ndarray) -> None:
    """Columns that need the whole page: repetition and block sizes."""
    col = UNIT_FEATURES.index
    seen = Counter(unit.key for unit in units)
    base[:, col("repeated")] = [seen[unit.key] > 1 for unit in units]
    words = np.expm1(base[:, col("log_words")])
    blocks = np.fromiter((unit.block for unit in units), np.int64, len(units))
    totals = np.maximum(np.bincount(blocks, weights=words)[blocks], 1.0)
    base[:, col("block_word_share")] = words / totals
    base[:, col("log_block_words")] = np.log1p(totals)


def moving_sum(values: np.ndarray, width: int) -> np.ndarray:
    """Sum over a centred window of odd `width`, same length as `values` even when shorter."""
    half = width // 2
    return np.convolve(np.pad(values, (half, half)), np.ones(width), mode="valid")


def _context(base: np.ndarray) -> np.ndarray:
    n = len(base)
    picks = [UNIT_FEATURES.index(name) for name in
             ("log_words", "stop_density", "terminal", "bullet", "prose", "furniture")]
    columns = []
    for shift in (1, -1, 2, -2):  # prev, next, prev2, next2
        shifted = np.zeros((n, len(picks)))
        if shift > 0:
            shifted[shift:] = base[: n - shift, picks] if n > shift else shifted[shift:]
        else:
            shifted[:shift] = base[-shift:, picks] if n > -shift else shifted[:shift]
        columns.append(shifted)
    prose = base[:, UNIT_FEATURES.index("prose")] * np.expm1(base[:, 0])
    total = max(prose.sum(), 1.0)
    before = (np.cumsum(prose) - prose) / total
    after = 1.0 - before - prose / total
    near = moving_sum(base[:, UNIT_FEATURES.index("prose")], 7) / 7
    return np.hstack([*columns, np.column_stack([before, after, near])])
