"""Whose an unqualified national body is: "the government", "the defence ministry", "police" belong to
the country a story is filed from, or, with no dateline, to the country of the national news agency
that wrote it ("(Yonhap)": South Korea's)."""

from __future__ import annotations

from dataclasses import replace

from sitroom.model import Actor, Article
from sitroom.stages.events.actors import ActorTables
from sitroom.stages.events.where import dateline_place

HOME_BODIES = frozenset({"government", "ministry", "parliament", "cabinet", "police", "opposition",
                         "deputies", "lawmakers", "legislators", "senate", "presidency", "court",
                         "prosecutors"})  # fmt: skip


def at_home(article: Article, actor: Actor, text: str, tables: ActorTables) -> Actor:
    """The actor with the story's home country when it is such a body and has no country of its own."""
    words = text.lower().split()
    if actor.country is not None or not words or words[-1] not in HOME_BODIES:
        return actor  # not "troops" or "officials": those in a story from Washington may be anyone's
    if any(word[:1].isupper() for word in text.split()[1:]):
        return actor  # a named body or person ("Foreign ministry spokeswoman Larisa Zhukova")
    home = home_country(article, tables)
    return replace(actor, country=home) if home else actor


def home_country(article: Article, tables: ActorTables) -> str | None:
    """The dateline's country ("IASI, Romania", "SEOUL"), else that of a national agency credited as
    the story's wire or outlet. An international wire (Reuters, AP) has no home here."""
    if article.dateline:
        place = dateline_place(article)
        if place is not None:
            return place.country
        parts = [part.strip().lower() for part in article.dateline.split("(")[0].split(",")]
        return next((tables.countries[part] for part in reversed(parts) if part in tables.countries), None)
    for credit in (article.wire, article.outlet):
        agency = tables.institutions.get((credit or "").strip().lower())
        if agency is not None and agency[1] == "media" and agency[0] is not None:
            return agency[0]
    return None
