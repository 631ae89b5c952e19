"""What the ticker pane lists: headlines and articles, grouped by day (or by feed), newest
first unless asked otherwise, filtered. Pure code."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter

from reader.models import ArticleMeta, Headline, ReadingState
from reader.text.dates import day_label, local_date
from reader.views.times import local_time

ORDERS = ("newest", "oldest", "feed")
# A headline flagged as breaking news: عاجل (and its forms), "breaking", "urgent".
_EDGE = r"\s|:\-–—()\[\]«»!.,،"
_BREAKING = re.compile(rf"(?:^|[{_EDGE}])(?:عاجل|عاجلة|breaking|urgent)(?=$|[{_EDGE}])", re.I)


@dataclass(frozen=True, slots=True)
class TickerRow:
    """A line of the ticker: a day (or feed) label, or an item (headline and/or article)."""

    key: str  # headline id, article id, or "day:<date>" / "day:feed:<source>" for a label
    text: str
    time: str = ""
    article_id: str | None = None
    unread: bool = False
    starred: bool = False
    source: str = ""  # the feed (or page file) it came from
    breaking: bool = False  # flagged عاجل / breaking

    @property
    def is_day(self) -> bool:
        return self.key.startswith("day:")


def is_breaking(text: str) -> bool:
    head = text[:80].lower()
    if "عاجل" not in head and "breaking" not in head and "urgent" not in head:
        return False  # most headlines: three substring tests instead of the pattern
    return bool(_BREAKING.search(head))


def build_rows(
    headlines: list[Headline],
    articles: list[ArticleMeta],
    states: Mapping[str, ReadingState],
    only: Collection[str] | None = None,
    *,
    order: str = "newest",
    feed: str | None = None,
    show_read: bool = True,
) -> list[TickerRow]:
    """Headlines, then articles no headline links to, grouped by day, newest day and newest
    time first (`order="oldest"` reverses; `"feed"` groups by feed, newest first in each).

    `only`, when given, keeps the items whose article id or headline id is in it; `feed`
    keeps one feed's items; `show_read=False` leaves out what has been read. Labels appear
    only when the items span more than one day (or feed).
    """
    linked = {h.article_id for h in headlines if h.article_id}
    by_id = {a.id: a for a in articles}

    def wanted(key: str, article_id: str | None, source: str) -> bool:
        """The filters, before any row is built (a search keeps few of 100,000)."""
        if only is not None and key not in only and article_id not in only:
            return False
        if feed is not None and source != feed:
            return False
        if not show_read and article_id:
            state = states.get(article_id)
            return state is None or not state.read or state.starred
        return True

    def published(article_id: str | None) -> str | None:
        meta = by_id.get(article_id) if article_id else None
        return local_date(meta.published_at, meta.published) if meta else None

    items: list[tuple[str | None, str, int, TickerRow]] = []
    for line in headlines:
        if wanted(line.id, line.article_id, line.source):
            time, date = local_time(line)
            row = _row(line.id, line.headline, time, line.article_id, states, line.source)
            items.append((date or published(line.article_id), time, line.seq, row))
    for meta in articles:
        if meta.id not in linked and wanted(meta.id, meta.id, meta.source):
            row = _row(meta.id, meta.title, "", meta.id, states, meta.source)
            items.append((published(meta.id), "", meta.seq, row))
    newest = order != "oldest"
    items.sort(key=lambda i: (i[0] is None, i[0] or "", i[1] != "", i[1], i[2]), reverse=newest)
    if newest:  # reverse=True put the undated first: they go last
        items.sort(key=lambda i: i[0] is None)
    if order == "feed":
        items.sort(key=lambda i: i[3].source)  # stable: newest first within each feed
    by_feed = order == "feed"

    def group(item: tuple[str | None, str, int, TickerRow]) -> str | None:
        return item[3].source if by_feed else item[0]

    groups = {group(i) for i in items}
    rows: list[TickerRow] = []
    current: object = object()
    for item in items:
        key = group(item)
        if len(groups) > 1 and key != current:
            label = str(key) if by_feed else day_label(item[0])
            rows.append(TickerRow(key=f"day:{'feed:' if by_feed else ''}{key}", text=label))
            current = key
        rows.append(item[3])
    return rows


def _row(
    key: str,
    text: str,
    time: str,
    article_id: str | None,
    states: Mapping[str, ReadingState],
    source: str,
) -> TickerRow:
    state = states.get(article_id or key, ReadingState())
    return TickerRow(
        key=key,
        text=text,
        time=time,
        article_id=article_id,
        unread=article_id is not None and not state.read,
        starred=state.starred,
        source=source,
        breaking=is_breaking(text),
    )


class Positions:
    """Where each article's rows are (one per headline that links it, or its own), found at
    C speed when the rows are built (no Python pass over 100,000 rows)."""

    def __init__(self, rows: Sequence[TickerRow]) -> None:
        self.ids = list(map(attrgetter("article_id"), rows))
        count = len(self.ids)
        self.first = dict(zip(reversed(self.ids), range(count - 1, -1, -1), strict=True))
        self.last = dict(zip(self.ids, range(count), strict=True))

    def of(self, article_id: str) -> list[int]:
        first = self.first.get(article_id)
        if first is None:
            return []
        found, at, last = [first], first, self.last[article_id]
        while at != last:  # more than one headline links it: the few rows between
            at = self.ids.index(article_id, at + 1, last + 1)
            found.append(at)
        return found


def restate(
    rows: tuple[TickerRow, ...],
    article_id: str,
    state: ReadingState,
    positions: Positions | None = None,
) -> tuple[TickerRow, ...]:
    """The rows with one article's reading state changed: what a keypress needs, without
    another pass over the store. Give the rows' `Positions` (built with them, in the worker)
    and there is no pass over the rows either: at 101,000 rows that took 30-50 ms."""
    found = (positions or Positions(rows)).of(article_id)
    if not found:
        return rows
    changed = list(rows)  # a copy at C speed (2 ms at 101,000 rows)
    for at in found:
        changed[at] = replace(rows[at], unread=not state.read, starred=state.starred)
    return tuple(changed)
