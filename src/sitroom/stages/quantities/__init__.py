"""Figures: numbers with qualifier, range, what is counted, scope, source statement and as-of date."""

from sitroom.stages.quantities.numbers import number_value
from sitroom.stages.quantities.stage import QuantityStage

__all__ = ["QuantityStage", "number_value"]
