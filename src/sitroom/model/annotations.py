"""Annotation records: each points into its article's body by character offsets.

Every record here has `start` and `end`; `article.body[start:end]` is the text it is about.
Records are frozen and hold plain values only, so they pickle across processes and
serialise to the v1 export format without translation tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Token:
    """One spaCy token, kept so later stages can rebuild a parsed Doc without re-parsing."""

    start: int
    end: int
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token within the article
    lemma: str
    space: bool  # followed by whitespace


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, NORP, AGENCY, MILITARY_UNIT, WEAPON, ...
    text: str


@dataclass(frozen=True, slots=True)
class Statement:
    start: int  # span of the statement's content (the quote or the reported clause)
    end: int
    text: str
    speaker: str | None  # as written
    speaker_kind: str  # person | organization | anonymous | unknown
    speaker_role: str | None = None
    speaker_org: str | None = None
    speaker_resolved: str | None = None  # full name when the text gives it elsewhere
    speaker_country: str | None = None  # ISO 3166 alpha-3 when the text says it
    speaker_start: int | None = None
    speaker_end: int | None = None
    direct: bool = False
    stance: str = "assert"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    via: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    name: str  # the gazetteer's name
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166 alpha-3
    kind: str  # city | region | country | site | water | other
    geonames_id: int | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class DistanceClaim:
    """A distance the text states ("about 250km from Punggye-ri"), checked against coordinates.

    The span is the stated figure with its unit; `flagged` when it is more than 25% off.
    """

    start: int
    end: int
    text: str
    stated_km: float
    qualifier: str | None = None  # about | only | nearly | more than | ...
    origin: str | None = None  # the place the distance is said to separate from the target, as written
    origin_start: int | None = None
    origin_end: int | None = None
    target: str | None = None  # the place after "from"/"of", as written
    target_start: int | None = None
    target_end: int | None = None
    computed_km: float | None = None  # great-circle distance between the two resolved places
    checked: bool = False  # both ends resolved to points (towns, sites), so the figure could be checked
    flagged: bool = False  # checked and more than 25% off


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # date | time | duration | set
    value: str | None  # TIMEX3-style value: 2024-10-18, XXXX-04-21, 2024-10, P3D, ...
    precision: str | None  # day | month | year | week | time | None


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # what is counted: troops, soldiers, missiles, km, ...
    qualifier: str | None = None  # at least | about | up to | more than | exactly | ...
    # decided | planned | deployed | estimated | killed | wounded | captured | displaced | at_site
    scope: str | None = None
    statement: int | None = None  # index in article.statements of the statement that reports it
    as_of: str | None = None  # the date the figure refers to (TIMEX3-style value)
    as_of_basis: str | None = None  # sentence (a date in its sentence) | published | None


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None


# Events that are said (an accusation, a threat, an appeal, a rejection, a pledge of support): placed
# where the speaker is ("Moscow criticised Romania" happened in Moscow), so their place says nothing of
# where what they speak about happened; an attack or a deployment happens where its target is.
SPOKEN_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "DEMAND", "DISAPPROVE"})


@dataclass(frozen=True, slots=True)
class Event:
    start: int  # the sentence or clause that reports it
    end: int
    type: str  # PLOVER type
    mode: str | None = None
    source_actor: Actor | None = None
    target_actor: Actor | None = None
    location: Place | None = None
    date: TimeExpression | None = None
    quantities: tuple[Quantity, ...] = field(default_factory=tuple)
    factuality: str = "reported"  # reported | planned | estimated | denied | hypothetical
    trigger: str | None = None
    confidence: float = 1.0
    as_of: str | None = None  # the day it is dated to: `date`'s value, else the publication date
    as_of_basis: str | None = None  # sentence | paragraph (a day the sentences before set) | lead | published
