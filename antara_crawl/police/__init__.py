"""Police news: is an article about Polri, and which units, officers and terms it names.

Pure functions over an article's title and body: no Scrapy, no I/O, matchers compiled once.

- :mod:`.vocabulary` and :mod:`.regions`: the vocabulary as data, stated once;
- :mod:`.patterns`: the matchers derived from it;
- :mod:`.mentions`: traps, units, posts and ranks found in a text;
- :mod:`.officers`: officers' names, ranks and positions;
- :mod:`.scoring`: the police-news score and its reasons (the decision rule is documented there).

``analyse(title, body)`` returns a :class:`PoliceReport`; ``report.is_police`` is the decision
at :data:`DEFAULT_MIN_SCORE`, ``report.is_police_at(min_score)`` the decision at another one.
"""

from __future__ import annotations

from .analysis import PoliceReport, analyse
from .officers import Officer
from .scoring import DEFAULT_MIN_SCORE

__all__ = ["DEFAULT_MIN_SCORE", "Officer", "PoliceReport", "analyse"]
