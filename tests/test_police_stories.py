"""Whole stories, one per failure class seen on real news (issue 7), written for these tests.

Each story is invented (names, places and events are made up) but written the way Indonesian
news is: datelines, quotes, related-story lines, photo credits. Negatives name the police in
passing; positives are about what police did or said.
"""

from __future__ import annotations

import pytest

from antara_crawl.police import Officer, analyse

# (class, title, body, is_police, officers)
STORIES: list[tuple[str, str, str, bool, list[Officer]]] = [
    # ------------------------------------------------------------------ passing mentions
    (
        "police_inside_a_firefighters_quote",
        "Korsleting diduga picu kebakaran rumah di Kramatwatu",
        "Serang - Sebuah rumah milik Sarnah (52) di Desa Pejaten terbakar pada Rabu sore.\n"
        "Kebakaran itu lebih dulu diketahui pihak kepolisian yang lalu mengabari petugas "
        "pemadam.\n"
        '"Kami menerima laporan dari polsek setempat sekitar pukul 16.00," ujar Komandan '
        "Regu Damkar Kabupaten Serang, Jaenal.\n"
        '"Dugaan awal dari koordinasi dengan Polsek, penyebabnya korsleting," tuturnya.\n'
        "Jaenal menambahkan dua mobil pemadam dikerahkan dan api padam dalam satu jam.\n"
        '"Tidak ada korban jiwa, kerugian sekitar Rp40 juta," katanya.',
        False,
        [],
    ),
    (
        "bhabinkamtibmas_at_a_fire",
        "Warung sembako di Sukawati ludes terbakar",
        "Gianyar - Sebuah warung sembako milik Ni Ketut Sari (62) di Desa Batuan ludes "
        "terbakar pada Senin siang.\n"
        "Api diduga berasal dari tabung gas yang bocor. Warga berusaha memadamkan api dengan "
        "ember sebelum dua unit mobil pemadam kebakaran tiba.\n"
        "Babinsa Koramil Sukawati Serka Made Arta bersama Bhabinkamtibmas Aiptu Komang Sudira "
        "ikut membantu warga mengevakuasi barang dagangan.\n"
        '"Kerugian ditaksir mencapai Rp50 juta," kata Kepala Desa Batuan Wayan Gede.',
        False,
        [Officer("Aiptu", "Komang Sudira", None)],
    ),
    (
        "night_watch",
        "Warga Oesapa hidupkan lagi ronda malam",
        "Kupang - Warga RT 05 Kelurahan Oesapa kembali menghidupkan ronda malam setelah "
        "beberapa rumah kemalingan.\n"
        "Ketua RT Yosef Nitbani mengatakan setiap malam empat warga berjaga secara bergiliran "
        "di pos kamling.\n"
        "Bhabinkamtibmas kelurahan sesekali datang menyapa warga yang berjaga.\n"
        '"Kami ingin lingkungan kembali aman," ujar Yosef.',
        False,
        [],
    ),
    (
        "search_and_rescue_list",
        "Pemancing hilang di Pantai Tablolong ditemukan meninggal",
        "Kupang - Tim SAR gabungan menemukan seorang pemancing yang hilang di perairan Pantai "
        "Tablolong dalam keadaan meninggal dunia.\n"
        "Pencarian melibatkan Basarnas Kupang, TNI, Polri, BPBD dan nelayan setempat sejak "
        "Jumat pagi.\n"
        "Kepala Kantor SAR Kupang Petrus Ndun mengatakan jenazah diserahkan kepada keluarga.\n"
        '"Operasi SAR kami tutup hari ini," kata Petrus.',
        False,
        [],
    ),
    (
        "satpol_pp_tni_polri_list",
        "Pemkot tertibkan reklame liar di jalan protokol",
        "Mataram - Pemerintah Kota Mataram menertibkan puluhan papan reklame tanpa izin di "
        "jalan protokol.\n"
        "Penertiban dilakukan Satpol PP bersama Dinas Perhubungan, TNI, dan Polri.\n"
        "Kepala Satpol PP Kota Mataram Lalu Hasan mengatakan pemilik reklame sudah diberi "
        "surat peringatan sebanyak tiga kali.",
        False,
        [],
    ),
    (
        "police_hospital",
        "RS Polri terima 12 kantong jenazah korban kebakaran gudang",
        "Jakarta - Rumah Sakit Polri Kramat Jati menerima 12 kantong jenazah korban kebakaran "
        "gudang di Jakarta Utara.\n"
        "Kepala RS Polri Brigjen Pol Heru Wibisono mengatakan tim forensik mulai mencocokkan "
        "data antemortem keluarga.\n"
        '"Keluarga kami minta membawa dokumen dan sampel pembanding," kata Heru.',
        False,
        [Officer("Brigjen Pol", "Heru Wibisono", None)],
    ),
    (
        "politician_bare_polda",
        "Calon gubernur minta pendukung tidak terpancing hoaks",
        "Bandung - Calon gubernur Asep Mulyana meminta para pendukungnya tidak terpancing "
        "kabar bohong menjelang pemungutan suara.\n"
        '"Kalau ada yang menyebar fitnah, kami laporkan ke Polda," ujar Asep di Bandung.\n'
        "Ia juga meminta tim relawan menjaga suasana tetap sejuk selama kampanye.",
        False,
        [],
    ),
    # ------------------------------------------------------------------ other bodies
    (
        "bnn_led_by_a_police_general",
        "BNNP NTT musnahkan dua kilogram sabu",
        "Kupang - Badan Narkotika Nasional Provinsi (BNNP) NTT memusnahkan dua kilogram sabu "
        "hasil pengungkapan di Bandara El Tari.\n"
        "Kepala BNNP NTT Brigjen Pol Markus Lende mengatakan sabu itu dibawa seorang kurir "
        "dari Surabaya.\n"
        '"Kurir itu bagian dari jaringan antarprovinsi," kata Markus.\n'
        "Pemusnahan disaksikan perwakilan kejaksaan, Polda NTT dan tokoh agama.",
        False,
        [Officer("Brigjen Pol", "Markus Lende", None)],
    ),
    (
        "bnn_deputy_with_a_bare_general_rank",
        "BNN sita 300 kilogram ganja di jalur lintas Sumatera",
        "Medan - Badan Narkotika Nasional (BNN) menyita 300 kilogram ganja dari sebuah truk "
        "di jalur lintas Sumatera.\n"
        '"Sopir truk kami tangkap di sebuah rumah makan," ujar Deputi Pemberantasan BNN, '
        "Brigjen Anton Siregar, Rabu.\n"
        "BNN juga menangkap dua pemilik ganja di Mandailing Natal.",
        False,
        [Officer("Brigjen Pol", "Anton Siregar", None)],
    ),
    (
        "customs_with_police_support",
        "Bea Cukai gagalkan penyelundupan 200 ribu batang rokok",
        "Batam - Bea Cukai Batam menggagalkan penyelundupan 200 ribu batang rokok ilegal di "
        "Pelabuhan Sekupang.\n"
        "Penindakan dilakukan bersama Polres Barelang yang membantu pengamanan lokasi.\n"
        "Kepala Kantor Bea Cukai Batam Rudi Hartawan mengatakan kerugian negara mencapai "
        "Rp300 juta.",
        False,
        [],
    ),
    (
        "kpk_with_police_escort",
        "KPK tahan bupati dalam kasus suap proyek jalan",
        "Jakarta - Komisi Pemberantasan Korupsi (KPK) menahan seorang bupati dalam kasus suap "
        "proyek jalan.\n"
        "Juru bicara KPK Tessa Rahman mengatakan tersangka ditahan selama 20 hari pertama.\n"
        "Penahanan dikawal aparat kepolisian hingga rumah tahanan.\n"
        '"Penyidik masih mendalami aliran dana," ujar Tessa.',
        False,
        [],
    ),
    (
        "prosecutor_side_crime",
        "Jaksa tuntut pembunuh sopir taksi 15 tahun penjara",
        "Denpasar - Jaksa penuntut umum menuntut terdakwa pembunuhan sopir taksi daring "
        "dengan hukuman 15 tahun penjara.\n"
        "Dalam sidang di Pengadilan Negeri Denpasar, JPU Ketut Wirya menyatakan terdakwa "
        "terbukti melakukan pembunuhan berencana.\n"
        "Terdakwa sebelumnya ditangkap polisi dua hari setelah kejadian.\n"
        "Majelis hakim menunda sidang hingga pekan depan untuk pembelaan.",
        False,
        [],
    ),
    (
        "court_verdict",
        "Hakim vonis pencuri kabel tembaga tiga tahun",
        "Makassar - Majelis hakim Pengadilan Negeri Makassar menjatuhkan vonis tiga tahun "
        "penjara kepada dua pencuri kabel tembaga.\n"
        "Hakim ketua Andi Rahmat menyatakan kedua terdakwa terbukti mencuri kabel milik PLN.\n"
        "Jaksa menyatakan pikir-pikir atas putusan itu.",
        False,
        [],
    ),
    # ------------------------------------------------------------------ foreign forces
    (
        "us_police",
        "Polisi tembak pria bersenjata, warga turun ke jalan",
        "Ratusan warga turun ke jalan di Minneapolis, Amerika Serikat, setelah polisi "
        "menembak seorang pria yang disebut membawa senjata.\n"
        "Kepolisian kota itu menyatakan petugas merasa terancam ketika pria tersebut tidak "
        "menuruti perintah.\n"
        "Keluarga korban membantah dan meminta rekaman kamera tubuh petugas dibuka.\n"
        "Para pengunjuk rasa berkumpul di depan kantor polisi hingga larut malam, sementara "
        "wali kota meminta warga tetap tenang dan menunggu hasil penyelidikan independen.",
        False,
        [],
    ),
    (
        "malaysian_district_police",
        "Sebelas pekerja migran ditahan di Johor",
        "Sebelas pekerja migran asal Indonesia ditahan Kepolisian Daerah Johor Bahru Selatan "
        "dalam razia di sebuah perkebunan.\n"
        "Polis Diraja Malaysia menyebut para pekerja tidak memiliki dokumen sah.\n"
        "Konsulat RI di Johor Bahru mengirim staf untuk mendampingi mereka.",
        False,
        [],
    ),
    (
        "thai_police",
        "Turis Indonesia jadi korban copet di Bangkok",
        "Seorang turis asal Surabaya kehilangan paspor dan dompet di sebuah pasar malam di "
        "Bangkok.\n"
        "Polisi Thailand sudah menerima laporan korban dan memeriksa rekaman kamera pengawas.\n"
        "KBRI Bangkok menerbitkan surat perjalanan laksana paspor bagi korban.",
        False,
        [],
    ),
    # ------------------------------------------------------------------ not Polri
    (
        "wilayatul_hisbah",
        "Razia busana ketat, 30 warga terjaring di Aceh Barat",
        "Meulaboh - Wilayatul Hisbah Aceh Barat menjaring 30 warga yang mengenakan busana "
        "ketat dalam razia di pusat kota.\n"
        "Polisi syariat itu memberi pembinaan dan mencatat identitas warga yang terjaring.\n"
        '"Razia akan kami gelar rutin," kata Kepala Satpol PP dan WH Aceh Barat Teuku Ridwan.',
        False,
        [],
    ),
    (
        "railway_special_police",
        "Polsuska turunkan penumpang tanpa tiket di Stasiun Kiaracondong",
        "Bandung - Polisi khusus kereta api (Polsuska) menurunkan lima penumpang tanpa tiket "
        "di Stasiun Kiaracondong.\n"
        "Manajer humas KAI Daop 2 Bandung Rina Lestari mengatakan Polsuska rutin memeriksa "
        "tiket di atas kereta.\n"
        "Polsuska juga mengawal perjalanan kereta malam.",
        False,
        [],
    ),
    (
        "bhayangkara_university",
        "Universitas Bhayangkara wisuda 900 lulusan",
        "Bekasi - Universitas Bhayangkara Jakarta Raya mewisuda 900 lulusan dari tujuh "
        "fakultas.\n"
        "Rektor Ubhara Jaya Hendra Gunawan meminta lulusan siap bersaing di dunia kerja.\n"
        "Wisuda juga dihadiri perwakilan Mabes Polri selaku pembina yayasan.",
        False,
        [],
    ),
    (
        "bhayangkara_volleyball",
        "Jakarta Bhayangkara Presisi juara Proliga",
        "Jakarta Bhayangkara Presisi menjuarai Proliga setelah menang 3-1 atas juara "
        "bertahan.\n"
        "Pelatih Rudi Hartanto memuji kedisiplinan para pemainnya sepanjang musim.\n"
        "Tim milik Polri itu kini bersiap tampil di kejuaraan antarklub Asia.",
        False,
        [],
    ),
    (
        "bhayangkara_fc",
        "Bhayangkara FC hajar tim tamu tiga gol tanpa balas",
        "Bhayangkara FC menang 3-0 atas tim tamu dalam lanjutan Liga 1 di Stadion PTIK.\n"
        "Dua gol dicetak penyerang asal Brasil pada babak kedua.\n"
        '"Kami bermain disiplin," kata pelatih Bhayangkara FC usai laga.',
        False,
        [],
    ),
    (
        "military_police",
        "Polisi Militer tahan prajurit pelaku pengeroyokan",
        "Kupang - Polisi Militer Kodam IX/Udayana menahan seorang prajurit yang diduga "
        "terlibat pengeroyokan di sebuah kafe.\n"
        "Komandan Pomdam Kolonel Cpm Agus Salim mengatakan prajurit itu diperiksa secara "
        "intensif.\n"
        "Korban sempat melapor ke polisi sebelum kasus dilimpahkan ke Pomdam.",
        False,
        [],
    ),
    (
        "retired_officer_in_another_post",
        "Pj Gubernur minta harga beras dikendalikan",
        "Semarang - Penjabat Gubernur Jawa Tengah Komisaris Jenderal Polisi (Purn) Hadi "
        "Sutrisno meminta satgas pangan mengendalikan harga beras.\n"
        '"Stok kita aman sampai akhir tahun," kata Hadi dalam rapat koordinasi inflasi.\n'
        "Ia juga meminta bupati dan wali kota menggelar operasi pasar bersama Bulog dan "
        "Polda Jateng.",
        False,
        [Officer("Komjen Pol", "Hadi Sutrisno", None)],
    ),
    (
        "governor_asks_the_police",
        "Gubernur minta polisi usut pembakaran hutan",
        "Pekanbaru - Gubernur Riau meminta polisi mengusut pembakaran hutan di Kabupaten "
        "Pelalawan.\n"
        "Menurut dia, kebakaran tahun ini lebih luas dibanding tahun lalu.\n"
        '"Pelakunya harus dihukum berat," kata Gubernur di Pekanbaru.',
        False,
        [],
    ),
    # ------------------------------------------------------------------ related headlines
    (
        "related_headlines_inside_the_text",
        "Petani Malaka panen jagung lebih awal",
        "Betun - Petani di Kabupaten Malaka memanen jagung lebih awal karena curah hujan "
        "cukup sejak November.\n"
        "Baca juga: Bea Cukai dan Polri gagalkan penyelundupan sabu di perbatasan\n"
        "Kepala Dinas Pertanian Malaka Yohanes Bria mengatakan hasil panen naik 20 persen.\n"
        "Baca Juga: Kapolres Malaka AKBP Rudi Hartono pimpin razia senjata tajam\n"
        "Lihat juga: Polisi tangkap pencuri sapi di Betun\n"
        "(Baca juga: Polres Malaka bekuk penadah sapi curian)\n"
        "Panen dimulai pekan lalu. Baca juga: Kapolsek Betun AKP Yan Bria tangkap pencuri\n"
        "Foto: Humas Polres Malaka/AKP Yosef Seran",
        False,
        [],
    ),
    # ------------------------------------------------------------------ police news
    (
        "arrest_with_police_speaker",
        "Polres Sikka bekuk dua pencuri ternak",
        "Maumere - Satreskrim Polres Sikka membekuk dua pria yang diduga mencuri 12 ekor "
        "kambing milik warga Kecamatan Alok.\n"
        "Kapolres Sikka AKBP (Pol) Hendra Saputra\n"
        "mengatakan kedua pelaku ditangkap di rumah mereka tanpa perlawanan.\n"
        '"Barang bukti dua ekor kambing sudah kami amankan," kata Hendra.',
        True,
        [Officer("AKBP", "Hendra Saputra", "Kapolres Sikka")],
    ),
    (
        "propam_code_of_ethics",
        "Bidpropam Polda Bali sidang etik dua anggota",
        "Denpasar - Bidang Propam Polda Bali menggelar sidang kode etik terhadap dua anggota "
        "yang diduga memeras wisatawan.\n"
        "Kabid Humas Polda Bali Kombes Pol Drs. I Made Sudira, S.H., M.H. mengatakan "
        "keduanya terancam pemberhentian tidak dengan hormat.\n"
        '"Tidak ada toleransi bagi anggota yang mencoreng nama institusi," kata Sudira.',
        True,
        [Officer("Kombes Pol", "I Made Sudira", "Kabid Humas Polda Bali")],
    ),
    (
        "officers_on_trial",
        "Dua polisi didakwa memeras sopir truk",
        "Kupang - Dua anggota Polres Kupang Kota, Bripka Anton Manu dan Briptu Yakob Seran, "
        "didakwa memeras sopir truk di jalur Timor Raya.\n"
        "Dalam sidang di Pengadilan Negeri Kupang, jaksa menyebut keduanya meminta uang "
        "Rp5 juta dari setiap sopir.\n"
        "Sebelumnya Propam Polda NTT telah menahan kedua polisi itu selama 21 hari.",
        True,
        [Officer("Bripka", "Anton Manu", None), Officer("Briptu", "Yakob Seran", None)],
    ),
    (
        "lowercase_slug_title",
        "polres ende ungkap pencurian ternak lintas kabupaten",
        "Ende - Polisi mengungkap komplotan pencuri ternak yang beraksi di tiga kabupaten.\n"
        "Kasat Reskrim Polres Ende AKP M. Rizal Fahmi mengatakan lima tersangka ditahan.\n"
        "Para tersangka dijerat pasal pencurian dengan pemberatan.",
        True,
        [Officer("AKP", "M. Rizal Fahmi", "Kasat Reskrim Polres Ende")],
    ),
    (
        "traffic_operation",
        "Operasi Zebra, 400 pengendara ditilang di Denpasar",
        "Denpasar - Satlantas Polresta Denpasar menilang 400 pengendara selama sepekan "
        "Operasi Zebra.\n"
        "Kasat Lantas Polresta Denpasar Kompol I Gede Astawa mengatakan pelanggaran terbanyak "
        "adalah tidak memakai helm.",
        True,
        [Officer("Kompol", "I Gede Astawa", "Kasat Lantas Polresta Denpasar")],
    ),
    (
        "national_police_statement",
        "Polri siagakan 150 ribu personel amankan mudik",
        "Jakarta - Polri menyiagakan 150 ribu personel untuk mengamankan arus mudik Lebaran.\n"
        "Karopenmas Divhumas Polri Brigjend Pol Dedi Hartono mengatakan pos pengamanan "
        "didirikan di sepanjang jalur mudik.\n"
        "Kakorlantas Polri Irjend Pol Agus Wibowo meminta pemudik beristirahat setiap empat "
        "jam.",
        True,
        [
            Officer("Brigjen Pol", "Dedi Hartono", "Karopenmas Divhumas Polri"),
            Officer("Irjen Pol", "Agus Wibowo", "Kakorlantas Polri"),
        ],
    ),
    (
        "police_led_joint_operation",
        "Polda NTT dan Bea Cukai gagalkan penyelundupan miras",
        "Kupang - Ditreskrimsus Polda NTT bersama Bea Cukai Atapupu menggagalkan "
        "penyelundupan 500 botol minuman keras dari Timor Leste.\n"
        "Dirreskrimsus Polda NTT Kombes Pol Yohanes Kase mengatakan dua tersangka ditahan.\n"
        '"Kami masih memburu pemilik barang," kata Yohanes.',
        True,
        [Officer("Kombes Pol", "Yohanes Kase", "Dirreskrimsus Polda NTT")],
    ),
    (
        "police_family_kindergarten",
        "Murid TK Kemala Bhayangkari belajar rambu lalu lintas",
        "Sinjai - Tiga puluh murid TK Kemala Bhayangkari 07 Sinjai berkunjung ke kantor "
        "Satpas Polres Sinjai, Kamis pagi.\n"
        "Kunjungan itu didampingi Ketua Bhayangkari Cabang Sinjai dan para guru.\n"
        "Kanit Dikyasa Satlantas Polres Sinjai Ipda Rahmat Hidayat mengenalkan rambu dan "
        "lampu lalu lintas kepada anak-anak.\n"
        '"Sejak dini mereka kami ajak tertib berlalu lintas," kata Rahmat.',
        True,
        [Officer("Ipda", "Rahmat Hidayat", "Kanit Dikyasa Satlantas Polres Sinjai")],
    ),
    (
        "police_officer_as_spokesman_of_a_search",
        "Hari keempat pencarian nelayan hilang di Laut Banda belum membuahkan hasil",
        "Ambon - Pencarian dua nelayan yang hilang di perairan Laut Banda memasuki hari "
        "keempat, Selasa.\n"
        "Tim SAR gabungan menyisir perairan hingga Pulau Saparua.\n"
        '"Hasilnya masih nihil," kata Kapolres Maluku Tengah AKBP Rudi Tanamal.\n'
        "Rudi mengatakan polres menambah dua kapal patroli dan dua puluh personel untuk "
        "pencarian.\n"
        "Pencarian melibatkan Basarnas, TNI AL, Polri dan nelayan setempat.",
        True,
        [Officer("AKBP", "Rudi Tanamal", "Kapolres Maluku Tengah")],
    ),
    (
        "police_criticised_by_a_rights_body",
        "Gas air mata di Stadion Gelora Jaya disebut sudah kedaluwarsa",
        "Jakarta - Komnas HAM menyimpulkan penembakan gas air mata di Stadion Gelora Jaya "
        "menjadi pemicu utama kepanikan penonton.\n"
        '"Gas air mata ditembakkan ke arah tribun yang penuh," kata komisioner Komnas HAM '
        "Beka Sitorus.\n"
        "Kapolri mengungkapkan dua perwira yang memberi perintah itu, yakni Danki Brimob "
        "Polda Jateng AKP Dodi Hartono dan Kabag Ops Polres Klaten Kompol Samsul Huda.\n"
        "Dodi diduga memerintahkan anggotanya menembakkan gas air mata ke tribun selatan, "
        "sedangkan Samsul tidak mencegahnya.",
        True,
        [
            Officer("AKP", "Dodi Hartono", None),
            Officer("Kompol", "Samsul Huda", "Kabag Ops Polres Klaten"),
        ],
    ),
    (
        "officer_killed_on_duty",
        "Kapolri naikkan pangkat anggota yang gugur di Papua",
        "Jayapura - Kapolri memberikan kenaikan pangkat luar biasa kepada Bripda (anumerta) "
        "Samuel Wonda yang gugur saat bertugas di Intan Jaya.\n"
        "Kapolda Papua Irjen (Pol) Petrus Waine mengatakan jenazah diterbangkan ke kampung "
        "halamannya.",
        True,
        [
            Officer("Bripda", "Samuel Wonda", None),
            Officer("Irjen Pol", "Petrus Waine", "Kapolda Papua"),
        ],
    ),
    (
        "doctor_officer_after_a_comma_after_the_rank",
        "Tim DVI Polda Jambi kenali tujuh korban bus di Sarolangun",
        "Jambi - Tim Disaster Victim Identification (DVI) Polda Jambi mengenali tujuh korban "
        "tewas kecelakaan bus di Kabupaten Sarolangun pada Selasa.\n"
        "Kepala Bidang Kedokteran dan Kesehatan Polda Jambi, Kombes Pol, dr. Hendra Sasmita, "
        "mengatakan enam korban dikenali dari sidik jari dan satu dari data gigi.\n"
        '"Jenazah yang sudah dikenali langsung kami serahkan kepada keluarga," kata Hendra.\n'
        "Polres Sarolangun masih menyelidiki penyebab kecelakaan itu.",
        True,
        [Officer("Kombes Pol", "Hendra Sasmita", None)],
    ),
    (
        "award_list_names_before_ranks",
        "Empat polisi NTT terima penghargaan dari Kapolri",
        "Kupang - Kapolri memberikan penghargaan kepada empat anggota Polda NTT yang dinilai "
        "berprestasi sepanjang tahun ini.\n"
        "Penerima penghargaan itu yakni: 1. Yohanes Bria Kombes Pol, Dirreskrimum Polda NTT; "
        "2. Markus Lena AKP, Kasat Reskrim Polres Sikka; 3. Agustinus Tefa, Inspektur Polisi "
        "Dua, Kanit Lantas Polsek Alok; dan 4. Maria Goreti, Brigadir Polisi Satu, Polres Ende.\n"
        "Penghargaan itu diserahkan di Mapolda NTT, Kupang, pada Senin.",
        True,
        [
            Officer("Kombes Pol", "Yohanes Bria", None),
            Officer("AKP", "Markus Lena", None),
            Officer("Ipda", "Agustinus Tefa", None),
            Officer("Briptu", "Maria Goreti", None),
        ],
    ),
]


@pytest.mark.parametrize(
    ("title", "body", "is_police", "officers"),
    [pytest.param(*story[1:], id=story[0]) for story in STORIES],
)
def test_story(title: str, body: str, is_police: bool, officers: list[Officer]) -> None:
    report = analyse(title, body)
    assert report.is_police is is_police, report.reasons
    assert report.officers == officers


def test_every_story_class_is_covered_both_ways() -> None:
    assert sum(s[3] for s in STORIES) >= 8
    assert sum(not s[3] for s in STORIES) >= 20


# (sentence, the officer as written in it)
OFFICER_SPELLINGS: list[tuple[str, Officer]] = [
    (
        "kata Komisaris Jenderal (Pol) Budi Hartanto.",
        Officer("Komjen Pol", "Budi Hartanto", None),
    ),
    ("kata Irjen (Pol) Agus Salim di Jakarta.", Officer("Irjen Pol", "Agus Salim", None)),
    ("kata Irjend Pol. Made Sukarta.", Officer("Irjen Pol", "Made Sukarta", None)),
    ("kata Brigjend Pol Rudi Hartono.", Officer("Brigjen Pol", "Rudi Hartono", None)),
    ("kata Irjen. Pol. Ronald F. Sitompul.", Officer("Irjen Pol", "Ronald F. Sitompul", None)),
    ("kata Irjen Pol.Putu Danu Wirawan.", Officer("Irjen Pol", "Putu Danu Wirawan", None)),
    ("kata Bripka (anumerta) Yohanes Kase.", Officer("Bripka", "Yohanes Kase", None)),
    ("kata Brigpol Andreas Lelo.", Officer("Brigpol", "Andreas Lelo", None)),
    (
        "kata Kapolsek Alok Komisaris Agus Tuka.",
        Officer("Kompol", "Agus Tuka", "Kapolsek Alok"),
    ),
    ("kata Kompol Kompol. I Gusti Sunarta, S.H.", Officer("Kompol", "I Gusti Sunarta", None)),
    ("kata AKP M. Rizal Fahmi.", Officer("AKP", "M. Rizal Fahmi", None)),
    ("kata Ipda I Made Wirawan.", Officer("Ipda", "I Made Wirawan", None)),
    ("kata Aiptu Yohanes da Costa.", Officer("Aiptu", "Yohanes da Costa", None)),
    ("kata Aipda Abdul Karim bin Ali.", Officer("Aipda", "Abdul Karim bin Ali", None)),
    (
        "kata Kombes Pol\nBudi Santoso, S.I.K., M.H. di Kupang.",
        Officer("Kombes Pol", "Budi Santoso", None),
    ),
    (
        "kata Dansat Brimob Polda Kalbar Kbp Irwan\nJaya, S.I.K. di Pontianak.",
        Officer("Kombes Pol", "Irwan Jaya", "Dansat Brimob Polda Kalbar"),
    ),
    ("kata AKBP   Budi    Santoso di Kupang.", Officer("AKBP", "Budi Santoso", None)),
    (
        "Di Mabes Polri, Jenderal (Purn) Budi Santoso bertemu para perwira.",
        Officer("Jenderal Pol", "Budi Santoso", None),
    ),
    ("kata AKBP Drs. H. Yusuf Hamid, S.H., M.Si.", Officer("AKBP", "Yusuf Hamid", None)),
    ("kata Kapolres AKPB Prabowo Santoso, SIK.", Officer("AKBP", "Prabowo Santoso", "Kapolres")),
    ("kata Kanit Binmas Iptu H Joko Susilo.", Officer("Iptu", "Joko Susilo", None)),
    (
        "kata Wakapolda Bali Brigjen pol Made Rai.",
        Officer("Brigjen Pol", "Made Rai", "Wakapolda Bali"),
    ),
    (
        "kata Bharada E atau Rudi Eka Saputra di Jakarta.",
        Officer("Bharada", "Rudi Eka Saputra", None),
    ),
    (
        "Perkara itu menyeret Mayor Pol. S. Harjono, perwira Komdak Metro Jaya.",
        Officer("Mayor Pol", "S. Harjono", None),
    ),
    (
        "ujar Kasubdit Jatanras Polda Metro Jaya, Hendra Gunawan, di Jakarta.",
        Officer(None, "Hendra Gunawan", "Kasubdit Jatanras Polda Metro Jaya"),
    ),
    (
        "Aula itu diberi nama Kapolda NTT terdahulu, Yakobus Lelo.",
        Officer(None, "Yakobus Lelo", None),
    ),
    (
        "ujar Karopenmas Mabes Polri Dedi Prasetya di Jakarta.",
        Officer(None, "Dedi Prasetya", "Karopenmas Divhumas Polri"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), OFFICER_SPELLINGS)
def test_officer_spelling(sentence: str, expected: Officer) -> None:
    assert analyse("Berita daerah", sentence).officers == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Babinsa Serka Nyoman Arta membantu warga.",
        "Dandim Letkol Inf Budi Santoso hadir.",
        "Ketua Polis Daerah Johor Bahru Selatan Asisten Komisioner Raub Selamat mengatakan.",
        "Foto: Humas Polres Sikka/AKP Yosef Seran",
        "Kapolres Sikka Serahkan Bantuan Sembako untuk Warga Banjir\nKORANFLORES, MAUMERE.",
        "Serda Made Arta dan Kolonel Budi Santoso hadir di Polres Ende.",
        "Kasubbag Humas Polres Bangkalan, Madura, Jawa Timur, menjelaskan kasus itu.",
        "Kapolres Ende, Presiden Direktur PT Flores Jaya, dan warga hadir.",
        "Baca juga: Kapolres Ende AKBP Budi Santoso pimpin apel",
        "Polisi Thailand menahan Kolonel Somchai Prasert.",
        "Kepala Satpol PP Kota Kupang Adrianus Bota mengatakan.",
        "Polres Kupang menutup Jalan Jenderal Sudirman dan Jl. Jenderal Ahmad Yani.",
        "Di Mabes Polri, Direktur Jenderal Pendidikan Tinggi dan Sekretaris Jenderal DPR hadir.",
        "Rapat dihadiri: Bupati Ende, AKBP, Kasat Reskrim Polres Ende.",
        "Peserta: 1. Budi Santoso Brigjen, Polres Ende.",
        "Pangkat naik: 1. Kompol, Polres Ende; 2. AKBP, Polda Bali.",
    ],
)
def test_no_officer_from(sentence: str) -> None:
    assert analyse("Berita daerah", sentence).officers == []


def test_no_officer_from_a_body_line_that_repeats_the_headline() -> None:
    title = "Kapolda Bali Tinjau Pos Pengamanan Nyepi"
    body = f"{title}\nBALIWARTA, DENPASAR.\nKapolda Bali Irjen Pol Made Rai meninjau pos itu."
    assert analyse(title, body).officers == [Officer("Irjen Pol", "Made Rai", "Kapolda Bali")]
