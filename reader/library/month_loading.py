"""Loading index files into memory: the newest for a first screen, and all of them for a
question about the whole store (month_refresh.py takes in what another process changed)."""

from __future__ import annotations

from reader.library.disk import DamagedFile
from reader.library.month_records import record_day
from reader.library.newest import take_newest
from reader.library.records import (
    ARTICLE_SHARED,
    HEADLINE_SHARED,
    as_record,
    share_fields,
    sharing,
)
from reader.library.store_state import StoreState
from reader.models import ArticleMeta, Headline


class MonthLoading(StoreState):
    def _load_month(self, name: str) -> None:
        """Compact rows from one month's file; the parsed file itself is not kept (a write
        reads it again, under the lock)."""
        metas, lines = self._read_month(name)
        self._forget_month(name)
        for meta in metas:
            self._meta[meta.id] = meta
            for key in self._orphans.pop(meta.id, ()):  # its headlines came first
                if (line := self._headlines.get(key)) is not None:
                    self._headlines[key] = Headline(**sharing(as_record(line), meta))
        for line in lines:
            if line.article_id and line.article_id not in self._meta:
                self._orphans.setdefault(line.article_id, []).append(line.id)  # another part
            self._headlines[line.id] = line
        self._loaded[name] = ([m.id for m in metas], [h.id for h in lines])
        self._titles = None

    def _read_month(self, name: str) -> tuple[list[ArticleMeta], list[Headline]]:
        """One month file's records, each headline holding its article's objects when that
        article is in the file or loaded."""
        tables = self._months.read(name)
        share = self._strings.setdefault  # one object per date, source, time, chunk
        metas: dict[str, ArticleMeta] = {}
        lines: list[Headline] = []
        try:
            for doc in tables.get("articles", {}).values():
                share_fields(doc, share, ARTICLE_SHARED)
                doc.pop("link", None)  # index records before 2026-12-03 had the link
                metas[doc["id"]] = ArticleMeta(**doc)
            for doc in tables.get("headlines", {}).values():
                share_fields(doc, share, HEADLINE_SHARED)
                linked = doc.get("article_id") or ""
                if (known := metas.get(linked) or self._meta.get(linked)) is not None:
                    sharing(doc, known)
                lines.append(Headline(**doc))
        except (KeyError, TypeError, ValueError) as error:
            raise DamagedFile(
                self._months.path(name), f"a record of the wrong shape: {error}"
            ) from error
        return list(metas.values()), lines

    def _forget_month(self, name: str) -> None:
        self._days.pop(name, None)
        articles, lines = self._loaded.pop(name, ([], []))
        for key in articles:
            self._meta.pop(key, None)
        for key in lines:
            self._headlines.pop(key, None)

    def _check_complete(self, names: list[str]) -> None:
        """Note whether every file is loaded now; then a headline still waiting for its
        article has none stored."""
        self._complete = all(n in self._loaded for n in names)
        if self._complete:
            self._orphans.clear()

    def load_all(self) -> None:
        """Every month in memory: what any question about the whole store needs."""
        if self._complete:
            return
        for name in self._months.names():
            with self._lock:  # month by month: the app's writes need not wait for all
                if name not in self._loaded:
                    self._load_month(name)
        with self._lock:
            self._check_complete(self._months.names())

    def load_newest(self, items: int) -> bool:
        """Load the files holding the newest `items` records (newest.py: only those of a
        busy month's parts that can hold them); whether everything is loaded now."""
        with self._lock:
            names = self._months.names()
            for name in take_newest(names, self._months.counted(), self._days_of, items):
                if name not in self._loaded:
                    self._load_month(name)
            self._check_complete(names)
            return self._complete

    def _records_of(self, name: str) -> tuple[list[ArticleMeta], list[Headline]]:
        """A loaded file's records, from memory."""
        articles, headlines = self._loaded[name]
        metas = [self._meta[i] for i in articles if i in self._meta]
        return metas, [self._headlines[i] for i in headlines if i in self._headlines]

    def _days_of(self, name: str) -> list[str]:
        """The day of each record of a loaded month file (kept until the file changes: the
        first screen asks twice, a scroll again)."""
        if name not in self._days:
            metas, lines = self._records_of(name) if name in self._loaded else ([], [])
            self._days[name] = [record_day(record) for record in (*metas, *lines)]
        return self._days[name]
