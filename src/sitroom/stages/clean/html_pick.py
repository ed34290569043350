"""Choose title, date and outlet among the candidates a page offers (html_meta.py); bylines: html_author."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from urllib.parse import urlsplit

from sitroom.stages.clean.dates import date_from_url, find_dates, normalise_date
from sitroom.stages.clean.html_meta import Candidates, squash

# Title separators sites put between headline and site name.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|/|:)\s+")
# Title candidates by trust: the share-card title is written for readers, <title> carries SEO.
_TITLE_ORDER = ("meta:og:title", "ld-article-headline", "meta:twitter:title", "ld-other-headline", "title")


def text_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def site_names(found: Candidates, url: str | None) -> set[str]:
    """Keys of every name the site goes by: og:site_name, publisher, the domain's main label."""
    names = {text_key(value) for _, value in found.outlet}
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "news")]
    if labels:
        names.add(text_key(labels[0]))
    if len(labels) > 2:  # blog.example.com: the registered name too, not only the subdomain
        names.add(text_key(labels[-3] if len(labels[-1]) == 2 and len(labels[-2]) <= 3 else labels[-2]))
    return {name for name in names if name}


def is_site(segment: str, names: set[str]) -> bool:
    key = text_key(segment)
    if not key:
        return True
    return any(key == n or (len(n) > 3 and n in key) or (len(key) > 3 and key in n) for n in names)


def strip_site(title: str, names: set[str]) -> str:
    """Drop leading or trailing segments that name the site ("Headline | Outlet")."""
    parts = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    while len(parts) > 1 and is_site(parts[-1], names):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and is_site(parts[0], names):
        parts.pop(0)
        seps.pop(0)
    rebuilt = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        rebuilt += sep + part
    return rebuilt.strip()


def pick_title(found: Candidates, url: str | None) -> str | None:
    """The headline as printed: the <h1> that agrees with the meta titles, else the best meta title
    without the site name. Share-card titles are often rewritten for search; the <h1> is what readers see."""
    names = site_names(found, url)
    ranked = sorted(
        ((_TITLE_ORDER.index(s) if s in _TITLE_ORDER else len(_TITLE_ORDER), clean_text(v))
         for s, v in found.title if s != "h1"),
        key=lambda item: item[0],
    )
    titles = [_strip_domain(strip_site(t, names), names) for _, t in ranked if t]
    # Independent witnesses of the first title: twitter:title is mostly a copy of og:title.
    witnesses = [_strip_domain(strip_site(clean_text(v), names), names) for s, v in found.title
                 if s not in ("h1", "meta:twitter:title")]
    # An <h1> that only names the site (a blog's logo heading) is not the headline.
    headings = [strip_site(clean_text(h), names) for h in found.h1 if h and not _names_site(h, names)]
    if not titles:
        return _drop_section(headings[0]) if headings else None
    meta = titles[0]
    if not headings:
        return _drop_tagline(_drop_section(meta))
    heading = max(headings, key=lambda h: _overlap(h, meta))
    if heading.isupper() and sorted(_words(heading)) == sorted(_words(meta)):
        heading = _recased(heading, meta)
    if _swallowed_metadata(heading, meta) or _lost_capitals(heading, meta) or _fused(heading, meta):
        return _drop_tagline(_drop_section(meta))
    if _overlap(heading, meta) < 0.2 and not (
        # Another metadata title spells the <h1> and nothing backs the first one: that is a rewrite.
        _confirmed(heading, titles) and sum(text_key(w) == text_key(meta) for w in witnesses) < 2
    ):
        return _drop_tagline(_drop_section(meta))
    return _drop_section(_better_spelling(heading, titles) or heading)


def _confirmed(text: str, titles: list[str]) -> bool:
    return any(text_key(text) == text_key(title) for title in titles)


def _better_spelling(heading: str, titles: list[str]) -> str | None:
    """Another metadata title (or its part before " | ") with the <h1>'s words, spelt as written:
    capitals the page's CSS or sentence case dropped, characters its encoding lost ("Beginner? Guide")."""
    if heading in titles:  # a metadata title spelt exactly like the <h1> confirms its spelling
        return None
    for title in titles:
        for spelt in (title, _drop_section(title)):
            if spelt != heading and (_lost_capitals(heading, spelt) or _lost_characters(heading, spelt)):
                return spelt
    return None


def _lost_characters(heading: str, meta: str) -> bool:
    """The <h1> shows "?" or "�" where the metadata has other characters: a decoding loss."""
    if "�" not in heading and heading.count("?") < 2:
        return False
    pattern = "".join("(.{1,3})" if c in "?�" else re.escape(c) for c in heading)
    match = re.fullmatch(pattern, meta)
    return match is not None and any(group != "?" for group in match.groups())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _recased(heading: str, meta: str) -> str:
    """An all-capitals <h1> (CSS styling) spelt with the metadata's casing of the same words."""
    spelling = {word.casefold(): word for word in re.findall(r"\w+", meta)}
    return re.sub(r"\w+", lambda m: spelling.get(m.group().casefold(), m.group()), heading)


# Words beside a headline that are page furniture, not part of it: "Posted on", a source domain
# "(example.com)", a one-word label ("Blog:", "Title:"); full dates are checked apart.
_FURNITURE = re.compile(r"\bposted\b|\(\w[\w-]*\.[a-z]{2,}\)|^\W*\w+\s*:\W*$", re.IGNORECASE)


def _names_site(text: str, names: set[str]) -> bool:
    """The text is just the site's name or domain ("Coast Courier", "coastcourier.example")."""
    return text_key(re.sub(r"\.[a-z]{2,}$", "", text.strip())) in names


def _swallowed_metadata(heading: str, meta: str) -> bool:
    """The <h1> is the meta title plus a date, byline or label that the markup ran into it."""
    at = heading.find(meta) if meta else -1
    if at < 0 or heading == meta:
        return False
    extra = (heading[:at] + " " + heading[at + len(meta) :]).strip()
    return bool(extra) and bool(_FURNITURE.search(extra) or find_dates(extra))


# A word boundary lost where the <h1>'s parts sat in separate tags: "AlternativesTop", "(US)Your".
_FUSED = re.compile(r"(?:[a-z]{4}|[)\]])[A-Z][a-z]")  # not "iPhone", "JavaScript", "WordPress"


def _fused(heading: str, meta: str) -> bool:
    """The <h1> runs a headline and a subtitle together without a space; the metadata does not."""
    return any(match.group() not in meta for match in _FUSED.finditer(heading))


def _lost_capitals(heading: str, meta: str) -> bool:
    """Same words, but the <h1> lower-cases words the metadata capitalises (CSS casing or sentence
    case on the page): the metadata spells the headline as written."""
    if heading.isupper():  # capitals from CSS: the metadata has the words as written
        return not meta.isupper() and (text_key(heading) == text_key(meta) or _overlap(heading, meta) >= 0.5)
    if text_key(heading) != text_key(meta) or heading == meta:
        return False
    pairs = zip(re.findall(r"\w+", heading), re.findall(r"\w+", meta), strict=False)
    return any(len(h) > 3 and h[0].islower() and m[0].isupper() for h, m in pairs)


def _drop_section(title: str) -> str:
    """"Headline | Opinion": a section or tagline after a bar is not part of a headline."""
    head, bar, _ = title.partition(" | ")
    return head.strip() if bar and len(head.split()) >= 3 else title


_DASH = re.compile(r"\s+[-–—]\s+")


def _drop_tagline(title: str) -> str:
    """A metadata title no printed headline backs: a short tail after a dash ("- Part 1",
    "- Infographic") is a tagline or series label, not part of the headline."""
    parts = _DASH.split(title)
    if len(parts) < 2 or len(parts[-1].split()) > 3 or len(" ".join(parts[:-1]).split()) < 3:
        return title
    return title[: list(_DASH.finditer(title))[-1].start()].strip()


def _strip_domain(title: str, names: set[str]) -> str:
    """"example.com Headline": a leading domain naming the site, with no separator after it."""
    first, _, rest = title.partition(" ")
    if rest and "." in first.strip(".") and is_site(first.split(".")[0], names):
        return rest
    return title


def _overlap(a: str, b: str) -> float:
    """Jaccard overlap of the two titles' word sets."""
    left, right = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return len(left & right) / len(left | right) if left | right else 0.0


_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def clean_text(text: str) -> str:
    """Unescape entities left double-encoded in metadata, undo UTF-8 read as Windows-1252, squash."""
    if "&" in text:
        text = unescape(unescape(text))
    if _MOJIBAKE.search(text):
        text = _demojibake(text)
    return squash(text)


def _demojibake(text: str) -> str:
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


_DATE_ORDER = ("meta:article:published_time", "ld-article-datePublished", "ld-other-datePublished",
               "itemprop", "meta:", "ld-article-dateCreated", "time", "ld-")


def pick_date(found: Candidates, url: str | None) -> str | None:
    """The publication day: the URL's (a path is dated once, at publication), else the date printed
    by the headline or the most trusted metadata, the earlier when they differ. A printed date
    marked "updated" is a revision, so published <meta> beats it; schema.org alone does not (below)."""
    from_url = date_from_url(url)
    if from_url:
        return from_url
    printed, metadata = _printed_date(found, updated=False), metadata_date(found)
    shown = printed or _printed_date(found, updated=True)
    if shown and metadata and _schema_org_only(found):
        # SEO plugins fill schema.org datePublished with the first draft's day and keep it through
        # rewrites; the page's own date line is then the date of the text as it stands.
        day: str | None = shown
    elif printed and metadata:
        # One moment seen in two time zones (a day apart): the machine-readable timestamp is the one
        # as filed. Further apart, an unlabelled date printed after the metadata's day is mostly a
        # revision or a teaser's: the earlier.
        day = metadata if _days_apart(printed, metadata) <= 1 else min(printed, metadata)
    else:
        day = printed or metadata or _printed_date(found, updated=True)
    return settle_day_order(day, found) if day else None


def date_basis(day: str, found: Candidates, url: str | None) -> str:
    """ "metadata" when the page's machine-readable data (URL, meta tags, JSON-LD) gives this day,
    "text" when it comes from the date printed on the page."""
    return "metadata" if day in (date_from_url(url), metadata_date(found)) else "text"


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


# A date written so that day and month cannot be swapped: ISO order or a month name.
_UNAMBIGUOUS = re.compile(r"(?:19|20)\d\d-\d\d?-\d\d?|[A-Za-z]{3}")


def settle_day_order(day: str, found: Candidates) -> str:
    """"02-12-2025" is read month-first. The page writes day-first when it states the other reading
    unambiguously (ISO timestamp, written month) and never this one; failing that, when its other
    numeric dates put a day above 12 first, or its locale is not the US's."""
    year, month, dom = day.split("-")
    if month == dom or int(dom) > 12:
        return day
    sure = {normalise_date(value) for _, value in found.date if _UNAMBIGUOUS.search(value)}
    text = found.visible_text
    sure.update(d for s, e, d in find_dates(text) if _UNAMBIGUOUS.search(text[s:e]))
    swapped = f"{year}-{dom}-{month}"
    if sure & {day, swapped}:
        return swapped if swapped in sure and day not in sure else day
    numeric = [(int(a), int(b)) for a, b, y in _NUMERIC.findall(text) if y == year]
    if (int(month), int(dom)) not in numeric:  # the day was not read from a numeric date
        return day
    if any(a > 12 for a, b in numeric):
        return swapped
    if any(b > 12 for a, b in numeric):
        return day
    return swapped if _day_first_locale(found) else day


_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)")


def _day_first_locale(found: Candidates) -> bool:
    """A declared locale with a region other than the US ("en-GB", "fr_FR"), or a language other
    than English: such pages write the day first."""
    for _, value in found.language:
        code = value.strip().lower().replace("_", "-")
        if code[:2].isalpha():
            return not (code == "en" or code.startswith("en-us"))
    return False


_UPDATED = re.compile(
    r"\b(?:updated|modified|revised|edited|refreshed)(?:\s+(?:on|at))?\b[^a-z]*$", re.IGNORECASE
)


def _printed_date(found: Candidates, *, updated: bool) -> str | None:
    """The first date printed around the headline; `updated` picks the ones labelled as revisions."""
    for _, _, before, day in found.near_heading:
        if bool(_UPDATED.search(before[-25:])) == updated:
            return day
    return None


# What a publication date follows on the page: a publishing label or a byline ("By Ada Berg").
_DATE_LABEL = re.compile(
    r"(?:\b(?i:published|posted|post time|publish date)\b\s*(?i:on|at)?\s*:?|\b(?i:date)\s*:"
    # "By" and a capitalised name, maybe a role line: prose such as "by the council on" is no byline.
    r"|\b(?i:by)\s*\n?[A-Z][\w.'-]+(?:[ \t]+[A-Z][\w.'-]+){0,3}"
    r"(?:\n[^\n]{0,60}|\s*[•|·,–-]|\s+(?i:on))?)\s*\n?\s*$"
)


def labelled_date(found: Candidates, *, updated: bool = False) -> str | None:
    """The first date anywhere on the page that a publishing label or a byline introduces
    (`updated`: one labelled as a revision), for pages whose headline area and metadata carry none."""
    text = found.visible_text
    for start, _, day in find_dates(text):
        before = text[max(0, start - 90) : start]
        revision = bool(_UPDATED.search(before[-25:]))
        if revision == updated and (revision or _DATE_LABEL.search(before)):
            return settle_day_order(day, found)
    return None


def _schema_org_only(found: Candidates) -> bool:
    """The page states its publication day only in schema.org terms (JSON-LD, itemprop
    microdata), with no <meta> of its own naming it published such as article:published_time
    ("pub" in the key; a bare <meta name=date> is often the display date itself)."""
    dated = [source for source, value in found.date if normalise_date(value)]
    stated = any(s.startswith("meta:") and "pub" in s and s not in _MICRODATA for s in dated)
    return any(s.startswith(("ld-", "itemprop")) or s in _MICRODATA for s in dated) and not stated


_MICRODATA = frozenset(("meta:datepublished",))  # <meta itemprop="datePublished" content=...>


def metadata_date(found: Candidates) -> str | None:
    for prefix in _DATE_ORDER:
        for source, value in found.date:
            if source.startswith(prefix):
                day = normalise_date(value)
                if day:
                    return day
    return None


def pick_outlet(found: Candidates) -> str | None:
    for source in ("meta:og:site_name", "ld-article", "ld-website", "meta:application-name"):
        for s, value in found.outlet:
            if s == source and value and not value.startswith("@"):
                return clean_text(value)
    return None
