"""One page class per ANTARA article design, tried in order; GenericPage when none matches.

To add a design: write a subclass of :class:`ArticlePage` in a module of its own (its
selectors as class attributes, ``matches``, ``seen_from``/``seen_until``, ``always_has``,
the field methods it has places for), put it in ``DESIGNS`` before the designs it could be
mistaken for, and add fixtures with ``"design": "<name>"`` in ``tests/fixtures/articles/``.
"""

from __future__ import annotations

from antara_crawl.extract.designs.amp import AmpPage
from antara_crawl.extract.designs.base import ArticlePage, Document, Query
from antara_crawl.extract.designs.current import CurrentPage
from antara_crawl.extract.designs.generic import GenericPage
from antara_crawl.extract.designs.older import OlderPage

DESIGNS: tuple[type[ArticlePage], ...] = (CurrentPage, OlderPage, AmpPage)
"""The known designs, newest first: a page is of the first that matches it."""


def recognise(doc: Document) -> type[ArticlePage]:
    """The design of a page: the first of DESIGNS that matches it, else GenericPage."""
    return next(design for design in (*DESIGNS, GenericPage) if design.matches(doc))


__all__ = [
    "DESIGNS",
    "AmpPage",
    "ArticlePage",
    "CurrentPage",
    "Document",
    "GenericPage",
    "OlderPage",
    "Query",
    "recognise",
]
