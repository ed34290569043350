"""DateStage: timexes against the publication date, and inference for undated articles (issue 5)."""

from __future__ import annotations

from datetime import date

from sitroom.config import Settings
from sitroom.model import Article, Sentence
from sitroom.stages.dates import DateStage

BODY = (
    "Defense Minister Kim Yong-hyun said on Oct. 18 that the drills were over.\n\n"
    "Later Monday, the navy said two ships had returned to port."
)


def article(body: str = BODY, **fields: object) -> Article:
    cut = body.index("\n\n")
    sentences = (Sentence(0, cut), Sentence(cut + 2, len(body)))
    return Article(id="a1", source="test", body=body, sentences=sentences, **fields)  # type: ignore[arg-type]


def stage() -> DateStage:
    return DateStage(Settings())


def test_metadata_date_is_the_reference_and_is_never_overwritten() -> None:
    out = stage()(article(published="2024-10-23", published_basis="metadata"))
    assert (out.published, out.published_basis) == ("2024-10-23", "metadata")
    values = {t.text: t.value for t in out.timexes}
    assert values["Oct. 18"] == "2024-10-18"
    assert values["Monday"] == "2024-10-21"


def test_undated_article_gets_an_inferred_date_and_resolved_timexes() -> None:
    out = stage()(article())
    assert out.published == "2024-10-21"
    assert out.published_basis == "inferred"
    assert out.published_confidence is not None and out.published_confidence >= 0.6
    assert {t.text: t.value for t in out.timexes}["Oct. 18"] == "2024-10-18"


def test_without_evidence_the_date_stays_unknown_and_values_partial() -> None:
    body = "The bridge closed on April 21.\n\nOn Friday, the council met again."
    out = stage()(article(body))
    assert out.published is None and out.published_basis is None
    values = {t.text: t.value for t in out.timexes}
    assert values == {"April 21": "XXXX-04-21", "Friday": "XXXX-WXX-5"}


def test_a_dateline_day_without_its_year_anchors_what_does_not_hang_on_a_weekday() -> None:
    body = (
        "VELMORA, Norland (March 4) — The ferry ran aground yesterday and was towed off last night.\n\n"
        "Divers inspected the hull on Tuesday, three days after a storm that struck in 2019 too."
    )
    out = stage()(article(body, dateline="VELMORA, Norland (March 4)"))
    assert out.published is None
    values = {t.text: t.value for t in out.timexes}
    assert (values["yesterday"], values["last night"]) == ("XXXX-03-03", "XXXX-03-03TNI")
    assert values["Tuesday"] == "XXXX-WXX-2"  # the weekday depends on the year the text does not give
    assert values["2019"] == "2019"
    leap = stage()(article(body.replace("March 4", "March 1"), dateline="VELMORA, Norland (March 1)"))
    assert {t.text: t.value for t in leap.timexes}["yesterday"] == "XXXX-XX-XX"  # Feb. 28 or 29
    impossible = stage()(article(body.replace("March 4", "Feb. 30"), dateline="VELMORA, Norland (Feb. 30)"))
    assert {t.text: t.value for t in impossible.timexes}["yesterday"] == "XXXX-XX-XX"  # no such day


def test_every_timex_span_is_its_text() -> None:
    out = stage()(article())
    assert out.timexes
    for timex in out.timexes:
        assert out.body[timex.start : timex.end] == timex.text


def test_rejected_articles_are_skipped() -> None:
    rejected = article(rejected="empty body")
    assert stage()(rejected) is rejected


def test_seed_004_is_dated_from_its_weekday_and_official(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    path = next(seeds_dir.glob("004_*.txt"))
    out = stage()(Article(id="004", source=str(path), body=path.read_text(encoding="utf-8")))
    assert out.published is not None and out.published.startswith("2024-10")
    values = {t.text: t.value for t in out.timexes}
    assert values["Oct. 18"] == "2024-10-18"


class _FarPast(date):
    @classmethod
    def today(cls) -> date:
        return date(1990, 1, 1)


class _FarFuture(date):
    @classmethod
    def today(cls) -> date:
        return date(2090, 1, 1)


def test_inferred_date_does_not_depend_on_the_day_of_the_run(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sitroom.stages.dates as dates_module
    import sitroom.stages.timex.infer as infer_module

    found = []
    for clock in (_FarPast, _FarFuture):
        monkeypatch.setattr(dates_module, "date", clock)
        monkeypatch.setattr(infer_module, "date", clock)
        found.append(stage()(article()).published)
    assert found == ["2024-10-21", "2024-10-21"]


UNBOUNDED = (
    "The ferry service was suspended in 2022, the operator said.\n\n"
    "On Friday, Oct. 18, the first boat crossed the strait again."
)


def test_the_fetch_date_bounds_an_inference_the_text_leaves_open() -> None:
    # Friday, Oct. 18 after 2022 fits 2024 and 2030: only a fetch date can choose between them.
    assert stage()(article(UNBOUNDED)).published is None
    fetched = stage()(article(UNBOUNDED, retrieved="2025-02-03T10:00:00Z"))
    assert (fetched.published, fetched.published_basis) == ("2024-10-18", "inferred")
