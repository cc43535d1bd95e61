"""antara-crawl: police news from ANTARA's national and provincial portals."""

__version__ = "0.1.0"
