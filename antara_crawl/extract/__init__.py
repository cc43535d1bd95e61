"""Pure extraction: HTML and URL in, data out. No engine, network, state or settings."""

from antara_crawl.extract.article import Extraction, extract_article, extract_page
from antara_crawl.extract.errors import ExtractError, NotAnArticle

__all__ = ["ExtractError", "Extraction", "NotAnArticle", "extract_article", "extract_page"]
