"""TimeML reading and TempEval-3-style TIMEX scoring, shared by eval/timex.py and the floor test.

Extent: strict (same span) and relaxed (any overlap) P/R/F1, one-to-one matching. Value and
type: P and R count the relaxed matches whose attribute is right (TempEval-3 attribute F1).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    kind: str  # date | time | duration | set
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    creation: date | None
    timexes: tuple[Gold, ...]


def read_document(path: Path) -> Document:
    """The TEXT element as plain text with its TIMEX3 spans, and the creation date."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    creation = None
    if dct:
        value = dict(_ATTR.findall(dct.group(0))).get("value", "")
        match = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", value)
        creation = date(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text, timexes = _strip(body)
    return Document(path.stem, text, creation, tuple(timexes))


def _strip(markup: str) -> tuple[str, list[Gold]]:
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Gold] = []
    position = 0
    for tag in _TAG.finditer(markup):
        piece = html.unescape(markup[position : tag.start()])
        parts.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(Gold(start, length, attrs.get("type", "DATE").lower(), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(markup[position:]))
    return "".join(parts), timexes


def read_folder(folder: Path, part: str = "all") -> list[Document]:
    """Documents sorted by name; `holdout` is every fifth, `tune` the rest."""
    paths = sorted(folder.rglob("*.tml"))
    if part == "holdout":
        paths = paths[4::5]
    elif part == "tune":
        paths = [p for i, p in enumerate(paths) if i % 5 != 4]
    return [read_document(path) for path in paths]


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    kind: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[tuple[int, int, int]] = field(default_factory=list)  # (right values, system, gold) each

    def add(self, other: Tally) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "kind"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        self.documents.extend(other.documents or [(other.value, other.system, other.gold)])

    def value_interval(self, draws: int = 2000, level: float = 0.90, seed: int = 0) -> tuple[float, float]:
        """The document bootstrap's interval for value F1: how far it could move on another such set."""
        import numpy as np

        if not self.documents:
            return 0.0, 0.0
        counts = np.asarray(self.documents, dtype=float)
        picks = np.random.default_rng(seed).integers(0, len(counts), size=(draws, len(counts)))
        sums = counts[picks].sum(axis=1)  # per draw: right values, system, gold
        scores = 2 * sums[:, 0] / np.maximum(sums[:, 1] + sums[:, 2], 1)
        low, high = np.quantile(scores, [(1 - level) / 2, (1 + level) / 2])
        return float(low), float(high)


class Found:
    """What a system returned for one expression: span, kind and value."""

    def __init__(self, start: int, end: int, kind: str, value: str | None) -> None:
        self.start, self.end, self.kind, self.value = start, end, kind, value


def score_document(doc: Document, found: Iterable[Found]) -> Tally:
    """One-to-one matching: exact spans first, then the first unmatched overlap."""
    system = list(found)
    tally = Tally(gold=len(doc.timexes), system=len(system))
    free = set(range(len(system)))
    pairs: list[tuple[Gold, Found | None]] = []
    for gold in doc.timexes:
        exact = next((i for i in free if (system[i].start, system[i].end) == (gold.start, gold.end)), None)
        overlap = (
            exact
            if exact is not None
            else next(
                (i for i in sorted(free) if system[i].start < gold.end and gold.start < system[i].end), None
            )
        )
        if overlap is not None:
            free.discard(overlap)
        pairs.append((gold, system[overlap] if overlap is not None else None))
    for gold, match in pairs:
        label = doc.text[gold.start : gold.end]
        if match is None:
            tally.errors.append(f"{doc.name}\tMISS\t{label}\t{gold.kind}\t{gold.value}")
            continue
        tally.relaxed += 1
        tally.strict += (match.start, match.end) == (gold.start, gold.end)
        tally.value += match.value == gold.value
        tally.kind += match.kind == gold.kind
        if match.value != gold.value:
            got = doc.text[match.start : match.end]
            tally.errors.append(f"{doc.name}\tVALUE\t{label}\t{gold.value}\tgot {got!r} {match.value}")
    for i in sorted(free):
        extra = system[i]
        tally.errors.append(
            f"{doc.name}\tEXTRA\t{doc.text[extra.start : extra.end]}\t{extra.kind}\t{extra.value}"
        )
    return tally


def f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    both = precision + recall
    return precision, recall, (2 * precision * recall / both if both else 0.0)


def evaluate(docs: Iterable[Document], system: Callable[[Document], Iterable[Found]]) -> Tally:
    total = Tally()
    for doc in docs:
        total.add(score_document(doc, system(doc)))
    return total
