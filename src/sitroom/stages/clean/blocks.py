"""Flattened text to units: blank-line blocks, split further into list items and lines.

Flatteners separate paragraphs with blank lines but put menus, captions and bylines on
single lines, and scrapers hard-wrap inside paragraphs. So a block is cut into lines, and a
line is glued back to the one before when it plainly continues the same sentence.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from sitroom.stages.clean import chars
from sitroom.stages.clean.boilerplate import normalise_all

_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□–\-*+]|\d{1,3}[.)])\s+")
_BULLET_GLYPHS = frozenset("•·▪◦●○■□–-*+")
_BULLET_ONLY = re.compile(r"^\s*[•·▪◦●○■□*+]\s*$")
# A line that ends like this is unfinished: the next line carries on the sentence.
_OPEN_END = re.compile(r"(?:[,;\-–—(\[]|\b(?:and|or|the|a|an|of|to|in|for|with|that|by|on|at|as))$", re.I)


class Unit(NamedTuple):
    """One candidate piece of body text: a paragraph, a list item or a stand-alone line.

    A named tuple: a page has hundreds and a tuple is built several times faster than a dataclass.
    """

    text: str  # whitespace-normalised, wrapped lines joined with a space
    block: int  # index of the blank-line block it came from
    bullet: bool  # a list item
    lines: int  # how many source lines were joined into it
    block_units: int  # how many units its block has
    key: str = ""  # normalised text, to spot repeats within a page and across a site


def split_units(text: str) -> list[Unit]:
    """Every non-empty unit of a flattened page, in reading order."""
    found: list[tuple[str, int, bool, int, int]] = []
    blocks = _blocks(text)
    widths = [_wrap_width(block) for block in blocks]
    page_width = max(widths, default=0)
    for block_index, (block, width) in enumerate(zip(blocks, widths, strict=True)):
        pieces = _join_lines(block, width or _page_wrap(block, page_width))
        found.extend((piece, block_index, bullet, lines, len(pieces)) for piece, bullet, lines in pieces)
    keys = normalise_all([piece[0] for piece in found])
    return [Unit(*piece, key) for piece, key in zip(found, keys, strict=True)]


# Unicode's other line breaks, as some CMSs and copy-pasted text carry them: the line and
# next-line separators end a line, the paragraph separator ends a block.
_LINE_BREAKS = (("\r\n", "\n"), ("\r", "\n"), ("\u0085", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"))


def unify_line_breaks(text: str) -> str:
    """Every kind of line break as "\\n" (a paragraph separator as a blank line).

    One `replace` per kind found: `str.translate` with a table walks every character in Python's
    slow path, about 7% of the cleaner's time.
    """
    for old, new in _LINE_BREAKS:
        if old in text:
            text = text.replace(old, new)
    return text


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of lines, spaces squeezed (a line of spaces alone is blank)."""
    text = unify_line_breaks(text)
    blocks: list[list[str]] = []
    current: list[str] = []
    for line, squeezed in zip(text.split("\n"), chars.squeeze_spaces(text).split("\n"), strict=True):
        if line.strip():
            current.append(squeezed)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _page_wrap(lines: list[str], page_width: int) -> int:
    """The page's wrap width for a block too short to show its own: when no line of it is much wider.

    A two-line paragraph of a page hard-wrapped at 95 columns breaks wherever the next word did not
    fit, before a name as often as not ('... President Volodymyr' / 'Zelensky said ...').
    The widths measured are the longest lines the page's wrapped blocks happen to have, a column or
    two short of the true one at times, so a line a little longer still fits it.
    """
    if not page_width or len(lines) < 2:
        return 0
    widest = max(len(line.strip()) for line in lines)
    return max(page_width, widest) if widest <= page_width * 1.05 else 0


def _join_lines(lines: list[str], width: int = 0) -> list[tuple[str, bool, int]]:
    """Lines of one block grouped into units: (text, is list item, source line count).

    `width` is the column the block was hard-wrapped at, 0 when nothing shows it was.
    """
    if len(lines) == 1:  # most blocks: a single line needs no joining
        return _single_line(lines[0])
    pieces: list[tuple[str, bool, int]] = []
    pending_bullet = False
    last_line = ""
    for raw in lines:
        opening = raw.lstrip()[:1]
        marked = opening in _BULLET_GLYPHS or opening.isdecimal()  # else neither bullet pattern can match
        if marked and _BULLET_ONLY.match(raw):  # a bullet glyph alone on its line marks the next line
            pending_bullet = True
            continue
        bullet = pending_bullet or (marked and bool(_BULLET.match(raw)))
        pending_bullet = False
        line = (_BULLET.sub("", raw) if bullet and marked else raw).strip()
        if not line:
            continue
        above, last_line = last_line, line
        if pieces and not bullet and (_continues(pieces[-1][0], line) or _wrapped(above, line, width)):
            text, was_bullet, count = pieces[-1]
            glue = "" if line[0] in ".,;:!?)" else " "
            pieces[-1] = (text + glue + line, was_bullet, count + 1)
        else:
            pieces.append((line, bullet, 1))
    return pieces


def _single_line(raw: str) -> list[tuple[str, bool, int]]:
    """`_join_lines` of a one-line block."""
    opening = raw.lstrip()[:1]
    marked = opening in _BULLET_GLYPHS or opening.isdecimal()
    if marked and _BULLET_ONLY.match(raw):
        return []
    bullet = marked and bool(_BULLET.match(raw))
    line = (_BULLET.sub("", raw) if bullet else raw).strip()
    return [(line, bullet, 1)] if line else []


def _continues(previous: str, line: str) -> bool:
    """Whether `line` carries on the sentence that `previous` left open (a hard wrap)."""
    first = line[0]
    if first.islower() or first in ".,;:!?)”’":
        return previous[-1] not in ".!?:"
    if first in "\"“‘'" and line[1:2].islower():  # '... would respond' / '"calmly and rationally" ...'
        return previous[-1] not in ".!?:"
    # Only long lines wrap: a short line ending in "and" is more likely a menu entry.
    return len(previous) >= 40 and bool(_OPEN_END.search(previous))


def _wrap_width(lines: list[str]) -> int:
    """The width a block was hard-wrapped at, or 0 when nothing shows that it was.

    The evidence: most lines but the last run close to one width, and one of them starts in
    lower case after a line left open mid-sentence (or, in a block of two, the first line is long
    and ends on a word that leaves it open: "... led by").
    """
    if len(lines) < 2:
        return 0
    stripped = [line.strip() for line in lines]
    width = max(map(len, stripped), default=0)
    if width < 50 or (len(lines) == 2 and len(stripped[0]) < 60):
        return 0  # (two lines show a width only when the first is long: '... led by' / 'Luckson Elan, ...')
    filled = sum(len(line) >= 0.75 * width for line in stripped[:-1])
    if filled < 0.75 * (len(stripped) - 1):
        return 0
    for previous, line in pairwise(stripped):
        opened = line[0].islower() or (len(lines) == 2 and _OPEN_END.search(previous)) if line else False
        if previous and opened and previous[-1] not in ".!?:":
            return width
    return 0


def _wrapped(previous: str, line: str, width: int) -> bool:
    """In a hard-wrapped block, a line carries on when its first word did not fit on the line above."""
    if not width or not previous or line == previous:  # a caption printed twice is no wrap
        return False
    first_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) > width
