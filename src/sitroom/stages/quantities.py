"""Figures: numbers with their qualifier, range, what is counted and the scope of the count.

"at least 3,000 troops were deployed" -> value 3000, qualifier "at least", unit "troops",
scope "deployed" (from the verb that governs the counted noun and the modals around it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import Article, Quantity, Sentence, Token

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
# Vague amounts: no value, but a floor that is safe to count with ("several" is at least 3).
VAGUE = {
    "a few": 2.0, "multiple": 2.0, "several": 3.0, "numerous": 3.0, "a handful": 2.0, "dozens": 24.0,
    "hundreds": 200.0, "thousands": 2000.0, "tens of thousands": 20000.0, "millions": 2e6,
}  # fmt: skip
_FIXED = {"a dozen": 12.0, "a hundred": 100.0, "a thousand": 1000.0}
QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "some": "about", "about": "about", "around": "about",
    "roughly": "about", "approximately": "about", "an estimated": "about", "estimated": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "up to": "up to",
    "as many as": "up to", "fewer than": "less than", "less than": "less than",
    "under": "less than", "at most": "up to", "exactly": "exactly", "only": "exactly",
}  # fmt: skip
_ALL_WORDS = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_WORDNUM = (
    rf"(?:(?:{_ALL_WORDS})(?:[- ](?:{_ALL_WORDS}))?(?:\s+hundred)?"
    r"|tens of thousands|a dozen|dozens|hundreds|thousands|millions|several|numerous|multiple|a few"
    r"|a handful|a hundred|a thousand)"
)
_NUMBER = (
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|"
    + _WORDNUM
    + r")(?:\s+(?:hundred|thousand|million|billion|bn)\b|m\b)?"
)
_FIGURE = re.compile(
    rf"\b(?:between\s+(?P<b1>{_NUMBER})\s+and\s+(?P<b2>{_NUMBER})"
    rf"|(?:from\s+)?(?P<r1>{_NUMBER})\s*(?:-|–|—|\bto\b)\s*(?P<r2>{_NUMBER})"
    rf"|(?P<n>{_NUMBER}))(?:(?P<unit>\s?(?:%|per ?cent\b|percent\b|km²|km2\b|km\b|kg\b|kilometres\b|"
    r"kilometers\b|miles\b|tonnes\b|tons\b))|\b)",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
_UNIT_NAMES = {"%": "percent", "per cent": "percent", "percent": "percent", "km2": "km²"}
_UNIT_NAMES |= {"kilometres": "km", "kilometers": "km", "tons": "tonnes", "percent": "percent"}
_MEASURES = {"percent", "km", "km²", "kg", "miles", "tonnes", "metres", "meters", "mm", "kilograms", "pounds"}
_MEASURES |= {"hours", "days", "weeks", "months", "years", "minutes", "hour", "day", "week", "month", "year"}
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
# What the governing verb says about the figure; later entries in _WRAPPERS override it.
_OUTCOMES = {
    "killed": {"kill", "die", "dead", "slay", "execute", "massacre", "behead", "fatality", "death"},
    "wounded": {"wound", "injure", "hurt", "injured", "wounded"},
    "captured": {"capture", "detain", "arrest", "seize", "apprehend", "abduct", "kidnap", "hold"},
    "deployed": {"deploy", "send", "dispatch", "station", "arrive", "move", "transfer", "post", "base"},
}
_BEING_AT = {"remain", "stay", "be", "work", "live", "gather", "wait", "shelter"}
_WRAPPERS = {
    "decided": {"decide", "agree", "approve", "authorize", "authorise", "order", "pledge", "commit"},
    "planned": {"plan", "intend", "prepare", "will", "shall", "aim", "propose", "schedule", "seek"},
    "estimated": {"could", "may", "might", "estimate", "expect", "believe", "likely", "would"},
}


class QuantityStage:
    """Numbers with qualifier, range, counted noun and scope, one record per figure."""

    name: ClassVar[str] = "quantities"
    version: ClassVar[str] = "2"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "tokens")
    assigns: ClassVar[tuple[str, ...]] = ("quantities",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, article: Article) -> Article:
        if article.rejected or not article.body:
            return article
        # Dates and times found by the date stage are not figures (durations may be).
        busy = [(t.start, t.end) for t in article.timexes if t.kind != "duration"]
        found: list[Quantity] = []
        for sentence in article.sentences:
            found.extend(sentence_quantities(article, sentence, busy))
        return article.evolve(quantities=tuple(found))


def sentence_quantities(article: Article, sentence: Sentence, busy: list[tuple[int, int]]) -> list[Quantity]:
    """Every figure in one sentence that is not a date, a clock time, a year or part of a name."""
    body, found = article.body, []
    lo = bisect_left(article.tokens, sentence.start, key=lambda t: t.start)
    hi = bisect_left(article.tokens, sentence.end, key=lambda t: t.start)
    tokens = [(i, article.tokens[i]) for i in range(lo, hi)]
    for match in _FIGURE.finditer(body, sentence.start, sentence.end):
        start, end = match.span()
        if not match.group(0).strip() or _not_a_figure(body, match):
            continue
        if any(s < end and start < e for s, e in busy):
            continue
        quantity = _build(article, match, tokens)
        if quantity is not None:
            found.append(quantity)
    return found


def _not_a_figure(body: str, match: re.Match[str]) -> bool:
    """Years, days of a month, clock times, ordinals, codes and "one of" are not counts."""
    text = match.group(0).strip()
    before = body[max(0, match.start() - 12) : match.start()]
    after = body[match.end() : match.end() + 4]
    if re.fullmatch(r"(1[5-9]\d\d|20\d\d)s?", text) or re.fullmatch(
        r"(1[5-9]\d\d|20\d\d)\s*[-–]\s*\d+", text
    ):
        return True
    if _MONTH_BEFORE.search(before) and text.isdigit() and int(text) <= 31:
        return True
    if (
        after[:1] in (":", "/")
        or before[-1:] in ("/", "#", "$", "€", "£", "-", ":", ".")
        or after[:1].isalpha()
    ):
        return True
    if re.match(r"(st|nd|rd|th)\b", after) or re.match(r"\s+(am|pm|a\.m\.|p\.m\.)", after, re.IGNORECASE):
        return True
    if before.endswith("[") or after[:1] in ("°", "′", "″", "]", "'") or before[-1:] in ("°", "′"):
        return True  # citation marks [2] and coordinates 33°47′N
    sentence_start = re.search(r"(^|[.!?]\s+|--\s+|[–—]\s+)[A-Z][a-z]+\s+$", before)
    if re.search(r"\b[A-Z][a-z]+\s+$", before) and not sentence_start and not _QUALIFIER.search(before):
        return text[:1].isdigit()  # "Resolution 2249", "Committee 1267": identifiers, not counts
    return text.lower() == "one" and bool(re.match(r"\s+(of|another|day)\b", after))


def number_value(text: str) -> float | None:
    """'3,000' -> 3000, 'twenty-five' -> 25, '2.5 million' -> 2500000, 'several' -> None."""
    words = text.lower().replace("-", " ").replace(",", "").split()
    if not words:
        return None
    joined = " ".join(words)
    if joined in _FIXED:
        return _FIXED[joined]
    multiplier = 1.0
    while words and (
        words[-1] in MULTIPLIERS or (words[-1].endswith("m") and words[-1][:-1].replace(".", "").isdigit())
    ):
        last = words.pop()
        if last in MULTIPLIERS:
            multiplier *= MULTIPLIERS[last]
        else:
            words.append(last[:-1])
            multiplier *= 1e6
    total = 0.0
    for word in words:
        if re.fullmatch(r"\d+(\.\d+)?", word):
            total += float(word)
        elif word in _UNITS_WORDS or word in _TENS_WORDS:
            total += _UNITS_WORDS.get(word, 0) + _TENS_WORDS.get(word, 0)
        else:
            return None
    return total * multiplier if words else multiplier


def _build(article: Article, match: re.Match[str], tokens: list[tuple[int, Token]]) -> Quantity | None:
    body = article.body
    value = low = high = None
    if match.group("n"):
        value = number_value(match.group("n"))
        low = VAGUE.get(" ".join(match.group("n").lower().split()))
        if value is None and low is None:
            return None
    else:
        first, second = (
            (match.group("b1"), match.group("b2"))
            if match.group("b1")
            else (match.group("r1"), match.group("r2"))
        )
        low, high = number_value(first), number_value(second)
        if low is None or high is None or high <= low:
            # "twenty-five" reads as a range of twenty to five: it is one number
            value, low, high = (
                number_value(body[match.start() : match.end("r2") if match.group("r2") else match.end()]),
                None,
                None,
            )
            if value is None:
                return None
    start, qualifier = _qualifier(body, match.start())
    end = match.end()
    unit_text = (match.group("unit") or "").strip().lower()
    unit = _UNIT_NAMES.get(unit_text, unit_text) or None
    head = _number_token(tokens, match)
    if unit is None:
        noun = _counted_noun(body, match.end(), tokens)
        if noun is not None:
            unit, end, head = noun[0], noun[1], noun[2]
    # Distances and shares are measurements: the verb around them says nothing about their scope.
    scope = _scope(article, head) if head is not None and unit not in _MEASURES else None
    if scope is None and qualifier == "about" and re.search(r"estimated\s*$", body[start : match.start()]):
        scope = "estimated"
    return Quantity(start, end, body[start:end], value, low, high, unit, qualifier, scope)


def _qualifier(body: str, start: int) -> tuple[int, str | None]:
    """ "at least", "about", "up to" ... right before the figure: they widen the span and qualify it."""
    window = body[max(0, start - 30) : start]
    found = _QUALIFIER.search(window)
    if not found:
        return start, None
    return start - (len(window) - found.start()), QUALIFIERS[" ".join(found.group(0).lower().split())]


def _number_token(tokens: list[tuple[int, Token]], match: re.Match[str]) -> int | None:
    inside = [i for i, t in tokens if match.start() <= t.start < match.end()]
    return inside[-1] if inside else None


def _counted_noun(body: str, after: int, tokens: list[tuple[int, Token]]) -> tuple[str, int, int] | None:
    """The noun the figure counts, within a few words: "3,000 North Korean troops", "six of its soldiers"."""
    following = [(i, t) for i, t in tokens if t.start >= after][:6]
    for k, (index, token) in enumerate(following):
        word = body[token.start : token.end]
        if token.pos == "NOUN":
            nxt = following[k + 1][1] if k + 1 < len(following) else None
            if nxt is not None and nxt.pos == "NOUN" and token.dep == "compound":
                continue  # "special forces", "cruise missiles": the last noun is the head
            return word.lower(), token.end, index
        participle = token.tag == "VBN"  # "two suspected insurgents"
        if token.pos not in ("ADJ", "PROPN", "ADP", "DET", "PRON", "NUM") and word != "-" and not participle:
            return None
        if token.pos == "ADP" and word.lower() != "of":
            return None
    return None


def _scope(article: Article, head: int) -> str | None:
    """Climb from the counted noun to its verbs: outcome verbs set the scope, modals wrap it."""
    tokens, scope, wrapper = article.tokens, None, None
    k, steps = head, 0
    while steps < 5:
        token = tokens[k]
        lemma = token.lemma.lower()
        if k != head or token.pos != "NUM":
            scope = scope or _lookup(_OUTCOMES, lemma, token.pos)
            wrapper = wrapper or _lookup(_WRAPPERS, lemma, token.pos)
        if token.pos in ("VERB", "AUX", "ADJ"):
            wrapper = wrapper or _aux_wrapper(article, k)
        if token.dep == "pobj" and tokens[token.head].lemma.lower() == "at" and scope is None:
            scope = "at_site"
        if token.pos == "VERB" and scope is None and _has_at_place(article, k):
            scope = "at_site"
        if token.head == k or (token.dep == "conj" and token.pos in ("VERB", "AUX")):
            break  # a conjoined clause has its own verb: "decided to send X, and Y have arrived"
        k, steps = token.head, steps + 1
    if wrapper == "decided" or scope is None:
        return wrapper or scope
    return wrapper if wrapper in ("planned", "estimated") else scope


def _has_at_place(article: Article, verb: int) -> bool:
    """ "remain at the plant": a verb of being somewhere with an "at" + noun phrase."""
    if article.tokens[verb].lemma.lower() not in _BEING_AT:
        return False
    for k in range(verb + 1, min(len(article.tokens), verb + 4)):
        token = article.tokens[k]
        if token.head == verb and token.dep == "prep" and token.lemma.lower() == "at":
            return True
    return False


def _lookup(table: dict[str, set[str]], lemma: str, pos: str) -> str | None:
    if pos not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    return next((name for name, lemmas in table.items() if lemma in lemmas), None)


def _aux_wrapper(article: Article, verb: int) -> str | None:
    """Modal auxiliaries attached to a verb: "will send" is planned, "could be deployed" estimated."""
    for token in article.tokens[max(0, verb - 4) : verb]:
        if token.head == verb and token.dep in ("aux", "auxpass"):
            found = _lookup(_WRAPPERS, token.lemma.lower(), "AUX")
            if found:
                return found
    return None
