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


def test_timex_document_bootstrap_brackets_the_value_f1_and_counts_each_document_once() -> None:
    from eval.timeml import Tally

    total = Tally()
    for right, system, gold in [(3, 4, 4), (1, 3, 2), (5, 5, 6), (0, 1, 1), (2, 2, 3)] * 6:
        total.add(Tally(gold=gold, system=system, value=right))
    assert len(total.documents) == 30 and total.value == 66
    low, high = total.value_interval()
    assert low < 2 * total.value / (total.system + total.gold) < high
    assert Tally().value_interval() == (0.0, 0.0)


def test_stance_document_bootstrap_draws_whole_articles() -> None:
    from eval.stance import document_interval

    documents = [("ggt", f"d{i // 3}") for i in range(60)]
    right = [i % 3 != 0 for i in range(60)]  # two of three right in every article: no spread between them
    low, high = document_interval(documents, right)
    assert abs(low - 2 / 3) < 1e-9 and abs(high - 2 / 3) < 1e-9
    right = [i < 30 for i in range(60)]  # half the articles all right, half all wrong
    low, high = document_interval(documents, right)
    assert low < 0.5 < high
    assert document_interval([], []) == (0.0, 0.0)


def test_quote_article_bootstrap_brackets_each_figure() -> None:
    from eval.quotes import Tally

    total = Tally()
    for gold, found, predicted, correct, speaker, resolved in [(10, 9, 11, 9, 8, 7), (4, 4, 4, 4, 4, 3)] * 10:
        total.add(Tally(gold=gold, found=found, predicted=predicted, correct=correct, speaker=speaker,
                        resolved=resolved))
    assert len(total.articles) == 20
    figures, spans = total.figures(), total.intervals()
    for name in ("f1", "speaker", "resolved"):
        low, high = spans[name]
        assert low <= figures[name] <= high, name
    assert Tally().intervals() == {}
