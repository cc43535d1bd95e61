"""The police-news score: how much of a story is about what Polri did or said.

An article is police news when Polri units, officers or actions are a main subject: the headline,
or at least one paragraph, is about what police did or said. The score adds up evidence, each
contribution with a reason string, and is clipped to 0–1:

- title: a police actor in the headline, the headline's first actor (+0.5: enough alone;
  +0.25 when joined to what comes before, "… gandeng Bulog dan Polda Jateng");
  +0.1 when police are named there after another body that leads ("BNN dan Polri …");
- paragraphs led by police: police are the first actor of a sentence that goes on with a verb
  ("Polres Kupang menangkap …", "diamankan petugas Polsek …"; an officer named again at a
  sentence's start: "Andre mengatakan …") or a police officer speaks ("kata Kapolres …"):
  +0.25 each (+0.15 for a bare "polisi"), at most +0.6 in all;
- the lead: the first body paragraph led by police, +0.1;
- the police-led share of the paragraphs led by someone (police or another body), up to +0.2;
- minus: another body leads more paragraphs than police (-0.3), leads the headline (-0.3);
  only police words ("polisi"), next to a foreign country or, in a body of 400 characters
  or more, with no Indonesian place (-1).

A sentence's leader is its first actor that goes on with a verb, unless an actor of the other
side comes before it there. Traps (Satpol PP, Bhayangkara FC, RS Polri…) are other bodies,
except ``vocabulary.NEUTRAL_TRAPS`` (Polri's family association), which count neither way.

Another body: BNN, KPK, Kejaksaan, courts, Bea Cukai, Basarnas, TNI and the rest of
``vocabulary.OTHER_AGENCIES``; police named in a list after one of them ("Basarnas, TNI, Polri
dan BPBD") play a supporting role.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from . import patterns as pt
from . import vocabulary as v
from .mentions import Mention

DEFAULT_MIN_SCORE = 0.5
"""The score from which an article counts as police news."""

TITLE_STRONG = 0.5
TITLE_WEAK = 0.5
TITLE_SUPPORTING = 0.1
TITLE_JOINED = 0.25
PARAGRAPH_STRONG = 0.25
PARAGRAPH_WEAK = 0.15
PARAGRAPHS_MAX = 0.6
LEAD = 0.1
SHARE = 0.2
OTHER_BODY_LEADS = -0.3
OTHER_BODY_TITLE = -0.3
FOREIGN = -1.0

_FOREIGN_RE = re.compile(
    r"(?<![\w-])(?:"
    + pt.alternation(
        [c for c in (*v.COUNTRIES, *v.FOREIGN_PLACES, *v.FOREIGN_FORCES) if len(c) > 3],
        fold=False,
    )
    + r")(?![\w-])"
)
_WORD_RE = re.compile(r"[\w'’-]+")
_QUOTE_RE = re.compile(r"[\"“”]")
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’']?(?=\s)|\n")
_ABBREVIATIONS = frozenset(w.lower() for w in v.ABBREVIATIONS)
_OBJECT = frozenset(v.OBJECT_MARKERS)
_GROUP_WORDS = frozenset(v.GROUP_WORDS)
_JOINING = frozenset(v.JOINING_WORDS)
_VERB_REACH = 8  # words after an actor in which its verb must come
_PASSIVE_REACH = 4  # words between a passive verb and its police agent


@dataclass(frozen=True, slots=True)
class Score:
    """The score (0–1) and its reasons, each with its contribution."""

    score: float
    reasons: list[str]


def _sentence_ends(text: str) -> list[int]:
    """Offsets where sentences end (abbreviations such as "Pol." or "Jl." end none)."""
    ends: list[int] = []
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group() != "\n":
            j = m.start()
            word = re.search(r"[\w.]*$", text[max(0, j - 12) : j])
            w = word.group().lower() if word else ""
            if len(w) <= 1 or w in _ABBREVIATIONS or "." in w:
                continue
        ends.append(m.end())
    return ends


def _sentence(ends: list[int], pos: int, size: int) -> tuple[int, int]:
    """The sentence holding ``pos``."""
    i = bisect_right(ends, pos)
    lo = ends[i - 1] if i > 0 else 0
    hi = ends[i] if i < len(ends) else size
    return lo, hi


class _Words:
    """Words of a text, lowercased, read around an offset (never the whole text at once)."""

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.low = low if len(low) == len(text) else text

    def after(self, pos: int, hi: int, n: int) -> list[str]:
        """Up to ``n`` words from ``pos`` on, before ``hi``."""
        return _WORD_RE.findall(self.low, pos, min(hi, pos + 16 * n))[:n]

    def before(self, lo: int, pos: int, n: int) -> list[str]:
        """Up to ``n`` words before ``pos``, from ``lo`` on."""
        start = max(lo, pos - 16 * n)
        words = _WORD_RE.findall(self.low, start, pos)
        if start > lo and words and not self.low[start - 1].isspace():
            words = words[1:]  # the window began inside a word
        return words[-n:]

    def speech(self, lo: int, hi: int) -> bool:
        """Whether a speech verb is written between ``lo`` and ``hi``."""
        return not pt.SPEECH_WORDS.isdisjoint(_WORD_RE.findall(self.low, lo, hi))


@dataclass(slots=True)
class _Actor:
    """Someone who may do something in a sentence: police, or another body."""

    start: int
    end: int
    police: bool
    strong: bool
    label: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """A police post or rank that may speak; ``name`` the officer's name words, if any."""

    start: int
    label: str
    name: frozenset[str]


def _actors(
    police: list[Mention], bodies: list[tuple[int, int, str]], traps: list[tuple[int, int, str]]
) -> list[_Actor]:
    """Police mentions and other bodies (agencies, and traps such as Satpol PP), in text order."""
    actors = [
        _Actor(m.start, m.end, True, m.kind not in ("weak", "bare"), m.label)
        for m in police
        if m.kind != "joint"
    ]
    joint = {m.start for m in police if m.kind == "joint"}
    for start, end, name in bodies:
        if not (name == "TNI" and joint & set(range(end, end + 12))):  # "TNI-Polri": neither
            actors.append(_Actor(start, end, False, True, name))
    for start, end, name in traps:
        if name != "foreign police" and name not in v.NEUTRAL_TRAPS:
            actors.append(_Actor(start, end, False, True, "TNI" if name == "TNI rank" else name))
    actors.sort(key=lambda a: a.start)
    return actors


def _is_object(words: _Words, actor: _Actor, lo: int) -> bool:
    """Whether ``actor`` comes right after an object marker or an active verb ("meminta polisi")."""
    before = [w for w in words.before(lo, actor.start, 3) if w not in _GROUP_WORDS]
    return bool(before) and (
        before[-1] in _OBJECT or (before[-1].startswith("me") and pt.is_verb(before[-1]))
    )


def _joined(words: _Words, actor: _Actor) -> bool:
    """Whether police come after a joining word ("… gandeng Bulog dan Polda Jateng")."""
    before = [w for w in words.before(0, actor.start, 3) if w not in _GROUP_WORDS]
    return bool(before) and before[-1] in _JOINING


def _leads(words: _Words, actor: _Actor, lo: int, hi: int) -> bool:
    """Whether ``actor`` does something in its sentence: a verb follows (before any quote
    mark), or it is the agent.

    An actor named as an object ("meminta polisi …", "lapor ke polisi") does not.
    """
    if _is_object(words, actor, lo):
        return False
    if quote := _QUOTE_RE.search(words.low, actor.end, hi):
        hi = quote.start()  # the verb after a closing quote is the speaker's ("…," kata dia)
    after = words.after(actor.end, hi, _VERB_REACH)
    if any(pt.is_verb(w) for w in after):
        return True
    before = words.before(lo, actor.start, _PASSIVE_REACH)
    return any(w.startswith("di") and not w.endswith("nya") and pt.is_verb(w) for w in before)


def _indonesian(text: str) -> bool:
    """Whether the text names an Indonesian province, regency or city."""
    words = [m.group().lower() for m in _CAPITALISED_RE.finditer(text)]
    for i, w in enumerate(words):
        if w in _INDONESIA or w in pt.PLACE_PROVINCE or w in pt.POLDA_NAMES:
            return True
        if i + 1 < len(words) and f"{w} {words[i + 1]}" in pt.PLACE_PROVINCE:
            return True
    return False


_FOREIGN_MIN_BODY = 400  # characters: a shorter body may just not name its place
_NEWLINE_RE = re.compile("\n")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w-]*")
_INDONESIA = frozenset(w.lower() for w in v.INDONESIA)


@dataclass(slots=True)
class _Text:
    """One text prepared for scoring: its sentences, words, paragraphs and actors."""

    text: str
    cut: int
    ends: list[int]
    words: _Words
    line_starts: list[int]
    actors: list[_Actor]

    @classmethod
    def read(cls, text: str, cut: int, actors: list[_Actor]) -> _Text:
        line_starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
        return cls(text, cut, _sentence_ends(text), _Words(text), line_starts, actors)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``."""
        return _sentence(self.ends, pos, len(self.text))

    def paragraph(self, pos: int) -> int:
        """The paragraph (line) number holding ``pos``; 0 is the title."""
        return bisect_right(self.line_starts, pos) - 1

    def first_actor(self, pos: int) -> _Actor | None:
        """The first actor of the sentence holding ``pos``, if it comes before ``pos``."""
        lo, _ = self.sentence(pos)
        for a in self.actors:
            if a.start >= lo:
                return a if a.start < pos else None
        return None


def _agency_officers(t: _Text, speakers: list[Speaker]) -> dict[str, str]:
    """Name words of police officers who speak for another body -> that body.

    The head of BNN is a police general: named after "Kepala BNN" he speaks for BNN, and so do
    his later mentions. Their rank mentions become that body's.
    """
    officers: dict[str, str] = {}
    for sp in speakers:
        first = t.first_actor(sp.start)
        if first is not None and not first.police:
            officers |= dict.fromkeys(sp.name, first.label)
    by_start = {sp.start: sp for sp in speakers if sp.name & officers.keys()}
    for a in t.actors:
        if a.police and a.start in by_start:
            a.police = False
            a.label = next(officers[w] for w in by_start[a.start].name if w in officers)
    return officers


def _add_named_officers(t: _Text, speakers: list[Speaker], agency_officers: dict[str, str]) -> None:
    """Add police officers named again at the start of a body sentence as police actors
    ("Andre mengatakan, …", "Has Darman diduga memerintahkan …")."""
    officer_words = {w for sp in speakers for w in sp.name} - agency_officers.keys() - _SHARED
    if not officer_words:
        return
    added = []
    for end in t.ends:
        m = _SENTENCE_START_RE.match(t.text, end)
        if m and end >= t.cut and m.group(1).lower() in officer_words:
            added.append(_Actor(m.start(1), m.end(1), True, True, m.group(1)))
    if added:
        t.actors = sorted([*t.actors, *added], key=lambda a: a.start)


def _leaders(t: _Text) -> dict[int, list[tuple[_Actor, str]]]:
    """Paragraph -> the actors that lead a sentence in it (with "actor").

    A sentence's leader is its first actor that does something, unless an actor of the other
    side comes before it in the sentence (police after "BNN bersama" support BNN).
    """
    led: dict[int, list[tuple[_Actor, str]]] = {}
    by_sentence: dict[int, list[_Actor]] = {}
    for a in t.actors:
        by_sentence.setdefault(t.sentence(a.start)[0], []).append(a)
    for lo, group in by_sentence.items():
        hi = t.sentence(group[0].start)[1]
        for i, a in enumerate(group):
            if _leads(t.words, a, lo, hi):
                if all(b.police == a.police for b in group[:i]):
                    led.setdefault(t.paragraph(a.start), []).append((a, "actor"))
                break
    return led


def _police_speakers(
    t: _Text, speakers: list[Speaker], agency_officers: dict[str, str]
) -> list[tuple[int, _Actor]]:
    """(paragraph, speaker) for police who speak: a police post or rank with a speech verb in
    its sentence and no other body before it there, or "kata <name>" of a police officer."""
    out = []
    for sp in speakers:
        lo, hi = t.sentence(sp.start)
        first = t.first_actor(sp.start)
        if (first is not None and not first.police) or sp.name & agency_officers.keys():
            continue
        if t.words.speech(lo, hi):
            out.append((t.paragraph(sp.start), _Actor(sp.start, sp.start, True, True, sp.label)))
    officer_words = {w for sp in speakers for w in sp.name} - agency_officers.keys()
    for m in _SAID_NAME_RE.finditer(t.text):
        if m.group(1).lower() in officer_words:
            out.append((t.paragraph(m.start()), _Actor(m.start(), m.end(), True, True, m.group(1))))
    return out


def _title_evidence(t: _Text) -> list[tuple[float, str]]:
    """The headline's contribution: its first actor is its subject."""
    title_actors = [a for a in t.actors if a.start < t.cut]
    if not title_actors:
        return []
    first = title_actors[0]
    if first.police and _is_object(t.words, first, 0):
        return [(TITLE_SUPPORTING, f"title: police named as an object: {first.label}")]
    if first.police and _joined(t.words, first):
        return [(TITLE_JOINED, f"title: police named jointly: {first.label}")]
    if first.police:
        best = max((a for a in title_actors if a.police), key=lambda a: a.strong)
        if best.strong:
            return [(TITLE_STRONG, f"title: police actor {best.label}")]
        return [(TITLE_WEAK, f"title: police word {best.label}")]
    out = []
    if any(a.police for a in title_actors):
        out.append((TITLE_SUPPORTING, f"title: police after {first.label}"))
    out.append((OTHER_BODY_TITLE, f"title: other body leads: {first.label}"))
    return out


def _paragraph_evidence(led: dict[int, list[tuple[_Actor, str]]]) -> list[tuple[float, str]]:
    """The body's contribution: paragraphs led by police, the lead, the share, other bodies."""
    out: list[tuple[float, str]] = []
    police_led: list[int] = []
    other_led: dict[str, int] = {}
    paragraph_total = 0.0
    for para in sorted(p for p in led if p > 0):
        pol = [(a, how) for a, how in led[para] if a.police]
        oth = [a for a, _ in led[para] if not a.police]
        if pol:
            a, how = max(pol, key=lambda e: (e[0].strong, e[1] == "speaker"))
            police_led.append(para)
            value = min(
                PARAGRAPH_STRONG if a.strong else PARAGRAPH_WEAK, PARAGRAPHS_MAX - paragraph_total
            )
            if value > 0:
                paragraph_total += value
                what = "police speaker" if how == "speaker" else "police actor"
                out.append((value, f"paragraph {para}: {what} {a.label}"))
        elif oth:
            other_led[oth[0].label] = other_led.get(oth[0].label, 0) + 1
    if police_led and police_led[0] <= 2:
        out.append((LEAD, f"lead: paragraph {police_led[0]} led by police"))
    n_other = sum(other_led.values())
    if police_led:
        n = len(police_led) + n_other
        out.append(
            (
                round(SHARE * len(police_led) / n, 2),
                f"police lead {len(police_led)} of {n} paragraphs",
            )
        )
    if n_other > len(police_led):
        top = max(other_led, key=lambda k: other_led[k])
        out.append((OTHER_BODY_LEADS, f"other body main subject: {top} leads {n_other} paragraphs"))
    return out


def _foreign_evidence(
    t: _Text, police: list[Mention], traps: list[tuple[int, int, str]]
) -> list[tuple[float, str]]:
    """Only police words ("polisi"), next to a foreign country or with no Indonesian place."""
    if not all(m.kind in ("weak", "bare", "joint") for m in police):
        return []
    foreign = _FOREIGN_RE.search(t.text)
    if foreign or any(name == "foreign police" for _, _, name in traps):
        return [(FOREIGN, f"foreign police: {foreign.group() if foreign else 'trap'}")]
    if len(t.text) - t.cut >= _FOREIGN_MIN_BODY and not _indonesian(t.text):
        return [(FOREIGN, "foreign police: no Indonesian place")]
    return []


def score(
    text: str,
    cut: int,
    police: list[Mention],
    speakers: list[Speaker],
    bodies: list[tuple[int, int, str]],
    traps: list[tuple[int, int, str]],
) -> Score:
    """Score ``text`` (``title + "\\n" + body``, the title ending at ``cut``).

    ``police``: police mentions (units, posts, ranks, words) with offsets; ``speakers``: police
    posts and ranks (a speech verb in their sentence makes a police speaker); ``bodies`` and
    ``traps``: other bodies named (start, end, name): agencies, and traps such as Satpol PP.
    """
    if not police:
        return Score(0.0, [])
    t = _Text.read(text, cut, _actors(police, bodies, traps))
    agency_officers = _agency_officers(t, speakers)
    _add_named_officers(t, speakers, agency_officers)
    led = _leaders(t)
    for para, speaker in _police_speakers(t, speakers, agency_officers):
        led.setdefault(para, []).append((speaker, "speaker"))
    evidence = [
        *_title_evidence(t),
        *_paragraph_evidence(led),
        *_foreign_evidence(t, police, traps),
    ]
    total = sum(value for value, _ in evidence)
    reasons = [f"{value:+.2f} {reason}" for value, reason in evidence]
    return Score(round(min(1.0, max(0.0, total)), 2), reasons)


_SHARED = frozenset(w.lower() for w in v.SHARED_NAME_WORDS)
_SENTENCE_START_RE = re.compile(r"[\s\"“”']*([A-Z][\w'’-]+)")
_SAID_NAME_RE = re.compile(
    rf"\b(?:{'|'.join(v.SAID_BEFORE_NAME)})[^\S\n]+(?:[A-Z][\w'’-]+[^\S\n]+)?([A-Z][\w'’-]+)"
)
