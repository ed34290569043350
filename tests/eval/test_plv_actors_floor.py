"""Quality floor for the events stage's actors, end to end on the first PLV sentences (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.plv_actors import read_rows, score


def test_plv_actor_floor_on_a_slice(shared_dir: Path) -> None:
    # The first 150 sentences, measured: events for 0.587, source P 0.917 R 0.513, target P 0.787
    # R 0.420 (before the shared-subject, joint-partner and "is willing to" rules: R 0.460 / 0.373).
    rows = read_rows(shared_dir / "data/events/plv-train/PLV_train.tsv", limit=150)
    counts = score(rows)
    assert counts["source"] / counts["source_given"] >= 0.85 and counts["source"] / len(rows) >= 0.47
    assert counts["target"] / counts["target_given"] >= 0.72 and counts["target"] / len(rows) >= 0.38
