"""sitroom: from a pile of scraped news articles to the picture an analyst needs."""

__version__ = "0.1.0"
