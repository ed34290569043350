"""Tests for publish."""
