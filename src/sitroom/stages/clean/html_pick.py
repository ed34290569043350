"""Choose title, byline, date and outlet among the candidates a page offers (see html_meta.py)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from sitroom.stages.clean.dates import date_from_url, find_dates, normalise_date
from sitroom.stages.clean.html_meta import Candidates, squash

# Title separators sites put between headline and site name.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|/|:)\s+")
# Title candidates by trust: the share-card title is written for readers, <title> carries SEO.
_TITLE_ORDER = ("meta:og:title", "ld-article-headline", "meta:twitter:title", "ld-other-headline", "title")


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def site_names(found: Candidates, url: str | None) -> set[str]:
    """Keys of every name the site goes by: og:site_name, publisher, the domain's main label."""
    names = {_key(value) for _, value in found.outlet}
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "news")]
    if labels:
        names.add(_key(labels[0]))
    if len(labels) > 2:  # blog.example.com: the registered name too, not only the subdomain
        names.add(_key(labels[-3] if len(labels[-1]) == 2 and len(labels[-2]) <= 3 else labels[-2]))
    return {name for name in names if name}


def _is_site(segment: str, names: set[str]) -> bool:
    key = _key(segment)
    if not key:
        return True
    return any(key == n or (len(n) > 3 and n in key) or (len(key) > 3 and key in n) for n in names)


def strip_site(title: str, names: set[str]) -> str:
    """Drop leading or trailing segments that name the site ("Headline | Outlet")."""
    parts = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    while len(parts) > 1 and _is_site(parts[-1], names):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], names):
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
    # An <h1> that only names the site (a blog's logo heading) is not the headline.
    headings = [strip_site(clean_text(h), names) for h in found.h1 if h and not _names_site(h, names)]
    if not titles:
        return _drop_section(headings[0]) if headings else None
    meta = titles[0]
    if not headings:
        return _drop_section(meta)
    heading = max(headings, key=lambda h: _overlap(h, meta))
    if heading.isupper() and sorted(_words(heading)) == sorted(_words(meta)):
        heading = _recased(heading, meta)
    if _overlap(heading, meta) < 0.2 or _swallowed_metadata(heading, meta) or _lost_capitals(heading, meta):
        return _drop_section(meta)
    return _drop_section(heading)


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
    return _key(re.sub(r"\.[a-z]{2,}$", "", text.strip())) in names


def _swallowed_metadata(heading: str, meta: str) -> bool:
    """The <h1> is the meta title plus a date, byline or label that the markup ran into it."""
    at = heading.find(meta) if meta else -1
    if at < 0 or heading == meta:
        return False
    extra = (heading[:at] + " " + heading[at + len(meta) :]).strip()
    return bool(extra) and bool(_FURNITURE.search(extra) or find_dates(extra))


def _lost_capitals(heading: str, meta: str) -> bool:
    """Same words, but the <h1> lower-cases words the metadata capitalises (CSS casing or sentence
    case on the page): the metadata spells the headline as written."""
    if heading.isupper():  # capitals from CSS: the metadata has the words as written
        return not meta.isupper() and (_key(heading) == _key(meta) or _overlap(heading, meta) >= 0.5)
    if _key(heading) != _key(meta) or heading == meta:
        return False
    pairs = zip(re.findall(r"\w+", heading), re.findall(r"\w+", meta), strict=False)
    return any(len(h) > 3 and h[0].islower() and m[0].isupper() for h, m in pairs)


def _drop_section(title: str) -> str:
    """"Headline | Opinion": a section or tagline after a bar is not part of a headline."""
    head, bar, _ = title.partition(" | ")
    return head.strip() if bar and len(head.split()) >= 3 else title


def _strip_domain(title: str, names: set[str]) -> str:
    """"example.com Headline": a leading domain naming the site, with no separator after it."""
    first, _, rest = title.partition(" ")
    if rest and "." in first.strip(".") and _is_site(first.split(".")[0], names):
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


_BY = re.compile(r"^\s*(?:written\s+|posted\s+|words\s+|story\s+)?by\b[:\s]*", re.IGNORECASE)
# What follows a name in a byline line: dates, "Updated", "min read", separators.
_AFTER_NAME = re.compile(
    r"\s*(?:[|•·—–]|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\d{1,2}\s*min\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d\d|\d{1,2}/\d{1,2}/)",
    re.IGNORECASE,
)
_NOT_AUTHOR = re.compile(r"^(?:https?:|www\.|@)|^\d+$|^(?:by|author|authors|admin|editor)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von|der|da|del|la|le|bin|al|and|&)$")
_AUTHOR_ORDER = ("ld-article", "meta:author", "meta:article:author", "meta:parsely-author",
                 "meta:sailthru.author", "meta:dc.creator", "meta:citation_author", "meta:byl",
                 "meta:cxenseparse:author", "meta:dcterms.creator")
# Byline markup whose element names the author directly, before generic "author" containers.
_MARKUP_ORDER = ("markup:a", "markup:span", "markup:h4", "markup:h5", "markup:strong", "markup:b",
                 "markup:address", "markup:p", "markup:div", "markup:li")


# Words that make a capitalised phrase on a page something other than a person's name.
_NOT_NAME_WORDS = frozenset((
    "share", "post", "posts", "comment", "comments", "reply", "director", "founder", "reviewer",
    "reviewed", "lead", "marketing", "forum", "blog", "news", "updated", "read", "more", "home", "menu",
    "subscribe", "follow", "contact", "about", "privacy", "policy", "terms", "cookie", "cookies",
    "login", "sign", "search", "related", "trending", "popular", "latest", "tags", "category",
    "categories", "advertisement", "sponsored", "table", "contents", "guide", "tips",
))
# Job titles a byline appends to the name ("Ada Lindqvist Writer").
_TRAILING_ROLE = re.compile(r"\s+(?:Staff\s+)?(?:Writer|Editor|Reporter|Contributor|Author|Correspondent)$")


def clean_author(text: str, *, strict: bool) -> str | None:
    """The name in a byline value; strict (for page markup) also wants it to look like a name."""
    text = clean_text(_BY.sub("", clean_text(text)))
    text = _AFTER_NAME.split(text, maxsplit=1)[0].strip(" ,;:|-")
    if strict:
        text = _TRAILING_ROLE.sub("", text)
    words = text.split()
    if not words or len(words) > (6 if strict else 12) or _NOT_AUTHOR.search(text):
        return None
    if strict and (
        len(words) < 2
        or not all(_NAME_WORD.match(w) for w in words)
        or _DIGIT.search(text)
        or any(w.casefold().strip(".") in _NOT_NAME_WORDS for w in words)
    ):
        return None
    return text


_DIGIT = re.compile(r"\d")


_PARTICLE = r"de|van|von|der|da|del|la|le|bin|al"
_NAME = rf"(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][\w'’.-]*|[A-Z]\.|{_PARTICLE})){{0,4}}"
# "By Ada Lindqvist", "By Ada Lindqvist and Tomas Berg", "Written by A, B and C" below a headline.
_VISIBLE_BYLINE = re.compile(
    rf"(?:^|[\s|•·])(?:[Ww]ritten |[Pp]osted |[Ww]ords |[Ss]tory )?(?:By|BY|by):?\s*"
    rf"({_NAME}(?:[ \t]*(?:,|and|&)[ \t]*{_NAME}){{0,3}})(?:$|[ \t]*[,|•·\n])",
    re.MULTILINE,
)


def structured_author(found: Candidates) -> str | None:
    """Authors named in JSON-LD or <meta>, several joined by ", "."""
    for source in _AUTHOR_ORDER:
        values = [v for s, v in found.author if s == source]
        cleaned = list(dict.fromkeys(a for a in (clean_author(v, strict=False) for v in values) if a))
        if cleaned:
            return ", ".join(cleaned[:12]) if source == "ld-article" else cleaned[0]
    return None


def markup_author(found: Candidates) -> str | None:
    """A name in byline markup (rel=author, itemprop=author, .byline, .author-name)."""
    for source in _MARKUP_ORDER:
        for s, value in found.author:
            name = clean_author(value, strict=True) if s == source else None
            if name:
                return name
    return None


_DATELIKE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\bmin(?:ute)?s?\s+read\b|\bupdated\b|\bpublished\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


def visible_byline(found: Candidates) -> str | None:
    """The byline printed below the headline: "By ...", or a bare name beside the date line."""
    match = _VISIBLE_BYLINE.search(found.below_heading)
    if match:
        return clean_author(match.group(1), strict=True)
    lines = found.below_heading.split("\n")[:6]
    for i, line in enumerate(lines):
        lead = re.split(r"\s+[|•·—–]\s+|\s*[|•·]\s*", line, maxsplit=1)
        name = clean_author(lead[0], strict=True) if len(lead[0].split()) <= 4 else None
        beside = " ".join(lines[max(0, i - 1) : i + 2]) if len(lead) == 1 else lead[1]
        if name and _DATELIKE.search(beside):
            return name
    return None


def labelled_author(found: Candidates, source: str) -> str | None:
    for s, value in found.author:
        name = clean_author(value, strict=True) if s == source else None
        if name:
            return name
    return None


def pick_author(found: Candidates, url: str | None) -> str | None:
    """The structured author, else the byline printed below the headline, else byline markup.

    A structured author that is only the site's name or a login handle ("kffjdoe") gives way to a
    person's name printed on the page."""
    structured = structured_author(found)
    printed = (
        visible_byline(found)
        or labelled_author(found, "label")
        or labelled_author(found, "author-link")
        or markup_author(found)
    )
    if structured and not _is_site(structured, site_names(found, url)):
        if printed and " " not in structured and _key(printed) != _key(structured):
            return printed
        return structured
    return printed or structured


_DATE_ORDER = ("meta:article:published_time", "ld-article-datePublished", "ld-other-datePublished",
               "itemprop", "meta:", "ld-article-dateCreated", "time", "ld-")


def pick_date(found: Candidates, url: str | None) -> str | None:
    """The publication day: the date printed by the headline, else the most trusted metadata, else
    the URL's. A printed date marked "updated" is a revision, so published metadata beats it."""
    return (
        _printed_date(found, updated=False)
        or metadata_date(found)
        or _printed_date(found, updated=True)
        or date_from_url(url)
    )


_UPDATED = re.compile(r"\b(?:updated|modified|revised|edited|refreshed)\b[^a-z]*$", re.IGNORECASE)


def _printed_date(found: Candidates, *, updated: bool) -> str | None:
    """The first date printed around the headline; `updated` picks the ones labelled as revisions."""
    for _, _, before, day in found.near_heading:
        if bool(_UPDATED.search(before[-25:])) == updated:
            return day
    return None


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
