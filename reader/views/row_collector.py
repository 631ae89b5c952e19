"""The ticker's rows made from records that arrive in batches (the library's files, one at
a time), so a view of everything never needs every record in memory at once: only the rows
stay. Ordered and labelled by day (or feed) at the end. Pure code.

What one batch cannot know, the collector remembers: articles listed on their own (a
headline in a later batch may link them) and headline ids linking an article of another
batch, both few. A headline without a date of its own takes its article's: the library
gives the files without dates first, so that article is in the same batch or a later one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from operator import attrgetter

from reader.models import ArticleMeta, Headline, ReadingState
from reader.text.dates import day_label, local_date
from reader.views.ticker_row import TickerRow, item_row
from reader.views.times import local_time


class RowCollector:
    def __init__(
        self,
        states: Mapping[str, ReadingState],
        only: Collection[str] | None = None,
        *,
        feed: str | None = None,
        show_read: bool = True,
    ) -> None:
        self.states, self.only, self.feed, self.show_read = states, only, feed, show_read
        self._lines: list[TickerRow] = []  # in arrival order: headlines, then articles
        self._articles: list[TickerRow | None] = []  # None: a later headline linked it
        self._alone: dict[str, int] = {}  # article id -> its own row in _articles
        self._linked: set[str] = set()  # article ids linked from another batch
        self._undated: dict[str, list[int]] = {}  # article id -> rows waiting for its date
        self._same: dict[str, str] = {}  # one object per distinct time and date

    def _wanted(self, key: str, article_id: str | None, source: str) -> bool:
        """The filters, before any row is built (a search keeps few of 100,000)."""
        if self.only is not None and key not in self.only and article_id not in self.only:
            return False
        if self.feed is not None and source != self.feed:
            return False
        if not self.show_read and article_id:
            state = self.states.get(article_id)
            return state is None or not state.read or state.starred
        return True

    def _date(self, meta: ArticleMeta) -> str | None:
        date = local_date(meta.published_at, meta.published)
        return date if date is None else self._same.setdefault(date, date)

    def add(self, headlines: list[Headline], articles: list[ArticleMeta]) -> None:
        """One batch: its headlines (each with its article, if in this batch) and articles."""
        metas = {meta.id: meta for meta in articles}
        linked_here: set[str | None] = set()
        same = self._same.setdefault
        for line in headlines:
            linked = line.article_id
            linked_here.add(linked)
            if linked and linked not in metas:
                self._linked.add(linked)
                if (alone := self._alone.pop(linked, None)) is not None:
                    self._articles[alone] = None  # listed on its own by an earlier batch
            if not self._wanted(line.id, linked, line.source):
                continue
            time, date = local_time(line)
            if not date and linked:
                if (meta := metas.get(linked)) is not None:
                    date = self._date(meta)
                else:  # its article is in a later batch (or not stored)
                    self._undated.setdefault(linked, []).append(len(self._lines))
            date = date if date is None else same(date, date)
            self._lines.append(
                item_row(line, line.headline, same(time, time), linked, self.states, date)
            )
        for meta in metas.values():
            for at in self._undated.pop(meta.id, ()):
                self._lines[at] = replace(self._lines[at], date=self._date(meta))
            if meta.id in linked_here or meta.id in self._linked:
                continue
            if self._wanted(meta.id, meta.id, meta.source):
                self._alone[meta.id] = len(self._articles)
                self._articles.append(
                    item_row(meta, meta.title, "", meta.id, self.states, self._date(meta))
                )

    def rows(self, order: str = "newest") -> list[TickerRow]:
        """Every row so far: grouped by day, newest day and newest time first
        (`order="oldest"` reverses; `"feed"` groups by feed, newest first in each). Labels
        appear only when the items span more than one day (or feed)."""
        rows = self._lines + [row for row in self._articles if row is not None]
        # Sorted by (undated, date, timed, time, seq), a stable pass per key from the last one:
        # each key is an object the row holds (or True/False), so no key tuple is made for
        # each of 100,000 rows. Equal keys keep their order of arrival either way.
        for sort_key in (attrgetter("seq"), attrgetter("time"), _timed, _dated_day):
            rows.sort(key=sort_key, reverse=order != "oldest")
        rows.sort(key=_undated)  # the undated last, newest first or oldest first
        by_feed = order == "feed"
        if by_feed:
            rows.sort(key=attrgetter("source"))  # stable: newest first within each feed
        group = attrgetter("source") if by_feed else attrgetter("date")
        if len({group(r) for r in rows}) < 2:
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
