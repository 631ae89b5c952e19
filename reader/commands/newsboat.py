"""`newsreader import` of newsboat's files: `urls` subscribes (names from `"~Name"` tags),
`cache.db` subscribes and stores its items with their read and flagged state, so a switch
from newsboat takes one command. A directory holding either file is taken as newsboat's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.feeds.records import entry_id, feed_records
from reader.ingest.newsboat_cache import CacheError, looks_like_cache, read_cache
from reader.ingest.newsboat_urls import looks_like_urls_file, parse_urls
from reader.library.feed_registry import FeedError, FeedRegistry, normalise_url
from reader.library.indexing import index_entities
from reader.library.store import ArticleStore
from reader.models import ImportReport, ReadingState
from reader.text.sanitize import clean_line

FILES = ("urls", "cache.db")  # in this order: names from urls, then the cache's items
MAX_BYTES = 512 * 1024 * 1024


def newsboat_paths(path: Path) -> list[Path]:
    """newsboat's files in a directory (~/.newsboat, ~/.local/share/newsboat ...)."""
    return [path / name for name in FILES if (path / name).is_file()] if path.is_dir() else []


def import_newsboat(store: ArticleStore, path: Path) -> ImportReport | None:
    """Import `path` if it is a newsboat urls file or cache; None when it is neither."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        with path.open("rb") as peek:  # a feed or page file (of any size) is not read twice
            if peek.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<", b"{")):
                return None
        data = path.read_bytes()
    except OSError:
        return None  # the generic import reports it
    report = ImportReport(str(path))
    if looks_like_cache(data):
        try:
            _import_cache(store, data, report)
        except CacheError as error:
            report.problems.append(str(error))
            report.failed = True
        return report
    text = data.decode("utf-8", errors="replace")
    if "\x00" in text or not looks_like_urls_file(text):
        return None
    urls = parse_urls(text)
    report.problems.extend(urls.skipped)
    wanted, tags = [], {}
    for line in urls.feeds:
        try:
            wanted.append((normalise_url(line.url), line.name, None))
        except FeedError as error:
            report.problems.append(str(error))
            continue
        if line.tags:
            tags[wanted[-1][0]] = line.tags
    _subscribe(store, wanted, report)
    if tags:
        store.feeds.tag(tags)
        report.notes.append(f"kept the tags of {len(tags)} feed(s) (see `newsreader feeds list`)")
    report.failed = not wanted
    return report


def _subscribe(
    store: ArticleStore, wanted: Sequence[tuple[str, str | None, str | None]], report: ImportReport
) -> None:
    registry = FeedRegistry(store.directory)
    try:
        new = registry.add_many(list(wanted))
    finally:
        registry.close()
    report.notes.append(
        f"subscribed to {len(new)} new feed(s) ({len(wanted) - len(new)} already subscribed)"
    )


def _import_cache(store: ArticleStore, data: bytes, report: ImportReport) -> None:
    feeds = read_cache(data)
    wanted, titles = [], {}
    for cached in feeds:
        try:
            url = normalise_url(cached.url)
        except FeedError as error:
            report.problems.append(str(error))
            continue
        wanted.append((url, None, cached.feed.link))
        titles[url] = cached.feed.title
    _subscribe(store, wanted, report)
    registry = FeedRegistry(store.directory)
    try:
        for url, title in titles.items():
            feed = registry.get(url)
            if title and feed is not None and not feed.title:
                registry.record(url, title=title)
        names = {f.url: f.label for f in registry.feeds()}
    finally:
        registry.close()
    states: dict[str, ReadingState] = {}
    for cached in feeds:
        parsed, scope = cached.feed, cached.feed.link or cached.url
        source = names.get(_safe(cached.url)) or clean_line(parsed.title) or cached.url
        articles, lines, problems = feed_records(parsed, scope, source)
        report.problems.extend(problems)
        added, headlines, duplicates = store.add(articles, lines)
        index_entities(store, articles)
        report.articles += added
        report.headlines += headlines
        report.duplicates += duplicates
        for entry in parsed.entries:
            if entry.key in cached.read or entry.key in cached.flagged:
                article_id = entry_id(entry, scope)
                old = store.reading.state(article_id)
                states[article_id] = ReadingState(
                    old.read or entry.key in cached.read,
                    old.starred or entry.key in cached.flagged,
                )
    states = {key: state for key, state in states.items() if store.meta(key) is not None}
    store.reading.set_many(states)
    read = sum(s.read for s in states.values())
    report.notes.append(
        f"{read} read and {sum(s.starred for s in states.values())} flagged item(s) kept"
    )
    report.failed = not feeds


def _safe(url: str) -> str:
    try:
        return normalise_url(url)
    except FeedError:
        return url
