"""One article or record by id: from memory, from the one file that holds it, or (found
nowhere else) after loading everything."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from reader.library.disk import DamagedFile
from reader.library.month_refresh import MonthRefresh
from reader.library.records import (
    article_of,
    chunk_of,
)
from reader.library.store_state import LAST_FILE
from reader.models import Article, ArticleMeta


class RecordLookup(MonthRefresh):
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
            doc = self._bodies.body(chunk_of(meta), article_id)
        return article_of(doc) if doc else None

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
            wanted.setdefault(chunk_of(self._meta[key]), set()).add(key)
        for chunk in sorted(wanted):
            with self._lock:
                docs = list(self._bodies.each({chunk: wanted[chunk]}))
            yield from (article_of(doc) for doc in docs)
