"""Police news: is an article about Polri, and which units, officers and terms it names.

Pure functions over an article's title and body: no Scrapy, no I/O, regexes compiled once.

Decision rule (``analyse(...).is_police``)
------------------------------------------
1. Traps are blanked out first, so nothing inside them counts: Satpol PP / (Satuan) Polisi
   Pamong Praja; Polisi Militer / POM / Pomdam / Puspom / Denpom; polisi hutan / Polhut;
   "polisi tidur"; foreign police ("polisi Malaysia", PDRM); ranks written with "TNI"
   ("Brigjen TNI", "Jenderal TNI", "Kolonel TNI"); "Irjen"/"Inspektur Jenderal" of a ministry;
   "Mabes TNI". TNI units, KPK, Kejaksaan, Bea Cukai and Basarnas are simply not police words.
2. Every remaining mention is

   * strong: a Polri unit (Polda X, Polres X, Polsek X, Mapolda X, Kepolisian Daerah/Resor/Sektor
     X, Mabes Polri, Bareskrim, Divhumas, Propam, Brimob, a directorate or satuan,
     Bhabinkamtibmas, a bare "Polri"…), a police post (Kapolda, Kapolres, Kasat Reskrim…; posts
     other agencies also have, such as "Kabid Humas", only with a police unit or rank), or a
     police rank (AKBP, Kombes Pol, "Ajun Komisaris Besar Polisi"…); or
   * weak: "polisi", "kepolisian", "aparat kepolisian", "Polwan", "Bhayangkara", and "Polri"
     named jointly with the army ("TNI-Polri", "TNI dan Polri", "TNI, Polri").

3. An article is police news when its title has a strong mention, or its body has at least one
   strong mention, or its weak mentions reach 2 points (2 per title mention, 1 per body
   mention). A headline "Polisi tangkap ..." is enough; one "polisi" in a sports story is not.

Ambiguous ranks: "Brigjen"/"Brigadir Jenderal" without "Pol" is police right after or before a
police post ("Karopenmas Divhumas Polri Brigjen X", "Brigjen X, Kabid Humas …"), or with another
strong police mention within 150 characters of the same paragraph and no "TNI" there. A bare
"Jenderal" counts only next to a police post ("Kapolri Jenderal Listyo …"); a bare "Brigadir"
only with a name after it.

Speed: a trie of lowercase keyword prefixes finds the few candidate words in one pass; the
detailed patterns are then only tried, anchored, at those words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Officer:
    """A police officer named in an article: normalised rank, name, normalised position."""

    rank: str | None
    name: str
    position: str | None

    def as_dict(self) -> dict[str, str | None]:
        """The officer as the item schema wants it: ``{"rank", "name", "position"}``."""
        return {"rank": self.rank, "name": self.name, "position": self.position}


@dataclass(frozen=True, slots=True)
class PoliceReport:
    """What :func:`analyse` found: the decision and the police vocabulary of one article."""

    is_police: bool
    units: list[str]
    terms: list[str]
    officers: list[Officer]

    def as_field(self) -> dict:
        """The item's ``police`` field: ``{"units", "officers", "terms"}``."""
        return {
            "units": list(self.units),
            "officers": [o.as_dict() for o in self.officers],
            "terms": list(self.terms),
        }


# --------------------------------------------------------------------------------------------
# Pattern helpers
# --------------------------------------------------------------------------------------------

_SP = r"[^\S\n]+"  # spaces inside one paragraph
_OSP = r"[^\S\n]*"
_END = r"(?![\w'’])"  # end of a word


def _p(spec: str) -> str:
    """A pattern written with plain spaces: ``" ?"`` is optional space, ``" "`` is ``_SP``."""
    return spec.replace(" ?", _OSP).replace(" ", _SP)


def _words(text: str, sep: str | None = None) -> list[str]:
    """The items of a table written as one string, split at whitespace or ``sep``."""
    return text.split(sep)


def _alternation(specs: list[str], name: str) -> re.Pattern[str]:
    """``\\b(?:(?P<x0>spec0)|(?P<x1>spec1)|…)`` + end of word; ``lastgroup`` names the spec."""
    body = "|".join(f"(?P<{name}{i}>{_p(spec)})" for i, spec in enumerate(specs))
    return re.compile(rf"\b(?:{body}){_END}")


# --------------------------------------------------------------------------------------------
# Stop words: capitalised words that end a place or a person's name
# --------------------------------------------------------------------------------------------

_RANK_WORDS = _words(
    "Jenderal Jend Komjen Irjen Brigjen Brigjenpol Kombes Kombespol Komisaris Ajun Inspektur "
    "AKBP Akbp Kompol AKP Iptu Ipda Aiptu Aipda Bripka Brigpol Briptu Bripda Bharada Bharatu "
    "Bharaka Brigadir Bhayangkara Pol Polisi TNI Kolonel Letkol Mayor Kapten Mayjen Letjen "
    "Laksma Laksda Laksdya Marsma Marsda Marsdya Purn"
)
_STOP_WORDS = sorted(
    {
        *_RANK_WORDS,
        *(w.upper() for w in _RANK_WORDS),
        *_words(  # posts
            "Kapolri Wakapolri Kapolda Wakapolda Kapolres Kapolresta Kapolrestabes Kapolrestro "
            "Wakapolres Wakapolresta Wakapolrestabes Kapolsek Kapolsekta Wakapolsek Kabid "
            "Kabidhumas Kabidpropam Kasat Kasatreskrim Kasatlantas Kasatresnarkoba Kasatnarkoba "
            "Kasatintelkam Kasatsamapta Kasi Kasie Kasihumas Kanit Kabag Kabagops Kasubbid "
            "Kasubdit Kabareskrim Kakorlantas Kadiv Kadivhumas Kadivpropam Karopenmas Karo "
            "Dirreskrimum Dirreskrimsus Dirresnarkoba Dirlantas Dirpolairud Dirsamapta "
            "Dirintelkam Dirbinmas Dirressiber Wadir Kepala Wakil Direktur Komandan Dansat "
            "Danyon Dandim Danrem Pangdam Panglima"
        ),
        *_words(  # units and agencies
            "Polri Polda Polres Polresta Polrestabes Polsek Polsekta Mapolda Mapolres Mapolresta "
            "Mapolrestabes Mapolsek Brimob Satbrimob Propam Bareskrim Mabes Divhumas Kepolisian "
            "Satreskrim Satresnarkoba Satlantas Satintelkam Satsamapta Satsabhara Satbinmas "
            "Ditreskrimum Ditreskrimsus Ditresnarkoba Ditlantas Ditpolairud Ditsamapta "
            "Ditintelkam Bhabinkamtibmas Satgas Densus Korlantas Kodim Korem Kodam Koramil "
            "Lanud Lantamal KPK Kejaksaan Kejari Kejati BNN Basarnas Bawaslu KPU"
        ),
        *_words(  # days and months
            "Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Minggu Ahad Januari Februari Maret April "
            "Mei Juni Juli Agustus September Oktober November Desember"
        ),
        *_words(  # function words and other non-name capitals
            "Di Ke Dari Pada Saat Kepada Yang Dan Atau Selaku Sebagai Bersama Beserta Didampingi "
            "Dalam Usai Seusai Ketika Kata Ujar Sementara Selain Namun Jadi Itu Ini Tersebut "
            "Melalui Terkait Menurut Bahwa Provinsi Kecamatan Kelurahan Desa Dusun Kampung Jalan "
            "Jl RT RW ANTARA Antara Bapak Ibu Pak Bu Tim Personel Anggota Markas Mako Gedung "
            "Kantor Mantan Eks"
        ),
    },
    key=len,
    reverse=True,
)
_STOP = "(?:" + "|".join(map(re.escape, _STOP_WORDS)) + ")" + _END

# A place word: "Kupang", "TTS", "Una-Una", "Kep.", "D.I."; never a stop word.
_PLACE_TOKEN = rf"(?!{_STOP})(?:Kep\.|Kab\.|D\.I\.|[A-Z][\w'’-]*\w)"
_PLACE_RUN_RE = re.compile(rf"{_SP}({_PLACE_TOKEN}(?:{_SP}{_PLACE_TOKEN}){{0,4}})")
_TOKEN_RE = re.compile(r"\S+")

# A name word: a capitalised word, an initial, "Moh.", or an academic title (dropped later).
_NAME_TOKEN = (
    rf"(?!{_STOP})"
    r"(?:[A-Z][a-z]{0,3}\.(?:[A-Z][a-z]{0,3}\.?)+"
    r"|(?:Moh|Muh|Mhd|Moch|Mochd|Muhd|Abd|Dr|Drs|Ir|Prof|Hj|St)\."
    r"|[A-Z]\."
    r"|[A-Z](?:[\w'’-]*\w)?"
    r")(?![\w'’-])"
)
_NAME_RE = re.compile(rf"{_SP}({_NAME_TOKEN}(?:{_SP}{_NAME_TOKEN}){{0,6}})")
_NAME_PREFIXES = frozenset({"Dr.", "Drs.", "Ir.", "Prof.", "dr."})
_ACADEMIC = frozenset(
    _words(
        "sh sik mh msi mm se ssos spd skom mhum mkn sst st mt map ma phd llm sip msc spsi shi "
        "mik ssi mpd mkes skm mhan sstk stk mtr mpsi ssit mba ak"
    )
)

_PAREN_RE = re.compile(rf"{_OSP}\([^()\n]{{1,40}}\)")
_POLRI_TAIL_RE = re.compile(rf"(?:{_OSP}\([^()\n]{{1,40}}\))?{_SP}(?i:polri){_END}")
_NATIONAL_TAIL_RE = re.compile(
    rf"(?:{_OSP}\([^()\n]{{1,40}}\))?"
    + _p(
        r" (?:(?:(?i:div ?humas|bareskrim)|Divisi Humas|Divisi Hubungan Masyarakat) (?i:polri)"
        r"|(?i:bareskrim|polri))"
    )
    + _END
)
_FORMER_RE = re.compile(r"\b(?i:mantan|eks|bekas)[^\S\n]+$")
_AFTER_NAME_RE = re.compile(
    rf"{_OSP},{_OSP}|"
    + _p(" (?:selaku|sebagai|yang juga menjabat sebagai|yang menjabat sebagai|yang juga) ")
)
_JOINT_BEFORE_RE = re.compile(rf"TNI{_OSP}(?:[-/–—,&]|dan){_OSP}$")
_JOINT_AFTER_RE = re.compile(rf"{_OSP}(?:[-/–—&]|dan){_OSP}TNI\b")
_TNI_RE = re.compile(r"\bTNI\b")

# --------------------------------------------------------------------------------------------
# Traps (blanked out before anything else)
# --------------------------------------------------------------------------------------------

_COUNTRIES = (
    "malaysia|singapura|australia|thailand|filipina|jepang|korea(?: selatan)?|china|tiongkok|"
    "taiwan|hong kong|india|amerika(?: serikat)?|(?-i:AS)|inggris|prancis|perancis|jerman|"
    "belanda|italia|spanyol|israel|palestina|turki|arab saudi|mesir|rusia|ukraina|timor leste|"
    "myanmar|vietnam|kamboja|brunei|selandia baru|kanada|brasil|meksiko|iran|pakistan"
)
_TNI_RANKS = (
    "brigjen|brigadir jenderal|mayjen|mayor jenderal|letjen|letnan jenderal|jenderal|"
    "laksamana(?: (?:pertama|muda|madya))?|laksma|laksda|laksdya|"
    "marsekal(?: (?:pertama|muda|madya))?|marsma|marsda|marsdya|kolonel|letkol|letnan kolonel|"
    "mayor|kapten|irjen|inspektur jenderal"
)
_TRAP_RE = re.compile(
    "|".join(
        _p(spec)
        for spec in (
            r"\b(?:satuan )?polisi pamong praja\b",
            r"\bpamong praja\b",
            r"\bsat ?pol(?:[\s-]?pp)?\b",
            r"\bpol[\s-]?pp\b",
            r"\bpolisi militer(?: (?:angkatan (?:darat|laut|udara)|tni(?: a[dlu])?))?\b",
            r"\b(?-i:POM)(?: (?-i:TNI|AD|AL|AU))?\b",
            r"\b(?:pomdam|puspom|denpom|pomal|pomau|pomad)\w*(?: [ivxl]+\b(?:/[\w-]+)?)?",
            r"\bpolisi (?:hutan|kehutanan)\b",
            r"\bpolhut\w*",
            r"\bpolisi tidur\b",
            rf"\b(?:polisi|kepolisian)(?: diraja)? (?:{_COUNTRIES})\b",
            r"\bpolis diraja(?: malaysia)?\b",
            r"\b(?-i:PDRM)\b",
            rf"\b(?:{_TNI_RANKS})(?: \(?purn\.?\)?)? \(?(?-i:TNI)\b\)?",
            r"\b(?:irjen|inspektur jenderal) (?:kemen\w*|kementerian|kementrian|departemen"
            r"|kejaksaan|kejagung)",
            r"\bmabes (?-i:TNI|AD|AL|AU)\b",
        )
    ),
    re.IGNORECASE,
)
_TRAP_PREFIXES = _words(
    "satuan polisi|satpol|sat pol|pol|pamong|pom|puspom|denpom|kepolisian|pdrm|brigjen|brigadir|"
    "mayjen|mayor|letjen|letnan|letkol|jenderal|laks|mars|kolonel|kapten|irjen|inspektur|mabes",
    "|",
)

# --------------------------------------------------------------------------------------------
# Normalisation tables
# --------------------------------------------------------------------------------------------

# Province as written after "Polda" (lowercase) -> the abbreviation ANTARA uses.
_POLDA: dict[str, str] = {
    name: short
    for short, names in {
        "Aceh": "aceh|nanggroe aceh darussalam|nad",
        "Sumut": "sumatera utara|sumatra utara|sumut",
        "Sumbar": "sumatera barat|sumatra barat|sumbar",
        "Riau": "riau",
        "Kepri": "kepulauan riau|kep. riau|kepri",
        "Jambi": "jambi",
        "Sumsel": "sumatera selatan|sumatra selatan|sumsel",
        "Babel": "kepulauan bangka belitung|kep. bangka belitung|bangka belitung"
        "|kepulauan babel|kep. babel|babel",
        "Bengkulu": "bengkulu",
        "Lampung": "lampung",
        "Banten": "banten",
        "Metro Jaya": "metro jaya|metro|metropolitan jakarta raya|dki jakarta|dki|jakarta",
        "Jabar": "jawa barat|jabar",
        "Jateng": "jawa tengah|jateng",
        "DIY": "daerah istimewa yogyakarta|di yogyakarta|d.i. yogyakarta|diy|yogyakarta|jogja",
        "Jatim": "jawa timur|jatim",
        "Kalbar": "kalimantan barat|kalbar",
        "Kalteng": "kalimantan tengah|kalteng",
        "Kalsel": "kalimantan selatan|kalsel",
        "Kaltim": "kalimantan timur|kaltim",
        "Kaltara": "kalimantan utara|kaltara",
        "Bali": "bali",
        "NTB": "nusa tenggara barat|ntb",
        "NTT": "nusa tenggara timur|ntt",
        "Sulut": "sulawesi utara|sulut",
        "Gorontalo": "gorontalo",
        "Sulteng": "sulawesi tengah|sulteng",
        "Sultra": "sulawesi tenggara|sultra",
        "Sulsel": "sulawesi selatan|sulsel",
        "Sulbar": "sulawesi barat|sulbar",
        "Maluku": "maluku",
        "Malut": "maluku utara|malut",
        "Papua": "papua",
        "Papua Barat": "papua barat|pabar",
        "Papua Barat Daya": "papua barat daya",
        "Papua Tengah": "papua tengah",
        "Papua Selatan": "papua selatan",
        "Papua Pegunungan": "papua pegunungan",
    }.items()
    for name in names.split("|")
}

# Province abbreviations never part of a Polres/Polsek place ("Polres Sikka NTT" -> Sikka).
_PROVINCE_SHORT = frozenset(
    _words(
        "NTT NTB DIY Sumut Sumbar Sumsel Jabar Jateng Jatim Kalbar Kalteng Kalsel Kaltim "
        "Kaltara Sulut Sulteng Sultra Sulsel Sulbar Malut Kepri Babel"
    )
)

# Place abbreviations after Polres/Polresta/Polsek (lowercase) -> the full place name.
_PLACES: dict[str, str] = {
    # Nusa Tenggara Timur
    "tts": "Timor Tengah Selatan",
    "ttu": "Timor Tengah Utara",
    "mabar": "Manggarai Barat",
    "matim": "Manggarai Timur",
    "sbd": "Sumba Barat Daya",
    "flotim": "Flores Timur",
    "rote": "Rote Ndao",
    "sabu": "Sabu Raijua",
    # Nusa Tenggara Barat
    "lobar": "Lombok Barat",
    "loteng": "Lombok Tengah",
    "lotim": "Lombok Timur",
    "klu": "Lombok Utara",
    "ksb": "Sumbawa Barat",
    # Jakarta
    "jakpus": "Jakarta Pusat",
    "jaksel": "Jakarta Selatan",
    "jaktim": "Jakarta Timur",
    "jakbar": "Jakarta Barat",
    "jakut": "Jakarta Utara",
    # Kalimantan
    "kukar": "Kutai Kartanegara",
    "kutim": "Kutai Timur",
    "kubar": "Kutai Barat",
    "ppu": "Penajam Paser Utara",
    "hst": "Hulu Sungai Tengah",
    "hss": "Hulu Sungai Selatan",
    "hsu": "Hulu Sungai Utara",
    "kobar": "Kotawaringin Barat",
    "kotim": "Kotawaringin Timur",
    # Sumatera
    "oki": "Ogan Komering Ilir",
    "oku": "Ogan Komering Ulu",
    "oku timur": "Ogan Komering Ulu Timur",
    "oku selatan": "Ogan Komering Ulu Selatan",
    "muba": "Musi Banyuasin",
    "mura": "Musi Rawas",
    "madina": "Mandailing Natal",
    "sergai": "Serdang Bedagai",
    "tapteng": "Tapanuli Tengah",
    "taput": "Tapanuli Utara",
    "tapsel": "Tapanuli Selatan",
    "inhu": "Indragiri Hulu",
    "inhil": "Indragiri Hilir",
    "kuansing": "Kuantan Singingi",
    "rohul": "Rokan Hulu",
    "rohil": "Rokan Hilir",
    "pessel": "Pesisir Selatan",
    "abdya": "Aceh Barat Daya",
    "agara": "Aceh Tenggara",
    "lamsel": "Lampung Selatan",
    "lamteng": "Lampung Tengah",
    "lamtim": "Lampung Timur",
    "lampura": "Lampung Utara",
    "tanjabbar": "Tanjung Jabung Barat",
    "tanjabtim": "Tanjung Jabung Timur",
    # Sulawesi, Maluku
    "bolmong": "Bolaang Mongondow",
    "minut": "Minahasa Utara",
    "minsel": "Minahasa Selatan",
    "mitra": "Minahasa Tenggara",
    "sidrap": "Sidenreng Rappang",
    "pangkep": "Pangkajene dan Kepulauan",
    "bonebol": "Bone Bolango",
    "gorut": "Gorontalo Utara",
    "parimo": "Parigi Moutong",
    "touna": "Tojo Una-Una",
    "konsel": "Konawe Selatan",
    "kolut": "Kolaka Utara",
    "lutra": "Luwu Utara",
    "lutim": "Luwu Timur",
    "torut": "Toraja Utara",
    "tator": "Tana Toraja",
    "halsel": "Halmahera Selatan",
    "halut": "Halmahera Utara",
    "malteng": "Maluku Tengah",
    "mbd": "Maluku Barat Daya",
    "sbb": "Seram Bagian Barat",
    "sbt": "Seram Bagian Timur",
}

# Whole unit names (lowercase) -> the unit's current name.
_UNIT_NAMES: dict[str, str] = {
    "polres kupang kota": "Polresta Kupang Kota",
    "polresta kupang": "Polresta Kupang Kota",
    "polres jayapura kota": "Polresta Jayapura Kota",
    "polresta jayapura": "Polresta Jayapura Kota",
    "polres sorong kota": "Polresta Sorong Kota",
    "polresta sorong": "Polresta Sorong Kota",
    "polres bogor kota": "Polresta Bogor Kota",
    "polresta bogor": "Polresta Bogor Kota",
    "polres malang kota": "Polresta Malang Kota",
    "polresta malang": "Polresta Malang Kota",
    "polres denpasar": "Polresta Denpasar",
    "polres mataram": "Polresta Mataram",
    "polres medan": "Polrestabes Medan",
    "polresta medan": "Polrestabes Medan",
    "polres surabaya": "Polrestabes Surabaya",
    "polresta surabaya": "Polrestabes Surabaya",
    "polres makassar": "Polrestabes Makassar",
    "polresta makassar": "Polrestabes Makassar",
    "polresta palembang": "Polrestabes Palembang",
    "polres jakarta pusat": "Polres Metro Jakarta Pusat",
    "polres jakarta selatan": "Polres Metro Jakarta Selatan",
    "polres jakarta timur": "Polres Metro Jakarta Timur",
    "polres jakarta barat": "Polres Metro Jakarta Barat",
    "polres jakarta utara": "Polres Metro Jakarta Utara",
    "polres bekasi kota": "Polres Metro Bekasi Kota",
    "polres tangerang kota": "Polres Metro Tangerang Kota",
    "polres depok": "Polres Metro Depok",
    "polres bekasi": "Polres Metro Bekasi",
}


def _title_case(token: str) -> str:
    """``"SIKKA"`` -> ``"Sikka"``; short abbreviations and mixed case stay as written."""
    if len(token) > 3 and token.isupper():
        return "-".join(part.capitalize() for part in token.split("-"))
    return token


def _place_tokens(text: str, pos: int) -> list[tuple[str, int]]:
    """The capitalised place words right after ``pos``, each with its end offset."""
    m = _PLACE_RUN_RE.match(text, pos)
    if m is None:
        return []
    base = m.start(1)
    return [(t.group(), base + t.end()) for t in _TOKEN_RE.finditer(m.group(1))]


def _territorial(kind: str, text: str, pos: int) -> tuple[str | None, int, bool]:
    """Parse the place after a ``kind`` keyword (``"Polda"``, ``"Polres"``…) ending at ``pos``.

    Returns the normalised unit (None when no place is written), where it ends, and whether it
    is a Polda of a known province (then a capitalised word after it is not part of it).
    """
    toks = _place_tokens(text, pos)
    if not toks:
        return None, pos, False
    words = [w for w, _ in toks]
    if kind == "Polda":
        for n in range(min(4, len(words)), 0, -1):
            short = _POLDA.get(" ".join(words[:n]).lower())
            if short:
                return f"Polda {short}", toks[n - 1][1], True
        n = min(3, len(words))
        return "Polda " + " ".join(map(_title_case, words[:n])), toks[n - 1][1], False
    # Polres, Polresta, Polrestabes, Polres Metro, Polsek: cut where the place ends.
    n = len(words)
    for i in range(1, len(words)):
        w = words[i]
        if w in _PROVINCE_SHORT or (w in ("Kota", "Kabupaten", "Kab.") and i + 1 < len(words)):
            n = i
            break
    first = 0
    if words[0] in ("Kabupaten", "Kab."):
        first = 1
    elif words[0] == "Kota" and kind != "Polsek":  # "Polres Kota Kupang" is a Polresta
        first = 1
        if kind == "Polres":
            kind = "Polresta"
    if first >= n:
        return None, pos, False
    place = _PLACES.get(" ".join(words[first:n]).lower())
    if place is None:
        n = min(n, first + 3)
        place = " ".join(map(_title_case, words[first:n]))
    unit = f"{kind} {place}"
    return _UNIT_NAMES.get(unit.lower(), unit), toks[n - 1][1], False


_TERR_KW = _p(
    r"(?i:kepolisian resort? kota besar|kepolisian resort? metro(?:politan)?"
    r"|kepolisian resort? kota|kepolisian resort?|kepolisian sektor(?: kota)?|kepolisian daerah"
    r"|(?:ma)?polrestabes|(?:ma)?polresta|(?:ma)?polres ?metro(?= [A-Z])|(?:ma)?polrestro"
    r"|(?:ma)?polres|(?:ma)?polsekta|(?:ma)?polsek|(?:ma)?polda)"
)
_PARENT_RE = re.compile(rf"(?:{_OSP}\([^()\n]{{1,40}}\))?{_SP}({_TERR_KW}){_END}")
_TERR_KINDS = {
    "polda": "Polda",
    "polrestabes": "Polrestabes",
    "polresta": "Polresta",
    "polresmetro": "Polres Metro",
    "polrestro": "Polres Metro",
    "polres": "Polres",
    "polsek": "Polsek",
    "polsekta": "Polsek",
}


def _terr_kind(keyword: str) -> str:
    """The unit type of a territorial keyword: ``"Mapolda"`` -> ``"Polda"``."""
    k = " ".join(keyword.lower().split())
    if k.startswith("kepolisian"):
        if "daerah" in k:
            return "Polda"
        if "sektor" in k:
            return "Polsek"
        if "besar" in k:
            return "Polrestabes"
        if "metro" in k:
            return "Polres Metro"
        return "Polresta" if k.endswith("kota") else "Polres"
    return _TERR_KINDS[k.removeprefix("ma").replace(" ", "")]


# --------------------------------------------------------------------------------------------
# Units: (pattern, kind, canonical name)
#   terr      Polda X, Polres X, Kepolisian Resor X … (place parsed and normalised)
#   named     may attach to a territorial parent: "Ditreskrimsus Polda Banten"
#   parent    a generic name ("Satuan Lalu Lintas"): counts only with a police parent
#   national  Mabes, Bareskrim …: an optional "Polri" after it is part of it
#   polri     a bare "Polri" (weak when named jointly with TNI)
#   fixed     the canonical name as is; hospital: "RS Bhayangkara" + place
# --------------------------------------------------------------------------------------------

_DIRECTORATES = (  # abbreviation suffixes, canonical, spelled out, generic when spelled out
    ("reskrimum", "Ditreskrimum", "Direktorat Reserse Kriminal Umum", False),
    ("reskrimsus", "Ditreskrimsus", "Direktorat Reserse Kriminal Khusus", False),
    ("resnarkoba|narkoba", "Ditresnarkoba", "Direktorat Reserse Narkoba", False),
    ("ressiber|reskiber", "Ditressiber", "Direktorat Reserse Siber", False),
    ("lantas", "Ditlantas", "Direktorat Lalu Lintas", True),
    ("polairud", "Ditpolairud", "Direktorat Kepolisian Perairan dan Udara", False),
    ("samapta", "Ditsamapta", "Direktorat Samapta", False),
    ("sabhara", "Ditsabhara", "Direktorat Sabhara", False),
    ("intelkam", "Ditintelkam", "Direktorat Intelijen Keamanan", False),
    ("binmas", "Ditbinmas", "Direktorat Pembinaan Masyarakat", True),
    ("tahti", "Dittahti", "Direktorat Perawatan Tahanan dan Barang Bukti", False),
    ("pamobvit", "Ditpamobvit", "Direktorat Pengamanan Objek Vital", True),
)
_SATUAN = (
    ("reskrim", "Satreskrim", "Satuan Reserse Kriminal", False),
    ("resnarkoba|narkoba", "Satresnarkoba", "Satuan Reserse Narkoba", False),
    ("lantas", "Satlantas", "Satuan Lalu Lintas", True),
    ("intelkam", "Satintelkam", "Satuan Intelijen Keamanan", False),
    ("samapta", "Satsamapta", "Satuan Samapta", False),
    ("sabhara", "Satsabhara", "Satuan Sabhara", False),
    ("binmas", "Satbinmas", "Satuan Pembinaan Masyarakat", True),
    ("polairud|polair", "Satpolairud", "Satuan Polisi Perairan dan Udara", False),
    ("tahti", "Sattahti", "Satuan Perawatan Tahanan dan Barang Bukti", False),
)

_UNIT_SPECS: list[tuple[str, str, str]] = [
    (
        r"(?i:kepolisian) (?:Negara Republik Indonesia|Republik Indonesia|RI|Indonesia)",
        "fixed",
        "Polri",
    ),
    (
        r"Markas Besar (?:Polri|Kepolisian Negara Republik Indonesia|Kepolisian RI)",
        "fixed",
        "Mabes Polri",
    ),
    (r"(?i:mabes)", "national", "Mabes Polri"),
    (r"Badan Reserse Kriminal|(?i:bareskrim)", "national", "Bareskrim Polri"),
    (r"(?i:div ?humas)", "national", "Divhumas Polri"),
    (
        r"Divisi (?:Humas|Hubungan Masyarakat)(?= ?(?:\([^()\n]{1,20}\) )?(?i:polri))",
        "national",
        "Divhumas Polri",
    ),
    (r"(?i:korlantas)", "national", "Korlantas Polri"),
    (r"Korps Lalu Lintas(?= ?(?:\([^()\n]{1,20}\) )?(?i:polri))", "national", "Korlantas Polri"),
    (r"(?i:baharkam)", "national", "Baharkam Polri"),
    (
        r"Detasemen Khusus 88(?: Anti ?[Tt]eror)?|(?i:densus) ?88(?: (?i:anti ?teror))?",
        "national",
        "Densus 88",
    ),
    (r"Akademi Kepolisian|(?i:akpol)", "national", "Akpol"),
    (r"(?:RS|Rumah Sakit) Bhayangkara", "hospital", "RS Bhayangkara"),
    (
        r"Divisi Profesi dan Pengamanan|Bidang Profesi dan Pengamanan|(?i:(?:div|bid)? ?propam)",
        "named",
        "Propam",
    ),
    (
        r"Korps (?:Brimob|Brigade Mobil)|Satuan (?:Brimob|Brigade Mobil)|Brigade Mobil"
        r"|(?i:(?:kor|sat)? ?brimob)",
        "named",
        "Brimob",
    ),
    (r"(?i:b?habinkamtibmas)", "fixed", "Bhabinkamtibmas"),
    *(
        spec
        for prefix, table in (("dit", _DIRECTORATES), ("sat", _SATUAN))
        for abbr, canon, spelled, generic in table
        for spec in (
            (rf"(?i:{prefix} ?(?:{abbr}))", "named", canon),
            (spelled, "parent" if generic else "named", canon),
        )
    ),
    (r"(?i:pol ?airud|pol ?air)", "named", "Polairud"),
    (_TERR_KW, "terr", ""),
    (r"(?i:polri)", "polri", "Polri"),
]
_UNIT_RE = _alternation([s for s, _, _ in _UNIT_SPECS], "u")

# The term a unit adds when it differs from the unit's canonical name.
_UNIT_TERMS = {
    "Bareskrim Polri": "Bareskrim",
    "Divhumas Polri": "Divhumas",
    "Korlantas Polri": "Korlantas",
    "Baharkam Polri": "Baharkam",
}
_UNIT_PREFIXES = [
    *_words(
        "kepolisian|markas|mabes|badan reserse|bareskrim|div|korlantas|korps|baharkam|detasemen|"
        "densus|akademi|akpol|rs|rumah sakit|bidang profesi|bidpropam|bid propam|propam|satuan|"
        "brigade|brimob|korbrimob|satbrimob|sat brimob|bhabin|habin|direktorat|pol|mapol",
        "|",
    ),
    *(
        f"{prefix}{sep}{abbr}"
        for prefix, table in (("dit", _DIRECTORATES), ("sat", _SATUAN))
        for abbrs, _, _, _ in table
        for abbr in abbrs.split("|")
        for sep in ("", " ")
    ),
]

# --------------------------------------------------------------------------------------------
# Posts: (pattern, kind, value, unit)
#   embed     value "Ka"/"Waka" + the unit type in the 4th item: "Kapolres TTS"
#   national  value is the post, the 4th item its unit: "Kapolri", "Kabareskrim Polri"
#   attach    a police post, optionally followed by its unit: "Kasat Reskrim Polres Ende"
#   generic   a post other agencies have too ("Kabid Humas"): police with a police unit or rank
# --------------------------------------------------------------------------------------------

_POST_SPECS: list[tuple[str, str, str, str]] = [
    (
        r"Kapolri|Kepala (?:Polri|Kepolisian (?:Negara Republik Indonesia|Republik Indonesia|RI))",
        "national",
        "Kapolri",
        "Polri",
    ),
    (
        r"Wakapolri|Wakil Kepala (?:Polri|Kepolisian (?:Negara Republik Indonesia|Republik "
        r"Indonesia|RI))",
        "national",
        "Wakapolri",
        "Polri",
    ),
    (
        r"(?i:kabareskrim)|Kepala (?:Bareskrim|Badan Reserse Kriminal)",
        "national",
        "Kabareskrim Polri",
        "Bareskrim Polri",
    ),
    (r"(?i:kakorlantas)|Kepala Korlantas", "national", "Kakorlantas Polri", "Korlantas Polri"),
    (
        r"(?i:kadiv ?humas)|Kepala Divisi (?:Humas|Hubungan Masyarakat)(?= (?i:polri))",
        "national",
        "Kadiv Humas Polri",
        "Divhumas Polri",
    ),
    (
        r"(?i:kadiv ?propam)|Kepala Divisi (?:Propam|Profesi dan Pengamanan)",
        "national",
        "Kadiv Propam Polri",
        "Propam",
    ),
    (r"(?i:karo ?penmas)", "national", "Karopenmas Divhumas Polri", "Divhumas Polri"),
    *(
        (
            rf"(?i:dirtipid ?{abbr})|Direktur Tindak Pidana {spelled}(?= (?i:bareskrim))",
            "national",
            f"Dirtipid{abbr} Bareskrim Polri",
            "Bareskrim Polri",
        )
        for abbr, spelled in (
            ("um", "Umum"),
            ("ter", "Tertentu"),
            ("eksus", "Ekonomi dan Khusus"),
            ("kor", "Korupsi"),
            ("narkoba", "Narkoba"),
            ("siber", "Siber"),
        )
    ),
    (
        r"(?i:dankorbrimob)|Komandan Korps (?:Brimob|Brigade Mobil)",
        "national",
        "Dankorbrimob Polri",
        "Brimob",
    ),
    (r"Wakapolda|Wakil Kepala (?:Polda|Kepolisian Daerah)", "embed", "Waka", "Polda"),
    (r"Kapolda|Kepala (?:Polda|Kepolisian Daerah)", "embed", "Ka", "Polda"),
    (
        r"Wakapolrestabes|Wakil Kepala (?:Polrestabes|Kepolisian Resort? Kota Besar)",
        "embed",
        "Waka",
        "Polrestabes",
    ),
    (
        r"Kapolrestabes|Kepala (?:Polrestabes|Kepolisian Resort? Kota Besar)",
        "embed",
        "Ka",
        "Polrestabes",
    ),
    (
        r"Wakapolresta|Wakil Kepala (?:Polresta|Kepolisian Resort? Kota)",
        "embed",
        "Waka",
        "Polresta",
    ),
    (r"Kapolresta|Kepala (?:Polresta|Kepolisian Resort? Kota)", "embed", "Ka", "Polresta"),
    (
        r"(?:Kapolres ?Metro|Kepala (?:Polres Metro|Kepolisian Resort? Metro))(?= [A-Z])"
        r"|Kapolrestro",
        "embed",
        "Ka",
        "Polres Metro",
    ),
    (r"Wakapolres|Wakil Kepala (?:Polres|Kepolisian Resort?)", "embed", "Waka", "Polres"),
    (r"Kapolres|Kepala (?:Polres|Kepolisian Resort?)", "embed", "Ka", "Polres"),
    (
        r"Wakapolsek(?:ta)?|Wakil Kepala (?:Polsek|Kepolisian Sektor(?: Kota)?)",
        "embed",
        "Waka",
        "Polsek",
    ),
    (r"Kapolsek(?:ta)?|Kepala (?:Polsek|Kepolisian Sektor(?: Kota)?)", "embed", "Ka", "Polsek"),
    (
        r"(?i:kabid ?humas)|Kepala Bidang (?:Humas|Hubungan Masyarakat)",
        "generic",
        "Kabid Humas",
        "",
    ),
    (
        r"(?i:kabid ?propam)|Kepala Bidang (?:Propam|Profesi dan Pengamanan)",
        "attach",
        "Kabid Propam",
        "",
    ),
    (r"(?i:kabid ?dokkes)", "attach", "Kabid Dokkes", ""),
    (r"(?i:kabid ?labfor)", "attach", "Kabid Labfor", ""),
    (r"(?i:kasie? ?humas)|Kepala Seksi Humas", "generic", "Kasi Humas", ""),
    (
        r"(?i:kanit ?reskrim)|Kepala Unit (?:Reskrim|Reserse Kriminal)",
        "attach",
        "Kanit Reskrim",
        "",
    ),
    (r"(?i:kabag ?ops)|Kepala Bagian Operasi(?:onal)?", "generic", "Kabag Ops", ""),
    (r"(?i:kasubbid ?penmas)", "generic", "Kasubbid Penmas", ""),
    (
        r"(?i:dansat ?brimob)|Komandan (?:Satuan (?:Brimob|Brigade Mobil)|(?i:sat ?brimob))",
        "attach",
        "Dansat Brimob",
        "",
    ),
]
_KASAT = (  # abbreviation suffixes, display suffix, spelled out
    ("reskrim", "Reskrim", "Reserse Kriminal"),
    ("resnarkoba|narkoba", "Resnarkoba", "Reserse Narkoba"),
    ("lantas", "Lantas", "Lalu Lintas"),
    ("intelkam", "Intelkam", "Intelijen Keamanan"),
    ("samapta", "Samapta", "Samapta"),
    ("sabhara", "Sabhara", "Sabhara"),
    ("binmas", "Binmas", "Pembinaan Masyarakat"),
    ("polairud|polair", "Polairud", "Polisi Perairan dan Udara"),
    ("tahti", "Tahti", "Perawatan Tahanan dan Barang Bukti"),
)
_DIR = (  # abbreviation suffixes, canonical suffix, spelled out, generic when spelled out
    ("reskrimum", "reskrimum", "Reserse Kriminal Umum", False),
    ("reskrimsus", "reskrimsus", "Reserse Kriminal Khusus", False),
    ("resnarkoba|narkoba", "resnarkoba", "Reserse Narkoba", False),
    ("ressiber|reskiber", "ressiber", "Reserse Siber", False),
    ("lantas", "lantas", "Lalu Lintas", True),
    ("polairud", "polairud", "Kepolisian Perairan dan Udara", False),
    ("samapta", "samapta", "Samapta", False),
    ("intelkam", "intelkam", "Intelijen Keamanan", False),
    ("binmas", "binmas", "Pembinaan Masyarakat", True),
)
_POST_SPECS += [
    (rf"(?i:kasat ?(?:{abbr}))|Kepala Satuan {spelled}", "attach", f"Kasat {suffix}", "")
    for abbr, suffix, spelled in _KASAT
]
_POST_SPECS += [
    spec
    for abbr, suffix, spelled, generic in _DIR
    for spec in (
        (rf"(?i:wadir ?(?:{abbr}))", "attach", f"Wadir{suffix}", ""),
        (rf"Wakil Direktur {spelled}", "generic" if generic else "attach", f"Wadir{suffix}", ""),
        (rf"(?i:dir ?(?:{abbr}))", "attach", f"Dir{suffix}", ""),
        (rf"Direktur {spelled}", "generic" if generic else "attach", f"Dir{suffix}", ""),
    )
]
_POST_RE = _alternation([s for s, _, _, _ in _POST_SPECS], "p")
_POST_PREFIXES = [
    *_words(
        "kapol|kepala|wakapol|wakil|kabareskrim|kakorlantas|kadiv|karopenmas|karo penmas|"
        "dankorbrimob|komandan|kabid|kabag|kasi|kanit|kasubbid|dansat|kasat|wadir|direktur|"
        "dirtipid|dir tipid",
        "|",
    ),
    *(f"dir{sep}{a}" for abbrs, _, _, _ in _DIR for a in abbrs.split("|") for sep in ("", " ")),
]

# --------------------------------------------------------------------------------------------
# Ranks: (pattern, normalised rank, certainty)
#   sure      a Polri rank
#   brigjen   "Brigjen" without "Pol": needs police context
#   jenderal  a bare "Jenderal": needs a police post next to it
#   named     a bare "Brigadir": needs a name after it
# --------------------------------------------------------------------------------------------

_PL = rf"(?:{_SP}(?i:pol)(?:isi)?\b\.?)"  # " Pol", " Pol.", " Polisi"
_GLUED = r"(?i:pol)\b\.?"  # "Kombespol"
_RANK_SPECS: list[tuple[str, str, str]] = [
    (rf"Jenderal{_PL}|Jend\.{_OSP}(?i:pol)\b\.?", "Jenderal Pol", "sure"),
    (rf"Komisaris Jenderal{_PL}?|(?i:komjen)(?:{_PL}|{_GLUED})?", "Komjen Pol", "sure"),
    (rf"Inspektur Jenderal{_PL}|(?i:irjen)(?:{_PL}|{_GLUED})?", "Irjen Pol", "sure"),
    (rf"Brigadir Jenderal{_PL}|(?i:brigjen)(?:{_PL}|{_GLUED})", "Brigjen Pol", "sure"),
    (r"Brigadir Jenderal|(?i:brigjen)", "Brigjen Pol", "brigjen"),
    (rf"Ajun Komisaris Besar{_PL}?|(?i:akbp)", "AKBP", "sure"),
    (rf"Ajun Komisaris{_PL}|(?i:akp)", "AKP", "sure"),
    (rf"Komisaris Besar{_PL}?|(?i:kombes)(?:{_PL}|{_GLUED})?", "Kombes Pol", "sure"),
    (rf"Komisaris{_PL}|(?i:kompol)", "Kompol", "sure"),
    (r"Ajun Inspektur Polisi Satu|(?i:aiptu)", "Aiptu", "sure"),
    (r"Ajun Inspektur Polisi Dua|(?i:aipda)", "Aipda", "sure"),
    (r"Inspektur Polisi Satu|(?i:iptu)", "Iptu", "sure"),
    (r"Inspektur Polisi Dua|(?i:ipda)", "Ipda", "sure"),
    (r"Brigadir (?:Polisi )?Kepala|(?i:bripka)", "Bripka", "sure"),
    (r"Brigadir Polisi Satu|(?i:briptu)", "Briptu", "sure"),
    (r"Brigadir Polisi Dua|(?i:bripda)", "Bripda", "sure"),
    (r"Brigadir Polisi|(?i:brigpol)", "Brigpol", "sure"),
    (r"Bhayangkara (?:Polisi )?Dua|(?i:bharada)", "Bharada", "sure"),
    (r"Bhayangkara (?:Polisi )?Satu|(?i:bharatu)", "Bharatu", "sure"),
    (r"Bhayangkara (?:Polisi )?Kepala|(?i:bharaka)", "Bharaka", "sure"),
    (r"Brigadir", "Brigpol", "named"),
    (r"Jenderal", "Jenderal Pol", "jenderal"),
]
_RANK_RE = _alternation([s for s, _, _ in _RANK_SPECS], "r")
_RANK_PREFIXES = _words(
    "jenderal jend. komisaris komjen inspektur irjen brigadir brigjen ajun akbp akp kombes "
    "kompol aiptu aipda iptu ipda bripka briptu bripda brigpol bhayangkara bharada bharatu "
    "bharaka"
)
_PURN_RE = re.compile(rf"{_OSP}\(?(?i:purn)\.?\)?(?!\w)")
_TNI_AFTER_RE = re.compile(rf"{_SP}\(?TNI\b")

# Weak words, matched on the lowercased text.
_WEAK_RE = re.compile(
    _p(r"\b(?:(aparat kepolisian)|(kepolisian)|(polisi)|(polwan)|(bhayangkara))\b")
)
_WEAK_TERMS = ("aparat kepolisian", "kepolisian", "polisi", "Polwan", "Bhayangkara")

# --------------------------------------------------------------------------------------------
# Candidate words: one pass of a prefix trie over the lowercased text
# --------------------------------------------------------------------------------------------

_TRAP, _UNIT, _POST, _RANK = 1, 2, 4, 8


def _trie_pattern(prefixes: list[str]) -> str:
    """A regex matching, at a word start, the shortest of ``prefixes`` that fits."""
    root: dict = {}
    for prefix in prefixes:
        node = root
        for ch in prefix:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return r"\b" + emit(root)


def _prefix_kinds(groups: dict[int, list[str]]) -> dict[str, int]:
    """For each prefix, the kinds of every listed prefix that starts with it."""
    every = [(p, kind) for kind, prefixes in groups.items() for p in prefixes]
    return {p: sum({k for q, k in every if q.startswith(p)}) for p, _ in every}


_PREFIX_KINDS = _prefix_kinds(
    {_TRAP: _TRAP_PREFIXES, _UNIT: _UNIT_PREFIXES, _POST: _POST_PREFIXES, _RANK: _RANK_PREFIXES}
)
_TRIGGER_RE = re.compile(_trie_pattern(list(_PREFIX_KINDS)))


def _lower(text: str) -> str:
    """``text.lower()`` with every offset kept (a few characters lowercase to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --------------------------------------------------------------------------------------------
# Analysis
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Post:
    """A post mention: its span, term, normalised position and unit, and what it proves."""

    start: int
    end: int
    term: str
    position: str
    unit: str | None
    unit_start: int
    police: bool
    former: bool
    closed: bool


@dataclass(slots=True)
class _Found:
    """Everything seen in one text, as (offset, value) events."""

    units: list[tuple[int, str]]
    terms: list[tuple[int, str]]
    strong: list[tuple[int, int]]
    weak: list[int]
    officers: list[tuple[int, str | None, str, str | None]]


def _blank_traps(text: str, candidates: list[tuple[int, int]]) -> str:
    """``text`` with every trap phrase replaced by ``#`` (same length)."""
    pieces: list[str] = []
    last = 0
    for pos, kinds in candidates:
        if pos < last or not kinds & _TRAP:
            continue
        m = _TRAP_RE.match(text, pos)
        if m:
            pieces += (text[last:pos], "#" * (m.end() - pos))
            last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the merged, sorted ``spans``."""
    i = bisect_left(starts, pos + 1) - 1
    return i >= 0 and spans[i][1] > pos


def _scan_units(
    text: str, candidates: list[tuple[int, int]], posts: list[_Post], found: _Found
) -> None:
    """Find unit mentions; a unit's parent ("… Polda Banten") is consumed with it.

    A "Polri" that is part of a post ("Kadiv Humas Polri") is the post's, not a unit mention.
    """
    post_spans = _merge_spans([(p.start, p.end) for p in posts])
    post_starts = [s for s, _ in post_spans]
    pos = 0
    for start, kinds in candidates:
        if start < pos or not kinds & _UNIT:
            continue
        m = _UNIT_RE.match(text, start)
        if m is None:
            continue
        _, kind, canon = _UNIT_SPECS[int(m.lastgroup[1:])]  # type: ignore[index]
        end = pos = m.end()
        if kind == "terr":
            unit_kind = _terr_kind(m.group())
            unit, end, _ = _territorial(unit_kind, text, end)
            found.terms.append((start, unit_kind))
            if unit:
                found.units.append((start, unit))
        elif kind == "polri":
            if _inside(post_spans, post_starts, start):
                continue
            found.terms.append((start, "Polri"))
            found.units.append((start, "Polri"))
            if _JOINT_BEFORE_RE.search(text, max(0, start - 12), start) or _JOINT_AFTER_RE.match(
                text, end
            ):
                found.weak.append(start)
                continue
        elif kind in ("named", "parent"):
            parent = None
            pm = _PARENT_RE.match(text, end)
            if pm is not None:
                p_kind = _terr_kind(pm.group(1))
                parent, p_end, _ = _territorial(p_kind, text, pm.end())
                if parent:
                    found.units += ((start, f"{canon} {parent}"), (pm.start(1), parent))
                    found.terms += ((start, canon), (pm.start(1), p_kind))
                    end = p_end
            if parent is None:
                if kind == "parent":
                    continue
                found.units.append((start, canon))
                found.terms.append((start, canon))
                if tail := _POLRI_TAIL_RE.match(text, end):
                    end = tail.end()
        elif kind == "national":
            if tail := _POLRI_TAIL_RE.match(text, end):
                end = tail.end()
            found.units.append((start, canon))
            found.terms.append((start, _UNIT_TERMS.get(canon, canon)))
        elif kind == "hospital":
            toks = _place_tokens(text, end)[:3]
            found.units.append((start, canon + "".join(" " + _title_case(w) for w, _ in toks)))
            found.terms.append((start, canon))
            if toks:
                end = toks[-1][1]
        else:  # fixed
            found.units.append((start, canon))
            found.terms.append((start, canon))
        found.strong.append((start, end))
        pos = end


def _scan_posts(text: str, candidates: list[tuple[int, int]]) -> list[_Post]:
    """Find posts with their units: ``Kabid Humas Polda NTT``, ``Kapolres TTS``…"""
    posts: list[_Post] = []
    pos = 0
    for start, kinds in candidates:
        if start < pos or not kinds & _POST:
            continue
        m = _POST_RE.match(text, start)
        if m is None:
            continue
        _, kind, value, extra = _POST_SPECS[int(m.lastgroup[1:])]  # type: ignore[index]
        end = pos = m.end()
        former = _FORMER_RE.search(text, max(0, start - 8), start) is not None
        unit: str | None = None
        unit_start = start
        closed = False
        if kind == "embed":
            unit, end, closed = _territorial(extra, text, end)
            term = value + extra[0].lower() + extra[1:]
            position = value + unit[0].lower() + unit[1:] if unit else term
            police = True
        elif kind == "national":
            if tail := _NATIONAL_TAIL_RE.match(text, end):
                end = tail.end()
            term = value.removesuffix(" Polri").removesuffix(" Divhumas").removesuffix(" Bareskrim")
            unit, position, police, closed = extra, value, True, True
        else:
            term = value
            paren = _PAREN_RE.match(text, end)
            after = paren.end() if paren else end
            pm = _PARENT_RE.match(text, after)
            if pm is not None:
                unit, p_end, closed = _territorial(_terr_kind(pm.group(1)), text, pm.end())
                if unit:
                    unit_start, end = pm.start(1), p_end
            elif tail := _POLRI_TAIL_RE.match(text, after):
                unit, unit_start, end, closed = "Polri", tail.end() - 5, tail.end(), True
            position = f"{value} {unit}" if unit else value
            police = kind == "attach" or unit is not None
        if paren := _PAREN_RE.match(text, end):
            end = paren.end()
        posts.append(_Post(start, end, term, position, unit, unit_start, police, former, closed))
    return posts


def _clean_name(raw: str) -> str:
    """Drop academic titles: ``"Dr. Budi Santoso S.H. M.H."`` -> ``"Budi Santoso"``."""
    words = raw.split()
    while words and words[0] in _NAME_PREFIXES:
        words.pop(0)
    while words:
        w = words[-1]
        if w.replace(".", "").lower() in _ACADEMIC and (
            "." in w or w.isupper() or w[1:] != w[1:].lower()
        ):
            words.pop()
        else:
            break
    return " ".join(words)


def _line_window(text: str, start: int, end: int, reach: int = 150) -> tuple[int, int]:
    """Up to ``reach`` characters either side of a span, within its paragraph."""
    lo = max(text.rfind("\n", 0, start) + 1, start - reach)
    hi = text.find("\n", end)
    return lo, min(len(text) if hi < 0 else hi, end + reach)


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted, non-overlapping union of ``spans``."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


@dataclass(slots=True)
class _Rank:
    """A rank mention, how sure it is to be Polri's, the name after it and its post."""

    start: int
    end: int
    rank: str
    certainty: str
    name: str
    post: _Post | None


def _post_before(text: str, start: int, by_end: dict[int, _Post]) -> _Post | None:
    """The post ending right before ``start`` (spaces and one comma may sit between)."""
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j > 0 and text[j - 1] == ",":
        j -= 1
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
    return by_end.get(j)


def _scan_ranks(text: str, candidates: list[tuple[int, int]], posts: list[_Post]) -> list[_Rank]:
    """Find ranks, the names after them and their posts: before the rank or after the name."""
    by_end = {p.end: p for p in posts}
    by_start = {p.start: p for p in posts}
    ranks: list[_Rank] = []
    pos = 0
    for start, kinds in candidates:
        if start < pos or not kinds & _RANK:
            continue
        m = _RANK_RE.match(text, start)
        if m is None:
            continue
        _, rank, certainty = _RANK_SPECS[int(m.lastgroup[1:])]  # type: ignore[index]
        end = pos = m.end()
        if _TNI_AFTER_RE.match(text, end):
            continue
        purn = _PURN_RE.match(text, end)
        name_m = _NAME_RE.match(text, purn.end() if purn else end)
        name = _clean_name(name_m.group(1)) if name_m else ""
        post = _post_before(text, start, by_end)
        if post is None and name_m and name and (am := _AFTER_NAME_RE.match(text, name_m.end())):
            post = by_start.get(am.end())
        ranks.append(_Rank(start, end, rank, certainty, name, post))
    return ranks


def _is_police_rank(text: str, r: _Rank, context: list[int]) -> bool:
    """Whether a rank is Polri's; ``context`` holds the offsets of sure police mentions."""
    police_post = r.post is not None and r.post.police
    if r.certainty == "named":
        return bool(r.name)
    if r.certainty == "jenderal":
        return bool(r.name) and police_post
    if r.certainty == "brigjen" and not police_post:
        lo, hi = _line_window(text, r.start, r.end)
        near = bisect_left(context, hi) > bisect_left(context, lo)
        return near and _TNI_RE.search(text, lo, hi) is None
    return True


def _analyse_text(text: str, cut: int) -> _Found:
    """Scan ``title + "\\n" + body`` (the title ends at ``cut``) for police vocabulary."""
    candidates = [(m.start(), _PREFIX_KINDS[m.group()]) for m in _TRIGGER_RE.finditer(_lower(text))]
    text = _blank_traps(text, candidates)
    low = _lower(text)
    candidates = [(pos, kinds) for pos, kinds in candidates if low[pos] != "#"]

    found = _Found([], [], [], [], [])
    posts = _scan_posts(text, candidates)
    _scan_units(text, candidates, posts, found)
    found.strong += ((p.start, p.end) for p in posts if p.police)
    ranks = _scan_ranks(text, candidates, posts)
    context = sorted(
        [s for s, _ in found.strong] + [r.start for r in ranks if r.certainty == "sure"]
    )

    used_posts: set[int] = set()
    for r in ranks:
        if not _is_police_rank(text, r, context):
            continue
        found.strong.append((r.start, r.end))
        found.terms.append((r.start, r.rank))
        if not r.name:
            continue
        position = None
        if r.post is not None:
            used_posts.add(r.post.start)
            if not r.post.police:  # a generic post ("Kabid Humas") next to a police rank
                r.post.police = True
                found.strong.append((r.post.start, r.post.end))
            if not r.post.former:
                position = r.post.position
        found.officers.append((r.start, r.rank, r.name, position))

    for p in posts:
        if not p.police:
            continue
        found.terms.append((p.start, p.term))
        if p.unit:
            found.units.append((p.unit_start, p.unit))
        # A name right after a post whose unit is complete: "Kapolri Listyo Sigit Prabowo".
        if p.closed and not p.former and p.start > cut and p.start not in used_posts:
            nm = _NAME_RE.match(text, p.end)
            name = _clean_name(nm.group(1)) if nm else ""
            if name:
                found.officers.append((p.start, None, name, p.position))

    # Weak words outside every strong span.
    spans = _merge_spans(found.strong)
    starts = [s for s, _ in spans]
    for m in _WEAK_RE.finditer(low):
        if not _inside(spans, starts, m.start()):
            found.weak.append(m.start())
            found.terms.append((m.start(), _WEAK_TERMS[m.lastindex - 1]))  # type: ignore[operator]
    return found


def _unique(events: list[tuple[int, str]]) -> list[str]:
    """Values in order of first offset, each once."""
    seen: dict[str, None] = {}
    for _, value in sorted(events, key=lambda e: e[0]):
        seen.setdefault(value, None)
    return list(seen)


def _merge_officers(raw: list[tuple[int, str | None, str, str | None]]) -> list[Officer]:
    """One record per person, in text order (same name, or one a word-prefix of the other).

    The merged record keeps the longer name, the rank and the most specific position seen.
    """
    merged: list[list] = []  # [rank, name, position, lowercase words]
    for _, rank, name, position in sorted(raw, key=lambda o: o[0]):
        words = name.lower().split()
        for rec in merged:
            short, long_ = sorted((words, rec[3]), key=len)
            if long_[: len(short)] != short or (rank and rec[0] and rank != rec[0]):
                continue
            if len(words) > len(rec[3]):
                rec[1], rec[3] = name, words
            rec[0] = rec[0] or rank
            if position and (not rec[2] or (position.startswith(rec[2]) and position != rec[2])):
                rec[2] = position
            break
        else:
            merged.append([rank, name, position, words])
    return [Officer(rank, name, position) for rank, name, position, _ in merged]


def analyse(title: str, body: str) -> PoliceReport:
    """Decide whether an article is police news; list its units, terms and officers."""
    title = " ".join(title.split())
    cut = len(title)
    found = _analyse_text(f"{title}\n{body}", cut)
    strong_title = any(s < cut for s, _ in found.strong)
    strong_body = any(s > cut for s, _ in found.strong)
    weak_points = sum(2 if s < cut else 1 for s in found.weak)
    return PoliceReport(
        is_police=strong_title or strong_body or weak_points >= 2,
        units=_unique(found.units),
        terms=_unique(found.terms),
        officers=_merge_officers(found.officers),
    )
