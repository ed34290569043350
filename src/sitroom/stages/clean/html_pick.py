"""Choose title, byline, date and outlet among the candidates a page offers (see html_meta.py)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from sitroom.stages.clean.dates import date_from_url, normalise_date
from sitroom.stages.clean.html_meta import Candidates, squash

# Title separators sites put between headline and site name.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|::|»|/|:)\s+")
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
    """The headline: a meta title without the site name, confirmed by the page's <h1> when possible."""
    names = site_names(found, url)
    ranked = sorted(
        ((_TITLE_ORDER.index(s) if s in _TITLE_ORDER else len(_TITLE_ORDER), clean_text(v))
         for s, v in found.title if s != "h1"),
        key=lambda item: item[0],
    )
    titles = [strip_site(t, names) for _, t in ranked if t]
    headings = [clean_text(h) for h in found.h1 if h]
    # A heading that is exactly one of the meta titles (or their lead segment) is the headline.
    for title in titles:
        for heading in headings:
            # "Headline | Section | Outlet" opening with the page's <h1>: the <h1> is the headline.
            lead = title.startswith(heading) and _SEPARATOR.match(title[len(heading) :])
            if heading and (heading == title or lead):
                return heading
    if titles:
        return titles[0]
    return headings[0] if headings else None


def clean_text(text: str) -> str:
    """Unescape entities left double-encoded in metadata and squash whitespace."""
    return squash(unescape(unescape(text)) if "&" in text else text)


_BY = re.compile(r"^\s*(?:written\s+|posted\s+|reviewed\s+|words\s+)?by[:\s]+", re.IGNORECASE)
_NOT_NAME = re.compile(r"\d|@|https?:|www\.|\bstaff\b|\badmin\b|\bteam\b|\beditor(?:s|ial)?\b", re.IGNORECASE)
_AUTHOR_ORDER = ("ld-article", "meta:author", "meta:article:author", "meta:parsely-author",
                 "meta:sailthru.author", "meta:dc.creator", "meta:citation_author", "meta:byl")


def clean_author(text: str, names: set[str]) -> str | None:
    """A person's name from a byline value, or None for site names, handles and dates."""
    text = clean_text(_BY.sub("", clean_text(text)))
    text = re.split(r"\s+(?:\||–|—|-|·|on)\s+|,\s*(?:updated|published|posted)\b", text, maxsplit=1)[0]
    text = text.strip(" ,;:|-")
    words = text.split()
    if not 2 <= len(words) <= 6 or _NOT_NAME.search(text) or _is_site(text, names):
        return None
    if not all(w[0].isupper() or w.lower() in ("de", "van", "von", "da", "del", "and", "la", "le", "bin")
               for w in words):
        return None
    return text


def pick_author(found: Candidates, url: str | None) -> str | None:
    """The byline: structured authors first (several joined by ", "), then visible byline markup."""
    names = site_names(found, url)
    for source in (*_AUTHOR_ORDER, "markup"):
        values = [v for s, v in found.author if s == source or (source == "markup" and s.startswith(source))]
        cleaned = list(dict.fromkeys(a for a in (clean_author(v, names) for v in values) if a))
        if cleaned:
            return ", ".join(cleaned[:3]) if source == "ld-article" else cleaned[0]
    return None


_DATE_ORDER = ("meta:article:published_time", "ld-article-datePublished", "ld-other-datePublished",
               "itemprop", "meta:", "ld-article-dateCreated", "time", "ld-")


def pick_date(found: Candidates, url: str | None) -> str | None:
    """The publication day from the most trusted source that parses; the URL's date as last resort."""
    for prefix in _DATE_ORDER:
        for source, value in found.date:
            if source.startswith(prefix):
                day = normalise_date(value)
                if day:
                    return day
    return date_from_url(url)


def pick_outlet(found: Candidates) -> str | None:
    for source in ("meta:og:site_name", "ld-article", "ld-website", "meta:application-name"):
        for s, value in found.outlet:
            if s == source and value and not value.startswith("@"):
                return clean_text(value)
    return None
