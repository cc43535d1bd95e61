"""The registry of ANTARA portals: key, host, province and time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")

ZONES: dict[str, timezone] = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

ANTARA_DOMAIN = "antaranews.com"


@dataclass(frozen=True, slots=True)
class Portal:
    """One ANTARA news portal: the national site (``www``) or a provincial one."""

    key: str
    province: str | None
    zone: timezone

    @property
    def host(self) -> str:
        return f"{self.key}.{ANTARA_DOMAIN}"

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    def local_date(self, moment: datetime | str) -> date:
        """The date of ``moment`` (aware, or ISO 8601 with an offset) on this portal's clock."""
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        return moment.astimezone(self.zone).date()


_REGISTRY: tuple[tuple[str, str | None, timezone], ...] = (
    ("www", None, WIB),
    ("aceh", "Aceh", WIB),
    ("sumut", "Sumatera Utara", WIB),
    ("sumbar", "Sumatera Barat", WIB),
    ("riau", "Riau", WIB),
    ("kepri", "Kepulauan Riau", WIB),
    ("jambi", "Jambi", WIB),
    ("sumsel", "Sumatera Selatan", WIB),
    ("babel", "Kepulauan Bangka Belitung", WIB),
    ("bengkulu", "Bengkulu", WIB),
    ("lampung", "Lampung", WIB),
    ("banten", "Banten", WIB),
    ("megapolitan", "DKI Jakarta", WIB),
    ("jabar", "Jawa Barat", WIB),
    ("jateng", "Jawa Tengah", WIB),
    ("jogja", "DI Yogyakarta", WIB),
    ("jatim", "Jawa Timur", WIB),
    ("kalbar", "Kalimantan Barat", WIB),
    ("kalteng", "Kalimantan Tengah", WIB),
    ("kalsel", "Kalimantan Selatan", WITA),
    ("kaltim", "Kalimantan Timur", WITA),
    ("kaltara", "Kalimantan Utara", WITA),
    ("bali", "Bali", WITA),
    ("mataram", "Nusa Tenggara Barat", WITA),
    ("kupang", "Nusa Tenggara Timur", WITA),
    ("manado", "Sulawesi Utara", WITA),
    ("gorontalo", "Gorontalo", WITA),
    ("sulteng", "Sulawesi Tengah", WITA),
    ("sultra", "Sulawesi Tenggara", WITA),
    ("makassar", "Sulawesi Selatan", WITA),
    ("ambon", "Maluku", WIT),
    ("papua", "Papua", WIT),
    ("papuabarat", "Papua Barat", WIT),
)

PORTALS: dict[str, Portal] = {key: Portal(key, prov, zone) for key, prov, zone in _REGISTRY}
"""Every portal by key, the national site ``www`` first."""

_BY_HOST: dict[str, Portal] = {p.host: p for p in PORTALS.values()}
_BY_HOST["m.antaranews.com"] = PORTALS["www"]
_BY_HOST[ANTARA_DOMAIN] = PORTALS["www"]


def portal_for_host(host: str) -> Portal | None:
    """The portal serving ``host`` (``m.`` and bare domain map to ``www``), or None."""
    host = host.lower().rstrip(".")
    if host.endswith(":443") or host.endswith(":80"):
        host = host.rsplit(":", 1)[0]
    portal = _BY_HOST.get(host)
    if portal is None and host.startswith("m.") and host.count(".") > 2:
        portal = _BY_HOST.get(host[2:])
    return portal


def portal_for_url(url: str, base: str | None = None) -> Portal:
    """The portal of ``url`` (relative to ``base``); the national site for any other host."""
    host = urlsplit(urljoin(base, url) if base else url).hostname or ""
    return portal_for_host(host) or PORTALS["www"]


def parse_portal_keys(value: str) -> list[Portal]:
    """Portals from a comma-separated list of keys (``all`` or empty for every portal).

    Raises ValueError naming the unknown keys.
    """
    keys = [k.strip().lower() for k in value.split(",") if k.strip()]
    if not keys or keys == ["all"]:
        return list(PORTALS.values())
    unknown = [k for k in keys if k not in PORTALS]
    if unknown:
        raise ValueError(f"unknown portal(s): {', '.join(unknown)}; known: {', '.join(PORTALS)}")
    return [PORTALS[k] for k in dict.fromkeys(keys)]
