"""Publication-date inference scored on dated documents, for `eval/timex.py --infer`.

Each document is read without its date; the inferred date (when the inference is confident
enough to be used) is compared with the real one. Coverage says how often a date is given,
accuracy how often it is right (same day, within a week, same year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eval.timeml import read_folder
from sitroom.stages.timex import find
from sitroom.stages.timex.infer import MIN_CONFIDENCE, infer_published
from sitroom.stages.timex.officials import load_terms

# Timeline17's texts are tokenised ("February 14 , 2011 ."): undo the commonest splits.
_DETOKENISE = (
    (re.compile(r" ([,.;:!?%])"), r"\1"),
    (re.compile(r" (['’](?:s|re|ve|ll|d|m)\b|n't)"), r"\1"),
    (re.compile(r"-LRB- ?"), "("),
    (re.compile(r" ?-RRB-"), ")"),
    (re.compile(r"`` ?| ?''"), '"'),
)


@dataclass
class Scores:
    documents: int = 0
    dated: int = 0
    same_day: int = 0
    within_week: int = 0
    same_year: int = 0
    wrong: list[str] = field(default_factory=list)


def dated_documents(folder: Path, limit: int) -> Iterator[tuple[str, str, date]]:
    """(name, text, real date) from a TimeML folder or a Timeline17-style InputDocs/<date>/ tree."""
    inputs = sorted(folder.rglob("InputDocs/*/*.txt"))
    if inputs:
        step = max(1, len(inputs) // limit)
        for path in inputs[::step][:limit]:
            text = path.read_text(encoding="utf-8", errors="replace")
            for pattern, replacement in _DETOKENISE:
                text = pattern.sub(replacement, text)
            yield str(path.relative_to(folder)), text, date.fromisoformat(path.parent.name)
        return
    for doc in read_folder(folder)[:limit]:
        if doc.creation is not None:
            yield doc.name, doc.text, doc.creation


def score(folder: Path, limit: int, latest: date | None = None) -> Scores:
    """`latest`: an upper bound known for every document (none by default, like an undated page)."""
    terms = load_terms()
    scores = Scores()
    for name, text, real in dated_documents(folder, limit):
        scores.documents += 1
        inference = infer_published(text, find(text), terms, latest=latest)
        if inference is None or inference.confidence < MIN_CONFIDENCE:
            continue
        scores.dated += 1
        gap = abs((inference.published - real).days)
        scores.same_day += gap == 0
        scores.within_week += gap <= 7
        scores.same_year += inference.published.year == real.year
        if gap > 7:
            scores.wrong.append(f"{name}\treal {real}\tgot {inference.published}\t{inference.evidence}")
    return scores
