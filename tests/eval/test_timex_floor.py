"""Quality floor: TIMEX value F1 on a slice of TimeBank must not regress (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eval.timeml import evaluate, f1, read_document
from eval.timex import sitroom_system


def test_timebank_slice_floor(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "data" / "time" / "TimeBank").glob("*.tml"))[::6]
    tally = evaluate([read_document(p) for p in paths], sitroom_system)
    _, _, relaxed = f1(tally.relaxed, tally.system, tally.gold)
    _, _, value = f1(tally.value, tally.system, tally.gold)
    assert tally.gold > 150
    assert relaxed >= 0.94  # measured 0.959
    assert value >= 0.80  # measured 0.818
