"""antara_crawl.police: the police-news decision, units, officers and matched terms."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from antara_crawl.police import DEFAULT_MIN_SCORE, Officer, PoliceReport, analyse
from antara_crawl.police import patterns as pt

ROOT = Path(__file__).resolve().parents[1]
SEED = json.loads((ROOT / "tests/fixtures/articles/current_kupang_seed.json").read_text("utf-8"))
POLICE_SCHEMA = json.loads((ROOT / "antara_crawl/item.schema.json").read_text("utf-8"))[
    "properties"
]["police"]


def units(body: str, title: str = "Berita daerah") -> list[str]:
    return analyse(title, body).units


def officers(body: str, title: str = "Berita daerah") -> list[Officer]:
    return analyse(title, body).officers


# --------------------------------------------------------------------------- the seed story


def test_seed_story_is_police_news_with_its_units_and_spokesman() -> None:
    report = analyse(SEED["expect"]["title"], SEED["expect"]["body"])
    assert report.is_police
    assert report.units == ["Polda NTT", "Polres Timor Tengah Selatan", "Bhabinkamtibmas"]
    assert report.officers == [Officer("Kombes Pol", "Ariasandy", "Kabid Humas Polda NTT")]
    assert report.terms == ["Polda", "Kabid Humas", "Kombes Pol", "Kapolres", "Bhabinkamtibmas"]


def test_seed_story_as_printed_twice_with_baca_juga_lines() -> None:
    body = SEED["expect"]["body"]
    extra = (
        "Baca juga: Polisi imbau tak ada konvoi setelah penetapan hasil Pemilu 2024\n\n"
        "Baca Juga: KPU: Tak ada niat mundurkan penetapan hasil Pemilu 2024\n\n"
        "Lihat juga: Kapolresta Kupang Kota AKBP Budi Santoso siaga menjelang penetapan"
    )
    alone = analyse(SEED["expect"]["title"], body)
    report = analyse(SEED["expect"]["title"], f"{body}\n\n{extra}\n\n{body}")
    assert (
        report.units
        == alone.units
        == ["Polda NTT", "Polres Timor Tengah Selatan", "Bhabinkamtibmas"]
    )
    assert report.officers == [Officer("Kombes Pol", "Ariasandy", "Kabid Humas Polda NTT")]
    assert report.terms == alone.terms
    assert report.provinces == ["Nusa Tenggara Timur"]


def test_as_field_is_the_items_police_field() -> None:
    report = analyse(SEED["expect"]["title"], SEED["expect"]["body"])
    field = report.as_field()
    jsonschema.validate(field, POLICE_SCHEMA)
    assert list(field) == ["units", "officers", "terms", "score", "reasons", "provinces"]
    assert field["officers"] == [
        {"rank": "Kombes Pol", "name": "Ariasandy", "position": "Kabid Humas Polda NTT"}
    ]
    assert field["score"] == report.score >= DEFAULT_MIN_SCORE
    assert field["reasons"][0] == "+0.50 title: police actor Polda NTT"
    field["units"].append("changed")  # the field is a copy
    field["reasons"].append("changed")
    assert "changed" not in report.units + report.reasons


def test_the_decision_at_another_threshold() -> None:
    report = analyse("Warga tolak tambang", "Warga berunjuk rasa. Polri mengerahkan personel.")
    assert report.is_police is report.is_police_at(DEFAULT_MIN_SCORE) is True
    assert 0.5 <= report.score < 0.9
    assert not report.is_police_at(0.9)
    assert report.is_police_at(0.0)


def test_every_reason_states_its_contribution_and_they_add_up() -> None:
    report = analyse(
        "BNN musnahkan 10 kilogram sabu",
        "Kepala BNNP NTT Brigjen Pol Budi Santoso memusnahkan sabu itu di Kupang.\n\n"
        "Polres Kupang turut hadir. BNNP NTT menyebut sabu itu dari Malaysia.",
    )
    values = [float(r.split()[0]) for r in report.reasons]
    assert all(r.split()[0][0] in "+-" for r in report.reasons)
    assert report.score == round(min(1.0, max(0.0, sum(values))), 2)
    assert any("other body" in r and "BNN" in r for r in report.reasons)


def test_report_and_officer_are_frozen() -> None:
    report = analyse("", "")
    assert report == PoliceReport(False, [], [], [], 0.0, [], [])
    with pytest.raises(AttributeError):
        report.is_police = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Officer("AKP", "Budi", None).name = "Andi"  # type: ignore[misc]


# --------------------------------------------------------------------------- traps alone

TRAPS = {
    "satpol_pp": (
        "Satpol PP Kota Kupang tertibkan pedagang kaki lima",
        "Kupang (ANTARA) - Satuan Polisi Pamong Praja (Satpol PP) Kota Kupang menertibkan "
        "puluhan pedagang kaki lima di Jalan El Tari.\n\nKepala Satpol PP Kota Kupang Adrianus "
        "Bota mengatakan polisi pamong praja akan berjaga setiap hari. Pol PP juga menyita "
        "gerobak pedagang.",
    ),
    "polisi_militer": (
        "Polisi Militer tangkap oknum prajurit pelaku penganiayaan",
        "Polisi Militer Kodam IX/Udayana (Pomdam IX/Udayana) menangkap seorang prajurit. "
        "Danpomdam Kolonel Cpm Budi Santoso mengatakan POM TNI akan memproses kasus itu sesuai "
        "hukum militer.\n\nPuspom TNI juga memantau penanganan perkara tersebut.",
    ),
    "polisi_hutan": (
        "Polisi hutan temukan jerat satwa di Kelimutu",
        "Sebanyak 20 polisi hutan (Polhut) Balai Taman Nasional Kelimutu berpatroli. Polisi "
        "hutan menemukan 15 jerat babi hutan di kawasan konservasi itu.",
    ),
    "polisi_tidur": (
        "Warga Oebobo minta pemkot tambah polisi tidur",
        'Warga meminta Dinas PUPR menambah polisi tidur di jalan perumahan. "Kami butuh polisi '
        'tidur di tiga titik," kata Ketua RT Yosef Ndun. Pemasangan polisi tidur harus sesuai '
        "standar.",
    ),
    "dandim_kodim": (
        "Dandim 1627/Rote Ndao resmikan jembatan gantung",
        "Komandan Kodim (Dandim) 1627/Rote Ndao Letkol Inf Andi Wijaya meresmikan jembatan yang "
        "dibangun prajurit Kodim bersama warga. Danrem 161/Wira Sakti Brigjen TNI Joao Xavier "
        "Barreto dan Kolonel Inf Yudi Hartono turut hadir.\n\nPangdam IX/Udayana Mayjen TNI "
        "Ida Bagus Purwalaksana memberikan apresiasi.",
    ),
    "brigjen_tni": (
        "Brigjen TNI Hendra lantik pejabat Korem",
        "Brigjen TNI Hendra Saputra melantik tiga pejabat di Makorem. Brigadir Jenderal TNI "
        "(Purn.) Agus Salim dan Jenderal TNI Andika hadir di Lanud El Tari dan Lantamal VII.",
    ),
    "kpk": (
        "KPK tahan bupati tersangka korupsi",
        "Komisi Pemberantasan Korupsi (KPK) menahan seorang bupati. Juru bicara KPK Ali Fikri "
        "mengatakan penyidik KPK telah memeriksa 20 saksi.",
    ),
    "kejaksaan": (
        "Kejaksaan Tinggi NTT tahan tersangka korupsi dana desa",
        "Kejaksaan Tinggi NTT menahan dua tersangka. Kepala Seksi Penerangan Hukum Kejati NTT "
        "A.A. Raka Putra Dharmana mengatakan Kepala Kejaksaan Negeri Kupang memimpin penyidikan.",
    ),
    "bea_cukai": (
        "Bea Cukai Kupang gagalkan penyelundupan rokok ilegal",
        "Bea Cukai Kupang menggagalkan penyelundupan 100 ribu batang rokok. Kepala Bidang Humas "
        "Kanwil Bea Cukai Nusa Tenggara Budi Prasetyo mengatakan barang bukti disita.",
    ),
    "basarnas": (
        "Basarnas cari nelayan hilang di perairan Sabu",
        "Tim SAR gabungan dari Basarnas Kupang, TNI, Polri dan BPBD mencari nelayan yang hilang "
        "di perairan Sabu Raijua.\n\nKepala Basarnas Kupang Putu Sudayana mengatakan pencarian "
        "dilanjutkan besok.",
    ),
    "sports_story": (
        "Timnas U-19 menang 2-0 atas Malaysia",
        "Timnas U-19 Indonesia menang 2-0 atas Malaysia di Stadion Gelora Bung Tomo. Suporter "
        "sempat dikawal polisi usai laga.\n\nPelatih memuji kerja keras para pemain.",
    ),
    "foreign_police": (
        "Sepuluh pekerja migran asal NTT ditangkap di Sabah",
        "Polisi Malaysia menangkap sepuluh pekerja migran asal NTT. Polis Diraja Malaysia "
        "(PDRM) menyebut kepolisian Malaysia akan mendeportasi mereka.",
    ),
    "ministry_inspector": (
        "Inspektorat Kemenkeu periksa laporan keuangan",
        "Irjen Kementerian Keuangan Awan Nurmawan Nuh mengatakan pemeriksaan rampung pekan "
        "depan. Inspektur Jenderal Kemendagri juga hadir.",
    ),
    "rs_bhayangkara": (
        "Pasien membludak di RS Bhayangkara Kupang",
        "Rumah Sakit Bhayangkara Kupang menambah tempat tidur. RS Bhayangkara juga membuka "
        "poli baru.",
    ),
    "generic_kabid_humas": (
        "Pemprov NTT siapkan bantuan banjir",
        "Kepala Bidang Humas Pemprov NTT Marius Jelamu mengatakan bantuan dikirim hari ini. "
        "Satuan Lalu Lintas Dinas Perhubungan mengatur arus kendaraan.",
    ),
}


@pytest.mark.parametrize("kind", sorted(TRAPS))
def test_a_trap_alone_is_not_police_news(kind: str) -> None:
    title, body = TRAPS[kind]
    report = analyse(title, body)
    assert not report.is_police
    assert report.officers == []
    assert set(report.units) <= {"Polri"}  # only the Basarnas story names Polri, jointly


def test_a_joint_tni_polri_mention_is_named_but_weak() -> None:
    report = analyse(*TRAPS["basarnas"])
    assert report.units == ["Polri"]
    assert report.terms == ["Polri"]
    assert not report.is_police


# --------------------------------------------------------------------------- mixed stories


@pytest.mark.parametrize(
    ("title", "body", "expected_units", "expected_officers", "is_police"),
    [
        (
            "Polres Kupang dan Satpol PP razia minuman keras",
            "Polres Kupang bersama Satpol PP Kabupaten Kupang menggelar razia minuman keras.",
            ["Polres Kupang"],
            [],
            True,
        ),
        (
            "Jembatan gantung di Rote Ndao diresmikan",
            "Dandim 1627/Rote Ndao Letkol Inf Andi Wijaya dan Kapolres Rote Ndao AKBP Mardiono "
            "meninjau jembatan itu.",
            ["Polres Rote Ndao"],
            [Officer("AKBP", "Mardiono", "Kapolres Rote Ndao")],
            False,
        ),
        (
            "Danrem dan Kapolda tinjau pos pengamanan Natal",
            "Danrem 161/Wira Sakti Brigjen TNI Joao Xavier Barreto dan Kapolda NTT Irjen Pol. "
            "Daniel Tahi Monang Silitonga meninjau pos pengamanan.",
            ["Polda NTT"],
            [Officer("Irjen Pol", "Daniel Tahi Monang Silitonga", "Kapolda NTT")],
            False,
        ),
        (
            "Bareskrim dan KPK ungkap korupsi proyek jalan",
            "Bareskrim Polri bersama KPK menggeledah kantor dinas. Penyidik Bareskrim menyita "
            "dokumen.",
            ["Bareskrim Polri"],
            [],
            True,
        ),
        (
            "Nelayan hilang ditemukan selamat",
            "Basarnas Kupang bersama Ditpolairud Polda NTT menemukan nelayan itu selamat.",
            ["Ditpolairud Polda NTT", "Polda NTT"],
            [],
            False,
        ),
        (
            "Propam periksa oknum polisi yang terlibat keributan",
            "Propam Polda NTT dan Polisi Militer memeriksa oknum prajurit dan anggota Polri "
            "yang terlibat keributan di Kupang.\n\nPropam Polda NTT menahan dua anggota itu.",
            ["Propam Polda NTT", "Polda NTT", "Polri"],
            [],
            True,
        ),
    ],
)
def test_a_trap_next_to_a_police_unit(
    title: str,
    body: str,
    expected_units: list[str],
    expected_officers: list[Officer],
    is_police: bool,
) -> None:
    """The unit and officers are always listed; the decision follows who leads the story."""
    report = analyse(title, body)
    assert report.units == expected_units
    assert report.officers == expected_officers
    assert report.is_police is is_police


# --------------------------------------------------------------------------- the decision rule


@pytest.mark.parametrize(
    ("title", "body", "is_police"),
    [
        ("Polres Sikka gelar apel kesiapan", "Apel digelar di lapangan kantor bupati.", True),
        ("Kapolda NTT minta warga tenang", "Warga diminta tidak terprovokasi.", True),
        ("AKBP Budi pimpin upacara", "Upacara berlangsung khidmat.", True),
        ("Polisi tangkap pencuri sapi", "Seorang pria ditangkap saat menjual sapi curian.", True),
        ("polisi tangkap pencuri sapi di kupang", "Seorang pria ditangkap di Kupang.", True),
        ("POLRES SIKKA GELAR APEL", "Apel digelar di lapangan kantor bupati.", True),
        ("Polri kirim bantuan ke Sabu", "Bantuan beras tiba di Sabu Raijua.", True),
        ("Sinergi TNI-Polri jaga TPS", "Personel gabungan berjaga di setiap TPS.", False),
        ("Warga lapor ke polisi soal sapi hilang", "Warga Oebobo kehilangan dua sapi.", False),
        ("Warga tolak tambang", "Warga berunjuk rasa. Polri mengerahkan personel.", True),
        ("Warga tolak tambang", "Seorang bhabinkamtibmas menemui warga di Kupang.", True),
        ("Warga tolak tambang", "Personel Satreskrim memeriksa saksi di Kupang.", True),
        ("Warga tolak tambang", "Kabid Humas Kombes Pol Budi Santoso mengatakan.", True),
        ("Warga tolak tambang", "Warga berunjuk rasa di depan kantor bupati.", False),
        ("Warga tolak tambang", "Warga berunjuk rasa. Polisi berjaga di lokasi.", False),
        ("Warga tolak tambang", "Warga berunjuk rasa. TNI-Polri berjaga di lokasi.", False),
        ("Warga tolak tambang", "Aparat TNI dan Polri berjaga di lokasi.", False),
        ("Warga tolak tambang", "Bupati meminta polisi mengusut kasus itu.", False),
        ("Warga tolak tambang", "Kabid Humas Dinas Pertambangan Budi Santoso mengatakan.", False),
        ("", "", False),
    ],
)
def test_decision_rule(title: str, body: str, is_police: bool) -> None:
    assert analyse(title, body).is_police is is_police


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Brigjen Ahmad Ramadhan mengatakan Polri menyiapkan 5.000 personel.",
            [Officer("Brigjen Pol", "Ahmad Ramadhan", None)],
        ),
        (
            "Brigjen Ahmad Ramadhan, Karopenmas Divhumas Polri, mengatakan.",
            [Officer("Brigjen Pol", "Ahmad Ramadhan", "Karopenmas Divhumas Polri")],
        ),
        ("Brigjen Budi Santoso hadir bersama prajurit TNI di Makorem.", []),
        ("Brigjen Budi Santoso meresmikan gedung sekolah itu.", []),
        ("Polres Kupang hadir. Brigjen Budi Santoso dari Kodam bersama TNI juga hadir.", []),
        ("Jalan Jenderal Sudirman ditutup untuk karnaval.", []),
        ("Polres Metro Jakarta Pusat menutup Jalan Jenderal Sudirman.", []),
        (
            "Kapolri Jenderal Listyo Sigit Prabowo mengatakan.",
            [Officer("Jenderal Pol", "Listyo Sigit Prabowo", "Kapolri")],
        ),
        ("Brigadir J tewas di rumah dinas.", [Officer("Brigpol", "J", None)]),
        ("Ia naik pangkat menjadi Brigadir.", []),
    ],
)
def test_ambiguous_ranks_need_police_context(body: str, expected: list[Officer]) -> None:
    assert officers(body) == expected


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Kepolisian Daerah Nusa Tenggara Timur", ["Polda NTT"]),
        ("Polda Nusa Tenggara Timur", ["Polda NTT"]),
        ("Mapolda NTT", ["Polda NTT"]),
        ("Mapolda Nusa Tenggara Timur", ["Polda NTT"]),
        ("Polda Nusa Tenggara Barat", ["Polda NTB"]),
        ("Polda Bali", ["Polda Bali"]),
        ("Polda Metro Jaya", ["Polda Metro Jaya"]),
        ("Polda Sumatera Utara", ["Polda Sumut"]),
        ("Polda Jawa Timur", ["Polda Jatim"]),
        ("Polda Kepulauan Riau", ["Polda Kepri"]),
        ("Polda Riau", ["Polda Riau"]),
        ("Polda D.I. Yogyakarta", ["Polda DIY"]),
        ("Polda Kep. Babel", ["Polda Babel"]),
        ("Polda Papua", ["Polda Papua"]),
        ("Polda Papua Barat", ["Polda Papua Barat"]),
        ("Polda Banten", ["Polda Banten"]),
        ("POLDA NTT", ["Polda NTT"]),
        ("Polres TTS", ["Polres Timor Tengah Selatan"]),
        ("Polres TTU", ["Polres Timor Tengah Utara"]),
        ("Polres Mabar", ["Polres Manggarai Barat"]),
        ("Polres Manggarai Barat", ["Polres Manggarai Barat"]),
        ("Kepolisian Resor Timor Tengah Selatan", ["Polres Timor Tengah Selatan"]),
        ("Mapolres Sikka", ["Polres Sikka"]),
        ("POLRES SIKKA", ["Polres Sikka"]),
        ("Polres Kabupaten Kupang", ["Polres Kupang"]),
        ("Polres Rote Ndao", ["Polres Rote Ndao"]),
        ("Polres Pangkep", ["Polres Pangkajene dan Kepulauan"]),
        ("Polres OKU Timur", ["Polres Ogan Komering Ulu Timur"]),
        ("Polres Tojo Una-Una", ["Polres Tojo Una-Una"]),
        ("Polresta Kupang Kota", ["Polresta Kupang Kota"]),
        ("Kepolisian Resor Kota Kupang", ["Polresta Kupang Kota"]),
        ("Polres Kupang Kota", ["Polresta Kupang Kota"]),
        ("Polres Kota Kupang", ["Polresta Kupang Kota"]),
        ("Polresta Mataram", ["Polresta Mataram"]),
        ("Polrestabes Medan", ["Polrestabes Medan"]),
        ("Kepolisian Resor Kota Besar Surabaya", ["Polrestabes Surabaya"]),
        ("Polres Metro Jakarta Selatan", ["Polres Metro Jakarta Selatan"]),
        ("Polres Jakarta Selatan", ["Polres Metro Jakarta Selatan"]),
        ("Polres Metro Jaksel", ["Polres Metro Jakarta Selatan"]),
        ("Kepolisian Resor Metro Jakarta Barat", ["Polres Metro Jakarta Barat"]),
        ("Kepolisian Sektor Kelapa Lima", ["Polsek Kelapa Lima"]),
        ("Mapolsek Oebobo", ["Polsek Oebobo"]),
        ("Polsek Kota Raja", ["Polsek Kota Raja"]),
        ("Polri", ["Polri"]),
        ("Kepolisian Negara Republik Indonesia (Polri)", ["Polri"]),
        ("Mabes Polri", ["Mabes Polri"]),
        ("Markas Besar Polri", ["Mabes Polri"]),
        ("Bareskrim Polri", ["Bareskrim Polri"]),
        ("Bareskrim", ["Bareskrim Polri"]),
        ("Badan Reserse Kriminal (Bareskrim) Polri", ["Bareskrim Polri"]),
        ("Divhumas Polri", ["Divhumas Polri"]),
        ("Korlantas Polri", ["Korlantas Polri"]),
        ("Densus 88 Antiteror Polri", ["Densus 88"]),
        ("Brimob", ["Brimob"]),
        ("Satbrimob Polda NTT", ["Brimob Polda NTT", "Polda NTT"]),
        ("Mako Brimob Polda NTT", ["Brimob Polda NTT", "Polda NTT"]),
        ("Propam Polri", ["Propam"]),
        ("Bidpropam Polda Bali", ["Propam Polda Bali", "Polda Bali"]),
        ("Ditreskrimsus Polda Banten", ["Ditreskrimsus Polda Banten", "Polda Banten"]),
        (
            "Direktorat Reserse Kriminal Umum (Ditreskrimum) Polda Bali",
            ["Ditreskrimum Polda Bali", "Polda Bali"],
        ),
        ("Ditpolairud Polda NTT", ["Ditpolairud Polda NTT", "Polda NTT"]),
        ("Ditlantas", ["Ditlantas"]),
        ("Satreskrim Polres Ende", ["Satreskrim Polres Ende", "Polres Ende"]),
        ("Sat Reskrim Polres Ende", ["Satreskrim Polres Ende", "Polres Ende"]),
        ("Satuan Lalu Lintas (Satlantas) Polres Belu", ["Satlantas Polres Belu", "Polres Belu"]),
        (
            "Satresnarkoba Polresta Kupang Kota",
            ["Satresnarkoba Polresta Kupang Kota", "Polresta Kupang Kota"],
        ),
        ("bhabinkamtibmas", ["Bhabinkamtibmas"]),
    ],
)
def test_unit_normalisation(written: str, expected: list[str]) -> None:
    assert units(f"Personel {written} berjaga di lokasi itu.") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Polres Sikka yang berada di Maumere",
        "Polres Sikka, NTT, mengerahkan personel",
        "Polres Sikka NTT mengerahkan personel",
        "Polres Sikka. Kemudian personel tiba",
        "Polres Sikka Selasa (19/3) mengerahkan personel",
        "Polres Sikka dan Polsek Alok",
        "Polres Sikka di Maumere",
        "(Polres Sikka)",
    ],
)
def test_a_unit_name_ends_where_the_place_ends(sentence: str) -> None:
    assert units(sentence)[0] == "Polres Sikka"


def test_polsek_stops_before_the_city_it_lies_in() -> None:
    assert units("Personel Polsek Maulafa Kota Kupang berjaga.") == ["Polsek Maulafa"]


def test_units_are_unique_in_first_mention_order() -> None:
    body = (
        "Polda NTT menyiagakan personel. Kapolres TTS AKBP I Gusti Putu Suka Arsa hadir di "
        "Mapolda Nusa Tenggara Timur.\n\nKepolisian Daerah NTT juga meminta Polres Timor Tengah "
        "Selatan dan Polresta Kupang Kota bersiaga. Polda NTT terus memantau."
    )
    assert units(body) == ["Polda NTT", "Polres Timor Tengah Selatan", "Polresta Kupang Kota"]


def test_a_headline_unit_cut_short_gives_way_to_the_bodys() -> None:
    report = analyse("polsek medan area tangkap pencuri", "Polsek Medan Area menangkap pencuri.")
    assert report.units == ["Polsek Medan Area"]
    both = analyse("Polres Sorong tangkap pencuri", "Polres Sorong Selatan juga menangkap.")
    assert both.units == ["Polres Sorong", "Polres Sorong Selatan"]


def test_title_units_come_first() -> None:
    report = analyse("Polres Ende tangkap pencuri", "Kapolda NTT memberikan apresiasi.")
    assert report.units == ["Polres Ende", "Polda NTT"]


def test_a_unit_written_as_part_of_a_post_is_counted_once() -> None:
    report = analyse("x", "Kadiv Humas Polri Irjen Pol Sandi Nugroho mengatakan.")
    assert report.units == ["Divhumas Polri"]


# --------------------------------------------------------------------------- officers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "kata Kabid Humas Polda NTT Kombes Pol. Ariasandy di Kupang.",
            Officer("Kombes Pol", "Ariasandy", "Kabid Humas Polda NTT"),
        ),
        (
            "Kepala Bidang Humas Polda Bali Komisaris Besar Polisi Jansen Avitus Panjaitan "
            "mengatakan.",
            Officer("Kombes Pol", "Jansen Avitus Panjaitan", "Kabid Humas Polda Bali"),
        ),
        (
            "Kapolres TTS AKBP I Gusti Putu Suka Arsa mengatakan.",
            Officer("AKBP", "I Gusti Putu Suka Arsa", "Kapolres Timor Tengah Selatan"),
        ),
        (
            "kata Kasat Reskrim Polresta Kupang Kota AKP Yeni Setiono di Kupang.",
            Officer("AKP", "Yeni Setiono", "Kasat Reskrim Polresta Kupang Kota"),
        ),
        (
            "Kapolda NTT Irjen Pol. Daniel Tahi Monang Silitonga meminta warga tenang.",
            Officer("Irjen Pol", "Daniel Tahi Monang Silitonga", "Kapolda NTT"),
        ),
        ("kata AKP Budi Santoso.", Officer("AKP", "Budi Santoso", None)),
        (
            "Kepala Kepolisian Resor Sikka Ajun Komisaris Besar Polisi Hardi Dhyana, S.I.K., "
            "M.H. mengatakan.",
            Officer("AKBP", "Hardi Dhyana", "Kapolres Sikka"),
        ),
        (
            "kata Kapolres Ende AKBP Andre Librian S.I.K. M.H. di Ende.",
            Officer("AKBP", "Andre Librian", "Kapolres Ende"),
        ),
        (
            "kata Kasat Lantas Polres Belu AKP Dr. Yoseph Nahak.",
            Officer("AKP", "Yoseph Nahak", "Kasat Lantas Polres Belu"),
        ),
        (
            "Kapolsek Oebobo Iptu Ni Made Ayu Lestari mengatakan.",
            Officer("Iptu", "Ni Made Ayu Lestari", "Kapolsek Oebobo"),
        ),
        (
            "Kepala Kepolisian Resor Kota Kupang Kombespol Aldinan Manurung mengatakan.",
            Officer("Kombes Pol", "Aldinan Manurung", "Kapolresta Kupang Kota"),
        ),
        (
            "kata Kapolres Kupang Kota AKBP Aldinan Manurung.",
            Officer("AKBP", "Aldinan Manurung", "Kapolresta Kupang Kota"),
        ),
        (
            "Kapolres Metro Jakarta Selatan Kombes Pol Ade Rahmat Idnal mengatakan.",
            Officer("Kombes Pol", "Ade Rahmat Idnal", "Kapolres Metro Jakarta Selatan"),
        ),
        (
            "Kapolri Jenderal Polisi Listyo Sigit Prabowo mengatakan.",
            Officer("Jenderal Pol", "Listyo Sigit Prabowo", "Kapolri"),
        ),
        (
            "Kapolri Jenderal Listyo Sigit Prabowo mengatakan.",
            Officer("Jenderal Pol", "Listyo Sigit Prabowo", "Kapolri"),
        ),
        (
            "Wakapolda NTT Brigjen Pol. Awi Setiyono mengatakan.",
            Officer("Brigjen Pol", "Awi Setiyono", "Wakapolda NTT"),
        ),
        (
            "Kepala Kepolisian Daerah Papua Inspektur Jenderal Polisi Mathius D. Fakhiri hadir.",
            Officer("Irjen Pol", "Mathius D. Fakhiri", "Kapolda Papua"),
        ),
        (
            "Kadiv Humas Polri Irjen Pol Sandi Nugroho mengatakan.",
            Officer("Irjen Pol", "Sandi Nugroho", "Kadiv Humas Polri"),
        ),
        (
            "Karopenmas Divhumas Polri Brigjen Trunoyudo Wisnu Andiko mengatakan.",
            Officer("Brigjen Pol", "Trunoyudo Wisnu Andiko", "Karopenmas Divhumas Polri"),
        ),
        (
            "Kabareskrim Polri Komjen Pol Wahyu Widada mengatakan.",
            Officer("Komjen Pol", "Wahyu Widada", "Kabareskrim Polri"),
        ),
        (
            "Direktur Tindak Pidana Narkoba Bareskrim Polri Brigjen Pol. Mukti Juharsa hadir.",
            Officer("Brigjen Pol", "Mukti Juharsa", "Dirtipidnarkoba Bareskrim Polri"),
        ),
        (
            "Dirreskrimsus Polda Banten Kombes Pol Yudhis Wibisana mengatakan.",
            Officer("Kombes Pol", "Yudhis Wibisana", "Dirreskrimsus Polda Banten"),
        ),
        (
            "Kanit Reskrim Polsek Oebobo Ipda Budi Hartono mengatakan.",
            Officer("Ipda", "Budi Hartono", "Kanit Reskrim Polsek Oebobo"),
        ),
        (
            "Komandan Satbrimob Polda NTT Kombes Pol. Hendrik Rumbiak mengatakan.",
            Officer("Kombes Pol", "Hendrik Rumbiak", "Dansat Brimob Polda NTT"),
        ),
        (
            "kata AKP Yeni Setiono selaku Kasat Reskrim Polresta Kupang Kota.",
            Officer("AKP", "Yeni Setiono", "Kasat Reskrim Polresta Kupang Kota"),
        ),
        (
            "Kombes Pol Ariasandy, Kabid Humas Polda NTT, mengatakan.",
            Officer("Kombes Pol", "Ariasandy", "Kabid Humas Polda NTT"),
        ),
        (
            "ujar Ajun Komisaris Polisi Made Sutrisna.",
            Officer("AKP", "Made Sutrisna", None),
        ),
        ("kata Inspektur Polisi Dua Yohanes Lake.", Officer("Ipda", "Yohanes Lake", None)),
        ("kata Komisaris Polisi Agustinus Tuka.", Officer("Kompol", "Agustinus Tuka", None)),
        ("kata Brigadir Polisi Kepala Anton Lelo.", Officer("Bripka", "Anton Lelo", None)),
        ("kata Aiptu Yosef Kase.", Officer("Aiptu", "Yosef Kase", None)),
        ("kata BRIPDA Maria Seran.", Officer("Bripda", "Maria Seran", None)),
        ("Bharada E menembak Brigadir J.", Officer("Bharada", "E", None)),
        (
            "Kapolda NTT Daniel Tahi Monang Silitonga mengatakan.",
            Officer(None, "Daniel Tahi Monang Silitonga", "Kapolda NTT"),
        ),
        (
            "Mantan Kapolres Sikka AKBP Budi Santoso kini bertugas di Mabes Polri.",
            Officer("AKBP", "Budi Santoso", None),
        ),
    ],
)
def test_officer_from_a_sentence(sentence: str, expected: Officer) -> None:
    assert officers(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Dandim 1604/Kupang Letkol Inf Budi Santoso mengatakan.",
        "Danrem 161/Wira Sakti Brigjen TNI Joao Xavier Barreto mengatakan.",
        "Brigadir Jenderal TNI Hendra Saputra mengatakan.",
        "Pangdam IX/Udayana Mayjen TNI Ida Bagus Purwalaksana mengatakan.",
        "Kolonel Inf Yudi Hartono dan Mayor Czi Andi hadir.",
        "Panglima TNI Jenderal TNI Agus Subiyanto hadir.",
        "Kepala Satpol PP Kota Kupang Adrianus Bota mengatakan.",
        "Kepala Bidang Humas Pemprov NTT Marius Jelamu mengatakan.",
        "Irjen Kementerian Keuangan Awan Nurmawan Nuh mengatakan.",
        "Kabid Humas Polda NTT mengatakan personel siaga.",
        "Para perwira berpangkat AKBP mengikuti seleksi.",
    ],
)
def test_no_officer_is_invented(sentence: str) -> None:
    assert officers(sentence) == []


def test_a_title_case_headline_names_no_rankless_officer() -> None:
    report = analyse("Kapolda NTT Minta Warga Tenang Jelang Natal", "Warga diminta tenang.")
    assert report.is_police
    assert report.officers == []


def test_an_officer_mentioned_twice_appears_once_with_the_fullest_record() -> None:
    body = (
        "Kapolres Sikka AKBP Hardi Dhyana mengatakan personel siaga.\n\n"
        '"Kami siap," kata AKBP Hardi.\n\n'
        "Kapolres Sikka AKBP Hardi Dhyana menambahkan bahwa polisi berpatroli."
    )
    assert officers(body) == [Officer("AKBP", "Hardi Dhyana", "Kapolres Sikka")]


def test_a_rankless_mention_merges_with_the_ranked_one() -> None:
    body = (
        "Kapolri Listyo Sigit Prabowo meninjau pos.\n\n"
        "Kapolri Jenderal Pol. Listyo Sigit Prabowo mengatakan personel siaga."
    )
    assert officers(body) == [Officer("Jenderal Pol", "Listyo Sigit Prabowo", "Kapolri")]


def test_officers_are_in_text_order_with_or_without_rank() -> None:
    body = "Kapolri Listyo Sigit Prabowo hadir bersama Kapolres Ende AKBP Andre Librian."
    assert officers(body) == [
        Officer(None, "Listyo Sigit Prabowo", "Kapolri"),
        Officer("AKBP", "Andre Librian", "Kapolres Ende"),
    ]


def test_several_officers_keep_their_order() -> None:
    body = (
        "Kapolda NTT Irjen Pol Daniel Tahi Monang Silitonga didampingi Wakapolda NTT Brigjen "
        "Pol Awi Setiyono dan Kabid Humas Polda NTT Kombes Pol Ariasandy meninjau Polres TTS."
    )
    assert officers(body) == [
        Officer("Irjen Pol", "Daniel Tahi Monang Silitonga", "Kapolda NTT"),
        Officer("Brigjen Pol", "Awi Setiyono", "Wakapolda NTT"),
        Officer("Kombes Pol", "Ariasandy", "Kabid Humas Polda NTT"),
    ]


# --------------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kepolisian Daerah NTT menyiagakan personel.", ["Polda"]),
        ("Mapolres Sikka dijaga ketat.", ["Polres"]),
        ("Ajun Komisaris Besar Polisi Budi Santoso hadir.", ["AKBP"]),
        ("Komisaris Besar Polisi Budi Santoso hadir.", ["Kombes Pol"]),
        ("Kepala Kepolisian Resor Ende AKBP Andre hadir.", ["Kapolres", "Polres", "AKBP"]),
        ("Aparat kepolisian berjaga. Polisi juga berpatroli.", ["aparat kepolisian", "polisi"]),
        ("Sejumlah polwan membagikan takjil.", ["Polwan"]),
    ],
)
def test_terms_are_normalised_in_order_of_first_match(body: str, expected: list[str]) -> None:
    assert analyse("Kegiatan", body).terms == expected


def test_words_inside_a_rank_or_unit_are_not_counted_again() -> None:
    report = analyse("x", "Kepolisian Daerah NTT dan Ajun Komisaris Besar Polisi Budi hadir.")
    assert "polisi" not in report.terms
    assert "kepolisian" not in report.terms


# --------------------------------------------------------------------------- properties

VOCAB = [
    "Polda",
    "NTT",
    "Polres",
    "TTS",
    "Polresta",
    "Kupang",
    "Kota",
    "Kapolres",
    "AKBP",
    "Kombes",
    "Pol.",
    "Brigjen",
    "TNI",
    "Satpol",
    "PP",
    "polisi",
    "tidur",
    "hutan",
    "Militer",
    "Polri",
    "Kepala",
    "Bidang",
    "Humas",
    "Kepolisian",
    "Daerah",
    "Resor",
    "Nusa",
    "Tenggara",
    "Timur",
    "I",
    "Gusti",
    "Ariasandy",
    "S.I.K.",
    "di",
    "yang",
    "dan",
    "Kasat",
    "Reskrim",
    "(TTS)",
    ",",
    ".",
    "-",
    "Jenderal",
    "Brigadir",
    "Kapolri",
    "mantan",
    "selaku",
    "Basarnas",
    "KPK",
    "Senin",
    "Ditreskrimsus",
    "Sat",
    "Bareskrim",
    "Mabes",
    "\u00a0",
    "İ",
    "Kodim",
    "Letkol",
]
texts = st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(title=texts, body=st.lists(texts, max_size=4).map("\n\n".join))
def test_any_text_gives_a_well_formed_report(title: str, body: str) -> None:
    report = analyse(title, body)
    field = report.as_field()
    jsonschema.validate(field, POLICE_SCHEMA)
    assert len(set(report.units)) == len(report.units)
    assert len(set(report.terms)) == len(report.terms)
    assert len({o.name for o in report.officers}) == len(report.officers)
    for o in report.officers:
        assert o.name == o.name.strip() and "\n" not in o.name
    if report.is_police:
        assert report.terms


TRAP_PARAGRAPHS = [
    "Satuan Polisi Pamong Praja (Satpol PP) menertibkan pedagang.",
    "Polisi Militer dan Pomdam IX/Udayana memeriksa prajurit.",
    "Warga memasang polisi tidur di jalan desa.",
    "Polisi hutan berpatroli bersama Polhut.",
    "Danrem Brigjen TNI Joao Xavier Barreto meresmikan jembatan.",
    "Polisi Malaysia menangkap pekerja migran.",
    "Bhayangkara FC menang 2-0 atas Persib.",
    "Wilayatul Hisbah atau polisi syariat merazia warga.",
    "Mahasiswa Universitas Bhayangkara diwisuda.",
]


@settings(max_examples=200, deadline=None)
@given(title=texts, body=texts, trap=st.sampled_from(TRAP_PARAGRAPHS))
def test_a_trap_paragraph_adds_nothing(title: str, body: str, trap: str) -> None:
    with_trap = analyse(title, f"{body}\n\n{trap}")
    alone = analyse(title, body)
    assert (with_trap.units, with_trap.officers, with_trap.terms, with_trap.provinces) == (
        alone.units,
        alone.officers,
        alone.terms,
        alone.provinces,
    )
    assert with_trap.score <= alone.score


def trap_texts(spelling: str) -> list[str]:
    """Texts starting with a trap spelling as ANTARA may write it, or nearly: in capitals,
    with its first letter's case swapped, other spaces, a longer or a cut-off word after it."""
    swapped = spelling[0].swapcase() + spelling[1:]
    return [
        *(spelling + tail for tail in ("", ", kata", "x", " Nugini", "\nBaru")),
        *(variant + tail for variant in (spelling.upper(), swapped) for tail in ("", "x")),
        spelling.replace(" ", " \t "),
        spelling.replace(" ", "\n", 1),
        spelling.lower().replace(" ", ""),
    ]


def test_trap_matching_by_the_next_word_is_matching_every_spelling_of_the_key() -> None:
    """Only the spellings the next word allows are compiled: the same matches as all of them."""
    stories = json.loads((Path(__file__).parent / "stories" / "end_to_end.json").read_text())
    prose = ["\n".join(a["paragraphs"]) for a in stories["articles"]] + TRAP_PARAGRAPHS
    checked = 0
    for key, spellings in pt.TRAPS_BY_KEY.items():
        whole = re.compile(pt.alternation(spellings) + pt.END)
        texts = [t for s in spellings for t in trap_texts(s)]
        starts = [(t, 0) for t in texts] + [
            (text, m.start())
            for text in prose
            for m in re.finditer(rf"\b{re.escape(key)}\b", text, re.IGNORECASE)
        ]
        for text, pos in starts:
            expected = whole.match(text, pos)
            found = pt.trap_match(text, pos, key)
            assert (found and found.span()) == (expected and expected.span()), (key, text[pos:])
            checked += expected is not None
    assert checked > 2000  # most texts start with a trap
