"""Matchers derived from :mod:`.vocabulary`: regexes, candidate-word keys, stop words, places.

Nothing here is vocabulary: every spelling comes from the tables in :mod:`.vocabulary` and
:mod:`.regions`. The tables are compiled once, at import (the traps' piecemeal, when needed).

Candidate words: each spelling's first word (lowercase, up to the first non-word character) is a
key; one pass over the text's words finds the few positions where a key starts, and only there
are the detailed patterns tried, anchored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from . import vocabulary as v
from .regions import REGENCIES_AND_CITIES

SP = r"[^\S\n]+"  # spaces inside one paragraph
OSP = r"[^\S\n]*"
END = r"(?![\w'’])"  # end of a word

# --------------------------------------------------------------------------------------------
# Spellings -> patterns
# --------------------------------------------------------------------------------------------


def _word_pattern(word: str) -> str:
    """One word of a multi-word spelling: its first letter in either case."""
    first = word[0]
    if first.isalpha() and first.lower() != first.upper():
        return f"[{first.upper()}{first.lower()}]" + re.escape(word[1:])
    return re.escape(word)


def spelling_pattern(spelling: str, *, fold: bool = True) -> str:
    """The regex of one spelling (see :mod:`.vocabulary` for the case rules).

    A one-word spelling matches in any case when ``fold``, else as written or in capitals; a
    spelling of several words matches with each word's first letter in either case, or all in
    capitals, with any run of spaces between its words.
    """
    words = spelling.split()
    if len(words) == 1:
        word = re.escape(spelling)
        if fold:
            return f"(?i:{word})"
        upper = re.escape(spelling.upper())
        return word if upper == word else f"(?:{word}|{upper})"
    written = SP.join(_word_pattern(w) for w in words)
    upper = SP.join(re.escape(w.upper()) for w in words)
    return f"(?:{written}|{upper})"


def alternation(spellings: Iterable[str], *, fold: bool = True) -> str:
    """A pattern matching any of ``spellings``, the longest first."""
    unique = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(spelling_pattern(s, fold=fold) for s in unique) + ")"


def key_of(spelling: str) -> str:
    """The candidate-word key of a spelling: its first word's leading word characters."""
    m = re.match(r"\W*(\w+)", spelling)
    assert m is not None, spelling
    return m.group(1).lower()


def grouped(specs: list[tuple[Iterable[str], object]], name: str) -> tuple[re.Pattern[str], list]:
    """One regex with a named group per spec (``lastgroup`` names it) + the specs' payloads."""
    body = "|".join(f"(?P<{name}{i}>{alternation(sp)})" for i, (sp, _) in enumerate(specs))
    return re.compile(rf"(?:{body}){END}"), [payload for _, payload in specs]


# --------------------------------------------------------------------------------------------
# Traps
# --------------------------------------------------------------------------------------------

_COUNTRY_TRAPS = [
    f"{police} {country}"
    for country in v.COUNTRIES
    for police in ("polisi", "kepolisian", "polisi diraja", "Kepolisian Daerah")
]
_FOREIGN_UNIT_TRAPS = [
    f"{unit} {place}"
    for place in v.FOREIGN_PLACES
    for unit in ("Kepolisian Daerah", "polisi", "kepolisian", "Polda", "Kepolisian Distrik")
]
_TNI_RANK_TRAPS = [
    f"{rank}{purn} {tni}"
    for rank in v.TNI_RANKS
    for purn in ("", " (Purn)", " (Purn.)", " Purn.")
    for tni in ("TNI", "(TNI)")
]
TRAP_SPELLINGS: list[str] = [
    *(s for spellings in v.TRAPS.values() for s in spellings),
    *_COUNTRY_TRAPS,
    *_FOREIGN_UNIT_TRAPS,
    *_TNI_RANK_TRAPS,
    *v.FOREIGN_FORCES,
]


def by_key(spellings: Iterable[str]) -> dict[str, list[str]]:
    """Candidate key -> the spellings with that key."""
    groups: dict[str, list[str]] = {}
    for s in spellings:
        groups.setdefault(key_of(s), []).append(s)
    return groups


TRAPS_BY_KEY = by_key(TRAP_SPELLINGS)


def _second_word(spelling: str) -> str:
    """A spelling's second word, lowercase; empty for a spelling of one word, or not in ASCII
    (whose case may change its length: always tried)."""
    words = spelling.split()
    return words[1].lower() if len(words) > 1 and spelling.isascii() else ""


def _by_initial(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Words by their first character, sorted."""
    initials: dict[str, list[str]] = {}
    for word in sorted(set(words) - {""}):
        initials.setdefault(word[0], []).append(word)
    return {initial: tuple(group) for initial, group in initials.items()}


_TRAP_SECONDS = {
    key: [(s, _second_word(s)) for s in spellings] for key, spellings in TRAPS_BY_KEY.items()
}
_SECOND_WORDS = {
    key: _by_initial(second for _, second in pairs) for key, pairs in _TRAP_SECONDS.items()
}
_WORD_PAIR = re.compile(r"\S+[^\S\n]+(\S+)")  # a word, spaces within the line, the next word


def trap_match(text: str, pos: int, key: str) -> re.Match[str] | None:
    """The trap phrase starting at ``pos`` with candidate key ``key``, if any.

    The same match as the alternation of all the key's trap spellings (longest first), but
    only the spellings the text's second word allows are compiled and tried: one of several
    words matches only if its second word starts that word, case aside. A key's whole
    alternation ("kepolisian": 396 spellings) took 45 ms to compile.
    """
    pair = _WORD_PAIR.match(text, pos)
    second = pair.group(1).lower() if pair else ""
    allowed = tuple(w for w in _SECOND_WORDS[key].get(second[:1], ()) if second.startswith(w))
    pattern = _trap_pattern(key, allowed)
    return pattern.match(text, pos) if pattern else None


@cache
def _trap_pattern(key: str, second_words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The regex of the key's trap spellings of one word or with one of ``second_words``."""
    allowed = {"", *second_words}
    spellings = [s for s, second in _TRAP_SECONDS[key] if second in allowed]
    return re.compile(alternation(spellings) + END) if spellings else None


# --------------------------------------------------------------------------------------------
# Units: (spellings, (kind, canonical))
#   terr      a territorial unit; canonical is its type, the place follows
#   national  a national unit; an optional "Polri" after it is part of it
#   named     may attach to a territorial parent: "Ditreskrimsus Polda Banten"
#   parent    a generic spelled-out name: counts only with a police parent
#   polri     a bare "Polri" (weak when named jointly with TNI)
# --------------------------------------------------------------------------------------------

UNIT_SPECS: list[tuple[Iterable[str], tuple[str, str]]] = [
    *((spellings, ("terr", kind)) for kind, spellings in v.TERRITORIAL_UNITS.items()),
    *((spellings, ("national", canon)) for canon, spellings in v.NATIONAL_UNITS.items()),
    *((spellings, ("named", canon)) for canon, spellings in v.NAMED_UNITS.items()),
    *((spellings, ("operation", canon)) for canon, spellings in v.POLICE_OPERATIONS.items()),
    *(
        spec
        for prefix, spelled_prefix, table in (
            ("Dit", "Direktorat", v.DIRECTORATES),
            ("Sat", "Satuan", v.SATUAN),
        )
        for abbr, spelled, shared in table
        for spec in (
            ((f"{prefix}{abbr}", f"{prefix} {abbr}"), ("named", f"{prefix}{abbr.lower()}")),
            (
                (f"{spelled_prefix} {spelled}",),
                ("parent" if shared else "named", prefix + abbr.lower()),
            ),
        )
    ),
    (v.POLRI, ("polri", "Polri")),
]
UNIT_RE, UNIT_PAYLOADS = grouped(UNIT_SPECS, "u")
TERR_KEYWORD_RE = re.compile(
    "|".join(
        f"(?P<{kind.replace(' ', '_')}>{alternation(spellings)})"
        for kind, spellings in v.TERRITORIAL_UNITS.items()
    )
    + END
)

# --------------------------------------------------------------------------------------------
# Posts: (spellings, (kind, value, unit))
#   embed     value "Ka"/"Waka", unit the territorial type: "Kapolres TTS"
#   national  value the position, unit its unit: "Kapolri"
#   attach    a police post, optionally followed by its unit: "Kasat Reskrim Polres Ende"
#   generic   a post other bodies have too: police only with a police unit or rank
# --------------------------------------------------------------------------------------------

POST_SPECS: list[tuple[Iterable[str], tuple[str, str, str]]] = [
    *((sp, ("embed", head, kind)) for (head, kind), sp in v.UNIT_HEADS.items()),
    *((sp, ("national", pos, unit)) for pos, (unit, sp) in v.NATIONAL_POSTS.items()),
    *((sp, ("attach", pos, "")) for pos, sp in v.POLICE_POSTS.items()),
    *((sp, ("generic", pos, "")) for pos, sp in v.SHARED_POSTS.items()),
    *(
        spec
        for abbr, spelled, shared in v.DIRECTORATES
        for head, spelled_head in (("Dir", "Direktur"), ("Wadir", "Wakil Direktur"))
        for spec in (
            ((f"{head}{abbr}", f"{head} {abbr}"), ("attach", f"{head}{abbr.lower()}", "")),
            (
                (f"{spelled_head} {spelled}",),
                ("generic" if shared else "attach", f"{head}{abbr.lower()}", ""),
            ),
        )
    ),
    *(
        (
            (f"Kasat {abbr}", f"Kasat{abbr}", f"Kepala Satuan {spelled}"),
            ("attach", f"Kasat {abbr}", ""),
        )
        for abbr, spelled, _ in v.SATUAN
    ),
]
POST_RE, POST_PAYLOADS = grouped(POST_SPECS, "p")

# --------------------------------------------------------------------------------------------
# Ranks: (spellings, (normalised rank, certainty)); certainty "sure" or what it needs
# --------------------------------------------------------------------------------------------

#   "suffix": an army rank, a police rank of the ABRI era only with "Pol" after it
_POLICE_RANK_SPELLINGS = {
    s for sp in (*v.RANKS.values(), *(sp for _, sp in v.AMBIGUOUS_RANKS.values())) for s in sp
}
RANK_SPECS: list[tuple[Iterable[str], tuple[str, str]]] = [
    *((sp, (rank, "sure")) for rank, sp in v.RANKS.items()),
    *((sp, (rank, need)) for rank, (need, sp) in v.AMBIGUOUS_RANKS.items()),
    *(
        ((s,), (f"{s} Pol", "suffix"))
        for s in dict.fromkeys((*v.TNI_RANKS, *v.TNI_SOLDIER_RANKS))
        if s not in _POLICE_RANK_SPELLINGS
    ),
]
_AMBIGUOUS_SPELLINGS = {s for _, sp in v.AMBIGUOUS_RANKS.values() for s in sp} | {
    s for sp, (_, need) in RANK_SPECS if need == "suffix" for s in sp
}


# The longest spelling wins across ranks ("Ajun Komisaris Besar" before "Ajun Komisaris").
_RANK_ORDER = sorted(
    ((s, i) for i, (sp, _) in enumerate(RANK_SPECS) for s in sp), key=lambda x: -len(x[0])
)
RANK_RE = re.compile(
    "(?:"
    + "|".join(
        f"(?P<r{n}>{spelling_pattern(s, fold=s not in _AMBIGUOUS_SPELLINGS)})"
        for n, (s, _) in enumerate(_RANK_ORDER)
    )
    + f"){END}"
)
RANK_PAYLOADS: list[tuple[str, str]] = [RANK_SPECS[i][1] for _, i in _RANK_ORDER]  # type: ignore[misc]


def _literal(spellings: Iterable[str]) -> str:
    """An alternation of exact spellings, the longest first."""
    return "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))


RANK_POLICE_SUFFIX_RE = re.compile(rf"{OSP}(?:{_literal(v.RANK_POLICE_SUFFIXES)})(?![a-z])")
RANK_OTHER_SUFFIX_RE = re.compile(
    rf"{OSP}(?:{_literal(v.RANK_OTHER_SUFFIXES)})(?![\w])", re.IGNORECASE
)
TNI_AFTER_RE = re.compile(rf"{SP}\(?(?:{_literal(v.TNI_CORPS)})\b")

# Weak police words, matched on the lowercased text: regex, and its group index -> term.
WEAK_RE = re.compile(
    "(?:"
    + "|".join(
        "(" + "|".join(re.escape(x.lower()).replace(r"\ ", SP) for x in spellings) + ")"
        for spellings in v.POLICE_WORDS.values()
    )
    + r")\b"
)
WEAK_TERMS: list[str] = list(v.POLICE_WORDS)

# --------------------------------------------------------------------------------------------
# Candidate keys: first word of every spelling -> the kinds of matcher to try there
# --------------------------------------------------------------------------------------------

TRAP, UNIT, POST, RANK, BODY, WEAK = 1, 2, 4, 8, 16, 32


def _keys(kind: int, spellings: Iterable[str], into: dict[str, int]) -> None:
    for s in spellings:
        k = key_of(s)
        into[k] = into.get(k, 0) | kind


KEY_KINDS: dict[str, int] = {}
_keys(TRAP, TRAP_SPELLINGS, KEY_KINDS)
_keys(UNIT, (s for sp, _ in UNIT_SPECS for s in sp), KEY_KINDS)
_keys(POST, (s for sp, _ in POST_SPECS for s in sp), KEY_KINDS)
_keys(RANK, (s for sp, _ in RANK_SPECS for s in sp), KEY_KINDS)
_keys(BODY, (s for sp in v.OTHER_AGENCIES.values() for s in sp), KEY_KINDS)
_keys(WEAK, (s for sp in v.POLICE_WORDS.values() for s in sp), KEY_KINDS)


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` written as a trie (fast to scan with)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(root)


# Every candidate word, found in one pass over the lowercased text.
KEY_RE = re.compile(rf"\b{_trie(KEY_KINDS)}(?!\w)")

# Other bodies (OTHER_AGENCIES), matched as written at their candidate words.
BODY_NAMES: list[str] = list(v.OTHER_AGENCIES)
BODY_RE = re.compile(
    "(?:"
    + "|".join(
        f"(?P<b{i}>{alternation(sp, fold=False)})" for i, sp in enumerate(v.OTHER_AGENCIES.values())
    )
    + r")(?![\w-])"
)

# --------------------------------------------------------------------------------------------
# Verbs: police actions, speech, and the shape of Indonesian verbs
# --------------------------------------------------------------------------------------------

ACTION_WORDS = frozenset(a.lower() for a in v.POLICE_ACTIONS)
SPEECH_WORDS = frozenset(w.lower() for w in v.SPEECH_VERBS)
VERB_SHAPE_RE = re.compile(r"(?:me|ber|di|ter|mem|men|meng|meny)[a-z]{3,}$")


def is_verb(word: str) -> bool:
    """Whether a lowercase word is a verb: a police action, a speech verb, or verb-shaped."""
    return word in ACTION_WORDS or word in SPEECH_WORDS or VERB_SHAPE_RE.match(word) is not None


# --------------------------------------------------------------------------------------------
# Places and provinces
# --------------------------------------------------------------------------------------------


def _province_table() -> dict[str, str]:
    """Lowercase place (regency or city) -> province; names in two provinces are left out."""
    seen: dict[str, set[str]] = {}
    for province, names in REGENCIES_AND_CITIES.items():
        for name in names.split("|"):
            seen.setdefault(name.lower(), set()).add(province)
    return {name: next(iter(p)) for name, p in seen.items() if len(p) == 1}


PLACE_PROVINCE: dict[str, str] = _province_table()
PLACE_MAX_WORDS = max(len(name.split()) for name in PLACE_PROVINCE)
# Lowercase spelling after "Polda" -> (short name, full province).
POLDA_NAMES: dict[str, tuple[str, str]] = {
    s.lower(): (spellings[0], province)
    for province, spellings in v.PROVINCES.items()
    for s in spellings
}
POLDA_MAX_WORDS = max(len(s.split()) for s in POLDA_NAMES)
# Province abbreviations, never part of a Polres place ("Polres Sikka NTT" -> Sikka).
PROVINCE_SHORT_NAMES = frozenset(
    sp[0] for province, sp in v.PROVINCES.items() if sp[0] != province and " " not in sp[0]
)
PLACE_ABBREVIATIONS: dict[str, str] = {k.lower(): val for k, val in v.PLACE_ABBREVIATIONS.items()}
UNIT_RENAMES: dict[str, str] = {k.lower(): val for k, val in v.UNIT_RENAMES.items()}

# --------------------------------------------------------------------------------------------
# Stop words: capitalised words that end a place or a person's name
# --------------------------------------------------------------------------------------------

_VOCAB_STOP_WORDS = (
    {
        w
        for table in (v.TERRITORIAL_UNITS, v.NATIONAL_UNITS, v.NAMED_UNITS)
        for spellings in table.values()
        for s in spellings
        for w in s.split()[:1]
        if w[:1].isupper()
    }
    | {
        s
        for spellings in v.OTHER_AGENCIES.values()
        for s in spellings
        if s.isupper() and " " not in s
    }
    | {
        w
        for table in (v.RANKS, v.POLICE_POSTS, v.SHARED_POSTS)
        for spellings in table.values()
        for s in spellings
        for w in s.split()[:1]
    }
    | {
        w
        for spellings in (*v.UNIT_HEADS.values(), *(sp for _, sp in v.NATIONAL_POSTS.values()))
        for s in spellings
        for w in s.split()[:1]
    }
    | {s.split()[0] for _, sp in v.AMBIGUOUS_RANKS.values() for s in sp}
    | set(v.TNI_SOLDIER_RANKS)
    | set(v.TNI_RANKS)
    | {
        f"{head}{abbr}"
        for head in ("Dit", "Sat", "Dir", "Wadir", "Kasat")
        for abbr, _, _ in (*v.DIRECTORATES, *v.SATUAN)
    }
    | {
        "Kepala",
        "Wakil",
        "Direktur",
        "Komandan",
        "Kasat",
        "Kasi",
        "Kasie",
        "Kabid",
        "Kabag",
        "Kanit",
        "Dandim",
        "Danrem",
        "Pangdam",
        "Panglima",
        "Danramil",
        "Satgas",
    }
)
_PLACE_WORDS = {
    w for names in REGENCIES_AND_CITIES.values() for n in names.split("|") for w in n.split()
}
STOP_WORDS: frozenset[str] = frozenset(
    {
        *(w for w in v.NAME_STOP_WORDS if w not in _PLACE_WORDS),
        *(w for w in _VOCAB_STOP_WORDS if w not in _PLACE_WORDS),
        *(w.upper() for w in _VOCAB_STOP_WORDS if len(w) > 3 and w not in _PLACE_WORDS),
    }
)

# --------------------------------------------------------------------------------------------
# Titles: the vocabulary's capitals, put back into a lowercase headline
# --------------------------------------------------------------------------------------------


def _recase_table() -> dict[str, str]:
    """Lowercase word -> its capitalised spelling, for every capitalised vocabulary word."""
    words: dict[str, str] = {}
    tables: list[Iterable[str]] = [
        (s for sp in v.TERRITORIAL_UNITS.values() for s in sp),
        (s for sp in v.NATIONAL_UNITS.values() for s in sp),
        (s for sp in v.NAMED_UNITS.values() for s in sp),
        (s for sp, _ in UNIT_SPECS for s in sp),
        (s for sp, _ in POST_SPECS for s in sp),
        (s for sp, _ in RANK_SPECS for s in sp),
        (s for sp in v.PROVINCES.values() for s in sp),
        v.PLACE_ABBREVIATIONS,
        (name for names in REGENCIES_AND_CITIES.values() for name in names.split("|")),
        v.POLRI,
        v.TNI_RANKS,
        v.COUNTRIES,
        v.FOREIGN_PLACES,
        (s for sp in v.TRAPS.values() for s in sp),
        (s for sp in v.OTHER_AGENCIES.values() for s in sp),
    ]
    for table in tables:
        for spelling in table:
            for w in spelling.split():
                if w != w.lower() and w.lower() not in v.NEVER_RECASED:
                    words.setdefault(w.lower(), w)
    return words


RECASE: dict[str, str] = _recase_table()
