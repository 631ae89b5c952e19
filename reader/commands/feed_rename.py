"""`newsreader feeds rename OLD NEW`, and the rename the feed screen (`n`) does: the
subscription gets the new name and every stored item of the feed moves under it, old and
new alike, in one write under the database lock."""

from __future__ import annotations

import argparse

from reader.commands.common import error, open_store
from reader.commands.screen_text import screen_line
from reader.library.feed_registry import Feed, FeedError
from reader.library.store import ArticleStore
from reader.text.sanitize import clean_line


def rename_feed(store: ArticleStore, ref: str, name: str) -> tuple[Feed, int]:
    """Rename the feed `ref` (its address or the name `feeds list` shows); the feed as now
    named and how many stored articles and headlines moved to the new name. An empty name
    drops the reader's name (the feed's own title shows again)."""
    with store.lock.write():
        feed = store.feeds.find(ref)
        store.feeds.record(feed.url, name=clean_line(name)[:200] or None)
        renamed = store.feeds.get(feed.url)
        if renamed is None:  # removed meanwhile (cannot happen under the lock)
            raise FeedError(f"no such feed: {ref!r}")
        return renamed, store.relabel(feed.label, renamed.label)


def cmd_rename(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        feed, moved = rename_feed(store, args.feed, args.name)
    except FeedError as failure:
        return error(str(failure))
    print(
        f"renamed: {clean_line(feed.url)} is now {screen_line(feed.label, 60)}; "
        f"{moved} stored articles and headlines moved to the new name"
    )
    return 0
