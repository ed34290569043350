"""Tests for stages/clean."""
