"""Tests for gazetteer."""
