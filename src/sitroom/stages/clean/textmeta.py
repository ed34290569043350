"""What a page says about itself in plain text: dateline, wire credit, byline, dates, language."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from sitroom.stages.clean.dates import numeric_dates

# "VLADIVOSTOK, Russia --", "SEOUL –", "Washington:", "NEW YORK (Reuters) -", a story filed from two
# bureaus ("DUBAI/LONDON, Jan 12 (Reuters) -"), and a press release's
# "KABUL, Afghanistan (Oct. 10, 2011) —" (the date may stand alone on its line: no dash then).
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_WORDS = (  # "Oct. 10", and day first as EFE writes it: "LIMA, 18 mar (EFE).-"
    rf"(?:{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH_WORD})"
    r"(?:,?\s+(?:19|20)\d{2})?"
)
_DATELINE_DATE = rf"(?P<when>{_DATE_WORDS})"
# ("SEOUL, Jan. 6 (Yonhap) --": a wire's dateline gives the day after a comma, before the credit)
_DATELINE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Za-z.'\-]*(?:/[A-Z][A-Za-z.'\-]*)?\s?){1,4}(?:,\s*(?:[A-Z][A-Za-z.'\-]*\s?){1,3})?)"
    rf"(?:\s*\((?i:{_DATELINE_DATE})\)|,\s*(?i:(?P<on>{_DATE_WORDS}))(?=\s*\(|\s*(?:--|—|–)))?"
    r"(?:\s*\((?P<wire>[A-Za-z][\w .&\-]{1,25})\))?"
    r"(?:\s*(?P<sep>--|—|–|\.?-|:)\s+(?=[\"“'‘A-Z0-9])|(?<=\))(?:[ \t]*\n\s*|[ \t]+)(?=[\"“'‘A-Z])|[ \t]*$)"
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
# A year may run into what the flattener glued after it: "December 20, 2024September 26, 2025",
# "October 17, 20236:01 pm", "Mar 27, 20255 mins read"; never into another number ("20255 people").
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d|\d{1,2}\s?min))"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}[,.]?\s+{_YEAR}{_YEAR_END}", re.IGNORECASE),  # "December 19. 2025" too
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_YEAR_END}", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?:\b|(?=T\d))", re.IGNORECASE),
    # a capitalised month glued to the name before it: "By Kathryn GiuffridaMar 5, 2025"
    re.compile(
        rf"(?<=[a-z])(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?\s+{_DAY},?\s+"
        rf"{_YEAR}{_YEAR_END}"
    ),
)
# Percentages, prices and signed numbers: a line of data ("1/1/2013 +13.1%"), whose digits are no date.
_FIGURES = re.compile(r"[%$€£]|[+−]\d")
# The last label before a date says what the date is: "Published ... | Updated ..." has both.
_DATE_LABEL = re.compile(
    r"\b(?P<update>updated|modified|edited|revised)(?:\b|(?-i:(?=[A-Z])))|"  # "UpdatedJanuary 25, 2026"
    r"\b(?:published|posted|first published|filed)\b",
    re.IGNORECASE,
)
# "Published Oct. 17, 2026 ...", "Last updated: 3 May 2024", "Posted on ...", "Issued on: 27/01/2025":
# a line about the page.
_DATE_LINE = re.compile(
    r"^(?:first |last |originally )?(?:published|updated|posted|modified|last modified|filed|issued)"
    r"(?:\s+on)?\s*:?\s+(?=\S)",
    re.IGNORECASE,
)


def find_dateline(first_paragraph: str) -> str | None:
    """The place a report was filed from, when the first paragraph opens with one (with its date,
    when the dateline gives one: "KABUL, Afghanistan (Oct. 10)")."""
    match = _DATELINE.match(first_paragraph)
    if not match:
        return None
    place = match.group("place").strip().rstrip(",")
    words = place.replace(",", " ").split()
    sep = match.group("sep")
    if sep == ":" and (place.lower() in _NOT_PLACES or len(words) > 3):
        return None
    if sep is None and not match.group("when") and not (match.group("on") and match.group("wire")):
        return None  # without a dash, only a date in brackets makes a dateline ("UN (United Nations) Chief"),
        # or a day and a wire credit ("Taipei, Oct. 15 (CNA) Taiwan's ministry said ...")
    if sep != ":" and not (place.split(",")[0].isupper() or match.group("wire") or match.group("when")):
        return None  # "Some Title - text" is a dash in a sentence, not a dateline
    when = match.group("when") or match.group("on")
    return f"{place} ({when})" if when else place


def dateline_place_end(text: str) -> int:
    """Where the place of the dateline opening a text ends ("HAMILTON, Ont. —"); 0 without one."""
    match = _DATELINE.match(text)
    return match.end("place") if match is not None and find_dateline(text) is not None else 0


def dateline_date(first_paragraph: str) -> str | None:
    """The full date a dateline gives ("KABUL, Afghanistan (Oct. 10, 2011) —") as YYYY-MM-DD."""
    match = _DATELINE.match(first_paragraph)
    if not match or not match.group("when") or find_dateline(first_paragraph) is None:
        return None
    found = _dates_in(match.group("when"))
    return found[0][2] if found else None


# A press release's number carries the year and month it was issued: "2010-09-CA-005", "2012-06-S-026".
_RELEASE_NUMBER = re.compile(
    r"(?<![\w-])(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])-(?=[A-Z0-9]*[A-Z])[A-Z0-9]+"
)


def dateline_with_year(first_paragraph: str, head: list[str]) -> str | None:
    """A dateline's month and day ("KABUL, Afghanistan (Sept. 4) –") with the year of the release number
    printed above the story, when that number was issued in the dateline's month or the one before.

    Without a year the day stays partial downstream (XXXX-09-04); a number from another season is
    not trusted.
    """
    match = _DATELINE.match(first_paragraph)
    if not match or not match.group("when") or find_dateline(first_paragraph) is None:
        return None
    parts = match.group("when").replace(".", " ").split()
    month = _MONTHS.get(parts[0].lower(), 0)
    if len(parts) != 2 or not month:
        return None  # a dateline with its year is dateline_date's
    for text in head:
        for number in _RELEASE_NUMBER.finditer(text):
            year, issued = int(number.group("year")), int(number.group("month"))
            if issued == month or issued == month - 1:
                return _to_iso(str(year), str(month), parts[1].rstrip("stndrh"))
            if (issued, month) == (12, 1):
                return _to_iso(str(year + 1), str(month), parts[1].rstrip("stndrh"))
    return None


def dateline_end(text: str) -> int:
    """Where the dateline opening a text ("SEOUL -- ", "JERUSALEM (AP) -- ") ends; 0 without one."""
    match = _DATELINE.match(text)
    return match.end() if match is not None and find_dateline(text) is not None else 0


def dateline_wire(first_paragraph: str) -> str | None:
    """The wire credit inside a dateline: "NEW YORK (Reuters) -" gives "Reuters"."""
    opening = _DATELINE.match(first_paragraph)
    if opening is None or not opening.group("wire") or find_dateline(first_paragraph) is None:
        return None  # "UN (United Nations) Chief said ...": a name in brackets, no dateline, no wire
    return opening.group("wire")


def find_byline(text: str) -> str | None:
    """The author named by a short "By ..." line, or a desk credit ("Staff and agencies")."""
    if _DESK_CREDIT.match(text.strip()):
        return text.strip()
    match = _BYLINE.match(text.strip())
    if not match or len(text.split()) > 14:
        return None
    name = _GLUED_LABEL.split(match.group("name"))[0]
    name = _NAME_END.split(name)[0].strip()
    name = _TRAILING_MONTH.sub("", name).strip()
    return name if 1 <= len(name.split()) <= 6 else None


def find_placed_name(text: str, stops: frozenset[str]) -> str | None:
    """The name in a "<Name> in <Place>" credit line ("Mari Holm in Oslo"), without its place.

    Title-case headings have the same shape ("Career Growth in Insurance"), so callers only
    trust it beside a date line; a name holds no stop word (`stops`: lower-cased).
    """
    match = _PLACED_NAME.match(text.strip())
    if match is None:
        return None
    name = match.group("name")
    words = [word for word in name.replace(",", " ").split() if word not in ("and", "&")]
    return None if any(word.lower() in stops for word in words) else name


_DESK_CREDIT = re.compile(
    r"^(?:staff|agencies|wires|(?:staff|wire) (?:reporters?|writers?)|news ?desk|"
    r"staff (?:and|&) (?:agencies|wires)|agencies (?:and|&) staff)$",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z][\w.'\-]*[a-z][\w.'\-]*"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}"
_PLACED_NAME = re.compile(
    rf"^(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s+in\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}$"
)
# "Rebecca NorrisPublished": flatteners glue the next label onto the name.
_GLUED_LABEL = re.compile(r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact)\b)")
_NAME_END = re.compile(r"\s*[,|•·]\s*|\s+(?:on|updated|published|posted)\b", re.IGNORECASE)
_TRAILING_MONTH = re.compile(
    r"\s+(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[str, bool] | None:
    """The publication date in a short text as YYYY-MM-DD, and whether it is only an update date.

    A date labelled "Updated"/"Modified" gives way to another one in the same text ("Published
    Oct. 17, 2026 | Updated Oct. 18, 2026"), so the publication date wins wherever it stands.
    """
    found = _dates_in(text)
    labelled = []
    previous_end = 0
    for start, end, value in found:
        labels = list(_DATE_LABEL.finditer(text, previous_end, start))
        labelled.append((value, bool(labels) and labels[-1].group("update") is not None))
        previous_end = end
    return next((item for item in labelled if not item[1]), labelled[0] if labelled else None)


def printed_dates(text: str) -> list[str]:
    """Every full calendar date written in a text (YYYY-MM-DD), in reading order."""
    return [value for _, _, value in _dates_in(text)]


def _dates_in(text: str) -> list[tuple[int, int, str]]:
    """Every full calendar date written in a text, in reading order, without overlaps."""
    hits: list[tuple[int, int, str]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            value = _to_iso(match.group("year"), match.group("month"), match.group("day"))
            if value and not any(s < match.end() and match.start() < e for s, e, _ in hits):
                hits.append((match.start(), match.end(), value))
    if _FIGURES.search(text):
        return sorted(hits)
    for start, end, value in numeric_dates(text):  # "Published: 27/05/2024", "Elliot Raba 23.07.2025"
        if not any(s < end and start < e for s, e, _ in hits):
            hits.append((start, end, value))
    return sorted(hits)


# What may stand beside a date on a line of its own: a time ("at 4:36 pm", "@ 01:39 PM EST") and separators.
_CLOCK = re.compile(r"(?:(?:@|at)\s*)?\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?", re.IGNORECASE)


def date_alone(text: str) -> str | None:
    """The day of a line that is one calendar date and nothing else ("Apr 21, 2021", "| December 17,
    2025", "June 9, 2020 at 1:06 pm"); a machine timestamp ("2025-10-30T10:45:07") is no printed date."""
    found = _dates_in(text)
    if len(found) != 1:
        return None
    start, end, value = found[0]
    rest = _CLOCK.sub(" ", text[:start] + " " + text[end:]).strip(" |•·,-–—")
    return None if rest or "T" in text[end : end + 1] else value


def is_date_line(text: str) -> bool:
    """A "Published <date>" / "Updated <date>" line: it dates the page, it is never a title."""
    return bool(_DATE_LINE.match(text)) and bool(_dates_in(text[:120]))


def opens_with_dateline(text: str) -> bool:
    """A paragraph that opens with a dateline ("SEOUL --", "CHISINAU –") is a story's lead, never a title.

    "Place:" openings count only in a sentence-long text: "Ukraine: ..." is also a headline style.
    """
    match = _DATELINE.match(text)
    if match is None or find_dateline(text) is None:
        return False
    return match.group("sep") != ":" or len(text.split()) >= 20


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


def plainly_english(words: list[str], stops: frozenset[str]) -> bool:
    """Long enough and full of English function words: no need to load the language model."""
    if len(words) < 60:
        return False
    # English prose runs 40-50% stop words, menus less; no other language reaches 30% of English ones.
    return sum(map(stops.__contains__, words)) / len(words) >= 0.3
