"""A record's month and day, the names of a month's files, and what a file holds (the
tally `index/months.json` keeps of it, months.py).

A record's month is the first full date it has: an article's `published_at` (UTC) or
`published`, a headline's `at` or `date`; records without one are in `undated`, which the
ticker lists last. A month holds at most PART_RECORDS records a file: then its next records
go to `YYYY-MM.001.json`, `.002`, ... (a busy month, or years of an archive imported into
one month, never makes one add parse an unbounded file).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from reader.library.storage import Tables
from reader.models import ArticleMeta

UNDATED = "undated"
PART_RECORDS = 1000  # articles and headlines in one file of a month
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def month_of(*dates: str | None) -> str:
    for date in dates:
        if date and _MONTH.match(date):
            return date[:7]
    return UNDATED


def month_of_part(name: str) -> str:
    """The month a file holds ("2024-03" of "2024-03.002")."""
    return name.split(".")[0]


def part_name(month: str, number: int) -> str:
    return month if number == 0 else f"{month}.{number:03}"


def part_number(name: str) -> int:
    return int(name.split(".")[1]) if "." in name else 0


class Tally(NamedTuple):
    """What `index/months.json` remembers of a month file."""

    articles: int
    headlines: int
    newest: str | None  # the newest record's day (YYYY-MM-DD); "" none dated; None unknown

    @property
    def records(self) -> int:
        return self.articles + self.headlines


def record_day(doc: Any) -> str:
    """The day (UTC) of a record: an article's or headline's stored dict, or the record."""
    if isinstance(doc, dict):
        when = doc.get("published_at") or doc.get("published") or doc.get("at") or doc.get("date")
    elif isinstance(doc, ArticleMeta):
        when = doc.published_at or doc.published
    else:
        when = doc.at or doc.date
    return when[:10] if isinstance(when, str) and _DAY.match(when) else ""


def tally(tables: Tables) -> Tally:
    """What a month file's tables hold. The newest day is `record_day`'s, each distinct day
    checked once: a write tallies every record of each file it rewrote, and a call and a
    regex match a record were a tenth of storing."""
    articles, lines = tables.get("articles", {}), tables.get("headlines", {})
    days = {
        when[:10]
        for docs in (articles, lines)
        for doc in docs.values()
        if isinstance(
            when := doc.get("published_at")
            or doc.get("published")
            or doc.get("at")
            or doc.get("date"),
            str,
        )
    }
    return Tally(len(articles), len(lines), max(filter(_DAY.match, days), default=""))


def article_month(doc: Any) -> str:
    """The month of an article record (an ArticleMeta or its stored dict)."""
    if isinstance(doc, dict):
        return month_of(doc.get("published_at"), doc.get("published"))
    return month_of(doc.published_at, doc.published)


def headline_month(doc: Any) -> str:
    if isinstance(doc, dict):
        return month_of(doc.get("at"), doc.get("date"))
    return month_of(doc.at, doc.date)
