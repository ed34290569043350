"""Cross-article records: duplicates, stories, discrepancies. Built by corpus steps from stored articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Duplicate:
    """`article_id` is a copy (syndicated or re-scraped) of the earlier `duplicate_of`."""

    article_id: str
    duplicate_of: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    start: str | None  # earliest publication date among its articles
    end: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    value: float
    article_id: str
    record_id: str  # the quantity annotation that states it
    source: str | None  # the outlet (or speaker) that reports it
    as_of: str | None  # the date the figure refers to, else the article's publication date
    text: str  # the figure as written
    place: str | None = None  # where the event that counts it happened, when the text places it


@dataclass(frozen=True, slots=True)
class Discrepancy:
    id: str
    story_id: str
    subject: str  # what is counted and in what scope: "troops (deployed)"
    kind: str  # figure
    claims: tuple[Claim, ...]
    status: str  # open: the sources disagree and nothing reconciles them


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an entity is named: the article and the span in its body."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MergedEntity:
    """A person or organisation recognised across articles under several names and descriptions."""

    id: str
    name: str  # the fullest name seen ("Dmitry Peskov")
    kind: str  # person | organization | place
    aliases: tuple[str, ...]  # other names and descriptions ("Peskov", "Putin's spokesman")
    mentions: tuple[Mention, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatementReport:
    """One article's report of a statement."""

    article_id: str
    start: int
    end: int
    outlet: str | None
    via: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatementGroup:
    """The same statement reported by several articles, in different words."""

    id: str
    speaker: str  # the merged speaker's name
    stance: str
    reports: tuple[StatementReport, ...]
    independent_sources: int  # outlets or agencies that did not copy one another


class CorpusRecords(Protocol):
    """What the store writes after the corpus steps (sitroom.corpus.CorpusView satisfies it)."""

    @property
    def duplicates(self) -> Sequence[Duplicate]: ...
    @property
    def stories(self) -> Sequence[Story]: ...
    @property
    def discrepancies(self) -> Sequence[Discrepancy]: ...
    @property
    def entities(self) -> Sequence[MergedEntity]: ...
    @property
    def statement_groups(self) -> Sequence[StatementGroup]: ...
