"""When an event happened: its own sentence, the paragraph's day, the lead's, else the publication date
(issue 5)."""

from __future__ import annotations

from sitroom.model import Event
from tests.stages.events.sentences import PUBLISHED, pipeline_events


def events(text: str, published: str | None = PUBLISHED) -> list[Event]:
    return [e for e in pipeline_events(text, published) if e.type == "ASSAULT"]


def dating(event: Event) -> tuple[str | None, str | None]:
    return event.as_of, event.as_of_basis


def test_a_day_in_the_sentence_dates_the_event() -> None:
    (event,) = events("Rebels attacked the soldiers with mortars on Tuesday.")
    assert dating(event) == ("2026-10-13", "sentence")
    assert event.date is not None and event.date.text == "Tuesday"


def test_the_day_a_paragraph_set_carries_to_the_next_sentences_but_not_past_a_break() -> None:
    text = (
        "Fighting went on around Velmora, the defence ministry said.\n\n"
        "The ministry said the shelling near the town began on Sunday. "
        "Rebels later attacked the soldiers with mortars.\n\n"
        "Rebels attacked the soldiers again, a local official said."
    )
    carried, fresh = events(text)
    assert dating(carried) == ("2026-10-11", "paragraph")
    assert carried.date is not None and carried.date.text == "Sunday"
    assert dating(fresh) == (PUBLISHED, "published")


def test_a_year_said_in_passing_does_not_date_the_next_sentence() -> None:
    (event,) = events("The rebels took the town in 2019. Their fighters attacked the soldiers at the bridge.")
    assert dating(event) == (PUBLISHED, "published")
    assert event.date is None


def test_the_dateline_date_is_when_the_report_was_filed() -> None:
    (event,) = events("VELMORA, Norland (Oct. 15) — Rebels attacked the soldiers with mortars yesterday.")
    assert dating(event) == ("2026-10-14", "sentence")
    (undated,) = events("VELMORA, Norland (Oct. 13) — Rebels attacked the soldiers with mortars.")
    assert dating(undated) == (PUBLISHED, "published")


def test_no_day_and_no_publication_date_leaves_the_event_undated() -> None:
    (event,) = events("Rebels attacked the soldiers with mortars.", published=None)
    assert dating(event) == (None, None)


def test_without_a_publication_date_the_datelines_day_stands_in_with_its_year_open() -> None:
    text = "VELMORA, Norland (Oct. 13) — Rebels attacked the soldiers with mortars."
    (event,) = events(text, published=None)
    assert dating(event) == ("XXXX-10-13", "published")


def test_the_leads_day_is_the_storys_for_events_told_further_down() -> None:
    text = (
        "VELMORA, Norland (Oct. 15) — Government troops began an offensive in the hills north of "
        "Velmora on Monday.\n\n"
        "The troops moved in before dawn and searched two villages.\n\n"
        "Rebels attacked the soldiers with mortars near the bridge."
    )
    offensive, event = events(text)  # the offensive begun in the lead is an event of its own now
    assert offensive.type == "ASSAULT" and dating(offensive) == ("2026-10-12", "sentence")
    assert dating(event) == ("2026-10-12", "lead")
    assert event.date is not None and event.date.text == "Monday"


def test_a_period_the_lead_opens_is_not_its_day() -> None:
    text = (
        "Government troops have moved toward the hills north of Velmora since Friday, the army said "
        "on Tuesday.\n\n"
        "Rebels attacked the soldiers with mortars near the bridge."
    )
    assert dating(events(text)[-1]) == ("2026-10-13", "lead")


def test_a_day_the_lead_looks_ahead_to_dates_nothing() -> None:
    text = (
        "Norland's parliament will vote on the ceasefire on Monday, 19 October.\n\n"
        "Rebels attacked the soldiers with mortars near the bridge."
    )
    (event,) = events(text)
    assert dating(event) == (PUBLISHED, "published")


def test_a_periods_open_end_in_the_sentence_is_not_the_events_day() -> None:
    text = "Rebels, who have held the valley since May, attacked the soldiers with mortars."
    (event,) = events(text)
    assert dating(event) == (PUBLISHED, "published")
    (dated,) = events(f"{text[:-1]} on Tuesday.")
    assert dating(dated) == ("2026-10-13", "sentence")


def test_a_period_the_event_itself_opens_dates_it() -> None:
    # unlike a relative clause's "since May", troops that have moved since Friday began on Friday
    (event,) = events("Rebels have attacked the soldiers with mortars since Friday, the army said.")
    assert dating(event) == ("2026-10-09", "sentence")


def test_days_later_count_from_the_last_day_told() -> None:
    text = (
        "Rebels shelled an army post near Kelda on March 3, killing two soldiers. Three days later, rebels"
        " shot dead four policemen at a checkpoint outside the town."
    )
    first, later = events(text, "2025-03-10")
    assert (first.as_of, later.as_of) == ("2025-03-03", "2025-03-06")
    assert later.date is not None and (later.date.text, later.date.kind) == ("Three days later", "date")
