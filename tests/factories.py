"""Small invented articles built by hand, so store, corpus and publish tests need no model."""

from __future__ import annotations

import re

from sitroom.model import Actor, Article, Entity, Event, Place, Quantity, Sentence, Statement, TimeExpression

BODY = (
    "KHARKIV, Ukraine -- At least 2,000 troops moved to the border on Friday, officials said.\n\n"
    '"We will respond to any provocation," said Oleh Marchenko, a spokesman for the defence ministry.\n\n'
    "The convoy passed through Kharkiv overnight."
)


def span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def article(ident: str = "a1", body: str = BODY, **changes: object) -> Article:
    """An annotated article whose every record quotes its own span of `body`."""
    sentences = []
    offset = 0
    for paragraph in body.split("\n\n"):
        start = body.index(paragraph, offset)
        sentences.append(Sentence(start, start + len(paragraph)))
        offset = start + len(paragraph)
    records: dict[str, object] = {}
    figure = re.search(r"At least ([\d,]+) troops", body)
    if figure:
        q_start, q_end = figure.span()
        value = float(figure.group(1).replace(",", ""))
        quantity = Quantity(
            q_start, q_end, body[q_start:q_end], value, unit="troops", qualifier="at least", scope="deployed"
        )
        p_start, p_end = span(body, "Kharkiv")
        place = Place(p_start, p_end, "Kharkiv", 49.98, 36.25, "UKR", "city")
        d_start, d_end = span(body, "Friday")
        timex = TimeExpression(d_start, d_end, "Friday", "date", "2024-10-18", "day")
        s_start, s_end = span(body, "We will respond to any provocation,")
        statement = Statement(
            s_start,
            s_end,
            body[s_start:s_end],
            "Oleh Marchenko",
            "person",
            speaker_role="a spokesman for the defence ministry",
            speaker_country="UKR",
            direct=True,
            stance="threaten",
            cue="said",
        )
        first = sentences[0]
        event = Event(
            first.start,
            first.end,
            "MOBILIZE",
            source_actor=Actor("troops", "RUS", "military"),
            location=place,
            date=timex,
            quantities=(quantity,),
        )
        e_start, e_end = span(body, "Oleh Marchenko")
        records = dict(
            quantities=(quantity,),
            places=(place,),
            timexes=(timex,),
            statements=(statement,),
            events=(event,),
            entities=(Entity(e_start, e_end, "PERSON", "Oleh Marchenko"),),
        )
    base = Article(
        id=ident,
        source=f"/corpus/{ident}.txt",
        body=body,
        title=f"Title {ident}",
        outlet="Daily",
        published="2024-10-18",
        published_basis="text",
        language="en",
        sentences=tuple(sentences),
    )
    return base.evolve(**{**records, **changes})
