"""TIMEX benchmark on a TimeML folder: sitroom's tagger against the gold TIMEX3 annotations.

    python eval/timex.py --data ../shared/data/time/TimeBank
    python eval/timex.py --data ../shared/data/time --part holdout --errors 40 --anchor

The reference date is each document's creation time (functionInDocument="CREATION_TIME").
Prints extent strict/relaxed P/R/F1, value and type P/R/F1 (TempEval-3 style), speed, and a
last line of headline figures. Anchors: HeidelTime value F1 0.776 and dateparser about 0.33.
`--part tune|holdout` splits documents (every fifth held out) so tuning can be checked.

    python eval/timex.py --infer --data ../shared/data/cluster/timeline17

`--infer` scores publication-date inference instead: each document is read without its date
(TimeML: the creation time; Timeline17: the InputDocs/<date>/ folder) and the confident inferences
are compared with the real date.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.published_dates import score as score_inference
from eval.timeml import Document, Found, Tally, evaluate, f1, read_folder
from sitroom.stages.timex import tag


def sitroom_system(doc: Document) -> list[Found]:
    return [Found(t.start, t.end, t.kind, t.value) for t in tag(doc.text, doc.creation)]


def dateparser_system(doc: Document) -> list[Found]:
    """The anchor: dateparser's text search, its dates written as days (it has no other grain)."""
    from datetime import datetime

    from dateparser.search import search_dates

    base = datetime.combine(doc.creation, datetime.min.time()) if doc.creation else datetime.now()
    found: list[Found] = []
    position = 0
    for text, moment in search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []:
        start = doc.text.find(text, position)
        if start < 0:
            continue
        position = start + len(text)
        found.append(Found(start, position, "date", moment.date().isoformat()))
    return found


def report(tally: Tally, docs: int, seconds: float) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, correct in (("strict", tally.strict), ("relaxed", tally.relaxed), ("value", tally.value),
                          ("type", tally.kind)):  # fmt: skip
        precision, recall, score = f1(correct, tally.system, tally.gold)
        figures[name] = score
        print(f"{name:8} P {precision:.3f}  R {recall:.3f}  F1 {score:.3f}")
    figures["value_acc"] = tally.value / tally.relaxed if tally.relaxed else 0.0
    figures["type_acc"] = tally.kind / tally.relaxed if tally.relaxed else 0.0
    figures["docs_per_s"] = docs / seconds if seconds else 0.0
    low, high = tally.value_interval()
    print(f"value F1, 90% document-bootstrap interval (another set of such documents): {low:.3f}-{high:.3f}")
    print(f"gold {tally.gold}  system {tally.system}  relaxed matches {tally.relaxed}")
    print(
        f"value accuracy on relaxed matches {figures['value_acc']:.3f}  "
        f"type accuracy {figures['type_acc']:.3f}"
    )
    print(f"{docs} documents in {seconds:.1f} s ({figures['docs_per_s']:.1f} docs/s)")
    print("anchors: HeidelTime value F1 0.776 (TempEval-3 test), dateparser about 0.33")
    return figures


def infer_report(folder: Path, limit: int, errors: int) -> int:
    started = time.perf_counter()
    scores = score_inference(folder, limit)
    seconds = time.perf_counter() - started
    for line in scores.wrong[:errors]:
        print(line)
    dated = scores.dated or 1
    coverage = scores.dated / (scores.documents or 1)
    same_day, week, year = (n / dated for n in (scores.same_day, scores.within_week, scores.same_year))
    print(f"{scores.documents} documents, {scores.dated} dated by inference (coverage {coverage:.3f})")
    print(f"of those: same day {same_day:.3f}  within a week {week:.3f}  same year {year:.3f}")
    print(
        f"PUBLISHED {folder.name}: coverage {coverage:.3f}  same-day accuracy {same_day:.3f}  "
        f"within-week {week:.3f}  {scores.documents / seconds:.0f} docs/s"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="a folder of .tml files (searched recursively)"
    )
    parser.add_argument("--part", choices=("all", "tune", "holdout"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors (console only)")
    parser.add_argument("--infer", action="store_true", help="score publication-date inference instead")
    parser.add_argument("--limit", type=int, default=500, help="--infer: at most this many documents")
    parser.add_argument("--anchor", action="store_true", help="also score dateparser on the same documents")
    args = parser.parse_args(argv)
    if args.infer:
        return infer_report(args.data, args.limit, args.errors)
    docs = read_folder(args.data, args.part)
    if not docs:
        parser.error(f"no .tml files under {args.data}")
    started = time.perf_counter()
    tally = evaluate(docs, sitroom_system)
    seconds = time.perf_counter() - started
    for line in tally.errors[: args.errors]:
        print(line)
    figures = report(tally, len(docs), seconds)
    anchor_note = ""
    if args.anchor:
        started = time.perf_counter()
        anchor = evaluate(docs, dateparser_system)
        print("-- anchor: dateparser.search_dates")
        anchor_note = (
            f"  (dateparser value F1 {report(anchor, len(docs), time.perf_counter() - started)['value']:.3f})"
        )
    print(
        f"TIMEX {args.data.name} ({args.part}, {len(docs)} docs): value F1 {figures['value']:.3f}  "
        f"relaxed F1 {figures['relaxed']:.3f}  strict F1 {figures['strict']:.3f}  "
        f"type acc {figures['type_acc']:.3f}  {figures['docs_per_s']:.0f} docs/s{anchor_note}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
