"""newsboat's `cache.db` (SQLite): its feeds, their items, and which items were read or
flagged. Read from the file's bytes, never opened for writing (newsboat may be running).
Items become the neutral feed entries the feed parser makes, so `feed_records` turns them
into articles with the ids a fetch of the same feed gives. Pure code: writes nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.feeds.types import ParsedFeed, RawEntry

MAGIC = b"SQLite format 3\x00"


class CacheError(Exception):
    """Not a newsboat cache, or damaged; the message says why."""


@dataclass
class CacheFeed:
    url: str  # the feed's address (newsboat's rssurl)
    feed: ParsedFeed
    read: set[str] = field(default_factory=set)  # entry keys (guids)
    flagged: set[str] = field(default_factory=set)


def looks_like_cache(data: bytes) -> bool:
    return data.startswith(MAGIC) and b"rss_item" in data[:65536]


def read_cache(data: bytes) -> list[CacheFeed]:
    """Every feed in the cache with its items that are not deleted; CacheError when the
    file is not a newsboat cache."""
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(data)
        feeds = {
            url: CacheFeed(url, ParsedFeed(title=title or "", link=site or None, kind="newsboat"))
            for url, site, title in db.execute("SELECT rssurl, url, title FROM rss_feed")
        }
        rows = db.execute(
            "SELECT guid, title, author, url, feedurl, pubDate, content, unread, flags, base "
            "FROM rss_item WHERE deleted = 0 ORDER BY pubDate, id"
        )
        for guid, title, author, link, feed_url, date, content, unread, flags, base in rows:
            cached = feeds.get(feed_url)
            if cached is None:  # an item of a feed no longer in the cache's feed table
                cached = feeds[feed_url] = CacheFeed(feed_url, ParsedFeed(kind="newsboat"))
            key = guid or link or None
            cached.feed.entries.append(
                RawEntry(
                    key=key,
                    title=title or "",
                    body=content or "",
                    is_html=True,  # newsboat keeps the feed's HTML (or text, read alike)
                    base=base or link or feed_url,
                    link=link or None,
                    author=author or None,
                    published=float(date) if date else None,
                )
            )
            if key and not unread:
                cached.read.add(key)
            if key and (flags or "").strip():
                cached.flagged.add(key)
    except sqlite3.Error as error:
        raise CacheError(f"not a newsboat cache ({error})") from None
    finally:
        db.close()
    return list(feeds.values())
