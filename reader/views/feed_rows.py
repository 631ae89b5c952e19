"""The feed list: every feed (the sources of stored items and the subscriptions) with its
unread and total counts, "all feeds" first. Pure code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.views.ticker_rows import TickerRow

ALL_FEEDS = "كل المصادر"  # "all sources"


@dataclass(frozen=True)
class FeedRow:
    source: str | None  # what the ticker filters on; None: all feeds
    label: str
    unread: int = 0
    total: int = 0
    url: str | None = None  # a subscribed feed's address


def feed_rows(rows: Iterable[TickerRow], subscribed: Iterable[tuple[str, str]]) -> list[FeedRow]:
    """`rows`: the unfiltered ticker; `subscribed`: (label, url) of each subscription."""
    unread: dict[str, int] = {}
    total: dict[str, int] = {}
    for row in rows:
        if not row.is_day:
            total[row.source] = total.get(row.source, 0) + 1
            unread[row.source] = unread.get(row.source, 0) + row.unread
    urls = dict(subscribed)
    names = sorted(set(total) | set(urls))
    out = [FeedRow(None, ALL_FEEDS, sum(unread.values()), sum(total.values()))]
    out += [FeedRow(n, n, unread.get(n, 0), total.get(n, 0), urls.get(n)) for n in names]
    return out
