"""The plain-text cleaner on invented scraped pages (issue 3, text track)."""

from __future__ import annotations

import pytest

from sitroom.model import Hints
from sitroom.stages.clean.blocks import split_units
from sitroom.stages.clean.outlet import find_wire
from sitroom.stages.clean.shapes import alt_text, printed_twice, review_carousel
from sitroom.stages.clean.text import clean_text
from sitroom.stages.clean.textmeta import find_date, find_dateline

PARAGRAPHS = [
    "OSLO, Norway -- The harbour authority said on Tuesday that it would close the northern quay for "
    "three weeks while engineers replace the ageing pilings that hold up the old fish market.",
    "The decision follows a survey last winter which found that several of the wooden supports had "
    "rotted further than expected, according to a report the authority published in January.",
    '"We would rather lose a few weeks of trade now than the whole quay later," said Ingrid Lunde, '
    "who chairs the harbour board. She added that the ferries would dock at the southern pier instead.",
    "Fishermen who sell directly from their boats said they were worried about losing customers, "
    "and several asked the council for a temporary stall near the railway station during the works.",
    "The council is expected to decide on the request at its next meeting, which falls at the end "
    "of the month, and a spokesman said the mood among members was broadly sympathetic. (Nordwire)",
]

PAGE = "\n\n".join(
    [
        "Skip to content\nHome\nNews\nSport\nWeather\nSign in\nSubscribe",
        "Harbour to close northern quay for repairs",
        "Engineers will replace rotten pilings under the old fish market",
        "By Mari Holm\n\nMarch 3, 2021",
        "  • Share on Facebook\n  • Share on Twitter\n  • Email this article",
        *PARAGRAPHS,
        "Recommended for You",
        "Ferry timetable changes for the spring season\n\nApril 9, 2022",
        "Local bakery wins national prize\n\nApril 7, 2022",
        "You have 2 free articles left this month. Subscribe now for unlimited access.",
        "© 2021 Harbour Gazette. All rights reserved. Privacy Policy | Terms of Use | Cookie settings",
    ]
)


def test_body_runs_from_first_to_last_real_sentence() -> None:
    result = clean_text(PAGE, Hints())
    assert result.rejected is None
    assert result.body.startswith("OSLO, Norway -- The harbour authority")
    assert result.body.endswith("broadly sympathetic. (Nordwire)")
    for junk in ("Share on", "Recommended", "free articles", "Subscribe", "Privacy", "Ferry timetable"):
        assert junk not in result.body


def test_head_fields_and_wire_are_recovered() -> None:
    result = clean_text(PAGE, Hints())
    assert result.title == "Harbour to close northern quay for repairs"
    assert result.subtitle == "Engineers will replace rotten pilings under the old fish market"
    assert result.byline == "Mari Holm"
    assert result.dateline == "OSLO, Norway"
    assert result.wire == "Nordwire"
    assert result.language == "en"


def test_date_comes_from_the_head_never_from_teasers() -> None:
    result = clean_text(PAGE, Hints())
    assert (result.published, result.published_basis) == ("2021-03-03", "text")
    without_head_date = PAGE.replace("By Mari Holm\n\nMarch 3, 2021", "By Mari Holm")
    assert clean_text(without_head_date, Hints()).published is None


def test_hard_wrapped_paragraph_is_one_unit() -> None:
    text = "The minister said that the plan would\nbe announced next week, after the vote.\n\nNext"
    units = split_units(text)
    assert [u.text for u in units] == [
        "The minister said that the plan would be announced next week, after the vote.",
        "Next",
    ]


def test_list_items_are_separate_units() -> None:
    units = split_units("Menu\n  • Home\n  • World\n•\nBusiness")
    assert [(u.text, u.bullet) for u in units] == [
        ("Menu", False), ("Home", True), ("World", True), ("Business", True)
    ]


def test_caption_printed_twice_is_kept_apart_once() -> None:
    caption = "A crane lifts a new concrete pile onto the quay in Oslo on Monday."
    page = PAGE.replace(PARAGRAPHS[0], f"{caption}\n\n{caption}\n\n{PARAGRAPHS[0]}")
    result = clean_text(page, Hints())
    assert result.captions == (caption,)
    assert caption not in result.body


def test_a_story_the_page_prints_twice_is_kept_once_but_a_repeated_line_stays() -> None:
    story = "\n\n".join(PARAGRAPHS)
    page = PAGE.replace(story, f"{story}\n\nPrint this article\n\n{story}")
    body = clean_text(page, Hints()).body
    assert body.count(PARAGRAPHS[2]) == 1
    assert PARAGRAPHS[4] in body
    # one line repeated in a list or schedule is the author's, not a second copy
    refrain = "Ferries dock at the southern pier from six in the morning until ten at night."
    listed = PAGE.replace(PARAGRAPHS[0], f"{PARAGRAPHS[0]}\n\n{refrain}").replace(
        PARAGRAPHS[3], f"{PARAGRAPHS[3]}\n\n{refrain}"
    )
    assert clean_text(listed, Hints()).body.count(refrain) == 2


def test_designers_filler_text_and_advertisement_labels_are_never_body() -> None:
    filler = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
        "labore et dolore magna aliqua, quis nostrud exercitation ullamco laboris nisi ut aliquip."
    )
    page = PAGE.replace(PARAGRAPHS[2], f"{PARAGRAPHS[2]}\n\n{filler}")
    assert "Lorem" not in clean_text(page, Hints()).body
    for label in ("ADVERTISEMENT", "Story continues below advertisement"):
        page = PAGE.replace(PARAGRAPHS[2], f"{PARAGRAPHS[2]}\n\n{label}")
        assert label not in clean_text(page, Hints()).body


def test_a_carousel_of_signed_testimonials_is_not_body() -> None:
    reviews = [
        ("The nurses were kind and the clinic was spotless. We were seen within ten minutes!", "Marit S."),
        ("Dr. Vale listened to every question and explained the results in plain words.", "A. Jon K. L."),
        ("Easy to book online, friendly front desk, and the doctors really care about kids.", "Solveig R."),
        ("Best family practice in the valley, we have been coming here for six years.", "Petra O."),
    ]
    carousel = "\n\n".join(f"{text}\n\n{name}" for text, name in reviews)
    page = PAGE.replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\nWhat our patients say\n\n{carousel}")
    body = clean_text(page, Hints()).body
    assert PARAGRAPHS[-1] in body
    assert not any(text in body or name in body for text, name in reviews)
    # Two signed lines are no carousel: a story may end on a quote and its speaker's initials.
    pair = "\n\n".join(f"{text}\n\n{name}" for text, name in reviews[:2])
    assert review_carousel(split_units(f"{PARAGRAPHS[0]}\n\n{pair}")) == []


def test_a_teaser_link_printing_its_title_twice_is_not_body() -> None:
    assert printed_twice("- Gardening 101: Common FigGardening 101: Common Fig")
    assert printed_twice("Wild Is Best: A Garden in a Small Footprint by the SeaWild Is Best: A Garden in…")
    assert not printed_twice("The council met again. The council met again on Friday to vote on the budget.")
    assert not printed_twice(PARAGRAPHS[1])
    prose = f"{PARAGRAPHS[1]} {PARAGRAPHS[2]}"
    assert not printed_twice(f"{prose} {prose}")  # prose printed twice is a slip: its words stay
    titles = (
        "The Beauty of Decay: Ten Perennials to Add Structure to a Winter Garden by the Harbour",
        "Garden Visit: A Secret Garden in the Old Harbour Quarter Where Fig Trees Grow",
    )
    teasers = "\n".join(f"- {title}{title[:30]}…" for title in titles)
    body = clean_text(PAGE.replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{teasers}"), Hints()).body
    assert PARAGRAPHS[-1] in body and "Beauty of Decay" not in body and "Secret Garden" not in body


def test_buttons_credits_captions_and_platform_boxes_are_not_body() -> None:
    buttons = ("Buy on Amazon", "BOOK NOW", "$1,599.00 from Lowe’s", "About", "Learn more →")
    for button in buttons:
        page = PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\n{button}")
        body = clean_text(page, Hints()).body
        assert PARAGRAPHS[1] in body and button not in body, button
    page = PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\n(Photo credit: Ada Berg / Nordwire)")
    assert "Ada Berg" not in clean_text(page, Hints()).body  # a picture's credit line
    caption = "Divers inspect the rotten supports under the northern quay on Monday. Credit: Ada Berg"
    page = PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\n{caption}")
    assert "Divers inspect" not in clean_text(page, Hints()).body  # a caption ending on its credit
    box = (
        "Harbour Notes is a reader-supported publication. To receive new posts and support my work, "
        "consider becoming a free or paid subscriber."
    )
    page = PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\n{box}")
    assert "reader-supported" not in clean_text(page, Hints()).body
    page = PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\nBuy on Amazon and you pay the harbour tax twice.")
    assert "Buy on Amazon and you pay" in clean_text(page, Hints()).body  # a sentence, not a button


def test_a_pictures_alt_text_is_not_body_but_a_sentence_about_a_picture_is() -> None:
    alt = "Screenshot of the harbour authority's closure map showing the northern quay and the detour routes"
    body = clean_text(PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\n{alt}"), Hints()).body
    assert PARAGRAPHS[1] in body and "closure map" not in body
    told = "A photo of the rotten supports was published by the authority on Monday, showing the damage."
    assert not alt_text(told.lower()) and alt_text(alt.lower())


def test_an_inline_teaser_for_another_story_is_not_body() -> None:
    for teaser in ("Also read: Ferry strike enters its third week", "READ MORE: Why the quay is rotting"):
        page = PAGE.replace(PARAGRAPHS[1], f"{PARAGRAPHS[1]}\n\n{teaser}")
        body = clean_text(page, Hints()).body
        assert PARAGRAPHS[1] in body and PARAGRAPHS[2] in body and teaser not in body, teaser


LATER = [
    "Engineers from the regional roads agency, who inspected the quay again in February, told the board "
    "that the southern pier could take the extra ferry traffic for a few weeks but not for a whole summer, "
    "because its own fenders were fitted for smaller boats and would need replacing before June.",
    "The harbour master, Per Aas, said the ferries would keep their timetables and that passengers should "
    "allow ten more minutes to walk from the bus stop, which sits at the far end of the southern pier, "
    "while signs would point the way from the old ticket office on the market square.",
    "Traders at the fish market have been offered a rent holiday for the weeks of the works, the council "
    "said in a statement, and a stall near the railway station will be free of charge to anyone who sold "
    "from the northern quay last year, provided they apply before the end of the month.",
]


def test_a_box_of_related_links_inside_the_story_does_not_end_it_but_one_after_it_does() -> None:
    box = "Related Articles\n\nFerry strike enters its third week\n\nWhy the quay is rotting"
    inside = PAGE.replace(PARAGRAPHS[-1], "\n\n".join([PARAGRAPHS[-1], box, *LATER]))
    body = clean_text(inside, Hints()).body
    assert all(paragraph in body for paragraph in PARAGRAPHS + LATER)
    assert "Ferry strike enters" not in body
    after = PAGE.replace(PARAGRAPHS[-1], "\n\n".join([PARAGRAPHS[-1], box, "Local bakery wins a prize"]))
    assert "Ferry strike enters" not in clean_text(after, Hints()).body


def test_the_authors_box_under_the_story_is_not_body_but_a_story_about_someone_else_is() -> None:
    bio = (
        "Mari Holm is a senior reporter who has covered the harbour and its trades since 2015. "
        "She lives in Bergen with two cats and a boat that rarely leaves its mooring."
    )
    page = PAGE.replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\nAbout the writer\n\n{bio}")
    extraction = clean_text(page, Hints())
    assert extraction.byline == "Mari Holm"
    assert PARAGRAPHS[-1] in extraction.body and "senior reporter" not in extraction.body
    assert "About the writer" not in extraction.body
    someone = bio.replace("Mari Holm", "Ingrid Lunde")
    page = PAGE.replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{someone}")
    assert "senior reporter" in clean_text(page, Hints()).body


def test_a_reference_list_under_its_heading_ends_the_article() -> None:
    references = (
        "- Berg, A. (2023). Timber quays of the northern coast: a survey of rot and repair in harbour "
        "structures. Journal of Coastal Works, 14(2), 101-119.\n"
        "- Lund, K. and Vale, P. (2021). Managing closures in working harbours, a review of practice "
        "across thirty ports. Port Management Review, 9, 33-58."
    )
    for heading in ("References", "Article Sources", "Footnotes"):
        page = PAGE.replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{heading}\n\n{references}")
        body = clean_text(page, Hints()).body
        assert PARAGRAPHS[-1] in body and "Timber quays" not in body, heading


def test_datelines_in_their_usual_forms() -> None:
    assert find_dateline("SEOUL – The ministry said") == "SEOUL"
    assert find_dateline("Washington: The senator said") == "Washington"
    assert find_dateline("NEW YORK (Reuters) - Shares rose") == "NEW YORK"
    assert find_dateline("Update: The story was changed") is None
    assert find_dateline("The river rose - and fell") is None
    assert find_wire("said the ministry. (Yonhap)") == "Yonhap"
    assert find_wire("said the ministry.") is None


def test_rejections_say_why() -> None:
    assert clean_text("", Hints()).rejected == "empty"
    assert clean_text("  \n\n \t\n", Hints()).rejected == "empty"
    assert clean_text("Home\n\nNews\n\nA short note.", Hints()).rejected == (
        "too_short: too little text for an article (2 words kept)"
    )
    error = "Home\nNews\n\n404\n\nPage not found\n\nThe page you are looking for does not exist."
    assert clean_text(error, Hints()).rejected == "not_article: error page"
    stub = PAGE.replace("\n\n".join(PARAGRAPHS[1:]), "")
    stub = stub.replace(PARAGRAPHS[0], "OSLO -- The harbour authority said on Tuesday that it would close.")
    assert (clean_text(stub, Hints()).rejected or "").startswith("not_article: paywalled stub")


def test_a_news_brief_in_full_sentences_is_an_article_and_a_scrap_is_not() -> None:
    brief = (
        "Harbour Guard detains two smugglers\n\n"
        "VELMORA, Norland (March 4) – A coast guard patrol detained two suspected fuel smugglers and seized "
        "their boat off the Velmora coast today, the coast guard said."
    )
    result = clean_text(brief, Hints())
    assert result.rejected is None and result.body.startswith("VELMORA, Norland (March 4) – A coast guard")
    scrap = (
        "Home\n\nNews\n\nHarbour prices for diesel petrol kerosene and lubricants in Velmora Oslo and "
        "Bergen ports this week per litre and tonne"
    )
    assert (clean_text(scrap, Hints()).rejected or "").startswith("too_short: ")


def test_other_scripts_do_not_crash() -> None:
    text = "\n\n".join(
        ["ニュース", "港の北側の岸壁は修理のため三週間閉鎖されると港湾局が火曜日に発表した。" * 3] * 2
        + ["Новости порта: северный причал закроют на три недели для ремонта свай старого рынка. " * 3]
    )
    result = clean_text(text, Hints())
    assert result.language in {"ja", "ru"}
    assert result.rejected is None or (result.rejected or "").startswith("too_short: ")


def test_closing_headings_end_the_article() -> None:
    from sitroom.stages.clean.boilerplate import ends_article, normalise

    headings = (
        "Related Stories", "You may also like", "Recommended for You", "3 Comments", "About the Author",
        "Was this page helpful?", "You'll Also Love...", "Keep Exploring This Topic.", "Like this:",
        "You may be interested in the following topics as well:", "References", "Article Sources",
    )
    for heading in headings:
        assert ends_article(normalise(heading), heading) == "heading", heading
    for credit in ("With reporting by Anna Berg in Oslo", "Text by Anna Berg", "Words by Anna Berg"):
        assert ends_article(normalise(credit), credit) == "credit", credit
    for text in ("Advertisement", "Read more", "Related", "The related question is harder", "Like this one"):
        assert ends_article(normalise(text), text) is None, text


def test_comment_section_heading_ends_the_article_even_below_long_comments() -> None:
    from sitroom.stages.clean.boilerplate import ends_article, normalise

    headings = ("12 thoughts on “Harbour to close”", "3 Responses to Harbour", "Discussion about this post")
    for heading in headings:
        assert ends_article(normalise(heading), heading) == "comments", heading
    # readers' comments are prose too, and here they outweigh the story
    comments = [
        "Ole Berg\n\nMarch 3, 2021 at 9:14 am",
        "I have bought my fish at that quay for thirty years and I think the board is right to close it for "
        "a few weeks, because nobody wants to see the whole market slide into the water one stormy night.",
        "Reply",
        "Kari Dahl\n\nMarch 3, 2021 at 11:02 am",
        "The southern pier is already crowded in the mornings, so I hope the council finds a better place "
        "for the ferries, otherwise the commuters will be standing in the rain while the boats wait outside.",
        "Reply",
    ] * 3
    story = PAGE.split("\n\nRecommended for You")[0]
    page = "\n\n".join([story, "7 thoughts on “Harbour to close”", *comments])
    body = clean_text(page, Hints()).body
    assert body.endswith("(Nordwire)")
    assert "thirty years" not in body


def test_title_matching_the_url_slug_is_preferred() -> None:
    page = PAGE.replace("Skip to content", "Harbour Gazette")
    result = clean_text(page, Hints(url="https://gazette.example/2021/03/harbour-to-close-northern-quay/"))
    assert result.title == "Harbour to close northern quay for repairs"


def test_byline_labels_glued_by_the_flattener_are_cut() -> None:
    from sitroom.stages.clean.textmeta import find_byline

    assert find_byline("By Mari HolmPublished: March 3, 2021") == "Mari Holm"
    assert find_byline("By Mari Holm March 3, 2021") == "Mari Holm"
    assert find_byline("By Mari Holm, Harbour reporter") == "Mari Holm"


def test_date_line_just_inside_the_body_counts_but_teaser_dates_after_it_do_not() -> None:
    head_date = "By Mari Holm\n\nMarch 3, 2021"
    moved = PAGE.replace(head_date, "By Mari Holm")
    moved = moved.replace(PARAGRAPHS[0], f"{PARAGRAPHS[0]}\n\nMarch 3, 2021")
    result = clean_text(moved, Hints())
    assert result.published == "2021-03-03"
    assert "March 3, 2021" not in result.body


# A share bar, a "<Name> in <Place>" credit beside the date, and a hard-wrapped dateline lead.
SHARE_HEAD = "\n\n".join(
    [
        "Menu\nSearch\nSign in",
        "Ferry operator cancels winter crossings to the outer islands",
        "Islanders say the decision leaves them without a link to the mainland for three months",
        "Mari Holm in Tromso\nTue 3 Mar 2021 09.15 GMT",
        "Share this article\nCopy link\nFacebook\nX\nLinkedIn",
        *PARAGRAPHS[1:],
    ]
)
WRAPPED_LEAD = (
    "BERGEN – The ferry company said on Monday that it would stop about 40 sailings a week to the\n"
    "outer islands from December, citing fuel costs and a shortage of crew, a spokesman told Harbour\n"
    "Gazette, in a move that the island council called a betrayal of people who have no other way\n"
    "to reach the hospital."
)


def test_share_labels_and_placed_bylines_are_never_titles() -> None:
    result = clean_text(SHARE_HEAD, Hints())
    assert result.title == "Ferry operator cancels winter crossings to the outer islands"
    assert result.subtitle == SHARE_HEAD.split("\n\n")[2]  # the standfirst, not the byline below it
    assert result.byline == "Mari Holm"
    assert result.published == "2021-03-03"
    assert "Copy link" not in result.body


def test_desk_credit_is_a_byline_not_a_subtitle() -> None:
    page = SHARE_HEAD.replace("Mari Holm in Tromso\nTue 3 Mar 2021 09.15 GMT", "Staff and agencies")
    result = clean_text(page, Hints())
    assert result.title == "Ferry operator cancels winter crossings to the outer islands"
    assert result.byline == "Staff and agencies"
    assert result.published is None


def test_published_and_updated_line_gives_the_published_date_and_is_no_title() -> None:
    stamp = "Published Mar. 3, 2021 9:15 a.m. ET | Updated Mar. 4, 2021 11:02 a.m. ET"
    page = PAGE.replace("By Mari Holm\n\nMarch 3, 2021", f"By Mari Holm\n{stamp}")
    page = page.replace("Engineers will replace rotten pilings under the old fish market\n\n", "")
    result = clean_text(page, Hints())
    assert result.title == "Harbour to close northern quay for repairs"
    assert (result.published, result.published_basis) == ("2021-03-03", "text")
    assert "Updated" not in result.body


def test_update_label_gives_way_to_the_publication_date_in_either_order() -> None:
    from sitroom.stages.clean.textmeta import find_date, is_date_line

    assert find_date("Updated 4 March 2021 | Published 3 March 2021") == ("2021-03-03", False)
    assert find_date("Last updated: March 4, 2021") == ("2021-03-04", True)
    assert is_date_line("Published Mar. 3, 2021 9:15 a.m. ET | Updated Mar. 4, 2021 11:02 a.m. ET")
    assert not is_date_line("Published reports say the quay will close")


def test_dateline_lead_is_the_first_paragraph_never_the_title() -> None:
    page = PAGE.replace(PARAGRAPHS[0], WRAPPED_LEAD)
    result = clean_text(page, Hints())
    assert result.title == "Harbour to close northern quay for repairs"
    assert result.body.startswith("BERGEN – The ferry company said")
    assert "told Harbour Gazette, in a move" in result.body  # the wrap is joined, nothing lost
    assert result.dateline == "BERGEN"


def test_dateline_openings_are_told_from_headlines() -> None:
    from sitroom.stages.clean.textmeta import opens_with_dateline

    assert opens_with_dateline("SEOUL -- The ministry said on Monday that talks would resume")
    assert opens_with_dateline("BERGEN – The ferry company said")
    assert not opens_with_dateline("Norway: ferry company cancels winter crossings")
    assert not opens_with_dateline("Ferry company cancels winter crossings - islanders angry")


def test_title_case_heading_is_not_a_byline_without_a_date_beside_it() -> None:
    page = PAGE.replace("Harbour to close northern quay for repairs", "Quay Repairs Begin in Bergen")
    assert clean_text(page, Hints()).title == "Quay Repairs Begin in Bergen"


def test_dateline_unit_just_above_the_body_joins_it() -> None:
    import numpy as np

    from sitroom.stages.clean.text import _keep_lead

    lead = "BERGEN – The ferry company said on Monday, a spokesman told Harbour\nGazette on Tuesday."
    text = f"Menu\n\n{lead}\n\nMore"
    units = split_units(text)
    assert [u.text[:6] for u in units] == ["Menu", "BERGEN", "Gazett", "More"]
    keep = _keep_lead(units, np.array([False, False, True, False]))
    assert keep.tolist() == [False, True, True, False]
    unrelated = _keep_lead(units[:1] + units[2:], np.array([False, True, False]))
    assert unrelated.tolist() == [False, True, False]


def test_rescue_keeps_the_run_with_most_word_weighted_evidence() -> None:
    import numpy as np

    from sitroom.stages.clean.text import _rescue

    scores = np.array([0.45, 0.1, 0.3, 0.28, 0.05, 0.4])
    words = [2, 6, 180, 90, 4, 1]
    kept = _rescue(scores, np.zeros(6, dtype=bool), words)
    # the long middling paragraphs, not the short menu items that score higher
    assert kept.tolist() == [False, False, True, True, False, False]
    assert not _rescue(np.full(3, 0.1), np.zeros(3, dtype=bool), [50, 50, 50]).any()


def test_page_scored_all_low_still_yields_its_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from sitroom.stages.clean import text
    from sitroom.stages.clean.block_features import FEATURES

    def all_low(matrix: np.ndarray) -> np.ndarray:
        # nothing clears the bar; the long units (the paragraphs) are only a little above the rest
        long = np.asarray(matrix)[:, FEATURES.index("log_words")] > np.log1p(20)
        return np.where(long, 0.3, 0.05)

    monkeypatch.setattr(text, "body_probability", all_low)
    result = clean_text(PAGE, Hints())
    assert result.rejected is None
    assert result.body.startswith("OSLO, Norway") and result.body.endswith("(Nordwire)")


def test_short_body_grows_into_the_adjacent_run_of_middling_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from sitroom.stages.clean import text
    from sitroom.stages.clean.block_features import FEATURES

    def two_sure_paragraphs(matrix: np.ndarray) -> np.ndarray:
        long = np.asarray(matrix)[:, FEATURES.index("log_words")] > np.log1p(20)
        scores = np.where(long, 0.35, 0.05)
        first = int(np.flatnonzero(long)[0])
        scores[first : first + 2] = 0.9  # only the lead and the next paragraph clear the bar
        return scores

    monkeypatch.setattr(text, "body_probability", two_sure_paragraphs)
    body = clean_text(PAGE, Hints()).body
    assert body.startswith("OSLO, Norway") and body.endswith("(Nordwire)")
    assert "Share on Facebook" not in body


def test_the_outlet_a_paywall_or_about_box_names_outranks_the_wire_and_one_mention_is_not_enough() -> None:
    story = "\n\n".join(PARAGRAPHS)
    paywall = "Your full access to the Harbour Gazette has expired\n\nHarbour Gazette subscribers read more"
    assert clean_text(f"{story}\n\n{paywall}").outlet == "Harbour Gazette"
    about = "Velmora Wire journalists report the news in 12 languages.\n\nAbout Velmora Wire"
    assert clean_text(f"{story}\n\n{about}").outlet == "Velmora Wire"
    once = "Try unlimited access to Premium Partner Deals"
    assert clean_text(f"{story}\n\n{once}").outlet == "Nordwire"  # only the wire credit is left


def test_a_labelled_date_far_from_the_headline_dates_the_page_and_a_teasers_bare_date_does_not() -> None:
    page = "\n\n".join(
        [
            "Harbour to close northern quay for repairs",
            *PARAGRAPHS,
            "Recommended for You",
            "Ferry timetable changes for the spring season\n\nApril 9, 2022",
            "Local bakery wins national prize\n\nApril 7, 2022",
            *[f"Section {n}" for n in range(1, 16)],
            "Published On: 15 March 2021",
        ]
    )
    assert clean_text(page, Hints()).published == "2021-03-15"
    unlabelled = page.replace("Published On: 15 March 2021", "Contact us")
    assert clean_text(unlabelled, Hints()).published is None
    prose = page.replace(
        "Published On: 15 March 2021",
        "Updated guidance on quay repairs was issued on 15 March 2021 by the harbour board and the council.",
    )
    assert clean_text(prose, Hints()).published is None  # a sentence that opens with "Updated" is prose


def test_the_one_date_a_page_prints_on_a_line_of_its_own_dates_it_unless_another_day_competes() -> None:
    def page(*tail: str) -> str:
        furniture = [f"Section {n}" for n in range(1, 16)]
        return "\n\n".join(["Harbour to close northern quay for repairs", *PARAGRAPHS, *furniture, *tail])

    assert clean_text(page("Written by Ada Berg", "April 8, 2024"), Hints()).published == "2024-04-08"
    assert clean_text(page("Ada Berg", "| June 9, 2020 at 1:06 pm"), Hints()).published == "2020-06-09"
    teaser = ("Ada Berg", "April 8, 2024", "Ferry timetable changes", "April 9, 2022")
    assert clean_text(page(*teaser), Hints()).published is None  # which of two days is the page's?
    assert clean_text(page("Today's Hours", "March 14, 2026"), Hints()).published is None  # the fetch day
    assert clean_text(page("Last Updated:", "February 1, 2026"), Hints()).published is None
    assert clean_text(page("Ada Berg", "2025-10-30T10:45:07-04:00"), Hints()).published is None
    assert clean_text(page("Ada Berg wrote this on April 8, 2024"), Hints()).published is None  # not alone


HEAD = "Harbour to close northern quay for repairs"
LONG_TAIL = "Quay to close - engineers say the pilings have rotted further than expected"


@pytest.mark.parametrize(
    ("printed", "title"),
    [
        (f"{HEAD} | Harbour Gazette", HEAD),
        ("A Guide to Quay Repairs – Part 1", "A Guide to Quay Repairs"),
        ("Quay repairs explained - Personally Tested", "Quay repairs explained"),
        ("Russia - Ukraine talks resume in Geneva", "Russia - Ukraine talks resume in Geneva"),  # short head
        (LONG_TAIL, LONG_TAIL),  # a long tail is part of the headline
    ],
)
def test_a_short_tail_after_a_separator_is_not_part_of_the_headline(printed: str, title: str) -> None:
    page = "\n\n".join([printed, *PARAGRAPHS])
    assert clean_text(page, Hints()).title == title


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By Kathryn GiuffridaMar 5, 2025 | 6 comments", "2025-03-05"),  # a month glued to the name
        ("Posted on December 20, 2024September 26, 2025", "2024-12-20"),  # a year glued to the next date
        ("October 17, 20236:01 PM ET", "2023-10-17"),
        ("Mar 27, 20255 min read", "2025-03-27"),
        ("Published: 27/05/2024", "2024-05-27"),
        ("Updated: 10/31/2024", "2024-10-31"),
        ("Elliot Raba 23.07.2025 · 6 min read", "2025-07-23"),
        ("Nick van Mead 2022-11-23T08:10+02:00", "2022-11-23"),
        ("Published March 3, 2024 UpdatedJanuary 25, 2026", "2024-03-03"),  # a glued label still counts
        ("December 19. 2025", "2025-12-19"),
        ("EcoFlow- 2025/4/29", "2025-04-29"),
        ("Essay - Published: 2025.12.17 | programming", "2025-12-17"),
    ],
)
def test_dates_the_flattener_glued_or_wrote_in_digits_are_read(line: str, day: str) -> None:
    found = find_date(line)
    assert found is not None and found[0] == day


def test_digits_in_a_line_of_data_or_a_year_run_into_a_number_are_no_date() -> None:
    assert find_date("1/1/2013 +13.1%") is None
    assert find_date("Mar 27, 20255 people came") is None


def test_a_dated_url_dates_the_text_as_the_publishers_own_record() -> None:
    url = "https://example.org/news/2021/03/02/harbour-to-close-northern-quay"
    extraction = clean_text(PAGE, Hints(url=url))
    assert (extraction.published, extraction.published_basis) == ("2021-03-02", "metadata")
    extraction = clean_text(PAGE, Hints(url="https://example.org/news/harbour-to-close-northern-quay"))
    assert (extraction.published, extraction.published_basis) == ("2021-03-03", "text")


def test_a_long_line_that_opens_with_its_date_dates_the_page() -> None:
    line = "On March 3, 2021 By Mari Holm In Harbour News, Local Trades, Ferries, Fish Market, Council, Works"
    page = PAGE.replace("By Mari Holm\n\nMarch 3, 2021", line)
    assert clean_text(page, Hints()).published == "2021-03-03"


@pytest.mark.parametrize("credit", ["Author\n\nMari Holm", "Written by\n\nMari Holm", "Writer: Mari Holm"])
def test_an_author_label_names_the_author_where_no_byline_does(credit: str) -> None:
    page = PAGE.replace("By Mari Holm\n\n", "").replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{credit}")
    assert clean_text(page, Hints()).byline == "Mari Holm"


def test_a_label_over_a_date_or_lower_case_words_names_no_one() -> None:
    for credit in ("Written by\n\nMarch 3, 2021", "Contributors\n\nthe harbour desk and readers"):
        page = PAGE.replace("By Mari Holm\n\n", "").replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{credit}")
        assert clean_text(page, Hints()).byline is None, credit


def test_the_authors_pictured_name_over_the_name_names_the_author() -> None:
    for picture in ("Mari Holm's avatar", "Picture of Mari Holm"):
        credit = f"{picture}\n\nMari Holm"
        page = PAGE.replace("By Mari Holm\n\n", "").replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{credit}")
        assert clean_text(page, Hints()).byline == "Mari Holm", picture


def test_a_date_label_on_its_own_line_dates_the_page_by_the_date_under_it() -> None:
    page = PAGE.replace("By Mari Holm\n\nMarch 3, 2021\n\n", "").replace(
        PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\nPublished\n\nMarch 3, 2021"
    )
    assert clean_text(page, Hints()).published == "2021-03-03"


def test_a_wire_storys_closing_reporting_credit_names_the_author_where_no_byline_does() -> None:
    credit = "(Reporting by Mari Holm in Oslo and Per Aas in Bergen; Editing by Kari Dahl)"
    page = PAGE.replace("By Mari Holm\n\n", "").replace(PARAGRAPHS[-1], f"{PARAGRAPHS[-1]}\n\n{credit}")
    assert clean_text(page, Hints()).byline == "Mari Holm"


def test_a_wire_dateline_with_its_day_and_the_end_mark_of_a_wire_story() -> None:
    assert find_dateline("SEOUL, Jan. 6 (Yonhap) -- The ministry said") == "SEOUL (Jan. 6)"
    assert find_dateline("Paris, May 5 was a good day for the club.") is None
    opening = "SEOUL, Jan. 6 (Yonhap) -- The ministry said"
    assert find_wire("Talks resume on Monday.\n\n(END)", opening) == "Yonhap"
    page = (
        "Harbour talks stall again\n\n"
        "SEOUL, Jan. 6 (Yonhap) -- Negotiators from the two port cities ended a second day of talks "
        "without an agreement on Monday, officials said, as dock workers threatened a strike over the new "
        "rosters.\n\n"
        "The talks are due to resume next week, a spokesperson for the harbour authority told reporters, "
        "adding that both sides had agreed to keep the ferries running until then.\n\n"
        "(END)"
    )
    article = clean_text(page, Hints())
    assert "(END)" not in article.body and article.wire == "Yonhap"
