"""The cleaner's sequence model in numpy (issue 3, text track): parity with training, reach, loading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sitroom.stages.clean.block_features import FEATURES, unit_matrix
from sitroom.stages.clean.block_model import body_probability
from sitroom.stages.clean.block_sequence import SEQUENCE_PATH, load_sequence
from sitroom.stages.clean.blocks import split_units

# Five dilated layers of width 3 (dilations 1-16) reach this many units on each side.
REACH = 1 + 2 + 4 + 8 + 16

PAGE = "\n\n".join([
    "Home | World | Sport | Weather",
    "Harbour ferry fares to rise in spring",
    "The island's ferry operator said on Tuesday that fares on its two busiest routes would rise by a "
    "tenth from March, blaming the cost of fuel and a shortage of trained crew.",
    "Passengers' groups said the increase would hit commuters hardest, and asked the council to step "
    "in before the new timetable is published next month.",
    "Share this story",
    "© 2031 Tidewater Gazette. All rights reserved.",
])


def test_numpy_matches_the_trained_networks_on_the_stored_case() -> None:
    with np.load(SEQUENCE_PATH, allow_pickle=False) as arrays:
        page, expected = arrays["parity_input"], arrays["parity_probability"]
    got = load_sequence().probability(page)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-5)


def test_a_unit_only_sees_units_within_reach() -> None:
    rng = np.random.default_rng(3)
    page = rng.normal(size=(2 * REACH + 10, len(FEATURES)))
    changed = page.copy()
    changed[0] += 3.0
    before, after = load_sequence().probability(page), load_sequence().probability(changed)
    assert not np.isclose(before[1], after[1])
    np.testing.assert_array_equal(before[REACH + 1 :], after[REACH + 1 :])


def test_short_and_empty_pages() -> None:
    model = load_sequence()
    assert model.probability(np.zeros((0, len(FEATURES)))).shape == (0,)
    single = model.probability(unit_matrix(split_units("Only one line here.")))
    assert single.shape == (1,) and 0.0 < single[0] < 1.0


def test_trees_and_sequence_together_find_the_invented_story() -> None:
    units = split_units(PAGE)
    scores = body_probability(unit_matrix(units))
    body = {units[i].text[:20] for i in np.flatnonzero(scores >= 0.5)}
    assert any(text.startswith("The island's ferry") for text in body)
    assert any(text.startswith("Passengers' groups") for text in body)
    assert not any(text.startswith(("Home | World", "Share this", "©")) for text in body)


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    with np.load(SEQUENCE_PATH, allow_pickle=False) as arrays:
        stored = {name: arrays[name] for name in arrays.files}
    stored["features"] = np.array([*FEATURES[:-1], "something_else"])
    path = tmp_path / "other.npz"
    np.savez(path, **stored)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="other features"):
        load_sequence(path)
