"""Why an extracted page is not an article: empty shells, error pages, index pages, paywall stubs."""

from __future__ import annotations

import re

from sitroom.stages.clean.html_meta import Candidates
from sitroom.stages.clean.rejection import BRIEF_SENTENCE, MIN_BRIEF_WORDS

MIN_WORDS = 60  # shorter bodies are teasers, shells or stubs, not articles worth annotating
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle"})

_ERROR_TITLE = re.compile(
    r"\b(?:404|403|410|500|page not found|not found|access denied|forbidden|error page|"
    r"page (?:does not|doesn't) exist|service unavailable|just a moment)\b",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"\b(?:subscribe to (?:continue|read)|to continue reading|already a subscriber|"
    r"subscribers only|sign in to read|create a free account to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?(?:\s|$)")


def rejection(body: str, title: str | None, found: Candidates) -> str | None:
    """A reason when the page is not an article, else None: "category: detail", the categories
    shared with the text track (empty, too_short, not_article) so that the store counts them together."""
    words = len(body.split())
    if title and _ERROR_TITLE.search(title) and words < 300:
        return f"not_article: error page (title {title[:60]!r})"
    if words == 0:
        return "empty: no article text found"
    if words < MIN_WORDS:
        if _PAYWALL.search(body):
            return f"not_article: paywalled stub ({words} words)"
        if not _brief(body, found):
            return f"too_short: too little text for an article ({words} words)"
    if _looks_like_index(body, found):
        return "not_article: index page (a list of headlines, not one article)"
    return None


def _brief(body: str, found: Candidates) -> bool:
    """A news brief: a page marked as an article whose story is told in a full sentence or two
    ("VELMORA (March 4) – A patrol detained two suspected smugglers off the coast today.")."""
    if not any(t in _ARTICLE_TYPES for t in found.page_types) or len(body.split()) < MIN_BRIEF_WORDS:
        return False
    return any(len(p.split()) >= BRIEF_SENTENCE and _SENTENCE_END.search(p) for p in body.split("\n"))


def _looks_like_index(body: str, found: Candidates) -> bool:
    """Mostly links and little prose, and nothing marking the page as a single article.

    Articles with long navigation reach a link share of about 0.7 (99th percentile on news-like
    pages), so the share alone is not enough: the extracted text must also be short or prose-free."""
    if any(t in _ARTICLE_TYPES for t in found.page_types):
        return False
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    prose = sum(1 for p in paragraphs if len(p.split()) >= 15 and _SENTENCE_END.search(p))
    if len(paragraphs) >= 8 and prose == 0:
        return True
    return found.link_share >= 0.65 and len(body.split()) < 250
