"""Boilerplate: the vocabulary of page furniture, and blocks learned to recur across a site.

A block that appears in several articles of the same site or outlet (paywall offer, share bar,
"Recommended for You", footer) is junk there, whatever it says. `learn_boilerplate` finds
those blocks in a pre-pass over a batch; `BoilerplateProfile` answers "is this junk here?".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import PurePath
from urllib.parse import urlsplit

import numpy as np

from sitroom.model import Hints
from sitroom.stages.clean import chars

# Words and word pairs of menus, share bars, paywalls, sign-up boxes, teasers and footers.
FURNITURE_WORDS = frozenset(
    (
        "share", "shares", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
        "instagram", "reddit", "telegram", "kakao", "youtube", "tiktok", "email", "e-mail", "print",
        "subscribe", "subscription", "subscribers", "subscriber", "newsletter", "newsletters", "signup",
        "login", "logout", "register", "account", "cookie", "cookies", "privacy", "copyright",
        "advertisement", "advertisements", "advertise", "advertising", "sponsored", "related",
        "recommended", "trending", "popular", "menu", "search", "home", "contact", "comments", "comment",
        "reply", "paywall", "trial", "premium", "icon", "chevron", "arrow", "burger", "close", "loading",
        "javascript", "browser", "download", "app", "apps", "podcast", "podcasts", "video", "videos",
        "gallery", "photos", "subscribed", "unsubscribe", "rss", "sitemap", "careers", "faq", "help",
        "feedback",
    )
)
FURNITURE_PAIRS = frozenset(
    (
        "sign in", "sign up", "log in", "log out", "read more", "more stories", "latest news",
        "latest posts", "top stories", "most read", "most popular", "also like", "click here", "follow us",
        "skip to", "contact us", "about us", "free article", "free articles", "unlimited access",
        "offer ends", "font size", "accessibility links", "breaking news", "go top", "all rights",
        "rights reserved", "terms of", "of use", "of service", "cookie policy", "privacy policy",
        "see all", "view all", "show more", "load more", "next article", "previous article", "you might",
        "might also", "may also", "related articles", "related stories", "recommended for", "for you",
        "share this", "this article", "join the", "the discussion", "get in", "in touch", "your inbox",
    )
)
_PLACEHOLDER_WORDS = frozenset(("image", "photo", "logo", "icon", "thumbnail", "avatar", "placeholder"))
# Strings that only page templates produce: placeholders, icon names run together, glyph rows.
_ICON_RUN = re.compile(r"[a-z](?:Icon|Chevron|Arrow)|(?:Icon|Chevron)[A-Z]")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.IGNORECASE)


# Headings that end an article on most sites: what follows them is teasers, comments or promotion.
_TAIL_HEADING = re.compile(
    r"^(?:related (?:articles|stories|posts|content|reading)|recent (?:articles|posts|stories)|"
    r"recommended (?:for you|stories)|"
    r"(?:you|we think you) (?:may|might|will|d|ll) (?:also )?(?:like|love|enjoy|be interested(?: in)?)"
    r"(?: the following(?: topics)?(?: as well)?)?|was this (?:page|article|post) helpful|"
    r"how useful was this (?:post|article|page)|keep exploring(?: this topic)?|like this|"
    r"more (?:stories|articles|news|from \w+(?: \w+)?|in \w+(?: \w+)?|like this)|read (?:next|this next)|"
    r"(?:latest|popular|trending|top) (?:posts|news|stories|articles)|most (?:read|popular|viewed|shared)|"
    r"trending(?: now)?|comments?|\d+ comments?|leave a (?:comment|reply)|"
    r"join the (?:discussion|conversation)|"
    r"about the authors?|share this(?: \w+)?|sponsored (?:content|stories)|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) \w+(?: \w+)?|what to read next|keep reading|"
    r"(?:article )?sources|references|footnotes|works cited|bibliography|tags)$"
)
# Headings only a comment section opens with: a count naming the post ("12 thoughts on “Title”"),
# or the closing notices of blog and newsletter platforms. Nothing of the story follows them.
_COMMENTS_HEADING = re.compile(
    r"^(?:0 (?:comments?|thoughts|responses?|replies|reactions?) (?:on|to) \w|"
    r"discussion about this post$|comments are closed$)"
)
# Lines that close a story in agency style; nothing after them belongs to it.
_CLOSING_CREDIT = re.compile(
    r"^\(?(?:with |additional )?(?:reporting|writing|editing) by\b|^\(?(?:compiled|edited|text|words) by\b",
    re.IGNORECASE,
)


# The first words (of a unit's key) that _TAIL_HEADING and _CLOSING_CREDIT can match.
_CLOSING_OPENERS = frozenset(
    (
        "related", "recent", "recommended", "you", "we", "more", "read", "latest", "popular", "trending",
        "top", "most", "comment", "comments", "0", "leave", "join", "about", "share", "sponsored", "sign",
        "subscribe", "what", "keep", "with", "additional", "reporting", "writing", "editing", "compiled",
        "edited", "discussion", "article", "sources", "references", "footnotes", "works", "bibliography",
        "tags", "was", "how", "like", "text", "words",
    )
)


def ends_article(key: str, text: str) -> str | None:
    """"heading", "comments" or "credit" when a unit closes the article.

    Teasers, readers' comments or promotion follow such a unit, never the story.
    """
    if len(key) >= 200 or key.partition(" ")[0] not in _CLOSING_OPENERS:
        return None  # a paragraph, or no closing line can start so (and matching costs time)
    if _COMMENTS_HEADING.match(key):
        return "comments"
    if len(key) <= 120 and _TAIL_HEADING.match(key):
        return "heading"
    return "credit" if _CLOSING_CREDIT.match(text) else None


def furniture_hits(words: list[str]) -> int:
    """How many (lower-cased) words or word pairs of the first 40 belong to page furniture."""
    head = words[:40]
    pairs = sum(f"{a} {b}" in FURNITURE_PAIRS for a, b in pairwise(head))
    return sum(map(FURNITURE_WORDS.__contains__, head)) + pairs


def looks_templated(text: str) -> bool:
    """Placeholders, icon labels run together, or no word at all."""
    if "{{" in text or "}}" in text or "spot_img" in text or "with Sketch" in text:
        return True
    if ("Icon" in text or "Chevron" in text or "Arrow" in text) and _ICON_RUN.search(text):
        return True
    words = text.split(None, 3)  # a fourth word rules out a placeholder; no need to split further
    if len(words) <= 3 and any(word.lower().strip(".:,") in _PLACEHOLDER_WORDS for word in words):
        return True  # "16x9 Image", "Author avatar": alt texts of pictures, not prose
    return _ALNUM.search(text, 0, 50) is None


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """The comparison key of a block: case, digits, punctuation and spacing do not count."""
    return _DIGITS.sub("0", _NON_WORD.sub(" ", text.lower())).strip()


def normalise_all(texts: list[str]) -> list[str]:
    """`normalise` of many one-line texts at once, in vectorised steps over their join."""
    if not texts or any("\n" in text for text in texts):
        return [normalise(text) for text in texts]
    points = chars.codes("\n".join(texts).lower())
    bits = chars.classes(points)
    word = (bits & chars.WORD) > 0
    digit = (bits & chars.DIGIT) > 0
    gap = ~word & (points != 10)  # what is neither a word character nor a line end
    # a run of digits becomes one "0", a run of anything else one space
    keep = ~(digit & chars.after(digit)) & ~(gap & chars.after(gap))
    points = np.where(digit, 48, np.where(gap, 32, points))
    return [key.strip(" ") for key in chars.text_of(points[keep]).split("\n")]


@dataclass(frozen=True, slots=True)
class BoilerplateProfile:
    """Normalised blocks that recur across articles, per group (site, outlet or folder)."""

    recurring: Mapping[str, frozenset[str]] = field(default_factory=dict)
    documents: Mapping[str, int] = field(default_factory=dict)  # articles seen per group

    def junk_for(self, group: str | None) -> frozenset[str]:
        """The recurring blocks of one group; empty when the group is unknown."""
        if group is None:
            return frozenset()
        return self.recurring.get(group, frozenset())


def learn_boilerplate(
    texts_by_group: Mapping[str, Iterable[Iterable[str]]],
    min_documents: int = 2,
    min_share: float = 0.02,
) -> BoilerplateProfile:
    """Blocks seen in at least `min_documents` articles (and `min_share` of them) of a group.

    `texts_by_group` maps a group key to its articles, each given as its blocks (units).
    Long prose recurs by quotation or syndication, so it needs twice the evidence.
    """
    recurring: dict[str, frozenset[str]] = {}
    documents: dict[str, int] = {}
    for group, articles in texts_by_group.items():
        counts: Counter[str] = Counter()
        total = 0
        for blocks in articles:
            total += 1
            counts.update({key for key in map(normalise, blocks) if key})
        needed = max(min_documents, math.ceil(min_share * total))
        documents[group] = total
        recurring[group] = frozenset(
            key for key, seen in counts.items() if seen >= (needed if key.count(" ") < 40 else 2 * needed)
        )
    return BoilerplateProfile(recurring=recurring, documents=documents)


def merge_profiles(profiles: Iterable[BoilerplateProfile]) -> BoilerplateProfile:
    """One profile from several (e.g. learned on separate batches); a group's blocks are united."""
    recurring: dict[str, frozenset[str]] = {}
    documents: dict[str, int] = {}
    for profile in profiles:
        for group, keys in profile.recurring.items():
            recurring[group] = recurring.get(group, frozenset()) | keys
            documents[group] = documents.get(group, 0) + profile.documents.get(group, 0)
    return BoilerplateProfile(recurring=recurring, documents=documents)


def group_key(hints: Hints, source: str | None = None) -> str | None:
    """Which site an article belongs to: its outlet, its URL's host, or its folder."""
    if hints.url:
        host = urlsplit(hints.url).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    if hints.outlet:
        return "outlet:" + hints.outlet.strip().lower()
    if source:
        return "folder:" + str(PurePath(source).parent)
    return None
