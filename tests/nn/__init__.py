"""Tests of the numpy transformer encoder (sitroom.nn), on tiny random-weight models."""
