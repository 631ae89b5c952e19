"""The subscribed feeds: `feeds.json` in the database directory, one document per feed,
with what conditional GET needs (ETag, Last-Modified) and how the last fetch went."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import where

from reader.library.feed import Feed, FeedError, normalise_url
from reader.library.lock import DatabaseLock, database_lock
from reader.library.storage import open_db
from reader.text.folding import fold
from reader.text.sanitize import clean_line

FILENAME = "feeds.json"
__all__ = ["FILENAME", "Feed", "FeedError", "FeedRegistry", "normalise_url"]


def _name(value: str | None) -> str | None:
    return clean_line(value)[:200] or None if value else None


class FeedRegistry:
    def __init__(self, directory: Path, lock: DatabaseLock | None = None) -> None:
        self._db = open_db(Path(directory) / FILENAME)
        self._table = self._db.table("feeds")
        self._lock = lock or database_lock(Path(directory))

    def feeds(self) -> list[Feed]:
        with self._lock.thread:
            return [_feed(doc) for doc in self._table.all()]

    def get(self, url: str) -> Feed | None:
        return next((f for f in self.feeds() if f.url == url), None)

    def find(self, ref: str) -> Feed:
        """A feed by address or by name; FeedError when unknown or ambiguous."""
        feeds = self.feeds()
        try:
            url = normalise_url(ref)
        except FeedError:
            url = None
        if found := [f for f in feeds if f.url in (ref.strip(), url)]:
            return found[0]
        key = fold(ref)
        named = [
            f for f in feeds if key in (fold(f.name or ""), fold(f.title or ""), fold(f.label))
        ]
        if len(named) > 1:
            raise FeedError(f"{ref!r} names {len(named)} feeds; give the address instead")
        if not named:
            raise FeedError(f"no such feed: {ref!r} (see `newsreader feeds list`)")
        return named[0]

    def add_many(self, wanted: list[tuple[str, str | None, str | None]]) -> list[Feed]:
        """Subscribe to (url, name, site) triples not yet subscribed, in one write."""
        with self._lock.write():
            known = {f.url for f in self.feeds()}
            now = datetime.now().astimezone().isoformat(timespec="seconds")
            new: dict[str, Feed] = {}
            for url, name, site in wanted:
                url = normalise_url(url)
                if url not in known and url not in new:
                    new[url] = Feed(url, name=_name(name), site=_site(site), added=now)
            if new:
                self._table.insert_multiple(asdict(f) for f in new.values())
            return list(new.values())

    def add(self, url: str, name: str | None = None) -> Feed:
        url = normalise_url(url)
        if (old := self.get(url)) is not None:
            raise FeedError(f"already subscribed: {url} ({old.label})")
        return self.add_many([(url, name, None)])[0]

    def remove(self, ref: str) -> Feed:
        with self._lock.write():
            feed = self.find(ref)
            self._table.remove(where("url") == feed.url)
            return feed

    def record(self, url: str, **changes: Any) -> None:
        """Store what a fetch learnt (etag, modified, status, checked, title)."""
        self.record_many({url: changes})

    def record_many(self, learnt: dict[str, dict[str, Any]]) -> None:
        """`record` for many feeds (url -> changes) in one write of feeds.json; feeds
        removed meanwhile stay removed."""
        for changes in learnt.values():
            if "title" in changes:
                changes["title"] = _name(changes["title"])
        with self._lock.write():
            self._table.update(
                lambda doc: doc.update(learnt[doc["url"]]), where("url").one_of(list(learnt))
            )

    def tag(self, tags: dict[str, tuple[str, ...]]) -> None:
        """Set these feeds' tags (url -> tags), in one write."""
        with self._lock.write():
            changes = [
                ({"tags": [clean_line(t) for t in v]}, where("url") == u) for u, v in tags.items()
            ]
            self._table.update_multiple(changes)

    def close(self) -> None:
        self._db.close()


def _site(url: str | None) -> str | None:
    try:
        return normalise_url(url) if url else None
    except FeedError:
        return None


def _feed(doc: dict[str, Any]) -> Feed:
    known = {f.name for f in fields(Feed)}
    found: dict[str, Any] = {k: v for k, v in doc.items() if k in known}
    found["tags"] = tuple(found.get("tags", ()))
    return Feed(**found)
