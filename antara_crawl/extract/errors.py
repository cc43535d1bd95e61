"""The two ways extraction refuses a page."""


class ExtractError(Exception):
    """An article page missing required fields, or a page that is no ANTARA article."""


class NotAnArticle(Exception):
    """A photo, video, infographic, index or other page that is not a news article."""
