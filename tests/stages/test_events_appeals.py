"""An appeal ("called on X to ...") is a request made of X; invented sentences (issue 5)."""

from __future__ import annotations

from tests.stages.test_events import annotate


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    found = []
    for event in annotate(text).events:
        source, target = event.source_actor, event.target_actor
        found.append((event.type, source.text if source else None, target.text if target else None))
    return found


def test_an_appeal_to_a_named_actor_is_a_request_of_it() -> None:
    assert _events("The United Nations called on Israel to halt its attacks on Gaza.") == [
        ("REQUEST", "The United Nations", "Israel")
    ]


def test_an_appeal_to_no_actor_is_not_made_of_the_body_the_talks_are_held_in() -> None:
    events = _events("The EU also called on both sides to resume talks in the Joint Control Commission.")
    assert events == [("REQUEST", "EU", None)]


def test_calling_on_someone_to_discuss_is_a_visit_and_a_participle_leaves_the_main_verb_its_event() -> None:
    assert all(t != "REQUEST" for t, _, _ in _events(
        "A delegation of the party called on President Hussain to discuss the political situation."
    ))
    events = _events("Egypt's foreign ministry rejected the reports, calling on the media to check facts.")
    assert [t for t, _, _ in events] == ["REJECT"]
