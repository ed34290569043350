"""Attribution spans on PolNeAR (brat standoff): source, cue and content F1, exact and partial,
for sitroom's StatementStage and a simple rule baseline measured in the same run.

    python eval/polnear.py --data ../shared/data/quotes/polnear/dev
    python eval/polnear.py --data DIR --limit 20

Exact: the predicted span equals a gold span of the same role once both are trimmed of spaces,
punctuation and quote marks at the edges. Partial: the two spans share at least one character.
Discontinuous gold spans are compared by their hull. When a text has several annotation files
(double annotation), the first is used. PolNeAR also marks thoughts and intentions as
attributions, which sitroom does not report as statements: recall is bounded by that.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.quotes import Pipeline

ROLES = ("source", "cue", "content")
_EDGE = " \t\n.,;:!?\"'“”‘’()[]—–-"
Span = tuple[int, int]


@dataclass
class Spans:
    """Spans per role for one document."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)

    def of(self, role: str) -> list[Span]:
        spans: list[Span] = getattr(self, role)
        return spans


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    exact_p: int = 0
    exact_r: int = 0
    partial_p: int = 0
    partial_r: int = 0

    def f1(self, kind: str) -> tuple[float, float, float]:
        exact = kind == "exact"
        hit_p, hit_r = (self.exact_p, self.exact_r) if exact else (self.partial_p, self.partial_r)
        precision = hit_p / self.predicted if self.predicted else 0.0
        recall = hit_r / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


# --- loading -----------------------------------------------------------------------------------


def load(folder: Path) -> list[tuple[str, str, Spans]]:
    """(name, text, gold spans) per text with an annotation file."""
    docs: list[tuple[str, str, Spans]] = []
    annotations = sorted((folder / "attributions").glob("*.ann"))
    for text_path in sorted((folder / "text").glob("*.txt")):
        matching = [a for a in annotations if a.name.rsplit("_", 1)[0] == text_path.stem]
        if matching:
            text = text_path.read_text(encoding="utf-8")
            docs.append((text_path.stem, text, parse_ann(matching[0].read_text(encoding="utf-8"))))
    return docs


def parse_ann(raw: str) -> Spans:
    spans = Spans()
    for line in raw.splitlines():
        match = re.match(r"T\d+\t(Source|Cue|Content) ([\d ;]+)\t", line)
        if not match:
            continue
        numbers = [int(n) for n in re.findall(r"\d+", match.group(2))]
        spans.of(match.group(1).lower()).append((min(numbers), max(numbers)))
    return spans


# --- systems -----------------------------------------------------------------------------------


def sitroom_spans(pipeline: Pipeline, name: str, text: str) -> Spans:
    spans = Spans()
    for statement in pipeline(name, text).statements:
        spans.content.append((statement.start, statement.end))
        if statement.cue_start is not None and statement.cue_end is not None:
            spans.cue.append((statement.cue_start, statement.cue_end))
        if statement.speaker_start is not None and statement.speaker_end is not None:
            spans.source.append((statement.speaker_start, statement.speaker_end))
    return spans


_QUOTE = re.compile(r"[“\"]([^“”\"\n]{10,}?)[”\"]")
_CUE = re.compile(r"\b(?:said|says|told|added|stated|according to)\b")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s+$")
_NAME_AFTER = re.compile(r"^\s+((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*|he|she|they)\b")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"]?|\n|$)")


def baseline_spans(text: str) -> Spans:
    """The rule baseline: quoted text, the nearest "said"-type word in its sentence, and the name
    or pronoun next to that word; plus "X said (that) Y" for sentences without quotes."""
    spans = Spans()
    for sentence in _SENTENCE.finditer(text):
        s_start, s_text = sentence.start(), sentence.group()
        cues = list(_CUE.finditer(s_text))
        if not cues:
            continue
        quotes = list(_QUOTE.finditer(s_text))
        cue = cues[0]
        if quotes:
            for quote in quotes:
                spans.content.append((s_start + quote.start(1), s_start + quote.end(1)))
        else:
            rest = s_text[cue.end() :]
            lead = len(rest) - len(rest.lstrip())
            if rest.lstrip().startswith("that "):
                lead += 5
            content = rest[lead:].rstrip(" .!?\n")
            if len(content.split()) < 3:
                continue
            spans.content.append((s_start + cue.end() + lead, s_start + cue.end() + lead + len(content)))
        spans.cue.append((s_start + cue.start(), s_start + cue.end()))
        source = _NAME_BEFORE.search(s_text[: cue.start()]) or _NAME_AFTER.search(s_text[cue.end() :])
        if source:
            offset = s_start if source.re is _NAME_BEFORE else s_start + cue.end()
            spans.source.append((offset + source.start(1), offset + source.end(1)))
    return spans


# --- scoring -----------------------------------------------------------------------------------


def trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def score(text: str, predicted: list[Span], gold: list[Span], counts: Counts) -> None:
    pred = {trimmed(text, s) for s in predicted}
    true = {trimmed(text, s) for s in gold}
    counts.predicted += len(pred)
    counts.gold += len(true)
    counts.exact_p += len(pred & true)
    counts.exact_r += len(pred & true)
    counts.partial_p += sum(any(_overlaps(p, g) for g in true) for p in pred)
    counts.partial_r += sum(any(_overlaps(p, g) for p in pred) for g in true)


def _overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _pair(counts: Counts) -> str:
    return f"{counts.f1('exact')[2]:.3f}/{counts.f1('partial')[2]:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    docs = load(args.data)
    docs = docs[: args.limit] if args.limit else docs
    pipeline = Pipeline()
    pipeline("warm-up", "She said it was warm.")
    results = {system: {role: Counts() for role in ROLES} for system in ("sitroom", "baseline")}
    began = time.perf_counter()
    for name, text, gold in docs:
        systems = (("sitroom", sitroom_spans(pipeline, name, text)), ("baseline", baseline_spans(text)))
        for system, spans in systems:
            for role in ROLES:
                score(text, spans.of(role), gold.of(role), results[system][role])
    print(f"documents {len(docs)}  gold attributions {sum(len(g.content) for _, _, g in docs)}  "
          f"({time.perf_counter() - began:.0f} s)")
    print(f"{'system':<9} {'role':<8} {'exact P/R/F1':>20} {'partial P/R/F1':>22}")
    for system, by_role in results.items():
        for role, counts in by_role.items():
            exact, partial = counts.f1("exact"), counts.f1("partial")
            print(f"{system:<9} {role:<8} {exact[0]:6.3f} {exact[1]:6.3f} {exact[2]:6.3f}   "
                  f"{partial[0]:6.3f} {partial[1]:6.3f} {partial[2]:6.3f}")
    headline = " ".join(f"{role} {_pair(results['sitroom'][role])} (base {_pair(results['baseline'][role])})"
                        for role in ROLES)
    print(f"HEADLINE polnear F1 exact/partial: {headline}")


if __name__ == "__main__":
    main()
