"""End-to-end geoparsing floor on an LGL slice (issue 5): detection and resolution from raw text.

Measured on the first 30 articles: acc@161 of matched toponyms 0.889, detection F1 0.786.
"""

from __future__ import annotations

from pathlib import Path

from eval.geo import end_to_end, load

from sitroom.config import Settings


def test_lgl_end_to_end_floor(shared_dir: Path) -> None:
    articles = load(shared_dir / "data" / "geo" / "LGL" / "lgl.xml")[:30]
    figures = end_to_end(articles, Settings())
    assert figures["acc161"] >= 0.86
    assert figures["f1"] >= 0.72
