"""A pure-Python temporal tagger: TIMEX3-style dates, times, durations and sets."""

from sitroom.stages.timex.tagger import find, normalise, tag

__all__ = ["find", "normalise", "tag"]
