"""PlaceStage on invented sentences: sites, regions, context, adjectives, and the span contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.config import Settings
from sitroom.model import Article
from sitroom.stages.nlp import NlpStage
from sitroom.stages.places import PlaceStage


@pytest.fixture(scope="module")
def stages() -> tuple[NlpStage, PlaceStage]:
    settings = Settings()
    return NlpStage(settings), PlaceStage(settings)


def run(stages: tuple[NlpStage, PlaceStage], body: str) -> Article:
    nlp, places = stages
    return places(nlp(Article(id="t", source="test", body=body)))


def by_text(article: Article) -> dict[str, object]:
    return {article.body[p.start : p.end]: p for p in article.places}


def test_spans_quote_the_mention_text(stages: tuple[NlpStage, PlaceStage]) -> None:
    body = "Engineers from Seoul flew to Vladivostok on Tuesday, then drove on toward the Chinese border."
    article = run(stages, body)
    assert article.places
    for place in article.places:
        assert body[place.start : place.end].strip() == body[place.start : place.end]
        assert place.kind in {"city", "region", "country", "site", "water", "other"}


def test_test_site_and_far_east_region(stages: tuple[NlpStage, PlaceStage]) -> None:
    body = (
        "Satellite images showed new tunnels at Punggye-ri last month. Analysts in the Russian Far East "
        "said the Korean Peninsula remained tense."
    )
    places = by_text(run(stages, body))
    assert places["Punggye-ri"].kind == "site" and places["Punggye-ri"].country == "PRK"
    far_east = next(p for t, p in places.items() if "Far East" in t)
    assert far_east.country == "RUS" and far_east.kind == "region"
    assert any("Korean Peninsula" in t for t in places)


def test_paris_by_context(stages: tuple[NlpStage, PlaceStage]) -> None:
    texas = by_text(run(stages, "The rodeo in Paris, Texas drew riders from Dallas and Tyler this weekend."))
    assert texas["Paris"].country == "USA" and texas["Paris"].lat < 40
    france = by_text(run(stages, "The summit in Paris drew ministers from Lyon and Marseille."))
    assert france["Paris"].country == "FRA"


def test_adjectives_are_places_only_before_geographic_nouns(stages: tuple[NlpStage, PlaceStage]) -> None:
    body = "Russian officials denied that any aircraft had crossed into Russian airspace near the coast."
    article = run(stages, body)
    texts = [body[p.start : p.end] for p in article.places]
    assert texts.count("Russian") == 1
    place = article.places[0]
    assert body[place.start : place.end + 9] == "Russian airspace" and place.country == "RUS"


def test_rejected_article_is_left_alone(stages: tuple[NlpStage, PlaceStage]) -> None:
    article = Article(id="r", source="test", body="Moscow.", rejected="empty")
    assert stages[1](article) is article


def test_directions_and_agency_acronyms_are_not_places(stages: tuple[NlpStage, PlaceStage]) -> None:
    body = "The NIS said the North had sent workers to Wonsan, while the South watched from Seoul."
    texts = [body[p.start : p.end] for p in run(stages, body).places]
    assert "NIS" not in " ".join(texts) and "North" not in texts and "South" not in texts
    assert "Wonsan" in texts


def test_seed_articles_places(stages: tuple[NlpStage, PlaceStage], seeds_dir: Path) -> None:
    found: dict[str, set[tuple[str, str | None, str]]] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        article = run(stages, path.read_text(encoding="utf-8"))
        found[path.name[:3]] = {(article.body[p.start : p.end], p.country, p.kind) for p in article.places}
        assert all(p.lat is not None for p in article.places)
    assert ("Punggye-ri", "PRK", "site") in found["000"]
    assert ("Russian Far East", "RUS", "region") in found["000"]
    assert ("Vladivostok", "RUS", "city") in found["002"]
    assert ("Wonsan", "PRK", "city") in found["001"]
    assert ("Vandenberg Air Force Base", "USA", "site") in found["003"]
    assert any(text == "Korean Peninsula" for text, _, _ in found["003"])
    assert ("Khabarovsk", "RUS", "city") in found["004"]


def test_the_dateline_is_context_not_a_mention(stages: tuple[NlpStage, PlaceStage]) -> None:
    nlp, places = stages
    body = "Officials in Paris said the rodeo would go ahead."
    plain = places(nlp(Article(id="d", source="test", body=body)))
    dated = places(nlp(Article(id="d", source="test", body=body, dateline="PARIS, Texas (AP)")))
    assert [p.country for p in plain.places] == ["FRA"]
    assert [p.country for p in dated.places] == ["USA"]
    assert all(0 <= p.start < p.end <= len(body) for p in dated.places)


def test_organisation_names_speakers_and_lone_direction_adjectives_are_not_places(
    stages: tuple[NlpStage, PlaceStage],
) -> None:
    from sitroom.model import Statement

    body = (
        "Natalia Rusu, an analyst at the Centre for Eastern Security Studies, said the move was a signal. "
        "The embassy said the crisis exists only in Western newsrooms. The Ohio Supreme Court ruled."
    )
    article = stages[0](Article(id="t", source="test", body=body))
    name = body.index("Natalia Rusu")
    speaker = Statement(
        start=body.index("the move"), end=body.index(" was a signal"), text="the move",
        speaker="Natalia Rusu", speaker_kind="person", speaker_start=name, speaker_end=name + 12,
    )  # what the statements stage finds before the places stage runs
    names = [body[p.start : p.end] for p in stages[1](article.evolve(statements=(speaker,))).places]
    assert not {"Natalia", "Centre", "Western"} & set(names), names
    assert "Ohio" in names  # a place that leads a longer name still counts


def test_a_city_written_without_its_diacritics_is_the_city_not_its_county(
    stages: tuple[NlpStage, PlaceStage],
) -> None:
    body = "The ministers met in the north-eastern city of Iasi, and reservists gathered in Balti."
    places = by_text(run(stages, body))
    assert places["Iasi"].kind == "city" and places["Iasi"].country == "ROU"
    assert places["Balti"].kind == "city" and places["Balti"].country == "MDA"


def test_a_unit_word_says_what_kind_of_place_and_a_named_province_contains(
    stages: tuple[NlpStage, PlaceStage],
) -> None:
    article = run(stages, "Soldiers searched houses in Daman district, Kandahar province, on Monday.")
    places = by_text(article)
    province = places["Kandahar province"]
    assert (province.kind, province.country) == ("region", "AFG")  # not a town called Kandahar
    assert all(p.country == "AFG" for p in article.places)  # no Daman elsewhere is meant


def test_the_dateline_city_is_a_place_even_in_capitals(stages: tuple[NlpStage, PlaceStage]) -> None:
    nlp, places = stages
    body = "CHISINAU, Moldova -- The government put the border police on alert on Monday."
    article = places(nlp(Article(id="t", source="test", body=body, dateline="CHISINAU, Moldova")))
    found = by_text(article)
    assert found["CHISINAU"].name == "Chisinau" and found["CHISINAU"].kind == "city"  # type: ignore[attr-defined]
    assert found["Moldova"].kind == "country"  # type: ignore[attr-defined]


def test_a_region_written_with_its_unit_word_is_a_place(stages: tuple[NlpStage, PlaceStage]) -> None:
    body = "Drones were shot down over Ryazan Oblast, and fighting spread across Idlib Governorate."
    places = by_text(run(stages, body))
    assert {"Ryazan Oblast", "Idlib Governorate"} <= set(places)
    assert places["Ryazan Oblast"].country == "RUS"  # type: ignore[attr-defined]
    assert places["Idlib Governorate"].country == "SYR"  # type: ignore[attr-defined]


def test_congo_alone_is_the_congo_its_article_is_about(stages: tuple[NlpStage, PlaceStage]) -> None:
    east = by_text(run(stages, "Rebels entered Goma on Monday. Congo's government cut ties with Rwanda."))
    assert east["Congo"].country == "COD"
    west = by_text(run(stages, "Officials in Brazzaville said Congo would hold its election in March."))
    assert west["Congo"].country == "COG"


def test_conflict_places_the_packaged_gazetteer_lacks(stages: tuple[NlpStage, PlaceStage]) -> None:
    body = (
        "The tanker was hit off Hodeidah. Later, shells fell on Tawila in North Darfur, and a coast guard"
        " ship was blocked near Second Thomas Shoal, off Palawan."
    )
    places = by_text(run(stages, body))
    assert places["Hodeidah"].country == "YEM"
    assert places["North Darfur"].country == "SDN" and places["North Darfur"].kind == "region"
    assert places["Tawila"].country == "SDN"
    assert places["Second Thomas Shoal"].kind == "site"
    assert places["Palawan"].country == "PHL"


def test_west_bank_towns_by_their_english_names(stages: tuple[NlpStage, PlaceStage]) -> None:
    camp = by_text(run(stages, "Soldiers raided the Jenin refugee camp on Tuesday, killing three men."))
    assert camp["Jenin"].country == "PSE"  # not the village in Poland
    assert by_text(run(stages, "Pilgrims gathered in Bethlehem for Christmas."))["Bethlehem"].country == "PSE"
    steel = by_text(run(stages, "The choir from Bethlehem, Pennsylvania, sang at the mill."))
    assert steel["Bethlehem"].country == "USA"
