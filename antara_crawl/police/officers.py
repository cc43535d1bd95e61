"""Police officers: the names after ranks and posts, cleaned of titles, one record per person."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from . import patterns as pt
from . import vocabulary as v
from .mentions import Found, Post, Rank


@dataclass(frozen=True, slots=True)
class Officer:
    """A police officer named in an article: normalised rank, name, normalised position."""

    rank: str | None
    name: str
    position: str | None

    def as_dict(self) -> dict[str, str | None]:
        """The officer as the item schema wants it: ``{"rank", "name", "position"}``."""
        return {"rank": self.rank, "name": self.name, "position": self.position}


# A name word: a capitalised word, an initial ("M.", "A.A."), "Moh.", a title (dropped later),
# or a particle between capitalised words ("bin", "van", "da").
_NAME_TOKEN_RE = re.compile(
    r"(?:[A-Z][a-z]{0,3}\.(?:[A-Z][a-z]{0,3}\.?)+"
    r"|(?:Moh|Muh|Mhd|Moch|Mochd|Muhd|Mochamad|Abd|Dr|Drs|Dra|Ir|Prof|Hj|St|dr|KH|H)\."
    r"|[A-Z]\."
    r"|[A-Z](?:[\w'’-]*\w)?"
    r"|bin|binti|van|von|de|da|dos|del|al|el"
    r")(?![\w'’-])"
)
_PARTICLES = frozenset("bin binti van von de da dos del al el".split())
# Between rank and name: spaces, or a line break when the name goes on to a comma
# ("Brigjen Pol.\nRoma Hutajulu, S.I.K.").
_FIRST_GAP_RE = re.compile(
    rf"{pt.OSP}(?:\n{pt.OSP}(?=[A-Z][\w.'’-]*(?:{pt.SP}[A-Z][\w.'’-]*){{0,5}},))?"
)
_GAP_RE = re.compile(pt.SP)
_LINE_GAP_RE = re.compile(rf"{pt.OSP}\n{pt.OSP}(?=[A-Z][a-z][\w'’-]*,)")  # "Irwan\nJaya, S.I.K."
_PREFIX_TITLES = frozenset(v.NAME_PREFIX_TITLES)
_SUFFIX_TITLES = frozenset(t.replace(".", "").lower() for t in v.NAME_SUFFIX_TITLES)
_AFTER_NAME_RE = re.compile(
    rf"{pt.OSP},{pt.OSP}|"
    + pt.SP.join(
        ["", "(?:selaku|sebagai|yang juga menjabat sebagai|yang menjabat sebagai|yang juga)", ""]
    )
)
_TNI_RE = re.compile(r"\bTNI\b")
_PLACE_BEFORE_RE = re.compile(
    rf"(?<![\w.])(?:{'|'.join(re.escape(w) for w in v.PLACE_BEFORE_RANK)}){pt.SP}$"
)
_MAX_NAME_WORDS = 7
# A name set off by commas after a post (a time word may say the post was held before).
_APPOSITION_RE = re.compile(
    rf"(?:{pt.SP}({'|'.join(w.replace(' ', pt.SP) for w in v.FORMER_POST_WORDS)}))?{pt.OSP},"
)
_PLACE_WORDS_RE = re.compile(rf"{pt.OSP}[A-Z][\w-]*(?:{pt.SP}[A-Z][\w-]*){{0,2}}")
_APPOSITION_END_RE = re.compile(rf"{pt.OSP}(?:,|\.(?!\w))")
_INITIALS_RE = re.compile(r"[A-Z]{1,3}\.?|(?:[A-Z]\.)+")
_ALIAS_RE = re.compile(rf"{pt.SP}(?:atau|alias)(?={pt.SP})")
# A comma between a rank and a titled name: "AKBP, dr. Taufan Hidayat".
_DOTTED_TITLES = "|".join(re.escape(t) for t in v.NAME_PREFIX_TITLES if t.endswith("."))
_TITLED_AFTER_COMMA_RE = re.compile(rf"{pt.OSP},(?={pt.OSP}(?:{_DOTTED_TITLES}))")
# A name before its rank in a list item: "2. Hendra Wijaya Kombes Pol, …",
# "; Rudi Hartono, Ipda, …" (the item starts after a number, ";" or ":").
_LISTED_NAME_BEFORE_RE = re.compile(
    rf"(?:(?<![\w.])\d{{1,2}}\.|[;:]){pt.OSP}"
    rf"([A-Z][\w'’-]*(?:{pt.SP}[A-Z][\w'’-]*){{0,4}})(?:{pt.OSP},)?{pt.OSP}$"
)
_LISTED_AFTER_RANK_RE = re.compile(rf"{pt.OSP},{pt.OSP}(?=[A-Z])")
_ITEM_END_RE = re.compile(r"[;\n]")
_LIST_ITEM_REACH = 60
# First words of other bodies' posts ("Bupati", "Gubernur") and of places ("Kota"): never in
# a name before a rank.
_NOT_LISTED_NAME_WORDS = frozenset(
    [s.split()[0] for sp in v.OTHER_AGENCIES.values() for s in sp if s[:1].isupper()]
    + list(v.PLACE_KIND_WORDS)
)


def read_name(text: str, pos: int) -> tuple[str, int] | None:
    """The person's name written right after ``pos`` (one line break may come first).

    Returns the name with titles dropped and the offset where the written name ends.
    """
    gap = _FIRST_GAP_RE.match(text, pos)
    if gap is None or (gap.end() == pos and not text.startswith(".", pos - 1)):
        return None
    words: list[str] = []
    end = pos
    at = gap.end()
    line_gap = False
    while len(words) < _MAX_NAME_WORDS:
        m = _NAME_TOKEN_RE.match(text, at)
        if m is None or m.group() in pt.STOP_WORDS or m.group() in pt.PROVINCE_SHORT_NAMES:
            break
        if line_gap and m.group().lower() in pt.PLACE_PROVINCE:  # a dateline: "Kupang, …"
            break
        words.append(m.group())
        end = m.end()
        sp = _GAP_RE.match(text, end)
        line_gap = sp is None
        if line_gap:
            sp = _LINE_GAP_RE.match(text, end)
        if sp is None:
            break
        at = sp.end()
    while words and words[-1] in _PARTICLES:
        words.pop()
    if not words or words[0] in _PARTICLES or _is_verb(words[0]):
        return None  # "Kapolri Resmikan Gedung …": a title-case headline's verb
    if all(_INITIALS_RE.fullmatch(w) for w in words) and (alias := _ALIAS_RE.match(text, end)):
        return read_name(text, alias.end()) or None  # "Brigadir J atau Nofriansyah …"
    name = clean_name(words)
    if name.lower() in pt.PLACE_PROVINCE or name.lower() in pt.POLDA_NAMES:
        return None  # "Kapolda Papua Papua": a place, not a name
    return (name, end) if name else None


def _listed_name_before(text: str, rank: Rank, police_at: list[int]) -> tuple[str, int] | None:
    """The name of a list item written before its rank, the item going on after a comma with
    a police post or unit ("2. Hendra Wijaya Kombes Pol, Kasat Lantas Polres Ende;").

    ``police_at`` holds the sorted offsets where police posts and units start.
    """
    after = _LISTED_AFTER_RANK_RE.match(text, rank.end)
    if after is None:
        return None
    item_end = _ITEM_END_RE.search(text, after.end(), after.end() + _LIST_ITEM_REACH)
    hi = item_end.start() if item_end else after.end() + _LIST_ITEM_REACH
    if bisect_left(police_at, hi) == bisect_left(police_at, after.end()):
        return None
    lo = max(text.rfind("\n", 0, rank.start) + 1, rank.start - _LIST_ITEM_REACH)
    m = _LISTED_NAME_BEFORE_RE.search(text, lo, rank.start)
    if m is None or _NOT_LISTED_NAME_WORDS.intersection(m.group(1).split()):
        return None
    name = read_name(text, m.start(1) - 1)
    if name is None or name[1] != m.end(1):
        return None  # a word the name reader stops at (a unit, a post, a place)
    return name


def _is_place(text: str, pos: int) -> bool:
    """Whether a province or a regency is named right at ``pos`` (spaces may come first)."""
    words = _PLACE_WORDS_RE.match(text, pos)
    if words is None:
        return False
    w = words.group().split()
    return any(
        " ".join(w[:n]).lower() in table
        for n in (1, 2, 3)
        for table in (pt.PLACE_PROVINCE, pt.POLDA_NAMES)
    )


def _is_verb(word: str) -> bool:
    """Whether a capitalised word is a verb (a headline's): a police action, a speech verb,
    or a word ending in "-kan" ("Resmikan", "Serahkan")."""
    low = word.lower()
    return low in pt.ACTION_WORDS or low in pt.SPEECH_WORDS or low.endswith("kan")


def clean_name(words: list[str]) -> str:
    """Drop academic and religious titles: ``Dr. Budi Santoso S.H. M.H.`` -> ``Budi Santoso``."""
    words = list(words)
    while len(words) > 1 and words[0] in _PREFIX_TITLES:
        words.pop(0)
    while words:
        w = words[-1]
        if w.replace(".", "").lower() in _SUFFIX_TITLES and (
            "." in w or w.isupper() or w[1:] != w[1:].lower()
        ):
            words.pop()
        else:
            break
    if len(words) == 1 and words[0].endswith(".") and len(words[0]) > 2:  # "Moh." alone
        return ""
    return " ".join(words)


def _post_before(text: str, start: int, by_end: dict[int, Post]) -> Post | None:
    """The post ending right before ``start`` (spaces and one comma may sit between)."""
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j > 0 and text[j - 1] == ",":
        j -= 1
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
    return by_end.get(j)


def _line_window(text: str, start: int, end: int, reach: int = 150) -> tuple[int, int]:
    """Up to ``reach`` characters either side of a span, within its paragraph."""
    lo = max(text.rfind("\n", 0, start) + 1, start - reach)
    hi = text.find("\n", end)
    return lo, min(len(text) if hi < 0 else hi, end + reach)


@dataclass(slots=True)
class RawOfficer:
    """One officer mention: where, rank, name, position, and whether a post or rank named it."""

    start: int
    end: int
    rank: str | None
    name: str
    position: str | None


def police_ranks(
    found: Found, context: list[int]
) -> list[tuple[Rank, tuple[str, int] | None, Post | None]]:
    """The ranks that are Polri's, each with the name after it and its post.

    ``context`` holds the sorted offsets of sure police mentions (units, posts, sure ranks).
    """
    text = found.text
    by_end = {p.end: p for p in found.posts}
    by_start = {p.start: p for p in found.posts}
    police_at = sorted(
        [p.start for p in found.posts if p.police]
        + [m.start for m in found.mentions if m.kind in ("unit", "polri")]
    )
    out = []
    for r in found.ranks:
        if r.certainty != "sure" and _PLACE_BEFORE_RE.search(text, max(0, r.start - 20), r.start):
            continue  # "Jalan Jenderal Sudirman"
        name = read_name(text, r.end)
        if name is None and (comma := _TITLED_AFTER_COMMA_RE.match(text, r.end)):
            name = read_name(text, comma.end())
        post = _post_before(text, r.start, by_end)
        if name is None and post is None and r.certainty == "sure":
            name = _listed_name_before(text, r, police_at)
        if post is None and name and (am := _AFTER_NAME_RE.match(text, name[1])):
            post = by_start.get(am.end())
        police_post = post is not None and post.police
        if r.certainty == "name" and not name:
            continue
        if r.certainty == "context" and not police_post:
            lo, hi = _line_window(text, r.start, r.end)
            near = bisect_left(context, hi) > bisect_left(context, lo)
            if not near or _TNI_RE.search(text, lo, hi) is not None:
                continue
            if r.rank == "Kompol" and not name:
                continue
        out.append((r, name, post))
    return out


def officer_mentions(
    found: Found,
    ranks: list[tuple[Rank, tuple[str, int] | None, Post | None]],
    cut: int,
    headlines: frozenset[int] = frozenset(),
) -> list[RawOfficer]:
    """Officers named after police ranks, and after closed posts without a rank; none from
    the title, a headline-like line or a line starting at one of ``headlines``."""
    text = found.text
    raw: list[RawOfficer] = []
    used_posts: set[int] = set()
    for r, name, post in ranks:
        if post is not None:
            used_posts.add(post.start)
            if not post.police:  # a shared post ("Kabid Humas") next to a police rank
                post.police = True
        # No names from the title (its words lost their case) or a headline-like line.
        if not name or r.start < cut or _title_cased_line(text, r.start, headlines):
            continue
        position = post.position if post is not None and not post.former else None
        raw.append(RawOfficer(r.start, name[1], r.rank, name[0], position))
    for p in found.posts:
        # A name right after a post whose unit is complete: "Kapolri Listyo Sigit Prabowo".
        if not p.police or not p.closed or p.start < cut or p.start in used_posts:
            continue
        name = read_name(text, p.end)
        former = p.former
        if name is None and (ap := _APPOSITION_RE.match(text, p.end)):
            # "Kasubdit Cyber Crime Polda Metro Jaya, Hermawan, …", "Kapolri terdahulu, Anton …"
            name = read_name(text, ap.end())
            if name is None or not (close := _APPOSITION_END_RE.match(text, name[1])):
                continue
            if _is_place(text, close.end()):  # "Polres Sumenep, Madura, Jawa Timur"
                continue
            former = former or ap.group(1) is not None
        if name and not _title_cased_line(text, p.start, headlines):
            position = None if former else p.position
            raw.append(RawOfficer(p.start, name[1], None, name[0], position))
    return raw


def _title_cased_line(text: str, pos: int, headlines: frozenset[int] = frozenset()) -> bool:
    """Whether the line holding ``pos`` is a headline: one starting at one of ``headlines``,
    or 4 to 18 words, most capitalised, at most one comma, no full stop at its end."""
    lo = text.rfind("\n", 0, pos) + 1
    if lo in headlines:
        return True
    hi = text.find("\n", pos)
    line = text[lo : hi if hi >= 0 else len(text)].rstrip()
    words = _WORD_RE.findall(line)
    if line.endswith((".", '"', "”")) or line.count(",") > 1 or not 4 <= len(words) <= 18:
        return False
    if hi >= 0 and _continues(text, hi + 1):  # a broken line, not a headline
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_WORD_RE = re.compile(r"[^\W\d_]+")
_CONTINUED_RE = re.compile(rf"{pt.OSP}(?:[a-z]|([A-Z][\w.'’-]*)(?:{pt.SP}[A-Z][\w.'’-]*){{0,5}},)")


def _continues(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` goes on with the line before: lowercase, or the rest of a
    name up to a comma ("Jaya, S.I.K."), not a day or a place ("Kamis, …", "Kupang, …")."""
    m = _CONTINUED_RE.match(text, pos)
    if m is None:
        return False
    first = m.group(1)
    return first is None or (first not in pt.STOP_WORDS and first.lower() not in pt.PLACE_PROVINCE)


def merge_officers(raw: list[RawOfficer]) -> list[Officer]:
    """One record per person, in text order (same name, or one's words all in the other's).

    The merged record keeps the longer name, the rank and the most specific position seen.
    """
    merged: list[list] = []  # [rank, name, position, lowercase words]
    for o in sorted(raw, key=lambda o: o.start):
        words = o.name.lower().split()
        for rec in merged:
            short, long_ = sorted((words, rec[3]), key=len)
            differ = o.rank and rec[0] and o.rank != rec[0] and words != rec[3]
            if not set(short) <= set(long_) or differ:
                continue
            if len(words) > len(rec[3]):
                rec[1], rec[3] = o.name, words
            rec[0] = rec[0] or o.rank
            if o.position and (
                not rec[2] or (o.position.startswith(rec[2]) and o.position != rec[2])
            ):
                rec[2] = o.position
            break
        else:
            merged.append([o.rank, o.name, o.position, words])
    return [Officer(rank, name, position) for rank, name, position, _ in merged]
