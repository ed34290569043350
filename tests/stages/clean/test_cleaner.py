"""The Cleaner: RawArticle -> Article, hints over page text, problems kept as rejections."""

from __future__ import annotations

from sitroom.config import Settings
from sitroom.model import Hints, RawArticle
from sitroom.stages.clean import Cleaner, learn_profile, normalise_date

BODY = [
    "LISBON -- The city's tram operator said on Monday that it would restore the night service on "
    "two lines from next month, after a trial last autumn drew more riders than planned.",
    "The operator's director told a news conference that the trams would run every twenty minutes "
    "until two in the morning on Fridays and Saturdays, and hourly on other nights.",
    "Residents of the hill districts, where buses cannot climb the narrowest streets, had asked for "
    "the service back since it was cut during the pandemic, she said.",
]
TEXT = "\n\n".join(["Menu\nHome\nCity\nSign in", "Night trams return to two lines", "June 2, 2023", *BODY,
                    "Related stories", "Share this article"])


def _raw(content: str = TEXT, kind: str = "text", hints: Hints | None = None, problem: str | None = None,
         source: str = "/corpus/lisbon/a.txt") -> RawArticle:
    return RawArticle(id="abc123", source=source, kind=kind, content=content, hints=hints or Hints(),
                      problem=problem)


def test_text_article_from_page_text() -> None:
    article = Cleaner(Settings())(_raw())
    assert (article.id, article.source, article.rejected) == ("abc123", "/corpus/lisbon/a.txt", None)
    assert article.body.startswith("LISBON -- The city's tram operator")
    assert article.body.endswith("during the pandemic, she said.")
    assert article.title == "Night trams return to two lines"
    assert (article.published, article.published_basis) == ("2023-06-02", "text")
    assert article.dateline == "LISBON"


def test_hints_take_precedence() -> None:
    hints = Hints(
        url="https://news.example.pt/a",
        title="Trams back at night",
        published="2023-06-03T08:00:00Z",
        outlet="Example News",
        byline="Ana Sousa",
    )
    article = Cleaner(Settings())(_raw(hints=hints))
    assert article.url == "https://news.example.pt/a"
    assert article.title == "Trams back at night"
    assert (article.outlet, article.byline) == ("Example News", "Ana Sousa")
    assert (article.published, article.published_basis) == ("2023-06-03", "metadata")


def test_reader_problem_becomes_the_rejection() -> None:
    article = Cleaner(Settings())(_raw(content="", problem="cannot decode: not UTF-8"))
    assert article.rejected == "cannot decode: not UTF-8"
    assert article.body == ""


def test_html_is_cleaned_too() -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><h1>Night trams return to two lines</h1>" + "".join(
        f"<p>{paragraph}</p>" for paragraph in BODY
    ) + "<footer>Related stories</footer></body></html>"
    article = Cleaner(Settings())(_raw(content=html, kind="html"))
    assert article.rejected is None
    assert "tram operator said on Monday" in article.body
    assert "Home" not in article.body.split()


def test_overlong_input_is_cut_and_flagged() -> None:
    article = Cleaner(Settings(max_chars=600))(_raw())
    assert len(article.body) < 600
    assert any(problem.startswith("clean: input cut") for problem in article.problems)


def test_profile_from_a_batch_groups_by_folder() -> None:
    raws = [_raw(source=f"/corpus/lisbon/{n}.txt") for n in range(3)] + [
        _raw(source="/other/b.txt"), _raw(kind="html", source="/corpus/lisbon/c.html")
    ]
    profile = learn_profile(raws)
    assert profile.documents == {"folder:/corpus/lisbon": 3, "folder:/other": 1}
    assert "related stories" in profile.junk_for("folder:/corpus/lisbon")


def test_dates_from_metadata_are_normalised() -> None:
    assert normalise_date("2024-10-28T12:00:00+09:00") == "2024-10-28"
    assert normalise_date("Monday, October 28th, 2024") == "2024-10-28"
    assert normalise_date("yesterday") is None
    assert normalise_date(None) is None
