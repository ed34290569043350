"""Tests for runners."""
