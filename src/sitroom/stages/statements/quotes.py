"""Quotation-mark spans: balanced, curly or straight, unclosed, and running over paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

_OPENERS = frozenset("“«„")
_CLOSERS = frozenset("”»")
_STRAIGHT = '"'
_SINGLE = frozenset("‘’'")
_BEFORE_OPEN = frozenset(" \n\t([{—–-:")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # end of the content, trailing comma and space trimmed
    outer_start: int  # the opening mark
    outer_end: int  # after the closing mark (or the paragraph end when it never closes)
    closed: bool


def _marks(body: str) -> list[tuple[int, str]]:
    """Each quotation mark as (offset, 'open' | 'close'); a straight quote opens after a space. Typed
    slips count too: a closing mark set before a word (”This guy ...) opens, and two single marks
    together (‘’ or '') are one double mark."""
    marks: list[tuple[int, str]] = []
    i = 0
    while i < len(body):
        char, pair = body[i], body[i : i + 2]
        opens = i == 0 or body[i - 1] in _BEFORE_OPEN
        if char in _OPENERS:
            marks.append((i, "open"))
        elif char in _CLOSERS:
            before_word = opens and i + 1 < len(body) and body[i + 1].isalnum()
            marks.append((i, "open" if before_word else "close"))
        elif char == _STRAIGHT:
            marks.append((i, "open" if opens else "close"))
        elif len(pair) == 2 and pair[0] in _SINGLE and pair[1] in _SINGLE:
            marks.append((i + 1, "open") if opens else (i, "close"))  # the content starts after both
            i += 1
        i += 1
    return marks


def find_quotes(body: str) -> list[QuoteSpan]:
    """Quoted spans in order. A quote left open at a paragraph end continues when the next
    paragraph opens with a quote mark (news style for long quotes) and ends there otherwise."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    line_from = 0  # where the open quote's current paragraph starts
    for offset, kind in _marks(body):
        if open_at is not None and "\n" in body[line_from:offset]:
            if kind == "open" and _starts_paragraph(body, offset):
                line_from = offset
                continue
            spans.append(_span(body, open_at, body.find("\n", line_from), closed=False))
            open_at = None
        if kind == "open":
            open_at = line_from = offset  # an unclosed earlier mark on the same line is dropped
        elif open_at is not None:
            spans.append(_span(body, open_at, offset + 1, closed=True))
            open_at = None
    if open_at is not None:
        line_end = body.find("\n", open_at)
        spans.append(_span(body, open_at, len(body) if line_end < 0 else line_end, closed=False))
    return [s for s in spans if s.end > s.start]


def _starts_paragraph(body: str, offset: int) -> bool:
    line_start = body.rfind("\n", 0, offset) + 1
    return not body[line_start:offset].strip()


def _span(body: str, outer_start: int, outer_end: int, closed: bool) -> QuoteSpan:
    start = outer_start + 1
    end = outer_end - 1 if closed else outer_end
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
        end -= 1
    return QuoteSpan(start, end, outer_start, outer_end, closed)
