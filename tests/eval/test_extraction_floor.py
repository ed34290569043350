"""Quality floor of HTML extraction on held-out WCXB pages (issue 3, HTML track).

Body shingle F1 and metadata accuracy on the first 40 held-out pages (ids divisible by 5, never
used for tuning the body) must stay above floors pinned a little below what was measured (F1 0.970,
title 97.5%, author 100% of 31, date 97.0% of 33), so a change that makes extraction worse fails CI.
The text track's floor lives in tests/stages/clean/test_text_floor.py.
"""

from __future__ import annotations

from pathlib import Path

from eval.extraction import load_pages, run
from eval.shingles import f1_of_means

SLICE = 40


def test_html_track_floors_on_held_out_slice(shared_dir: Path) -> None:
    pages = load_pages(shared_dir / "data/extraction/wcxb-dev-articles", limit=SLICE, part="holdout")
    assert len(pages) == SLICE
    score = run(pages, "html", ("sitroom",))["sitroom"]
    assert f1_of_means(score.pairs)[2] >= 0.95
    assert score.accuracy("title") >= 0.92
    assert score.accuracy("author") >= 0.93
    assert score.accuracy("date") >= 0.93
    assert score.rejected == 0  # every page in the set is an article
