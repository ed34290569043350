"""Boilerplate learned across a site's articles (issue 3): recurring blocks are junk there."""

from __future__ import annotations

from sitroom.model import Hints
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.boilerplate import group_key, learn_boilerplate, merge_profiles, normalise
from sitroom.stages.clean.text import clean_text

PROMO = (
    "Independent reporting from the coast costs money, and our readers pay for most of it. If you "
    "value what we do, please consider becoming a member of the Coastal Courier family today."
)
STORIES = [
    [
        "The ferry company said on Friday that it would add a second evening crossing to the island "
        "from June, after a year in which passenger numbers rose by almost a fifth.",
        "Its chief executive told reporters that the new sailing would run until the end of September "
        "and that a decision on the winter timetable would be taken in the autumn.",
        "Islanders have campaigned for a later boat for years, saying the last crossing at six in the "
        "evening made it impossible to work a full day on the mainland.",
    ],
    [
        "The town's only cinema will reopen next month under new owners, nearly two years after it "
        "closed when the previous operator ran out of money during the long renovation.",
        "The couple who bought the building said they would show new releases on weekdays and older "
        "films at the weekend, and that the café on the ground floor would open first.",
        "Neighbours welcomed the news but asked the council to do something about parking in the "
        "narrow street behind the cinema before the first screenings begin.",
    ],
    [
        "Volunteers planted more than four hundred young oaks along the river path on Saturday, the "
        "first stage of a plan to restore the woodland that storms flattened three winters ago.",
        "The trust that manages the path said the trees had been grown from acorns collected in the "
        "valley, so that the new wood would be as close as possible to the one that was lost.",
        "A second planting day is planned for the spring, when the trust hopes schoolchildren from the "
        "three villages along the river will take part.",
    ],
]


def _page(title: str, paragraphs: list[str]) -> str:
    return "\n\n".join(["Coastal Courier", title, *paragraphs, PROMO, "Most read this week"])


PAGES = [_page(f"Story number {i} from the coast", story) for i, story in enumerate(STORIES)]


def test_recurring_blocks_are_learned_per_group() -> None:
    profile = learn_boilerplate({"site": [[u.text for u in split_units(page)] for page in PAGES]})
    junk = profile.junk_for("site")
    assert normalise(PROMO) in junk
    assert normalise("Most read this week") in junk
    assert normalise(STORIES[0][0]) not in junk
    assert profile.junk_for("another site") == frozenset()
    assert profile.documents == {"site": 3}


def test_profile_removes_the_site_promo_from_the_body() -> None:
    profile = learn_boilerplate({"site": [[u.text for u in split_units(page)] for page in PAGES]})
    for page, story in zip(PAGES, STORIES, strict=True):
        result = clean_text(page, Hints(), profile, group="site")
        assert "becoming a member" not in result.body
        assert result.body.startswith(story[0][:40])
        assert result.body.endswith(story[-1][-40:])


def test_a_story_printed_twice_keeps_its_prose() -> None:
    profile = learn_boilerplate({"site": [[u.text for u in split_units(PAGES[0])]] * 2})
    result = clean_text(PAGES[0], Hints(), profile, group="site")
    assert result.rejected is None
    assert STORIES[0][1] in result.body


def test_one_article_alone_learns_nothing() -> None:
    profile = learn_boilerplate({"site": [[u.text for u in split_units(PAGES[0])]]})
    assert profile.junk_for("site") == frozenset()


def test_profiles_merge_and_groups_come_from_host_outlet_or_folder() -> None:
    first = learn_boilerplate({"a": [["same line"], ["same line"]]})
    second = learn_boilerplate({"a": [["other line"], ["other line"]], "b": [["x"]]})
    merged = merge_profiles([first, second])
    assert merged.junk_for("a") == {"same line", "other line"}
    assert merged.documents == {"a": 4, "b": 1}
    assert group_key(Hints(url="https://www.example.org/news/1")) == "host:example.org"
    assert group_key(Hints(outlet="Coastal Courier")) == "outlet:coastal courier"
    assert group_key(Hints(), "/data/courier/2021/a.txt") == "folder:/data/courier/2021"
    assert group_key(Hints()) is None


def test_site_section_heading_inside_the_story_stays() -> None:
    # every story of the site heads its second half "What happens next"; the promo recurs as well
    pages = [
        "\n\n".join(["Coastal Courier", f"Story {i}", story[0], "What happens next", *story[1:], PROMO])
        for i, story in enumerate(STORIES)
    ]
    profile = learn_boilerplate({"site": [[u.text for u in split_units(page)] for page in pages]})
    assert normalise("What happens next") in profile.junk_for("site")
    for page in pages:
        body = clean_text(page, Hints(), profile, group="site").body
        assert "What happens next" in body
        assert "becoming a member" not in body
