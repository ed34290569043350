"""Places: mentions, gazetteer resolution by context, and distance claims checked against coordinates."""

from sitroom.stages.places.stage import PlaceStage

__all__ = ["PlaceStage"]
