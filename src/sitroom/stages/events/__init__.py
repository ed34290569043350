"""Events (issue 5): PLOVER type, coded actors, mode, place, date, figures and factuality."""

from sitroom.stages.events.stage import EventStage

__all__ = ["EventStage"]
