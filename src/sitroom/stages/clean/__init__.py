"""The clean step: RawArticle -> Article, from scraped text or HTML, with metadata and a verdict.

Input metadata (JSONL fields, WARC headers) beats what the page text says; the text fills
what the metadata lacks. A page that is not an article comes back rejected, with a reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from sitroom.config import Settings
from sitroom.model import Article, Hints, RawArticle
from sitroom.stages.clean.blocks import split_units, unify_line_breaks
from sitroom.stages.clean.boilerplate import BoilerplateProfile, group_key, learn_boilerplate
from sitroom.stages.clean.extraction import Extraction
from sitroom.stages.clean.text import clean_text
from sitroom.stages.clean.textmeta import find_date

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


class Cleaner:
    """Turns one RawArticle into an Article; holds only settings and a boilerplate profile."""

    name: ClassVar[str] = "clean"
    version: ClassVar[str] = "10"  # 10: day-first EFE datelines; 9: a tagline is no headline
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = (
        "body", "title", "subtitle", "outlet", "byline", "dateline", "wire", "published",
        "published_basis", "language", "captions", "rejected",
    )

    def __init__(self, settings: Settings, profile: BoilerplateProfile | None = None) -> None:
        self.settings = settings
        self.profile = profile

    def __call__(self, raw: RawArticle) -> Article:
        article = Article(
            id=raw.id,
            source=raw.source,
            body="",
            url=raw.hints.url,
            retrieved=raw.hints.retrieved,
            problems=raw.notes,
        )
        if raw.problem:
            return article.evolve(rejected=raw.problem)
        content, problems = _cut(raw.content, self.settings.max_chars)
        if raw.kind == "html":
            extraction = _extract_html(content, raw.hints)
        else:
            content = unify_line_breaks(content)
            extraction = clean_text(content, raw.hints, self.profile, group_key(raw.hints, raw.source))
        extraction = _apply_hints(extraction, raw.hints)
        return article.evolve(
            body=extraction.body,
            title=extraction.title,
            subtitle=extraction.subtitle,
            outlet=extraction.outlet,
            byline=extraction.byline,
            dateline=extraction.dateline,
            wire=extraction.wire,
            published=extraction.published,
            published_basis=extraction.published_basis,
            language=extraction.language,
            captions=extraction.captions,
            rejected=extraction.rejected,
            problems=raw.notes + problems,
        )


def learn_profile(raws: Sequence[RawArticle]) -> BoilerplateProfile:
    """The boilerplate profile of a batch: blocks recurring across a site's scraped texts.

    HTML pages are left out: their extractor has the page structure to go by.
    """
    grouped: dict[str, list[list[str]]] = defaultdict(list)
    for raw in raws:
        if raw.problem or raw.kind != "text":
            continue
        key = group_key(raw.hints, raw.source)
        if key is not None:
            grouped[key].append([unit.text for unit in split_units(raw.content)])
    return learn_boilerplate(grouped)


def _cut(content: str, max_chars: int) -> tuple[str, tuple[str, ...]]:
    """Overlong input cut at a paragraph boundary, with a note saying so."""
    if len(content) <= max_chars:
        return content, ()
    boundary = content.rfind("\n\n", 0, max_chars)
    cut = content[: boundary if boundary > max_chars // 2 else max_chars]
    return cut, (f"clean: input cut at {len(cut)} of {len(content)} characters",)


def _extract_html(html: str, hints: Hints) -> Extraction:
    """The HTML extractor; until it is available, visible text cleaned as scraped text."""
    try:
        from sitroom.stages.clean.html import extract_html
    except ImportError:
        from resiliparse.extract.html2text import extract_plain_text

        text = extract_plain_text(html, main_content=False, preserve_formatting=True, list_bullets=True,
                                  alt_texts=True, links=False, form_fields=False, noscript=False)
        return clean_text(text, hints)
    return extract_html(html, hints)


def _apply_hints(extraction: Extraction, hints: Hints) -> Extraction:
    """Metadata that came with the input wins over what was read from the page."""
    published = normalise_date(hints.published)
    title = hints.title.strip() if hints.title else None
    return replace(
        extraction,
        body=_drop_leading_title(extraction.body, title) if title else extraction.body,
        title=title or extraction.title,
        byline=(hints.byline or "").strip() or extraction.byline,
        outlet=(hints.outlet or "").strip() or extraction.outlet,
        language=hints.language or extraction.language,
        published=published or extraction.published,
        published_basis="metadata" if published else extraction.published_basis,
    )


def _drop_leading_title(body: str, title: str) -> str:
    first, _, rest = body.partition("\n")
    if first.strip().lower() == title.strip().lower() and rest.strip():
        return rest.lstrip("\n")
    return body


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date; None when there is no full date."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    if match:
        return "-".join(match.groups())
    found = find_date(value)
    return found[0] if found else None


__all__ = ["BoilerplateProfile", "Cleaner", "clean_text", "learn_boilerplate", "learn_profile"]
