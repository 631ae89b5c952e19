"""ArticleStore: articles, ticker headlines and reading state in TinyDB files.

Layout of a database directory (docs/library.md):
  index/YYYY-MM.json  one month's articles' metadata and ticker headlines (months.py)
  bodies/cNNNNNN.json article bodies in chunks of about 256 KiB (chunks.py)
  state/NN.json   reading state in 64 shards; state.json: the session (ArticleStore.reading)
  entities/       the entity index: which article mentions which entity (derived)
  feeds.json      the subscriptions (FeedRegistry)
  search.sqlite   the full-text index (derived, SQLite FTS5)
  lock            the advisory lock every writer takes
Opening loads the months as they are needed: `load_newest` for a first screen, everything
for any question about the whole store. Showing the ticker never parses a body; marking an
article read rewrites one small state shard and the session. Every write happens under the
lock, after re-reading whatever another process changed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import fields, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from reader.library.chunks import ChunkFiles
from reader.library.entity_index import EntityIndex
from reader.library.feed_registry import FeedRegistry
from reader.library.lock import database_lock
from reader.library.months import (
    LEGACY,
    PART_RECORDS,
    UNDATED,
    MonthFiles,
    Tally,
    article_month,
    headline_month,
    month_of_part,
    part_name,
    part_number,
    record_day,
    tally,
)
from reader.library.newest import newest_day, take_newest
from reader.library.reading_store import ReadingStore
from reader.library.storage import DamagedFile, StoreError, Tables, signature
from reader.library.upgrade import upgrade
from reader.models import Article, ArticleMeta, Headline
from reader.text.folding import fold

__all__ = ["ArticleStore", "StoreError"]
LAST_FILE = "last_file"  # in the session: [article id, the index file that holds it]


class ArticleStore:
    def __init__(self, directory: Path, *, lazy: bool = False) -> None:
        """`lazy`: load no month yet (the app's first screen asks for the newest)."""
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{self.directory} is not a directory")
        self.lock = database_lock(self.directory)
        self._lock = self.lock.thread
        self._months = MonthFiles(self.directory)
        new = not self._months.names()
        upgrade(self.directory, self.lock)
        self._bodies = ChunkFiles(self.directory / "bodies")
        self._meta: dict[str, ArticleMeta] = {}
        self._headlines: dict[str, Headline] = {}
        self._loaded: dict[str, tuple[list[str], list[str]]] = {}  # month -> its ids
        self._orphans: dict[str, list[str]] = {}  # article id -> headlines loaded before it
        self._complete = False
        self._titles: dict[str, str] | None = None  # fold(title) -> article id, when needed
        self._strings: dict[str, str] = {}  # the few distinct dates, sources, times, chunks
        self._feeds: FeedRegistry | None = None
        self._streamed: dict[str, tuple[int, ...] | None] = {}  # files batches() read, not kept
        self._days: dict[str, list[str]] = {}  # a loaded file's record days (_days_of)
        self._where: dict[str, tuple[str, ...]] = {}  # a file batches() read: its ids, sorted
        if not lazy:
            self.load_all()
            self.sweep()  # the app sweeps after its first screen
        self.reading = ReadingStore(self.directory / "state.json", self.lock)
        self._entities: EntityIndex | None = None
        self.warnings = list(self.reading.warnings)
        # new, or the seeding of a new library was cut short (its batch spans months)
        self.is_new = new or self.reading.setting("seeding") is True

    def sweep(self) -> None:
        """Remove a killed writer's temporary files, if the database can be written now."""
        self.lock.try_sweep()

    # -- loading months ------------------------------------------------------------------------
    def _load_month(self, name: str) -> None:
        """Compact rows from one month's file; the parsed file itself is not kept (a write
        reads it again, under the lock)."""
        metas, lines = self._read_month(name)
        self._forget_month(name)
        for meta in metas:
            self._meta[meta.id] = meta
            for key in self._orphans.pop(meta.id, ()):  # its headlines came first
                if (line := self._headlines.get(key)) is not None:
                    self._headlines[key] = Headline(**_sharing(_record(line), meta))
        for line in lines:
            if line.article_id and line.article_id not in self._meta:
                self._orphans.setdefault(line.article_id, []).append(line.id)  # another part
            self._headlines[line.id] = line
        self._loaded[name] = ([m.id for m in metas], [h.id for h in lines])
        self._titles = None

    def _meta_in(self, name: str, article_id: str) -> ArticleMeta | None:
        """One article's metadata from a file not loaded: its record alone is made (the
        file's 5,000 took 50-150 ms; the parse takes ~10)."""
        for doc in self._months.read(name).get("articles", {}).values():
            if isinstance(doc, dict) and doc.get("id") == article_id:
                doc.pop("link", None)
                try:
                    return ArticleMeta(**doc)
                except TypeError as error:
                    raise DamagedFile(
                        self._months.path(name), f"a wrong record: {error}"
                    ) from error
        return None

    def _read_month(self, name: str) -> tuple[list[ArticleMeta], list[Headline]]:
        """One month file's records, each headline holding its article's objects when that
        article is in the file or loaded."""
        tables = self._months.read(name)
        share = self._strings.setdefault  # one object per date, source, time, chunk
        metas: dict[str, ArticleMeta] = {}
        lines: list[Headline] = []
        try:
            for doc in tables.get("articles", {}).values():
                _share(doc, share, _ARTICLE_SHARED)
                doc.pop("link", None)  # index records before 2026-12-03 had the link
                metas[doc["id"]] = ArticleMeta(**doc)
            for doc in tables.get("headlines", {}).values():
                _share(doc, share, _HEADLINE_SHARED)
                linked = doc.get("article_id") or ""
                if (known := metas.get(linked) or self._meta.get(linked)) is not None:
                    _sharing(doc, known)
                lines.append(Headline(**doc))
        except (KeyError, TypeError, ValueError) as error:
            raise DamagedFile(
                self._months.path(name), f"a record of the wrong shape: {error}"
            ) from error
        return list(metas.values()), lines

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

    @property
    def complete(self) -> bool:
        return self._complete

    @property
    def entities_loaded(self) -> bool:
        return self._entities is not None

    @property
    def entities(self) -> EntityIndex:
        """The entity index, loaded when first needed (the first screen never needs it).
        A damaged one is set aside and rebuilt here, with a warning."""
        with self._lock:
            if self._entities is None:
                self._entities = EntityIndex(self.directory / "entities.json", self.lock)
                self.warnings.extend(self._entities.warnings)
                if self._entities.warnings:
                    self.index_pending()
            return self._entities

    def refresh(self) -> bool:
        """Take in what other processes wrote; whether anything changed. New months are
        loaded when everything was, or when they are newer than what is loaded."""
        with self._lock:
            was_complete, changed = self._complete, False
            names = self._months.names()
            for name in [n for n in self._loaded if n not in names]:
                self._forget_month(name)  # the old index.json, upgraded by another process
                changed = True
            for name in [n for n in names if n in self._loaded and self._months.changed(n)]:
                self._load_month(name)
                changed = True
            new = [n for n in names if n not in self._loaded]
            if new and not was_complete:
                new = self._newer_than_loaded(new)
            for name in new:
                self._load_month(name)
                changed = True
            self._check_complete(names)
            if self._streamed:  # a view of everything read the files not loaded: changed?
                streamed = {
                    n: signature(self._months.path(n)) for n in names if n not in self._loaded
                }
                if {n: self._streamed.get(n) for n in streamed} != streamed:
                    changed = True
                self._streamed = streamed
            state = self.reading.refresh()
            entities = self._entities.refresh() if self._entities is not None else False
            return changed or state or entities

    def _newer_than_loaded(self, names: list[str]) -> list[str]:
        """The files not loaded whose newest day is as new as a loaded one's: another
        process wrote them (the files left unloaded are older than every loaded one,
        newest.py)."""
        counted = self._months.counted()
        days = [day for n in self._loaded if (day := newest_day(n, counted.get(n)))]
        if not days:
            return []
        oldest = min(days)
        return [n for n in names if newest_day(n, counted.get(n)) >= oldest]

    # -- reading -------------------------------------------------------------------------------
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

    def meta(self, article_id: str) -> ArticleMeta | None:
        """An article's metadata. One in a file not loaded (a row of a view of everything,
        or the article the session left open) is read from that file alone and not kept:
        opening an old article after `G` loaded every month before (7 s and 80 MiB more at
        100,000 articles). Only an article found nowhere else loads everything."""
        if (meta := self._meta.get(article_id)) is not None or self._complete:
            return meta
        opened = self.reading.setting(LAST_FILE)  # [article id, file] (where_opened)
        hint = opened[1] if isinstance(opened, list) and opened[:1] == [article_id] else None
        for name in dict.fromkeys(n for n in (self._streamed_in(article_id), hint) if n):
            with self._lock:
                known = name not in self._loaded and self._months.path(name).exists()
                if known and (found := self._meta_in(name, article_id)) is not None:
                    return found
        self.load_all()
        return self._meta.get(article_id)

    def where_opened(self, article_id: str) -> dict[str, Any]:
        """The session's note of the index file that holds an opened article (meta)."""
        with self._lock:
            for name, (ids, _) in self._loaded.items():
                if article_id in ids:
                    return {LAST_FILE: [article_id, name]}
            streamed = self._streamed_in(article_id)
        return {LAST_FILE: [article_id, streamed]} if streamed else {}

    def _streamed_in(self, article_id: str) -> str | None:
        """The file a view of everything read an article in: each file's ids are kept
        sorted (a pointer an article, where a map of 100,000 ids took 9 MiB)."""
        for name, ids in list(self._where.items()):
            at = bisect_left(ids, article_id)
            if at < len(ids) and ids[at] == article_id:
                return name
        return None

    def has(self, record_id: str) -> bool:
        """Whether an article or a headline with this id is stored."""
        self.load_all()
        return record_id in self._meta or record_id in self._headlines

    def article(self, article_id: str) -> Article | None:
        meta = self.meta(article_id)
        if meta is None:
            return None
        with self._lock:
            doc = self._bodies.body(_chunk(meta), article_id)
        return _article(doc) if doc else None

    def resolve(self, ref: str) -> str | None:
        """An article id from a full id or a unique prefix of at least 4 characters."""
        self.load_all()
        if ref in self._meta:
            return ref
        found = [i for i in self._meta if len(ref) >= 4 and i.startswith(ref)]
        return found[0] if len(found) == 1 else None

    def iter_articles(self, only: set[str] | None = None) -> Iterable[Article]:
        """Every stored article (or those in `only`) with its body, chunk by chunk."""
        self.load_all()
        wanted: dict[str, set[str]] = {}
        for key in set(self._meta) if only is None else only & set(self._meta):
            wanted.setdefault(_chunk(self._meta[key]), set()).add(key)
        for chunk in sorted(wanted):
            with self._lock:
                docs = list(self._bodies.each({chunk: wanted[chunk]}))
            yield from (_article(doc) for doc in docs)

    def unindexed(self) -> list[str]:
        """Stored articles with no entity-index entry yet, oldest first."""
        with self._lock:
            return self.entities.missing(m.id for m in self.articles())

    @property
    def feeds(self) -> FeedRegistry:
        """The subscriptions, written under the same lock."""
        if self._feeds is None:
            self._feeds = FeedRegistry(self.directory, self.lock)
        return self._feeds

    # -- writing -------------------------------------------------------------------------------
    def subscribe(self, outlines: list[tuple[str, str | None, str | None]]) -> list[str]:
        """Subscribe to (url, name, site) found in an OPML file; the addresses that are new."""
        return [feed.url for feed in self.feeds.add_many(outlines)]

    def index(self, articles: Iterable[Article]) -> None:
        """Enter these articles in the entity index (the extractor runs here, not in add)."""
        from reader.library.indexing import index_entities

        index_entities(self, articles)

    def index_pending(self) -> int:
        """Index every stored article that has no entry (a kill came between add and index);
        how many there were."""
        from reader.library.indexing import index_pending

        return index_pending(self)

    def add(self, articles: list[Article], headlines: list[Headline]) -> tuple[int, int, int]:
        """Add what is new; returns (new articles, new headlines, duplicates skipped).

        Bodies are written before the index lists them, so a kill between the two leaves a
        body nobody lists; adding the article again reuses it instead of storing it twice.
        """
        with self.lock.write():
            self.refresh()
            self.load_all()
            seq = max(
                [m.seq for m in self._meta.values()] + [h.seq for h in self._headlines.values()],
                default=0,
            )
            fresh_articles = [a for a in _unique(articles) if a.id not in self._meta]
            fresh_lines = [h for h in _unique(headlines) if h.id not in self._headlines]
            duplicates = len(articles) + len(headlines) - len(fresh_articles) - len(fresh_lines)
            unlinked = any(not h.article_id for h in fresh_lines)
            by_title = self._title_keys() if unlinked else {}
            waiting = [line for line in self._headlines.values() if line.article_id is None]
            # The new titles folded only for a headline that waits for its article, or the
            # cached keys: a feed's headlines come linked (fold costs ~8 us a title).
            wanted = unlinked or waiting or self._titles is not None
            fresh_titles = {fold(a.title): a.id for a in fresh_articles} if wanted else {}
            listed = max((m.chunk for m in self._meta.values() if len(m.chunk) == 7), default="")
            chunks = self._bodies.add((_record(a) for a in fresh_articles), since=listed)
            share = self._strings.setdefault  # kept: as when the months are loaded
            metas = []
            for article in fresh_articles:
                seq += 1
                metas.append(_meta(article, seq, chunks[article.id], share))
            fresh = {meta.id: meta for meta in metas}
            lines = []
            for line in fresh_lines:
                seq += 1
                key = "" if line.article_id else fold(line.headline)
                linked = line.article_id or fresh_titles.get(key) or by_title.get(key)
                meta = fresh.get(linked or "") or self._meta.get(linked or "")
                lines.append(_numbered(line, seq, linked, meta, share))
            changes = self._link_old_headlines(fresh_titles, waiting)
            if metas or lines or changes:
                self._write_index(metas, lines, changes)
            if self._titles is not None:
                self._titles.update(fresh_titles)
            return len(metas), len(lines), duplicates

    def relabel(self, old: str, new: str) -> int:
        """Move every stored article and headline of source `old` to `new` (a feed was
        renamed), bodies included, under the lock; how many records moved."""
        with self.lock.write():
            self.refresh()
            self.load_all()
            ids = {m.id for m in self._meta.values() if m.source == old}
            lines = {h.id for h in self._headlines.values() if h.source == old}
            if not ids and not lines or old == new:
                return 0
            for chunk in sorted({_chunk(self._meta[i]) for i in ids}):
                tables = {"bodies": self._bodies.read(chunk)}
                for doc in tables["bodies"].values():
                    if doc.get("source") == old:
                        doc["source"] = new
                self._bodies.write(chunk, tables)
            parts = set(self._parts_of(ids | lines).values())
            self._rewrite(parts, lambda name, tables: _relabel(tables, old, new))
            self._meta.update((i, replace(self._meta[i], source=new)) for i in ids)
            self._headlines.update((i, replace(self._headlines[i], source=new)) for i in lines)
            return len(ids) + len(lines)

    def _rewrite(self, months: Iterable[str], change: Callable[[str, Tables], None]) -> None:
        """Read, change and write each of these months' files; then record their counts."""
        counts = {}
        for name in sorted(months):
            tables = self._months.read(name)
            change(name, tables)
            self._months.write(name, tables)
            counts[name] = tally(tables)
        self._months.save_counts(counts)

    def _write_index(
        self, metas: list[ArticleMeta], lines: list[Headline], changes: dict[str, str]
    ) -> None:
        """One write of each file of a month the batch touches (the month's last part, and
        new parts when it is full), then the same change in memory."""
        Part = tuple[list[ArticleMeta], list[Headline], dict[str, str]]
        by_month: dict[str, Part] = {}
        for meta in metas:
            by_month.setdefault(article_month(meta), ([], [], {}))[0].append(meta)
        for line in lines:
            by_month.setdefault(headline_month(line), ([], [], {}))[1].append(line)
        by_part: dict[str, Part] = {}
        for month, (month_metas, month_lines, _) in by_month.items():
            places = iter(self._places(month, len(month_metas) + len(month_lines)))
            for meta in month_metas:
                by_part.setdefault(next(places), ([], [], {}))[0].append(meta)
            for line in month_lines:
                by_part.setdefault(next(places), ([], [], {}))[1].append(line)
        for line_id, part in self._parts_of(set(changes)).items():
            by_part.setdefault(part, ([], [], {}))[2][line_id] = changes[line_id]

        def apply(name: str, tables: Tables) -> None:
            month_metas, month_lines, month_changes = by_part[name]
            articles = tables.setdefault("articles", {})
            headlines = tables.setdefault("headlines", {})
            next_id = max(map(int, articles), default=0) + 1
            for number, meta in enumerate(month_metas, start=next_id):
                articles[str(number)] = _record(meta)
            next_id = max(map(int, headlines), default=0) + 1
            for number, line in enumerate(month_lines, start=next_id):
                headlines[str(number)] = _record(line)
            for doc in headlines.values() if month_changes else ():
                if doc.get("id") in month_changes:
                    doc["article_id"] = month_changes[doc["id"]]

        self._rewrite(by_part, apply)
        for name, (month_metas, month_lines, _) in by_part.items():
            self._days.pop(name, None)
            ids = self._loaded.setdefault(name, ([], []))
            ids[0].extend(m.id for m in month_metas)
            ids[1].extend(h.id for h in month_lines)
        self._meta.update((m.id, m) for m in metas)
        for line in lines:
            self._headlines[line.id] = line
        for line_id, article_id in changes.items():
            self._headlines[line_id] = replace(self._headlines[line_id], article_id=article_id)

    def _places(self, month: str, count: int) -> list[str]:
        """The files the next `count` records of a month go to, in order: its last part
        until it holds PART_RECORDS, then new parts."""
        parts = [n for n in self._loaded if month_of_part(n) == month]
        number = max(map(part_number, parts), default=0)
        used = sum(map(len, self._loaded.get(part_name(month, number), ([], []))))
        places = []
        for _ in range(count):
            if used >= PART_RECORDS:
                number, used = number + 1, 0
            places.append(part_name(month, number))
            used += 1
        return places

    def _parts_of(self, ids: set[str]) -> dict[str, str]:
        """The file each of these records is in."""
        if not ids:
            return {}
        return {
            key: name
            for name, (articles, lines) in self._loaded.items()
            for key in (*articles, *lines)
            if key in ids
        }

    def _title_keys(self) -> dict[str, str]:
        """fold(title) -> id of every stored article, folded once per load (not per add)."""
        if self._titles is None:
            self._titles = {fold(m.title): m.id for m in self._meta.values()}
        return self._titles

    def _link_old_headlines(
        self, titles: dict[str, str], waiting: list[Headline]
    ) -> dict[str, str]:
        """The stored headlines without an article (`waiting`) whose folded text is one of
        these titles (fold(title) -> id of a new article)."""
        return {
            line.id: found
            for line in waiting
            if titles and (found := titles.get(fold(line.headline)))
        }

    def close(self) -> None:
        with self._lock:
            self.reading.close()
            if self._entities is not None:
                self._entities.close()
            if self._feeds is not None:
                self._feeds.close()


# The fields of each record that repeat (one object kept for each value).
_ARTICLE_SHARED = ("source", "published", "chunk", "dateline")
_HEADLINE_SHARED = ("source", "date", "time")


def _sharing(doc: dict[str, Any], meta: ArticleMeta) -> dict[str, Any]:
    """A headline's stored record holding its article's objects (`_with_article`)."""
    doc["article_id"], doc["headline"], doc["at"] = _with_article(
        meta, doc["headline"], doc.get("at")
    )
    return doc


def _with_article(meta: ArticleMeta, headline: str, at: str | None) -> tuple[str, str, str | None]:
    """A headline's article id and, when equal, its text and time as its article's own
    objects (the parser made a copy of each: ~300 bytes a feed item kept in memory)."""
    return (
        meta.id,
        meta.title if headline == meta.title else headline,
        meta.published_at if at == meta.published_at else at,
    )


def _share(doc: dict[str, Any], share: Callable[[str, str], str], fields: tuple[str, ...]) -> None:
    """The record's repeated strings (dates, source, ...) as the one object kept for each."""
    for field in fields:
        if (value := doc.get(field)).__class__ is str:
            doc[field] = share(value, value)


def _chunk(meta: ArticleMeta) -> str:
    """The body's file in bodies/: named by the record, or (written before chunks) the
    first two hex digits of the id."""
    return meta.chunk or meta.id[:2]


def _relabel(tables: Tables, old: str, new: str) -> None:
    for table in ("articles", "headlines"):
        for doc in tables.get(table, {}).values():
            if doc.get("source") == old:
                doc["source"] = new


def _meta(article: Article, seq: int, chunk: str, share: Callable[[str, str], str]) -> ArticleMeta:
    """The article's metadata, its repeated strings (source, dates) the one object kept for
    each: a library keeps every article's metadata in memory."""
    return ArticleMeta(
        id=article.id,
        title=article.title,
        source=share(article.source, article.source),
        published=_shared(article.published, share),
        dateline=_shared(article.dateline, share),
        paragraphs=len(article.paragraphs),
        seq=seq,
        published_at=article.published_at,
        chunk=share(chunk, chunk),
    )


def _numbered(
    line: Headline,
    seq: int,
    article_id: str | None,
    meta: ArticleMeta | None,
    share: Callable[[str, str], str],
) -> Headline:
    """The headline with its place in arrival order (dataclasses.replace: 3x slower), holding
    its article's objects (`_with_article`) and the repeated strings."""
    headline, at = line.headline, line.at
    if meta is not None:
        article_id, headline, at = _with_article(meta, headline, at)
    return Headline(
        id=line.id,
        time=share(line.time, line.time),
        headline=headline,
        source=share(line.source, line.source),
        article_id=article_id,
        date=_shared(line.date, share),
        seq=seq,
        at=at,
    )


def _shared(value: str | None, share: Callable[[str, str], str]) -> str | None:
    return value if value is None else share(value, value)


_NAMES: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _record(item: Any) -> dict[str, Any]:
    """A flat record as a dict (dataclasses.asdict deep-copies every value: 10x slower; one
    attrgetter of every field is twice as fast as a getattr per field)."""
    kind = type(item)
    if kind not in _NAMES:
        names = tuple(f.name for f in fields(kind))
        _NAMES[kind] = names, attrgetter(*names)
    names, values = _NAMES[kind]
    return dict(zip(names, values(item), strict=True))


def _article(doc: dict[str, Any]) -> Article:
    fields = dict(doc)
    fields["paragraphs"] = tuple(fields["paragraphs"])
    fields["links"] = tuple(fields.get("links", ()))
    return Article(**fields)


def _unique(items: list[Any]) -> list[Any]:
    return list({item.id: item for item in items}.values())
