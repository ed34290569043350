"""Per-article steps: clean (RawArticle -> Article), then Article -> Article stages."""
