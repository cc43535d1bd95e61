"""Two concrete fake ANTARA mirrors, and the truth tests assert against.

The stories live in ``tests/stories/*.json`` (see its README); this module turns them into
:class:`~tests.sitebuilder.Site` objects and adds the truth that follows from them.

- :func:`build_test_site`: the end-to-end mirror (kupang, bali, papua, www): police and
  non-police stories, classifier traps, "Baca juga" chains and cycles across portals, links
  in every form, a deleted article, a robots-disallowed article, a depth-3 article, paged
  listings. Returns a manifest (see :func:`build_test_site` for its keys).
- :func:`build_sample_site`: the small mirror shipped in ``data/sample/``.
- :func:`expected_crawl`: what a correct crawl emits for given spider arguments, computed
  from a manifest.

Regenerate the sample: ``python -m tests.sites data/sample`` (fixed ``now``). Build the test
site by hand: ``python -m tests.sites MIRROR_DIR --test [--now 2026-11-20T12:00:00+07:00]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from antara_crawl.portals import PORTALS
from antara_crawl.urls import article_ref
from tests.sitebuilder import DAY_NAMES, Article, Entry, Photo, Site

SAMPLE_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=7)))
"""The fixed clock of ``data/sample/``."""

STORIES = Path(__file__).with_name("stories")
"""The site descriptions: ``end_to_end.json`` and ``sample.json``."""


# --------------------------------------------------------------------------- stories


def load_story(name: str) -> dict:
    """The description of a site, from ``tests/stories/{name}.json``."""
    return json.loads((STORIES / f"{name}.json").read_text("utf-8"))


def build_site(story: dict, now: datetime) -> Site:
    """The :class:`Site` a story describes, its clocks relative to ``now``."""
    site = Site(now, **story["site"])
    photos = [_photo(spec, now) for spec in story.get("photos", [])]
    drafts = [_article(spec, now) for spec in story["articles"]]
    entries: dict[str, Entry] = {entry.key: entry for entry in [*photos, *drafts]}
    site.add(*photos)
    for draft, spec in zip(drafts, story["articles"], strict=True):
        site.add(_with_links(draft, spec, entries))
    for portal, rules in story.get("disallow", {}).items():
        for rule in rules:
            site.disallow(portal, rule)
    for portal, keys in story.get("popular", {}).items():
        site.set_popular(portal, keys)
    return site


def _moment(now: datetime, portal: str, ago: dict[str, float]) -> datetime:
    """``now`` minus ``ago`` (``{"days": 1, "hours": 2}``), to the minute, in the portal's zone."""
    moment = now - timedelta(**ago)
    return moment.astimezone(PORTALS[portal].zone).replace(second=0, microsecond=0)


def _fill(paragraphs: list[str], published: datetime) -> list[str]:
    """Paragraphs with ``{hari}``, ``{hari_tgl}``, ``{besok}``, ``{kemarin}`` and ``{tahun}``
    replaced by the day of publication (``Selasa (19/3)``), its neighbours and its year."""

    def day(d: datetime) -> str:
        return f"{DAY_NAMES[d.weekday()]} ({d.day}/{d.month})"

    values = {
        "hari": day(published),
        "hari_tgl": f"{DAY_NAMES[published.weekday()]} "
        f"({published.day}/{published.month}/{published.year})",
        "besok": day(published + timedelta(days=1)),
        "kemarin": day(published - timedelta(days=1)),
        "tahun": str(published.year),
    }
    return [p.format_map(values) for p in paragraphs]


def _photo(spec: dict, now: datetime) -> Photo:
    """The photo page a story entry describes (``key`` is ``{portal}:foto:{id}``)."""
    fields = dict(spec)
    portal, _, id = fields.pop("key").partition(":foto:")
    published = _moment(now, portal, fields.pop("ago"))
    return Photo(portal=portal, id=id, slug=fields.pop("slug", ""), published=published, **fields)


_NOT_ARTICLE_FIELDS = ("key", "ago", "updated_ago", "paragraphs", "related", "related_after")


def _article(spec: dict, now: datetime) -> Article:
    """The article a story entry describes, still without its "Baca juga" links."""
    portal, id = spec["key"].split(":")
    published = _moment(now, portal, spec["ago"])
    fields = {k: v for k, v in spec.items() if k not in _NOT_ARTICLE_FIELDS}
    if "updated_ago" in spec:
        fields["updated"] = _moment(now, portal, spec["updated_ago"])
    paragraphs = _fill(spec["paragraphs"], published)
    slug = fields.pop("slug", "")
    return Article(
        portal=portal, id=id, slug=slug, paragraphs=paragraphs, published=published, **fields
    )


def _with_links(article: Article, spec: dict, entries: dict[str, Entry]) -> Article:
    """``article`` with the "Baca juga" links of its story entry."""
    related = [_resolve(link, entries) for link in spec.get("related", [])]
    return replace(article, related=related, related_after=spec.get("related_after"))


_LINK_KEYS = ({"href", "title"}, {"to", "form", "query", "title"})


def _resolve(link: dict, entries: dict[str, Entry]) -> tuple[str, str]:
    """``(href, title)`` of a link given as is (``href``, ``title``) or by the ``to`` key of a
    page in a ``form`` (default absolute), with an optional ``query`` and ``title``."""
    if not any(set(link) <= keys for keys in _LINK_KEYS):
        raise ValueError(f"bad link {link!r}: use href and title, or to, form, query, title")
    if "href" in link:
        return link["href"], link["title"]
    target = entries[link["to"]]
    href = _href(target, link.get("form", "absolute")) + link.get("query", "")
    return href, link.get("title", target.title)


def _href(entry: Entry, form: str) -> str:
    """A link to ``entry`` in one of the forms ANTARA's pages use."""
    if form == "absolute":
        return entry.url
    if form == "relative":
        return entry.path
    if form == "amp":
        return f"https://{entry.host}/amp{entry.path}"
    if form == "http":
        return "http://" + entry.url.removeprefix("https://")
    if form == "slugless":
        return f"/berita/{entry.id}"
    raise ValueError(f"unknown link form {form!r}")


# --------------------------------------------------------------------------- the truth


def _local_date(value: str) -> date:
    return date.fromisoformat(value[:10])


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _days_before(now: datetime, days: int, portal: str) -> date:
    """The portal's local date ``days`` days before ``now``."""
    return (now - timedelta(days=days)).astimezone(PORTALS[portal].zone).date()


def expected_crawl(
    manifest: dict,
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    related_depth: int = 2,
    police_only: bool = True,
    discovery: Iterable[str] = ("rss", "listing"),
    portals: Iterable[str] | None = None,
    feeds: Iterable[str] = ("terkini",),
    sections: Iterable[str] = ("terkini",),
    related_any_portal: bool = True,
) -> dict:
    """What a correct crawl of the mirror described by ``manifest`` does, per design.md.

    Discovery reads the ``feeds`` (``/rss/{feed}.xml``) and ``sections`` (``/{section}``,
    paged) of the selected portals; listing pagination stops after the first page whose
    oldest card is older than ``since``. Articles outside ``since``/``until`` (compared by
    the article's local date) are neither emitted nor expanded. "Baca juga" links are followed
    from emitted police articles (every emitted article if ``police_only`` is false) up to
    ``related_depth`` hops; robots-disallowed and missing pages are not emitted.

    Returns ``{"items": {key: {"depth", "discovered_via", "referrers"}}, "listing_pages":
    [mirror paths the spider needs], "missing": [urls answered 404], "blocked": [urls robots
    forbids], "fetched": [article keys a correct crawl requests]}``. ``depth`` is the minimal
    depth; ``discovered_via`` lists every discovery source that finds the article (rss,
    listing) or is ``["related"]``; ``referrers`` are the canonical URLs of the pages that
    link to it at ``depth - 1``.
    """
    since, until = _as_date(since), _as_date(until)
    selected = set(portals or manifest["portals"])
    discovery = set(discovery)
    found: dict[str, set[str]] = {}
    listing_pages: list[str] = []
    if "rss" in discovery:
        _find_in_feeds(manifest, selected, set(feeds), found)
    if "listing" in discovery:
        listing_pages = _find_in_listings(manifest, selected, set(sections), since, found)
    crawl = _Crawl(
        manifest,
        selected,
        since,
        until,
        police_only=police_only,
        related_any_portal=related_any_portal,
        related_depth=related_depth,
    )
    crawl.seed(found)
    crawl.follow()
    return crawl.result(listing_pages)


def _find_in_feeds(
    manifest: dict, selected: set[str], feeds: set[str], found: dict[str, set[str]]
) -> None:
    """Add the articles of the selected RSS feeds to ``found`` (source ``rss``)."""
    for name, feed in manifest["rss"].items():
        portal, section = name.split(":")
        if portal in selected and section in feeds:
            for entry in feed["entries"]:
                if entry["key"]:
                    found.setdefault(entry["key"], set()).add("rss")


def _find_in_listings(
    manifest: dict,
    selected: set[str],
    sections: set[str],
    since: date | None,
    found: dict[str, set[str]],
) -> list[str]:
    """Add the articles of the selected listings to ``found`` (source ``listing``), paging
    until a page's oldest card is older than ``since``; returns the pages read."""
    pages_read: list[str] = []
    for name, listing in manifest["listings"].items():
        portal, section = name.split(":")
        if portal not in selected or section not in sections:
            continue
        for page in listing["pages"]:
            pages_read.append(page["path"])
            for entry in page["entries"]:
                if entry["key"]:
                    found.setdefault(entry["key"], set()).add("listing")
            oldest = page["oldest"]
            if since is not None and oldest and _local_date(oldest) < since:
                break
    return pages_read


class _Crawl:
    """The articles a correct crawl fetches and emits, starting from the discovered ones."""

    def __init__(
        self,
        manifest: dict,
        selected: set[str],
        since: date | None,
        until: date | None,
        *,
        police_only: bool,
        related_any_portal: bool,
        related_depth: int,
    ) -> None:
        self.articles: dict = manifest["articles"]
        self.disallowed: dict = manifest.get("disallowed", {})
        self.selected = selected
        self.since, self.until = since, until
        self.police_only = police_only
        self.related_any_portal = related_any_portal
        self.related_depth = related_depth
        self.items: dict[str, dict] = {}
        self.fetched: set[str] = set()
        self.missing: list[str] = []
        self.blocked: list[str] = []
        self.queue: deque[tuple[str, int]] = deque()

    def is_blocked(self, url: str) -> bool:
        ref = article_ref(url)
        path = urlsplit(url).path
        rules = self.disallowed.get(ref.portal.key, []) if ref is not None else []
        return any(path.startswith(rule) for rule in rules)

    def emits(self, key: str) -> bool:
        """Whether a fetched article is emitted (and its links followed)."""
        day = _local_date(self.articles[key]["published_at"])
        in_window = (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )
        return in_window and (bool(self.articles[key]["police"]) or not self.police_only)

    def emit(self, key: str, depth: int, via: list[str], referrers: list[str]) -> None:
        self.items[key] = {"depth": depth, "discovered_via": via, "referrers": referrers}
        if depth < self.related_depth:
            self.queue.append((key, depth))

    def seed(self, found: dict[str, set[str]]) -> None:
        """Fetch the discovered articles (``{key: sources}``)."""
        for key in sorted(found):
            if key not in self.articles or self.is_blocked(self.articles[key]["url"]):
                continue
            self.fetched.add(key)
            if self.emits(key):
                self.emit(key, 0, sorted(found[key]), [])

    def follow(self) -> None:
        """Follow the "Baca juga" links of emitted articles, breadth first."""
        while self.queue:
            key, depth = self.queue.popleft()
            for link in self.articles[key]["related"]:
                if link["kind"] == "article" and link["key"]:
                    self.visit(link, self.articles[key]["url"], depth + 1)

    def visit(self, link: dict, referrer: str, depth: int) -> None:
        target = link["key"]
        if target.split(":")[0] not in self.selected and not self.related_any_portal:
            return
        if target in self.items:
            item = self.items[target]
            if item["depth"] == depth and referrer not in item["referrers"]:
                item["referrers"].append(referrer)
            return
        if self.is_blocked(link["url"]):
            _add_once(self.blocked, link["url"])
            return
        if target in self.fetched:
            return
        self.fetched.add(target)
        if target not in self.articles:
            _add_once(self.missing, link["url"])
        elif self.emits(target):
            self.emit(target, depth, ["related"], [referrer])

    def result(self, listing_pages: list[str]) -> dict:
        return {
            "items": self.items,
            "listing_pages": listing_pages,
            "missing": self.missing,
            "blocked": self.blocked,
            "fetched": sorted(k for k in self.fetched if k in self.articles),
        }


def _add_once(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)


def _link_facts(manifest: dict) -> dict[str, list[dict]]:
    """Every "Baca juga" link grouped by the form it takes."""
    groups: dict[str, list[dict]] = {
        "utm": [], "amp": [], "relative": [], "slugless": [], "cross_portal": [], "http": [],
    }  # fmt: skip
    for key, art in manifest["articles"].items():
        for link in art["related"]:
            fact = {"from": key, "href": link["href"], "to": link["key"] or link["url"]}
            href = link["href"]
            if "utm_" in href:
                groups["utm"].append(fact)
            if "/amp/" in href:
                groups["amp"].append(fact)
            if not href.startswith(("http://", "https://")):
                groups["relative"].append(fact)
            if href.startswith("http://"):
                groups["http"].append(fact)
            ref = article_ref(link["url"])
            if ref is not None:
                if article_ref(href, base=art["url"]).slug is None:
                    groups["slugless"].append(fact)
                if ref.portal.key != art["portal"]:
                    groups["cross_portal"].append(fact)
    return groups


def _is_missing(link: dict) -> bool:
    return link["kind"] == "article" and not link["exists"]


def _links_where(articles: dict, wanted: Callable[[dict], bool]) -> list[dict]:
    """``[{url, href, linked_from}]`` for each "Baca juga" link that is ``wanted``."""
    return [
        {"url": link["url"], "href": link["href"], "linked_from": key}
        for key, article in articles.items()
        for link in article["related"]
        if wanted(link)
    ]


def _common_truth(manifest: dict) -> None:
    """Add the truth every site has: labels, traps, links by form, quirks by design."""
    arts = manifest["articles"]
    manifest["police"] = sorted(k for k, a in arts.items() if a["police"])
    manifest["non_police"] = sorted(k for k, a in arts.items() if not a["police"])
    manifest["traps"] = {k: a["trap"] for k, a in sorted(arts.items()) if a["trap"]}
    manifest["links"] = _link_facts(manifest)
    linked = {link["key"] for a in arts.values() for link in a["related"] if link["key"]}
    manifest["only_via_related"] = sorted(
        k for k, a in arts.items()
        if not a["in_rss"] and not a["in_listing"] and k in linked
        and not any(a["url"].split("/", 3)[3].startswith(p.lstrip("/"))
                    for p in manifest["disallowed"].get(a["portal"], []))
    )  # fmt: skip
    manifest["missing"] = _links_where(arts, _is_missing)
    manifest["photo_links"] = _links_where(arts, lambda link: link["kind"] == "photo")
    manifest["designs"] = {
        "old": sorted(k for k, a in arts.items() if a["design"] == "old"),
        "amp": sorted(k for k, a in arts.items() if a["design"] == "amp"),
        "unknown": sorted(k for k, a in arts.items() if a["design"] == "unknown"),
        "body_twice": sorted(k for k, a in arts.items() if a["body_twice"]),
        "no_jsonld": sorted(k for k, a in arts.items() if a["no_jsonld"]),
        "no_zone": sorted(k for k, a in arts.items() if a["no_zone"]),
    }


# --------------------------------------------------------------------------- the two sites


def build_test_site(root: Path, now: datetime) -> dict:
    """Write the end-to-end mirror (``tests/stories/end_to_end.json``) under ``root`` with
    clocks relative to ``now``.

    Returns the manifest (JSON-able). Besides :meth:`Site.manifest`'s keys (``now``,
    ``portals``, ``articles`` with the expected page fields per key, ``photos``, ``rss``,
    ``listings``, ``robots``, ``disallowed``, ``popular``) it has:

    - ``since``: a ``YYYY-MM-DD`` that keeps every listed article in the window (use it as
      the spider's ``since`` so the default window does not matter);
    - ``police`` / ``non_police``: truth labels; ``traps``: ``{key: kind}`` for non-police
      stories built to fool a classifier;
    - ``reachable``: ``expected_crawl(manifest, since=since)["items"]`` (default arguments);
      ``reachable_all``: the same with ``police_only=False``;
    - ``only_via_related``: articles in no feed or listing but linked from one;
    - ``depth3``: the police article three hops away (never reached with related_depth=2);
    - ``disallowed_article``: ``{key, url, path, rule, linked_from}``, robots forbids it;
    - ``missing``: 404 links ``[{url, href, linked_from}]``; ``photo_links``: /foto/ links;
    - ``sidebar_only``: old articles linked only from the "Terpopuler" sidebar;
    - ``cycles``: lists of keys linking in a ring; ``chain``: keys each linking the next;
      ``non_police_gate``: ``{from, gate, behind}`` where a police article links a
      non-police one that links a police one;
    - ``links``: "Baca juga" links by form (utm, amp, relative, slugless, cross_portal, http);
    - ``designs``: keys by quirk (old, amp, unknown, body_twice, no_jsonld, no_zone);
    - ``listing_stop``: ``{since, portal, last_page, not_fetched}``: with that ``since``, the
      spider reads the portal's terkini up to ``last_page`` and never requests ``not_fetched``.
    """
    site, manifest, truth = _build("end_to_end", root, now)
    since = manifest["since"]
    manifest["reachable_all"] = expected_crawl(manifest, since=since, police_only=False)["items"]
    for name in ("depth3", "sidebar_only", "cycles", "chain", "non_police_gate"):
        manifest[name] = truth[name]
    manifest["disallowed_article"] = _disallowed_article(site, **truth["disallowed_article"])
    manifest["listing_stop"] = _listing_stop(manifest, now, **truth["listing_stop"])
    _check_roles(manifest, truth["unreachable"])
    return manifest


def build_sample_site(root: Path, now: datetime = SAMPLE_NOW) -> dict:
    """Write the small friendly mirror (``tests/stories/sample.json``: kupang, bali, www;
    8 articles) under ``root``.

    Returns its manifest (the :meth:`Site.manifest` keys plus ``police``, ``non_police``,
    ``traps``, ``links``, ``only_via_related``, ``missing``, ``photo_links``, ``designs``,
    ``since`` and ``reachable``)."""
    return _build("sample", root, now)[1]


def _build(story_name: str, root: Path, now: datetime) -> tuple[Site, dict, dict]:
    """Write a story's mirror; returns the site, its manifest with the truth every site has
    (``since`` from the story's ``since_days``, ``reachable``) and the story's own truth."""
    story = load_story(story_name)
    site = build_site(story, now)
    site.write(root)
    manifest = site.manifest()
    _common_truth(manifest)
    since = _days_before(now, story["truth"]["since_days"], "www")
    manifest["since"] = since.isoformat()
    manifest["reachable"] = expected_crawl(manifest, since=since)["items"]
    return site, manifest, story["truth"]


def _disallowed_article(site: Site, key: str, linked_from: str) -> dict:
    """Where the article robots.txt forbids lives, and the rule that forbids it."""
    article = site.article(key)
    rules = site.disallowed.get(article.portal, [])
    return {
        "key": key,
        "url": article.url,
        "path": f"/{article.host}{article.path}",
        "rule": next(rule for rule in rules if article.path.startswith(rule)),
        "linked_from": linked_from,
    }


def _listing_stop(manifest: dict, now: datetime, portal: str, since_days: int) -> dict:
    """Where the spider stops paging the portal's terkini listing with a ``since``."""
    since = _days_before(now, since_days, portal)
    read = expected_crawl(manifest, since=since, portals=[portal])["listing_pages"]
    every = [page["path"] for page in manifest["listings"][f"{portal}:terkini"]["pages"]]
    return {
        "since": since.isoformat(),
        "portal": portal,
        "last_page": read[-1],
        "not_fetched": every[len(read) :],
    }


def _check_roles(manifest: dict, unreachable: list[str]) -> None:
    """Fail unless the roles the story declares hold in its links and its crawl."""
    gate = manifest["non_police_gate"]
    paths = [ring + ring[:1] for ring in manifest["cycles"]]
    paths += [manifest["chain"], [gate["from"], gate["gate"], gate["behind"]]]
    for path in paths:
        for source, target in pairwise(path):
            related = manifest["articles"][source]["related"]
            if not any(link["key"] == target for link in related):
                raise ValueError(f"story: {source} does not link {target}")
    if manifest["articles"][gate["gate"]]["police"]:
        raise ValueError(f"story: the gate {gate['gate']} is a police article")
    if reached := set(manifest["reachable"]) & set(unreachable):
        raise ValueError(f"story: reachable, but declared unreachable: {sorted(reached)}")


# --------------------------------------------------------------------------- command line


def _clean(out: Path) -> None:
    """Remove what an earlier build wrote into ``out`` (host directories, manifest)."""
    for child in out.glob("*.antaranews.com"):
        if child.is_dir():
            shutil.rmtree(child)
    manifest = out / "manifest.json"
    if manifest.exists():
        manifest.unlink()


SAMPLE_README = """\
# data/sample: a small offline ANTARA mirror

Generated by `python -m tests.sites data/sample` (tests/sites.py) with the fixed clock
{now}; do not edit by hand. The pages are invented test data in ANTARA's page designs,
laid out like `wget --mirror --adjust-extension`: `{{host}}/berita/{{id}}/{{slug}}.html`,
`{{host}}/amp/berita/...`, `{{host}}/rss/terkini.xml`, `{{host}}/terkini.html`,
`{{host}}/terkini/{{n}}.html`, `{{host}}/robots.txt`. `manifest.json` describes what the
pages contain (articles, police labels, links, feeds, listings).

Crawl it offline: `scrapy crawl antara -s ANTARA_MIRROR=data/sample -a since={since}`, or
serve it with `python -m tests.mirror_server data/sample` and point `ANTARA_MIRROR` at the
printed URL.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.sites",
        description="Write a fake ANTARA mirror: the sample (default) or the end-to-end site.",
    )
    parser.add_argument("out", type=Path, help="output directory, e.g. data/sample")
    parser.add_argument("--test", action="store_true", help="build the end-to-end test site")
    parser.add_argument(
        "--now", default=None,
        help="clock, ISO 8601 with offset (default: fixed for the sample, now for --test)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.now:
        now = datetime.fromisoformat(args.now)
        if now.tzinfo is None:
            parser.error("--now needs an offset, e.g. 2026-11-20T12:00:00+07:00")
    else:
        now = datetime.now(timezone.utc).astimezone() if args.test else SAMPLE_NOW
    args.out.mkdir(parents=True, exist_ok=True)
    _clean(args.out)
    if args.test:
        manifest = build_test_site(args.out, now)
    else:
        manifest = build_sample_site(args.out, now)
        (args.out / "README.md").write_text(
            SAMPLE_README.format(now=now.isoformat(), since=manifest["since"]), encoding="utf-8"
        )
    (args.out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(manifest['articles'])} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
