"""Tests for ingest."""
