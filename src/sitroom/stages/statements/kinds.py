"""What kind of speaker a pronoun stands for: the kind the named speaker had, a body for "it", a named
group or a described one for "they", and the one unnamed person a "he" or "she" points back to."""

from __future__ import annotations

from sitroom.model import Statement


def kind_of(resolved: str | None, earlier: list[Statement], default: str) -> str:
    """ "The delegation said ... it added": the pronoun's speaker is whatever the named one was."""
    kinds = [s.speaker_kind for s in earlier if s.speaker_resolved == resolved]
    kinds = [k for k in kinds if k != "unknown"]
    return kinds[-1] if kinds else default


def group_kind(pronoun: str, resolved: str | None) -> str:
    """What "it" or "they" stands for when no statement named it: "it" a body, "they" a named group
    ("the Greens") an organisation, a described one ("local residents") anonymous."""
    if pronoun == "it":
        return "organization"
    words = (resolved or "").removeprefix("the ").removeprefix("The ").split()
    return "organization" if words and all(w[:1].isupper() for w in words) else "anonymous"


def unnamed_one(resolved: str | None, earlier: list[Statement]) -> bool:
    """Whether an earlier statement's unnamed speaker is this one person ("one of the sources")."""
    one = (resolved or "").lower().startswith(("a ", "an ", "one ", "another "))
    return one and any(s.speaker_resolved == resolved and s.speaker_kind == "anonymous" for s in earlier)
