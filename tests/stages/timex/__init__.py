"""Tests for stages/timex."""
