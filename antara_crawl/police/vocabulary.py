"""The police vocabulary, stated once, as plain data.

Every matcher in this package is derived from these tables (see :mod:`.patterns`); nothing
here is a regex. Spellings are written as they appear in news text:

- a one-word spelling ("Polres", "AKBP", "Kapolres") matches in any case;
- a spelling of several words ("Kepolisian Resor", "Ajun Komisaris Besar Polisi") matches as
  written or in capitals, with any run of spaces between its words;
- titles are matched after the vocabulary's words in them get their capitals back, so a
  headline built from a URL slug ("polres kupang tangkap pencuri") reads like the body.

To extend the vocabulary, add one spelling to the right tuple; ``tests/test_police_vocabulary.py``
proves that every spelling is found when written in a sentence.
"""

from __future__ import annotations

# ------------------------------------------------------------------------------ provinces

# Full province name (as antara_crawl.portals writes it) -> (the short name ANTARA uses after
# "Polda", then every other spelling seen after "Polda"/"Kepolisian Daerah").
PROVINCES: dict[str, tuple[str, ...]] = {
    "Aceh": ("Aceh", "Nanggroe Aceh Darussalam", "NAD"),
    "Sumatera Utara": ("Sumut", "Sumatera Utara", "Sumatra Utara"),
    "Sumatera Barat": ("Sumbar", "Sumatera Barat", "Sumatra Barat"),
    "Riau": ("Riau",),
    "Kepulauan Riau": ("Kepri", "Kepulauan Riau", "Kep. Riau"),
    "Jambi": ("Jambi",),
    "Sumatera Selatan": ("Sumsel", "Sumatera Selatan", "Sumatra Selatan"),
    "Kepulauan Bangka Belitung": (
        "Babel",
        "Kepulauan Bangka Belitung",
        "Kep. Bangka Belitung",
        "Bangka Belitung",
        "Kepulauan Babel",
        "Kep. Babel",
    ),
    "Bengkulu": ("Bengkulu",),
    "Lampung": ("Lampung",),
    "Banten": ("Banten",),
    "DKI Jakarta": (
        "Metro Jaya",
        "Metropolitan Jakarta Raya",
        "DKI Jakarta",
        "DKI",
        "Jakarta",
        "Metro",
    ),
    "Jawa Barat": ("Jabar", "Jawa Barat"),
    "Jawa Tengah": ("Jateng", "Jawa Tengah"),
    "DI Yogyakarta": (
        "DIY",
        "Daerah Istimewa Yogyakarta",
        "DI Yogyakarta",
        "D.I. Yogyakarta",
        "Yogyakarta",
        "Jogja",
    ),
    "Jawa Timur": ("Jatim", "Jawa Timur"),
    "Kalimantan Barat": ("Kalbar", "Kalimantan Barat"),
    "Kalimantan Tengah": ("Kalteng", "Kalimantan Tengah"),
    "Kalimantan Selatan": ("Kalsel", "Kalimantan Selatan"),
    "Kalimantan Timur": ("Kaltim", "Kalimantan Timur"),
    "Kalimantan Utara": ("Kaltara", "Kalimantan Utara"),
    "Bali": ("Bali",),
    "Nusa Tenggara Barat": ("NTB", "Nusa Tenggara Barat"),
    "Nusa Tenggara Timur": ("NTT", "Nusa Tenggara Timur"),
    "Sulawesi Utara": ("Sulut", "Sulawesi Utara"),
    "Gorontalo": ("Gorontalo",),
    "Sulawesi Tengah": ("Sulteng", "Sulawesi Tengah"),
    "Sulawesi Tenggara": ("Sultra", "Sulawesi Tenggara"),
    "Sulawesi Selatan": ("Sulsel", "Sulawesi Selatan"),
    "Sulawesi Barat": ("Sulbar", "Sulawesi Barat"),
    "Maluku": ("Maluku",),
    "Maluku Utara": ("Malut", "Maluku Utara"),
    "Papua": ("Papua",),
    "Papua Barat": ("Papua Barat", "Pabar"),
    "Papua Barat Daya": ("Papua Barat Daya",),
    "Papua Tengah": ("Papua Tengah",),
    "Papua Selatan": ("Papua Selatan",),
    "Papua Pegunungan": ("Papua Pegunungan",),
}

# Abbreviated places after Polres/Polresta/Polsek -> the place's full name.
PLACE_ABBREVIATIONS: dict[str, str] = {
    "TTS": "Timor Tengah Selatan",
    "TTU": "Timor Tengah Utara",
    "Mabar": "Manggarai Barat",
    "Matim": "Manggarai Timur",
    "SBD": "Sumba Barat Daya",
    "Flotim": "Flores Timur",
    "Rote": "Rote Ndao",
    "Sabu": "Sabu Raijua",
    "Lobar": "Lombok Barat",
    "Loteng": "Lombok Tengah",
    "Lotim": "Lombok Timur",
    "KLU": "Lombok Utara",
    "KSB": "Sumbawa Barat",
    "Jakpus": "Jakarta Pusat",
    "Jaksel": "Jakarta Selatan",
    "Jaktim": "Jakarta Timur",
    "Jakbar": "Jakarta Barat",
    "Jakut": "Jakarta Utara",
    "Kukar": "Kutai Kartanegara",
    "Kutim": "Kutai Timur",
    "Kubar": "Kutai Barat",
    "PPU": "Penajam Paser Utara",
    "HST": "Hulu Sungai Tengah",
    "HSS": "Hulu Sungai Selatan",
    "HSU": "Hulu Sungai Utara",
    "Kobar": "Kotawaringin Barat",
    "Kotim": "Kotawaringin Timur",
    "OKI": "Ogan Komering Ilir",
    "OKU": "Ogan Komering Ulu",
    "OKU Timur": "Ogan Komering Ulu Timur",
    "OKU Selatan": "Ogan Komering Ulu Selatan",
    "Muba": "Musi Banyuasin",
    "Mura": "Musi Rawas",
    "Madina": "Mandailing Natal",
    "Sergai": "Serdang Bedagai",
    "Tapteng": "Tapanuli Tengah",
    "Taput": "Tapanuli Utara",
    "Tapsel": "Tapanuli Selatan",
    "Inhu": "Indragiri Hulu",
    "Inhil": "Indragiri Hilir",
    "Kuansing": "Kuantan Singingi",
    "Rohul": "Rokan Hulu",
    "Rohil": "Rokan Hilir",
    "Pessel": "Pesisir Selatan",
    "Abdya": "Aceh Barat Daya",
    "Agara": "Aceh Tenggara",
    "Lamsel": "Lampung Selatan",
    "Lamteng": "Lampung Tengah",
    "Lamtim": "Lampung Timur",
    "Lampura": "Lampung Utara",
    "Tanjabbar": "Tanjung Jabung Barat",
    "Tanjabtim": "Tanjung Jabung Timur",
    "Bolmong": "Bolaang Mongondow",
    "Minut": "Minahasa Utara",
    "Minsel": "Minahasa Selatan",
    "Mitra": "Minahasa Tenggara",
    "Sidrap": "Sidenreng Rappang",
    "Pangkep": "Pangkajene dan Kepulauan",
    "Bonebol": "Bone Bolango",
    "Gorut": "Gorontalo Utara",
    "Parimo": "Parigi Moutong",
    "Touna": "Tojo Una-Una",
    "Konsel": "Konawe Selatan",
    "Kolut": "Kolaka Utara",
    "Lutra": "Luwu Utara",
    "Lutim": "Luwu Timur",
    "Torut": "Toraja Utara",
    "Tator": "Tana Toraja",
    "Halsel": "Halmahera Selatan",
    "Halut": "Halmahera Utara",
    "Malteng": "Maluku Tengah",
    "MBD": "Maluku Barat Daya",
    "SBB": "Seram Bagian Barat",
    "SBT": "Seram Bagian Timur",
    "Pasbar": "Pasaman Barat",
    "Solsel": "Solok Selatan",
    "Labusel": "Labuhanbatu Selatan",
    "Labura": "Labuhanbatu Utara",
    "Paluta": "Padang Lawas Utara",
    "Palas": "Padang Lawas",
    "Humbahas": "Humbang Hasundutan",
    "Tobasa": "Toba Samosir",
    "Lambar": "Lampung Barat",
    "Tubaba": "Tulang Bawang Barat",
    "Pesibar": "Pesisir Barat",
    "Babar": "Bangka Barat",
    "Bateng": "Bangka Tengah",
    "Beltim": "Belitung Timur",
    "Tangsel": "Tangerang Selatan",
    "KBB": "Bandung Barat",
    "Bolmut": "Bolaang Mongondow Utara",
    "Bolsel": "Bolaang Mongondow Selatan",
    "Boltim": "Bolaang Mongondow Timur",
    "Morut": "Morowali Utara",
    "Bangkep": "Banggai Kepulauan",
    "Koltim": "Kolaka Timur",
    "Konut": "Konawe Utara",
    "Konkep": "Konawe Kepulauan",
    "Butur": "Buton Utara",
    "Buteng": "Buton Tengah",
    "Busel": "Buton Selatan",
    "Mubar": "Muna Barat",
    "Polman": "Polewali Mandar",
    "Mateng": "Mamuju Tengah",
    "KKT": "Kepulauan Tanimbar",
    "MTB": "Maluku Tenggara Barat",
    "Malra": "Maluku Tenggara",
    "Bursel": "Buru Selatan",
    "Halbar": "Halmahera Barat",
    "Halteng": "Halmahera Tengah",
    "Haltim": "Halmahera Timur",
    "Kepsul": "Kepulauan Sula",
    "Sorsel": "Sorong Selatan",
    "Mansel": "Manokwari Selatan",
    "Pegaf": "Pegunungan Arfak",
    "Pegubin": "Pegunungan Bintang",
    "Mamteng": "Mamberamo Tengah",
    "Mamra": "Mamberamo Raya",
    "Barsel": "Barito Selatan",
    "Barut": "Barito Utara",
    "Bartim": "Barito Timur",
    "Gumas": "Gunung Mas",
    "Pulpis": "Pulang Pisau",
    "Tanbu": "Tanah Bumbu",
    "Batola": "Barito Kuala",
    "Mahulu": "Mahakam Ulu",
    "KKU": "Kayong Utara",
    "Sumtim": "Sumba Timur",
}

# Words that make a place of the name after them ("Kota Bogor"): a name before a rank never
# holds them.
PLACE_KIND_WORDS: tuple[str, ...] = ("Kota", "Kabupaten")

# A unit written under an old or loose name -> the unit's current name.
UNIT_RENAMES: dict[str, str] = {
    "Polres Kupang Kota": "Polresta Kupang Kota",
    "Polresta Kupang": "Polresta Kupang Kota",
    "Polres Jayapura Kota": "Polresta Jayapura Kota",
    "Polresta Jayapura": "Polresta Jayapura Kota",
    "Polres Sorong Kota": "Polresta Sorong Kota",
    "Polresta Sorong": "Polresta Sorong Kota",
    "Polres Bogor Kota": "Polresta Bogor Kota",
    "Polresta Bogor": "Polresta Bogor Kota",
    "Polres Malang Kota": "Polresta Malang Kota",
    "Polresta Malang": "Polresta Malang Kota",
    "Polres Denpasar": "Polresta Denpasar",
    "Polres Mataram": "Polresta Mataram",
    "Polres Medan": "Polrestabes Medan",
    "Polresta Medan": "Polrestabes Medan",
    "Polres Surabaya": "Polrestabes Surabaya",
    "Polresta Surabaya": "Polrestabes Surabaya",
    "Polres Makassar": "Polrestabes Makassar",
    "Polresta Makassar": "Polrestabes Makassar",
    "Polresta Palembang": "Polrestabes Palembang",
    "Polres Jakarta Pusat": "Polres Metro Jakarta Pusat",
    "Polres Jakarta Selatan": "Polres Metro Jakarta Selatan",
    "Polres Jakarta Timur": "Polres Metro Jakarta Timur",
    "Polres Jakarta Barat": "Polres Metro Jakarta Barat",
    "Polres Jakarta Utara": "Polres Metro Jakarta Utara",
    "Polres Bekasi Kota": "Polres Metro Bekasi Kota",
    "Polres Tangerang Kota": "Polres Metro Tangerang Kota",
    "Polres Depok": "Polres Metro Depok",
    "Polres Bekasi": "Polres Metro Bekasi",
}

# ------------------------------------------------------------------------------ units

# Territorial units: the unit type -> the words that introduce it; the place follows.
TERRITORIAL_UNITS: dict[str, tuple[str, ...]] = {
    "Polda": ("Polda", "Mapolda", "Kepolisian Daerah"),
    "Polrestabes": (
        "Polrestabes",
        "Mapolrestabes",
        "Kepolisian Resor Kota Besar",
        "Kepolisian Resort Kota Besar",
    ),
    "Polresta": ("Polresta", "Mapolresta", "Kepolisian Resor Kota", "Kepolisian Resort Kota"),
    "Polres Metro": (
        "Polres Metro",
        "Mapolres Metro",
        "Polrestro",
        "Kepolisian Resor Metro",
        "Kepolisian Resort Metro",
        "Kepolisian Resor Metropolitan",
    ),
    "Polres": ("Polres", "Mapolres", "Kepolisian Resor", "Kepolisian Resort"),
    "Polsek": (
        "Polsek",
        "Polsekta",
        "Mapolsek",
        "Mapolsekta",
        "Kepolisian Sektor",
        "Kepolisian Sektor Kota",
    ),
}

# National units: canonical name -> spellings; "Polri" written after them belongs to them.
NATIONAL_UNITS: dict[str, tuple[str, ...]] = {
    "Polri": (
        "Kepolisian Negara Republik Indonesia",
        "Kepolisian Republik Indonesia",
        "Kepolisian RI",
        "Kepolisian Indonesia",
    ),
    "Mabes Polri": ("Mabes", "Markas Besar Polri", "Markas Besar Kepolisian"),
    "Bareskrim Polri": ("Bareskrim", "Badan Reserse Kriminal"),
    "Divhumas Polri": ("Divhumas", "Div Humas", "Divisi Humas", "Divisi Hubungan Masyarakat"),
    "Korlantas Polri": ("Korlantas", "Korps Lalu Lintas"),
    "Baharkam Polri": ("Baharkam", "Badan Pemelihara Keamanan"),
    "Densus 88": (
        "Densus 88",
        "Densus 88 Antiteror",
        "Densus 88 Anti Teror",
        "Detasemen Khusus 88",
        "Detasemen Khusus 88 Antiteror",
    ),
    "Akpol": ("Akpol", "Akademi Kepolisian"),
    "Itwasum Polri": ("Itwasum", "Inspektorat Pengawasan Umum"),
    "Puslabfor Polri": ("Puslabfor", "Pusat Laboratorium Forensik"),
    "Inafis Polri": ("Inafis",),
    "Kompolnas": ("Kompolnas", "Komisi Kepolisian Nasional"),
    "Kortastipidkor Polri": (
        "Kortastipidkor",
        "Kortas Tipikor",
        "Korps Pemberantasan Tindak Pidana Korupsi",
    ),
    "Pusdokkes Polri": ("Pusdokkes", "Pusat Kedokteran dan Kesehatan"),
}

# Police operations and task forces, named (strong evidence, listed in ``terms``).
POLICE_OPERATIONS: dict[str, tuple[str, ...]] = {
    "Operasi Zebra": ("Operasi Zebra",),
    "Operasi Patuh": ("Operasi Patuh",),
    "Operasi Ketupat": ("Operasi Ketupat",),
    "Operasi Lilin": ("Operasi Lilin",),
    "Operasi Keselamatan": ("Operasi Keselamatan",),
    "Operasi Sikat": ("Operasi Sikat",),
    "Operasi Pekat": ("Operasi Pekat", "Operasi Penyakit Masyarakat"),
    "Operasi Antik": ("Operasi Antik",),
    "Operasi Mantap Brata": ("Operasi Mantap Brata",),
    "Operasi Mantap Praja": ("Operasi Mantap Praja",),
    "Operasi Damai Cartenz": ("Operasi Damai Cartenz", "Satgas Damai Cartenz", "Damai Cartenz"),
    "Operasi Tinombala": ("Operasi Tinombala", "Satgas Tinombala", "Operasi Madago Raya"),
    "Operasi Jaran": ("Operasi Jaran",),
    "Operasi Bina Kusuma": ("Operasi Bina Kusuma",),
    "Satgas Antimafia Bola": ("Satgas Antimafia Bola",),
    "Satgas Pangan Polri": ("Satgas Pangan Polri",),
}

# Units that may sit under a territorial unit ("Ditreskrimsus Polda Banten"): canonical ->
# spellings.
NAMED_UNITS: dict[str, tuple[str, ...]] = {
    "Propam": (
        "Propam",
        "Divpropam",
        "Div Propam",
        "Bidpropam",
        "Bid Propam",
        "Sipropam",
        "Divisi Profesi dan Pengamanan",
        "Bidang Profesi dan Pengamanan",
    ),
    "Paminal": ("Paminal", "Pengamanan Internal"),
    "Brimob": (
        "Brimob",
        "Satbrimob",
        "Sat Brimob",
        "Korbrimob",
        "Kor Brimob",
        "Korps Brimob",
        "Korps Brigade Mobil",
        "Satuan Brimob",
        "Satuan Brigade Mobil",
        "Brigade Mobil",
    ),
    "Polairud": ("Polairud", "Pol Airud", "Polair", "Pol Air"),
    "Bhabinkamtibmas": ("Bhabinkamtibmas", "Babinkamtibmas", "Bhabin Kamtibmas"),
    "Reskrim": ("Reskrim", "Unit Reskrim"),
    "Tim Resmob": ("Resmob", "Tim Resmob", "Jatanras", "Tim Jatanras", "Tim Opsnal"),
    "SPKT": ("SPKT", "Sentra Pelayanan Kepolisian Terpadu"),
    "Biddokkes": ("Biddokkes", "Bid Dokkes", "Bidang Kedokteran dan Kesehatan"),
    "Labfor": ("Labfor", "Laboratorium Forensik"),
}

# Directorates (of a Polda) and satuan (of a Polres): the abbreviation after "Dit"/"Sat",
# the spelled-out name after "Direktorat"/"Satuan", and whether the spelled-out name is one
# other bodies use too (then it counts only under a police unit). The posts Dir…, Wadir… and
# Kasat … are derived from these rows.
DIRECTORATES: tuple[tuple[str, str, bool], ...] = (
    ("Reskrimum", "Reserse Kriminal Umum", False),
    ("Reskrimsus", "Reserse Kriminal Khusus", False),
    ("Resnarkoba", "Reserse Narkoba", False),
    ("Narkoba", "Narkoba", True),
    ("Ressiber", "Reserse Siber", False),
    ("Lantas", "Lalu Lintas", True),
    ("Polairud", "Kepolisian Perairan dan Udara", False),
    ("Samapta", "Samapta", False),
    ("Sabhara", "Sabhara", False),
    ("Intelkam", "Intelijen Keamanan", False),
    ("Binmas", "Pembinaan Masyarakat", True),
    ("Tahti", "Perawatan Tahanan dan Barang Bukti", False),
    ("Pamobvit", "Pengamanan Objek Vital", True),
)
SATUAN: tuple[tuple[str, str, bool], ...] = (
    ("Reskrim", "Reserse Kriminal", False),
    ("Resnarkoba", "Reserse Narkoba", False),
    ("Narkoba", "Narkoba", True),
    ("Lantas", "Lalu Lintas", True),
    ("Intelkam", "Intelijen Keamanan", False),
    ("Samapta", "Samapta", False),
    ("Sabhara", "Sabhara", False),
    ("Binmas", "Pembinaan Masyarakat", True),
    ("Polairud", "Polisi Perairan dan Udara", False),
    ("Polair", "Polisi Air", False),
    ("Tahti", "Perawatan Tahanan dan Barang Bukti", False),
    ("Pamobvit", "Pengamanan Objek Vital", True),
)

# The bare name of the force; named jointly with the army ("TNI-Polri") it is weak evidence.
POLRI: tuple[str, ...] = ("Polri",)

# Words that name police without naming a unit (weak evidence): normalised term -> spellings.
POLICE_WORDS: dict[str, tuple[str, ...]] = {
    "aparat kepolisian": ("aparat kepolisian",),
    "kepolisian": ("kepolisian",),
    "polisi lalu lintas": ("polisi lalu lintas", "Polantas"),
    "polisi": ("polisi",),
    "Polwan": ("Polwan",),
    "Bhayangkara": ("Bhayangkara",),
}

# ------------------------------------------------------------------------------ posts

# Heads of a territorial unit: head ("Ka" or "Waka") + unit type -> spellings; the place follows
# ("Kapolres TTS" -> "Kapolres Timor Tengah Selatan").
UNIT_HEADS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Ka", "Polda"): ("Kapolda", "Kepala Polda", "Kepala Kepolisian Daerah"),
    ("Waka", "Polda"): ("Wakapolda", "Wakil Kepala Polda", "Wakil Kepala Kepolisian Daerah"),
    ("Ka", "Polrestabes"): (
        "Kapolrestabes",
        "Kepala Polrestabes",
        "Kepala Kepolisian Resor Kota Besar",
        "Kepala Kepolisian Resort Kota Besar",
    ),
    ("Waka", "Polrestabes"): ("Wakapolrestabes", "Wakil Kepala Polrestabes"),
    ("Ka", "Polresta"): (
        "Kapolresta",
        "Kepala Polresta",
        "Kepala Kepolisian Resor Kota",
        "Kepala Kepolisian Resort Kota",
    ),
    ("Waka", "Polresta"): ("Wakapolresta", "Wakil Kepala Polresta"),
    ("Ka", "Polres Metro"): (
        "Kapolres Metro",
        "Kapolrestro",
        "Kepala Polres Metro",
        "Kepala Kepolisian Resor Metro",
    ),
    ("Waka", "Polres Metro"): ("Wakapolres Metro", "Wakapolrestro"),
    ("Ka", "Polres"): (
        "Kapolres",
        "Kepala Polres",
        "Kepala Kepolisian Resor",
        "Kepala Kepolisian Resort",
    ),
    ("Waka", "Polres"): (
        "Wakapolres",
        "Wakil Kepala Polres",
        "Wakil Kepala Kepolisian Resor",
        "Wakil Kepala Kepolisian Resort",
    ),
    ("Ka", "Polsek"): (
        "Kapolsek",
        "Kapolsekta",
        "Kepala Polsek",
        "Kepala Kepolisian Sektor",
        "Kepala Kepolisian Sektor Kota",
    ),
    ("Waka", "Polsek"): ("Wakapolsek", "Wakapolsekta", "Wakil Kepala Polsek"),
}

# National posts: position -> (its unit, spellings).
NATIONAL_POSTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Kapolri": (
        "Polri",
        (
            "Kapolri",
            "Kepala Polri",
            "Kepala Kepolisian Negara Republik Indonesia",
            "Kepala Kepolisian Republik Indonesia",
            "Kepala Kepolisian RI",
        ),
    ),
    "Wakapolri": ("Polri", ("Wakapolri", "Wakil Kepala Polri", "Wakil Kepala Kepolisian RI")),
    "Kabareskrim Polri": (
        "Bareskrim Polri",
        ("Kabareskrim", "Kepala Bareskrim", "Kepala Badan Reserse Kriminal"),
    ),
    "Kakorlantas Polri": ("Korlantas Polri", ("Kakorlantas", "Kepala Korlantas")),
    "Kabaharkam Polri": ("Baharkam Polri", ("Kabaharkam", "Kepala Baharkam")),
    "Kadiv Humas Polri": (
        "Divhumas Polri",
        ("Kadiv Humas", "Kadivhumas", "Kepala Divisi Humas", "Kepala Divisi Hubungan Masyarakat"),
    ),
    "Kadiv Propam Polri": (
        "Propam",
        (
            "Kadiv Propam",
            "Kadivpropam",
            "Kepala Divisi Propam",
            "Kepala Divisi Profesi dan Pengamanan",
        ),
    ),
    "Karopenmas Divhumas Polri": ("Divhumas Polri", ("Karopenmas", "Karo Penmas")),
    "Dirtipidum Bareskrim Polri": ("Bareskrim Polri", ("Dirtipidum", "Dir Tipidum")),
    "Dirtipidter Bareskrim Polri": ("Bareskrim Polri", ("Dirtipidter", "Dir Tipidter")),
    "Dirtipideksus Bareskrim Polri": ("Bareskrim Polri", ("Dirtipideksus", "Dir Tipideksus")),
    "Dirtipidkor Bareskrim Polri": ("Bareskrim Polri", ("Dirtipidkor", "Dir Tipidkor")),
    "Dirtipidnarkoba Bareskrim Polri": (
        "Bareskrim Polri",
        ("Dirtipidnarkoba", "Dir Tipidnarkoba", "Direktur Tindak Pidana Narkoba"),
    ),
    "Dirtipidsiber Bareskrim Polri": (
        "Bareskrim Polri",
        ("Dirtipidsiber", "Dir Tipidsiber", "Direktur Tindak Pidana Siber"),
    ),
    "Dankorbrimob Polri": (
        "Brimob",
        ("Dankorbrimob", "Komandan Korps Brimob", "Komandan Korps Brigade Mobil"),
    ),
    "Kadensus 88": ("Densus 88", ("Kadensus", "Kepala Densus")),
    "Gubernur Akpol": ("Akpol", ("Gubernur Akpol",)),
}

# Posts only the police have; the unit may follow ("Kasat Reskrim Polres Ende").
# The Dir…/Wadir…/Kasat… posts are derived from DIRECTORATES and SATUAN.
POLICE_POSTS: dict[str, tuple[str, ...]] = {
    "Kabid Propam": ("Kabid Propam", "Kabidpropam", "Kepala Bidang Propam"),
    "Kabid Dokkes": ("Kabid Dokkes", "Kabiddokkes"),
    "Kabid Labfor": ("Kabid Labfor", "Kabidlabfor"),
    "Kanit Reskrim": ("Kanit Reskrim", "Kanitreskrim", "Kepala Unit Reskrim"),
    "Kanit": ("Kanit", "Kepala Unit"),
    "Kasubnit": ("Kasubnit",),
    "Kapospol": ("Kapospol", "Kepala Pos Polisi"),
    "Dansat Brimob": (
        "Dansat Brimob",
        "Dansatbrimob",
        "Komandan Satbrimob",
        "Komandan Satuan Brimob",
        "Komandan Satuan Brigade Mobil",
    ),
    "Danyon Brimob": ("Danyon Brimob",),
    "Kasi Propam": ("Kasi Propam", "Kasie Propam", "Kasipropam"),
    "Kasubsi Penmas": ("Kasubsi Penmas",),
    "Paur Subbag Humas": ("Paur Subbag Humas", "Paur Humas"),
    "Kasubbag Humas": ("Kasubbag Humas", "Kasubag Humas"),
    "Penyidik": ("Penyidik Polri",),
}

# Posts other bodies have too ("Kabid Humas" of a province): police only with a police unit or
# a police rank next to them.
SHARED_POSTS: dict[str, tuple[str, ...]] = {
    "Kabid Humas": (
        "Kabid Humas",
        "Kabidhumas",
        "Kepala Bidang Humas",
        "Kepala Bidang Hubungan Masyarakat",
    ),
    "Kasi Humas": ("Kasi Humas", "Kasie Humas", "Kasihumas", "Kepala Seksi Humas"),
    "Kabag Humas": ("Kabag Humas",),
    "Kasubbid Penmas": ("Kasubbid Penmas",),
    "Kabag Ops": ("Kabag Ops", "Kabagops", "Kepala Bagian Operasi", "Kepala Bagian Operasional"),
    "Kasubdit": ("Kasubdit",),
}

# ------------------------------------------------------------------------------ ranks

# Normalised rank -> spellings. "Pol", "Pol.", "Polisi", "(Pol)", "(Purn)", "(anumerta)" may
# follow any spelling and are read by the matcher, so they are not repeated here.
RANKS: dict[str, tuple[str, ...]] = {
    "Jenderal Pol": ("Jenderal Polisi", "Jend. Pol", "Jend Pol", "Jendral Polisi"),
    "Komjen Pol": ("Komjen", "Komjenpol", "Komisaris Jenderal", "Komisaris Jendral"),
    "Irjen Pol": ("Irjen", "Irjend", "Irjenpol", "Inspektur Jenderal Polisi"),
    "Brigjen Pol": ("Brigjenpol", "Brigjendpol", "Brigadir Jenderal Polisi"),
    "Kombes Pol": ("Kombes", "Kombespol", "KBP", "Komisaris Besar"),
    "AKBP": ("AKBP", "AKPB", "Ajun Komisaris Besar"),
    "Kompol": ("Kompol", "Komisaris Polisi"),
    "AKP": ("AKP", "Ajun Komisaris Polisi", "Ajun Komisaris"),
    "Iptu": ("Iptu", "Inspektur Polisi Satu", "Inspektur Satu"),
    "Ipda": ("Ipda", "Inspektur Polisi Dua", "Inspektur Dua"),
    "Aiptu": ("Aiptu", "Ajun Inspektur Polisi Satu", "Ajun Inspektur Satu"),
    "Aipda": ("Aipda", "Ajun Inspektur Polisi Dua", "Ajun Inspektur Dua"),
    "Bripka": ("Bripka", "Brigadir Polisi Kepala", "Brigadir Kepala"),
    "Brigpol": ("Brigpol", "Brigadir Polisi"),
    "Briptu": ("Briptu", "Brigadir Polisi Satu", "Brigadir Satu"),
    "Bripda": ("Bripda", "Brigadir Polisi Dua", "Brigadir Dua"),
    "Abripda": ("Abripda",),
    "Bharaka": ("Bharaka", "Bhayangkara Kepala", "Bhayangkara Polisi Kepala"),
    "Bharatu": ("Bharatu", "Bhayangkara Satu", "Bhayangkara Polisi Satu"),
    "Bharada": ("Bharada", "Bhayangkara Dua", "Bhayangkara Polisi Dua"),
}

# Spellings that are police ranks only in police context: "Brigjen" is also an army rank,
# "Jenderal" a street name, "Brigadir" a word, "Komisaris" a company board member.
# Normalised rank -> (what it needs, spellings); what it needs is one of
#   "context"  "Pol" after it, a police post next to it, or police words nearby and no TNI;
#   "name"     a name right after it.
AMBIGUOUS_RANKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Brigjen Pol": ("context", ("Brigjen", "Brigjend", "Brigadir Jenderal", "Brigadir Jendral")),
    "Irjen Pol": ("context", ("Inspektur Jenderal",)),
    "Kompol": ("context", ("Komisaris",)),
    "Jenderal Pol": ("context", ("Jenderal", "Jendral")),
    "Brigpol": ("name", ("Brigadir",)),
}

# Words before a rank word that make it part of a place's name or of a civil title:
# "Jalan Jenderal Sudirman", "Direktur Jenderal Pendidikan".
PLACE_BEFORE_RANK: tuple[str, ...] = (
    "Direktur", "Sekretaris", "Wakil Sekretaris", "Dirjen", "Sekjen",
    "Jalan", "Jl.", "Jln.", "Jl", "Universitas", "Bandara", "Stadion", "Museum", "Gedung",
    "Lapangan", "Monumen", "Taman", "Makam", "Rumah Sakit", "RS", "RSUD", "Gelanggang",
    "Panglima Besar", "Pangsar", "Pahlawan Nasional",
)  # fmt: skip

# Written right after a rank: these mark it as a Polri rank ("Irjen Pol", "Irjen (Pol)").
RANK_POLICE_SUFFIXES: tuple[str, ...] = (
    "Pol", "Pol.", "pol", "pol.", "POL", "POL.", "Polisi", "(Pol)", "(Pol.)", "(Polisi)",
)  # fmt: skip
# Written right after a rank and dropped: retired, posthumous.
RANK_OTHER_SUFFIXES: tuple[str, ...] = (
    "(Purn)",
    "(Purn.)",
    "Purn.",
    "(Purnawirawan)",
    "(anumerta)",
    "(Anumerta)",
    "Anumerta",
)

# Words after a post that say it was held before ("Kapolri terdahulu, Anton Sudjarwo").
FORMER_POST_WORDS: tuple[str, ...] = (
    "terdahulu", "sebelumnya", "saat itu", "kala itu", "ketika itu", "waktu itu",
)  # fmt: skip

# Academic, professional and religious titles, dropped from officers' names.
NAME_PREFIX_TITLES: tuple[str, ...] = (
    "Dr.", "Drs.", "Dra.", "Ir.", "Prof.", "H.", "Hj.", "dr.", "KH.", "Dr", "Drs", "Dra", "Ir",
    "Prof", "H", "Hj", "KH",
)  # fmt: skip
NAME_SUFFIX_TITLES: tuple[str, ...] = (
    "S.I.K.", "S.I.K", "SIK", "S.IK", "SIK.", "M.H.", "M.H", "MH", "M.Si.", "M.Si", "MSi",
    "S.H.", "S.H", "SH", "M.M.", "M.M", "MM", "S.E.", "SE", "S.Sos.", "S.Sos", "SSos",
    "S.Pd.", "S.Pd", "S.Kom.", "S.Kom", "M.Hum.", "M.Kn.", "M.Kn", "S.St.", "S.ST.", "S.ST",
    "S.T.", "ST", "M.T.", "MT", "M.A.P.", "MAP", "M.A.", "MA", "Ph.D.", "Ph.D", "PhD",
    "LLM", "S.I.P.", "S.IP", "SIP", "M.Sc.", "MSc", "S.Psi.", "S.H.I.", "M.I.K.", "MIK",
    "S.Si.", "M.Pd.", "M.Kes.", "S.K.M.", "SKM", "M.Han.", "M.Han", "S.St.K.", "S.STK",
    "STK", "M.Tr.", "M.Psi.", "S.Si.T.", "SSiT", "M.B.A.", "MBA", "CPHR", "CHRMP",
    "M.Krim.", "M.Krim", "S.Tr.K.", "S.Tr.K", "M.Kom.", "M.Kom", "QIA",
)  # fmt: skip

# ------------------------------------------------------------------------------ traps

# Phrases that say "polisi" (or a police-like word) but are not Polri; nothing inside counts.
TRAPS: dict[str, tuple[str, ...]] = {
    "Satpol PP": (
        "Satuan Polisi Pamong Praja",
        "Polisi Pamong Praja",
        "Pamong Praja",
        "Satpol PP",
        "Satpol-PP",
        "Sat Pol PP",
        "Satpol",
        "Pol PP",
        "Pol-PP",
    ),
    "Polisi Militer": (
        "Polisi Militer",
        "Polisi Militer Angkatan Darat",
        "Polisi Militer Angkatan Laut",
        "Polisi Militer Angkatan Udara",
        "Polisi Militer TNI",
        "POM TNI",
        "POM AD",
        "POM AL",
        "POM AU",
        "Pomdam",
        "Danpomdam",
        "Puspom",
        "Puspomad",
        "Denpom",
        "Pomal",
        "Pomau",
        "Pomad",
        "Provost TNI",
    ),
    "polisi hutan": ("polisi hutan", "polisi kehutanan", "Polhut", "Polhutan"),
    "polisi tidur": ("polisi tidur",),
    "Wilayatul Hisbah": (
        "Wilayatul Hisbah",
        "Wilayatul Hisbah (WH)",
        "polisi syariat",
        "polisi syariah",
        "polisi syariat Islam",
    ),
    "Polsuska": (
        "Polsuska",
        "polisi khusus kereta api",
        "Polisi Khusus Kereta Api",
        "polisi khusus",
        "Polsus",
        "Polsus KA",
    ),
    "polisi pariwisata": ("Polisi Pariwisata Thailand",),
    "RS Polri": (
        "RS Polri",
        "RS Polri Kramat Jati",
        "Rumah Sakit Polri",
        "RS Bhayangkara",
        "Rumah Sakit Bhayangkara",
        "Rumah Sakit (RS) Bhayangkara",
        "Rumah Sakit (RS) Polri",
        "Rumkit Bhayangkara",
        "Rumkit Polri",
    ),
    "Universitas Bhayangkara": (
        "Universitas Bhayangkara",
        "Universitas Bhayangkara Jakarta Raya",
        "Ubhara",
        "Ubhara Jaya",
    ),
    "Bhayangkara FC": (
        "Bhayangkara FC",
        "Bhayangkara Presisi FC",
        "Bhayangkara Presisi Indonesia FC",
        "Bhayangkara Presisi Lampung FC",
        "Bhayangkara Solo FC",
    ),
    "Jakarta Bhayangkara Presisi": (
        "Jakarta Bhayangkara Presisi",
        "Bhayangkara Presisi",
        "Jakarta Bhayangkara",
        "Bhayangkara Samator",
    ),
    "Mabes TNI": ("Mabes TNI", "Mabes AD", "Mabes AL", "Mabes AU"),
    "KBPP Polri": (
        "KBPP Polri",
        "Keluarga Besar Putra Putri Polri",
        "Bhayangkari",
        "Yayasan Kemala Bhayangkari",
        "Persatuan Purnawirawan Polri",
        "PP Polri",
    ),
    "inspektur jenderal kementerian": (
        "Irjen Kementerian",
        "Irjen Kemenkeu",
        "Irjen Kemendagri",
        "Irjen Kemenag",
        "Irjen Kemenkes",
        "Irjen Kemendikbud",
        "Irjen Kemendikbudristek",
        "Irjen Kemenhan",
        "Irjen Kementan",
        "Irjen Kemensos",
        "Irjen Kejaksaan",
        "Irjen Kejagung",
        "Inspektur Jenderal Kementerian",
        "Inspektur Jenderal Kemenkeu",
        "Inspektur Jenderal Kemendagri",
        "Inspektur Jenderal Kemenag",
        "Inspektur Jenderal Kemenkes",
        "Inspektur Jenderal Kemenhan",
    ),
}

# Traps that are run by Polri though not Polri news by themselves: an ambiguous rank next to
# them ("Kepala RS Polri Brigjen Asep") is a police rank.
POLICE_RUN_TRAPS: tuple[str, ...] = ("RS Polri", "Universitas Bhayangkara")

# Traps that name Polri's own family association, not a body apart from it: nothing inside
# them counts for the police, and they are no other body either ("anak-anak TK Kemala
# Bhayangkari" visiting a Polres do not lead the story away from the police who teach them).
NEUTRAL_TRAPS: tuple[str, ...] = ("KBPP Polri",)

# Army, navy and air-force ranks: written with "TNI" after them they are a trap
# ("Brigjen TNI", "Kolonel Inf"); written with "Pol" after them they are a police rank of the
# ABRI era, before 2001 ("Letkol Pol. M. Kalangit"), and else never a police rank.
TNI_RANKS: tuple[str, ...] = (
    "Jenderal", "Letjen", "Letnan Jenderal", "Mayjen", "Mayor Jenderal", "Brigjen",
    "Brigadir Jenderal", "Laksamana", "Laksamana Madya", "Laksamana Muda", "Laksamana Pertama",
    "Laksdya", "Laksda", "Laksma", "Marsekal", "Marsekal Madya", "Marsekal Muda",
    "Marsekal Pertama", "Marsdya", "Marsda", "Marsma", "Kolonel", "Letkol", "Letnan Kolonel",
    "Mayor", "Kapten", "Irjen", "Inspektur Jenderal",
)  # fmt: skip
# Army ranks that name a soldier by themselves ("Serka Nyoman", "Kopka Budi").
TNI_SOLDIER_RANKS: tuple[str, ...] = (
    "Letda", "Lettu", "Serka", "Serda", "Sertu", "Serma", "Pelda", "Peltu", "Kopda", "Koptu",
    "Kopka", "Pratu", "Prada", "Praka", "Kolonel", "Letkol", "Mayjen", "Letjen", "Laksma",
    "Laksda", "Laksdya", "Marsma", "Marsda", "Marsdya",
)  # fmt: skip

# Countries and foreign places: "polisi <country>" is a trap, and a story whose police words
# come with these names is about a foreign force.
COUNTRIES: tuple[str, ...] = (
    "Malaysia", "Singapura", "Australia", "Thailand", "Filipina", "Jepang", "Korea",
    "Korea Selatan", "Korea Utara", "China", "Tiongkok", "Taiwan", "Hong Kong", "India",
    "Amerika", "Amerika Serikat", "AS", "Inggris", "Prancis", "Perancis", "Jerman", "Belanda",
    "Italia", "Spanyol", "Israel", "Palestina", "Turki", "Arab Saudi", "Mesir", "Rusia",
    "Ukraina", "Timor Leste", "Myanmar", "Vietnam", "Kamboja", "Brunei", "Selandia Baru",
    "Kanada", "Brasil", "Meksiko", "Iran", "Pakistan", "Bangladesh", "Nigeria", "Kenya",
    "Swedia", "Norwegia", "Belgia", "Swiss", "Austria", "Yunani", "Kolombia", "Argentina",
    "Peru", "Chile", "Irak", "Suriah", "Afghanistan", "Sri Lanka", "Nepal", "Laos", "Qatar",
    "Uni Emirat Arab", "Yordania", "Lebanon", "Kuwait", "Afrika Selatan", "Ekuador",
    "Venezuela", "Kuba", "Haiti", "Irlandia", "Skotlandia", "Denmark", "Finlandia", "Polandia",
    "Hungaria", "Ceko", "Rumania", "Serbia", "Papua Nugini", "PNG", "Fiji", "Kaledonia Baru",
)  # fmt: skip
FOREIGN_PLACES: tuple[str, ...] = (
    "Kuala Lumpur", "Johor", "Johor Bahru", "Sabah", "Sarawak", "Selangor", "Kedah", "Penang",
    "Pulau Pinang", "Pahang", "Kelantan", "Terengganu", "Melaka", "Negeri Sembilan",
    "Perlis", "Tawau", "Kota Kinabalu", "Kuching", "Putrajaya", "Bangkok", "Phuket", "Pattaya",
    "Narathiwat", "Pattani", "Manila", "Mindanao", "Davao", "Tokyo", "Osaka", "Seoul",
    "Beijing", "Shanghai", "Washington", "New York", "Los Angeles", "Minneapolis", "Chicago",
    "Texas", "California", "Florida", "London", "Paris", "Berlin", "Sydney", "Melbourne",
    "Perth", "Canberra", "Dili", "Yangon", "Phnom Penh", "Hanoi", "Ho Chi Minh",
    "Gaza", "Tepi Barat", "Yerusalem", "Tel Aviv", "Istanbul", "Ankara", "Mumbai", "New Delhi",
    "Dhaka", "Karachi", "Riyadh", "Makkah", "Mekkah", "Madinah", "Jeddah", "Kairo", "Moskow",
    "Kyiv", "Toronto", "Ottawa", "Auckland", "Wellington", "Port Moresby", "Sandakan",
)  # fmt: skip
# Foreign forces named outright.
FOREIGN_FORCES: tuple[str, ...] = (
    "PDRM", "Polis Diraja Malaysia", "Polis Diraja", "FBI", "NYPD", "LAPD", "Scotland Yard",
    "Royal Thai Police", "Australian Federal Police", "Philippine National Police", "PNTL",
)  # fmt: skip

# ------------------------------------------------------------------------------ other bodies

# Bodies that are not Polri (some led or staffed by police officers): name -> spellings.
# A story led by one of them, with police in a supporting role, is not police news.
OTHER_AGENCIES: dict[str, tuple[str, ...]] = {
    "BNN": ("BNN", "BNNP", "BNNK", "Badan Narkotika Nasional", "Badan Narkotika"),
    "KPK": ("KPK", "Komisi Pemberantasan Korupsi"),
    "Kejaksaan": (
        "Kejaksaan",
        "Kejati",
        "Kejari",
        "Kejagung",
        "Kajati",
        "Kajari",
        "Jaksa Agung",
        "jaksa",
        "Jaksa",
        "JPU",
        "Jaksa Penuntut Umum",
        "penuntut umum",
        "Cabjari",
        "Jampidum",
        "Jampidsus",
        "Kasi Intel",
        "Kasi Pidsus",
        "Kasi Pidum",
        "Kasipidsus",
        "Kasipidum",
    ),
    "Bea Cukai": ("Bea Cukai", "Bea dan Cukai", "DJBC", "Kanwil Bea Cukai"),
    "Basarnas": (
        "Basarnas",
        "Tim SAR",
        "SAR gabungan",
        "Kantor SAR",
        "Kantor Pencarian dan Pertolongan",
        "Kansar",
        "Pos SAR",
    ),
    "Pengadilan": (
        "Pengadilan",
        "Pengadilan Negeri",
        "Pengadilan Tinggi",
        "Mahkamah Agung",
        "Mahkamah Konstitusi",
        "hakim",
        "Hakim",
        "majelis hakim",
        "Majelis Hakim",
        "PN",
        "vonis",
        "divonis",
        "terdakwa",
        "Terdakwa",
        "sidang",
        "persidangan",
        "Tipikor",
        "dakwaan",
        "tuntutan",
    ),
    "TNI": (
        "TNI",
        "TNI AD",
        "TNI AL",
        "TNI AU",
        "Kodim",
        "Koramil",
        "Korem",
        "Kodam",
        "Babinsa",
        "Dandim",
        "Danrem",
        "Pangdam",
        "Danramil",
        "prajurit",
        "Lanud",
        "Lantamal",
        "Lanal",
        "Kostrad",
        "Kopassus",
        "Marinir",
        "Yonif",
        "Satgas Pamtas",
        "Panglima TNI",
        "Pomdam",
        "Kasad",
    ),
    "BPBD": ("BPBD", "BNPB", "Badan Penanggulangan Bencana"),
    "Damkar": ("Damkar", "pemadam kebakaran", "Pemadam Kebakaran", "Disdamkar"),
    "Imigrasi": ("Imigrasi", "Kantor Imigrasi", "Ditjen Imigrasi"),
    "Satpol PP": ("Satpol PP", "Satuan Polisi Pamong Praja"),
    "Bawaslu": ("Bawaslu", "KPU", "Gakkumdu"),
    "Lapas": ("Lapas", "Rutan", "Kalapas", "Karutan", "Ditjenpas", "Kemenkumham"),
    "BPOM": ("BPOM", "Balai POM"),
    "Rumah Sakit": ("Karumkit", "Rumkit", "RSUD", "rumah sakit", "Rumah Sakit"),
    "KLHK": ("KLHK", "Gakkum KLHK", "BKSDA", "Taman Nasional"),
    "Perhutani": ("Perhutani", "Perum Perhutani", "KPH", "Administratur KPH", "RPH", "Pabin"),
    "Dishub": ("Dishub", "Dinas Perhubungan", "Kemenhub", "KSOP", "Syahbandar"),
    "Bakamla": ("Bakamla", "KKP", "PSDKP"),
    "Ombudsman": ("Ombudsman", "Komnas HAM", "LPSK", "KPAI"),
    "Pemerintah daerah": (
        "Pemprov",
        "Pemkab",
        "Pemkot",
        "Pemda",
        "Pemerintah Provinsi",
        "Pemerintah Kabupaten",
        "Pemerintah Kota",
        "Pemerintah Daerah",
        "Gubernur",
        "Wakil Gubernur",
        "Pj Gubernur",
        "Penjabat Gubernur",
        "Bupati",
        "Wakil Bupati",
        "Pj Bupati",
        "Wali Kota",
        "Walikota",
        "Wakil Wali Kota",
        "Pj Wali Kota",
    ),
}

# Other bodies led by police generals on secondment: an ambiguous rank next to them
# ("Deputi Pemberantasan BNN, Brigjen I Wayan Sugiri") is a police rank, unless "TNI" is written.
POLICE_STAFFED_BODIES: tuple[str, ...] = ("BNN", "KPK")

# ------------------------------------------------------------------------------ actions

# Verbs (as written) that say a police actor did police work; matched as whole words.
POLICE_ACTIONS: tuple[str, ...] = (
    "menangkap", "ditangkap", "tangkap", "meringkus", "diringkus", "ringkus", "membekuk",
    "dibekuk", "bekuk", "mengamankan", "diamankan", "amankan", "menahan", "ditahan", "tahan",
    "menetapkan", "ditetapkan", "tetapkan", "menyelidiki", "diselidiki", "selidiki",
    "menyidik", "disidik", "penyidikan", "penyelidikan", "menyita", "disita", "sita",
    "mengungkap", "diungkap", "ungkap", "membongkar", "dibongkar", "bongkar", "memeriksa",
    "diperiksa", "periksa", "menggerebek", "digerebek", "gerebek", "menindak", "ditindak",
    "tindak", "menembak", "ditembak", "tembak", "memburu", "diburu", "buru", "menilang",
    "ditilang", "tilang", "merazia", "dirazia", "razia", "menggelar", "digelar", "gelar",
    "mengerahkan", "dikerahkan", "kerahkan", "menerjunkan", "diterjunkan", "terjunkan",
    "menyiagakan", "disiagakan", "siagakan", "berjaga", "mengawal", "dikawal", "kawal",
    "patroli", "berpatroli", "menggagalkan", "digagalkan", "gagalkan",
    "menyelamatkan", "mengimbau", "imbau", "melacak", "dilacak", "buron", "DPO",
    "tersangka", "menjerat", "dijerat", "jerat", "melimpahkan", "dilimpahkan", "limpahkan",
    "mengusut", "diusut", "usut", "menyelidik", "mengejar", "dikejar", "kejar", "olah", "etik",
    "TKP", "autopsi", "diautopsi", "visum", "rekonstruksi",
    "memediasi", "menertibkan", "mengatur", "pengamanan", "pengawalan", "operasi", "Operasi",
    "menyisir", "menjaga", "siaga", "penangkapan", "penahanan", "penggerebekan", "penindakan",
    "menghentikan", "memproses", "diproses", "menyerahkan", "diserahkan", "memusnahkan",
    "dimusnahkan", "musnahkan", "membubarkan", "dibubarkan", "bubarkan", "mendalami",
    "didalami", "dalami", "menggeledah", "digeledah", "geledah", "memanggil", "dipanggil",
    "panggil", "mengevakuasi", "mengidentifikasi", "diidentifikasi", "identifikasi", "menyidangkan",
    "disanksi", "sanksi", "dipecat", "PTDH", "dimutasi", "mutasi", "dicopot", "copot",
    "dipatsus", "patsus", "melantik", "dilantik", "lantik",
    "membagikan", "bagikan", "rilis", "ekspos",
)  # fmt: skip

# Words after which a police mention is an object, not the one who acts
# ("meminta polisi mengusut", "melapor ke polisi").
OBJECT_MARKERS: tuple[str, ...] = (
    "kepada", "ke", "untuk", "bagi", "terhadap", "pada", "dengan", "minta", "meminta", "mendesak",
    "melapor", "melaporkan", "mengadu", "mengadukan", "menyerahkan", "mengajak", "berharap",
    "mendorong", "mengapresiasi", "menghubungi", "menantang", "menuding", "menuduh", "menilai",
    "mengkritik", "menyoroti",
)  # fmt: skip

# Verbs and markers of reported speech: a police officer next to them is a police speaker.
SPEECH_VERBS: tuple[str, ...] = (
    "kata", "ujar", "ucap", "jelas", "tutur", "terang", "tegas", "sebut", "imbuh", "tambah",
    "ungkap", "papar", "katanya", "ujarnya", "ucapnya", "jelasnya", "tuturnya", "terangnya",
    "tegasnya", "sebutnya", "imbuhnya", "tambahnya", "ungkapnya", "paparnya", "mengatakan",
    "menjelaskan", "menyampaikan", "menegaskan", "mengungkapkan", "menuturkan", "menerangkan",
    "membenarkan", "menyebutkan", "menambahkan", "memaparkan", "mengimbau", "meminta",
    "mengaku", "menyatakan", "mengonfirmasi", "dikonfirmasi", "menurut", "Menurut",
    "mengingatkan", "berharap", "menekankan", "mengapresiasi", "menginstruksikan",
    "memerintahkan", "mengajak",
)  # fmt: skip

# Lines to ignore entirely (related-story headlines printed inside the text): line starts.
RELATED_LINE_STARTS: tuple[str, ...] = (
    "Baca juga", "Baca Juga", "BACA JUGA", "baca juga", "Lihat juga", "Lihat Juga",
    "LIHAT JUGA", "Simak juga", "Simak Juga", "Berita terkait", "Berita Terkait",
    "BERITA TERKAIT", "Artikel terkait", "Baca:", "BACA:", "Baca selengkapnya",
)  # fmt: skip

# Photo credits: a line starting with these is a caption credit; no officer comes from it.
CREDIT_LINE_STARTS: tuple[str, ...] = ("Foto:", "Foto :", "FOTO:", "Sumber foto", "Dok.", "(Foto")

# ------------------------------------------------------------------------------ matcher words

# Capitalised words that end a place or a person's name (days, months, function words…);
# every unit, post, rank and agency word ends them too.
NAME_STOP_WORDS: tuple[str, ...] = (
    "Di", "Ke", "Dari", "Pada", "Saat", "Kepada", "Yang", "Dan", "Atau", "Selaku", "Sebagai",
    "Bersama", "Beserta", "Didampingi", "Dalam", "Usai", "Seusai", "Ketika", "Kata", "Ujar",
    "Sementara", "Selain", "Namun", "Jadi", "Itu", "Ini", "Tersebut", "Melalui", "Terkait",
    "Menurut", "Bahwa", "Provinsi", "Kecamatan", "Kelurahan", "Desa", "Dusun", "Kampung",
    "Jalan", "Jl", "RT", "RW", "ANTARA", "Antara", "Bapak", "Ibu", "Pak", "Bu", "Tim",
    "Personel", "Anggota", "Markas", "Mako", "Gedung", "Kantor", "Mantan", "Eks", "Senin",
    "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad", "Januari",
    "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
    "November", "Desember", "PT", "CV", "Utama", "Independen", "Foto", "Sumber", "Reporter",
    "Editor", "Pewarta", "Baca", "Lihat", "Nomor", "No", "Polisi", "Pol", "Purn", "TNI", "Inf",
    "Kav", "Arh", "Czi", "Cpm", "Laut", "Udara", "Darat", "WIB", "WITA", "WIT", "Wib", "Wita",
    "Wit", "Anumerta", "Presiden", "Menteri", "Ketua", "Sekretaris", "Komisioner",
)  # fmt: skip

# Army corps and branch marks written after a rank ("Letkol Inf"): the rank is not Polri's.
TNI_CORPS: tuple[str, ...] = (
    "TNI", "Inf", "Kav", "Arh", "Czi", "Cpm", "Chb", "Cku", "Caj", "Ckm", "Marinir", "Pnb",
    "Mar", "Tek", "Kes", "Sus", "Lek", "Adm", "Psk", "Cba", "Cpl", "Ctp",
)  # fmt: skip

# Common lowercase words that some spelling writes in capitals ("DI Yogyakarta", "AS"):
# left as they are in a lowercase headline.
NEVER_RECASED: tuple[str, ...] = (
    "di", "ke", "dan", "dari", "as", "pn", "tim", "unit", "pos", "pusat",
)  # fmt: skip

# Words that join police to whoever comes before them in a headline ("… Bulog dan Polda").
JOINING_WORDS: tuple[str, ...] = ("dan", "serta", "bersama", "gandeng", "libatkan")

# Words that may stand between a verb and the police it governs ("meminta para petugas").
GROUP_WORDS: tuple[str, ...] = (
    "para", "pihak", "aparat", "petugas", "anggota", "personel", "jajaran", "tim", "oknum",
    "sejumlah",
)  # fmt: skip

# Abbreviations written with a full stop that does not end a sentence ("Kombes Pol. Budi").
ABBREVIATIONS: tuple[str, ...] = (
    "Pol", "Jl", "Jln", "Dr", "Drs", "Dra", "Ir", "Moh", "Muh", "Mhd", "No", "Kab", "Kep", "St",
    "dkk", "Prof", "Hj", "KH", "SH", "MH", "SIK", "Si", "Kec", "Kel", "Ds", "Tsk", "Ybs", "WIB",
    "WITA", "WIT",
)  # fmt: skip

# Words that place a story in Indonesia (besides its provinces, regencies and cities).
INDONESIA: tuple[str, ...] = (
    "Indonesia", "RI", "Nusantara", "Polri",
)  # fmt: skip

# Name words many people share (Balinese birth-order names, "Muhammad"…): a sentence that
# starts with one of them alone does not name an officer again.
SHARED_NAME_WORDS: tuple[str, ...] = (
    "Muhammad", "Mohammad", "Mohamad", "Muhamad", "Ahmad", "Achmad", "Abdul", "Siti", "Nur",
    "Made", "Putu", "Wayan", "Nyoman", "Ketut", "Gede", "Komang", "Kadek", "Nengah", "Gusti",
    "Ngurah", "Agung", "Anak", "Dewa", "Ida", "Bagus", "Ayu", "Andi", "Raden",
)  # fmt: skip

# Speech words written before the speaker's name ("kata Hendrik").
SAID_BEFORE_NAME: tuple[str, ...] = (
    "kata", "ujar", "ucap", "tutur", "jelas", "tegas", "terang", "imbuh", "tambah", "papar",
    "sebut", "menurut",
)  # fmt: skip
