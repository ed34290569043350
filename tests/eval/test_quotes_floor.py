"""Quality floor for statement extraction on a slice of the GGT development gold (issue 4).

The slice is the first ten articles; the floors sit a little below what was measured when they
were pinned (quote F1 0.910, speaker 0.972, resolved 0.901; after the sixth session's speaker rules
F1 0.916, speaker 0.986, resolved 0.930), so a regression fails CI.
"""

from __future__ import annotations

from pathlib import Path

from eval.quotes import Pipeline, Tally, load, score_article

SLICE = 10


def test_quote_extraction_floor(shared_dir: Path) -> None:
    rows = load(shared_dir / "data" / "quotes" / "ggt-dev" / "ggt-dev.jsonl", "all")[:SLICE]
    pipeline = Pipeline()
    total = Tally()
    for row in rows:
        article = pipeline(str(row["id"]), str(row["text"]))
        total.add(score_article(row, article.statements, article.body))
    figures = total.figures()
    assert figures["f1"] >= 0.89, figures
    assert figures["speaker"] >= 0.95, figures
    assert figures["resolved"] >= 0.91, figures
