"""The two ways extraction refuses a page."""

from __future__ import annotations


class ExtractError(Exception):
    """An article page missing required fields, or a page that is no ANTARA article.

    ``url`` is the page's URL; ``fields`` names the item fields that could not be
    established (empty when the page as a whole was unusable).
    """

    def __init__(self, message: str, *, url: str = "", fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.url = url
        self.fields = fields


class NotAnArticle(Exception):
    """A photo, video, infographic, index or other page that is not a news article."""
