"""The plain-text cleaner: scraped text in, the article (body, title, dateline, date...) out.

Blocks are cut into units (paragraphs, list items, lines); a shipped classifier scores each
unit as body or furniture from its own and its neighbours' features; boilerplate learned
across the site, template markers and duplicated captions are removed; the metadata is read
from the units around the body, never from teasers after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

import numpy as np

from sitroom.model import Hints
from sitroom.stages.clean.block_features import FEATURES, stop_words, unit_matrix
from sitroom.stages.clean.block_model import best_run, body_probability
from sitroom.stages.clean.blocks import Unit, split_units
from sitroom.stages.clean.boilerplate import BoilerplateProfile, ends_article, group_key
from sitroom.stages.clean.dates import date_from_url
from sitroom.stages.clean.extraction import Extraction
from sitroom.stages.clean.header import Header, read_header
from sitroom.stages.clean.mojibake import repair as repair_mojibake
from sitroom.stages.clean.outlet import closing_credit, find_outlet, find_wire, house_name
from sitroom.stages.clean.rejection import rejection_reason
from sitroom.stages.clean.shapes import author_box, drop_repeats, furniture, navigation
from sitroom.stages.clean.textmeta import (
    dateline_date,
    dateline_with_year,
    detect_language,
    find_dateline,
    opens_with_dateline,
    plainly_english,
)

THRESHOLD = 0.5
# Longest site-recurring unit still read as a section heading when the body runs on both sides of it.
HEADING_WORDS = 8
# A closing heading only ends the article once this share of its words came before it.
TAIL_SHARE = 0.6
# A comment-section heading ("12 thoughts on “Title”") only needs some of the story above it: it
# never opens a page, while the comments below can outweigh the story.
COMMENTS_SHARE = 0.1
# The score a prose paragraph right after the body needs to count as its last one.
LAST_PARAGRAPH = 0.2
# The score a prose paragraph right before the body needs to count as its lead.
FIRST_PARAGRAPH = 0.3
# A lead is dense with names (who, where): fewer function words than the paragraphs after it.
LEAD_DENSITY = 0.15
_SENTENCE_END = (".", "!", "?", '"', "”", "’")
# A news lead says who reported it: '..., the General Staff reported.'
_ATTRIBUTED = re.compile(r"\b(?:said|says|reported|reports|told|according to|announced|confirmed)\b")
# When too little clears THRESHOLD, units above this score count as (weak) evidence of body.
RESCUE_FLOOR = 0.25
# Fewer kept words than this is short for a news story (a few sentences): then look for a run of
# units with more evidence of body. On tune pages any value from 80 to 120 words scores the same.
SHORT_BODY = 100
# How far above the story a release number may stand (title, issuer, number, 'For Immediate Release').
HEAD_UNITS = 8
# Without a headline, a caption may sit this many units above the first paragraph (a lead picture).
CAPTION_LEAD = 6


@dataclass(frozen=True, slots=True)
class Page:
    """One page's units with their body scores; `keep` marks the body."""

    units: list[Unit]
    matrix: np.ndarray  # unit features (block_features.FEATURES)
    scores: np.ndarray
    keep: np.ndarray
    captions: frozenset[int]  # first copy of a caption printed twice
    copies: frozenset[int]  # the other copies


def clean_text(
    text: str,
    hints: Hints | None = None,
    profile: BoilerplateProfile | None = None,
    group: str | None = None,
) -> Extraction:
    """Clean one scraped text. `group` names its site for the profile (default: from hints)."""
    hints = hints or Hints()
    units = split_units(repair_mojibake(text))
    if not units:
        return Extraction(body="", rejected="empty")
    # 1. language first: the stop-word features depend on it
    language = hints.language or _language(units)
    # 2. score units, then remove what the site's other pages and the template say is junk
    page = _score(units, language, profile, group or group_key(hints))
    # 3. metadata from the head of the body, the body itself, and its tail
    header = read_header(
        page.units, page.keep, page.captions | page.copies, hints.url, page.matrix, page.scores
    )
    # a lone navigation word ("About") leaves the body, not the head the rankers were trained on
    dropped = header.used | set(navigation([unit.key for unit in page.units]))
    body_units = [int(i) for i in np.flatnonzero(page.keep) if i not in dropped]
    texts = [unit.text for unit in page.units]
    box = author_box(texts, body_units, header.byline)
    body_units = body_units[: len(body_units) - len(box)]
    body = assemble(page.units, body_units)
    first = page.units[body_units[0]].text if body_units else ""
    last = page.units[body_units[-1]].text if body_units else ""
    end = body_units[-1] if body_units else 0
    house, credited = closing_credit(texts[end + 1]) if body_units and end + 1 < len(texts) else (None, None)
    wire = find_wire(last, first) or credited
    furniture = texts[end + 1 :] + (texts[: body_units[0]] if body_units else [])
    # the page's own brand (copyright line, paywall, about box, credit line) before the wire it carries
    outlet = find_outlet(texts[end + 1 :][-15:], texts) or house_name(furniture, texts) or house or wire
    # "KABUL, Afghanistan (Oct. 10, 2011) —", or "(Oct. 10)" under the release number "2011-10-S-034"
    head = texts[max(0, body_units[0] - HEAD_UNITS) : body_units[0]] if body_units else []
    # a dated URL path (/2025/09/04/slug) is the publisher's own record of the day, as on the HTML track
    url_day = date_from_url(hints.url)
    published = url_day or header.published or dateline_date(first) or dateline_with_year(first, head)
    extraction = Extraction(
        body=body,
        title=header.title,
        subtitle=header.subtitle,
        outlet=outlet,
        byline=header.byline,
        dateline=find_dateline(first),
        wire=wire,
        published=published,
        published_basis="metadata" if url_day else "text" if published else None,
        language=language,
        captions=_body_captions(page.units, page.captions, body_units, header.title_at),
    )
    reason = rejection_reason(page.units, body_units, page.scores)
    return extraction if reason is None else _rejected(extraction, reason)


def warm_up() -> None:
    """Load every lazily loaded resource now (a worker's first page then costs no more than others)."""
    from sitroom.stages.clean.block_model import load_model
    from sitroom.stages.clean.textmeta import _language_model

    load_model()
    _language_model()
    clean_text("Warm-up.\n\nA short text so that every lazy table is built once.")


def _language(units: Sequence[Unit]) -> str | None:
    """ISO code of the page's language, judged on its longest units (the likely body)."""
    longest = sorted(units, key=lambda unit: len(unit.key), reverse=True)[:12]
    words = " ".join(unit.key for unit in longest).split()
    if plainly_english(words, stop_words("en")):
        return "en"
    return detect_language(" ".join(unit.text for unit in longest)[:3000])


def _score(units: list[Unit], language: str | None, profile: BoilerplateProfile | None,
           group: str | None) -> Page:
    matrix = unit_matrix(units, language)
    scores = body_probability(matrix)
    keys = [unit.key for unit in units]
    junk = profile.junk_for(group) if profile else frozenset()
    flagged = [key in junk for key in keys]
    # Syndicated copies of one story would flag their own prose: then trust only short matches.
    words = [key.count(" ") + 1 if key else 0 for key in keys]  # keys are single-spaced
    if sum(w for w, f in zip(words, flagged, strict=True) if f) > 0.6 * max(sum(words), 1):
        flagged = [f and w < 30 for f, w in zip(flagged, words, strict=True)]
    flagged_at = _site_headings_inside_body(np.array(flagged, dtype=bool), scores, words)
    templated = matrix[:, FEATURES.index("template")] > 0
    scores[flagged_at | templated] = 0.0
    lowered = [unit.text.lower() for unit in units]
    captions, copies = _duplicated_captions(lowered)
    scores[list(copies)] = 0.0
    scores[furniture(units, lowered)] = 0.0
    keep = scores >= THRESHOLD
    keep[list(captions)] = False
    keep = _cut_tail(units, keep)
    if _word_count(units, keep) < SHORT_BODY:
        keep = _rescue(scores, keep, [len(unit.text.split()) for unit in units])
        keep[list(captions)] = False
    keep = _keep_lead(units, keep)
    keep = _head_above_dateline(units, keep)
    keep = _keep_last_paragraph(units, scores, keep, matrix)
    keep = _keep_first_paragraph(units, scores, keep, matrix)
    keep = drop_repeats(lowered, keep)
    return Page(units, matrix, scores, keep, frozenset(captions), frozenset(copies))


def _site_headings_inside_body(flagged: np.ndarray, scores: np.ndarray, words: Sequence[int]) -> np.ndarray:
    """Site-recurring units, less the short ones between two body units: the site's section headings.

    A review template prints "What we like" in every article, inside the story it heads.
    """
    if not flagged.any():
        return flagged
    body = (scores >= THRESHOLD) & ~flagged
    inside = np.zeros(len(flagged), dtype=bool)
    inside[1:-1] = body[:-2] & body[2:]
    return flagged & ~(inside & (np.asarray(words) <= HEADING_WORDS))


def _cut_tail(units: Sequence[Unit], keep: np.ndarray) -> np.ndarray:
    """Drop what follows a closing heading ("Related stories", "Reporting by ...") past the body's middle."""
    kept = np.flatnonzero(keep)
    if len(kept) < 2:
        return keep
    seen = np.cumsum([unit.key.count(" ") + 1 if k else 0 for unit, k in zip(units, keep, strict=True)])
    for i in range(int(kept[0]) + 1, len(units)):
        closing = ends_article(units[i].key, units[i].text)
        share = COMMENTS_SHARE if closing == "comments" else TAIL_SHARE
        if closing == "heading" and (links := _inline_link_box(units, keep, i)):
            keep = keep.copy()
            keep[links] = False
            continue
        if closing and seen[i] >= share * seen[-1]:
            cut = keep.copy()
            cut[i + 1 :] = False
            cut[i] = keep[i] and closing == "credit"  # an agency credit line is the story's own last line
            return cut
    return keep


# A box of links that may sit inside the story: related or recommended reading, a newsletter sign-up.
_LINK_BOX = re.compile(
    r"(related|recommended|read more|more (from|on|in|stories|articles|news)|you (may|might)|"
    r"popular|trending|subscribe|sign up|newsletter|most (read|popular|viewed)|also read)"
)
RESUME_PARAGRAPHS = 3  # long kept paragraphs ...
RESUME_WORDS = 40  # ... of this many words or more ...
RESUME_WITHIN = 8  # ... among the units just after a link box's heading: the story goes on below the box
LINK_WORDS = 16  # a link's title in the box is shorter than this and has no closing stop


def _inline_link_box(units: Sequence[Unit], keep: np.ndarray, at: int) -> list[int]:
    """An inline box of links ("Related Articles" over two titles) with the story's paragraphs below it.

    Returns the box's heading and its link lines (short, unpunctuated), or nothing when the story does
    not go on below the heading. Reference lists are no link box: their long entries are not the story.
    """
    if not _LINK_BOX.match(units[at].key):
        return []
    after = range(at + 1, min(len(units), at + 1 + RESUME_WITHIN))
    paragraphs = [j for j in after if keep[j] and units[j].key.count(" ") + 1 >= RESUME_WORDS]
    if len(paragraphs) < RESUME_PARAGRAPHS:
        return []
    links = [j for j in range(at + 1, paragraphs[0]) if units[j].key.count(" ") < LINK_WORDS
             and not units[j].text.rstrip().endswith((".", "!", "?", ":"))]
    return [at, *links]


def _keep_lead(units: Sequence[Unit], keep: np.ndarray) -> np.ndarray:
    """A unit just above the body that opens with a dateline ("SEOUL --") is the body's first paragraph.

    The classifier can miss a lead cut short by a hard wrap; it is never the headline.
    """
    kept = np.flatnonzero(keep)
    if not len(kept):
        return keep
    start = int(kept[0])
    for i in range(start - 1, max(-1, start - 4), -1):
        if units[i].block != units[start - 1].block:
            break  # only within the block just above the body: a separate block may be a teaser
        if opens_with_dateline(units[i].text):
            lead = keep.copy()
            lead[i:start] = True
            return lead
    return keep


def _keep_last_paragraph(
    units: Sequence[Unit], scores: np.ndarray, keep: np.ndarray, matrix: np.ndarray
) -> np.ndarray:
    """The prose paragraph just after the body's last unit, before the page furniture, ends the story.

    Its context (furniture below, nothing after it) pulls its score down; its own text says prose.
    """
    kept = np.flatnonzero(keep)
    last = int(kept[-1]) + 1 if len(kept) else len(units)
    if last >= len(units) or scores[last] < LAST_PARAGRAPH or not _prose_like(matrix[last]):
        return keep
    if units[last].block == units[last - 1].block or ends_article(units[last].key, units[last].text):
        return keep
    extended = keep.copy()
    extended[last] = True
    return extended


def _keep_first_paragraph(
    units: Sequence[Unit], scores: np.ndarray, keep: np.ndarray, matrix: np.ndarray
) -> np.ndarray:
    """The attributed prose paragraph just before the body's first unit opens it: the news lead.

    The headline, byline and date lines above it pull a lead's score down; its own text says prose,
    and news, where it names its source ('..., the General Staff reported.').
    """
    kept = np.flatnonzero(keep)
    if not len(kept) or kept[0] == 0:
        return keep
    first = int(kept[0]) - 1
    if scores[first] < FIRST_PARAGRAPH or not _prose_like(matrix[first], LEAD_DENSITY):
        return keep
    text = units[first].text
    if units[first].block == units[first + 1].block or not text.endswith(_SENTENCE_END):
        return keep
    if not _ATTRIBUTED.search(text):  # a caption, a bio or a disclosure line reports nothing
        return keep
    extended = keep.copy()
    extended[first] = True
    return extended


def _head_above_dateline(units: Sequence[Unit], keep: np.ndarray) -> np.ndarray:
    """A story starts at its dateline ("SEOUL --"): unpunctuated lines kept just above it are its head."""
    kept = np.flatnonzero(keep)[:3]
    for n, i in enumerate(kept[1:], start=1):
        if opens_with_dateline(units[int(i)].text):
            above = kept[:n]
            if all(not units[int(j)].text.endswith((".", "!", "?", '"', "”")) for j in above):
                head = keep.copy()
                head[above] = False
                return head
            break
    return keep


def _prose_like(row: np.ndarray, density: float = 0.25) -> bool:
    """Long and full of function words; it may end in a wire credit instead of a full stop."""
    long = row[FEATURES.index("log_words")] >= np.log1p(15)
    return bool(long and row[FEATURES.index("stop_density")] >= density)


def _body_captions(
    units: Sequence[Unit], captions: Set[int], body_units: Sequence[int], title_at: int | None
) -> tuple[str, ...]:
    """The captions of the story's own pictures: between its headline and its last paragraph.

    A teaser printed twice under "Recommended for You" (its picture's alt text, then its link) or a
    paywall promo repeated in the page's tail has the same shape but belongs to no picture of the story.
    """
    if not body_units:
        return ()
    start = body_units[0] - CAPTION_LEAD if title_at is None else min(title_at, body_units[0])
    return tuple(units[i].text for i in sorted(captions) if start <= i <= body_units[-1])


def _duplicated_captions(keys: Sequence[str]) -> tuple[set[int], set[int]]:
    """A text repeated within three units is an image caption printed twice (alt text + caption)."""
    captions: set[int] = set()
    copies: set[int] = set()
    if not any(a == b for gap in (1, 2, 3) for a, b in zip(keys, keys[gap:], strict=False)):
        return captions, copies  # nothing repeats within three units (most pages)
    for i, key in enumerate(keys):
        if i in copies or not 3 <= key.count(" ") + 1 <= 80:
            continue
        for j in range(i + 1, min(i + 4, len(keys))):
            if keys[j] == key:
                captions.add(i)
                copies.add(j)
    return captions, copies


def _rescue(scores: np.ndarray, keep: np.ndarray, words: Sequence[int]) -> np.ndarray:
    """When too little clears the bar, also keep the run with the most word-weighted evidence of body.

    A maximum-sum segment of (score - RESCUE_FLOOR) x words: one long, middling paragraph outweighs
    a short, higher-scored menu item, and a page scored all-low still yields its likeliest run.
    """
    best_start, best_end, best = best_run((scores - RESCUE_FLOOR) * np.asarray(words, dtype=np.float64))
    if best <= 0:
        return keep  # no run with more evidence for than against
    rescued = keep.copy()
    rescued[best_start : best_end + 1] = True
    return rescued


def _word_count(units: Sequence[Unit], keep: np.ndarray) -> int:
    return sum(len(units[int(i)].text.split()) for i in np.flatnonzero(keep))


def assemble(units: Sequence[Unit], indices: Sequence[int]) -> str:
    """Body text: paragraphs apart by a blank line, lines of one block by a newline."""
    parts: list[str] = []
    previous_block = None
    for i in indices:
        unit = units[i]
        if parts:
            parts.append("\n" if unit.block == previous_block else "\n\n")
        parts.append(f"- {unit.text}" if unit.bullet else unit.text)
        previous_block = unit.block
    return "".join(parts)


def _rejected(extraction: Extraction, reason: str) -> Extraction:
    from dataclasses import replace

    return replace(extraction, rejected=reason)


__all__ = ["Extraction", "Header", "assemble", "clean_text", "warm_up"]
