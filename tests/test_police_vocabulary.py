"""Every entry of the police vocabulary is reachable: written in a sentence, it is found.

The matchers are derived from antara_crawl.police.vocabulary and .regions; a spelling added
there without the matcher finding it fails here.
"""

from __future__ import annotations

import pytest

from antara_crawl.police import Officer, analyse
from antara_crawl.police import patterns as pt
from antara_crawl.police import vocabulary as v
from antara_crawl.police.mentions import other_bodies, scan
from antara_crawl.police.regions import REGENCIES_AND_CITIES

OFFICER = "Budi Santoso"


def _cases(table: dict) -> list[tuple[str, object]]:
    return [(s, key) for key, spellings in table.items() for s in spellings]


@pytest.mark.parametrize(("spelling", "kind"), _cases(v.TERRITORIAL_UNITS))
def test_territorial_unit(spelling: str, kind: str) -> None:
    place = {"Polda": "Bali", "Polres Metro": "Jakarta Selatan", "Polsek": "Alok"}.get(kind, "Ende")
    found = scan(f"x\nPersonel {spelling} {place} berjaga.")
    expected = {"Polda": "Polda Bali", "Polres Metro": "Polres Metro Jakarta Selatan"}
    unit = expected.get(kind, f"{kind} {place}")
    assert [u for _, u in found.units] == [pt.UNIT_RENAMES.get(unit.lower(), unit)]


@pytest.mark.parametrize(
    ("spelling", "canon"),
    _cases(v.NATIONAL_UNITS) + _cases(v.NAMED_UNITS) + _cases(v.POLICE_OPERATIONS),
)
def test_national_and_named_unit_and_operation(spelling: str, canon: str) -> None:
    found = scan(f"x\nPersonel {spelling} berjaga di lokasi.")
    assert canon in [u for _, u in found.units] + [t for _, t in found.terms]


@pytest.mark.parametrize(
    ("spelling", "canon", "shared"),
    [
        (spelling, prefix + abbr.lower(), shared and spelling.startswith(spelled_prefix))
        for prefix, spelled_prefix, table in (
            ("Dit", "Direktorat", v.DIRECTORATES),
            ("Sat", "Satuan", v.SATUAN),
        )
        for abbr, spelled, shared in table
        for spelling in (prefix + abbr, f"{prefix} {abbr}", f"{spelled_prefix} {spelled}")
    ],
)
def test_directorate_and_satuan(spelling: str, canon: str, shared: bool) -> None:
    parent = "Polda Bali" if canon.startswith("Dit") else "Polres Ende"
    found = scan(f"x\nPersonel {spelling} {parent} berjaga.")
    assert [u for _, u in found.units] == [f"{canon} {parent}", parent]
    alone = scan(f"x\nPersonel {spelling} berjaga.")
    assert [u for _, u in alone.units] == ([] if shared else [canon])


@pytest.mark.parametrize(("spelling", "province"), _cases(v.PROVINCES))
def test_province_after_polda(spelling: str, province: str) -> None:
    report = analyse("x", f"Personel Polda {spelling} berjaga.")
    assert report.units == [f"Polda {v.PROVINCES[province][0]}"]
    assert report.provinces == [province]


_AMBIGUOUS_PLACES = {
    name.lower()
    for name in {n for names in REGENCIES_AND_CITIES.values() for n in names.split("|")}
    if sum(name in names.split("|") for names in REGENCIES_AND_CITIES.values()) > 1
}


@pytest.mark.parametrize(
    ("place", "province"),
    [(p, prov) for prov, names in REGENCIES_AND_CITIES.items() for p in names.split("|")],
)
def test_every_regency_and_city_gives_its_province(place: str, province: str) -> None:
    report = analyse("x", f"Personel Polres {place} berjaga.")
    unit = pt.UNIT_RENAMES.get(f"polres {place}".lower(), f"Polres {place}")
    assert report.units == [unit]
    assert report.provinces == ([] if place.lower() in _AMBIGUOUS_PLACES else [province])


def test_ambiguous_places_are_only_the_known_one() -> None:
    assert sorted(_AMBIGUOUS_PLACES) == ["banjar"]


@pytest.mark.parametrize(("abbr", "place"), sorted(v.PLACE_ABBREVIATIONS.items()))
def test_place_abbreviation(abbr: str, place: str) -> None:
    report = analyse("x", f"Personel Polres {abbr} berjaga.")
    unit = pt.UNIT_RENAMES.get(f"polres {place}".lower(), f"Polres {place}")
    assert report.units == [unit]
    assert report.provinces == [pt.PLACE_PROVINCE[place.lower()]]


@pytest.mark.parametrize(("written", "renamed"), sorted(v.UNIT_RENAMES.items()))
def test_unit_rename(written: str, renamed: str) -> None:
    assert analyse("x", f"Personel {written} berjaga.").units == [renamed]


# --------------------------------------------------------------------------- posts


@pytest.mark.parametrize(("spelling", "head"), _cases(v.UNIT_HEADS))
def test_unit_head(spelling: str, head: tuple[str, str]) -> None:
    place = {"Polda": "Bali", "Polres Metro": "Jakarta Selatan", "Polsek": "Alok"}.get(
        head[1], "Ende"
    )
    report = analyse("x", f"kata {spelling} {place} AKBP {OFFICER}.")
    short = {"Bali": "Bali"}.get(place, place)
    unit = f"{head[1]} {short}"
    unit = pt.UNIT_RENAMES.get(unit.lower(), unit)
    position = head[0] + unit[0].lower() + unit[1:]
    assert report.officers[0].position == position
    assert report.officers[0].name == OFFICER


@pytest.mark.parametrize(
    ("spelling", "position"),
    [(s, pos) for pos, (_, sp) in v.NATIONAL_POSTS.items() for s in sp],
)
def test_national_post(spelling: str, position: str) -> None:
    report = analyse("x", f"kata {spelling} Irjen Pol {OFFICER}.")
    assert report.officers[0].position == position


@pytest.mark.parametrize(
    ("spelling", "position"),
    [
        (s, value)
        for specs, kind in ((pt.POST_SPECS, "attach"), (pt.POST_SPECS, "generic"))
        for spellings, (k, value, _) in specs
        if k == kind
        for s in spellings
    ],
)
def test_unit_post(spelling: str, position: str) -> None:
    """Police posts and shared posts (with a police unit after them), derived ones included."""
    report = analyse("x", f"kata {spelling} Polres Ende AKP {OFFICER}.")
    assert report.officers[0].position == f"{position} Polres Ende"


def test_a_shared_post_alone_is_not_police() -> None:
    for spelling in (s for sp in v.SHARED_POSTS.values() for s in sp):
        assert analyse("x", f"kata {spelling} Dinas Sosial {OFFICER}.").officers == []


# --------------------------------------------------------------------------- ranks


@pytest.mark.parametrize(("spelling", "rank"), _cases(v.RANKS))
def test_rank(spelling: str, rank: str) -> None:
    assert analyse("x", f"kata {spelling} {OFFICER}.").officers[0].rank == rank


@pytest.mark.parametrize(
    ("spelling", "rank"), [(s, rank) for rank, (_, sp) in v.AMBIGUOUS_RANKS.items() for s in sp]
)
def test_ambiguous_rank_next_to_a_police_post(spelling: str, rank: str) -> None:
    report = analyse("x", f"Kapolda Bali {spelling} {OFFICER} mengatakan.")
    assert report.officers[0].rank == rank
    assert report.officers[0].name == OFFICER


@pytest.mark.parametrize("suffix", v.RANK_POLICE_SUFFIXES + v.RANK_OTHER_SUFFIXES)
def test_rank_suffix(suffix: str) -> None:
    """A police suffix makes "Brigjen" Polri's by itself; every suffix is read past."""
    brigjen = analyse("x", f"kata Brigjen {suffix} {OFFICER}.").officers
    if suffix in v.RANK_POLICE_SUFFIXES:
        assert brigjen == [Officer("Brigjen Pol", OFFICER, None)]
    else:
        assert brigjen == []
    assert analyse("x", f"kata Irjen {suffix} {OFFICER}.").officers == [
        Officer("Irjen Pol", OFFICER, None)
    ]


@pytest.mark.parametrize("title", v.NAME_PREFIX_TITLES)
def test_prefix_title_is_dropped(title: str) -> None:
    assert analyse("x", f"kata AKBP {title} {OFFICER}.").officers[0].name == OFFICER


@pytest.mark.parametrize("title", [t for t in v.NAME_PREFIX_TITLES if t.endswith(".")])
def test_prefix_title_after_a_comma_after_the_rank(title: str) -> None:
    assert analyse("x", f"kata AKBP, {title} {OFFICER}.").officers == [
        Officer("AKBP", OFFICER, None)
    ]


@pytest.mark.parametrize("word", v.PLACE_KIND_WORDS)
def test_a_place_is_no_name_before_a_rank(word: str) -> None:
    assert analyse("x", "Peserta: 1. Budi Bogor Kompol, Polres Bogor.").officers == [
        Officer("Kompol", "Budi Bogor", None)
    ]
    assert analyse("x", f"Peserta: 1. {word} Bogor Kompol, Polres Bogor.").officers == []


@pytest.mark.parametrize("title", v.NAME_SUFFIX_TITLES)
def test_suffix_title_is_dropped(title: str) -> None:
    for sentence in (f"kata AKBP {OFFICER} {title} di Kupang.", f"kata AKBP {OFFICER}, {title}."):
        assert analyse("x", sentence).officers[0].name == OFFICER


@pytest.mark.parametrize("rank", v.TNI_RANKS)
def test_army_rank_with_tni_is_no_officer(rank: str) -> None:
    report = analyse("x", f"{rank} TNI {OFFICER} hadir di Polres Ende.")
    assert report.officers == []


@pytest.mark.parametrize("corps", v.TNI_CORPS)
def test_army_corps_after_a_rank_is_no_officer(corps: str) -> None:
    assert analyse("x", f"Kapolda Bali hadir. Brigjen {corps} {OFFICER} juga hadir.").officers == []


# --------------------------------------------------------------------------- traps, bodies


@pytest.mark.parametrize(("spelling", "name"), _cases(v.TRAPS))
def test_trap(spelling: str, name: str) -> None:
    found = scan(f"x\nWarga melihat {spelling} di sana.")
    assert [t for _, _, t in found.traps] == [name]
    assert found.units == []


@pytest.mark.parametrize("country", v.COUNTRIES)
def test_foreign_police_trap(country: str) -> None:
    for police in ("polisi", "Kepolisian"):
        found = scan(f"x\nKemarin {police} {country} menangkap dua orang.")
        assert [t for _, _, t in found.traps] == ["foreign police"]


@pytest.mark.parametrize("place", v.FOREIGN_PLACES)
def test_foreign_district_police_trap(place: str) -> None:
    found = scan(f"x\nKepolisian Daerah {place} menangkap dua orang.")
    assert [t for _, _, t in found.traps] == ["foreign police"]
    assert found.units == []


@pytest.mark.parametrize("force", v.FOREIGN_FORCES)
def test_foreign_force(force: str) -> None:
    found = scan(f"x\nKemarin {force} menangkap dua orang.")
    assert [t for _, _, t in found.traps] == ["foreign police"]


@pytest.mark.parametrize(("spelling", "name"), _cases(v.OTHER_AGENCIES))
def test_other_body(spelling: str, name: str) -> None:
    assert [n for _, _, n in other_bodies(f"Kemarin {spelling} menggelar rapat.")] == [name]


@pytest.mark.parametrize(("spelling", "term"), _cases(v.POLICE_WORDS))
def test_police_word(spelling: str, term: str) -> None:
    assert analyse("x", f"Kemarin {spelling} berjaga di Kupang.").terms == [term]


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize("verb", v.POLICE_ACTIONS)
def test_police_action(verb: str) -> None:
    report = analyse("x", f"Di Kupang, Polres Kupang {verb} dua pemuda.")
    assert any("paragraph 1: police actor Polres Kupang" in r for r in report.reasons)


@pytest.mark.parametrize("verb", v.SPEECH_VERBS)
def test_speech_verb(verb: str) -> None:
    report = analyse("x", f"Di Kupang, {verb} Kapolsek Alok, warga tenang.")
    assert any("police speaker Kapolsek" in r for r in report.reasons)


@pytest.mark.parametrize("marker", v.OBJECT_MARKERS)
def test_object_marker(marker: str) -> None:
    report = analyse("x", f"Warga {marker} polisi pada Senin.")
    assert not any("police actor" in r for r in report.reasons)


@pytest.mark.parametrize("start", v.RELATED_LINE_STARTS + v.CREDIT_LINE_STARTS)
def test_skipped_lines(start: str) -> None:
    body = f"Warga panen jagung di Kupang.\n{start} Kapolres Ende AKBP {OFFICER} tangkap pencuri"
    report = analyse("Panen jagung", body)
    assert (report.officers, report.units, report.score) == ([], [], 0.0)


@pytest.mark.parametrize("said", v.SAID_BEFORE_NAME)
def test_said_before_a_police_officers_name(said: str) -> None:
    body = f"Warga panen jagung di Kupang bersama AKBP {OFFICER}.\n\nHasilnya bagus, {said} Budi."
    report = analyse("Panen jagung", body)
    assert any("paragraph 2: police speaker Budi" in r for r in report.reasons)


def test_every_spelling_has_a_candidate_key() -> None:
    spellings = [
        *pt.TRAP_SPELLINGS,
        *(s for sp, _ in pt.UNIT_SPECS for s in sp),
        *(s for sp, _ in pt.POST_SPECS for s in sp),
        *(s for sp, _ in pt.RANK_SPECS for s in sp),
    ]
    assert all(pt.key_of(s) in pt.KEY_KINDS for s in spellings)


@pytest.mark.parametrize("word", v.PLACE_BEFORE_RANK)
def test_place_before_a_rank(word: str) -> None:
    assert analyse("x", f"Polres Kupang berjaga di {word} Jenderal Sudirman.").officers == []


@pytest.mark.parametrize("word", v.JOINING_WORDS)
def test_joining_word_in_a_headline(word: str) -> None:
    report = analyse(f"Warga {word} Polres Kupang bersihkan pantai", "Warga Kupang bekerja bakti.")
    assert report.reasons[0] == "+0.25 title: police named jointly: Polres Kupang"


@pytest.mark.parametrize("word", v.GROUP_WORDS)
def test_group_word_between_a_verb_and_police(word: str) -> None:
    report = analyse("x", f"Bupati Kupang meminta {word} polisi mengusut kasus itu.")
    assert not any("police actor" in r for r in report.reasons)


@pytest.mark.parametrize("word", sorted(pt.STOP_WORDS & {*v.NAME_STOP_WORDS, *v.TNI_SOLDIER_RANKS}))
def test_a_name_stops_at_a_stop_word(word: str) -> None:
    assert analyse("x", f"kata AKBP {OFFICER} {word} Kupang.").officers[0].name == OFFICER


@pytest.mark.parametrize("trap", v.POLICE_RUN_TRAPS)
def test_an_ambiguous_rank_next_to_a_police_run_trap(trap: str) -> None:
    report = analyse("x", f"Kepala {trap} Brigjen {OFFICER} mengatakan.")
    assert report.officers == [Officer("Brigjen Pol", OFFICER, None)]


@pytest.mark.parametrize("word", v.SHARED_NAME_WORDS)
def test_a_shared_name_word_does_not_name_an_officer_again(word: str) -> None:
    head = f"Warga panen jagung bersama AKBP {word} Santoso.\n"
    shared = analyse("Panen jagung", head + f"{word} menanam jagung di kebun.")
    own = analyse("Panen jagung", head + "Santoso menanam jagung di kebun.")
    assert not any(r.startswith("+0.25 paragraph 2") for r in shared.reasons)
    assert any(r.startswith("+0.25 paragraph 2: police actor Santoso") for r in own.reasons)


@pytest.mark.parametrize("body", v.POLICE_STAFFED_BODIES)
def test_an_ambiguous_rank_next_to_a_police_staffed_body(body: str) -> None:
    name = v.OTHER_AGENCIES[body][0]
    report = analyse("x", f"Kepala {name} Brigjen {OFFICER} mengatakan.")
    assert report.officers == [Officer("Brigjen Pol", OFFICER, None)]
    assert not report.is_police


@pytest.mark.parametrize("trap", v.NEUTRAL_TRAPS)
def test_a_neutral_trap_leads_no_story(trap: str) -> None:
    spelling = v.TRAPS[trap][-1]
    body = f"Anggota {spelling} mengunjungi Polres Kupang.\nKapolres Kupang AKBP Budi menyambut."
    assert not any("other body" in r for r in analyse(f"Kunjungan {spelling}", body).reasons)


@pytest.mark.parametrize("abbr", v.ABBREVIATIONS)
def test_an_abbreviation_ends_no_sentence(abbr: str) -> None:
    report = analyse("x", f"Kemarin AKBP {abbr}. Budi di sana menangkap dua pencuri.")
    assert any("police actor AKBP" in r for r in report.reasons)


@pytest.mark.parametrize("word", v.INDONESIA)
def test_a_word_that_places_a_story_in_indonesia(word: str) -> None:
    body = f"Para polisi berpatroli di pusat kota {word} sepanjang malam. " * 12
    assert not any("foreign" in r for r in analyse("Patroli malam", body).reasons)
    assert any("foreign" in r for r in analyse("Patroli malam", body.replace(word, "X")).reasons)
