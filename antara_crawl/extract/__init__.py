"""Pure extraction: HTML and URL in, data out. No engine, network, state or settings."""

from antara_crawl.extract.article import extract_article
from antara_crawl.extract.errors import ExtractError, NotAnArticle

__all__ = ["ExtractError", "NotAnArticle", "extract_article"]
