"""A DNS resolver that answers nothing: a machine without network, for the no-network test.

Used as ``-s TWISTED_DNS_RESOLVER=tests.offline.NoNetworkResolver``, so the test never sends
a packet.
"""

from __future__ import annotations

from typing import Any

from twisted.internet import defer
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer


@implementer(IResolverSimple)
class NoNetworkResolver:
    """Fails every lookup the way a resolver does on a machine with no network."""

    def __init__(self, reactor: Any) -> None:
        self.reactor = reactor

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> NoNetworkResolver:
        return cls(reactor)

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name: str, timeout: Any = ()) -> defer.Deferred:
        return defer.fail(DNSLookupError(f"no network: cannot resolve {name}"))
