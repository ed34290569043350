from sitroom.corpus import analyse
from sitroom.corpus.dedup import find_duplicates
from sitroom.corpus.discrepancies import find_discrepancies, normal_unit
from sitroom.model import Event, Place, Quantity
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


KANDAHAR = (31.61, 65.71)
HERAT = (34.35, 62.20)  # about 470 km from Kandahar
PANJWAI = (31.55, 65.45)  # a district about 25 km from Kandahar city


def _toll(
    ident, value, text="", day=None, basis="sentence", where=None, published="2011-03-08", scope="killed"
):
    """A release whose one event kills (or captures) `value` people, dated and placed as the text says."""
    text = text or f"{value} insurgents"
    body = f"KANDAHAR, Afghanistan -- A security force {scope} {text} in a raid, officials said."
    start, end = span(body, text)
    quantity = Quantity(start, end, text, value, unit="insurgents", scope=scope)
    place = None
    if where is not None:
        place = Place(0, 8, "Somewhere", where[0], where[1], "AFG", "city")
    event = Event(
        0,
        len(body),
        "ASSAULT",
        location=place,
        quantities=(quantity,),
        as_of=day or published,
        as_of_basis=basis if day else "published",
    )
    return article(
        ident,
        body=body,
        published=published,
        outlet=f"Outlet {ident}",
        quantities=(quantity,),
        events=(event,),
    )


def _subjects(articles):
    story = Story("s", "t", tuple(a.id for a in articles), None, None)
    return sorted(sorted(c.article_id for c in d.claims) for d in find_discrepancies(articles, [story], []))


def test_tolls_of_incidents_the_text_dates_or_places_apart_are_not_compared():
    # two raids a week apart in one storyline: each release's toll is its own incident's
    monday = _toll("a", 4, day="2011-03-07")
    next_week = _toll("b", 1, day="2011-03-14", published="2011-03-15")
    assert _subjects([monday, next_week]) == []
    # the same day, but one in Kandahar and one in Herat
    assert _subjects([_toll("a", 4, where=KANDAHAR), _toll("b", 1, where=HERAT)]) == []
    # a release published before the other's raid happened cannot count it
    early = _toll("a", 9, published="2011-03-02")
    assert _subjects([early, _toll("b", 3, day="2011-03-07")]) == []
    # a year-less "March 7" is not March 14's raid; "March 8" may be (a day's slack between outlets)
    undated = _toll("a", 9, day="XXXX-03-07", published=None)
    assert _subjects([undated, _toll("b", 3, day="2011-03-14")]) == []
    assert _subjects([undated, _toll("b", 3, day="2011-03-08")]) == [["a", "b"]]


def test_tolls_of_one_incident_from_two_outlets_are_compared_and_kept_apart_from_another():
    city = _toll("a", 12, day="2011-03-07", where=KANDAHAR)
    district = _toll("b", 7, day="2011-03-08", where=PANJWAI, published="2011-03-09")
    undated = _toll("c", 12, published="2011-03-08")  # no day or place of its own: yesterday's news
    other = _toll("d", 2, day="2011-03-07", where=HERAT)
    other_too = _toll("e", 5, day="2011-03-07", where=HERAT)
    found = _subjects([city, district, undated, other, other_too])
    assert found == [["a", "b", "c"], ["d", "e"]]
    story = Story("s", "t", ("a", "b", "c", "d", "e"), None, None)
    ids = [d.id for d in find_discrepancies([city, district, undated, other, other_too], [story], [])]
    assert len(set(ids)) == 2


def test_a_count_added_to_an_earlier_one_is_not_a_toll():
    first = _toll("a", 4, day="2011-03-07")
    for text in (
        "two more insurgents",
        "an additional insurgent",
        "another insurgent",
        "two other insurgents",
    ):
        assert _subjects([first, _toll("b", 2, text=text, day="2011-03-07")]) == [], text
    assert _subjects([first, _toll("b", 2, text="more than 2 insurgents", day="2011-03-07")]) == [["a", "b"]]


def test_troops_told_on_different_days_are_still_one_deployment():
    # a deployment lasts: the minister's Monday figure and Tuesday's estimate are about the same troops
    monday = _toll("a", 2000, text="2,000 troops", day="2026-10-12", scope="deployed")
    tuesday = _toll(
        "b", 3500, text="3,500 troops", day="2026-10-09", scope="deployed", published="2026-10-13"
    )
    assert _subjects([monday, tuesday]) == [["a", "b"]]


def test_each_claim_says_where_its_incident_happened_when_the_text_places_it():
    placed = _toll("a", 12, day="2011-03-07", where=KANDAHAR)
    unplaced = _toll("b", 7, day="2011-03-07")
    story = Story("s", "t", ("a", "b"), None, None)
    (found,) = find_discrepancies([placed, unplaced], [story], [])
    assert {c.article_id: c.place for c in found.claims} == {"a": "Somewhere", "b": None}


def test_a_figure_inside_what_someone_said_is_not_placed_where_they_said_it():
    from dataclasses import replace

    told = _toll("a", 12, day="2011-03-07", where=KANDAHAR)
    accused = told.evolve(events=(replace(told.events[0], type="ACCUSE"),))  # "accused them of killing 12"
    other = _toll("b", 7, day="2011-03-07", where=HERAT)  # 470 km away: another incident, if placed
    story = Story("s", "t", ("a", "b"), None, None)
    assert find_discrepancies([told, other], [story], []) == []
    (found,) = find_discrepancies([accused, other], [story], [])
    assert {c.article_id: c.place for c in found.claims} == {"a": None, "b": "Somewhere"}
