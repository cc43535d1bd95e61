"""Generate a large fake ANTARA mirror for the benchmarks, with :mod:`tests.sitebuilder`.

Every article has a distinct body (random sentences from a fixed vocabulary, seeded), is police
news, sits in its portal's RSS and listings, and links ("Baca juga") to an older article of its
portal, so the links form chains. ``cluster`` articles share one body but a sentence, to load
the near-duplicate lookup.

    python -m benchmarks.sitegen OUT_DIR --articles 20000 [--portals 10] [--cluster 0]
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.sitebuilder import Article, Site

PORTALS = (
    "kupang", "bali", "papua", "mataram", "jogja", "makassar", "ambon", "manado", "aceh", "www",
)  # fmt: skip
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
UNITS = ("Polres Kupang", "Polda Bali", "Polresta Mataram", "Polsek Oebobo", "Polda Papua")
VERBS = ("menangkap", "memeriksa", "mengamankan", "menyelidiki", "menahan", "mendata")
OBJECTS = (
    "pelaku pencurian sepeda motor", "tersangka penipuan daring", "barang bukti narkoba",
    "pengendara tanpa helm", "saksi kecelakaan lalu lintas", "kendaraan bermotor curian",
)  # fmt: skip
WORDS = (
    "warga desa kecamatan kabupaten kota jalan pasar sekolah rumah kantor malam pagi siang "
    "petugas penyidik laporan kasus perkara kejadian lokasi korban keluarga tetangga uang "
    "kerugian jutaan rupiah hari minggu bulan tahun lalu setelah sebelum ketika sedang akan "
    "segera terus masih sudah belum bersama dengan kepada untuk dalam luar atas bawah depan"
).split()


def sentence(rng: random.Random) -> str:
    """A police-flavoured sentence of random words: bodies stay distinct."""
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 18)))
    unit, verb, what = rng.choice(UNITS), rng.choice(VERBS), rng.choice(OBJECTS)
    return f"{unit} {verb} {what} {words}."


def paragraphs(rng: random.Random, place: str, count: int = 6) -> list[str]:
    body = [" ".join(sentence(rng) for _ in range(3)) for _ in range(count)]
    body[0] = f"{place} (ANTARA) - {body[0]}"
    return body


def build_site(articles: int, portals: int = len(PORTALS), cluster: int = 0, seed: int = 1) -> Site:
    """A site of ``articles`` police articles spread over ``portals`` portals, one per
    ten minutes back from :data:`NOW`; the first ``cluster`` of them near-identical."""
    rng = random.Random(seed)
    keys = PORTALS[:portals]
    site = Site(NOW, portals=keys, rss_size=20, page_size=20)
    shared = paragraphs(rng, "Kupang")
    last: dict[str, Article] = {}
    made = []
    for number in reversed(range(articles)):  # oldest first, so links point back in time
        portal = keys[number % len(keys)]
        body = paragraphs(rng, "Kupang")
        if number < cluster:
            body = [*shared[:-1], sentence(rng)]
        older = last.get(portal)
        article = Article(
            portal=portal,
            id=str(100000 + number),
            slug="",
            title=f"{rng.choice(UNITS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} nomor {number}",
            paragraphs=body,
            published=NOW - timedelta(minutes=10 * number + 5),
            reporter="Tim ANTARA",
            editor="Redaksi",
            tags=["Polisi"],
            category="Hukum",
            related=[(older.url, older.title)] if older else [],
        )
        last[portal] = article
        made.append(article)
    site.add(*made)
    return site


def since_of(articles: int) -> str:
    """The ``since`` argument that puts every generated article inside the window."""
    return (NOW - timedelta(minutes=10 * articles + 60 * 24)).date().isoformat()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--portals", type=int, default=len(PORTALS))
    parser.add_argument("--cluster", type=int, default=0)
    options = parser.parse_args()
    site = build_site(options.articles, options.portals, options.cluster)
    written = site.write(options.out)
    print(f"{len(written)} files under {options.out}; since={since_of(options.articles)}")


if __name__ == "__main__":
    main()
