"""Quality floor for the events stage's actors, end to end on the first PLV sentences (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.plv_actors import read_rows, score


def test_plv_actor_floor_on_a_slice(shared_dir: Path) -> None:
    # The first 150 sentences, measured: events for 0.653, source P 0.916 R 0.580, target P 0.824
    # R 0.500 (0.640, 0.924 / 0.567, 0.831 / 0.493 before the sixth session's actor rules; at the start
    # of 2026-11-24, before the shared-subject, joint-partner, "is willing to", YIELD and PROTEST cue
    # rules: source R 0.460, target R 0.373).
    rows = read_rows(shared_dir / "data/events/plv-train/PLV_train.tsv", limit=150)
    counts = score(rows)
    assert counts["source"] / counts["source_given"] >= 0.87 and counts["source"] / len(rows) >= 0.55
    assert counts["target"] / counts["target_given"] >= 0.77 and counts["target"] / len(rows) >= 0.47
