"""Normalise one date string (metadata value, URL, dateline) to YYYY-MM-DD.

This reads a string already known to be a date; it does not search running text. The date
part is kept as written: "2025-09-04T23:30:00-05:00" is the 4th, the day the outlet printed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Ordered: unambiguous numeric forms first, then written months, then day/month guesses.
_PATTERNS = (
    re.compile(rf"(?<!\d){_YEAR}[-/.](?P<month>\d{{1,2}})[-/.](?P<day>\d{{1,2}})(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}(?P<month>[01]\d)(?P<day>[0-3]\d)(?:T|\b)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"(?<!\d)(?P<first>\d{{1,2}})[/.-](?P<second>\d{{1,2}})[/.-]{_YEAR}(?!\d)"),
)
_EPOCH = re.compile(r"^\s*(1[0-9]{9})(?:\d{3})?\s*$")  # seconds or milliseconds since 1970
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?:/|[-_]|\.html?|$)")
_URL_NAMED_MONTH = re.compile(r"/((?:19|20)\d\d)/([a-z]{3,9})/([0-3]?\d)(?:/|$)", re.IGNORECASE)
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]\d)/")


def normalise_date(text: str | None, *, day_first: bool = False) -> str | None:
    """YYYY-MM-DD for a date string, or None when it holds no full, valid date."""
    if not text:
        return None
    text = text.strip()
    epoch = _EPOCH.match(text)
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch.group(1)), tz=timezone.utc)
        return stamp.date().isoformat()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _from_match(match, day_first)
            if found:
                return found
    return None


def find_dates(text: str, *, day_first: bool = False) -> list[tuple[int, int, str]]:
    """Every full date written in a short text, as (start, end, YYYY-MM-DD), in text order."""
    found: dict[int, tuple[int, int, str]] = {}
    for pattern in _PATTERNS[:1] + _PATTERNS[2:]:  # not bare 8-digit runs: in prose they are ids
        for match in pattern.finditer(text):
            day = _from_match(match, day_first)
            if day and not any(s <= match.start() < e for s, e, _ in found.values()):
                found[match.start()] = (match.start(), match.end(), day)
    return [found[k] for k in sorted(found)]


def numeric_dates(text: str) -> list[tuple[int, int, str]]:
    """Day, month and year in digits, as (start, end, YYYY-MM-DD): year first ("2025/4/29"), else
    "10/31/2024" and "8/1/2025" month first, as English-language pages print them; "23.07.2025" and
    "12.12.2025" day first, as dots go in Europe; either way round when the first number cannot be a
    month ("19/12/2025")."""
    found = []
    for match in _PATTERNS[0].finditer(text):  # year first: "2025/4/29", "Published: 2025.12.17"
        day = _from_match(match, day_first=False)
        if day:
            found.append((match.start(), match.end(), day))
    for match in _PATTERNS[4].finditer(text):
        day = _from_match(match, day_first=text[match.end("first")] == ".")
        if day and not any(s < match.end() and match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), day))
    return sorted(found)


def _from_match(match: re.Match[str], day_first: bool) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if "first" in groups and groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        # 13/05/2024 can only be day-first; otherwise follow the caller's convention.
        if first > 12 or (day_first and second <= 12):
            return _valid(year, second, first)
        return _valid(year, first, second)
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower().rstrip("."))
    if month is None:
        return None
    return _valid(year, month, int(groups["day"]))


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_from_url(url: str | None) -> str | None:
    """The day a URL path names, as in /2025/09/04/slug or /20250904-slug; None otherwise."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    named = _URL_NAMED_MONTH.search(url)
    month = MONTHS.get(named.group(2).lower()) if named else None
    return _valid(int(named.group(1)), month, int(named.group(3))) if named and month else None


def month_from_url(url: str | None) -> str | None:
    """YYYY-MM when a URL names only year and month (/2025/09/slug): a check on other dates."""
    if not url:
        return None
    match = _URL_MONTH.search(url)
    return f"{match.group(1)}-{match.group(2)}" if match and 1 <= int(match.group(2)) <= 12 else None
