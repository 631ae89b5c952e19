"""What the ticker pane lists: headlines and articles, grouped by day (or by feed), newest
first unless asked otherwise, filtered. Pure code."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from itertools import compress, islice
from operator import attrgetter, eq

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
    date: str | None = None  # the reader's date of the item (what it is grouped by)
    seq: int = 0  # order of arrival (after date and time)

    @property
    def is_day(self) -> bool:
        return self.key.startswith("day:")


_UNTOUCHED = ReadingState()


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
    same: dict[str, str] = {}  # one object per distinct time and date (100,000 rows, 1,440 times)
    by_id: dict[str, ArticleMeta] = {}  # built only if a headline has no date of its own

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

    def published(meta: ArticleMeta | None) -> str | None:
        date = local_date(meta.published_at, meta.published) if meta else None
        return date if date is None else same.setdefault(date, date)

    rows: list[TickerRow] = []
    for line in headlines:
        if wanted(line.id, line.article_id, line.source):
            time, date = local_time(line)
            time = same.setdefault(time, time)
            if not date and line.article_id:
                if not by_id:
                    by_id.update((a.id, a) for a in articles)
                date = published(by_id.get(line.article_id))
            date = date if date is None else same.setdefault(date, date)
            rows.append(_row(line, line.headline, time, line.article_id, states, date))
    for meta in articles:
        if meta.id not in linked and wanted(meta.id, meta.id, meta.source):
            rows.append(_row(meta, meta.title, "", meta.id, states, published(meta)))
    # Sorted by (undated, date, timed, time, seq), a stable pass per key from the last one:
    # each key is an object the row holds (or True/False), so no key tuple is made for each
    # of 100,000 rows. Equal keys keep their order of arrival either way.
    for sort_key in (attrgetter("seq"), attrgetter("time"), _timed, _dated_day):
        rows.sort(key=sort_key, reverse=order != "oldest")
    rows.sort(key=_undated)  # the undated last, newest first or oldest first
    if order == "feed":
        rows.sort(key=attrgetter("source"))  # stable: newest first within each feed
    by_feed = order == "feed"

    def group(row: TickerRow) -> str | None:
        return row.source if by_feed else row.date

    groups = {group(r) for r in rows}
    if len(groups) < 2:
        return rows
    labelled: list[TickerRow] = []
    current: object = object()
    for row in rows:
        key = group(row)
        if key != current:
            label = str(key) if by_feed else day_label(key)
            labelled.append(TickerRow(key=f"day:{'feed:' if by_feed else ''}{key}", text=label))
            current = key
        labelled.append(row)
    return labelled


def _timed(row: TickerRow) -> bool:
    return row.time != ""


def _dated_day(row: TickerRow) -> str:
    return row.date or ""


def _undated(row: TickerRow) -> bool:
    return row.date is None


def _row(
    item: Headline | ArticleMeta,
    text: str,
    time: str,
    article_id: str | None,
    states: Mapping[str, ReadingState],
    date: str | None,
) -> TickerRow:
    state = states.get(article_id or item.id, _UNTOUCHED)
    return TickerRow(
        key=item.id,
        text=text,
        time=time,
        article_id=article_id,
        unread=article_id is not None and not state.read,
        starred=state.starred,
        source=item.source,
        breaking=is_breaking(text),
        date=date,
        seq=item.seq,
    )


class Positions:
    """Where each article's rows are (one per headline that links it, or its own), found at
    C speed (no Python pass over 100,000 rows). Only the rows' article ids are kept, and the
    few ids that more than one row carries: a map from every id to its rows held 16 MB at
    100,000 rows, for lookups that `list.index` does in under 2 ms (the newest rows, the
    ones mostly opened, in microseconds)."""

    def __init__(self, rows: Sequence[TickerRow]) -> None:
        self.ids = list(map(attrgetter("article_id"), rows))
        # repeated ids are neighbours once sorted: found in C, with no set of 100,000 ids
        ordered = sorted(filter(None, self.ids))
        twice = compress(ordered, map(eq, ordered, islice(ordered, 1, None)))
        self.repeated: frozenset[str | None] = frozenset(twice)

    def of(self, article_id: str) -> list[int]:
        try:
            found = [self.ids.index(article_id)]
        except ValueError:
            return []
        if article_id in self.repeated:  # more than one headline links it
            with suppress(ValueError):
                while True:
                    found.append(self.ids.index(article_id, found[-1] + 1))
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
