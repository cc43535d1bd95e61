"""Indonesia's regencies and cities by province: where a Polres, Polresta or Polsek lies.

Data only. One province per key (the names :mod:`antara_crawl.portals` uses, plus the provinces
created since); its value lists the regencies (kabupaten) and cities (kota) in it, separated by
``|``, without "Kabupaten"/"Kota". A name listed under two provinces (Banjar) is ambiguous and
yields no province. To add a place, append ``|Name`` to its province's string.
"""

from __future__ import annotations

REGENCIES_AND_CITIES: dict[str, str] = {
    "Aceh": (
        "Simeulue|Aceh Singkil|Aceh Selatan|Aceh Tenggara|Aceh Timur|Aceh Tengah|Aceh Barat|"
        "Aceh Besar|Pidie|Bireuen|Aceh Utara|Aceh Barat Daya|Gayo Lues|Aceh Tamiang|Nagan Raya|"
        "Aceh Jaya|Bener Meriah|Pidie Jaya|Banda Aceh|Sabang|Langsa|Lhokseumawe|Subulussalam"
    ),
    "Sumatera Utara": (
        "Nias|Mandailing Natal|Tapanuli Selatan|Tapanuli Tengah|Tapanuli Utara|Toba|Toba Samosir|"
        "Labuhanbatu|Labuhan Batu|Asahan|Simalungun|Dairi|Karo|Tanah Karo|Deli Serdang|Langkat|"
        "Nias Selatan|Humbang Hasundutan|Pakpak Bharat|Samosir|Serdang Bedagai|Batu Bara|"
        "Padang Lawas Utara|Padang Lawas|Labuhanbatu Selatan|Labuhan Batu Selatan|"
        "Labuhanbatu Utara|Labuhan Batu Utara|Nias Utara|Nias Barat|Sibolga|Tanjungbalai|"
        "Tanjung Balai|Pematangsiantar|Pematang Siantar|Tebing Tinggi|Medan|Binjai|"
        "Padangsidimpuan|Padang Sidempuan|Gunungsitoli|Belawan|Pelabuhan Belawan"
    ),
    "Sumatera Barat": (
        "Kepulauan Mentawai|Mentawai|Pesisir Selatan|Solok|Sijunjung|Tanah Datar|Padang Pariaman|"
        "Agam|Lima Puluh Kota|Limapuluh Kota|Pasaman|Solok Selatan|Dharmasraya|Pasaman Barat|"
        "Padang|Sawahlunto|Padang Panjang|Bukittinggi|Payakumbuh|Pariaman"
    ),
    "Riau": (
        "Kuantan Singingi|Indragiri Hulu|Indragiri Hilir|Pelalawan|Siak|Kampar|Rokan Hulu|"
        "Bengkalis|Rokan Hilir|Kepulauan Meranti|Meranti|Pekanbaru|Dumai"
    ),
    "Jambi": (
        "Kerinci|Merangin|Sarolangun|Batanghari|Batang Hari|Muaro Jambi|Tanjung Jabung Timur|"
        "Tanjung Jabung Barat|Tebo|Bungo|Jambi|Sungai Penuh"
    ),
    "Sumatera Selatan": (
        "Ogan Komering Ulu|Ogan Komering Ilir|Muara Enim|Lahat|Musi Rawas|Musi Banyuasin|"
        "Banyuasin|Ogan Komering Ulu Selatan|Ogan Komering Ulu Timur|Ogan Ilir|Empat Lawang|"
        "Penukal Abab Lematang Ilir|Musi Rawas Utara|Palembang|Prabumulih|Pagar Alam|"
        "Lubuklinggau|Lubuk Linggau"
    ),
    "Bengkulu": (
        "Bengkulu Selatan|Rejang Lebong|Bengkulu Utara|Kaur|Seluma|Mukomuko|Lebong|Kepahiang|"
        "Bengkulu Tengah|Bengkulu"
    ),
    "Lampung": (
        "Lampung Barat|Tanggamus|Lampung Selatan|Lampung Timur|Lampung Tengah|Lampung Utara|"
        "Way Kanan|Tulang Bawang|Tulangbawang|Pesawaran|Pringsewu|Mesuji|Tulang Bawang Barat|"
        "Pesisir Barat|Bandar Lampung|Metro"
    ),
    "Kepulauan Bangka Belitung": (
        "Bangka|Belitung|Bangka Barat|Bangka Tengah|Bangka Selatan|Belitung Timur|Pangkalpinang|"
        "Pangkal Pinang"
    ),
    "Kepulauan Riau": (
        "Karimun|Bintan|Natuna|Lingga|Kepulauan Anambas|Anambas|Batam|Barelang|Tanjungpinang|"
        "Tanjung Pinang"
    ),
    "DKI Jakarta": (
        "Kepulauan Seribu|Jakarta Selatan|Jakarta Timur|Jakarta Pusat|Jakarta Barat|"
        "Jakarta Utara|Tanjung Priok|Pelabuhan Tanjung Priok"
    ),
    "Jawa Barat": (
        "Bogor|Sukabumi|Cianjur|Bandung|Garut|Tasikmalaya|Ciamis|Kuningan|Cirebon|Majalengka|"
        "Sumedang|Indramayu|Subang|Purwakarta|Karawang|Bekasi|Bandung Barat|Pangandaran|Depok|"
        "Cimahi|Banjar"
    ),
    "Jawa Tengah": (
        "Cilacap|Banyumas|Purbalingga|Banjarnegara|Kebumen|Purworejo|Wonosobo|Magelang|Boyolali|"
        "Klaten|Sukoharjo|Wonogiri|Karanganyar|Sragen|Grobogan|Blora|Rembang|Pati|Kudus|Jepara|"
        "Demak|Semarang|Temanggung|Kendal|Batang|Pekalongan|Pemalang|Tegal|Brebes|Surakarta|Solo|"
        "Salatiga"
    ),
    "DI Yogyakarta": "Kulon Progo|Bantul|Gunungkidul|Gunung Kidul|Sleman|Yogyakarta",
    "Jawa Timur": (
        "Pacitan|Ponorogo|Trenggalek|Tulungagung|Blitar|Kediri|Malang|Lumajang|Jember|Banyuwangi|"
        "Bondowoso|Situbondo|Probolinggo|Pasuruan|Sidoarjo|Mojokerto|Jombang|Nganjuk|Madiun|"
        "Magetan|Ngawi|Bojonegoro|Tuban|Lamongan|Gresik|Bangkalan|Sampang|Pamekasan|Sumenep|"
        "Surabaya|Batu|Tanjung Perak|Pelabuhan Tanjung Perak"
    ),
    "Banten": (
        "Pandeglang|Lebak|Tangerang|Serang|Cilegon|Tangerang Selatan|Bandara Soekarno-Hatta|"
        "Bandara Soekarno Hatta"
    ),
    "Bali": (
        "Jembrana|Tabanan|Badung|Gianyar|Klungkung|Bangli|Karangasem|Karang Asem|Buleleng|Denpasar"
    ),
    "Nusa Tenggara Barat": (
        "Lombok Barat|Lombok Tengah|Lombok Timur|Sumbawa|Dompu|Bima|Sumbawa Barat|Lombok Utara|"
        "Mataram"
    ),
    "Nusa Tenggara Timur": (
        "Sumba Barat|Sumba Timur|Kupang|Timor Tengah Selatan|Timor Tengah Utara|Belu|Alor|"
        "Lembata|Flores Timur|Sikka|Ende|Ngada|Manggarai|Rote Ndao|Manggarai Barat|Sumba Tengah|"
        "Sumba Barat Daya|Nagekeo|Manggarai Timur|Sabu Raijua|Malaka"
    ),
    "Kalimantan Barat": (
        "Sambas|Bengkayang|Landak|Mempawah|Sanggau|Ketapang|Sintang|Kapuas Hulu|Sekadau|Melawi|"
        "Kayong Utara|Kubu Raya|Pontianak|Singkawang"
    ),
    "Kalimantan Tengah": (
        "Kotawaringin Barat|Kotawaringin Timur|Kapuas|Barito Selatan|Barito Utara|Sukamara|"
        "Lamandau|Seruyan|Katingan|Pulang Pisau|Gunung Mas|Barito Timur|Murung Raya|"
        "Palangka Raya|Palangkaraya"
    ),
    "Kalimantan Selatan": (
        "Tanah Laut|Kotabaru|Kota Baru|Banjar|Barito Kuala|Tapin|Hulu Sungai Selatan|"
        "Hulu Sungai Tengah|Hulu Sungai Utara|Tabalong|Tanah Bumbu|Balangan|Banjarmasin|"
        "Banjarbaru|Banjar Baru"
    ),
    "Kalimantan Timur": (
        "Paser|Kutai Barat|Kutai Kartanegara|Kutai Timur|Berau|Penajam Paser Utara|Mahakam Ulu|"
        "Mahakam Hulu|Balikpapan|Samarinda|Bontang"
    ),
    "Kalimantan Utara": "Malinau|Bulungan|Tana Tidung|Nunukan|Tarakan",
    "Sulawesi Utara": (
        "Bolaang Mongondow|Minahasa|Kepulauan Sangihe|Sangihe|Kepulauan Talaud|Talaud|"
        "Minahasa Selatan|Minahasa Utara|Bolaang Mongondow Utara|Siau Tagulandang Biaro|"
        "Kepulauan Sitaro|Minahasa Tenggara|Bolaang Mongondow Selatan|Bolaang Mongondow Timur|"
        "Manado|Bitung|Tomohon|Kotamobagu"
    ),
    "Sulawesi Tengah": (
        "Banggai Kepulauan|Banggai|Morowali|Poso|Donggala|Tolitoli|Toli-Toli|Buol|"
        "Parigi Moutong|Tojo Una-Una|Sigi|Banggai Laut|Morowali Utara|Palu"
    ),
    "Sulawesi Selatan": (
        "Kepulauan Selayar|Selayar|Bulukumba|Bantaeng|Jeneponto|Takalar|Gowa|Sinjai|Maros|"
        "Pangkajene dan Kepulauan|Pangkajene Kepulauan|Barru|Bone|Soppeng|Wajo|"
        "Sidenreng Rappang|Pinrang|Enrekang|Luwu|Tana Toraja|Luwu Utara|Luwu Timur|"
        "Toraja Utara|Makassar|Parepare|Pare-Pare|Palopo|Pelabuhan Makassar"
    ),
    "Sulawesi Tenggara": (
        "Buton|Muna|Konawe|Kolaka|Konawe Selatan|Bombana|Wakatobi|Kolaka Utara|Buton Utara|"
        "Konawe Utara|Kolaka Timur|Konawe Kepulauan|Muna Barat|Buton Tengah|Buton Selatan|"
        "Kendari|Baubau|Bau-Bau"
    ),
    "Gorontalo": "Boalemo|Gorontalo|Pohuwato|Bone Bolango|Gorontalo Utara",
    "Sulawesi Barat": (
        "Majene|Polewali Mandar|Mamasa|Mamuju|Pasangkayu|Mamuju Utara|Mamuju Tengah"
    ),
    "Maluku": (
        "Kepulauan Tanimbar|Maluku Tenggara Barat|Maluku Tenggara|Maluku Tengah|Buru|"
        "Kepulauan Aru|Seram Bagian Barat|Seram Bagian Timur|Maluku Barat Daya|Buru Selatan|"
        "Ambon|Pulau Ambon|Tual"
    ),
    "Maluku Utara": (
        "Halmahera Barat|Halmahera Tengah|Kepulauan Sula|Halmahera Selatan|Halmahera Utara|"
        "Halmahera Timur|Pulau Morotai|Morotai|Pulau Taliabu|Taliabu|Ternate|Tidore Kepulauan|"
        "Tidore"
    ),
    "Papua Barat": (
        "Fakfak|Kaimana|Teluk Wondama|Teluk Bintuni|Manokwari|Manokwari Selatan|Pegunungan Arfak"
    ),
    "Papua Barat Daya": "Sorong Selatan|Sorong|Raja Ampat|Tambrauw|Maybrat",
    "Papua": ("Jayapura|Kepulauan Yapen|Biak Numfor|Sarmi|Keerom|Waropen|Supiori|Mamberamo Raya"),
    "Papua Selatan": "Merauke|Boven Digoel|Mappi|Asmat",
    "Papua Tengah": "Nabire|Puncak Jaya|Paniai|Mimika|Puncak|Dogiyai|Intan Jaya|Deiyai",
    "Papua Pegunungan": (
        "Jayawijaya|Pegunungan Bintang|Yahukimo|Tolikara|Mamberamo Tengah|Yalimo|Lanny Jaya|Nduga"
    ),
}
