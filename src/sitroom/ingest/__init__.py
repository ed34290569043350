"""Readers: files, folders, JSONL feeds and WARC crawls to RawArticles (bad input becomes problem records)."""
