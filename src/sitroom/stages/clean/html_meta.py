"""Metadata candidates read from a parsed page: JSON-LD, <meta>, <title>, <h1>, <time>, bylines.

Each field collects (source, value) candidates in page order; `html_pick.py` chooses among them.
Keeping candidates apart from the choice lets the choice be measured and tuned on its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from sitroom.stages.clean.dates import find_dates

ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle",
    "socialmediaposting", "posting", "report", "medicalwebpage", "review", "recipe", "howto",
}
# <meta> names/properties by field, most specific first.
META_KEYS = {
    "title": ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title"),
    "author": (
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "citation_author",
        "byl", "twitter:creator", "cxenseparse:author", "dcterms.creator",
    ),
    "date": (
        "article:published_time", "og:published_time", "article:published", "datepublished",
        "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "date", "citation_publication_date",
        "cxenseparse:recs:publishtime", "release_date", "displaydate", "original-publish-date",
        "published", "published_date", "date_published", "article.published", "publication_date",
    ),
    "outlet": ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "last-modified"),
}


@dataclass
class Candidates:
    """Every value the page offers for each field, tagged with where it came from."""

    title: list[tuple[str, str]] = field(default_factory=list)
    author: list[tuple[str, str]] = field(default_factory=list)
    date: list[tuple[str, str]] = field(default_factory=list)
    outlet: list[tuple[str, str]] = field(default_factory=list)
    language: list[tuple[str, str]] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    # Dates printed near each <h1>: (heading, "before"|"after", the words just before the date, day).
    near_heading: list[tuple[str, str, str, str]] = field(default_factory=list)
    # Page text just below the first headline: where the visible byline and date sit.
    below_heading: str = ""
    link_share: float = 0.0  # share of the page's visible text that sits inside links
    visible_text: str = ""  # every visible text node, one per line
    page_types: list[str] = field(default_factory=list)  # JSON-LD @type and og:type values


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def gather(tree: Any) -> Candidates:
    """All metadata candidates of one parsed page (an lxml HTML tree)."""
    found = Candidates()
    _from_json_ld(tree, found)
    _from_meta(tree, found)
    _from_markup(tree, found)
    _from_scripts(tree, found)
    _dates_near_headings(tree, found)
    return found


# Analytics data layers name the post's author for reporting ({"pagePostAuthor": "..."}).
_SCRIPT_AUTHOR = re.compile(r'"(?:pagePostAuthor|postAuthor|author_name|authorName)"\s*:\s*"([^"\\]{2,60})"')


def _from_scripts(tree: Any, found: Candidates) -> None:
    for script in tree.xpath('//script[not(contains(@type, "json"))]'):
        match = _SCRIPT_AUTHOR.search(script.text or "")
        if match:
            found.author.append(("script", squash(match.group(1))))
            return


# --- JSON-LD -----------------------------------------------------------------------------------


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        text = (script.text or "").strip()
        try:
            data = json.loads(text)
        except ValueError:
            # Sites often leave trailing commas or raw newlines in strings: retry once, leniently.
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
            except ValueError:
                continue
        yield from _walk(data, 0)


def _walk(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(data.get(key), (list, dict)):
                yield from _walk(data[key], depth + 1)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type", [])
    return [str(k).lower() for k in (kind if isinstance(kind, list) else [kind])]


def _names(value: Any) -> list[str]:
    """Person/organisation names from a JSON-LD author or publisher value."""
    if isinstance(value, str):
        return [value] if not value.startswith("http") else []
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name) if name else []
    return []


def _from_json_ld(tree: Any, found: Candidates) -> None:
    authored = False  # only the first article that names authors: later ones are related stories
    for obj in _json_ld_objects(tree):
        types = _types(obj)
        found.page_types.extend(types)
        is_article = any(t in ARTICLE_TYPES for t in types)
        source = "ld-article" if is_article else "ld-other"
        for key in ("headline", "name") if is_article else ("headline",):
            if isinstance(obj.get(key), str):
                found.title.append((f"{source}-{key}", squash(obj[key])))
        if is_article and not authored:
            found.author.extend((source, squash(n)) for n in _names(obj.get("author")) if squash(n))
            authored = bool(obj.get("author"))
        if is_article:
            found.outlet.extend((source, squash(n)) for n in _names(obj.get("publisher")) if squash(n))
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(obj.get(key), str):
                found.date.append((f"{source}-{key}", obj[key]))
        if "website" in types and isinstance(obj.get("name"), str):
            found.outlet.append(("ld-website", squash(obj["name"])))
        if isinstance(obj.get("inLanguage"), str):
            found.language.append(("ld", obj["inLanguage"]))


# --- <meta>, <title>, <h1>, <time>, bylines ----------------------------------------------------


def _from_meta(tree: Any, found: Candidates) -> None:
    metas: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = squash(meta.get("content"))
        if key and value:
            metas.setdefault(key, []).append(value)
    for name in ("title", "author", "date", "outlet"):
        target = getattr(found, name)
        for key in META_KEYS[name]:
            target.extend((f"meta:{key}", v) for v in metas.get(key, []))
    for n in "1234":  # share cards label their fields: twitter:label1 "Written by", twitter:data1 the name
        labels, data = metas.get(f"twitter:label{n}", []), metas.get(f"twitter:data{n}", [])
        if labels and data and labels[0].lower() in ("written by", "author", "by"):
            found.author.append(("meta:twitter:data", data[0]))
    found.page_types.extend(v.lower() for v in metas.get("og:type", []))
    found.language.extend(("meta", v) for v in metas.get("og:locale", []) + metas.get("language", []))


_BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "author") or contains(@class, "byline")'
    ' or contains(@id, "author") or contains(@class, "Author") or contains(@class, "Byline")]'
)


# Links to an author's page: the link text is the name.
_AUTHOR_LINK_XPATH = (
    '//a[contains(@href, "/author/") or contains(@href, "/authors/") or contains(@href, "/people/")'
    ' or contains(@href, "/staff/") or contains(@href, "/writers/") or contains(@href, "/contributors/")'
    ' or contains(@href, "/profile/") or contains(@href, "/byline/")]'
)
_LABEL = re.compile(
    r"^(?:this (?:post|article|story) (?:was )?|(?:article|post|story) )?"
    r"(?:(?:written|posted|article|words|story|reported)\s+)?by:?$"
    r"|^(?:authors?|contributors?|writers?):?$",
    re.IGNORECASE,
)


def _bylines_from_labels(texts: list[Any], found: Candidates) -> None:
    """A lone "By" / "Written by" / "Author:" text followed by the name in the next text node."""
    stripped = [squash(t) for t in texts]
    for i, text in enumerate(stripped):
        if len(text) < 32 and _LABEL.match(text):
            following = next((t for t in stripped[i + 1 : i + 8] if t), "")
            if following:
                found.author.append(("label", following))


def _from_markup(tree: Any, found: Candidates) -> None:
    titles = tree.xpath("//title")
    if titles:
        found.title.append(("title", squash(titles[0].text_content())))
    found.h1 = [squash(h.text_content()) for h in tree.iter("h1")][:5]
    found.title.extend(("h1", h) for h in found.h1 if h)
    for node in tree.xpath('//*[@itemprop="datePublished"]'):
        value = node.get("content") or node.get("datetime") or node.text_content()
        found.date.append(("itemprop", squash(value)))
    for node in tree.xpath("//time[@datetime]")[:3]:
        found.date.append(("time", squash(node.get("datetime"))))
    for node in tree.xpath(_AUTHOR_LINK_XPATH)[:6]:
        found.author.append(("author-link", squash(node.text_content())))
    for node in tree.xpath(_BYLINE_XPATH)[:12]:
        if node.tag in ("meta", "link", "script", "style", "body", "html", "article", "section"):
            continue
        # One line per text node: "Luke Kim" and "May 4, 2025" in sibling tags must not fuse.
        lines = [line for line in (squash(t) for t in node.itertext()) if line]
        if 2 < sum(map(len, lines)) < 300:
            found.author.append((f"markup:{node.tag}", "\n".join(lines[:8])))
    roots = tree.xpath("/html")
    if roots and roots[0].get("lang"):
        found.language.append(("html-lang", roots[0].get("lang")))


_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)


_VISIBLE_TEXT = "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
_BEFORE, _AFTER = 250, 700  # characters of page text read above and below a headline


def _dates_near_headings(tree: Any, found: Candidates) -> None:
    """Dates and bylines shown around a headline: what a reader sees as the article's date and author."""
    texts = tree.xpath(_VISIBLE_TEXT)
    total = sum(len(t.strip()) for t in texts)
    linked = sum(len(t.strip()) for t in tree.xpath("//body//a//text()"))
    found.link_share = min(1.0, linked / total) if total else 0.0
    found.visible_text = "\n".join(line for line in (squash(t) for t in texts) if line)
    _bylines_from_labels(texts, found)
    headings = list(tree.iter("h1"))[:3]
    if not headings:
        return
    for heading in headings:
        members = set(heading.iter())
        inside = [i for i, t in enumerate(texts) if t.getparent() in members]
        if not inside:
            continue
        before = _join(texts[max(0, inside[0] - 40) : inside[0]])[-_BEFORE:]
        after = _join(texts[inside[-1] + 1 : inside[-1] + 80])[:_AFTER]
        title = squash(heading.text_content())
        if title and not found.below_heading:
            # One line per text node: a name never runs on into the next element's words.
            lines = (squash(t) for t in texts[inside[-1] + 1 : inside[-1] + 40])
            found.below_heading = "\n".join(line for line in lines if line)[:_AFTER]
        for side, text in (("after", after), ("before", before)):
            for start, _, day in find_dates(text):
                found.near_heading.append((title, side, text[max(0, start - 30) : start].lower(), day))


def _join(texts: list[str]) -> str:
    return squash(" ".join(texts))


def parse(html: str) -> Any:
    """A tolerant lxml tree, or None for input lxml cannot read at all."""
    try:
        # Decode as UTF-8 ourselves: the text is already decoded, a stale <meta charset> must not win.
        return lxml_html.document_fromstring(html.encode("utf-8", errors="replace"), parser=_PARSER)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None
