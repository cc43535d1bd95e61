"""Signals the project adds to Scrapy's."""

network_error = object()
"""Sent with ``url`` and ``reason`` when a request fails for DNS, connection or timeout reasons."""
