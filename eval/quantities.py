"""Figures: span and value quality on re3d Quantity entities, killed/captured counts on ISAF releases.

    python eval/quantities.py --data ../shared/data/events
    python eval/quantities.py --data ../shared/data/events --limit 30

re3d: a found figure is right when it overlaps a gold Quantity (or Money) span; recall is over
gold Quantity spans; value accuracy is over matched pairs whose gold text parses as a number.
ISAF: per release, the sum of figures with scope killed (captured) against min_killed
(min_captured), as exact-match accuracy over releases where either side is non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitroom.config import Settings
from sitroom.model import Article, Quantity
from sitroom.stages.dates import DateStage
from sitroom.stages.nlp import NlpStage
from sitroom.stages.quantities import QuantityStage, number_value


def read_re3d(root: Path, limit: int | None = None) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    """(text, [(start, end, type, value)]) per document, in a stable order."""
    docs: dict[str, str] = {}
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    for folder in sorted(p for p in (root / "re3d").iterdir() if p.is_dir()):
        for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                docs[doc["_id"]] = doc["text"]
        for line in (folder / "entities.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                ent = json.loads(line)
                spans.setdefault(ent["documentId"], []).append(
                    (ent["begin"], ent["end"], ent["type"], ent["value"])
                )
    ids = sorted(docs)[:limit] if limit else sorted(docs)
    return [(docs[i], spans.get(i, [])) for i in ids]


def read_isaf(root: Path, limit: int | None = None) -> list[tuple[str, int, int]]:
    """(release text, min_killed, min_captured) per press release."""
    path = root / "isaf-press-releases" / "isaf_press_releases_test_messages.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        messages = json.loads(line)["messages"]
        label = json.loads(messages[2]["content"])
        text = messages[1]["content"].removeprefix("PRESS RELEASE TEXT:").strip()
        rows.append((text, int(label["min_killed"]), int(label["min_captured"])))
    return rows


def annotate(texts: list[str]) -> list[Article]:
    """The stages the pipeline runs before figures that decide what is one: the date stage's dates
    and clock times are never figures."""
    settings = Settings()
    nlp, dates, stage = NlpStage(settings), DateStage(settings), QuantityStage(settings)
    return [stage(dates(nlp(Article(id=str(i), source="eval", body=t)))) for i, t in enumerate(texts)]


def score_re3d(docs: list[tuple[str, list[tuple[int, int, str, str]]]]) -> dict[str, float]:
    articles = annotate([text for text, _ in docs])
    found = hits = gold_total = recalled = valued = value_right = 0
    for article, (_, gold) in zip(articles, docs, strict=True):
        quantities = [g for g in gold if g[2] == "Quantity"]
        countable = [g for g in gold if g[2] in ("Quantity", "Money")]
        found += len(article.quantities)
        hits += sum(any(_overlap(q, g) for g in countable) for q in article.quantities)
        gold_total += len(quantities)
        for g in quantities:
            match = next((q for q in article.quantities if _overlap(q, g)), None)
            recalled += match is not None
            gold_value = number_value(g[3].replace("\xa0", " ").split(" ")[0])
            if match is not None and gold_value is not None:
                valued += 1
                value_right += match.value == gold_value or match.low == gold_value
    precision, recall = hits / max(1, found), recalled / max(1, gold_total)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "value_accuracy": value_right / max(1, valued),
    }


def _overlap(q: Quantity, g: tuple[int, int, str, str]) -> bool:
    return q.start < g[1] and g[0] < q.end


# The ISAF labels count people; figures of seized weapons share the "captured" scope.
_THINGS = {"rifles", "weapons", "grenades", "rounds", "ieds", "pounds", "kilograms", "caches", "vehicles",
           "firearms", "rockets", "explosives", "mines", "magazines", "components"}


def count(article: Article, scope: str) -> int:
    """Article-level count for one scope: the sum of its distinct figures (a vague one counts its
    floor); a figure repeated with the same counted noun, or a bare number equal to a counted one
    ("Twelve Killed" over "killed twelve insurgents"), is taken as the same people told twice."""
    seen: set[tuple[float, str]] = set()
    total = 0.0
    # things, not people: "rifles", and model designations such as "AK-47s" or "T-72s"
    figures = [q for q in article.quantities if q.scope == scope and q.unit not in _THINGS
               and not any(c.isdigit() for c in q.unit or "")]  # fmt: skip
    counted = {(q.value if q.value is not None else (q.low or 0.0)) for q in figures if q.unit}
    for q in figures:
        amount = q.value if q.value is not None else (q.low or 0.0)
        key = (amount, (q.unit or "").lower())
        if key in seen or (not q.unit and amount in counted):
            continue  # told twice, or a bare "Twelve (killed)" beside "twelve insurgents"
        seen.add(key)
        total += amount
    return int(total)


def score_isaf(rows: list[tuple[str, int, int]]) -> dict[str, float]:
    articles = annotate([text for text, _, _ in rows])
    result = {}
    for name, column in (("killed", 1), ("captured", 2)):
        pairs = [(count(a, name), row[column]) for a, row in zip(articles, rows, strict=True)]
        pairs = [(ours, gold) for ours, gold in pairs if ours or gold]
        result[f"{name}_exact"] = sum(o == g for o, g in pairs) / max(1, len(pairs))
        result[f"{name}_n"] = float(len(pairs))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/events"
    )
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    re3d = score_re3d(read_re3d(args.data, args.limit))
    isaf = score_isaf(read_isaf(args.data, args.limit))
    seconds = time.perf_counter() - started
    print("re3d Quantity spans: " + "  ".join(f"{k} {v:.3f}" for k, v in re3d.items()))
    print(
        f"isaf killed exact {isaf['killed_exact']:.3f} (n={isaf['killed_n']:.0f})  "
        f"captured exact {isaf['captured_exact']:.3f} (n={isaf['captured_n']:.0f})"
    )
    print(f"time {seconds:.1f} s (spaCy parse included)")
    print(
        f"HEADLINE quantities re3d F1 {re3d['f1']:.3f} value-acc {re3d['value_accuracy']:.3f} | "
        f"isaf killed {isaf['killed_exact']:.3f} captured {isaf['captured_exact']:.3f}"
    )


if __name__ == "__main__":
    main()
