"""ArticleStore: articles, ticker headlines and reading state in TinyDB files.

Layout of a database directory (designed for 100,000 articles):
  index.json      articles' metadata and ticker headlines (what lists and the ticker need)
  bodies/XX.json  article bodies, sharded by the first two hex digits of the id
  state.json      reading state and the session (ArticleStore.reading, a ReadingStore)
  entities.json   the entity index: which article mentions which entity
Showing the ticker never parses a body; marking an article read rewrites only state.json.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from tinydb import TinyDB, where

from reader.library.entity_index import EntityIndex
from reader.library.reading_store import ReadingStore
from reader.library.storage import StoreError, open_db
from reader.models import Article, ArticleMeta, Headline
from reader.text.folding import fold

__all__ = ["ArticleStore", "StoreError"]


class ArticleStore:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{self.directory} is not a directory")
        self.is_new = not (self.directory / "index.json").exists()
        self._lock = threading.RLock()
        self._index = open_db(self.directory / "index.json")
        self.reading = ReadingStore(self.directory / "state.json")
        self._shards: dict[str, TinyDB] = {}
        self._meta: dict[str, ArticleMeta] = {}
        self._headlines: dict[str, Headline] = {}
        self._doc_ids: dict[str, int] = {}
        self.entities = EntityIndex(self.directory / "entities.json")
        self._load()

    def _load(self) -> None:
        for doc in self._index.table("articles").all():
            self._meta[doc["id"]] = ArticleMeta(**doc)
        for doc in self._index.table("headlines").all():
            self._headlines[doc["id"]] = Headline(**doc)
            self._doc_ids[doc["id"]] = doc.doc_id

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
            docs = self._shard(article_id).table("bodies").search(_by_id(article_id))
            return _article(docs[0]) if docs else None

    def resolve(self, ref: str) -> str | None:
        """An article id from a full id or a unique prefix of at least 4 characters."""
        if ref in self._meta:
            return ref
        found = [i for i in self._meta if len(ref) >= 4 and i.startswith(ref)]
        return found[0] if len(found) == 1 else None

    def iter_articles(self) -> Iterable[Article]:
        """Every article with its body, shard by shard (for search)."""
        for shard in sorted({i[:2] for i in self._meta}):
            with self._lock:
                docs = self._shard(shard).table("bodies").all()
            yield from (_article(doc) for doc in docs)

    # -- writing -------------------------------------------------------------------------------
    def add(self, articles: list[Article], headlines: list[Headline]) -> tuple[int, int, int]:
        """Add what is new; returns (new articles, new headlines, duplicates skipped)."""
        with self._lock:
            seq = max(
                [m.seq for m in self._meta.values()] + [h.seq for h in self._headlines.values()],
                default=0,
            )
            fresh_articles = [a for a in _unique(articles) if a.id not in self._meta]
            fresh_lines = [h for h in _unique(headlines) if h.id not in self._headlines]
            duplicates = len(articles) + len(headlines) - len(fresh_articles) - len(fresh_lines)
            by_title = {fold(m.title): m.id for m in self._meta.values()}
            by_title.update({fold(a.title): a.id for a in fresh_articles})
            metas = []
            for article in fresh_articles:
                seq += 1
                metas.append(
                    ArticleMeta(
                        id=article.id,
                        title=article.title,
                        source=article.source,
                        published=article.published,
                        dateline=article.dateline,
                        paragraphs=len(article.paragraphs),
                        seq=seq,
                        link=article.link,
                    )
                )
            lines = []
            for line in fresh_lines:
                seq += 1
                linked = line.article_id or by_title.get(fold(line.headline))
                lines.append(replace(line, seq=seq, article_id=linked))
            self._write_bodies(fresh_articles)
            self._link_old_headlines(fresh_articles)
            if metas:
                self._index.table("articles").insert_multiple(asdict(m) for m in metas)
                self._meta.update((m.id, m) for m in metas)
            if lines:
                ids = self._index.table("headlines").insert_multiple(asdict(h) for h in lines)
                for line, doc_id in zip(lines, ids, strict=True):
                    self._headlines[line.id] = line
                    self._doc_ids[line.id] = doc_id
            return len(metas), len(lines), duplicates

    def _write_bodies(self, articles: list[Article]) -> None:
        by_shard: dict[str, list[Article]] = {}
        for article in articles:
            by_shard.setdefault(article.id[:2], []).append(article)
        for shard, group in sorted(by_shard.items()):
            self._shard(shard).table("bodies").insert_multiple(asdict(a) for a in group)

    def _link_old_headlines(self, articles: list[Article]) -> None:
        titles = {fold(a.title): a.id for a in articles}
        for line in list(self._headlines.values()):
            if line.article_id is None and (found := titles.get(fold(line.headline))):
                self._index.table("headlines").update(
                    {"article_id": found}, doc_ids=[self._doc_ids[line.id]]
                )
                self._headlines[line.id] = replace(line, article_id=found)

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
            self.entities.close()
            self._shards.clear()


def _by_id(article_id: str) -> Any:
    return where("id") == article_id


def _article(doc: dict[str, Any]) -> Article:
    fields = dict(doc)
    fields["paragraphs"] = tuple(fields["paragraphs"])
    fields["links"] = tuple(fields.get("links", ()))
    return Article(**fields)


def _unique(items: list[Any]) -> list[Any]:
    return list({item.id: item for item in items}.values())
