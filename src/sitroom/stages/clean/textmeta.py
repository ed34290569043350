"""What a page says about itself in plain text: dateline, wire credit, byline, dates, language."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

# "VLADIVOSTOK, Russia --", "SEOUL –", "Washington:", "NEW YORK (Reuters) -"
_DATELINE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Za-z.'\-]*\s?){1,4}(?:,\s*(?:[A-Z][A-Za-z.'\-]*\s?){1,3})?)"
    r"(?:\s*\((?P<wire>[A-Za-z][\w .&\-]{1,25})\))?\s*(?P<sep>--|—|–|-|:)\s+(?=[\"“'‘A-Z0-9])"
)
# Labels that look like a dateline's "Place:" but are headings of another kind.
_NOT_PLACES = frozenset(
    (
        "update", "updated", "note", "editor", "editors", "photo", "photos", "source", "sources",
        "related", "read", "watch", "listen", "credit", "warning", "summary", "advertisement", "breaking",
        "exclusive", "opinion", "analysis", "video", "image", "images", "caption", "correction",
        "disclaimer", "q", "a", "tags", "topics", "share", "comment", "comments", "subscribe", "sponsored",
        "live",
    )
)
# "(Yonhap)", "(AP)", "— Reuters", "/AFP/" at the very end of the body.
_WIRE_END = re.compile(
    r"(?:\((?P<paren>[A-Z][\w&.\- ]{1,30})\)|(?:--|—|–)\s*(?P<dash>[A-Z][\w&.]{1,15}))\s*$"
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|story by|posted by|author)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|and|&|de|van|von|da|del|,))*)",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)


def find_dateline(first_paragraph: str) -> str | None:
    """The place a report was filed from, when the first paragraph opens with one."""
    match = _DATELINE.match(first_paragraph)
    if not match:
        return None
    place = match.group("place").strip().rstrip(",")
    words = place.replace(",", " ").split()
    if match.group("sep") == ":" and (place.lower() in _NOT_PLACES or len(words) > 3):
        return None
    if match.group("sep") != ":" and not (place.split(",")[0].isupper() or match.group("wire")):
        return None  # "Some Title - text" is a dash in a sentence, not a dateline
    return place


def find_wire(last_paragraph: str, first_paragraph: str = "") -> str | None:
    """A wire credit closing the story ("(Yonhap)") or inside the dateline ("(Reuters)")."""
    match = _WIRE_END.search(last_paragraph[-40:])
    if match:
        name = (match.group("paren") or match.group("dash") or "").strip()
        if 1 <= len(name.split()) <= 3 and not name.isdigit():
            return name
    opening = _DATELINE.match(first_paragraph)
    return opening.group("wire") if opening and opening.group("wire") else None


def find_byline(text: str) -> str | None:
    """The author named by a short "By ..." line."""
    match = _BYLINE.match(text.strip())
    if not match or len(text.split()) > 14:
        return None
    name = _GLUED_LABEL.split(match.group("name"))[0]
    name = _NAME_END.split(name)[0].strip()
    name = _TRAILING_MONTH.sub("", name).strip()
    return name if 1 <= len(name.split()) <= 6 else None


# "Rebecca NorrisPublished": flatteners glue the next label onto the name.
_GLUED_LABEL = re.compile(r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact)\b)")
_NAME_END = re.compile(r"\s*[,|•·]\s*|\s+(?:on|updated|published|posted)\b", re.IGNORECASE)
_TRAILING_MONTH = re.compile(
    r"\s+(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[str, bool] | None:
    """The first calendar date in a short text as YYYY-MM-DD, and whether it is an update date."""
    for pattern in _DATES:
        match = pattern.search(text)
        if match is None:
            continue
        value = _to_iso(match.group("year"), match.group("month"), match.group("day"))
        if value:
            return value, bool(_UPDATED.search(text[: match.start()]))
    return None


def _to_iso(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."), 0)
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _language_model() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of a text's language, or None when the text is too short or unclear."""
    sample = text[:1500]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    code, confidence = _language_model().classify(sample)
    return str(code) if confidence >= 0.5 else None


_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)?\d{2,4})?\s*,?\s*)"
    r"(?P<name>[A-Z][\w&.'\- ]{1,60}?)\s*(?:[.,|;]|all rights|$)",
    re.IGNORECASE,
)


def find_outlet(footer: list[str]) -> str | None:
    """The publisher named in a copyright line ("© 2024 Harbour Gazette. All rights reserved.")."""
    for text in reversed(footer):
        match = _COPYRIGHT_HOLDER.search(text)
        if match:
            name = match.group("name").strip()
            if 1 <= len(name.split()) <= 6 and not name.lower().startswith(("all ", "by ")):
                return name
    return None


def plainly_english(words: list[str], stops: frozenset[str]) -> bool:
    """Long enough and full of English function words: no need to load the language model."""
    if len(words) < 60:
        return False
    return sum(map(stops.__contains__, words)) / len(words) >= 0.4
