"""Quality floor for kill and capture events end to end on the first ISAF press releases (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.isaf_events import read_releases, score


def test_isaf_event_floor_on_a_slice(shared_dir: Path) -> None:
    # The first 80 releases, measured 2026-11-24: an event found in 0.887, dated to the gold day 0.408
    # (publication date alone 0.155, own sentence alone 0.324), placed within 161 km of the province 0.900.
    figures = score(read_releases(shared_dir / "data/events/isaf-press-releases", 80))
    assert figures["found"] >= 0.85
    assert figures["sitroom"] >= 0.38 and figures["sitroom"] > figures["own sentence only"] + 0.05
    assert figures["placed"] >= 0.85
