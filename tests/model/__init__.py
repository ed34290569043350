"""Tests for the record model's look-ups."""
