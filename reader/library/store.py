"""ArticleStore: articles, ticker headlines and reading state in TinyDB files.

Layout of a database directory (docs/library.md):
  index.json      articles' metadata and ticker headlines (what lists and the ticker need)
  bodies/XX.json  article bodies, sharded by the first two hex digits of the id
  state.json      reading state and the session (ArticleStore.reading, a ReadingStore)
  entities.json   the entity index: which article mentions which entity (derived)
  feeds.json      the subscriptions (FeedRegistry)
  search.sqlite   the full-text index (derived, SQLite FTS5)
  lock            the advisory lock every writer takes
Showing the ticker never parses a body; marking an article read rewrites only state.json.
Every write happens under the lock, after re-reading whatever another process changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from tinydb import TinyDB, where

from reader.library.entity_index import EntityIndex
from reader.library.feed_registry import FeedRegistry
from reader.library.lock import database_lock
from reader.library.reading_store import ReadingStore
from reader.library.storage import DamagedFile, StoreError, open_db, storage_of
from reader.models import Article, ArticleMeta, Headline
from reader.text.folding import fold

__all__ = ["ArticleStore", "StoreError"]


class ArticleStore:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{self.directory} is not a directory")
        self.is_new = not (self.directory / "index.json").exists()
        self.lock = database_lock(self.directory)
        self._lock = self.lock.thread
        self._index = open_db(self.directory / "index.json")
        self._shards: dict[str, TinyDB] = {}
        self._meta: dict[str, ArticleMeta] = {}
        self._headlines: dict[str, Headline] = {}
        self._doc_ids: dict[str, int] = {}
        self._titles: dict[str, str] | None = None  # fold(title) -> article id, when needed
        self._feeds: FeedRegistry | None = None
        self._load()
        self.lock.try_sweep()
        self.reading = ReadingStore(self.directory / "state.json", self.lock)
        self._entities: EntityIndex | None = None
        self.warnings = list(self.reading.warnings)

    def _load(self) -> None:
        """Compact rows from index.json; the parsed file itself is not kept (a write reads
        it again, under the lock)."""
        meta: dict[str, ArticleMeta] = {}
        headlines: dict[str, Headline] = {}
        doc_ids: dict[str, int] = {}
        storage = storage_of(self._index)
        tables = storage.read() or {}
        try:
            for doc in tables.get("articles", {}).values():
                meta[doc["id"]] = ArticleMeta(**doc)
            for key, doc in tables.get("headlines", {}).items():
                headlines[doc["id"]] = Headline(**doc)
                doc_ids[doc["id"]] = int(key)
        except (KeyError, TypeError, ValueError) as error:
            raise DamagedFile(self._index_path, f"a record of the wrong shape: {error}") from error
        storage.forget()
        self._meta, self._headlines, self._doc_ids = meta, headlines, doc_ids
        self._titles = None

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

    @property
    def _index_path(self) -> Path:
        return self.directory / "index.json"

    def refresh(self) -> bool:
        """Take in what other processes wrote; whether anything changed."""
        with self._lock:
            changed = storage_of(self._index).changed()
            if changed:
                self._load()
            state = self.reading.refresh()
            entities = self._entities.refresh() if self._entities is not None else False
            return changed or state or entities

    # -- reading -------------------------------------------------------------------------------
    def articles(self) -> list[ArticleMeta]:
        with self._lock:
            return sorted(self._meta.values(), key=lambda meta: meta.seq)

    def headlines(self) -> list[Headline]:
        with self._lock:
            return sorted(self._headlines.values(), key=lambda line: line.seq)

    def counts(self) -> tuple[int, int]:
        """How many articles and headlines are stored."""
        return len(self._meta), len(self._headlines)

    def meta(self, article_id: str) -> ArticleMeta | None:
        return self._meta.get(article_id)

    def has(self, record_id: str) -> bool:
        """Whether an article or a headline with this id is stored."""
        return record_id in self._meta or record_id in self._headlines

    def article(self, article_id: str) -> Article | None:
        with self._lock:
            if article_id not in self._meta:
                return None
            docs = self._shard(article_id).table("bodies").search(where("id") == article_id)
            return _article(docs[0]) if docs else None

    def resolve(self, ref: str) -> str | None:
        """An article id from a full id or a unique prefix of at least 4 characters."""
        if ref in self._meta:
            return ref
        found = [i for i in self._meta if len(ref) >= 4 and i.startswith(ref)]
        return found[0] if len(found) == 1 else None

    def iter_articles(self, only: set[str] | None = None) -> Iterable[Article]:
        """Every stored article (or those in `only`) with its body, shard by shard."""
        wanted = set(self._meta) if only is None else only & set(self._meta)
        for shard in sorted({i[:2] for i in wanted}):
            with self._lock:
                docs = self._shard(shard).table("bodies").all()
            yield from (_article(doc) for doc in docs if doc.get("id") in wanted)

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
            seq = max(
                [m.seq for m in self._meta.values()] + [h.seq for h in self._headlines.values()],
                default=0,
            )
            fresh_articles = [a for a in _unique(articles) if a.id not in self._meta]
            fresh_lines = [h for h in _unique(headlines) if h.id not in self._headlines]
            duplicates = len(articles) + len(headlines) - len(fresh_articles) - len(fresh_lines)
            fresh_titles = {fold(a.title): a.id for a in fresh_articles}
            by_title = self._title_keys() if any(not h.article_id for h in fresh_lines) else {}
            metas = []
            for article in fresh_articles:
                seq += 1
                metas.append(_meta(article, seq))
            lines = []
            for line in fresh_lines:
                seq += 1
                key = "" if line.article_id else fold(line.headline)
                linked = line.article_id or fresh_titles.get(key) or by_title.get(key)
                lines.append(replace(line, seq=seq, article_id=linked))
            self._write_bodies(fresh_articles)
            changes = self._link_old_headlines(fresh_articles)
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
            ids = {m.id for m in self._meta.values() if m.source == old}
            lines = {h.id for h in self._headlines.values() if h.source == old}
            if not ids and not lines or old == new:
                return 0
            for shard in sorted({i[:2] for i in ids}):
                self._shard(shard).table("bodies").update({"source": new}, where("source") == old)
            storage = storage_of(self._index)
            tables = storage.read() or {}
            for table in ("articles", "headlines"):
                for doc in tables.get(table, {}).values():
                    if doc.get("source") == old:
                        doc["source"] = new
            storage.write(tables)
            storage.forget()
            self._meta.update((i, replace(self._meta[i], source=new)) for i in ids)
            self._headlines.update((i, replace(self._headlines[i], source=new)) for i in lines)
            return len(ids) + len(lines)

    def _write_index(
        self, metas: list[ArticleMeta], lines: list[Headline], changes: dict[int, str]
    ) -> None:
        """One write of index.json for the whole batch, then the same change in memory."""
        storage = storage_of(self._index)
        tables = storage.read() or {}
        articles = tables.setdefault("articles", {})
        headlines = tables.setdefault("headlines", {})
        next_id = max(map(int, articles), default=0) + 1
        for number, meta in enumerate(metas, start=next_id):
            articles[str(number)] = _record(meta)
        next_id = max(map(int, headlines), default=0) + 1
        numbered = list(enumerate(lines, start=next_id))
        for number, line in numbered:
            headlines[str(number)] = _record(line)
        for doc_id, article_id in changes.items():
            headlines[str(doc_id)]["article_id"] = article_id
        storage.write(tables)
        storage.forget()  # compact rows only, as after _load
        self._meta.update((m.id, m) for m in metas)
        for number, line in numbered:
            self._headlines[line.id], self._doc_ids[line.id] = line, number
        by_doc = {doc_id: key for key, doc_id in self._doc_ids.items()}
        for doc_id, article_id in changes.items():
            key = by_doc[doc_id]
            self._headlines[key] = replace(self._headlines[key], article_id=article_id)

    def _write_bodies(self, articles: list[Article]) -> None:
        by_shard: dict[str, list[Article]] = {}
        for article in articles:
            by_shard.setdefault(article.id[:2], []).append(article)
        for shard, group in sorted(by_shard.items()):
            table = self._shard(shard).table("bodies")
            raw = storage_of(self._shard(shard)).read() or {}
            stored = {doc.get("id") for doc in raw.get("bodies", {}).values()}
            if new := [_record(a) for a in group if a.id not in stored]:
                table.insert_multiple(new)

    def _title_keys(self) -> dict[str, str]:
        """fold(title) -> id of every stored article, folded once per load (not per add)."""
        if self._titles is None:
            self._titles = {fold(m.title): m.id for m in self._meta.values()}
        return self._titles

    def _link_old_headlines(self, articles: list[Article]) -> dict[int, str]:
        titles = {fold(a.title): a.id for a in articles}
        return {
            self._doc_ids[line.id]: found
            for line in self._headlines.values()
            if line.article_id is None and (found := titles.get(fold(line.headline)))
        }

    def _shard(self, key: str) -> TinyDB:
        shard = key[:2]
        if shard not in self._shards:
            self._shards[shard] = open_db(self.directory / "bodies" / f"{shard}.json")
        return self._shards[shard]

    def close(self) -> None:
        with self._lock:
            for db in (self._index, *self._shards.values()):
                db.close()
            self.reading.close()
            if self._entities is not None:
                self._entities.close()
            if self._feeds is not None:
                self._feeds.close()
            self._shards.clear()


def _meta(article: Article, seq: int) -> ArticleMeta:
    return ArticleMeta(
        id=article.id,
        title=article.title,
        source=article.source,
        published=article.published,
        dateline=article.dateline,
        paragraphs=len(article.paragraphs),
        seq=seq,
        link=article.link,
        published_at=article.published_at,
    )


_NAMES: dict[type, tuple[str, ...]] = {}


def _record(item: Any) -> dict[str, Any]:
    """A flat record as a dict (dataclasses.asdict deep-copies every value: 10x slower)."""
    kind = type(item)
    if kind not in _NAMES:
        _NAMES[kind] = tuple(f.name for f in fields(kind))
    return {name: getattr(item, name) for name in _NAMES[kind]}


def _article(doc: dict[str, Any]) -> Article:
    fields = dict(doc)
    fields["paragraphs"] = tuple(fields["paragraphs"])
    fields["links"] = tuple(fields.get("links", ()))
    return Article(**fields)


def _unique(items: list[Any]) -> list[Any]:
    return list({item.id: item for item in items}.values())
