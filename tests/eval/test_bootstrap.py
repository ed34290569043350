"""The page bootstrap that eval/extraction.py prints beside its F1."""

from __future__ import annotations

from eval.shingles import bootstrap_interval, f1_of_means


def test_interval_brackets_the_figure_and_narrows_with_more_pages() -> None:
    few = [(0.9, 0.95), (0.6, 0.9), (1.0, 0.7), (0.8, 0.99)] * 5
    low, high = bootstrap_interval(few)
    assert low < f1_of_means(few)[2] < high
    wide = high - low
    low, high = bootstrap_interval(few * 10)
    assert low < f1_of_means(few)[2] < high and high - low < wide / 2


def test_paired_difference_sees_a_system_better_on_every_page() -> None:
    theirs = [(0.5 + i / 100, 0.9) for i in range(40)]
    ours = [(p + 0.05, r) for p, r in theirs]
    low, high = bootstrap_interval(ours, theirs)
    assert 0 < low <= high
    assert bootstrap_interval(theirs, theirs) == (0.0, 0.0)
    assert bootstrap_interval([]) == (0.0, 0.0)
