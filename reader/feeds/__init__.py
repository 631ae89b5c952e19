"""Feeds: subscriptions (RSS, Atom, JSON Feed, OPML) and fetching them.

`refresh(store, on_progress, timeout) -> Summary` is what the app and `newsreader fetch` call.
Names are re-exported lazily: the import pipeline imports `reader.feeds.sniff` on every run,
and feedparser and BeautifulSoup are not needed until a feed is read.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["Failure", "Feed", "FeedError", "FeedRegistry", "Progress", "Summary", "refresh"]

_HOMES = {
    "Failure": "fetch",
    "Progress": "fetch",
    "Summary": "fetch",
    "refresh": "fetch",
    "Feed": "registry",
    "FeedError": "registry",
    "FeedRegistry": "registry",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"reader.feeds.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'reader.feeds' has no attribute {name!r}")
