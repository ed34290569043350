"""HTML pages to an Extraction: the article body (trafilatura as the core), metadata, captions.

Broken markup never raises: a page lxml cannot read, or one without article text, comes back
with `rejected` set and a reason, so the caller can count it.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from sitroom.model.article import Hints
from sitroom.stages.clean.dates import find_dates, normalise_date
from sitroom.stages.clean.extraction import Extraction
from sitroom.stages.clean.html_author import pick_author
from sitroom.stages.clean.html_meta import Candidates, gather, parse, squash
from sitroom.stages.clean.html_pick import date_basis, labelled_date, pick_date, pick_outlet, pick_title
from sitroom.stages.clean.html_reject import rejection
from sitroom.stages.clean.html_trim import trim_edges
from sitroom.stages.clean.mojibake import repair as repair_mojibake

_CAPTION_XPATH = (
    '//figcaption | //*[contains(@class, "caption") and not(self::figure) and not(self::img)]'
)


def extract_html(html: str, hints: Hints) -> Extraction:
    """The article in an HTML page, with its metadata; `rejected` says why when it is not one."""
    html = repair_mojibake(html)
    tree = parse(html) if html and html.strip() else None
    if tree is None:
        return Extraction(body="", rejected="empty or unreadable HTML")
    # 1. Metadata and captions first: the body extractor prunes the tree in place.
    found = gather(tree)
    captions = _captions(tree)
    # 2. The body, without caption paragraphs (they are kept apart).
    body = _remove_captions(_body(tree, html, hints.url), captions)
    # 3. Fields: hints that came with the input win over what the page says about itself.
    title = hints.title or pick_title(found, hints.url)
    byline = hints.byline or pick_author(found, hints.url)
    body = trim_edges(_drop_leading_title(body, title), byline)
    # The date: given, printed by the headline or in metadata, printed above the body, introduced
    # by a label or byline anywhere, searched; last, a date labelled as a revision.
    published = (
        normalise_date(hints.published)
        or pick_date(found, hints.url)
        or header_date(found.visible_text, body)
        or labelled_date(found)
        or _searched_date(html, hints)
        or labelled_date(found, updated=True)
    )
    return Extraction(
        body=body,
        title=title,
        outlet=hints.outlet or pick_outlet(found),
        byline=byline,
        published=published,
        published_basis=_basis(published, found, hints),
        language=hints.language or _language(body, found),
        captions=captions,
        rejected=rejection(body, title, found),
    )


# When trafilatura keeps less than this share of what resiliparse's main-content pass keeps, it has
# usually cut the article short (a section it took for boilerplate); the fuller text is then better.
SHORT_SHARE = 0.6


def _body(tree: Any, html: str, url: str | None) -> str:
    """trafilatura's body, or resiliparse's main content when trafilatura's is much shorter."""
    import trafilatura  # heavy imports: only when a page is extracted
    from resiliparse.extract.html2text import extract_plain_text

    try:
        # fast: no readability/jusText second opinion; resiliparse below is the cheaper second opinion
        text = trafilatura.extract(tree, url=url, fast=True, favor_recall=True, include_comments=False)
        text = _tidy(text or "")
    except Exception:  # trafilatura fails on a few odd trees; resiliparse then decides alone
        text = ""
    fuller = _tidy(str(extract_plain_text(html, main_content=True, preserve_formatting=True, links=False)))
    return fuller if len(text) < SHORT_SHARE * len(fuller) else text


def _basis(published: str | None, found: Candidates, hints: Hints) -> str | None:
    """Where the day came from: given with the input or machine-readable on the page ("metadata"),
    or printed in the page's text ("text")."""
    if not published:
        return None
    return "metadata" if normalise_date(hints.published) else date_basis(published, found, hints.url)


def _searched_date(html: str, hints: Hints) -> str | None:
    """htmldate's search of the page, only when neither headline area nor metadata has a date.

    Not its extensive mode: that one loads dateparser (20 s) and reads dates out of running text.
    A fresh tree: the body extractor has pruned the first one."""
    from htmldate import find_date

    tree = parse(html)
    if tree is None:
        return None
    try:
        found = find_date(tree, url=hints.url, original_date=True, extensive_search=False)
    except Exception:  # htmldate trips over a few malformed trees; no date is the honest answer
        return None
    return normalise_date(found) if found else None


def header_date(page_text: str, body: str) -> str | None:
    """The last date printed in the page header: above the body, or in its short opening lines.

    Only the top of the page is read, so teaser and footer dates never count."""
    paragraphs = body.split("\n\n")
    # Short opening lines ("Local · 4 May 2023") are header material the extractor kept.
    lead = list(itertools.takewhile(lambda p: len(p.split()) <= 12, paragraphs[:3]))
    first_prose = paragraphs[len(lead)] if len(lead) < len(paragraphs) else ""
    words = first_prose.split()[:6]
    # Text nodes break at inline markup, so the opening words may span lines of page_text.
    opening = re.search(r"\s+".join(map(re.escape, words)), page_text) if words else None
    above = page_text[max(0, opening.start() - 1500) : opening.start()] if opening else "\n".join(lead)
    dates = find_dates(above)
    return dates[-1][2] if dates else None


def _tidy(text: str) -> str:
    """Paragraphs separated by one blank line, each squashed to single spaces."""
    paragraphs = [squash(line) for line in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p)


def _captions(tree: Any) -> tuple[str, ...]:
    found: list[str] = []
    for node in tree.xpath(_CAPTION_XPATH)[:50]:
        text = squash(node.text_content())
        if 2 < len(text) < 600 and text not in found:
            found.append(text)
    return tuple(found)


def _remove_captions(body: str, captions: tuple[str, ...]) -> str:
    if not captions:
        return body
    drop = set(captions)
    return "\n\n".join(p for p in body.split("\n\n") if p not in drop)


def _drop_leading_title(body: str, title: str | None) -> str:
    """The headline is a field, not body text: drop it when it opens the body."""
    if not title:
        return body
    first, _, rest = body.partition("\n\n")
    return rest if rest and _same(first, title) else body


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a.casefold()) == re.sub(r"\W+", "", b.casefold())


def _language(body: str, found: Candidates) -> str | None:
    """ISO 639-1 from the text itself; the page's declared language when the text is too short."""
    if len(body) >= 200:
        import py3langid

        code, _ = py3langid.classify(body[:3000])
        return str(code)
    for _, value in found.language:
        code = value.strip().lower()[:2]
        if code.isalpha():
            return code
    return None
