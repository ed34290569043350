"""Choosing title, byline and date among a page's candidates (stages/clean/html_pick.py)."""

from __future__ import annotations

import json

from sitroom.model.article import Hints
from sitroom.stages.clean.html import extract_html
from tests.stages.clean.test_html import PARAGRAPHS


def page(head: str, header: str, h1: str = "Ferry strike ends after nine days") -> str:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{h1} | Coast Courier</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<article><h1>{h1}</h1>{header}{story}</article></body></html>"
    )


def test_printed_headline_beats_a_rewritten_share_title() -> None:
    head = '<meta property="og:title" content="Ferry strike ends: what it means for commuters">'
    got = extract_html(page(head, ""), Hints())
    assert got.title == "Ferry strike ends after nine days"


def test_share_title_when_the_h1_is_the_site_logo() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after nine days">'
    got = extract_html(page(head, "", h1="Coast Courier"), Hints(url="https://coastcourier.example/a"))
    assert got.title == "Ferry strike ends after nine days"


def test_double_decoded_metadata_is_repaired() -> None:
    broken = "Harbourâ\u0080\u0099s ferry strike ends"
    head = f'<meta property="og:title" content="{broken}">'
    got = extract_html(page(head, "", h1="Coast Courier"), Hints(url="https://coastcourier.example/a"))
    assert got.title == "Harbour’s ferry strike ends"


def test_printed_and_metadata_dates_give_the_earlier_and_an_updated_label_is_a_revision() -> None:
    meta = '<meta property="article:published_time" content="2024-03-05T09:00:00Z">'
    printed = extract_html(page(meta, "<p class='when'>March 3, 2024</p>"), Hints())
    assert printed.published == "2024-03-03"
    later = extract_html(page(meta, "<p class='when'>March 9, 2024</p>"), Hints())
    assert later.published == "2024-03-05"
    revised = extract_html(page(meta, "<p class='when'>Updated on March 1, 2024</p>"), Hints())
    assert revised.published == "2024-03-05"
    alone = extract_html(page("", "<p class='when'>March 9, 2024</p>"), Hints())
    assert alone.published == "2024-03-09"


def test_header_date_when_nothing_else_dates_the_page() -> None:
    html = (
        "<html><body><div class='top'><span>Local</span><span>4 May 2023</span></div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<footer><p>More stories</p><p>Fishing quotas cut, 9 June 2024</p></footer></body></html>"
    )
    assert extract_html(html, Hints()).published == "2023-05-04"


def test_site_name_as_author_gives_way_to_the_printed_byline() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "author": {"name": "Coast Courier"}}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    header = "<div class='meta'><span>By Maren Holt</span><span>March 3, 2024</span></div>"
    got = extract_html(page(head, header), Hints(url="https://www.coastcourier.example/local/ferry"))
    assert got.byline == "Maren Holt"


def test_page_phrases_are_not_taken_for_names() -> None:
    header = "<div class='author'>Share Post</div><div class='author'>Table of Contents</div>"
    assert extract_html(page("", header), Hints()).byline is None


def test_byline_label_followed_by_the_name() -> None:
    header = "<div><span>Written by</span><a href='/people/maren-holt'>Maren Holt Reporter</a></div>"
    assert extract_html(page("", header), Hints()).byline == "Maren Holt"


def test_a_date_run_into_the_h1_is_not_part_of_the_headline() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after nine days">'
    h1 = "Ferry strike ends after nine days Posted on March 3, 2024"
    got = extract_html(page(head, "", h1=h1), Hints())
    assert got.title == "Ferry strike ends after nine days"


def test_capitals_from_css_take_the_metadata_spelling() -> None:
    head = '<meta property="og:title" content="Ferry Strike Ends After Nine Days">'
    got = extract_html(page(head, "", h1="FERRY STRIKE ENDS AFTER NINE DAYS"), Hints())
    assert got.title == "Ferry Strike Ends After Nine Days"


def test_a_section_after_a_bar_and_a_logo_h1_are_dropped() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after nine days | Opinion">'
    got = extract_html(page(head, "", h1="coastcourier.example"), Hints(url="https://coastcourier.example/a"))
    assert got.title == "Ferry strike ends after nine days"


def test_byline_markup_lines_are_read_apart_and_comment_names_skipped() -> None:
    from sitroom.stages.clean.html_author import byline_name

    assert byline_name("Maren Holt\nMarch 3, 2024") == "Maren Holt"
    assert byline_name("Mar 3, 2024 · Maren Holt on behalf of the desk") == "Maren Holt"
    assert byline_name("This post was written by Maren Holt, Head of Research") == "Maren Holt"
    assert byline_name("Maren Holt\nsays:") is None
    assert byline_name("Hello. My name is Maren") is None


def test_every_citation_author_is_kept() -> None:
    head = "".join(f'<meta name="citation_author" content="{n}">' for n in ("Maren Holt", "Tomas Berg"))
    assert extract_html(page(head, ""), Hints()).byline == "Maren Holt, Tomas Berg"


def test_author_markup_with_the_date_in_a_sibling_tag() -> None:
    header = "<div class='post-author'><p>Maren Holt</p><small>March 3, 2024</small></div>"
    assert extract_html(page("", header), Hints()).byline == "Maren Holt"


def test_a_short_name_after_a_by_label_and_a_one_word_name_two_places_agree_on() -> None:
    label = "<div class='meta'><span>By</span><span>whova</span></div>"
    assert extract_html(page("", label), Hints()).byline == "whova"
    # One word is a name only when author markup and the line beside the date both say it.
    header = "<div><a href='/author/kev'>Kev</a></div><div>Kev</div><div>March 3, 2024</div>"
    assert extract_html(page("", header), Hints()).byline == "Kev"
    lone = "<div>Lifestyle</div><div>March 3, 2024</div>"
    assert extract_html(page("", lone), Hints()).byline is None


def test_the_site_name_is_dropped_from_a_structured_author_list() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "author": "Maren Holt, Coast Courier"}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    got = extract_html(page(head, ""), Hints(url="https://www.coastcourier.example/local/ferry"))
    assert got.byline == "Maren Holt"


def test_an_h1_fusing_headline_and_subtitle_gives_way_to_the_metadata() -> None:
    head = '<meta property="og:title" content="Ferry strike ends: what commuters need to know">'
    h1 = "<span>Ferry strike ends</span><span>What commuters need</span>"
    got = extract_html(page(head, "", h1=h1), Hints())
    assert got.title == "Ferry strike ends: what commuters need to know"


def test_a_template_key_is_no_author_but_a_dotted_handle_is() -> None:
    template = extract_html(page('<meta name="author" content="page.head.extra.author">', ""), Hints())
    assert template.byline is None
    handle = extract_html(page('<meta name="author" content="maren.r.holt">', ""), Hints())
    assert handle.byline == "maren.r.holt"


def test_a_dated_url_beats_a_later_printed_date() -> None:
    got = extract_html(page("", "<p class='when'>March 9, 2024</p>"), Hints(url="https://c.example/2024/03/05/ferry"))
    assert got.published == "2024-03-05"


def test_brand_capitals_inside_a_word_are_not_a_fused_h1() -> None:
    head = '<meta property="og:title" content="Harbour app review">'
    got = extract_html(page(head, "", h1="Harbour app review: the WordPress and iPhone versions"), Hints())
    assert got.title == "Harbour app review: the WordPress and iPhone versions"


def test_a_printed_date_one_day_off_the_timestamp_is_a_time_zone_and_the_timestamp_wins() -> None:
    meta = '<meta property="article:published_time" content="2024-03-05T01:30:00+00:00">'
    got = extract_html(page(meta, "<p class='when'>March 4, 2024</p>"), Hints())
    assert got.published == "2024-03-05"


def test_an_ambiguous_numeric_date_follows_the_unambiguous_reading_the_page_gives() -> None:
    iso = '<time datetime="2025-12-02">posted</time>'
    day_first = extract_html(page("", f"<p class='when'>02-12-2025</p><p>{iso}</p>"), Hints())
    assert day_first.published == "2025-12-02"
    month_first = extract_html(page("", "<p class='when'>02-12-2025</p>"), Hints())
    assert month_first.published == "2025-02-12"


def test_with_no_date_by_the_headline_a_date_after_a_byline_or_label_dates_the_page() -> None:
    tail = "<aside><p>By Maren Holt</p><p>Harbour editor</p><p>June 4, 2024</p></aside>"
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + tail + "</body></html>"
    assert extract_html(html, Hints()).published == "2024-06-04"
    labelled = html.replace(tail, "<p>Post time: 07-03-2024</p>")
    assert extract_html(labelled, Hints()).published == "2024-07-03"
    revised = html.replace(tail, "<p>Last updated: June 9, 2024</p>")
    assert extract_html(revised, Hints()).published == "2024-06-09"


TITLE_CASED = "Ferry Strike Ends After Nine Days"


def test_a_sentence_case_h1_takes_the_spelling_of_a_metadata_title_with_the_same_words() -> None:
    head = '<meta property="og:title" content="Ferry strike ends: what commuters need">'
    html = page(head, "")
    assert extract_html(html, Hints()).title == "Ferry strike ends after nine days"  # <title> agrees
    title_case = html.replace("<title>Ferry strike ends after nine days", f"<title>{TITLE_CASED}")
    assert extract_html(title_case, Hints()).title == "Ferry Strike Ends After Nine Days"


def test_an_h1_that_lost_characters_to_its_encoding_takes_the_metadata_spelling() -> None:
    head = '<meta property="og:title" content="Ferry strike: the harbour\'s guide">'
    got = extract_html(page(head, "", h1="Ferry strike? the harbour? guide"), Hints())
    assert got.title == "Ferry strike: the harbour's guide"


def test_an_h1_confirmed_by_a_metadata_title_keeps_its_casing() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after nine days">'
    html = page(head, "").replace("<title>Ferry strike ends after nine days", f"<title>{TITLE_CASED}")
    assert extract_html(html, Hints()).title == "Ferry strike ends after nine days"


def test_a_short_dash_tail_leaves_a_metadata_title_no_headline_backs_but_not_a_printed_one() -> None:
    head = '<meta property="og:title" content="Ferry strike ends after nine days - Part 1">'
    logo = extract_html(page(head, "", h1="Coast Courier"), Hints(url="https://coastcourier.example/a"))
    assert logo.title == "Ferry strike ends after nine days"
    printed = extract_html(page(head, "", h1="Ferry strike ends after nine days - Part 1"), Hints())
    assert printed.title == "Ferry strike ends after nine days - Part 1"


def test_an_h1_another_metadata_title_spells_beats_a_lone_rewritten_share_title() -> None:
    share = "Commuters cheer as harbour boats sail again"
    head = f'<meta property="og:title" content="{share}"><meta name="twitter:title" content="{share}">'
    url = Hints(url="https://coastcourier.example/a")
    assert extract_html(page(head, ""), url).title == "Ferry strike ends after nine days"
    backed = page(head, "").replace("<title>Ferry strike ends after nine days", f"<title>{share}")
    assert extract_html(backed, url).title == share


def test_a_date_in_prose_after_by_is_no_byline_date() -> None:
    prose = "<p>The harbour plan was approved by the council on June 4, 2024 after a long debate.</p>"
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + prose + "</body></html>"
    assert extract_html(html, Hints()).published is None


def test_an_ambiguous_numeric_date_follows_the_pages_other_numeric_dates_then_its_locale() -> None:
    header = "<p class='when'>02-12-2025</p>"
    other = "<footer><p>Archived 25/11/2025</p></footer>"
    assert extract_html(page("", header + other), Hints()).published == "2025-12-02"
    british = page("", header).replace("<html>", "<html lang='en-GB'>")
    assert extract_html(british, Hints()).published == "2025-12-02"
    american = page("", header).replace("<html>", "<html lang='en-US'>")
    assert extract_html(american, Hints()).published == "2025-02-12"


def test_a_schema_org_only_publication_day_gives_way_to_the_date_line_by_the_headline() -> None:
    ld = {"@context": "https://schema.org", "@type": "Article", "datePublished": "2021-04-02T08:00:00Z"}
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    revised = extract_html(page(script, "<p class='when'>Updated March 9, 2024</p>"), Hints())
    assert revised.published == "2024-03-09"
    # A <meta> naming the publication time is the outlet's own statement: it keeps the first day.
    meta = '<meta property="article:published_time" content="2021-04-02T08:00:00Z">'
    stated = extract_html(page(script + meta, "<p class='when'>Updated March 9, 2024</p>"), Hints())
    assert stated.published == "2021-04-02"
    undated = extract_html(page(script, ""), Hints())
    assert undated.published == "2021-04-02"
    microdata = '<meta itemprop="datePublished" content="2021-04-02">'
    printed = extract_html(page(microdata, "<p class='when'>March 9, 2024</p>"), Hints())
    assert printed.published == "2024-03-09"


def test_a_lone_metadata_author_takes_the_coauthors_printed_after_it() -> None:
    meta = '<meta name="author" content="Maren Holt">'
    listed = "<p class='by'><a>Maren Holt</a>, <a>Tomas Lindqvist</a> &amp; <a>Dr Ines Farrow</a></p>"
    got = extract_html(page(meta, listed), Hints())
    assert got.byline == "Maren Holt, Tomas Lindqvist, Dr Ines Farrow"
    # A role after the name is no co-author, and neither is a desk or section name.
    roles = "<p class='by'><span>Maren Holt</span>, <span>Harbour Desk</span></p>"
    assert extract_html(page(meta, roles), Hints()).byline == "Maren Holt"
    marks = "<p class='by'><span>Maren Holt</span><sup>1</sup>; <span>Tomas Lindqvist</span><sup>2</sup></p>"
    assert extract_html(page(meta, marks), Hints()).byline == "Maren Holt, Tomas Lindqvist"


def test_a_photo_credit_below_the_headline_is_no_byline() -> None:
    meta = '<meta name="author" content="Maren Holt">'
    header = "<p>Maren Holt</p><p>Mar 9, 2024</p><figure><p>Photo by</p><p>Ines Farrow</p></figure>"
    assert extract_html(page(meta, header), Hints(url="https://marenholt.example/p/x")).byline == "Maren Holt"


def test_a_name_beside_a_day_first_dotted_date_and_in_an_aside_is_the_byline() -> None:
    dotted = extract_html(page("", "<p>Tomas Lindqvist</p><p>23.07.2025</p>"), Hints())
    assert dotted.byline == "Tomas Lindqvist"
    aside = extract_html(page("", "<aside class='post-author'>Paula (Reyes) Ortiz</aside>"), Hints())
    assert aside.byline == "Paula (Reyes) Ortiz"


def test_an_article_written_by_label_keeps_the_post_nominal_letters() -> None:
    tail = "<div><p>Article written by:</p>\n\n<p>\n<span>Ines Farrow, MD, FACS</span></p></div>"
    got = extract_html(page("", tail), Hints())
    assert got.byline == "Ines Farrow, MD, FACS"
    role = extract_html(page("", "<p>Written by</p><p>Ines Farrow, Head of Research</p>"), Hints())
    assert role.byline == "Ines Farrow"


def test_names_opening_with_accented_capitals_are_names() -> None:
    header = "<p>Çelik Nimani</p><p>Dec 19, 2025</p>"
    assert extract_html(page("", header), Hints()).byline == "Çelik Nimani"
    assert extract_html(page("", "<p class='by'>By Łucja Żak</p>"), Hints()).byline == "Łucja Żak"


def test_a_name_over_a_job_title_below_the_headline_is_the_byline() -> None:
    header = "<p>Tomas Lindqvist</p><p>Harbour Writer</p><a>Articles by Tomas</a>"
    assert extract_html(page("", header), Hints()).byline == "Tomas Lindqvist"
    section = "<p>Ports &amp; Shipping</p><p>Mar 9, 2024</p>"
    assert extract_html(page("", section), Hints()).byline is None


def test_an_analytics_data_layer_names_the_author_when_the_page_prints_none() -> None:
    layer = '<script>var dataLayer = [{"pagePostType": "post", "pagePostAuthor": "Maren"}];</script>'
    assert extract_html(page(layer, ""), Hints()).byline == "Maren"
    printed = extract_html(page(layer, "<p class='by'>By Tomas Lindqvist</p>"), Hints())
    assert printed.byline == "Tomas Lindqvist"


def test_a_share_card_written_by_field_names_the_author_when_nothing_else_does() -> None:
    card = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Ines Farrow">'
    )
    assert extract_html(page(card, ""), Hints()).byline == "Ines Farrow"
    reading = (
        '<meta name="twitter:label1" content="Est. reading time">'
        '<meta name="twitter:data1" content="4 min">'
    )
    assert extract_html(page(reading, ""), Hints()).byline is None


def test_a_personal_site_names_its_owner_as_the_author() -> None:
    html = page("", "").replace("<title>Ferry strike ends after nine days | Coast Courier</title>",
                                "<title>Ferry strike ends after nine days | Maren Holt</title>")
    assert extract_html(html, Hints(url="https://marenholt.example/notes/ferry")).byline == "Maren Holt"
    # A company whose domain spells its name is no person.
    firm = html.replace("Maren Holt</title>", "Maren Software</title>")
    assert extract_html(firm, Hints(url="https://maren.example/notes/ferry")).byline is None
    assert extract_html(html, Hints(url="https://coastcourier.example/ferry")).byline is None
