"""Why a cleaned page is not an article: empty, too short, an error page, a paywall, an index."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from sitroom.stages.clean.blocks import Unit

MIN_BODY_WORDS = 40
# A news brief is shorter but still a story: one full sentence of at least BRIEF_SENTENCE words
# ("KABUL (May 15) – A coalition force detained two suspected insurgents in Khost province today.").
MIN_BRIEF_WORDS = 20
BRIEF_SENTENCE = 15
_ERROR = re.compile(
    r"\b(?:404|page not found|not found|no longer available|does not exist|has been removed|"
    r"access denied|forbidden|server error|something went wrong)\b",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"\b(?:subscribe|subscription|subscribers? only|to continue reading|keep reading|premium|"
    r"log ?in to read|sign in to read|already a subscriber|paywall|free articles?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def rejection_reason(units: Sequence[Unit], body: Sequence[int], scores: np.ndarray) -> str | None:
    """None for an article; otherwise a reason, "category: detail" ("too_short: ...", "not_article: ...")."""
    page_text = " ".join(unit.text for unit in units)
    if not page_text.strip():
        return "empty"
    words = [len(units[i].text.split()) for i in body]
    if sum(words) < MIN_BODY_WORDS and not _brief(units, body, words):
        return _short_reason(units, page_text, sum(words))
    if _index_like(units, body, words):
        return "not_article: index page (a list of headlines, no running text)"
    return None


def _brief(units: Sequence[Unit], body: Sequence[int], words: Sequence[int]) -> bool:
    """A short story told in full sentences: a news brief, not a scrap of a page."""
    if sum(words) < MIN_BRIEF_WORDS:
        return False
    pairs = zip(body, words, strict=True)
    return any(n >= BRIEF_SENTENCE and _SENTENCE_END.search(units[i].text) for i, n in pairs)


def _short_reason(units: Sequence[Unit], page_text: str, kept: int) -> str:
    head = " ".join(unit.text for unit in units[:40])
    if len(page_text.split()) < 400 and _ERROR.search(head):
        return "not_article: error page"
    if _PAYWALL.search(page_text):
        return "not_article: paywalled stub (only an offer to subscribe is readable)"
    return f"too_short: too little text for an article ({kept} words kept)"


def _index_like(units: Sequence[Unit], body: Sequence[int], words: Sequence[int]) -> bool:
    """Many short kept units and almost no sentences: a section front, not a story."""
    if len(body) < 12:
        return False
    sentences = sum(
        1 for i, n in zip(body, words, strict=True) if n >= 15 and _SENTENCE_END.search(units[i].text)
    )
    return sentences <= 1 and sum(words) / len(body) < 12
