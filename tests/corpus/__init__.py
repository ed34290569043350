"""Tests for corpus."""
