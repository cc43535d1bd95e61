"""Settings of antara-crawl: polite defaults for a news agency's site, pipelines and feeds.

Every project setting (``ANTARA_*``) is documented in README.md, "Settings".
Override any of them with ``-s NAME=value`` or, for some, the environment.
This module is data: it imports nothing from the project (and only names the SUMMARY log
level). The add-on (``antara_crawl.addon.AntaraAddon``) checks the ``ANTARA_*`` settings and
derives ``USER_AGENT`` and the mirror mode's settings from them.
"""

from __future__ import annotations

import logging
import os

BOT_NAME = "antara_crawl"
SPIDER_MODULES = ["antara_crawl.spiders"]
NEWSPIDER_MODULE = "antara_crawl.spiders"
COMMANDS_MODULE = "antara_crawl.commands"

# --- Project settings -------------------------------------------------------------------
# Serve the crawl from a mirror: an http:// base URL, a wget --mirror directory, or WARC
# archives (a file, a directory of them, a glob).
ANTARA_MIRROR = os.environ.get("ANTARA_MIRROR", "")
# Keep every response of the run as WARC/1.1 in this directory (empty: no archive).
ANTARA_ARCHIVE = os.environ.get("ANTARA_ARCHIVE", "")
# Replaying archives (ANTARA_MIRROR), the capture nearest this time instead of the latest.
ANTARA_ARCHIVE_AS_OF = os.environ.get("ANTARA_ARCHIVE_AS_OF", "")
# Read every article reached again, known or not, and emit those whose counted fields changed
# (README, "Versions"): set by the add-on when ANTARA_MIRROR names archives (a replay fetches
# nothing from ANTARA).
ANTARA_REEXTRACT = False
# Where state, feeds and run reports live ("{data}" in the settings below): empty means the
# project directory's data/, never the working directory (antara_crawl.paths).
ANTARA_DATA_DIR = os.environ.get("ANTARA_DATA_DIR", "")
# Cross-run state: a SQLite path, a redis:// URL (shared by workers on several machines),
# or "none".
ANTARA_STATE = os.environ.get("ANTARA_STATE", "{data}/state/antara.sqlite3")
# Workers started with the same run id are one run: they share the Redis state's lock.
ANTARA_RUN_ID = os.environ.get("ANTARA_RUN_ID", "")
# A redis:// URL: the workers started with it (and the same ANTARA_RUN_ID) share one
# scrapy-redis frontier; politeness then holds for the cluster.
ANTARA_FRONTIER = os.environ.get("ANTARA_FRONTIER", "")
# Seconds a worker waits, idle, for the shared queue to stay empty before it leaves.
ANTARA_FRONTIER_QUIET = 10.0
# Seconds a worker counts as alive after its last sign of life (renewed every third of it): a
# run's lock and frontier outlive killed workers by this much.
ANTARA_WORKER_TTL = 30.0
# Allow a Redis on the network without a password (anyone who can write to it can change
# what the crawl knows, and with ANTARA_FRONTIER run code in the workers).
ANTARA_REDIS_INSECURE = False
# Forget the cross-run state before the run (what -a reset_state=true sets).
ANTARA_STATE_RESET = False
# Who runs this crawler: an URL or e-mail address put into the user agent.
ANTARA_CONTACT = os.environ.get("ANTARA_CONTACT", "https://github.com/antara-crawl/antara-crawl")
# Default `since` window when -a since is not given, in days before today.
ANTARA_DEFAULT_WINDOW_DAYS = 3
# Most listing pages fetched per listing (a safety net; `since` usually stops earlier).
ANTARA_MAX_LISTING_PAGES = 30
# Longest Retry-After (seconds) honoured before giving up the wait and retrying.
ANTARA_RETRY_AFTER_MAX = 300
# Articles younger than this many days are downloaded again to catch edits.
ANTARA_REFRESH_DAYS = 2
# Jaccard similarity of word 3-grams (MinHash estimate) from which two bodies are wire copies.
ANTARA_NEAR_DUPLICATE_THRESHOLD = 0.7
# The police score (0-1) from which an article is police news: emitted when police_only, and
# its "Baca juga" links followed. antara_crawl.police.DEFAULT_MIN_SCORE.
ANTARA_POLICE_MIN_SCORE = 0.5
# After this many network failures with no response at all, the run stops (exit 3).
ANTARA_UNREACHABLE_AFTER = 5
# In mirror mode, drop download delays and AutoThrottle (tests, benchmarks).
ANTARA_MIRROR_FAST = True

# Where run reports go, one JSON file per run ("scrapy runs" lists them).
ANTARA_RUNS_DIR = "{data}/runs"
# Monitors (README, "Monitors"): a run failing one exits with status 6.
# Fewest entries RSS feeds and listings must give a run that discovers (0: no check).
ANTARA_MONITOR_MIN_DISCOVERED = 1
# Largest share of extracted articles of no known page design (a redesign).
ANTARA_MONITOR_MAX_UNKNOWN_DESIGN = 0.5
# Largest share of article pages that fail for good (request errors, extraction refused).
ANTARA_MONITOR_MAX_ERROR_RATE = 0.5
# Largest share of a known design's articles missing a field that design always has.
ANTARA_MONITOR_MAX_MISSING_FIELD = 0.5
# The shares above are judged from this many article pages (of the design, for fields).
ANTARA_MONITOR_MIN_PAGES = 10
# Feeds, reports and archives of the months that ended more than this many days ago are
# compacted into one file per month at the end of a run (README, "Retention"); 0: never.
ANTARA_RETENTION_DAYS = os.environ.get("ANTARA_RETENTION_DAYS", "0")

# --- Politeness -------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
# USER_AGENT: "antara-crawl/VERSION (+ANTARA_CONTACT)", set by the add-on unless given.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.5
# 0.5-1.5 times the delay (Scrapy 2.19+; earlier ones do the same by RANDOMIZE_DOWNLOAD_DELAY).
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# Items of one response processed side by side: the spider yields at most one item per page
# and the pipelines never wait, so more only costs (Scrapy starts that many tasks per page).
CONCURRENT_ITEMS = 1
# Scrapy's check for generator callbacks returning a value reads their source again for each
# response (a development aid; the spider's callbacks return none).
WARN_ON_GENERATOR_RETURN_VALUE = False
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# Development option: HTTPCACHE_ENABLED=True keeps pages under .scrapy/httpcache.
HTTPCACHE_ENABLED = False

# Unattended runs open no control ports.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- Components -------------------------------------------------------------------------
ADDONS = {"antara_crawl.addon.AntaraAddon": 0}
REQUEST_FINGERPRINTER_CLASS = "antara_crawl.fingerprint.ArticleKeyFingerprinter"
DOWNLOAD_HANDLERS = {
    "http": "antara_crawl.mirror.MirrorDownloadHandler",
    "https": "antara_crawl.mirror.MirrorDownloadHandler",
}
# Containment first (50) and before robots.txt (100); faults counted between decompression
# (590) and retries (550); the redirect guard in front of the redirect middleware (600); the
# archive (950) next to the downloader, so it keeps bodies as they were sent.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "antara_crawl.containment.ContainmentMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "antara_crawl.robots.RobotsMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "antara_crawl.middlewares.RetryAfterMiddleware": 550,
    "antara_crawl.middlewares.UnreachableMiddleware": 560,
    "antara_crawl.faults.FaultsMiddleware": 570,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "antara_crawl.faults.BoundedCompressionMiddleware": 590,
    "antara_crawl.containment.RedirectGuardMiddleware": 610,
    "antara_crawl.archive.ArchiveMiddleware": 950,
}
ITEM_PIPELINES = {
    "antara_crawl.pipelines.CompleteItemPipeline": 100,
    "antara_crawl.pipelines.ValidateItemPipeline": 200,
    "antara_crawl.pipelines.RunDedupePipeline": 300,
    "antara_crawl.pipelines.StatePipeline": 400,
}
EXTENSIONS = {
    # Before the run report: both act when the engine stops, retention first.
    "antara_crawl.retention.Retention": 490,
    "antara_crawl.extensions.RunReport": 500,
    "antara_crawl.extensions.ArticleState": 510,
    "antara_crawl.atom.AtomFeeds": 520,
}
FEED_STORAGES = {
    "": "antara_crawl.feeds.AtomicFileFeedStorage",
    "file": "antara_crawl.feeds.AtomicFileFeedStorage",
}
FEED_EXPORTERS = {"csv": "antara_crawl.feeds.JsonFieldsCsvItemExporter"}
# %(time)s is the run's name, shared with its report (antara_crawl.extensions.RunReport).
FEED_URI_PARAMS = "antara_crawl.extensions.feed_uri_params"

# --- Feeds ------------------------------------------------------------------------------
# Without -o/-O (or FEEDS), items go here as JSON Lines; %(time)s is the UTC start time.
ANTARA_FEED_URI = "{data}/feeds/antara/%(time)s.jsonl"
FEED_EXPORT_ENCODING = "utf-8"
# No file when a run has nothing new; a feed given with -O is always written (the add-on).
FEED_STORE_EMPTY = False

# --- Atom feeds (README, "Atom feeds") --------------------------------------------------
# After each run whose feeds were stored, add its police stories to one Atom 1.0 feed per
# portal, ANTARA_ATOM_DIR/<portal>.xml, keeping the ANTARA_ATOM_ENTRIES latest-published.
ANTARA_ATOM = True
ANTARA_ATOM_DIR = "{data}/feeds/atom"
ANTARA_ATOM_ENTRIES = 50

# SUMMARY (25, between INFO and WARNING): the run's summary and the warnings; INFO: all detail.
logging.addLevelName(25, "SUMMARY")
LOG_LEVEL = os.environ.get("ANTARA_LOG_LEVEL", "SUMMARY")

# --- Reliability and containment (README, "Reliability") --------------------------------
# Largest page (article, listing, RSS, robots.txt) as received and once decompressed; a
# larger one is dropped and counted (antara/fault/oversize). A warning from DOWNLOAD_WARNSIZE.
DOWNLOAD_MAXSIZE = 4 * 1024 * 1024
DOWNLOAD_WARNSIZE = 1024 * 1024
# Redirects followed per request (RFC 9309 asks at least five for robots.txt).
REDIRECT_MAX_TIMES = 5
# Longest robots.txt Crawl-delay honoured, in seconds (0: ignore Crawl-delay).
ANTARA_CRAWL_DELAY_MAX = 60.0
