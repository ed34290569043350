from sitroom.corpus import analyse
from sitroom.corpus.dedup import find_duplicates
from sitroom.corpus.discrepancies import find_discrepancies, normal_unit
from sitroom.model import Quantity
from sitroom.model.corpus import Story
from tests.factories import BODY, article, span

WIRE = " ".join(
    f"Paragraph {i} of the wire story says the talks in Geneva resumed after a pause of {i} days."
    for i in range(12)
)


def test_syndicated_copy_points_at_the_earlier_article():
    original = article("orig", body=WIRE, published="2024-10-17")
    copy = article(
        "copy", body="Share this story. " + WIRE + " Read more from our partners.", published="2024-10-18"
    )
    other = article(
        "other", body=" ".join(f"Unrelated sentence number {i} about a harvest." for i in range(40))
    )
    (dup,) = find_duplicates([copy, other, original])
    assert (dup.article_id, dup.duplicate_of) == ("copy", "orig")
    assert dup.similarity >= 0.5


def test_short_and_rejected_articles_are_never_duplicates():
    tiny = article("t1", body="Read more.")
    tiny2 = article("t2", body="Read more.")
    gone = article("r1", body=WIRE, rejected="empty")
    gone2 = article("r2", body=WIRE, rejected="empty")
    assert find_duplicates([tiny, tiny2, gone, gone2]) == []


def _with_quantity(ident: str, text: str, value: float, scope: str | None, unit: str = "troops"):
    body = BODY.replace("At least 2,000 troops", text)
    start, end = span(body, text)
    return article(ident, body=body, quantities=(Quantity(start, end, text, value, unit=unit, scope=scope),))


def test_same_figure_reported_differently_is_a_discrepancy():
    a = _with_quantity("a", "at least 2,000 troops", 2000, "deployed")
    b = _with_quantity("b", "about 3,500 soldiers", 3500, "deployed", unit="soldiers")
    story = Story("s", "t", ("a", "b"), None, None)
    (found,) = find_discrepancies([a, b], [story], [])
    assert found.subject == "troops (deployed)"
    assert [c.value for c in found.claims] == [2000, 3500]
    assert [a.body[a.quantities[0].start : a.quantities[0].end] for a in (a, b)] == [
        c.text for c in found.claims
    ]


def test_figures_of_other_scope_copies_or_close_values_are_not_compared():
    a = _with_quantity("a", "at least 2,000 troops", 2000, "deployed")
    planned = _with_quantity("b", "10,000 troops", 10000, "planned")
    unscoped = _with_quantity("c", "5,000 troops", 5000, None)
    rounded = _with_quantity("d", "some 2,050 troops", 2050, "deployed")
    copy = _with_quantity("e", "about 9,000 troops", 9000, "deployed")
    story = Story("s", "t", ("a", "b", "c", "d", "e"), None, None)
    from sitroom.model.corpus import Duplicate

    assert (
        find_discrepancies([a, planned, unscoped, rounded, copy], [story], [Duplicate("e", "a", 0.9)]) == []
    )


def test_unit_words_for_the_same_thing_are_merged():
    assert normal_unit("Soldiers") == normal_unit("troops") == normal_unit("personnel") == "troops"
    assert normal_unit("missiles") == "missile"


def test_every_accepted_article_lands_in_exactly_one_story():
    one = article("one", published="2024-10-18")
    two = article("two", published="2024-10-19")
    far = article("far", body=WIRE, published="2013-05-30")
    view = analyse([one, two, far, article("gone", rejected="empty")])
    members = sorted(i for s in view.stories for i in s.article_ids)
    assert members == ["far", "one", "two"]
    together = next(s for s in view.stories if "one" in s.article_ids)
    assert set(together.article_ids) == {"one", "two"} and together.start == "2024-10-18"


def test_a_rising_death_toll_is_an_update_but_a_drop_or_same_day_split_is_not():
    story = Story("s", "t", ("a", "b"), None, None)
    early = _with_quantity("a", "at least nine people", 9, "killed", unit="people")
    later = _with_quantity("b", "at least 11 people", 11, "killed", unit="people").evolve(
        published="2024-10-19"
    )
    assert find_discrepancies([early, later], [story], []) == []
    lower_later = _with_quantity("b", "seven people", 7, "killed", unit="people").evolve(
        published="2024-10-19"
    )
    assert len(find_discrepancies([early, lower_later], [story], [])) == 1
    same_day = _with_quantity("b", "at least 11 people", 11, "killed", unit="people")
    assert len(find_discrepancies([early, same_day], [story], [])) == 1


def test_a_story_never_spans_more_than_the_time_window():
    early = article("early", published="2024-01-01")
    late = article("late", published="2024-06-01")
    middle = article("middle", published=None)
    view = analyse([early, late, middle])
    assert not any({"early", "late"} <= set(s.article_ids) for s in view.stories)


def test_a_figure_dated_by_its_own_sentence_is_ordered_by_that_date():
    from dataclasses import replace

    story = Story("s", "t", ("a", "b"), None, None)
    early = _with_quantity("a", "at least nine people", 9, "killed", unit="people")
    same_day = _with_quantity("b", "at least 11 people", 11, "killed", unit="people")
    first = early.quantities[0]
    # both published the same day, but the first figure is the toll as of the day before
    dated = early.evolve(quantities=(replace(first, as_of="2024-10-17", as_of_basis="sentence"),))
    assert find_discrepancies([dated, same_day], [story], []) == []
    partial = early.evolve(quantities=(replace(first, as_of="XXXX-10", as_of_basis="sentence"),))
    # a month does not order against a day: same publication day, so the split counts
    assert len(find_discrepancies([partial, same_day], [story], [])) == 1
