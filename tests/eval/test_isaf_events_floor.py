"""Quality floor for kill and capture events end to end on the first ISAF press releases (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.isaf_events import read_releases, score


def test_isaf_event_floor_on_a_slice(shared_dir: Path) -> None:
    # The first 80 releases, measured 2026-11-24 (ninth session): an event found in 0.963 (0.925 before
    # one-sentence briefs counted as articles), dated to the gold day 0.649 (publication date alone 0.221,
    # own sentence alone 0.494; 0.408 before a dateline without its year took the release number's and
    # later events the lead's day), placed within 161 km of the province 0.945 (0.906 before later
    # events took the lead's place). No figure discrepancy between these separate operations (2 before
    # tolls had to share their incident's day and place).
    figures = score(read_releases(shared_dir / "data/events/isaf-press-releases", 80))
    assert figures["found"] >= 0.93
    assert figures["sitroom"] >= 0.56 and figures["sitroom"] > figures["own sentence only"] + 0.05
    assert figures["placed"] >= 0.9
    assert figures["discrepancies"] <= 1
