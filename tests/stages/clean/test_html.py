"""extract_html on invented pages: JSON-LD, meta tags, captions, broken markup, non-articles."""

from __future__ import annotations

import json

from sitroom.model.article import Hints
from sitroom.stages.clean.html import extract_html

PARAGRAPHS = [
    "The harbour authority in Port Meridian said on Tuesday that the new breakwater would be finished "
    "before the winter storms, after two years of delays caused by a shortage of granite blocks.",
    "Engineers working for the authority told reporters that the last section, about three hundred "
    "metres long, was being laid at night to avoid disturbing the ferry timetable during the day.",
    "Local fishermen, who have lost boats to high seas in each of the past three winters, said they "
    "welcomed the news but would wait to see the wall standing before mooring in the outer basin.",
    "The project, paid for by the regional government and a coastal resilience fund, is expected to "
    "cost about 40 million crowns, roughly a third more than the figure announced when work began.",
]


def page(head: str = "", top: str = "", extra_body: str = "", paragraphs: list[str] | None = None) -> str:
    """A small article page; `head` and `top` add metadata and markup around the story."""
    text = "".join(f"<p>{p}</p>" for p in (paragraphs if paragraphs is not None else PARAGRAPHS))
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Breakwater to be finished before winter | "
        f"Meridian Gazette</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Breakwater to be finished before winter</h1>{top}{text}{extra_body}</article>"
        "<footer><p>Copyright Meridian Gazette. All rights reserved.</p></footer></body></html>"
    )


def json_ld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_body_keeps_the_story_and_drops_navigation_and_footer() -> None:
    got = extract_html(page(), Hints(url="https://gazette.example/news/breakwater"))
    assert got.rejected is None
    for paragraph in PARAGRAPHS:
        assert paragraph in got.body
    assert "All rights reserved" not in got.body
    assert "Sport" not in got.body
    assert got.body.count("\n\n") == len(PARAGRAPHS) - 1


def test_title_strips_the_site_name_and_is_not_repeated_in_the_body() -> None:
    got = extract_html(page(), Hints())
    assert got.title == "Breakwater to be finished before winter"
    assert not got.body.startswith("Breakwater")


def test_json_ld_gives_headline_authors_date_and_publisher() -> None:
    head = json_ld(
        headline="Breakwater to be finished before winter",
        author=[{"@type": "Person", "name": "Ada Lindqvist"}, {"@type": "Person", "name": "Tomas Berg"}],
        datePublished="2024-10-08T21:40:00-04:00",
        publisher={"@type": "Organization", "name": "Meridian Gazette"},
    )
    got = extract_html(page(head=head), Hints())
    assert got.byline == "Ada Lindqvist, Tomas Berg"
    # The day as the outlet printed it, not shifted to UTC.
    assert got.published == "2024-10-08"
    assert got.published_basis == "metadata"
    assert got.outlet == "Meridian Gazette"


def test_meta_tags_when_there_is_no_json_ld() -> None:
    head = (
        '<meta property="og:title" content="Breakwater to be finished before winter">'
        '<meta property="og:site_name" content="Meridian Gazette">'
        '<meta name="author" content="By Ada Lindqvist">'
        '<meta property="article:published_time" content="2023-03-09T08:00:00Z">'
    )
    got = extract_html(page(head=head), Hints())
    assert (got.byline, got.published, got.outlet) == ("Ada Lindqvist", "2023-03-09", "Meridian Gazette")


def test_visible_byline_and_time_element() -> None:
    top = (
        '<p class="byline">By <a rel="author" href="/staff/ada">Ada Lindqvist</a></p>'
        '<time datetime="2022-11-30T10:00:00+01:00">30 November 2022</time>'
    )
    got = extract_html(page(top=top), Hints())
    assert got.byline == "Ada Lindqvist"
    assert got.published == "2022-11-30"


def test_date_from_the_url_as_a_last_resort() -> None:
    got = extract_html(page(), Hints(url="https://gazette.example/2021/06/15/breakwater-delay"))
    assert got.published == "2021-06-15"


def test_hints_from_the_input_win_over_the_page() -> None:
    hints = Hints(title="Given title", published="5 May 2020", outlet="Wire Desk", byline="Jo Smith")
    got = extract_html(page(), hints)
    assert (got.title, got.published, got.outlet, got.byline) == (
        "Given title", "2020-05-05", "Wire Desk", "Jo Smith",
    )


def test_captions_are_kept_apart_from_the_body() -> None:
    caption = "Cranes lift granite blocks onto the breakwater at dusk. Photo: Harbour Authority"
    figure = f"<figure><img src='wall.jpg' alt='the wall'><figcaption>{caption}</figcaption></figure>"
    got = extract_html(page(top=figure), Hints())
    assert caption in got.captions
    assert "Cranes lift granite" not in got.body
    assert PARAGRAPHS[0] in got.body


def test_language_is_detected_from_the_text() -> None:
    assert extract_html(page(), Hints()).language == "en"


def test_broken_html_does_not_crash() -> None:
    broken = page().replace("</p>", "").replace("</article>", "<div><span>")[:-40] + "<<>>&#xZZ;\x00"
    got = extract_html(broken, Hints())
    assert got.rejected is None
    assert "granite blocks" in got.body


def test_empty_and_garbage_inputs_are_rejected_with_a_reason() -> None:
    for html in ("", "   ", "<html></html>", "\x00\x01\x02", "<html><body><div></div></body></html>"):
        got = extract_html(html, Hints())
        assert got.rejected, html
        assert got.body == "" or len(got.body.split()) < 60


def test_error_page_is_rejected() -> None:
    html = (
        "<html><head><title>404 Page Not Found | Meridian Gazette</title></head><body>"
        "<h1>Page not found</h1><p>Sorry, the page you are looking for does not exist. Try the search "
        "box or go back to the home page to find the latest stories from our newsroom.</p></body></html>"
    )
    got = extract_html(html, Hints())
    assert got.rejected is not None and "error page" in got.rejected


def test_index_page_is_rejected() -> None:
    items = "".join(
        f"<li><a href='/story/{i}'>Council weighs new plan for district {i} parking</a></li>"
        for i in range(40)
    )
    html = (
        "<html><head><title>Latest news | Meridian Gazette</title></head><body>"
        f"<h1>Latest news</h1><ul>{items}</ul></body></html>"
    )
    got = extract_html(html, Hints())
    assert got.rejected is not None


def test_short_stub_is_rejected() -> None:
    got = extract_html(page(paragraphs=["Subscribe to continue reading this story."]), Hints())
    assert got.rejected is not None


def test_a_news_brief_marked_as_an_article_is_kept_and_an_unmarked_one_is_not() -> None:
    lead = (
        "VELMORA, Norland (March 4) – A coast guard patrol detained two suspected fuel smugglers and "
        "seized their boat off the Velmora coast today, the coast guard said."
    )
    marked = (
        '<html><head><title>Patrol detains smugglers | Harbour Gazette</title><meta property="og:type" '
        f'content="article"></head><body><h1>Patrol detains smugglers</h1><article><p>{lead}</p></article>'
        "</body></html>"
    )
    got = extract_html(marked, Hints())
    assert got.rejected is None and got.body.startswith("VELMORA, Norland (March 4)")
    unmarked = marked.replace('<meta property="og:type" content="article">', "")
    assert (extract_html(unmarked, Hints()).rejected or "").startswith("too_short: ")


def test_other_scripts_do_not_crash() -> None:
    sentence = "Η λιμενική αρχή ανακοίνωσε ότι το νέο κυματοθραυστικό θα ολοκληρωθεί πριν από τον χειμώνα. "
    greek = [sentence * 4]
    got = extract_html(page(paragraphs=greek * 3), Hints())
    assert got.language == "el"


def test_a_date_printed_on_the_page_has_the_text_as_its_basis() -> None:
    dated = page(top='<p class="date">Published 4 March 2024</p>')
    printed = extract_html(dated, Hints())
    assert (printed.published, printed.published_basis) == ("2024-03-04", "text")
    from_url = extract_html(page(), Hints(url="https://gazette.example/2021/06/15/breakwater-delay"))
    assert from_url.published_basis == "metadata"
    given = extract_html(dated, Hints(published="2024-03-05"))
    assert (given.published, given.published_basis) == ("2024-03-05", "metadata")
