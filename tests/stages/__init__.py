"""Tests for stages."""
