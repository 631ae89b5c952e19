"""`newsreader feeds add URL`: fetch the address once and subscribe only to a feed. A web page
is searched for the feeds it names (`<link rel="alternate">`): one is taken, several are
offered. What the fetch brought is stored at once, so the news is there without a `fetch`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime

from reader.commands.common import error, open_store
from reader.commands.feed_check import Checked, check, choose
from reader.commands.screen_text import screen_line, terminal_width
from reader.feeds.discover import Alternate
from reader.library.feed_registry import FeedError, FeedRegistry, normalise_url
from reader.library.store import ArticleStore
from reader.text.sanitize import clean_line


def cmd_add(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        if args.no_fetch:
            registry = FeedRegistry(store.directory)
            url = normalise_url(args.url)
            if (old := registry.get(url)) is not None:
                raise FeedError(f"already subscribed: {url} ({old.label})")
            return _subscribed(registry.add(url, args.name).url, args.name)
        report = add_feed(store, args.url, args.name, args.timeout, choose)
    except FeedError as failure:
        return error(str(failure))
    if report is None:
        return 1
    for line in report:
        print(screen_line(line, max(len(line) + 10, terminal_width())))
    return 0


def add_feed(
    store: ArticleStore,
    url: str,
    name: str | None = None,
    timeout: float = 15,
    pick: Callable[[Checked], Alternate | None] = lambda page: page.alternates[0],
) -> list[str] | None:
    """Fetch `url` once and subscribe to it if it is a feed (or to the feed a web page names,
    as `pick` chooses: None cancels); store what it brought. The (logical) lines to tell;
    FeedError says why not. Shared by `feeds add` and the app's feed list."""
    registry = FeedRegistry(store.directory)
    try:
        return _add(store, registry, url, name, timeout, pick)
    finally:
        registry.close()


def _add(
    store: ArticleStore,
    registry: FeedRegistry,
    url: str,
    name: str | None,
    timeout: float,
    pick: Callable[[Checked], Alternate | None],
) -> list[str] | None:
    url = normalise_url(url)
    if (old := registry.get(url)) is not None:
        raise FeedError(f"already subscribed: {url} ({old.label})")
    found, told = check(url, timeout), []
    if found.alternates:
        if (alt := pick(found)) is None:
            return None
        told.append(f"{url} is a web page; subscribing to its feed {alt.url}")
        if (old := registry.get(normalise_url(alt.url))) is not None:
            raise FeedError(f"already subscribed: {old.url} ({old.label})")
        found = check(normalise_url(alt.url), timeout)  # a page again: refused
    if found.feed is None or found.response is None:
        raise FeedError(f"cannot subscribe to {found.url}: {found.error or 'not a feed'}")
    feed = registry.add(found.url, name)
    return told + _store(store, registry, found, feed.name)


def _store(
    store: ArticleStore, registry: FeedRegistry, found: Checked, name: str | None
) -> list[str]:
    from reader.feeds.records import feed_records
    from reader.library.indexing import index_entities

    parsed, response = found.feed, found.response
    assert parsed is not None and response is not None
    title = clean_line(parsed.title)[:200] or None
    articles, lines, _ = feed_records(parsed, parsed.link or found.url, name or title or found.url)
    new_articles, new_lines, _ = store.add(articles, lines)
    index_entities(store, articles)
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    status = f"{max(new_articles, new_lines)} new"
    registry.record(
        found.url, title=title, etag=response.etag, modified=response.modified,
        status=status, checked=now,
    )  # fmt: skip
    label = name or title
    told = [
        f"subscribed: {clean_line(found.url)}" + (f" ({screen_line(label, 60)})" if label else "")
    ]
    told += [f"  warning: {clean_line(problem)[:300]}" for problem in parsed.problems]
    return told + [f"  {len(articles)} item(s), {new_articles} new article(s) stored"]


def _subscribed(url: str, name: str | None) -> int:
    print(f"subscribed: {clean_line(url)}" + (f" ({screen_line(name, 60)})" if name else ""))
    return 0
