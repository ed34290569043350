"""Which unit of scraped text is the headline: a small ranker over the units around the body's start.

A flattened page prints its headline once or more (breadcrumb, heading, share text) among menu
items, teasers, button labels and section headings. Rules that take "the nearest headline-like
line above the body" pick a menu item or a "Table of Contents" as often as the headline. The ranker
weighs what tells them apart together: where the unit lies against the body's main run, its shape
(length, capitals, no full stop), whether the lead repeats its words, whether the URL's slug names
it, whether a byline or date line follows it, and how often the page prints it. Gradient-boosted
trees trained by `train/clean_title.py`, walked with numpy (`block_model.Forest`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from sitroom.config import RESOURCES_DIR
from sitroom.stages.clean.block_features import UNIT_FEATURES, stop_words
from sitroom.stages.clean.block_model import Forest, best_run, load_forest
from sitroom.stages.clean.blocks import Unit
from sitroom.stages.clean.boilerplate import FURNITURE_WORDS
from sitroom.stages.clean.textmeta import opens_with_dateline

TITLE_PATH = RESOURCES_DIR / "clean_title.npz"
# Candidates: units from this many units before the body's start to this many after.
BEFORE, AFTER = 40, 20
MAX_WORDS = 25  # a headline longer than this is very rare (none among the tuning pages); a paragraph is not
LEAD_WORDS = 200  # the words of the body's opening that a headline's words are looked up in
_WORD = re.compile(r"\w+")
_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}$")
_SEPARATOR = re.compile(r"\s[|•·]\s|\s[-–—]\s")
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
_OWN = (
    "body_score", "next_score", "next3_score", "prev_score", "kept", "before_first_kept", "before_main",
    "after_main", "main_inside", "kept_words_before", "slug_share", "slug_extra", "lead_share",
    "lead_hits", "copies", "copies_before", "separator", "ends_colon", "next_meta",
    "prev_meta", "candidate_rank", "heading_rank", "relative_length", "rule_title", "rule_subtitle",
)
TITLE_FEATURES = UNIT_FEATURES + _OWN


def candidates(
    units: Sequence[Unit], matrix: np.ndarray, keep: np.ndarray,
    rule: tuple[int | None, int | None] = (None, None),
) -> np.ndarray:
    """Indices of the units that may be the headline, in reading order: units of 3-25 words around the
    body's start, and what the rule picks (a two-word headline, "2024 Regatta")."""
    words = np.rint(np.expm1(matrix[:, UNIT_FEATURES.index("log_words")]))
    first = _first_kept(keep, len(units))
    main_start, _ = _main_run(matrix, keep)
    low = max(0, min(first, main_start) - BEFORE)
    high = min(len(units), max(first, main_start) + AFTER)
    index = np.arange(low, high)
    shape = (words[low:high] >= 3) & (words[low:high] <= MAX_WORDS) & (matrix[low:high, 6] == 0)  # 6: bullet
    # a story's dateline ("KABUL, Afghanistan (Feb. 9, 2011)") heads its body, never the page
    texts = {int(i): units[int(i)].text for i in index[shape]}
    chosen = {
        i for i, text in texts.items()
        if not (_sentence(text) or opens_with_dateline(text) or ui_label(units[i].key.split()))
    }
    chosen.update(i for i in rule if i is not None)
    return np.array(sorted(chosen), dtype=np.intp)


def _sentence(text: str) -> bool:
    """Ends in a full stop that is not an initialism's ("in the U.S."): a sentence, not a headline."""
    return text.endswith(".") and not _INITIALISM.search(text)


def title_features(
    units: Sequence[Unit], matrix: np.ndarray, scores: np.ndarray, keep: np.ndarray, url: str | None,
    chosen: np.ndarray, rule: tuple[int | None, int | None] = (None, None),
) -> np.ndarray:
    """One row of TITLE_FEATURES per index in `chosen` (from `candidates`); `rule` is what
    `header.rule_title` picks (title, subtitle)."""
    n = len(units)
    first = _first_kept(keep, n)
    main_start, main_end = _main_run(matrix, keep)
    words = np.rint(np.expm1(matrix[:, UNIT_FEATURES.index("log_words")]))
    kept_before = np.concatenate([[0.0], np.cumsum(np.where(keep, words, 0.0))])[chosen]
    total_kept = max(float(np.where(keep, words, 0.0).sum()), 1.0)
    meta = (matrix[:, UNIT_FEATURES.index("date_only")] > 0) | (matrix[:, UNIT_FEATURES.index("byline")] > 0)
    padded = np.concatenate([[0.0], scores, np.zeros(3)])  # padded[i + 1] is scores[i]
    keys = [unit.key for unit in units]
    positions: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        positions[key].append(i)
    slug = slug_words(url)
    lead = _lead_words(units, keep)
    stops = stop_words("en")
    text_rows = np.zeros((len(chosen), 9))
    for row, i in enumerate(map(int, chosen)):
        unit = units[i]
        tokens = set(unit.key.split())  # a key is word runs joined by single spaces
        content = {t for t in tokens if t not in stops and not t.isdigit()}
        hits = len(content & lead)
        same = positions[unit.key]
        text_rows[row] = (
            len(slug & tokens) / len(slug) if slug else -1.0,
            len(tokens - slug) if slug else -1.0,
            hits / len(content) if content else 0.0,
            hits,
            len(same),
            bisect_left(same, i) - bisect_left(same, i - BEFORE),
            float(bool(_SEPARATOR.search(unit.text))),
            float(unit.text.endswith(":")),
            not unit.text.endswith((".", "!", ",", ";")) and words[i] <= 25,
        )
    before = chosen < first
    # rank of each candidate counted back from the body's start, nearest first; from the top for shaped ones
    back_rank = np.where(before, int(before.sum()) - 1 - np.cumsum(before) + 1, -1)
    heading_rank = np.where(before, np.cumsum(text_rows[:, 8] * before), -1)
    columns = [
        padded[chosen + 1],
        padded[chosen + 2],
        (padded[chosen + 2] + padded[chosen + 3] + padded[chosen + 4]) / 3,
        padded[chosen],
        keep[chosen].astype(np.float64),
        np.clip(first - chosen, -BEFORE, BEFORE),
        np.clip(main_start - chosen, -BEFORE, BEFORE),
        np.clip(chosen - main_end, -BEFORE, BEFORE),
        ((chosen >= main_start) & (chosen <= main_end)).astype(np.float64),
        kept_before / total_kept,
        *text_rows[:, :8].T,
        _distance(meta, chosen, 1),
        _distance(meta, chosen, -1),
        back_rank,
        heading_rank,
        words[chosen] / max(float(np.median(words[chosen])), 1.0),
        (chosen == (-1 if rule[0] is None else rule[0])).astype(np.float64),
        (chosen == (-1 if rule[1] is None else rule[1])).astype(np.float64),
    ]
    return np.hstack([matrix[chosen, : len(UNIT_FEATURES)], np.column_stack(columns)])


def pick_title(
    units: Sequence[Unit], matrix: np.ndarray, scores: np.ndarray, keep: np.ndarray, url: str | None,
    skip: set[int] | frozenset[int] = frozenset(), rule: tuple[int | None, int | None] = (None, None),
    floor: float = 0.0, path: Path = TITLE_PATH,
) -> int | None:
    """The index of the likeliest headline unit, or None when no candidate clears `floor`."""
    if int(keep.sum()) <= 1:
        skip = {*skip, *map(int, np.flatnonzero(keep))}  # a one-unit body is never its own headline
    chosen = np.array([i for i in candidates(units, matrix, keep, rule) if int(i) not in skip], dtype=np.intp)
    if not len(chosen):
        return None
    rows = title_features(units, matrix, scores, keep, url, chosen, rule)
    probability = load_title_model(path).probability(rows)
    best = int(np.argmax(probability))
    return int(chosen[best]) if probability[best] > floor else None


@lru_cache(maxsize=2)
def load_title_model(path: Path = TITLE_PATH) -> Forest:
    return load_forest(path, "t", TITLE_FEATURES, "train/clean_title.py")


def _first_kept(keep: np.ndarray, n: int) -> int:
    kept = np.flatnonzero(keep)
    return int(kept[0]) if len(kept) else n


def _main_run(matrix: np.ndarray, keep: np.ndarray) -> tuple[int, int]:
    """The longest stretch of kept words (first and last unit), gaps of furniture costing their words."""
    if not len(keep):
        return 0, 0
    words = np.rint(np.expm1(matrix[:, UNIT_FEATURES.index("log_words")]))
    start, end, _ = best_run(np.where(keep, words, -0.5 * words))
    return start, end


def _lead_words(units: Sequence[Unit], keep: np.ndarray) -> set[str]:
    """The distinct words of the body's first LEAD_WORDS words."""
    out: list[str] = []
    for i in np.flatnonzero(keep):
        out.extend(units[int(i)].key.split())
        if len(out) >= LEAD_WORDS:
            break
    return set(out[:LEAD_WORDS])


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's last path segment ("/2024/05/harbour-to-close-quay"), when it has two or more."""
    if not url:
        return set()
    path = urlsplit(url).path.rstrip("/")
    last = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = [w for w in re.split(r"[-_+]+", last.lower()) if w and not w.isdigit()]
    return set(words) if len(words) >= 2 else set()


def _distance(flags: np.ndarray, at: np.ndarray, step: int) -> np.ndarray:
    """Units from each index to the nearest flagged one in direction `step` (at most 4; 5 when none)."""
    padded = np.concatenate([np.zeros(4, dtype=bool), flags, np.zeros(4, dtype=bool)])
    out = np.full(len(at), 5.0)
    for k in range(4, 0, -1):  # nearest last, so it wins
        out[padded[at + 4 + step * k]] = float(k)
    return out


def ui_label(words: list[str]) -> bool:
    """A button or tool label: a few words, all of the share-bar and page-furniture vocabulary."""
    return len(words) <= 6 and all(
        word in _UI_WORDS or word in FURNITURE_WORDS or word.isdigit() for word in words
    )
