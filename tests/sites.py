"""Two concrete fake ANTARA mirrors, and the truth tests assert against.

- :func:`build_test_site` — the end-to-end mirror (kupang, bali, papua, www): police and
  non-police stories, classifier traps, "Baca juga" chains and cycles across portals, links
  in every form, a deleted article, a robots-disallowed article, a depth-3 article, paged
  listings. Returns a manifest (see :func:`build_test_site` for its keys).
- :func:`build_sample_site` — the small mirror shipped in ``data/sample/``.
- :func:`expected_crawl` — what a correct crawl emits for given spider arguments, computed
  from a manifest.

Regenerate the sample: ``python -m tests.sites data/sample`` (fixed ``now``). Build the test
site by hand: ``python -m tests.sites /tmp/mirror --test [--now 2026-11-20T12:00:00+07:00]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import deque
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from antara_crawl.portals import PORTALS
from antara_crawl.urls import article_ref
from tests.sitebuilder import DAY_NAMES, Article, Photo, Site

SAMPLE_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=7)))
"""The fixed clock of ``data/sample/``."""

UTM_RELATED = "?utm_source=antaranews&utm_medium=desktop&utm_campaign=related_news"
UTM_MOBILE = "?utm_source=antaranews&utm_medium=mobile&utm_campaign=baca_juga"


# --------------------------------------------------------------------------- helpers


class _Maker:
    """Creates articles relative to ``now``, filling ``{hari}``-style placeholders."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.now = site.now

    def at(self, portal: str, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        moment = self.now - timedelta(days=days, hours=hours, minutes=minutes)
        return moment.astimezone(PORTALS[portal].zone).replace(second=0, microsecond=0)

    @staticmethod
    def fill(paragraphs: list[str], published: datetime) -> list[str]:
        def day(d: datetime) -> str:
            return f"{DAY_NAMES[d.weekday()]} ({d.day}/{d.month})"

        values = {
            "hari": day(published),
            "hari_tgl": f"{DAY_NAMES[published.weekday()]} "
            f"({published.day}/{published.month}/{published.year})",
            "besok": day(published + timedelta(days=1)),
            "kemarin": day(published - timedelta(days=1)),
            "tahun": str(published.year),
        }
        return [p.format_map(values) for p in paragraphs]

    def article(
        self,
        portal: str,
        id: str,
        title: str,
        paragraphs: list[str],
        *,
        ago: tuple[float, float, float] = (0, 0, 0),
        slug: str = "",
        **kwargs,
    ) -> Article:
        published = self.at(portal, *ago)
        if "updated_ago" in kwargs:
            kwargs["updated"] = self.at(portal, *kwargs.pop("updated_ago"))
        article = Article(
            portal=portal,
            id=id,
            slug=slug,
            title=title,
            paragraphs=self.fill(paragraphs, published),
            published=published,
            **kwargs,
        )
        self.site.add(article)
        return article


def _link(article: Article, form: str = "absolute", *, query: str = "") -> tuple[str, str]:
    """A "Baca juga" link to ``article`` in a given form."""
    if form == "absolute":
        href = article.url
    elif form == "relative":
        href = article.path
    elif form == "amp":
        href = article.amp_url
    elif form == "http":
        href = "http://" + article.url.removeprefix("https://")
    elif form == "slugless":
        href = f"/berita/{article.id}"
    else:
        raise ValueError(form)
    return href + query, article.title


def _local_date(value: str) -> date:
    return date.fromisoformat(value[:10])


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


# --------------------------------------------------------------------------- the truth


def expected_crawl(
    manifest: dict,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    related_depth: int = 2,
    police_only: bool = True,
    discovery: Iterable[str] = ("rss", "listing"),
    portals: Iterable[str] | None = None,
    feeds: Iterable[str] = ("terkini",),
    sections: Iterable[str] = ("terkini",),
    related_any_portal: bool = True,
) -> dict:
    """What a correct crawl of the mirror described by ``manifest`` does, per design.md.

    Discovery reads the ``feeds`` (``/rss/{feed}.xml``) and ``sections`` (``/{section}``,
    paged) of the selected portals; listing pagination stops after the first page whose
    oldest card is older than ``since``. Articles outside ``since``/``until`` (compared by
    the article's local date) are neither emitted nor expanded. "Baca juga" links are followed
    from emitted police articles (every emitted article if ``police_only`` is false) up to
    ``related_depth`` hops; robots-disallowed and missing pages are not emitted.

    Returns ``{"items": {key: {"depth", "discovered_via", "referrers"}}, "listing_pages":
    [mirror paths the spider needs], "missing": [urls answered 404], "blocked": [urls robots
    forbids], "fetched": [article keys a correct crawl requests]}``. ``depth`` is the minimal
    depth; ``discovered_via`` lists every discovery source that finds the article (rss,
    listing) or is ``["related"]``; ``referrers`` are the canonical URLs of the pages that
    link to it at ``depth - 1``.
    """
    since, until = _as_date(since), _as_date(until)
    articles: dict = manifest["articles"]
    selected = set(portals or manifest["portals"])
    discovery = set(discovery)
    feeds, sections = set(feeds), set(sections)
    disallowed: dict = manifest.get("disallowed", {})

    def in_window(key: str) -> bool:
        day = _local_date(articles[key]["published_at"])
        return (since is None or day >= since) and (until is None or day <= until)

    def is_blocked(url: str) -> bool:
        ref = article_ref(url)
        path = urlsplit(url).path
        rules = disallowed.get(ref.portal.key, []) if ref is not None else []
        return any(path.startswith(rule) for rule in rules)

    found: dict[str, set[str]] = {}
    listing_pages: list[str] = []
    if "rss" in discovery:
        for name, feed in manifest["rss"].items():
            portal, section = name.split(":")
            if portal in selected and section in feeds:
                for entry in feed["entries"]:
                    if entry["key"]:
                        found.setdefault(entry["key"], set()).add("rss")
    if "listing" in discovery:
        for name, listing in manifest["listings"].items():
            portal, section = name.split(":")
            if portal not in selected or section not in sections:
                continue
            for page in listing["pages"]:
                listing_pages.append(page["path"])
                for entry in page["entries"]:
                    if entry["key"]:
                        found.setdefault(entry["key"], set()).add("listing")
                oldest = page["oldest"]
                if since is not None and oldest and _local_date(oldest) < since:
                    break

    items: dict[str, dict] = {}
    fetched: set[str] = set()
    missing: list[str] = []
    blocked: list[str] = []
    queue: deque[tuple[str, int]] = deque()

    def expandable(key: str) -> bool:
        return bool(articles[key]["police"]) or not police_only

    for key in sorted(found):
        if key not in articles or is_blocked(articles[key]["url"]):
            continue
        fetched.add(key)
        if not in_window(key) or not expandable(key):
            continue
        items[key] = {"depth": 0, "discovered_via": sorted(found[key]), "referrers": []}
        if related_depth > 0:
            queue.append((key, 0))

    while queue:
        key, depth = queue.popleft()
        for link in articles[key]["related"]:
            if link["kind"] != "article" or not link["key"]:
                continue
            target = link["key"]
            if target.split(":")[0] not in selected and not related_any_portal:
                continue
            if target in items:
                if items[target]["depth"] == depth + 1:
                    referrer = articles[key]["url"]
                    if referrer not in items[target]["referrers"]:
                        items[target]["referrers"].append(referrer)
                continue
            if is_blocked(link["url"]):
                if link["url"] not in blocked:
                    blocked.append(link["url"])
                continue
            if target in fetched:
                continue
            if target not in articles:
                if link["url"] not in missing:
                    missing.append(link["url"])
                fetched.add(target)
                continue
            fetched.add(target)
            if not in_window(target) or not expandable(target):
                continue
            items[target] = {
                "depth": depth + 1,
                "discovered_via": ["related"],
                "referrers": [articles[key]["url"]],
            }
            if depth + 1 < related_depth:
                queue.append((target, depth + 1))

    return {
        "items": items,
        "listing_pages": listing_pages,
        "missing": missing,
        "blocked": blocked,
        "fetched": sorted(k for k in fetched if k in articles),
    }


def _link_facts(manifest: dict) -> dict[str, list[dict]]:
    """Every "Baca juga" link grouped by the form it takes."""
    groups: dict[str, list[dict]] = {
        "utm": [], "amp": [], "relative": [], "slugless": [], "cross_portal": [], "http": [],
    }  # fmt: skip
    for key, art in manifest["articles"].items():
        for link in art["related"]:
            fact = {"from": key, "href": link["href"], "to": link["key"] or link["url"]}
            href = link["href"]
            if "utm_" in href:
                groups["utm"].append(fact)
            if "/amp/" in href:
                groups["amp"].append(fact)
            if not href.startswith(("http://", "https://")):
                groups["relative"].append(fact)
            if href.startswith("http://"):
                groups["http"].append(fact)
            ref = article_ref(link["url"])
            if ref is not None:
                if article_ref(href, base=art["url"]).slug is None:
                    groups["slugless"].append(fact)
                if ref.portal.key != art["portal"]:
                    groups["cross_portal"].append(fact)
    return groups


def _common_truth(manifest: dict) -> None:
    arts = manifest["articles"]
    manifest["police"] = sorted(k for k, a in arts.items() if a["police"])
    manifest["non_police"] = sorted(k for k, a in arts.items() if not a["police"])
    manifest["traps"] = {k: a["trap"] for k, a in sorted(arts.items()) if a["trap"]}
    manifest["links"] = _link_facts(manifest)
    linked = {link["key"] for a in arts.values() for link in a["related"] if link["key"]}
    manifest["only_via_related"] = sorted(
        k for k, a in arts.items()
        if not a["in_rss"] and not a["in_listing"] and k in linked
        and not any(a["url"].split("/", 3)[3].startswith(p.lstrip("/"))
                    for p in manifest["disallowed"].get(a["portal"], []))
    )  # fmt: skip
    manifest["missing"] = [
        {"url": link["url"], "href": link["href"], "linked_from": k}
        for k, a in arts.items()
        for link in a["related"]
        if link["kind"] == "article" and not link["exists"]
    ]
    manifest["photo_links"] = [
        {"url": link["url"], "href": link["href"], "linked_from": k}
        for k, a in arts.items()
        for link in a["related"]
        if link["kind"] == "photo"
    ]
    manifest["designs"] = {
        "old": sorted(k for k, a in arts.items() if a["design"] == "old"),
        "amp": sorted(k for k, a in arts.items() if a["design"] == "amp"),
        "unknown": sorted(k for k, a in arts.items() if a["design"] == "unknown"),
        "body_twice": sorted(k for k, a in arts.items() if a["body_twice"]),
        "no_jsonld": sorted(k for k, a in arts.items() if a["no_jsonld"]),
        "no_zone": sorted(k for k, a in arts.items() if a["no_zone"]),
    }


# --------------------------------------------------------------------------- test site


def build_test_site(root: Path, now: datetime) -> dict:
    """Write the end-to-end mirror under ``root`` with clocks relative to ``now``.

    Returns the manifest (JSON-able). Besides :meth:`Site.manifest`'s keys (``now``,
    ``portals``, ``articles`` with the expected page fields per key, ``photos``, ``rss``,
    ``listings``, ``robots``, ``disallowed``, ``popular``) it has:

    - ``since``: a ``YYYY-MM-DD`` that keeps every listed article in the window (use it as
      the spider's ``since`` so the default window does not matter);
    - ``police`` / ``non_police``: truth labels; ``traps``: ``{key: kind}`` for non-police
      stories built to fool a classifier;
    - ``reachable``: ``expected_crawl(manifest, since=since)["items"]`` (default arguments);
      ``reachable_all``: the same with ``police_only=False``;
    - ``only_via_related``: articles in no feed or listing but linked from one;
    - ``depth3``: the police article three hops away (never reached with related_depth=2);
    - ``disallowed_article``: ``{key, url, path, rule, linked_from}``, robots forbids it;
    - ``missing``: 404 links ``[{url, href, linked_from}]``; ``photo_links``: /foto/ links;
    - ``sidebar_only``: old articles linked only from the "Terpopuler" sidebar;
    - ``cycles``: lists of keys linking in a ring; ``non_police_gate``: ``{from, gate,
      behind}`` where a police article links a non-police one that links a police one;
    - ``links``: "Baca juga" links by form (utm, amp, relative, slugless, cross_portal, http);
    - ``designs``: keys by quirk (old, amp, unknown, body_twice, no_jsonld, no_zone);
    - ``listing_stop``: ``{since, portal, last_page, not_fetched}``: with that ``since``, the
      spider reads kupang's terkini up to ``last_page`` and never requests ``not_fetched``;
    - ``wire_copy``: none here (reserved for a later test).
    """
    site = Site(
        now,
        portals=("kupang", "bali", "papua", "www"),
        rss_size=4,
        page_size=2,
        zoneless_listings=("papua",),
        id_only_pages=True,
    )
    mk = _Maker(site)
    A = mk.article

    # ---- kupang (WITA) ------------------------------------------------------------------
    k1 = A(
        "kupang", "150210", "Polda NTT antisipasi unjuk rasa seusai penetapan hasil Pemilu 2024",
        [
            "Kupang (ANTARA) - Kepolisian Daerah Nusa Tenggara Timur mengantisipasi terjadinya "
            "unjuk rasa penolakan hasil penetapan pemilu serta euforia kemenangan pasangan calon "
            "presiden dan wakil presiden serta caleg seusai penetapan hasil Pemilu 2024 yang "
            "terpusat di Jakarta pada {besok}.",
            "“Yang kita antisipasi saat ini jangan sampai ada unjuk rasa penolakan hasil pemilu "
            "serta adanya euforia kemenangan tanpa izin yang dilakukan oleh para pendukung,\" "
            "kata Kabid Humas Polda NTT Kombes Pol. Ariasandy di Kupang, {hari_tgl}.",
            "Dia mengatakan hal ini menanggapi kesiapan personel Polda NTT yang tergabung dalam "
            "Satgas Pemilu 2024 untuk menjaga keamanan dan ketertiban menjelang penetapan hasil "
            "Pemilu 2024 oleh KPU di Jakarta nanti.",
            "Mantan Kapolres Timor Tengah Selatan (TTS) itu mengatakan bahwa sejumlah titik yang "
            "menjadi fokus pengamanan mereka adalah kantor KPU Kota Kupang dan KPU Provinsi NTT "
            "serta Bawaslu.",
            "Selain sejumlah kantor tersebut, dia juga menyebutkan kantor sejumlah partai politik "
            "juga akan ditempatkan personel untuk menjaga, guna mengantisipasi terjadinya hal-hal "
            "yang tidak diinginkan.",
            "Dia menambahkan bahwa secara umum jumlah personel yang dikerahkan untuk pengamanan "
            "jelang dan seusai penetapan hasil Pemilu 2024 mencapai 1.952 personel.",
            "Jumlah tersebut kata dia sudah bertugas sejak satgas Pemilu 2024 dibentuk di Mapolda "
            "Nusa Tenggara Timur. Dan sudah menjalankan tugasnya selama tahapan pelaksanaan "
            "pemilu.",
            "Untuk menjaga agar tidak ada hal-hal yang terjadi saat seusai penetapan Pemilu 2024, "
            "pihaknya juga memanfaatkan potensi bhabinkamtibmas di seluruh wilayah untuk "
            "menginformasikan kepada masyarakat agar tidak terpengaruh dengan hal-hal yang "
            "berujung pada konflik.",
            "\"Jadi tugas bhabinkamtibmas di sini sangat penting, memberitahukan kepada masyarakat "
            "di wilayah tugasnya agar tidak terpengaruh dengan informasi yang berpotensi hoaks dan "
            "lainnya,\" ujar dia.",
            "Dia berharap agar masyarakat NTT tetap menjaga keamanan dan ketertiban di wilayahnya "
            "masing-masing agar kondisi keamanan di NTT yang sudah kondusif tetap terjaga.",
        ],
        ago=(0, 3, 0), reporter="Kornelis Kaha", editor="Agus Setiawan",
        tags=["Polda NTT", "Pemilu 2024", "Bhabinkamtibmas"], category="Hukum",
        body_twice=True, police=True, note="seed story; body printed twice",
    )  # fmt: skip
    k2 = A(
        "kupang", "150198", "Polresta Kupang Kota siagakan 350 personel di pusat keramaian",
        [
            "Kupang (ANTARA) - Kepolisian Resor Kota (Polresta) Kupang Kota menyiagakan 350 "
            "personel di sejumlah pusat keramaian, mulai dari pusat perbelanjaan, terminal hingga "
            "kawasan kuliner di pesisir Kota Kupang.",
            "Kapolresta Kupang Kota Kombes Pol. Yohanes Lado mengatakan penempatan personel "
            "dilakukan untuk mencegah tindak kejahatan jalanan yang biasanya meningkat saat akhir "
            "pekan.",
            "\"Kami bagi personel dalam tiga sif. Patroli jalan kaki dan patroli bermotor akan "
            "bergantian menyisir titik-titik rawan,\" kata Yohanes di Mapolresta Kupang Kota, "
            "{hari}.",
            "Ia menyebutkan kawasan Pantai Lasiana, Terminal Oebobo dan Pasar Kasih Naikoten "
            "menjadi prioritas karena dalam tiga bulan terakhir tercatat 17 laporan pencurian "
            "dompet dan telepon seluler di lokasi itu.",
            "Selain patroli, Satuan Samapta Polresta Kupang Kota juga mendirikan pos pengamanan "
            "sementara yang dilengkapi kamera pengawas agar warga mudah melapor.",
            "Yohanes mengimbau masyarakat tidak membawa barang berharga secara mencolok dan segera "
            "menghubungi layanan darurat 110 bila melihat hal mencurigakan.",
        ],
        ago=(1, 2, 0), reporter="Benediktus Jahang", editor="Agus Setiawan",
        tags=["Polresta Kupang Kota", "Patroli"], category="Hukum", police=True,
    )  # fmt: skip
    disallowed = A(
        "kupang", "999001", "Polres Kupang musnahkan barang bukti sabu dan ganja",
        [
            "Kupang (ANTARA) - Kepolisian Resor Kupang memusnahkan barang bukti narkotika berupa "
            "48 gram sabu dan 1,2 kilogram ganja hasil pengungkapan kasus selama tiga bulan "
            "terakhir.",
            "Kapolres Kupang AKBP Samuel Pandie mengatakan pemusnahan dilakukan dengan cara "
            "dibakar dan dilarutkan di hadapan jaksa, tokoh agama dan perwakilan tersangka.",
            "\"Pemusnahan ini bentuk transparansi kami kepada masyarakat bahwa barang bukti tidak "
            "disalahgunakan,\" kata Samuel di Mapolres Kupang, {hari}.",
            "Barang bukti itu berasal dari tujuh kasus dengan sembilan tersangka yang berkasnya "
            "sudah dinyatakan lengkap oleh kejaksaan.",
            "Ia menyebutkan sebagian besar tersangka merupakan pengedar yang memasok narkotika ke "
            "kawasan pelabuhan dan tempat hiburan malam.",
        ],
        ago=(2, 3, 0), reporter="Benediktus Jahang", editor="Agus Setiawan",
        tags=["Polres Kupang", "Narkoba"], category="Hukum", in_rss=False, in_listing=False,
        police=True, note="robots.txt forbids /berita/999001/",
    )  # fmt: skip
    photo = Photo(
        "kupang", "150180", "", "Pemusnahan barang bukti narkoba di Mapolres Kupang",
        "Petugas memusnahkan barang bukti narkotika di halaman Mapolres Kupang.",
        mk.at("kupang", 2, 1), photographer="ANTARA FOTO/Rini Laka", in_feeds=True,
    )  # fmt: skip
    site.add(photo)
    k3 = A(
        "kupang", "150187", "Satresnarkoba Polres Kupang ungkap peredaran sabu di Oesao",
        [
            "Kupang (ANTARA) - Satuan Reserse Narkoba (Satresnarkoba) Polres Kupang menangkap "
            "seorang pria berinisial MT (34) yang diduga mengedarkan narkotika jenis sabu di "
            "Kelurahan Oesao, Kabupaten Kupang.",
            "Kasat Resnarkoba Polres Kupang AKP Dedi Sulaiman mengatakan dari tangan tersangka "
            "petugas menyita 14 paket sabu dengan berat total 12,6 gram yang disimpan di dalam "
            "kotak rokok.",
            "\"Penangkapan berawal dari laporan warga yang resah karena rumah tersangka sering "
            "didatangi orang tak dikenal pada malam hari,\" kata Dedi di Kupang, {hari}.",
            "Petugas kemudian melakukan penyelidikan selama dua pekan sebelum menggerebek rumah "
            "tersangka pada dini hari dan menemukan barang bukti beserta timbangan digital.",
            "Kepada penyidik, tersangka mengaku memperoleh sabu dari seorang pemasok di Pulau "
            "Timor bagian barat yang kini masih diburu polisi.",
            "Tersangka dijerat Pasal 114 ayat (1) dan Pasal 112 ayat (1) Undang-Undang Nomor 35 "
            "Tahun 2009 tentang Narkotika dengan ancaman hukuman paling lama 20 tahun penjara.",
        ],
        ago=(2, 0, 0), reporter="Rini Laka", editor="Laode Masrafi",
        tags=["Polres Kupang", "Narkoba", "Sabu"], category="Hukum", rss_utm=True,
        related=[
            _link(disallowed),
            (photo.path, "FOTO: " + photo.title),
        ],
        related_after=[2, 4], police=True,
    )  # fmt: skip
    A(
        "kupang", "150175", "Satpol PP Kota Kupang tertibkan pedagang kaki lima di Jalan El Tari",
        [
            "Kupang (ANTARA) - Satuan Polisi Pamong Praja (Satpol PP) Kota Kupang menertibkan "
            "puluhan pedagang kaki lima yang berjualan di trotoar sepanjang Jalan El Tari.",
            "Kepala Satpol PP Kota Kupang Adrianus Bota mengatakan penertiban dilakukan karena "
            "lapak pedagang menutup jalur pejalan kaki dan memicu kemacetan pada jam pulang "
            "kantor.",
            "\"Kami sudah tiga kali memberikan surat teguran. Hari ini lapak yang masih berdiri "
            "kami bongkar dan barang dagangan kami titipkan di kantor,\" kata Adrianus di Kupang, "
            "{hari}.",
            "Menurut dia, pemerintah kota telah menyiapkan lokasi relokasi di Pasar Oeba yang "
            "dapat ditempati pedagang tanpa dipungut biaya sewa selama enam bulan pertama.",
            "Sejumlah pedagang mengaku keberatan karena lokasi baru dinilai sepi pembeli, namun "
            "mereka bersedia pindah asalkan pemerintah membantu promosi pasar tersebut.",
        ],
        ago=(2, 6, 0), reporter="Kornelis Kaha", editor="Laode Masrafi",
        tags=["Satpol PP", "Kota Kupang"], category="Nusantara",
        related=[_link(k2)], police=False, trap="satpol_pp",
    )  # fmt: skip
    A(
        "kupang", "150150", "Warga Oebobo minta pemkot tambah polisi tidur di jalan perumahan",
        [
            "Kupang (ANTARA) - Warga Kelurahan Oebobo, Kota Kupang, meminta Dinas Pekerjaan Umum "
            "dan Penataan Ruang menambah polisi tidur di jalan perumahan karena banyak pengendara "
            "melaju kencang.",
            "Ketua RT 09 Kelurahan Oebobo Yosef Ndun mengatakan dalam sebulan terakhir terjadi "
            "dua kali kecelakaan kecil yang melibatkan anak-anak yang sedang bermain di tepi "
            "jalan.",
            "\"Jalan ini jadi jalan pintas menuju jalan utama, jadi banyak kendaraan lewat dengan "
            "kecepatan tinggi. Kami butuh polisi tidur minimal di tiga titik,\" kata Yosef, "
            "{hari}.",
            "Kepala Bidang Bina Marga Dinas PUPR Kota Kupang Melkianus Tode mengatakan usulan "
            "warga akan ditinjau karena pemasangan polisi tidur harus mengikuti standar tinggi dan "
            "kemiringan agar tidak membahayakan.",
            "Ia menyebutkan pemerintah kota tahun ini menganggarkan pembangunan 40 titik alat "
            "pembatas kecepatan di jalan lingkungan yang tersebar di enam kecamatan.",
        ],
        ago=(4, 0, 0), reporter="Rini Laka", editor="",
        tags=["Infrastruktur", "Kota Kupang"], category="Nusantara",
        police=False, trap="polisi_tidur",
    )  # fmt: skip
    k7 = A(
        "kupang", "150131", "Polsek Kupang Tengah tangkap dua pencuri sapi",
        [
            "Kupang (AntaraNews NTT) - Kepolisian Sektor (Polsek) Kupang Tengah menangkap dua pria "
            "yang diduga mencuri tiga ekor sapi milik warga Desa Noelbaki, Kabupaten Kupang.",
            "Kapolsek Kupang Tengah Iptu Yandri Nalle mengatakan kedua pelaku berinisial AL (27) "
            "dan SB (31) ditangkap saat hendak menjual sapi curian kepada seorang pedagang di "
            "Pasar Hewan Lili.",
            "\"Pemilik sapi melapor kehilangan pada pagi hari, lalu anggota kami menelusuri jejak "
            "kendaraan pengangkut hingga ke pasar hewan,\" kata Yandri di Kupang, {hari}.",
            "Menurut dia, para pelaku menggunakan mobil bak terbuka dan beraksi pada malam hari "
            "ketika pemilik ternak sedang tidur.",
            "Dua ekor sapi berhasil dikembalikan kepada pemiliknya, sedangkan satu ekor lainnya "
            "sudah disembelih dan dagingnya dijual oleh pelaku.",
            "Kedua tersangka kini ditahan di Mapolsek Kupang Tengah dan dijerat Pasal 363 KUHP "
            "tentang pencurian dengan pemberatan.",
        ],
        ago=(7, 2, 0), reporter="Kornelis Kaha", editor="",
        design="old", no_jsonld=True, related=[_link(k3)], related_after=[3],
        caption="Dua tersangka pencurian sapi diamankan di Mapolsek Kupang Tengah. ANTARA/Istimewa",
        police=True, note="older page design",
    )  # fmt: skip
    k8 = A(
        "kupang", "150120",
        "Brimob Polda NTT kerahkan personel bantu warga terdampak banjir di Malaka",
        [
            "Betun (ANTARA) - Satuan Brimob Polda Nusa Tenggara Timur mengerahkan 45 personel "
            "untuk membantu warga yang terdampak banjir di Kecamatan Malaka Barat, Kabupaten "
            "Malaka.",
            "Komandan Satbrimob Polda NTT Kombes Pol. Hendrik Rumbiak mengatakan personel membawa "
            "perahu karet, tenda darurat dan dapur lapangan untuk melayani sekitar 600 pengungsi.",
            "\"Prioritas kami adalah mengevakuasi lansia, ibu hamil dan anak-anak dari rumah yang "
            "masih tergenang,\" kata Hendrik di Betun, {hari}.",
            "Banjir terjadi setelah Sungai Benenain meluap akibat hujan deras selama dua hari "
            "berturut-turut dan merendam ratusan rumah di lima desa.",
            "Selain evakuasi, personel Brimob membantu membersihkan lumpur di sekolah dan "
            "puskesmas agar layanan publik dapat kembali berjalan.",
        ],
        ago=(8, 4, 0), reporter="Benediktus Jahang", editor="Laode Masrafi",
        tags=["Brimob", "Banjir Malaka"], category="Hukum", police=True,
    )  # fmt: skip
    A(
        "kupang", "150101",
        "Basarnas Kupang evakuasi tiga nelayan yang terombang-ambing di Laut Sawu",
        [
            "Kupang (ANTARA) - Kantor Pencarian dan Pertolongan (Basarnas) Kupang mengevakuasi "
            "tiga nelayan yang terombang-ambing selama dua hari di perairan Laut Sawu setelah "
            "mesin perahu mereka mati.",
            "Kepala Basarnas Kupang Putu Sudayana mengatakan ketiga nelayan asal Kelurahan Oesapa "
            "itu ditemukan dalam kondisi lemas sekitar 18 mil laut di selatan Pulau Semau.",
            "\"Tim menggunakan kapal KN SAR Kresna dan menemukan korban pada pukul 06.30 Wita. "
            "Ketiganya langsung kami bawa ke Pelabuhan Tenau,\" kata Putu di Kupang, {hari}.",
            "Ia menjelaskan keluarga korban melapor ke posko SAR setelah para nelayan tidak "
            "kembali dari melaut sejak dua hari sebelumnya.",
            "Basarnas mengingatkan nelayan untuk memeriksa kondisi mesin dan membawa alat "
            "komunikasi sebelum melaut, terutama saat gelombang tinggi melanda perairan selatan "
            "NTT.",
        ],
        ago=(9, 5, 0), reporter="Rini Laka", editor="Agus Setiawan",
        tags=["Basarnas", "Nelayan"], category="Nusantara", police=False, trap="basarnas",
    )  # fmt: skip
    old = A(
        "kupang", "148020",
        "Kapolda NTT kukuhkan satgas pengamanan pelabuhan jelang musim liburan",
        [
            "Kupang (ANTARA) - Kapolda Nusa Tenggara Timur Irjen Pol. Markus Sihombing "
            "mengukuhkan satuan tugas pengamanan pelabuhan yang akan bertugas selama musim "
            "liburan di 12 pelabuhan penyeberangan.",
            "Kapolda mengatakan satgas beranggotakan 420 personel gabungan dari Ditpolairud, "
            "Ditlantas dan Satbrimob Polda NTT.",
            "\"Pelabuhan menjadi titik paling padat saat liburan, jadi pengamanan dan pengaturan "
            "arus penumpang harus kita siapkan sejak awal,\" kata Markus di Kupang, {hari}.",
            "Satgas akan bekerja sama dengan otoritas pelabuhan untuk memeriksa muatan kendaraan "
            "dan mencegah penumpang naik kapal melebihi kapasitas.",
        ],
        ago=(45, 0, 0), reporter="Kornelis Kaha", editor="Agus Setiawan",
        tags=["Polda NTT", "Pelabuhan"], category="Hukum", in_rss=False, in_listing=False,
        police=True, note="old; linked only from the Terpopuler sidebar",
    )  # fmt: skip
    site.set_popular("kupang", [old.key, k7.key, k8.key])

    # ---- www (WIB) ----------------------------------------------------------------------
    w11 = A(
        "www", "4850615", "Polri bentuk satgas berantas tambang ilegal di lima provinsi",
        [
            "Jakarta (ANTARA) - Polri membentuk satuan tugas khusus untuk memberantas penambangan "
            "ilegal di lima provinsi yang dinilai paling rawan kerusakan lingkungan.",
            "Kepala Bareskrim Polri Komjen Pol. Hendro Wibowo mengatakan satgas melibatkan "
            "Direktorat Tindak Pidana Tertentu serta Ditreskrimsus dari setiap Polda terkait.",
            "\"Satgas tidak hanya menindak penambang di lapangan, tetapi juga menelusuri pemodal "
            "dan penadah hasil tambang,\" kata Hendro di Jakarta, {hari}.",
            "Lima provinsi yang menjadi prioritas yakni Kalimantan Barat, Kalimantan Selatan, "
            "Sulawesi Tengah, Bangka Belitung dan Sumatera Selatan.",
            "Ia menyebutkan sepanjang tahun ini Polri telah menangani 118 kasus penambangan ilegal "
            "dengan 203 tersangka.",
        ],
        ago=(4, 2, 0), reporter="Fianda Sjofjan Rassat", editor="Chandra Hamdani Noor",
        tags=["Polri", "Tambang ilegal"], category="Hukum", in_rss=False, in_listing=False,
        police=True, note="behind a non-police article",
    )  # fmt: skip
    w10 = A(
        "www", "4850720", "Kejaksaan Agung periksa lima saksi kasus korupsi tata niaga gula",
        [
            "Jakarta (ANTARA) - Kejaksaan Agung memeriksa lima saksi dalam penyidikan kasus "
            "dugaan korupsi tata niaga komoditas gula di sebuah badan usaha milik negara.",
            "Kepala Pusat Penerangan Hukum Kejaksaan Agung Teguh Santoso mengatakan para saksi "
            "terdiri atas pejabat perusahaan dan pihak swasta yang menjadi mitra distribusi.",
            "\"Pemeriksaan saksi dilakukan untuk memperkuat pembuktian dan melengkapi berkas "
            "perkara,\" kata Teguh di Jakarta, {hari}.",
            "Dalam perkara itu, penyidik pada Jaksa Agung Muda Bidang Tindak Pidana Khusus telah "
            "menetapkan tiga tersangka dan menyita sejumlah dokumen kontrak.",
            "Kejaksaan memperkirakan kerugian negara akibat praktik tersebut mencapai ratusan "
            "miliar rupiah dan masih menunggu hasil audit.",
        ],
        ago=(3, 1, 0), reporter="Nadia Putri Rahmani", editor="Chandra Hamdani Noor",
        tags=["Kejaksaan Agung", "Korupsi"], category="Hukum", in_rss=False, in_listing=False,
        related=[_link(w11)], police=False, trap="kejaksaan",
    )  # fmt: skip
    A(
        "www", "4850201", "Propam Polri periksa tiga anggota terkait dugaan pemerasan",
        [
            "Jakarta (ANTARA) - Divisi Profesi dan Pengamanan (Propam) Polri memeriksa tiga "
            "anggota kepolisian yang diduga memeras pengendara dalam razia di jalan tol.",
            "Kepala Divisi Propam Polri Irjen Pol. Yusuf Maulana mengatakan ketiga anggota itu "
            "berpangkat Bripka, Brigpol dan Bripda serta telah ditempatkan di tempat khusus "
            "selama pemeriksaan.",
            "\"Kami tidak akan menutupi pelanggaran. Bila terbukti, sanksi etik hingga "
            "pemberhentian tidak dengan hormat bisa dijatuhkan,\" kata Yusuf di Jakarta, {hari}.",
            "Kasus itu terungkap setelah video seorang pengendara yang mengaku dimintai uang "
            "beredar luas di media sosial.",
            "Propam juga membuka layanan pengaduan daring bagi masyarakat yang merasa dirugikan "
            "oleh perilaku anggota Polri di lapangan.",
        ],
        ago=(10, 1, 0), reporter="Nadia Putri Rahmani", editor="Chandra Hamdani Noor",
        tags=["Propam", "Polri"], category="Hukum", police=True,
    )  # fmt: skip
    A(
        "www", "4850390",
        "KPK tahan mantan kepala dinas kesehatan terkait pengadaan alat kesehatan",
        [
            "Jakarta (ANTARA) - Komisi Pemberantasan Korupsi (KPK) menahan mantan kepala dinas "
            "kesehatan sebuah kabupaten di Sumatera yang menjadi tersangka kasus korupsi "
            "pengadaan alat kesehatan.",
            "Juru Bicara KPK Rizal Firmansyah mengatakan tersangka ditahan selama 20 hari pertama "
            "di rumah tahanan cabang KPK.",
            "\"Tersangka diduga mengatur pemenang lelang dan menerima imbalan dari rekanan "
            "sehingga merugikan keuangan negara sekitar Rp14 miliar,\" kata Rizal di Gedung Merah "
            "Putih KPK, Jakarta, {hari}.",
            "Selain tersangka, KPK juga memeriksa sejumlah saksi dari pihak rekanan dan panitia "
            "pengadaan untuk melengkapi berkas perkara.",
            "Tersangka disangkakan melanggar Pasal 2 ayat (1) atau Pasal 3 Undang-Undang "
            "Pemberantasan Tindak Pidana Korupsi.",
        ],
        ago=(8, 3, 0), reporter="Fianda Sjofjan Rassat", editor="Chandra Hamdani Noor",
        tags=["KPK", "Korupsi"], category="Hukum", police=False, trap="kpk",
    )  # fmt: skip
    A(
        "www", "4850502", "Polri gagalkan penyelundupan 40 kilogram sabu lewat jalur laut di Aceh",
        [
            "Jakarta (ANTARA) - Direktorat Tindak Pidana Narkoba Bareskrim Polri menggagalkan "
            "penyelundupan 40 kilogram sabu yang dibawa menggunakan kapal nelayan dari perairan "
            "Malaysia menuju pesisir Aceh Timur.",
            "Direktur Tindak Pidana Narkoba Bareskrim Polri Brigjen Pol. Rudi Hermawan mengatakan "
            "empat tersangka ditangkap di dermaga kecil di Kecamatan Idi Rayeuk saat memindahkan "
            "muatan ke mobil.",
            "\"Sabu dikemas dalam 40 bungkus teh berbahasa asing dan disembunyikan di bawah "
            "tumpukan jaring ikan,\" kata Rudi di Jakarta, {hari}.",
            "Pengungkapan itu merupakan hasil kerja sama dengan Ditresnarkoba Polda Aceh dan "
            "Direktorat Polairud yang memantau pergerakan kapal selama sepekan.",
            "Rudi memperkirakan pengungkapan kasus itu menyelamatkan sekitar 200 ribu jiwa dari "
            "penyalahgunaan narkoba.",
        ],
        ago=(6, 2, 0), reporter="Fianda Sjofjan Rassat", editor="Chandra Hamdani Noor",
        tags=["Bareskrim", "Narkoba", "Aceh"], category="Hukum", police=True,
    )  # fmt: skip
    A(
        "www", "4850655", "BI proyeksikan inflasi akhir tahun tetap dalam kisaran sasaran",
        [
            "Jakarta (ANTARA) - Bank Indonesia memproyeksikan inflasi indeks harga konsumen hingga "
            "akhir tahun tetap terkendali dalam kisaran sasaran 1,5 hingga 3,5 persen.",
            "Deputi Gubernur Bank Indonesia Dwi Hartanto mengatakan harga pangan bergejolak mulai "
            "melandai seiring masuknya masa panen di sejumlah sentra produksi.",
            "\"Koordinasi pengendalian inflasi pusat dan daerah terus diperkuat, terutama untuk "
            "menjaga pasokan beras, cabai dan bawang menjelang akhir tahun,\" kata Dwi di "
            "Jakarta, {hari}.",
            "Ia menyebutkan inflasi inti juga stabil karena ekspektasi inflasi masyarakat terjaga "
            "dan nilai tukar rupiah bergerak relatif stabil.",
            "Bank Indonesia akan terus mencermati perkembangan harga komoditas global yang dapat "
            "memengaruhi biaya impor bahan baku industri.",
        ],
        ago=(5, 4, 0), reporter="Nadia Putri Rahmani", editor="Citro Atmoko",
        tags=["Bank Indonesia", "Inflasi"], category="Ekonomi", police=False,
    )  # fmt: skip
    A(
        "www", "4850810", "Korlantas Polri terapkan ganjil genap di jalur Puncak saat akhir pekan",
        [
            "Jakarta (ANTARA) - Korps Lalu Lintas (Korlantas) Polri akan menerapkan sistem ganjil "
            "genap di jalur wisata Puncak, Bogor, setiap akhir pekan untuk mengurai kepadatan "
            "kendaraan.",
            "Kepala Korlantas Polri Irjen Pol. Agus Prasetyo mengatakan kebijakan itu berlaku "
            "mulai Jumat sore hingga Minggu malam dan dievaluasi setiap bulan.",
            "\"Volume kendaraan yang naik ke Puncak pada akhir pekan sudah melampaui kapasitas "
            "jalan hingga dua kali lipat,\" kata Agus di Jakarta, {hari}.",
            "Ditlantas Polda Jawa Barat dan Satlantas Polres Bogor menyiapkan 250 personel di 14 "
            "titik pemeriksaan, termasuk di Simpang Gadog dan Pasar Cisarua.",
            "Kendaraan berpelat nomor tidak sesuai tanggal akan diputar balik, kecuali kendaraan "
            "darurat, angkutan umum dan kendaraan warga setempat yang terdaftar.",
        ],
        ago=(4, 6, 0), reporter="Nadia Putri Rahmani", editor="Citro Atmoko",
        tags=["Korlantas", "Ganjil genap", "Puncak"], category="Hukum", police=True,
    )  # fmt: skip
    A(
        "www", "4850977", "Polisi Militer periksa empat prajurit Kodim Rote Ndao usai perkelahian",
        [
            "Kupang (ANTARA) - Polisi Militer Kodam IX/Udayana memeriksa empat prajurit Kodim "
            "1627/Rote Ndao yang diduga terlibat perkelahian dengan pemuda di sebuah kafe di Kota "
            "Baa.",
            "Komandan Kodim 1627/Rote Ndao Letkol Inf. Arief Santoso mengatakan keempat prajurit "
            "itu sudah diserahkan ke Detasemen Polisi Militer untuk menjalani pemeriksaan.",
            "\"Kami tidak menoleransi prajurit yang melanggar disiplin. Bila terbukti bersalah, "
            "sanksi tegas akan diberikan sesuai hukum militer,\" kata Arief di Baa, {hari}.",
            "Dandim juga telah menemui keluarga pemuda yang mengalami luka ringan dan menanggung "
            "biaya pengobatan di rumah sakit daerah.",
            "Ia mengimbau masyarakat tidak terpancing informasi yang belum pasti di media sosial "
            "dan mempercayakan proses pemeriksaan kepada Polisi Militer.",
        ],
        ago=(3, 0, 0), reporter="Kornelis Kaha", editor="Citro Atmoko",
        tags=["Kodim Rote Ndao", "TNI"], category="Nusantara", police=False,
        trap="polisi_militer",
    )  # fmt: skip
    A(
        "www", "4851102", "Bareskrim ungkap jaringan judi daring beromzet Rp1,3 triliun",
        [
            "Jakarta (ANTARA) - Badan Reserse Kriminal (Bareskrim) Polri mengungkap jaringan judi "
            "daring yang mengelola puluhan situs dengan perputaran uang diperkirakan mencapai "
            "Rp1,3 triliun dalam dua tahun terakhir.",
            "Direktur Tindak Pidana Siber Bareskrim Polri Brigjen Pol. Hendra Saputra mengatakan "
            "penyidik menangkap tujuh tersangka yang berperan sebagai pengelola server, admin "
            "rekening dan perekrut agen.",
            "\"Para tersangka mengoperasikan situs dari sebuah rumah toko di Jakarta Barat dan "
            "memindahkan dana melalui ratusan rekening penampung,\" kata Hendra di Jakarta, "
            "{hari}.",
            "Penyidik telah memblokir 312 rekening dan menyita uang tunai, kendaraan serta "
            "perangkat komputer yang digunakan untuk menjalankan situs tersebut.",
            "Hendra menyebutkan Polri bekerja sama dengan Pusat Pelaporan dan Analisis Transaksi "
            "Keuangan untuk menelusuri aliran dana ke luar negeri.",
            "Para tersangka dijerat pasal perjudian dalam Undang-Undang Informasi dan Transaksi "
            "Elektronik serta Undang-Undang Tindak Pidana Pencucian Uang.",
        ],
        ago=(2, 5, 0), reporter="Fianda Sjofjan Rassat", editor="Chandra Hamdani Noor",
        tags=["Bareskrim", "Judi daring"], category="Hukum", rss_utm=True,
        byline_style="spaced", related=[_link(w10, "relative")], police=True,
    )  # fmt: skip
    w2 = site.article("www:4851102")

    # ---- papua (WIT); zoneless listing dates -------------------------------------------
    p6 = A(
        "papua", "812160", "Polres Jayapura tangkap komplotan pencuri sepeda motor",
        [
            "Sentani (ANTARA) - Satreskrim Polres Jayapura menangkap tiga anggota komplotan "
            "pencuri sepeda motor yang beraksi di kawasan Sentani dan Waena.",
            "Kasat Reskrim Polres Jayapura AKP Alamsyah Putra mengatakan para tersangka telah "
            "mencuri sedikitnya 15 sepeda motor dalam dua bulan terakhir.",
            "\"Mereka menyasar sepeda motor yang diparkir di depan rumah tanpa kunci ganda, lalu "
            "menjualnya dengan harga murah ke luar kabupaten,\" kata Alamsyah di Sentani, {hari}.",
            "Polisi menyita delapan sepeda motor curian beserta kunci letter T yang digunakan "
            "para pelaku.",
            "Warga yang merasa kehilangan sepeda motor diminta datang ke Mapolres Jayapura dengan "
            "membawa bukti kepemilikan.",
        ],
        ago=(3, 8, 0), reporter="Hendrina Dian Kandipi", editor="Ahmad Buchori",
        tags=["Polres Jayapura", "Curanmor"], category="Hukum", in_rss=False, in_listing=False,
        police=True, note="depth 3: beyond related_depth=2",
    )  # fmt: skip
    for args in (
        (
            "812201",
            "Polda Papua gelar patroli skala besar di Kota Jayapura",
            [
                "Jayapura (ANTARA) - Kepolisian Daerah Papua menggelar patroli skala besar yang "
                "melibatkan 400 personel di sejumlah kawasan rawan di Kota Jayapura.",
                "Kabid Humas Polda Papua Kombes Pol. Benny Kogoya mengatakan patroli menyasar "
                "kawasan Entrop, Abepura dan Waena yang dalam sebulan terakhir diwarnai aksi "
                "pencurian dengan kekerasan.",
                '"Patroli dilakukan siang dan malam, termasuk dengan menyambangi tempat '
                'berkumpulnya pemuda untuk berdialog," kata Benny di Jayapura, {hari}.',
                "Personel gabungan dari Ditsamapta, Satbrimob dan Polresta Jayapura Kota juga "
                "memeriksa kendaraan yang melintas di beberapa titik.",
                "Benny meminta warga segera melapor ke pos polisi terdekat bila mengetahui tindak "
                "kejahatan di lingkungannya.",
            ],
            (0, 12, 0),
            {"tags": ["Polda Papua", "Patroli"], "category": "Hukum", "police": True},
        ),
        (
            "812190",
            "Satlantas Polresta Jayapura Kota tertibkan kendaraan tanpa pelat nomor",
            [
                "Jayapura (ANTARA) - Satlantas Polresta Jayapura Kota menertibkan puluhan "
                "kendaraan bermotor yang beroperasi tanpa pelat nomor di jalan-jalan protokol "
                "Kota Jayapura.",
                "Kasat Lantas Polresta Jayapura Kota AKP Yosias Rumaropen mengatakan dalam dua "
                "hari petugas mengamankan 63 sepeda motor dan lima mobil yang tidak dilengkapi "
                "tanda nomor kendaraan.",
                '"Kendaraan tanpa pelat sering dipakai untuk kejahatan jalanan karena sulit '
                'dilacak," kata Yosias di Jayapura, {hari}.',
                "Pemilik kendaraan dapat mengambil kendaraannya di Mapolresta setelah menunjukkan "
                "surat kendaraan dan memasang pelat nomor yang sah.",
                "Penertiban akan berlanjut hingga akhir bulan dengan sasaran kawasan pasar dan "
                "terminal.",
            ],
            (2, 1, 0),
            {
                "tags": ["Satlantas", "Jayapura"],
                "category": "Hukum",
                "police": True,
                "byline_style": "spaced",
            },
        ),
        (
            "812170",
            "Pemprov Papua salurkan beasiswa bagi 1.200 mahasiswa",
            [
                "Jayapura (ANTARA) - Pemerintah Provinsi Papua menyalurkan beasiswa kepada 1.200 "
                "mahasiswa asli Papua yang menempuh pendidikan di dalam dan luar negeri.",
                "Kepala Badan Pengembangan Sumber Daya Manusia Papua Yohana Wenda mengatakan "
                "beasiswa mencakup biaya kuliah, biaya hidup dan tiket pulang pergi sekali "
                "setahun.",
                '"Penerima dipilih berdasarkan prestasi akademik dan kemampuan ekonomi keluarga, '
                'dengan kuota khusus untuk mahasiswa kedokteran dan teknik," kata Yohana di '
                "Jayapura, {hari}.",
                "Ia menyebutkan pencairan dilakukan langsung ke rekening mahasiswa untuk "
                "menghindari potongan oleh pihak ketiga.",
                "Pemprov juga membuka layanan pengaduan bagi mahasiswa yang mengalami kendala "
                "pencairan.",
            ],
            (4, 3, 0),
            {"tags": ["Pendidikan", "Beasiswa"], "category": "Nusantara", "police": False},
        ),
        (
            "812150",
            "Bhabinkamtibmas Polres Mimika ajak warga jaga keamanan kampung",
            [
                "Timika (ANTARA) - Bhabinkamtibmas Polres Mimika menggelar dialog dengan tokoh "
                "adat dan pemuda di sejumlah kampung di Distrik Kwamki Narama untuk menjaga "
                "keamanan dan mencegah konflik antarkelompok.",
                "Kapolres Mimika AKBP Johannes Tambunan mengatakan para Bhabinkamtibmas diminta "
                "hadir di tengah warga setiap hari, bukan hanya ketika terjadi masalah.",
                '"Kehadiran polisi di kampung harus dirasakan sebagai sahabat. Persoalan kecil '
                'diselesaikan lewat musyawarah sebelum membesar," kata Johannes di Timika, '
                "{hari}.",
                "Dalam dialog itu, warga menyampaikan keluhan soal peredaran minuman keras dan "
                "meminta patroli malam ditingkatkan.",
                "Polres Mimika berjanji menindaklanjuti keluhan tersebut dengan menggelar razia "
                "minuman keras bersama pemerintah distrik.",
            ],
            (6, 1, 0),
            {
                "tags": ["Polres Mimika", "Bhabinkamtibmas"],
                "category": "Hukum",
                "design": "amp",
                "police": True,
                "note": "canonical page served in the AMP design",
            },
        ),
        (
            "812130",
            "Brimob Polda Papua buka posko kesehatan gratis di Wamena",
            [
                "Wamena (ANTARA) - Satuan Brimob Polda Papua membuka posko kesehatan gratis bagi "
                "warga di Kabupaten Jayawijaya yang melayani pemeriksaan umum, gigi dan kesehatan "
                "ibu dan anak.",
                "Komandan Batalyon C Pelopor Satbrimob Polda Papua Kompol Daniel Wenda mengatakan "
                "dalam tiga hari posko melayani 740 warga dari sejumlah distrik.",
                '"Tenaga kesehatan kami bawa dari Jayapura, dibantu dokter puskesmas setempat," '
                "kata Daniel di Wamena, {hari}.",
                "Selain pengobatan, personel Brimob membagikan paket sembako dan perlengkapan "
                "sekolah untuk anak-anak.",
                "Posko kesehatan itu direncanakan berpindah ke distrik lain setiap bulan sesuai "
                "permintaan pemerintah daerah.",
            ],
            (8, 2, 0),
            {"tags": ["Brimob", "Wamena"], "category": "Hukum", "police": True},
        ),
        (
            "812095",
            "Polres Merauke gagalkan penyelundupan satwa dilindungi ke Papua Nugini",
            [
                "Merauke (ANTARA) - Satuan Reserse Kriminal Polres Merauke menggagalkan "
                "penyelundupan 24 ekor burung kakatua dan dua ekor kanguru pohon yang hendak "
                "dibawa ke Papua Nugini melalui jalur darat di Distrik Sota.",
                "Kasat Reskrim Polres Merauke AKP Yohanes Samperante mengatakan satwa dilindungi "
                "itu ditemukan di dalam kotak kayu yang disembunyikan di bawah tumpukan karung "
                "beras di sebuah mobil bak terbuka.",
                '"Sopir mobil kami amankan dan sedang kami periksa untuk mengetahui siapa '
                'pemesan satwa itu," kata Yohanes di Merauke, {hari}.',
                "Satwa sitaan diserahkan kepada Balai Besar Konservasi Sumber Daya Alam Papua "
                "untuk diperiksa kesehatannya sebelum dilepasliarkan.",
            ],
            (8, 4, 0),
            {
                "tags": ["Polres Merauke", "Satwa dilindungi"],
                "category": "Hukum",
                "design": "unknown",
                "police": True,
                "note": "a design no page class knows: read by the generic fallback",
            },
        ),
    ):
        pid, title, paragraphs, ago, extra = args
        A("papua", pid, title, paragraphs, ago=ago, reporter="Hendrina Dian Kandipi",
          editor="Ahmad Buchori", **extra)  # fmt: skip

    # ---- bali (WITA) --------------------------------------------------------------------
    k5_slug = "operasi-zebra-satlantas-polres-tts-tilang-214-pengendara"
    b7 = A(
        "bali", "342066", "Polresta Denpasar tindak 380 pelanggar selama Operasi Zebra",
        [
            "Denpasar (ANTARA) - Satlantas Polresta Denpasar menindak 380 pelanggar lalu lintas "
            "selama sepekan pertama Operasi Zebra di wilayah Denpasar.",
            "Kasat Lantas Polresta Denpasar Kompol Ketut Widiada mengatakan sebagian besar "
            "pelanggar adalah pengendara yang melawan arus dan menerobos lampu merah di simpang "
            "Jalan Gatot Subroto.",
            "\"Kami juga menemukan banyak wisatawan asing yang mengendarai sepeda motor tanpa SIM "
            "internasional,\" kata Widiada di Denpasar, {hari}.",
            "Pelanggaran yang terekam kamera tilang elektronik langsung dikirimi surat konfirmasi "
            "ke alamat pemilik kendaraan.",
            "Widiada mengingatkan penyewaan sepeda motor agar tidak menyewakan kendaraan kepada "
            "wisatawan yang tidak memiliki izin mengemudi.",
        ],
        ago=(3, 3, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Operasi Zebra", "Polresta Denpasar"], category="Hukum",
        in_rss=False, in_listing=False,
        related=[
            _link(p6),
            (f"https://kupang.antaranews.com/berita/150166/{k5_slug}",
             "Operasi Zebra, Satlantas Polres TTS tilang 214 pengendara"),
        ],
        police=True, note="only via related, depth 2; links back to kupang (cycle)",
    )  # fmt: skip
    w9 = A(
        "www", "4850860",
        "Wakapolri minta jajaran tindak tegas pelanggar lalu lintas selama Operasi Zebra",
        [
            "Jakarta (ANTARA) - Wakil Kepala Kepolisian Negara Republik Indonesia (Wakapolri) "
            "Komjen Pol. Ahmad Fauzi meminta seluruh Polda menindak tegas pelanggar lalu lintas "
            "yang membahayakan keselamatan selama Operasi Zebra.",
            "Menurut Ahmad, angka kecelakaan yang melibatkan pengendara muda dan kendaraan "
            "berkecepatan tinggi masih menjadi perhatian utama kepolisian tahun ini.",
            "\"Penindakan harus disertai edukasi. Jangan hanya menilang, tetapi jelaskan kepada "
            "masyarakat mengapa aturan itu dibuat,\" kata Ahmad saat memimpin apel di Jakarta, "
            "{hari}.",
            "Ia juga meminta Ditlantas di setiap Polda memanfaatkan tilang elektronik agar "
            "penindakan lebih transparan dan mengurangi interaksi langsung petugas dengan "
            "pelanggar.",
            "Operasi Zebra digelar serentak di 34 Polda dengan melibatkan lebih dari 30 ribu "
            "personel gabungan.",
        ],
        ago=(3, 5, 0), reporter="Fianda Sjofjan Rassat", editor="Citro Atmoko",
        tags=["Operasi Zebra", "Polri"], category="Hukum", in_rss=False, in_listing=False,
        related=[_link(b7, "amp")], police=True, note="only via related (utm link), depth 1",
    )  # fmt: skip
    k5 = A(
        "kupang", "150166", "Operasi Zebra, Satlantas Polres TTS tilang 214 pengendara",
        [
            "Soe (ANTARA) - Satuan Lalu Lintas (Satlantas) Polres Timor Tengah Selatan menindak "
            "214 pengendara yang melanggar aturan lalu lintas selama sepekan pelaksanaan Operasi "
            "Zebra Turangga di Kota Soe.",
            "Kasat Lantas Polres TTS AKP Marselinus Tefa mengatakan pelanggaran terbanyak adalah "
            "pengendara sepeda motor yang tidak mengenakan helm, disusul pengendara di bawah "
            "umur.",
            "\"Sebanyak 156 pelanggar kami tilang, sisanya kami berikan teguran tertulis karena "
            "baru pertama kali melanggar,\" kata Marselinus di Soe, {hari}.",
            "Ia menambahkan petugas juga menemukan 11 kendaraan tanpa surat tanda nomor kendaraan "
            "yang kemudian diamankan di Mapolres TTS sampai pemiliknya dapat menunjukkan dokumen "
            "sah.",
            "Selama operasi, personel Satlantas juga mendatangi sekolah menengah atas di Soe untuk "
            "mengingatkan pelajar agar tidak mengendarai sepeda motor sebelum memiliki surat izin "
            "mengemudi.",
            "Operasi Zebra Turangga berlangsung selama 14 hari dan melibatkan 60 personel "
            "gabungan dari Polres TTS dan jajaran Polsek.",
        ],
        ago=(3, 0, 0), slug=k5_slug, reporter="Kornelis Kaha", editor="Laode Masrafi",
        tags=["Operasi Zebra", "Polres TTS", "Lalu lintas"], category="Hukum", no_zone=True,
        related=[_link(w9, query=UTM_RELATED)], police=True,
        note="start of the chain kupang -> www -> bali -> papua; visible date without zone",
    )  # fmt: skip
    b4 = A(
        "bali", "342050", "Polres Gianyar ringkus pencuri pratima di pura",
        [
            "Gianyar (ANTARA) - Kepolisian Resor Gianyar menangkap seorang pria yang diduga "
            "mencuri tiga pratima atau benda sakral dari sebuah pura di Kecamatan Tegallalang.",
            "Kasat Reskrim Polres Gianyar AKP Gede Ari Sudana mengatakan tersangka berinisial KS "
            "(41) ditangkap di sebuah rumah kos di Denpasar dua hari setelah pencurian.",
            "\"Pelaku masuk ke pura pada malam hari dengan memanjat tembok samping, lalu membawa "
            "kabur pratima yang disimpan di gedong penyimpenan,\" kata Ari di Gianyar, {hari}.",
            "Penyidik menemukan dua pratima di kamar tersangka, sedangkan satu lainnya sudah "
            "dijual kepada seorang penadah yang kini dalam pengejaran.",
            "Pengurus pura bersyukur pratima dapat ditemukan kembali dan berencana menggelar "
            "upacara penyucian sebelum benda sakral itu ditempatkan kembali.",
        ],
        ago=(5, 2, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Polres Gianyar", "Pratima"], category="Hukum", police=True,
    )  # fmt: skip
    w1_slug = "mabes-polri-kirim-800-personel-brimob-perkuat-pengamanan-di-bali"
    b1 = A(
        "bali", "342118", "Polda Bali & imigrasi perketat pengawasan WNA di Nusa Dua",
        [
            "Denpasar (ANTARA) - Kepolisian Daerah Bali bersama Kantor Imigrasi Ngurah Rai "
            "memperketat pengawasan warga negara asing di kawasan Nusa Dua menjelang pertemuan "
            "internasional pekan depan.",
            "Kabid Humas Polda Bali Kombes Pol. Made Arya Wibawa mengatakan patroli gabungan "
            "menyasar vila, penginapan dan tempat penyewaan kendaraan yang banyak digunakan "
            "wisatawan asing.",
            "\"Kami ingin memastikan setiap orang asing yang berada di kawasan pertemuan memiliki "
            "dokumen keimigrasian yang sah,\" kata Made di Denpasar, {hari}.",
            "Dalam tiga hari patroli, petugas mendapati sembilan WNA yang melebihi izin tinggal "
            "dan dua orang yang bekerja tanpa izin, yang kemudian diserahkan ke imigrasi.",
            "Polda Bali juga mengingatkan pengelola akomodasi untuk melaporkan tamu asing melalui "
            "aplikasi pelaporan orang asing.",
        ],
        ago=(0, 0, 26), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Polda Bali", "WNA", "Imigrasi"], category="Hukum",
        related=[(f"http://www.antaranews.com/berita/4851230/{w1_slug}{UTM_MOBILE}",
                  "Mabes Polri kirim 800 personel Brimob perkuat pengamanan di Bali")],
        police=True, note="title with an ampersand; published 26 minutes before now",
    )  # fmt: skip
    A(
        "www", "4851230", "Mabes Polri kirim 800 personel Brimob perkuat pengamanan di Bali",
        [
            "Jakarta (ANTARA) - Markas Besar Kepolisian Negara Republik Indonesia (Mabes Polri) "
            "mengirim 800 personel Korps Brimob untuk memperkuat pengamanan pertemuan "
            "internasional yang digelar di kawasan Nusa Dua, Bali.",
            "Kepala Divisi Humas Polri Irjen Pol. Bambang Wicaksono mengatakan personel tersebut "
            "akan berada di bawah kendali operasi Polda Bali selama dua pekan.",
            "\"Pasukan berangkat dengan pesawat angkut dan kapal, lengkap dengan kendaraan taktis "
            "serta tim penjinak bahan peledak,\" kata Bambang di Jakarta, {hari}.",
            "Menurut dia, pengamanan dibagi menjadi tiga ring, mulai dari lokasi pertemuan, hotel "
            "tempat delegasi menginap hingga jalur bandara menuju Nusa Dua.",
            "Polri juga menyiagakan tim siber untuk memantau potensi gangguan di ruang digital "
            "selama pertemuan berlangsung.",
            "Bambang meminta masyarakat Bali tetap beraktivitas seperti biasa dan mematuhi "
            "rekayasa lalu lintas yang akan diberlakukan secara situasional.",
        ],
        ago=(1, 0, 0), slug=w1_slug, updated_ago=(0, 0, 20),
        reporter="Fianda Sjofjan Rassat", editor="Chandra Hamdani Noor",
        tags=["Polri", "Brimob", "Bali"], category="Hukum",
        related=[_link(b1)], related_after=[3], police=True,
        note="updated after publication (dateModified); cycle with bali:342118",
    )  # fmt: skip
    w1 = site.article("www:4851230")
    A(
        "bali", "342090", "Ditresnarkoba Polda Bali tangkap kurir ganja jaringan Sumatera",
        [
            "Denpasar (ANTARA) - Direktorat Reserse Narkoba Polda Bali menangkap seorang kurir "
            "yang membawa 3,5 kilogram ganja kering dari Sumatera Utara melalui jalur darat.",
            "Direktur Reserse Narkoba Polda Bali Kombes Pol. I Ketut Sudarsana mengatakan "
            "tersangka berinisial RS (29) ditangkap di Terminal Mengwi, Kabupaten Badung, setelah "
            "turun dari bus antarprovinsi.",
            "\"Ganja dibungkus plastik hitam dan dimasukkan ke dalam tas pakaian agar tidak "
            "dicurigai penumpang lain,\" kata Sudarsana di Denpasar, {hari}.",
            "Polisi masih mengembangkan kasus itu untuk mengungkap penerima ganja di Bali yang "
            "diduga merupakan bagian dari jaringan pengedar di kawasan wisata Kuta.",
            "Tersangka diancam hukuman penjara minimal lima tahun dan maksimal 20 tahun sesuai "
            "Undang-Undang Narkotika.",
        ],
        ago=(2, 3, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Narkoba", "Ganja", "Polda Bali"], category="Hukum", rss_utm=True,
        related=[_link(b4, "slugless")], police=True,
    )  # fmt: skip
    A(
        "bali", "342071",
        "Danrem 163/Wira Satya tinjau latihan gabungan di Lanud I Gusti Ngurah Rai",
        [
            "Denpasar (ANTARA) - Komandan Korem 163/Wira Satya Brigjen TNI Komang Aryasa meninjau "
            "latihan gabungan penanggulangan bencana yang digelar di Pangkalan TNI AU (Lanud) I "
            "Gusti Ngurah Rai.",
            "Latihan melibatkan 500 prajurit dari Kodim se-Bali, Lantamal dan Lanud, serta "
            "relawan dari badan penanggulangan bencana daerah.",
            "\"Bali rawan gempa dan tsunami, sehingga kesiapan prajurit membantu evakuasi warga "
            "harus terus diasah,\" kata Danrem di Denpasar, {hari}.",
            "Dalam latihan itu, prajurit mempraktikkan evakuasi korban dari gedung bertingkat, "
            "pendirian rumah sakit lapangan dan distribusi logistik menggunakan helikopter.",
            "Komang berharap latihan serupa dapat digelar rutin dengan melibatkan pemerintah desa "
            "adat agar warga memahami jalur evakuasi.",
        ],
        ago=(3, 2, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["TNI", "Korem 163"], category="Nusantara", police=False, trap="tni",
    )  # fmt: skip
    A(
        "bali", "342033", "Kunjungan wisatawan mancanegara ke Bali naik 12 persen",
        [
            "Denpasar (ANTARA) - Badan Pusat Statistik Provinsi Bali mencatat kunjungan wisatawan "
            "mancanegara ke Bali naik 12 persen dibandingkan bulan yang sama tahun lalu.",
            "Kepala BPS Bali Endang Kusumawati mengatakan wisatawan asal Australia masih menjadi "
            "yang terbanyak, disusul India, China dan Inggris.",
            "\"Tingkat hunian kamar hotel berbintang juga naik menjadi 68 persen, terutama di "
            "Badung dan Gianyar,\" kata Endang di Denpasar, {hari}.",
            "Ia menambahkan rata-rata lama menginap wisatawan asing mencapai 3,1 hari, sedikit "
            "lebih lama dibandingkan bulan sebelumnya.",
            "Pelaku usaha pariwisata berharap tren positif itu berlanjut hingga musim liburan "
            "akhir tahun.",
        ],
        ago=(6, 1, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Pariwisata", "BPS Bali"], category="Ekonomi", police=False,
    )  # fmt: skip
    A(
        "bali", "342010", "Ditpolairud Polda Bali selamatkan empat wisatawan terseret arus di Kuta",
        [
            "Badung (ANTARA) - Direktorat Kepolisian Perairan dan Udara (Ditpolairud) Polda Bali "
            "menyelamatkan empat wisatawan yang terseret arus balik saat berenang di Pantai Kuta.",
            "Dirpolairud Polda Bali Kombes Pol. Nyoman Suartika mengatakan personel yang sedang "
            "berpatroli dengan perahu karet melihat para korban melambaikan tangan sekitar 150 "
            "meter dari bibir pantai.",
            "\"Keempat korban, dua di antaranya anak-anak, berhasil kami bawa ke darat dan "
            "langsung mendapat pertolongan pertama,\" kata Nyoman di Badung, {hari}.",
            "Ia mengimbau wisatawan untuk berenang di area yang ditandai bendera merah-kuning dan "
            "tidak berenang saat ombak sedang tinggi.",
            "Ditpolairud bersama penjaga pantai menambah papan peringatan di beberapa titik yang "
            "sering muncul arus balik.",
        ],
        ago=(9, 2, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Ditpolairud", "Pantai Kuta"], category="Hukum", police=True,
    )  # fmt: skip

    # ---- links that needed later articles ------------------------------------------------
    missing_url = (
        "https://kupang.antaranews.com/berita/149990/"
        "kpu-ntt-tak-ada-niat-mundurkan-penetapan-hasil-pemilu"
    )
    k1.related = [
        _link(k2, "relative"),
        (missing_url, "KPU NTT: Tak ada niat mundurkan penetapan hasil pemilu"),
        _link(w1, query=UTM_RELATED),
    ]
    k1.related_after = [7, 8, 8]
    k2.related = [_link(k1, "amp")]
    site.disallow("kupang", f"/berita/{disallowed.id}/")

    site.write(root)
    manifest = site.manifest()
    _common_truth(manifest)
    since = (now - timedelta(days=11)).astimezone(PORTALS["www"].zone).date()
    manifest["since"] = since.isoformat()
    manifest["reachable"] = expected_crawl(manifest, since=since)["items"]
    manifest["reachable_all"] = expected_crawl(manifest, since=since, police_only=False)["items"]
    manifest["depth3"] = p6.key
    manifest["disallowed_article"] = {
        "key": disallowed.key,
        "url": disallowed.url,
        "path": f"/{disallowed.host}{disallowed.path}",
        "rule": f"/berita/{disallowed.id}/",
        "linked_from": k3.key,
    }
    manifest["sidebar_only"] = [old.key]
    manifest["cycles"] = [[k5.key, w9.key, b7.key], [k1.key, k2.key], [w1.key, b1.key]]
    manifest["chain"] = [k5.key, w9.key, b7.key, p6.key]
    manifest["non_police_gate"] = {"from": w2.key, "gate": w10.key, "behind": w11.key}
    stop_since = (now - timedelta(days=5)).astimezone(PORTALS["kupang"].zone).date()
    kupang_pages = expected_crawl(manifest, since=stop_since, portals=["kupang"])["listing_pages"]
    all_pages = [p["path"] for p in manifest["listings"]["kupang:terkini"]["pages"]]
    manifest["listing_stop"] = {
        "since": stop_since.isoformat(),
        "portal": "kupang",
        "last_page": kupang_pages[-1],
        "not_fetched": all_pages[len(kupang_pages) :],
    }
    manifest["wire_copy"] = []
    assert not (set(manifest["reachable"]) & {p6.key, disallowed.key, old.key, w11.key})
    return manifest


# --------------------------------------------------------------------------- sample site


def build_sample_site(root: Path, now: datetime = SAMPLE_NOW) -> dict:
    """Write the small friendly mirror (kupang, bali, www; 8 articles) under ``root``.

    Returns its manifest (the :meth:`Site.manifest` keys plus ``police``, ``non_police``,
    ``traps``, ``links``, ``only_via_related``, ``missing``, ``photo_links``, ``designs``,
    ``since`` and ``reachable``)."""
    site = Site(now, portals=("kupang", "bali", "www"), rss_size=10, page_size=2)
    mk = _Maker(site)
    A = mk.article

    s8 = A(
        "www", "4861120", "Kapolri minta Polda perkuat satgas antipenipuan daring",
        [
            "Jakarta (ANTARA) - Kapolri meminta seluruh Polda memperkuat satuan tugas "
            "antipenipuan daring menyusul meningkatnya laporan kejahatan siber sepanjang tahun "
            "ini.",
            "Kadiv Humas Polri Irjen Pol. Bambang Wicaksono mengatakan setiap Polda diminta "
            "menyiapkan penyidik siber dan membuka layanan pengaduan 24 jam.",
            "\"Laporan penipuan daring naik hampir dua kali lipat. Kami ingin penanganannya lebih "
            "cepat sejak laporan pertama masuk,\" kata Bambang di Jakarta, {hari}.",
            "Polri juga bekerja sama dengan bank dan penyedia dompet digital untuk membekukan "
            "rekening penampung hasil kejahatan lebih cepat.",
        ],
        ago=(2, 0, 0), reporter="Fianda Sjofjan Rassat", editor="Citro Atmoko",
        tags=["Polri", "Penipuan daring"], category="Hukum", in_rss=False, in_listing=False,
        police=True, note="only via related",
    )  # fmt: skip
    s7 = A(
        "www", "4861200", "Bareskrim tangkap 15 tersangka penipuan investasi kripto",
        [
            "Jakarta (ANTARA) - Bareskrim Polri menangkap 15 tersangka kasus penipuan investasi "
            "aset kripto yang menjerat lebih dari 2.000 korban di berbagai daerah.",
            "Dirtipideksus Bareskrim Polri Brigjen Pol. Arif Rahman mengatakan para tersangka "
            "menjanjikan imbal hasil tetap 5 persen per pekan melalui aplikasi yang mereka kelola "
            "sendiri.",
            "\"Aplikasi itu sebenarnya tidak pernah memperdagangkan aset kripto. Dana korban "
            "digunakan untuk membayar korban sebelumnya,\" kata Arif di Jakarta, {hari}.",
            "Penyidik menyita 21 kendaraan, sejumlah rumah dan rekening dengan total nilai sekitar "
            "Rp160 miliar.",
            "Polri membuka posko pengaduan bagi korban yang belum melapor agar kerugian mereka "
            "dapat didata.",
        ],
        ago=(1, 2, 0), reporter="Fianda Sjofjan Rassat", editor="Citro Atmoko",
        tags=["Bareskrim", "Kripto"], category="Hukum", related=[_link(s8, "relative")],
        police=True,
    )  # fmt: skip
    A(
        "bali", "342485", "Subak di Tabanan uji coba irigasi hemat air",
        [
            "Tabanan (ANTARA) - Kelompok subak di Kabupaten Tabanan mengujicobakan sistem irigasi "
            "hemat air yang memadukan pintu air tradisional dengan sensor ketinggian air.",
            "Pekaseh Subak Jatiluwih Nyoman Sutama mengatakan sistem itu membantu petani membagi "
            "air secara adil pada musim kemarau.",
            "\"Sensor mengirim data ke telepon, jadi kami tahu kapan sawah perlu dialiri tanpa "
            "harus berkeliling,\" kata Sutama di Tabanan, {hari}.",
            "Dinas Pertanian Tabanan berencana memperluas uji coba ke sepuluh subak lain bila "
            "hasil panen musim ini meningkat.",
        ],
        ago=(4, 0, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Subak", "Pertanian"], category="Ekonomi", police=False,
    )  # fmt: skip
    s5 = A(
        "bali", "342498", "Polresta Denpasar amankan 12 remaja yang hendak tawuran",
        [
            "Denpasar (ANTARA) - Polresta Denpasar mengamankan 12 remaja yang diduga hendak "
            "terlibat tawuran di kawasan Jalan Teuku Umar Barat pada dini hari.",
            "Kapolresta Denpasar Kombes Pol. Wayan Sukadana mengatakan petugas menyita dua "
            "senjata tajam dan beberapa tongkat kayu dari para remaja tersebut.",
            "\"Mereka janjian lewat media sosial. Beruntung patroli kami tiba sebelum bentrokan "
            "terjadi,\" kata Sukadana di Denpasar, {hari}.",
            "Para remaja itu kemudian dibina di Mapolresta Denpasar dengan menghadirkan orang tua "
            "masing-masing.",
        ],
        ago=(2, 3, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Polresta Denpasar", "Tawuran"], category="Hukum", police=True,
    )  # fmt: skip
    s4 = A(
        "bali", "342510", "Polda Bali bongkar laboratorium narkoba rumahan di Badung",
        [
            "Denpasar (ANTARA) - Ditresnarkoba Polda Bali membongkar laboratorium rumahan yang "
            "memproduksi narkotika jenis tembakau sintetis di sebuah vila di Kabupaten Badung.",
            "Wakapolda Bali Brigjen Pol. Ida Bagus Manuaba mengatakan dua tersangka warga lokal "
            "ditangkap bersama 4 kilogram tembakau sintetis siap edar dan bahan kimia "
            "pembuatnya.",
            "\"Produk mereka dipasarkan melalui media sosial dengan sasaran anak muda dan "
            "wisatawan,\" kata Manuaba di Denpasar, {hari}.",
            "Polisi menduga laboratorium itu sudah beroperasi selama empat bulan dan memasok "
            "pembeli di Bali serta Jawa Timur.",
            "Kedua tersangka dijerat Undang-Undang Narkotika dengan ancaman hukuman mati atau "
            "penjara seumur hidup.",
        ],
        ago=(1, 0, 0), reporter="Ni Luh Rhismawati", editor="Nyoman Budhiana",
        tags=["Polda Bali", "Narkoba"], category="Hukum", related=[_link(s5, "relative")],
        police=True,
    )  # fmt: skip
    A(
        "kupang", "150998", "Satlantas Polresta Kupang Kota gelar razia knalpot bising",
        [
            "Kupang (ANTARA) - Satuan Lalu Lintas Polresta Kupang Kota menggelar razia knalpot "
            "bising di sejumlah ruas jalan yang sering dijadikan tempat balap liar pada malam "
            "hari.",
            "Kasat Lantas Polresta Kupang Kota AKP Maria Seran mengatakan petugas menjaring 48 "
            "sepeda motor yang menggunakan knalpot tidak sesuai standar.",
            "\"Pemilik kami minta mengganti knalpot dengan yang standar di tempat, baru kendaraan "
            "boleh dibawa pulang,\" kata Maria di Kupang, {hari}.",
            "Razia dilakukan setelah warga di sekitar Jalan Timor Raya mengeluhkan kebisingan dan "
            "balap liar yang berlangsung hingga dini hari.",
        ],
        ago=(3, 0, 0), reporter="Kornelis Kaha", editor="Laode Masrafi",
        tags=["Satlantas", "Knalpot bising"], category="Hukum", police=True,
    )  # fmt: skip
    s2 = A(
        "kupang", "151011",
        "Polres Sumba Timur ungkap penipuan arisan daring, kerugian capai Rp900 juta",
        [
            "Waingapu (ANTARA) - Satreskrim Polres Sumba Timur mengungkap kasus penipuan berkedok "
            "arisan daring yang merugikan 86 warga dengan total kerugian sekitar Rp900 juta.",
            "Kasat Reskrim Polres Sumba Timur AKP Yohanis Mbura mengatakan tersangka berinisial "
            "DL (32) menjanjikan keuntungan 30 persen dalam dua pekan kepada para peserta arisan.",
            "\"Pada awalnya pembayaran lancar sehingga peserta terus bertambah. Setelah dana "
            "terkumpul besar, tersangka menghilang,\" kata Yohanis di Waingapu, {hari}.",
            "Tersangka ditangkap di sebuah penginapan di Kota Kupang setelah polisi melacak "
            "penggunaan telepon selulernya.",
            "Polisi masih menelusuri aliran dana untuk mengembalikan sebagian kerugian para "
            "korban.",
        ],
        ago=(1, 4, 0), reporter="Benediktus Jahang", editor="Laode Masrafi",
        tags=["Polres Sumba Timur", "Penipuan"], category="Hukum",
        related=[_link(s4, "amp")], police=True,
    )  # fmt: skip
    A(
        "kupang", "151020", "Polda NTT kerahkan 300 personel amankan Festival Sasando",
        [
            "Kupang (ANTARA) - Kepolisian Daerah Nusa Tenggara Timur mengerahkan 300 personel "
            "untuk mengamankan Festival Sasando yang berlangsung tiga hari di Kota Kupang.",
            "Kabid Humas Polda NTT Kombes Pol. Ariasandy mengatakan personel ditempatkan di lokasi "
            "panggung utama, area parkir dan jalur masuk menuju kawasan festival.",
            "\"Kami perkirakan puluhan ribu pengunjung datang setiap malam, jadi pengaturan arus "
            "kendaraan dan pengamanan pengunjung harus berjalan bersamaan,\" kata Ariasandy di "
            "Kupang, {hari}.",
            "Ia menambahkan Ditlantas Polda NTT menyiapkan kantong parkir di tiga lokasi dan "
            "mengalihkan arus kendaraan dari Jalan Frans Seda selama acara berlangsung.",
            "Polda NTT juga membuka pos pengaduan kehilangan barang dan anak terpisah dari orang "
            "tua di dekat pintu masuk festival.",
        ],
        ago=(0, 5, 0), reporter="Kornelis Kaha", editor="Agus Setiawan",
        tags=["Polda NTT", "Festival Sasando"], category="Hukum",
        related=[_link(s2, "relative"), _link(s7, query=UTM_RELATED)], police=True,
    )  # fmt: skip

    site.write(root)
    manifest = site.manifest()
    _common_truth(manifest)
    since = (now - timedelta(days=7)).astimezone(PORTALS["www"].zone).date()
    manifest["since"] = since.isoformat()
    manifest["reachable"] = expected_crawl(manifest, since=since)["items"]
    return manifest


# --------------------------------------------------------------------------- command line


def _clean(out: Path) -> None:
    """Remove what an earlier build wrote into ``out`` (host directories, manifest)."""
    for child in out.glob("*.antaranews.com"):
        if child.is_dir():
            shutil.rmtree(child)
    manifest = out / "manifest.json"
    if manifest.exists():
        manifest.unlink()


SAMPLE_README = """\
# data/sample: a small offline ANTARA mirror

Generated by `python -m tests.sites data/sample` (tests/sites.py) with the fixed clock
{now}; do not edit by hand. The pages are invented test data in ANTARA's page designs,
laid out like `wget --mirror --adjust-extension`: `{{host}}/berita/{{id}}/{{slug}}.html`,
`{{host}}/amp/berita/...`, `{{host}}/rss/terkini.xml`, `{{host}}/terkini.html`,
`{{host}}/terkini/{{n}}.html`, `{{host}}/robots.txt`. `manifest.json` describes what the
pages contain (articles, police labels, links, feeds, listings).

Crawl it offline: `scrapy crawl antara -s ANTARA_MIRROR=data/sample -a since={since}`, or
serve it with `python -m tests.mirror_server data/sample` and point `ANTARA_MIRROR` at the
printed URL.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.sites",
        description="Write a fake ANTARA mirror: the sample (default) or the end-to-end site.",
    )
    parser.add_argument("out", type=Path, help="output directory, e.g. data/sample")
    parser.add_argument("--test", action="store_true", help="build the end-to-end test site")
    parser.add_argument(
        "--now", default=None,
        help="clock, ISO 8601 with offset (default: fixed for the sample, now for --test)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.now:
        now = datetime.fromisoformat(args.now)
        if now.tzinfo is None:
            parser.error("--now needs an offset, e.g. 2026-11-20T12:00:00+07:00")
    else:
        now = datetime.now(timezone.utc).astimezone() if args.test else SAMPLE_NOW
    args.out.mkdir(parents=True, exist_ok=True)
    _clean(args.out)
    if args.test:
        manifest = build_test_site(args.out, now)
    else:
        manifest = build_sample_site(args.out, now)
        (args.out / "README.md").write_text(
            SAMPLE_README.format(now=now.isoformat(), since=manifest["since"]), encoding="utf-8"
        )
    (args.out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(manifest['articles'])} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
