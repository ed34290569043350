"""Quality floor for statement stance on a slice of the hand-labelled PolNeAR dev statements (issue 4).

The slice is the labelled statements of the first nine documents; the floor sits a little below
what was measured when it was pinned (0.853 on 34 statements), so a regression of the rules fails CI.
"""

from __future__ import annotations

from pathlib import Path

from eval.stance import LABELS, classify, load_labels

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.nlp import NlpStage

SLICE = 9
FLOOR = 0.82


def test_stance_floor(shared_dir: Path) -> None:
    items = load_labels(LABELS)
    docs = list(dict.fromkeys(item.doc for item in items))[:SLICE]
    text_dir = shared_dir / "data" / "quotes" / "polnear" / "dev" / "text"
    nlp = NlpStage(Settings())
    articles: dict[str, Article] = {}
    for doc in docs:
        body = (text_dir / f"{doc}.txt").read_text(encoding="utf-8")
        articles[doc] = nlp(Article(id=doc, source=doc, body=body))
    chosen = [item for item in items if item.doc in articles]
    right = sum(classify(articles[item.doc], item) == item.label for item in chosen)
    accuracy = right / len(chosen)
    print(f"stance accuracy {accuracy:.3f} on {len(chosen)}")
    assert len(chosen) >= 30
    assert accuracy >= FLOOR, accuracy

