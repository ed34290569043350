"""Which way an underspecified date points: the tense of the words around it.

News is written in the past tense, so a bare "Friday" is the Friday before publication unless
a future marker ("will", "scheduled for", "next") sits closer to it than a past-tense verb.
"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|plan(?:s|ned|ning)?\s+to|scheduled|expects?\s+to|expected\s+to|"
    r"is\s+to|are\s+to|set\s+to|to\s+be\s+held|intends?\s+to|upcoming|as\s+soon\s+as|"
    r"hopes?\s+to|aims?\s+to|next(?!\s+to\b)|forecast|projected|wants?\s+to|'ll|would|"
    # the present of a scheduled event: "the summit opens Thursday", "talks resume Monday"
    r"opens|begins|ends|resumes?|arrives|departs|travels|expires|takes\s+effect|comes\s+into\s+(?:force|effect)|"
    r"meets?|convenes?|gathers?|votes|visits|"
    # "is due to arrive Saturday"; not "was due", "had been due to expire Friday"
    r"(?<!was\s)(?<!were\s)(?<!been\s)due\s+to\s+(?:be|begin|start|arrive|meet|end|open|resume|return|"
    r"leave|travel|visit|vote|sign|expire|take|hold|announce|report|decide|rule)|"
    # "the vote is due on Monday", "payments are due Friday"
    r"(?:is|are|['’]s)\s+(?:now\s+|also\s+)?due)\b",
    re.IGNORECASE,
)
# Irregular past forms that are not also present forms or common nouns ("set", "cut", "hit", "the
# Fed", "a bit", the won, "lay" are left out).
_IRREGULAR = (
    r"met|held|made|came|went|took|gave|began|left|sent|lost|fell|rose|found|saw|got|paid|spent|"
    r"brought|thought|bought|struck|shot|fought|sold|kept|became|knew|wrote|spoke|broke|chose|drove|"
    r"flew|stood|understood|threw|built|meant|felt|heard|dealt|swore|sought|taught|caught|fled|"
    r"withdrew|overtook|forgot|ate|drew|grew|arose|sank|sang|rang|swam|woke|wore|tore|hid|"
    r"slid|spun|stuck|stung|swung|lent|bent|sped|slept|wept|crept|swept|bled|bred|"
    r"sat|laid|hung|shook|forbade|forgave|froze|stole|rode|strove|ran"
)
_PAST = re.compile(
    r"\b(?:said|says|was|were|had|been|did|ago|last|since|earlier|already|told|announced|reported|yesterday|"
    r"[a-z]{3,}ed|" + _IRREGULAR + r")\b",
    re.IGNORECASE,
)
# Words that end in -ed but are no past-tense verbs, and future-ish -ed forms.
_NOT_PAST = {"scheduled", "planned", "expected", "proposed", "hundred", "red", "bed", "need", "feed",
             "seed", "speed", "indeed", "based", "led", "united", "limited", "detailed", "related",
             "intended", "projected", "anticipated", "slated"}  # fmt: skip
# What an event still ahead is awaited with: "ahead of Sunday's vote", "before Friday's deadline".
_AWAITED = re.compile(r"\b(?:ahead of|before|for|until|till|upcoming|await(?:s|ing)?|next)\s+(?:the\s+)?$")
_TITLES = {"Mr", "Ms", "Mrs", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "No", "vs", "Sen", "Rep", "Gov",
           "Prof", "Rev", "Sgt", "Capt", "Maj", "Adm", "Cmdr", "Ft", "Mt"}  # fmt: skip
# Closing quotes may be doubled and opening ones backticks: ``...'' as wire copy writes them.
_BOUNDARY = re.compile(r"[.!?][\"'”’)]{0,2}\s+(?=[\"'“‘`(A-Z])|\n\s*\n")
_LAST_WORD = re.compile(r"(\w+)$")


def _sentence_ends(text: str, low: int, high: int) -> list[re.Match[str]]:
    """Sentence boundaries in text[low:high]; a title ("Mr.") or an initial ("J.") ends none."""
    ends = []
    for boundary in _BOUNDARY.finditer(text, low, high):
        if boundary.group(0)[0] == ".":
            word = _LAST_WORD.search(text, max(0, boundary.start() - 8), boundary.start())
            if word and (word.group(1) in _TITLES or (len(word.group(1)) == 1 and word.group(1).isupper())):
                continue
            if (
                text.startswith("(", boundary.end())
                and "\n" not in boundary.group(0)
                and re.search(
                    r"\b[ap]\.m$", text[max(0, boundary.start() - 4) : boundary.start()], re.IGNORECASE
                )
            ):
                continue  # "10:35 a.m. (0735 GMT) Friday": an aside, not a new sentence
        ends.append(boundary)
    return ends


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A cheap sentence around a span, for callers that have no sentence segmentation."""
    before = _sentence_ends(text, max(0, start - 400), start)
    left = before[-1].end() if before else 0
    after = _sentence_ends(text, end, min(len(text), end + 400))
    right = after[0].start() + 1 if after else min(len(text), end + 400)
    return left, right


def direction(text: str, start: int, end: int, bounds: tuple[int, int] | None = None) -> int:
    """+1 future, -1 past, 0 no cue: the nearest tense marker in the sentence decides
    (+2 or -2: the date is fronted before its clause, so the clause's tense holds for sure)."""
    left, right = _within_quote(text, start, end, bounds or sentence_bounds(text, start, end))
    before = text[left:start].lower()
    if re.search(r"\bsince\s+$", before):
        return -1
    if text.startswith(("'s ", "’s "), end) and not _AWAITED.search(before):
        return -1  # "get around Wednesday's ruling": a day named as an event's owns a done event
    if re.search(r"\b(?:ended|closed|expired)\s+$", before):
        return -2  # "the fiscal year ended Jan. 31": that end is over, whatever the clause says
    if re.search(r"\b(?:by|until|till)\s+$", before) and not re.search(r"\bhad\b", text[left:right]):
        return 1  # a deadline: "could be deployed by December"
    best: tuple[float, int] | None = None  # (distance, direction)
    # "In January, ... killed": a date fronted before the main clause takes that clause's tense
    # for certain, so it may move the date further than a tense cue nearby would.
    fronted = re.fullmatch(r"\W*(?:in|on|during)?\s*", before) is not None and text.startswith(",", end)
    for pattern, sign in ((_FUTURE, 1), (_PAST, -1)):
        for match in pattern.finditer(text, left, right):
            if match.start() >= start and match.end() <= end:
                continue
            if sign < 0 and (match.group(0).lower() in _NOT_PAST or _passive(text, match.start())):
                continue
            # at equal distance the verb before wins: "said on Monday he would" is the saying day
            distance = start - match.end() if match.end() <= start else match.start() - end + 0.5
            if match.start() >= end and "," in text[end : match.start()] and not fronted:
                distance += (
                    20  # a cue past a comma belongs to the next clause ("passed in May, takes effect")
                )
            if best is None or distance < best[0]:
                best = (distance, sign)
    if best is None:
        return 0
    return best[1] * (2 if fronted else 1)


def _within_quote(text: str, start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """A date inside a quotation takes the quote's tense, not that of "he said" after it."""
    left, right = bounds
    opening = max(text.rfind("``", left, start), text.rfind("“", left, start))
    if opening >= 0 and ("''" in text[opening:start] or "”" in text[opening:start]):
        opening = -1  # that quotation closed before the date
    closings = [text.find(mark, end, right) for mark in ("''", "”")]
    paired = "``" in text[left:start] or "“" in text[left:start]
    for mark in ('"', "''"):  # the same mark opens and closes: an odd count before means inside
        if opening < 0 and not paired and text.count(mark, left, start) % 2 == 1:
            opening, closings = text.rfind(mark, left, start), [text.find(mark, end, right)]
    found = [c for c in closings if c >= 0]
    if opening < 0 or not found:
        return bounds
    return opening, min(found)


def _passive(text: str, start: int) -> bool:
    """ "be deployed", "being sent": a participle after "be" carries no tense of its own."""
    return re.search(r"\b(?:be|being)\s+$", text[max(0, start - 8) : start]) is not None
