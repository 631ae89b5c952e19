"""Many records at once: the newest for a first screen, every record file by file for a
view of everything, the counts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from reader.library.disk import StoreError, signature
from reader.library.month_records import UNDATED, Tally, month_of_part
from reader.library.months import LEGACY
from reader.library.newest import take_newest
from reader.library.record_lookup import RecordLookup
from reader.models import ArticleMeta, Headline


class RecordRows(RecordLookup):
    def batches(self) -> Iterator[tuple[list[Headline], list[ArticleMeta]]]:
        """Every record, one file at a time (a loaded file's from memory, the others read
        and not kept): what a view of everything needs (G, a filter, every match of a
        search) without the whole store in memory (reader/views/row_collector.py). The
        files without dates (and an old index.json) come first, as one batch: a headline
        without a date of its own takes its article's, which is then in that batch or a
        later one."""
        names = self._months.names()
        undated = [n for n in names if month_of_part(n) in (UNDATED, LEGACY)]
        for group in ([undated] if undated else []) + [[n] for n in names if n not in undated]:
            lines: list[Headline] = []
            metas: list[ArticleMeta] = []
            for name in group:
                with self._lock:
                    if name in self._loaded:
                        read_metas, read_lines = self._records_of(name)
                    else:
                        self._streamed[name] = signature(self._months.path(name))
                        read_metas, read_lines = self._read_month(name)
                        self._where[name] = tuple(sorted(meta.id for meta in read_metas))
                metas += read_metas
                lines += read_lines
            yield lines, metas

    def articles(self) -> list[ArticleMeta]:
        with self._lock:
            self.load_all()
            return sorted(self._meta.values(), key=lambda meta: meta.seq)

    def headlines(self) -> list[Headline]:
        with self._lock:
            self.load_all()
            return sorted(self._headlines.values(), key=lambda line: line.seq)

    def recent(self, items: int) -> tuple[list[Headline], list[ArticleMeta]]:
        """The records of the files holding the newest `items` (loaded if they are not): a
        first screen, or the first page of a search."""
        self.load_newest(items)
        with self._lock:
            lines: list[Headline] = []
            metas: list[ArticleMeta] = []
            names = [n for n in self._months.names() if n in self._loaded]
            for name in take_newest(names, self._months.counted(), self._days_of, items):
                file_metas, file_lines = self._records_of(name)
                metas += file_metas
                lines += file_lines
            return lines, metas

    def counts(self) -> tuple[int, int]:
        """How many articles and headlines are stored, without loading every month."""
        with self._lock:
            if self._complete:
                return len(self._meta), len(self._headlines)
            articles, lines = len(self._meta), len(self._headlines)
            counted = self._months.counted()
            recounted: dict[str, Tally] = {}
            for name in self._months.names():
                known = counted.get(name)
                fresh = known is not None and known.newest is not None
                if name in self._loaded:  # counted above; its newest day from memory
                    if not fresh and not self._months.changed(name):
                        held = self._loaded[name]
                        day = max(self._days_of(name), default="")
                        recounted[name] = Tally(len(held[0]), len(held[1]), day)
                    continue
                if not fresh:  # changed by hand, a copied database, or counted before days
                    known = recounted[name] = self._months.count(name)
                assert known is not None
                articles += known.articles
                lines += known.headlines
        if recounted:
            # derived: when the database is busy or read-only, it is counted again next time
            with suppress(StoreError), self.lock.write(timeout=0):
                self._months.save_counts(recounted)
        return articles, lines
