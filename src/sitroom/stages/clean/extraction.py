"""What the clean step recovers from one page, before it becomes an Article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Extraction:
    body: str
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None  # "VLADIVOSTOK, Russia", "SEOUL", "Washington"
    wire: str | None = None  # wire credit kept from the text: "Yonhap", "AP"
    published: str | None = None  # YYYY-MM-DD
    published_basis: str | None = None  # metadata | text | inferred
    language: str | None = None  # ISO 639-1
    captions: tuple[str, ...] = ()
    rejected: str | None = None  # why this page is not an article; None when it is
