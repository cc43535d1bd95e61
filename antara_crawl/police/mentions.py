"""Finding police vocabulary in a text: traps, units, posts and ranks, each with its offset.

Pure functions over one string (a title and a body joined by a newline). Traps are blanked
first, so nothing inside them counts; then posts, units and ranks are matched, anchored, at
the candidate words :mod:`.patterns` derives from the vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import patterns as pt
from . import vocabulary as v

# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

_PLACE_TOKEN_RE = re.compile(
    rf"(?:Kep\.|Kab\.|D\.I\.|[A-Z][\w'’-]*\w|[A-Z]|dan(?={pt.SP}[A-Z]))(?![\w'’-])"
)
_SPACE_RE = re.compile(pt.SP)
_PAREN_RE = re.compile(rf"{pt.OSP}\([^()\n]{{1,40}}\)")
_POLRI_TAIL_RE = re.compile(rf"(?:{pt.OSP}\([^()\n]{{1,40}}\))?{pt.SP}(?i:polri){pt.END}")
_NATIONAL_TAIL_RE = re.compile(
    rf"(?:{pt.OSP}\([^()\n]{{1,40}}\))?{pt.SP}(?:(?i:div{pt.OSP}humas|bareskrim|mabes){pt.SP})?"
    rf"(?i:polri|bareskrim){pt.END}"
)
_PARENT_RE = re.compile(rf"(?:{pt.OSP}\([^()\n]{{1,40}}\))?{pt.SP}(?={pt.TERR_KEYWORD_RE.pattern})")
# A sub-unit's name between a post and its territorial unit: "Kasubdit Cyber Crime Polda …".
_SUB_UNIT_RE = re.compile(
    rf"(?:{pt.SP}(?:[A-Z][\w/-]*|\d+))" r"{1,3}" rf"{pt.SP}(?={pt.TERR_KEYWORD_RE.pattern})"
)
_NAME_STOP_WORDS = frozenset(v.NAME_STOP_WORDS)
_RANK_PAREN_RE = re.compile(rf"{pt.OSP}\(([^()\n]{{2,20}})\)")
_FORMER_RE = re.compile(r"\b(?i:mantan|eks|bekas)[^\S\n]+$")
_JOINT_BEFORE_RE = re.compile(rf"TNI{pt.OSP}(?:[-/–—,&]|dan|bersama|serta){pt.OSP}$")
_JOINT_AFTER_RE = re.compile(rf"{pt.OSP}(?:[-/–—&]|dan|bersama|serta){pt.OSP}TNI\b")
_TRAP_NAMES: dict[str, str] = {
    " ".join(s.lower().split()): name for name, spellings in v.TRAPS.items() for s in spellings
}


def title_case(token: str) -> str:
    """``"SIKKA"`` -> ``"Sikka"``; short abbreviations and mixed case stay as written."""
    if len(token) > 3 and token.isupper():
        return "-".join(part.capitalize() for part in token.split("-"))
    return token


def place_tokens(text: str, pos: int, limit: int = 5) -> list[tuple[str, int]]:
    """The capitalised words right after ``pos`` that may name a place, with their ends.

    Stops at a stop word (a day, a rank, a unit word…) or at anything not capitalised.
    """
    out: list[tuple[str, int]] = []
    while len(out) < limit:
        sp = _SPACE_RE.match(text, pos)
        if sp is None:
            break
        m = _PLACE_TOKEN_RE.match(text, sp.end())
        if m is None or m.group() in pt.STOP_WORDS:
            break
        out.append((m.group(), m.end()))
        pos = m.end()
    return out


def _longest_known(words: list[str], table: dict, max_words: int) -> int:
    """How many of the leading ``words`` form the longest key of ``table`` (0: none)."""
    for n in range(min(max_words, len(words)), 0, -1):
        if " ".join(words[:n]).lower() in table:
            return n
    return 0


@dataclass(frozen=True, slots=True)
class Territorial:
    """A parsed territorial unit: its normalised name, where it ends, its province."""

    unit: str | None
    end: int
    province: str | None
    closed: bool


def _sub_unit(text: str, pos: int) -> re.Match[str] | None:
    """The sub-unit's name after a post at ``pos``, up to its territorial unit, if any."""
    m = _SUB_UNIT_RE.match(text, pos)
    if m is None or _NAME_STOP_WORDS.intersection(m.group().split()):
        return None
    return m


def territorial(kind: str, text: str, pos: int) -> Territorial:
    """Parse the place after a ``kind`` keyword ("Polda", "Polres"…) that ends at ``pos``.

    The unit name is cut where the place ends: at a known province or regency name, or before
    a province abbreviation, "Kota"/"Kabupaten" or a stop word. ``closed`` says the place is
    a known province (then a capitalised word after it is not part of it).
    """
    toks = place_tokens(text, pos)
    if toks and toks[0][0] == "dan":
        toks = []
    if not toks:
        if kind == "Polres Metro":  # the Polres of Metro, a city in Lampung
            return Territorial("Polres Metro", pos, pt.PLACE_PROVINCE["metro"], True)
        return Territorial(None, pos, None, False)
    words = [w for w, _ in toks]
    if kind == "Polda":
        n = _longest_known(words, pt.POLDA_NAMES, pt.POLDA_MAX_WORDS)
        if n:
            short, province = pt.POLDA_NAMES[" ".join(words[:n]).lower()]
            return Territorial(f"Polda {short}", toks[n - 1][1], province, True)
        n = min(2, len(words))
        return Territorial(
            "Polda " + " ".join(map(title_case, words[:n])), toks[n - 1][1], None, False
        )
    first = 0
    if words[0] in ("Kabupaten", "Kab."):
        first = 1
    elif words[0] == "Kota" and _longest_known(words, pt.PLACE_PROVINCE, pt.PLACE_MAX_WORDS):
        pass  # "Kota Baru", a regency
    elif words[0] == "Kota" and kind not in ("Polsek",):  # "Polres Kota Kupang" is a Polresta
        first = 1
        if kind == "Polres":
            kind = "Polresta"
    rest = words[first:]
    if not rest:
        return Territorial(None, pos, None, False)
    place, province, n, closed = None, None, 0, False
    k_abbr = _longest_known(rest, pt.PLACE_ABBREVIATIONS, 2)
    k_known = _longest_known(rest, pt.PLACE_PROVINCE, pt.PLACE_MAX_WORDS)
    if k_abbr > k_known or (k_abbr and kind == "Polsek"):
        place = pt.PLACE_ABBREVIATIONS[" ".join(rest[:k_abbr]).lower()]
        province = pt.PLACE_PROVINCE.get(place.lower())
        n = k_abbr
    elif kind != "Polsek" and (k := k_known):
        place = " ".join(map(title_case, rest[:k]))
        province = pt.PLACE_PROVINCE[place.lower()]
        n = k
        closed = True
        if n < len(rest) and rest[n] == "Kota":  # "Polres Kupang Kota", "Polres Bekasi Kota"
            place += " Kota"
            n += 1
    else:
        n = rest.index("dan") if "dan" in rest else len(rest)
        verbs = [i for i in range(1, n) if pt.is_verb(rest[i].lower())]  # "Bayah Ditangkap"
        n = verbs[0] if verbs else n
        for i in range(1, n):
            w = rest[i]
            if w in pt.PROVINCE_SHORT_NAMES or (
                w in ("Kota", "Kabupaten", "Kab.") and i + 1 < len(rest)
            ):
                n = i
                break
        n = min(n, 3)
        place = " ".join(map(title_case, rest[:n]))
        k = _longest_known(rest[:n], pt.PLACE_PROVINCE, pt.PLACE_MAX_WORDS)
        province = pt.PLACE_PROVINCE.get(" ".join(rest[:k]).lower()) if k else None
    unit = f"{kind} {place}"
    unit = pt.UNIT_RENAMES.get(unit.lower(), unit)
    return Territorial(unit, toks[first + n - 1][1], province, closed)


def terr_kind(text: str, pos: int) -> tuple[str, int] | None:
    """The territorial unit type whose keyword starts at ``pos``, and where the keyword ends."""
    m = pt.TERR_KEYWORD_RE.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    return m.lastgroup.replace("_", " "), m.end()


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted, non-overlapping union of ``spans``."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the merged, sorted ``spans``."""
    i = bisect_left(starts, pos + 1) - 1
    return i >= 0 and spans[i][1] > pos


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every offset kept (a few characters lowercase to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --------------------------------------------------------------------------------------------
# Mentions
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Post:
    """A post mention: span, term, normalised position and unit, and what it proves."""

    start: int
    end: int
    term: str
    position: str
    unit: str | None
    unit_start: int
    province: str | None
    police: bool
    former: bool
    closed: bool


@dataclass(slots=True)
class Rank:
    """A rank mention, what it needs to be Polri's ("sure" once "Pol" is written after it;
    an army rank is kept only then), and whether the officer is retired ("(Purn)")."""

    start: int
    end: int
    rank: str
    certainty: str
    retired: bool


@dataclass(slots=True)
class Mention:
    """A police mention: span, what it is ("unit", "post", "rank", "polri", "weak", "joint")."""

    start: int
    end: int
    kind: str
    label: str


@dataclass(slots=True)
class Found:
    """Everything seen in one text."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    units: list[tuple[int, str]] = field(default_factory=list)
    terms: list[tuple[int, str]] = field(default_factory=list)
    provinces: list[tuple[int, str]] = field(default_factory=list)
    traps: list[tuple[int, int, str]] = field(default_factory=list)
    bodies: list[tuple[int, int, str]] = field(default_factory=list)
    low: str = ""
    candidates: list[tuple[int, int, str]] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    ranks: list[Rank] = field(default_factory=list)


def candidates(low: str) -> list[tuple[int, int, str]]:
    """Positions where a vocabulary word starts, with the kinds of matcher to try there and
    the word."""
    kinds = pt.KEY_KINDS
    return [(m.start(), kinds[m.group()], m.group()) for m in pt.KEY_RE.finditer(low)]


def blank_traps(text: str, cands: list[tuple[int, int, str]], found: Found) -> str:
    """``text`` with every trap phrase replaced by ``#`` (same length); traps are recorded."""
    pieces: list[str] = []
    last = 0
    for pos, kinds, key in cands:
        if pos < last or not kinds & pt.TRAP:
            continue
        m = pt.trap_match(text, pos, key)
        if m:
            phrase = " ".join(m.group().lower().split())
            found.traps.append((pos, m.end(), _TRAP_NAMES.get(phrase, _trap_family(phrase))))
            pieces += (text[last:pos], "#" * (m.end() - pos))
            last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _trap_family(phrase: str) -> str:
    """The reason name of a derived trap: foreign police or an army rank."""
    if "tni" in phrase.split() or "(tni)" in phrase.split():
        return "TNI rank"
    return "foreign police"


def scan_posts(text: str, cands: list[tuple[int, int, str]]) -> list[Post]:
    """Find posts with their units: ``Kabid Humas Polda NTT``, ``Kapolres TTS``…"""
    posts: list[Post] = []
    pos = 0
    for start, kinds, _ in cands:
        if start < pos or not kinds & pt.POST:
            continue
        m = pt.POST_RE.match(text, start)
        if m is None:
            continue
        kind, value, extra = pt.POST_PAYLOADS[int(m.lastgroup[1:])]  # type: ignore[index]
        end = pos = m.end()
        former = _FORMER_RE.search(text, max(0, start - 8), start) is not None
        unit: str | None = None
        province: str | None = None
        unit_start = start
        closed = False
        if kind == "embed":
            t = territorial(extra, text, end)
            unit, end, province, closed = t.unit, t.end, t.province, t.closed
            term = value + extra[0].lower() + extra[1:]
            if unit and unit.split()[0] != extra.split()[0]:  # renamed: "Polres Kota" -> Polresta
                term = value + unit.split()[0].lower()
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
            pm = _PARENT_RE.match(text, after) or _sub_unit(text, after)
            sub = " ".join(text[after : pm.end()].split()) if pm else ""
            tk = terr_kind(text, pm.end()) if pm else None
            if pm is not None and tk is not None:
                t = territorial(tk[0], text, tk[1])
                if t.unit:
                    unit, unit_start, end, closed, province = (
                        t.unit,
                        pm.end(),
                        t.end,
                        t.closed,
                        t.province,
                    )
            elif tail := _POLRI_TAIL_RE.match(text, after):
                unit, unit_start, end, closed = "Polri", tail.end() - 5, tail.end(), True
            position = " ".join(filter(None, (value, sub, unit))) if unit else value
            police = kind == "attach" or unit is not None
        if paren := _PAREN_RE.match(text, end):
            end = paren.end()
        posts.append(
            Post(start, end, term, position, unit, unit_start, province, police, former, closed)
        )
    return posts


def scan_units(
    text: str, cands: list[tuple[int, int, str]], posts: list[Post], found: Found
) -> None:
    """Find unit mentions; a unit's parent ("… Polda Banten") is consumed with it.

    A "Polri" that is part of a post ("Kadiv Humas Polri") is the post's, not a unit mention.
    """
    post_spans = merge_spans([(p.start, p.end) for p in posts])
    post_starts = [s for s, _ in post_spans]
    pos = 0
    for start, kinds, _ in cands:
        if start < pos or not kinds & pt.UNIT:
            continue
        m = pt.UNIT_RE.match(text, start)
        if m is None:
            continue
        kind, canon = pt.UNIT_PAYLOADS[int(m.lastgroup[1:])]  # type: ignore[index]
        end = pos = m.end()
        label = canon
        mention_kind = "unit"
        if kind == "terr":
            t = territorial(canon, text, end)
            found.terms.append((start, canon))
            if t.unit:
                found.units.append((start, t.unit))
                label, end = t.unit, t.end
            else:
                mention_kind = "bare"
            if t.province:
                found.provinces.append((start, t.province))
        elif kind == "polri":
            if inside(post_spans, post_starts, start):
                continue
            found.terms.append((start, "Polri"))
            found.units.append((start, "Polri"))
            if _JOINT_BEFORE_RE.search(text, max(0, start - 12), start) or _JOINT_AFTER_RE.match(
                text, end
            ):
                found.mentions.append(Mention(start, end, "joint", "TNI-Polri"))
                continue
            mention_kind = "polri"
        elif kind in ("named", "parent"):
            parent: str | None = None
            pm = _PARENT_RE.match(text, end)
            tk = terr_kind(text, pm.end()) if pm else None
            if pm is not None and tk is not None:
                t = territorial(tk[0], text, tk[1])
                if t.unit:
                    parent = t.unit
                    found.units += ((start, f"{canon} {parent}"), (pm.end(), parent))
                    found.terms += ((start, canon), (pm.end(), tk[0]))
                    if t.province:
                        found.provinces.append((start, t.province))
                    label, end = f"{canon} {parent}", t.end
            if parent is None:
                if kind == "parent":
                    continue
                found.units.append((start, canon))
                found.terms.append((start, canon))
                if tail := _POLRI_TAIL_RE.match(text, end):
                    end = tail.end()
        elif kind == "operation":
            found.terms.append((start, canon))
        elif kind == "national":
            if tail := _POLRI_TAIL_RE.match(text, end):
                end = tail.end()
            found.units.append((start, canon))
            found.terms.append(
                (start, canon.removesuffix(" Polri") if canon != "Mabes Polri" else canon)
            )
        found.mentions.append(Mention(start, end, mention_kind, label))
        pos = end


def scan_ranks(text: str, cands: list[tuple[int, int, str]]) -> list[Rank]:
    """Find rank mentions (the names after them are read by :mod:`.officers`)."""
    ranks: list[Rank] = []
    pos = 0
    for start, kinds, _ in cands:
        if start < pos or not kinds & pt.RANK:
            continue
        m = pt.RANK_RE.match(text, start)
        if m is None:
            continue
        rank, certainty = pt.RANK_PAYLOADS[int(m.lastgroup[1:])]  # type: ignore[index]
        end = pos = m.end()
        if pt.TNI_AFTER_RE.match(text, end):
            continue
        if text.startswith(".", end) and not text.startswith(".", end + 1):
            end += 1  # "Irjen. Pol."
        suffix = retired = False
        for _ in range(2):
            if s := pt.RANK_POLICE_SUFFIX_RE.match(text, end):
                end, suffix = s.end(), True
            elif s := pt.RANK_OTHER_SUFFIX_RE.match(text, end):
                end, retired = s.end(), retired or "purn" in s.group().lower()
        if pt.TNI_AFTER_RE.match(text, end) or (certainty == "suffix" and not suffix):
            continue
        if (paren := _RANK_PAREN_RE.match(text, end)) and pt.RANK_RE.match(paren.group(1)):
            end = paren.end()  # "Komisaris Jenderal Polisi (Komjen Pol) Nana"
        pos = end
        ranks.append(Rank(start, end, rank, "sure" if suffix else certainty, retired))
    return ranks


def _bodies(text: str, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Other bodies (BNN, KPK, TNI…) named in ``text``: (start, end, name)."""
    out = []
    last = 0
    for pos, kinds, _ in cands:
        if pos < last or not kinds & pt.BODY or text[pos - 1 : pos] == "-":
            continue
        if m := pt.BODY_RE.match(text, pos):
            out.append((pos, m.end(), pt.BODY_NAMES[int(m.lastgroup[1:])]))  # type: ignore[index]
            last = m.end()
    return out


def other_bodies(text: str) -> list[tuple[int, int, str]]:
    """The bodies other than Polri named in ``text``: (start, end, name in OTHER_AGENCIES)."""
    return _bodies(text, candidates(lower_same_length(text)))


def scan(text: str) -> Found:
    """Traps, posts, units and ranks of ``text`` (weak words are added by the caller)."""
    low = lower_same_length(text)
    cands = candidates(low)
    found = Found(text)
    found.bodies = _bodies(text, cands)
    text = blank_traps(text, cands, found)
    found.text = text
    cands = [c for c in cands if text[c[0]] != "#"]
    found.low, found.candidates = low, cands
    found.posts = scan_posts(text, cands)
    scan_units(text, cands, found.posts, found)
    found.ranks = scan_ranks(text, cands)
    return found


def weak_mentions(found: Found, strong: list[tuple[int, int]]) -> list[Mention]:
    """Weak police words ("polisi", "kepolisian"…) outside traps and every strong span."""
    spans = merge_spans(strong)
    starts = [s for s, _ in spans]
    out: list[Mention] = []
    last = 0
    for pos, kinds, _ in found.candidates:
        if pos < last or not kinds & pt.WEAK or inside(spans, starts, pos):
            continue
        if m := pt.WEAK_RE.match(found.low, pos):
            out.append(Mention(pos, m.end(), "weak", pt.WEAK_TERMS[m.lastindex - 1]))  # type: ignore[operator]
            last = m.end()
    return out
