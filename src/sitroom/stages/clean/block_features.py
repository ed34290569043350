"""Numbers that tell body text from page furniture, per unit and from its neighbours.

The same function feeds training (`train/clean_blocks.py`) and cleaning, so the shipped
weights always see features computed exactly as they were at training time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import furniture_hits, looks_templated

_WORD = re.compile(r"\w+", re.UNICODE)
_PUNCT = re.compile(r"[.,;:!?]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
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
_LINKISH = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
_SEPARATORS = re.compile(r"[|»›•·/]")
_UPPERCASE = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁΑ-Ω"
_UPPER = re.compile(f"[{_UPPERCASE}]")
_CAPITALISED = re.compile(f"(?<!\\w)[{_UPPERCASE}]")
_DIGIT = re.compile(r"\d")

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
    stops = stop_words(language)
    base = np.array([_unit_row(unit, stops) for unit in units], dtype=np.float64).reshape(
        len(units), len(UNIT_FEATURES) - 2
    )
    base = np.hstack([base, _positions(base)])
    _document_columns(units, base)
    return np.hstack([base, _context(base)])


def _unit_row(unit: Unit, stops: frozenset[str]) -> list[float]:
    text = unit.text
    words = _WORD.findall(text.lower())
    n_words = max(len(words), 1)
    chars = max(len(text), 1)
    stop_density = sum(map(stops.__contains__, words)) / n_words
    terminal = bool(_TERMINAL.search(text[-4:]))
    head = text[:200]  # furniture is short; scanning whole paragraphs only costs time
    lowered_head = head.lower()
    return [
        math.log1p(len(words)),
        math.log1p(len(text)),
        stop_density,
        len(_PUNCT.findall(text)) / n_words,
        float(terminal),
        math.log1p(len(_SENTENCE_END.findall(text))),
        float(unit.bullet),
        len(_CAPITALISED.findall(text)) / n_words,
        len(_DIGIT.findall(text)) / chars,
        len(_UPPER.findall(text)) / chars,
        min(furniture_hits(words) / n_words * 4, 2.0),
        float(looks_templated(head)),
        float("©" in head or "copyright" in lowered_head or "rights reserved" in lowered_head),
        float(len(words) <= 12 and bool(_DATE_ONLY.match(text))),
        float(len(words) <= 12 and bool(_BYLINE.match(text))),
        float(len(words) <= 25 and bool(_CREDIT.search(text))),
        float(_has_link(head, lowered_head)),
        min(len(_SEPARATORS.findall(head)) / n_words, 1.0),
        sum(map(len, words)) / n_words,
        float(text[:1].islower()),
        float(text.endswith("?")),
        0.0,  # repeated: filled per document
        math.log1p(unit.lines),
        math.log1p(unit.block_units),
        0.0,  # block_word_share: filled per document
        0.0,  # log_block_words: filled per document
        float(len(words) >= 15 and stop_density >= 0.25 and terminal),
    ]


def _has_link(head: str, lowered_head: str) -> bool:
    # substring checks first: the regex is the slow part and most units have no link
    if "http" in lowered_head or "www." in lowered_head or "@" in head:
        return bool(_LINKISH.search(head))
    return False


def _positions(base: np.ndarray) -> np.ndarray:
    n = len(base)
    position = np.arange(n, dtype=np.float64) / max(n - 1, 1)
    words = np.expm1(base[:, 0])
    total = max(words.sum(), 1.0)
    word_position = (np.cumsum(words) - words / 2) / total
    return np.column_stack([position, word_position])


def _document_columns(units: Sequence[Unit], base: np.ndarray) -> None:
    """Columns that need the whole page: repetition and block sizes."""
    col = UNIT_FEATURES.index
    keys = [unit.key for unit in units]
    seen = Counter(keys)
    words = np.expm1(base[:, col("log_words")])
    block_words: Counter[int] = Counter()
    for unit, count in zip(units, words, strict=True):
        block_words[unit.block] += count
    for i, unit in enumerate(units):
        base[i, col("repeated")] = float(seen[keys[i]] > 1)
        total = max(block_words[unit.block], 1.0)
        base[i, col("block_word_share")] = words[i] / total
        base[i, col("log_block_words")] = np.log1p(total)


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
