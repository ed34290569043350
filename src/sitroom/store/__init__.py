"""The DuckDB store: schema, codec, the single writer, and every query."""
