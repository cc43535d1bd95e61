"""``analyse(title, body)``: the police report of one article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as pt
from . import vocabulary as v
from .mentions import Mention, lower_same_length, scan, weak_mentions
from .officers import Officer, merge_officers, officer_mentions, police_ranks
from .scoring import DEFAULT_MIN_SCORE, Speaker, score


@dataclass(frozen=True, slots=True)
class PoliceReport:
    """What :func:`analyse` found: the decision, its evidence and the police vocabulary."""

    is_police: bool
    units: list[str]
    terms: list[str]
    officers: list[Officer]
    score: float
    reasons: list[str]
    provinces: list[str]

    def is_police_at(self, min_score: float) -> bool:
        """The decision at another threshold (``ANTARA_POLICE_MIN_SCORE``)."""
        return self.score >= min_score

    def as_field(self) -> dict:
        """The item's ``police`` field (a copy)."""
        return {
            "units": list(self.units),
            "officers": [o.as_dict() for o in self.officers],
            "terms": list(self.terms),
            "score": self.score,
            "reasons": list(self.reasons),
            "provinces": list(self.provinces),
        }


_LINE_LEAD = " \t\u00a0>*-–—•\"“'([{"
# A related-story marker inside a line, after a sentence: the rest of the line is a headline.
_INLINE_RELATED_RE = re.compile(
    r"(?<=[.!?\"”)])\s+(?:"
    + "|".join(re.escape(s) for s in v.RELATED_LINE_STARTS if s[-1].isalpha())
    + r")\b"
)
_SKIPPED_LINE_STARTS = tuple(
    s.lower().lstrip(_LINE_LEAD) for s in (*v.RELATED_LINE_STARTS, *v.CREDIT_LINE_STARTS)
)
_TITLE_WORD_RE = re.compile(r"[^\W\d_]+")


def matching_title(title: str) -> str:
    """The headline in lowercase, with the vocabulary's capitals put back (same length).

    Headlines come in lowercase (built from URL slugs), Title Case or capitals; this makes them
    all read alike: "POLRES KUPANG TANGKAP PENCURI" -> "Polres Kupang tangkap pencuri".
    """
    low = lower_same_length(" ".join(title.split()))
    return _TITLE_WORD_RE.sub(lambda m: pt.RECASE.get(m.group(), m.group()), low)


def body_lines(body: str) -> list[str]:
    """The body's non-empty lines, without related-story headlines and photo credits (whole
    lines, or the rest of a line after a sentence: "… kata dia. Baca juga: …")."""
    lines = []
    for line in body.split("\n"):
        lead = line.lstrip(_LINE_LEAD).lower()
        if lead and not lead.startswith(_SKIPPED_LINE_STARTS):
            if m := _INLINE_RELATED_RE.search(line):
                line = line[: m.start()]
            lines.append(line)
    return lines


def _headline_repeats(text: str, title: str) -> frozenset[int]:
    """Where the body's lines that repeat the headline start (no officer comes from them)."""
    headline = " ".join(title.split()).casefold()
    starts, at = set(), 0
    for line in text.split("\n"):
        if at and " ".join(line.split()).casefold() == headline:
            starts.add(at)
        at += len(line) + 1
    return frozenset(starts)


def _unique(events: list[tuple[int, str]]) -> list[str]:
    """Values in order of first offset, each once."""
    seen: dict[str, None] = {}
    for _, value in sorted(events, key=lambda e: e[0]):
        seen.setdefault(value, None)
    return list(seen)


def _fullest(units: list[tuple[int, str]], cut: int) -> list[tuple[int, str]]:
    """Units without a headline's unit that the body names only more fully: a lowercase
    headline loses the end of an unknown place ("polsek medan area" -> "Polsek Medan")."""
    body = {u for pos, u in units if pos > cut}

    def cut_short(unit: str) -> bool:
        kind, _, place = unit.partition(" ")
        complete = kind != "Polsek" and place.lower() in pt.PLACE_PROVINCE
        return not complete and unit not in body and any(o.startswith(unit + " ") for o in body)

    return [(pos, u) for pos, u in units if pos > cut or not cut_short(u)]


def analyse(title: str, body: str) -> PoliceReport:
    """Decide whether an article is police news; list its evidence, units, terms and officers."""
    head = matching_title(title)
    cut = len(head)
    text = head + "\n" + "\n".join(body_lines(body))
    found = scan(text)
    text = found.text

    sure = [m.start for m in found.mentions if m.kind in ("unit", "polri")]
    sure += [p.start for p in found.posts if p.police]
    sure += [r.start for r in found.ranks if r.certainty == "sure"]
    sure += [start for start, _, name in found.traps if name in v.POLICE_RUN_TRAPS]
    sure += [start for start, _, name in found.bodies if name in v.POLICE_STAFFED_BODIES]
    ranks = police_ranks(found, sorted(sure))
    raw = officer_mentions(found, ranks, cut, _headline_repeats(text, title))
    officers = merge_officers(raw)

    police: list[Mention] = [m for m in found.mentions]
    terms = list(found.terms)
    units = list(found.units)
    provinces = list(found.provinces)
    speakers: list[Speaker] = []
    for p in found.posts:
        if not p.police:
            continue
        police.append(Mention(p.start, p.end, "post", p.term))
        terms.append((p.start, p.term))
        speakers.append(Speaker(p.start, p.term, frozenset()))
        if p.unit:
            units.append((p.unit_start, p.unit))
        if p.province:
            provinces.append((p.start, p.province))
    for r, name, _ in ranks:
        terms.append((r.start, r.rank))
        if r.retired:  # a retired officer acts for whatever he serves now
            continue
        police.append(Mention(r.start, r.end, "rank", r.rank))
        words = frozenset(
            w.lower() for w in (name[0].split() if name else []) if len(w) > 2 and "." not in w
        )
        speakers.append(Speaker(r.start, r.rank, words))
    strong = [(m.start, m.end) for m in police if m.kind != "bare"]
    weak = weak_mentions(found, strong)
    police += weak
    terms += [(m.start, m.label) for m in weak]
    police.sort(key=lambda m: m.start)

    result = score(text, cut, police, speakers, found.bodies, found.traps)
    return PoliceReport(
        is_police=result.score >= DEFAULT_MIN_SCORE,
        units=_unique(_fullest(units, cut)),
        terms=_unique(terms),
        officers=officers,
        score=result.score,
        reasons=result.reasons,
        provinces=_unique(provinces),
    )
