"""Shapes of page furniture that the block classifier misses, read off the units' text.

Each rule names one shape that no article body has: a designer's filler text, an advertisement
slot's label, a shop button, a picture's credit, credited caption or alt text, an inline teaser ("Also read:
..."), a carousel of signed reviews, a newsletter platform's subscription box, a teaser link printing
its title twice, a second copy of the whole story under the first, and the author's box under the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from sitroom.stages.clean.blocks import Unit

# A designer's filler text, or the label over an advertisement slot: never anyone's article.
_AD_LABEL = re.compile(
    r"\W*(?:advertisement|advertising|sponsored|sponsor message|paid content|"
    r"(?:story|article) continues below(?: this)? (?:advertisement|ad))\W*$"
)
# A wire story's end mark on a line of its own: "(END)", "-END-", "###", "-30-", "(MORE)".
_END_MARK = re.compile(r"\W*(?:end|ends|more|30)\W*$|#{3,}\s*$")
# A shop button or a link's label on a line of its own: "Buy on Amazon", "Check Price", "Open in a new tab",
# "$1,599.00 from Lowe's".
_BUTTON = re.compile(
    r"\W*(?:buy(?: it)?(?: now)?(?: (?:on|at|from) [\w .]{1,25})?|shop now|"
    r"check (?:current )?price(?: on [\w .]{1,25})?|see (?:price|deal|more reviews)|view (?:deal|price)|"
    r"get (?:the )?deal|learn more|open in a new tab|book (?:now|a demo)|read (?:the |full )?review|"
    r"see the rating|(?:back|return) to top|jump to|table of contents|"
    r"(?:[$£€]\s?[\d,.]+|(?:usd|eur|gbp) [\d,.]+) (?:at|from|on|@) [\w'’ .&-]{1,30})\W*$"
)
# A navigation word alone: "About" was kept on 215 pages and is a line of its own in one page's gold.
# Left out of the body only: the headline and byline rankers read these lines' scores as they were.
_NAVIGATION = frozenset(
    ("about", "back", "next", "prev", "previous", "all", "by", "more", "other", "map", "source")
)
# A picture's credit line: "Photo credit: Ada Berg", "(Image credit: Getty)", "Credit: Reuters".
_CREDIT = re.compile(
    r"\W*(?:(?:image|photo|picture|header image|featured image)s? (?:credit|source|courtesy)s?|credits?)"
    r"\s*[:\-–—]\s*\S.{0,120}$"
)
# A picture's caption that ends on its credit: "... spending days on the trail. Credit: Ada Berg".
_ENDS_ON_CREDIT = re.compile(
    r"(?:\b(?i:credit|photo|photograph|image|picture|photo credit|image credit)s?:\s*|"
    r"\b(?i:photo|picture) by )"
    r"[A-Z][\w.’'&/-]*(?:\s(?:[A-Z][\w.’'&/-]*|/|via|for|of|and))*\)?\.?$"
)
CAPTION_WORDS = 60  # longer than a caption: a paragraph that happens to end on a credit
# A picture's alt text printed as a line: "Screenshot of a dashboard showing ...", "Illustration of ...".
_ALT_TEXT = re.compile(
    r"(?:an? )?(?:(?:photo|image|picture|screenshot|illustration|graphic|infographic|diagram|chart|graph|"
    r"rendering|close-up|closeup)s? (?:of|showing|depicting|illustrating)\b|screenshot\b)"
)
# ... unless its first sentence tells something: "A photo of the suspect was released on Monday."
_TELLS = re.compile(
    r"\b(?:was|were|is|are|has|have|had|will|would|went|appeared|emerged|circulated|released|posted|shared|"
    r"taken|published|obtained)\b"
)
# A newsletter platform's own subscription box: "X is a reader-supported publication. To receive ...".
_SUBSCRIBE_BOX = re.compile(
    r".{0,80}(?:is a reader-supported publication|subscribe for free to receive new posts)"
)
# An inline teaser for another story: "Also read: ...", "READ MORE: ...", "See also - ...".
_TEASER = re.compile(
    r"\W*(?:also read|read also|read more|related|see also|read next|recommended|suggested reading)"
    r"\s*[:|–—-].{0,200}$"
)
# A reviewer's signature under a testimonial: "Mallory R.", "A. Rae V. B.", "- Jan A."
_SIGNATURE = re.compile(r"[-–—~]?\s?(?:[A-Z]\.\s?)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:\s[A-Z]\.){1,2}")
# Signed testimonials in a row (each within this many units of the last) are a reviews carousel.
TESTIMONIALS, SIGNATURE_GAP = 3, 3
# A unit that prints one phrase (of this many characters or more) twice in a row is a teaser link.
TWICE_CHARS = 12
TWICE_MAX = 500  # two titles or captions; longer text that repeats is prose printed twice, not a link
# A second copy of the story: at least this many paragraphs and words repeated in order.
REPEAT_RUN, REPEAT_WORDS = 5, 100


# The line shapes above that must fill the whole line, tried as one pattern (one call per unit).
_WHOLE_LINE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_AD_LABEL, _BUTTON, _CREDIT, _TEASER, _END_MARK))
)
SHORT_CHARS = 300  # a subscription box is shorter; so is every whole-line shape


def furniture(units: Sequence[Unit], lowered: Sequence[str]) -> list[int]:
    """The units (by index) that are furniture by their shape alone, whatever the classifier says."""
    shaped = [i for i, (unit, low) in enumerate(zip(units, lowered, strict=True)) if _shaped(unit.text, low)]
    return sorted({*shaped, *review_carousel(units)})


def _shaped(text: str, lowered: str) -> bool:
    """One unit's shape; the cheap tests first, so that a long paragraph costs a few length checks."""
    if "lorem ipsum" in lowered:
        return True
    if len(lowered) < SHORT_CHARS and (_WHOLE_LINE.match(lowered) or _SUBSCRIBE_BOX.match(lowered)):
        return True
    if len(text) <= TWICE_MAX + 10 and printed_twice(text):  # it strips a bullet before measuring
        return True
    if len(lowered) > 2 * CAPTION_WORDS and len(lowered.split(None, CAPTION_WORDS)) > CAPTION_WORDS:
        return False  # (a text of 2n characters or fewer cannot hold more than n words)
    return alt_text(lowered) or (_may_credit(lowered) and _ENDS_ON_CREDIT.search(text) is not None)


def _may_credit(lowered: str) -> bool:
    """Whether a credit's label can be in the text at all (searching for the pattern costs far more)."""
    return "credit" in lowered or "photo" in lowered or "image" in lowered or "picture" in lowered


def alt_text(lowered: str) -> bool:
    """A picture's description on its own line, not a sentence about a picture."""
    if not _ALT_TEXT.match(lowered) or len(lowered.split(None, CAPTION_WORDS)) > CAPTION_WORDS:
        return False
    return _TELLS.search(lowered.split(". ", 1)[0]) is None


def navigation(keys: Sequence[str]) -> list[int]:
    """The units whose key (punctuation already gone) is one navigation word: "About", "Next »"."""
    return [i for i, key in enumerate(keys) if key in _NAVIGATION]


def review_carousel(units: Sequence[Unit]) -> list[int]:
    """A carousel of signed reviews: each short text followed by its reviewer's name and initial.

    Three signatures or more, each within a few units of the last, and the review above the first.
    """
    signed = [i for i, unit in enumerate(units) if _SIGNATURE.fullmatch(unit.text.strip())]
    found: list[int] = []
    chain: list[int] = []
    for i in [*signed, len(units) + SIGNATURE_GAP + 1]:  # a sentinel closes the last chain
        if chain and i - chain[-1] > SIGNATURE_GAP:
            if len(chain) >= TESTIMONIALS:
                first = max(0, chain[0] - (chain[1] - chain[0] - 1))
                found.extend(range(first, chain[-1] + 1))
            chain = []
        chain.append(i)
    return found


def printed_twice(text: str) -> bool:
    """A teaser link whose picture's alt text and title run together: "Common FigCommon Fig", or the
    second copy cut short, "Wild Is Best: A Garden for an ArchitectWild Is Best: A Garden…"."""
    text = text.strip().lstrip("-•* ").rstrip()
    if not 2 * TWICE_CHARS <= len(text) <= TWICE_MAX:
        return False  # a paragraph that repeats itself is a copying slip, not a teaser: its words stay
    head = text[:TWICE_CHARS]
    at = text.find(head, TWICE_CHARS)
    while at > 0:
        first, second = text[:at].rstrip(), text[at:].rstrip("…. ")
        if first.startswith(second) and (len(second) >= 2 * TWICE_CHARS or second == first):
            return True
        at = text.find(head, at + 1)
    return False


def drop_repeats(keys: Sequence[str], keep: np.ndarray) -> np.ndarray:
    """A run of paragraphs the body already holds, in the same order, is the page printing its story twice.

    Single repeats stay: lists and schedules repeat a line legitimately ("Warm up. 10 minutes ...").
    """
    kept = [int(i) for i in np.flatnonzero(keep)]
    texts = [" ".join(keys[i].split()) for i in kept]
    first: dict[str, int] = {}
    out = keep.copy()
    at = 0
    while at < len(kept):
        earlier = first.get(texts[at])
        if earlier is None:
            first[texts[at]] = at
            at += 1
            continue
        run = 0
        while at + run < len(kept) and earlier + run < at and texts[earlier + run] == texts[at + run]:
            run += 1
        if run >= REPEAT_RUN and sum(t.count(" ") + 1 for t in texts[at : at + run]) >= REPEAT_WORDS:
            out[kept[at : at + run]] = False
            at += run
        else:
            at += 1
    return out


# An author box under the story: "Ada Berg is a travel writer ...", "Ada holds an MBA from ...".
_BIO_VERB = re.compile(
    r",? (?:is|was|has|holds|graduated|joined|writes|covers|leads|serves|lives|brings|"
    r"speciali[sz]es)\b"
)
BIO_TAIL = 4  # an author box is among the body's last units
HEADING_WORDS = 8  # a short unpunctuated line just above it is the box's heading


def _opens_bio(text: str, names: Sequence[str]) -> bool:
    # A pattern per page would be compiled afresh for each byline: test the names, then the verb.
    return any(text.startswith(name) and _BIO_VERB.match(text, len(name)) for name in names)


def author_box(texts: Sequence[str], body_units: Sequence[int], byline: str | None) -> list[int]:
    """Body units at the story's end that open with the byline's name (or its first name) and say who
    the author is: the author box, and whatever the page prints under it.

    A writer's own sign-off in the first person, or a story about someone else, opens otherwise.
    """
    if not byline or len(body_units) <= BIO_TAIL:
        return []
    names: list[str] = []
    for name in re.split(r",|&| and ", re.sub(r"^\W*by\s+", "", byline, flags=re.I)):
        parts = name.split()
        if len(parts) >= 2 and all(part[:1].isupper() for part in parts):
            names += [" ".join(parts), parts[0]]
    if not names:
        return []
    for at, unit in enumerate(body_units[-BIO_TAIL:], start=len(body_units) - BIO_TAIL):
        if _opens_bio(texts[unit].lstrip(), names):
            heading = texts[body_units[at - 1]].strip()  # "About the author", "Why we're the experts"
            if len(heading.split()) <= HEADING_WORDS and not heading.endswith((".", "!", "?", '"', "”")):
                at -= 1
            return list(body_units[at:])
    return []
