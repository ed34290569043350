"""Choose the byline among the candidates a page offers: structured metadata, the printed byline, markup."""

from __future__ import annotations

import functools
import itertools
import re
from urllib.parse import urlsplit

from sitroom.config import RESOURCES_DIR
from sitroom.stages.clean.html_meta import Candidates
from sitroom.stages.clean.html_pick import _SEPARATOR, clean_text, site_names, text_key

_BY = re.compile(r"^\s*(?:written\s+|posted\s+|words\s+|story\s+)?by\b[:\s]*", re.IGNORECASE)
# What follows a name in a byline line: dates, "Updated", "min read", separators.
_AFTER_NAME = re.compile(
    r"\s*(?:[|•·—–]|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\d{1,2}\s*min\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d\d|\d{1,2}/\d{1,2}/)",
    re.IGNORECASE,
)
# Not a name: links, handles, numbers, template keys left unfilled ("page.head.author"), labels.
_NOT_AUTHOR = re.compile(
    r"^(?:https?:|www\.|@)|^\d+$|^\w+(?:\.\w+){3,}$"
    r"|^(?:by|author|authors|admin|editor|contributor|writer|reporter)$",
    re.IGNORECASE,
)
# A name word; a bracketed one is a maiden or middle name ("Paramita (Guha) Ghosh").
_UPPER = "A-ZÀ-ÖØ-ÞĆČĐŁŃŘŚŠŹŻŽŐŰ"  # capitals that open names, Latin-1 and Central European included
_NAME_WORD = re.compile(
    rf"^(?:\(?[{_UPPER}][\w'’.-]*\)?|[{_UPPER}]\.|de|van|von|der|da|del|la|le|bin|al|and|&)$"
)
_AUTHOR_ORDER = ("ld-article", "meta:author", "meta:article:author", "meta:parsely-author",
                 "meta:sailthru.author", "meta:dc.creator", "meta:citation_author", "meta:byl",
                 "meta:cxenseparse:author", "meta:dcterms.creator")
# Byline markup whose element names the author directly, before generic "author" containers.
_MARKUP_ORDER = ("markup:a", "markup:span", "markup:h4", "markup:h5", "markup:strong", "markup:b",
                 "markup:address", "markup:aside", "markup:p", "markup:div", "markup:li")


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
        # "Nutrition & Recipes" is a section: each person joined by "&"/"and" has two name words.
        or any(len(part.split()) < 2 for part in re.split(r"\s(?:&|and)\s", text))
    ):
        return None
    return text


_DIGIT = re.compile(r"\d")


_PARTICLE = r"de|van|von|der|da|del|la|le|bin|al"
_WORD = rf"[{_UPPER}][\w'’.-]"
_NAME = rf"(?:{_WORD}+|[{_UPPER}]\.)(?:[ \t]+(?:{_WORD}*|[{_UPPER}]\.|{_PARTICLE})){{0,4}}"
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
            return ", ".join(cleaned[:12])
    return None


def markup_author(found: Candidates) -> str | None:
    """A name in byline markup (rel=author, itemprop=author, .byline, .author-name)."""
    for source in _MARKUP_ORDER:
        for s, value in found.author:
            name = byline_name(value) if s == source else None
            if name:
                return name
    return None


_SAYS = re.compile(r"^(?:says|said|replied|wrote)\s*:?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"^(?!(?:Dr|Mr|Mrs|Ms|Jr|Sr|St|Prof)\.$)\w{2,}\.$")
_BY_INSIDE = re.compile(r"\b(?:written |posted |text |words |story )?by\b:?\s*", re.IGNORECASE)


def byline_name(text: str) -> str | None:
    """The first name in a byline element's lines: after "by" when it says so, skipping dates,
    "5 min read" and separators, cut before a role ("Ada Berg, Head of Research" -> "Ada Berg")."""
    lines = text.split("\n")
    if any(_SAYS.match(line) for line in lines):
        return None  # "Ada Berg / says:": a comment's author, not the article's
    for line in lines[:4]:
        by = _BY_INSIDE.search(line)
        for segment in _AFTER_NAME.split(line[by.end() :] if by else line):
            name = _leading_names(segment)
            if name:
                return name
    return None


def _leading_names(segment: str) -> str | None:
    """Comma- or "and"-joined names at the start of a segment, each two or more name words."""
    names: list[str] = []
    for part in re.split(r"\s*,\s*|\s+(?:and|&)\s+", segment.strip(" ,;:|-")):
        words = list(itertools.takewhile(_NAME_WORD.match, part.split()))
        if any(_SENTENCE_END.match(w) for w in words[:-1]):
            break  # "Hello. My name is ...": a sentence, not a name
        name = clean_author(" ".join(words), strict=True) if words else None
        if not name or (len(words) < len(part.split()) and names):
            break  # a role or a sentence after the names
        names.append(name)
        if len(words) < len(part.split()):
            break
    return ", ".join(names) if names else None


_DATELIKE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
    r"\bmin(?:ute)?s?\s+read\b|\bupdated\b|\bpublished\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


_CREDIT = re.compile(r"\b(?:photo(?:graph)?s?|image|illustration|video|graphic)s?\s*$", re.IGNORECASE)


def visible_byline(found: Candidates) -> str | None:
    """The byline printed below the headline: "By ...", or a bare name beside the date line."""
    text = found.below_heading
    # "Photo by Ada Berg" credits a picture, not the article.
    bylines = (m for m in _VISIBLE_BYLINE.finditer(text) if not _CREDIT.search(text[: m.start() + 1]))
    match = next(bylines, None)
    named = clean_author(match.group(1), strict=True) if match else None
    if named:
        return named
    lines = found.below_heading.split("\n")[:6]
    for i, line in enumerate(lines):
        lead = re.split(r"\s+[|•·—–]\s+|\s*[|•·]\s*", line, maxsplit=1)
        name = clean_author(lead[0], strict=True) if len(lead[0].split()) <= 4 else None
        beside = " ".join(lines[max(0, i - 1) : i + 2]) if len(lead) == 1 else lead[1]
        role = len(lead) == 1 and i + 1 < len(lines) and _ROLE_BELOW.match(lines[i + 1])
        if name and (_DATELIKE.search(beside) or role):
            return name
    return None


# A job title on the line under a name: "Tech Writer", "Senior Editor, Health".
_ROLE_BELOW = re.compile(
    r"^(?:[A-Z][\w&-]*\s+){0,3}(?:Writer|Editor|Reporter|Correspondent|Columnist|Contributor|Journalist)\b"
)


def _without_site(author: str, names: set[str]) -> str:
    """The names in a structured author with the site's own name dropped ("Ada Berg, Coast Courier")."""
    parts = re.split(r"\s*,\s*|\s+[|/]\s+", author)
    return ", ".join(part for part in parts if part and not _holds_site(part, names))


def _holds_site(part: str, names: set[str]) -> bool:
    key = text_key(part)
    return any(key == name or (len(name) > 3 and name in key) for name in names)


def labelled_author(found: Candidates, source: str) -> str | None:
    """The name after a "By" label or in an author-page link; after a label, any short name
    will do ("whova", "The Currency editors"): the label says it is the author."""
    for s, value in found.author:
        if s == source:
            # A short one-line label value is taken whole: "The Currency editors" is the byline.
            whole = _labelled_name(value) if source == "label" and "," not in value else None
            name = whole or byline_name(value)
            if name:
                return _with_credentials(name, value.split("\n")[0])
    return None


# Post-nominal letters after a name: "MD", "Ph.D.", "E-RYT 200", "M.D. FACLM".
_CREDENTIALS = re.compile(r"(?:,\s*(?:[A-Z][A-Za-z]?\.?){1,2}[A-Z.-]*(?:\s+(?:[A-Z][A-Z.-]+|\d+))*)+$")


def _with_credentials(name: str, line: str) -> str:
    """The name with the credentials the byline prints after it, as the outlet credits the author."""
    rest = clean_text(line).removeprefix(name) if clean_text(line).startswith(name) else ""
    return name + rest if rest and _CREDENTIALS.fullmatch(rest) else name


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:[-–]\s*\d{4}\s*)?", re.IGNORECASE)


def site_owner(found: Candidates, url: str | None) -> str | None:
    """On a personal site the owner writes the posts: a person's name that the site goes by
    (title suffix, header line, copyright line) and that its domain spells ("tobyhede.com")."""
    host = urlsplit(url or "").hostname or ""
    labels = {label for label in host.split(".")[:-1] if len(label) > 3}
    if not labels:
        return None
    lines = found.visible_text.split("\n")
    texts = [v for s, v in found.title if s == "title"] + lines[:3] + lines[-12:]
    for text in texts:
        for part in _SEPARATOR.split(_COPYRIGHT.sub("", text.strip())):
            words = part.split(". ")[0].split()  # "Toby Hede. All rights reserved."
            name = clean_author(" ".join(words), strict=True) if len(words) == 2 else None
            keys = [text_key(word) for word in name.split()] if name and not name.isupper() else []
            spelt = any(label in keys or label == "".join(keys) for label in labels)
            if keys and spelt and _personal(keys):
                return name
    return None


# Last words that make "Given Word" an organisation ("Park University", "Noble Desktop").
_ORG_WORDS = frozenset((
    "university", "college", "school", "institute", "academy", "desktop", "software", "foods", "health",
    "hotels", "learning", "labs", "media", "group", "inc", "llc", "ltd", "company", "studio", "studios",
    "design", "digital", "systems", "solutions", "services", "tours", "travel", "news", "press",
))


def _personal(keys: list[str]) -> bool:
    """A first name and a surname: the first word a known given name, the last no organisation word."""
    return keys[0] in given_names() and keys[-1] not in _ORG_WORDS


@functools.cache
def given_names() -> frozenset[str]:
    """Given names shipped for the entity stage (built from Faker's lists by train/given_names.py)."""
    rows = (RESOURCES_DIR / "entities" / "given_names.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(row.split("\t")[0] for row in rows if row)


def _script_author(found: Candidates) -> str | None:
    """The author a share card's "Written by" field or an analytics data layer names: a last
    resort when the page prints no byline (both also name editors and account holders)."""
    for source in ("meta:twitter:data", "script"):
        value = next((v for s, v in found.author if s == source), None)
        name = _labelled_name(value) if value and "@" not in value else None
        if name:
            return name
    return None


def _labelled_name(text: str) -> str | None:
    text = clean_text(text).strip(" ,;:|-")
    words = text.split()
    # _BY: another label ("Written by"), not a name
    if _BY.match(text) or not 1 <= len(words) <= 5 or _NOT_AUTHOR.search(text) or _DATELIKE.search(text):
        return None
    if text[-1] in ".?!" or not text[0].isalnum():
        return None
    if any(w.casefold().strip(".,") in _NOT_NAME_WORDS for w in words):
        return None
    return text


def agreed_single_name(found: Candidates) -> str | None:
    """A one-word name ("Kev", "Staff") only when two kinds of place agree: an author link or
    author markup, and the line beside the date under the headline."""
    kinds: dict[str, set[str]] = {}
    for source, value in found.author:
        first = value.split("\n")[0].strip()
        if source.startswith(("markup:", "author-link")) and _single_name(first):
            kinds.setdefault(first, set()).add("markup")
    lines = found.below_heading.split("\n")[:6]
    for i, line in enumerate(lines):
        beside = " ".join(lines[max(0, i - 1) : i + 2])
        if _single_name(line) and _DATELIKE.search(beside):
            kinds.setdefault(line.strip(), set()).add("beside-date")
    return next((name for name, seen in kinds.items() if len(seen) > 1), None)


def _single_name(text: str) -> bool:
    word = text.strip()
    return bool(re.fullmatch(r"[A-Z][\w'’-]{1,30}", word)) and word.casefold() not in _NOT_NAME_WORDS


_JOINER = re.compile(r"^(?:,|;|&|and|, and)$", re.IGNORECASE)
# What may sit between two names in a printed author list: affiliation marks ("1", "*") and a
# role after a comma (", senior editor"); a role is only skipped when a name follows it.
_MARK = re.compile(r"^[\d*†‡]+$")
_ROLE_LINE = re.compile(r"^,\s*\S")
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+")


def with_coauthors(author: str, found: Candidates) -> str:
    """A lone name that opens a printed list of names ("Ada Berg , Tomas Lind & Mia Holt", one
    name a line): the whole list as printed. Metadata often names only the first author."""
    if "," in author:
        return author
    lines = [line.strip() for line in found.visible_text.split("\n")]
    # The first time the page prints the name: later ones are teasers, bios and comments.
    first = next((i for i, line in enumerate(lines) if _HONORIFIC.sub("", line) == author), None)
    names = _printed_list(lines, first) if first is not None else []
    return ", ".join(names) if len(names) > 1 else author


def _printed_list(lines: list[str], first: int) -> list[str]:
    names, at = [lines[first]], first + 1
    while True:
        while at < len(lines) and _MARK.match(lines[at]):
            at += 1
        if at + 1 >= len(lines):
            return names
        # A role after each name (", senior editor") separates names only when every name has one.
        role = bool(_ROLE_LINE.match(lines[at])) and len(lines[at].split()) > 1
        name = clean_author(lines[at + 1], strict=True)
        if not (_JOINER.match(lines[at]) or role) or not name or name in names or _role_words(name):
            return names
        if role and not (at + 2 < len(lines) and _ROLE_LINE.match(lines[at + 2])):
            return names
        names.append(name)
        at += 2


def _role_words(name: str) -> bool:
    return any(word.casefold() in _ROLE_WORDS for word in name.split())


_ROLE_WORDS = frozenset((
    "editor", "editors", "desk", "managing", "senior", "staff", "writer", "reporter", "contributor",
    "correspondent", "analyst", "team", "newsroom", "bureau",
))


def pick_author(found: Candidates, url: str | None) -> str | None:
    """The structured author, else the byline printed below the headline, else byline markup;
    with the co-authors the page prints after a lone name."""
    author = _choose_author(found, url)
    return with_coauthors(author, found) if author else None


def _choose_author(found: Candidates, url: str | None) -> str | None:
    """A structured author that is only the site's name or a login handle ("kffjdoe") gives way to
    a person's name printed on the page."""
    structured = structured_author(found)
    # Printed where the byline sits (below the headline, after a "By" label), or only somewhere in
    # author markup, which also holds related-post and comment names.
    printed = visible_byline(found) or labelled_author(found, "label")
    elsewhere = labelled_author(found, "author-link") or markup_author(found)
    if not structured:
        fallback = agreed_single_name(found) or _script_author(found) or site_owner(found, url)
        return printed or elsewhere or fallback
    names = site_names(found, url)
    people = _without_site(structured, names)
    if not people:  # the site's name: a person's name is better
        return printed or elsewhere or structured
    structured = people
    if printed and " " not in structured and text_key(printed) != text_key(structured):
        return printed
    return structured
