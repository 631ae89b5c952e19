"""Storing a group of fetched feeds on the calling thread: their new articles in one write,
then what the fetch learnt of each feed in one write of feeds.json."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reader.feeds.fetch_results import Failure, Result, Summary
from reader.library.feed_registry import Feed, FeedRegistry
from reader.library.store import ArticleStore
from reader.models import Article, Headline
from reader.text.sanitize import clean_line


def subscribed(directory: Path) -> list[Feed]:
    registry = FeedRegistry(directory)
    try:
        return registry.feeds()
    finally:
        registry.close()


def store_group(
    store: ArticleStore, results: list[Result], summary: Summary
) -> tuple[list[tuple[Result, tuple[str, bool]]], list[Article]]:
    """On the calling thread: the news of feeds that arrived together, in one write, then
    what the fetch learnt of each feed; and the articles that were new."""
    fresh: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    articles: list[Article] = []
    headlines: list[Headline] = []
    for result in results:
        new_articles = [a for a in result.records[0] if not (store.has(a.id) or a.id in seen)]
        new_lines = [h for h in result.records[1] if not (store.has(h.id) or h.id in seen)]
        seen.update(a.id for a in new_articles)
        seen.update(h.id for h in new_lines)
        fresh[result.feed.url] = (len(new_articles), len(new_lines))
        articles += new_articles
        headlines += new_lines
    if articles or headlines:
        store.add(articles, headlines)
    learnt = [(result, _record(result, fresh[result.feed.url], summary)) for result in results]
    _write_learnt(store.directory, {r.feed.url: changes for r, (_, _, changes) in learnt})
    return [(result, (status, ok)) for result, (status, ok, _) in learnt], articles


def _record(
    result: Result, fresh: tuple[int, int], summary: Summary
) -> tuple[str, bool, dict[str, str | None]]:
    """What the fetch learnt of one feed: its status, and the changes for feeds.json."""
    feed, now = result.feed, datetime.now().astimezone().isoformat(timespec="seconds")
    changes: dict[str, str | None] = {"checked": now}
    if result.error is not None:
        reason = clean_line(result.error)[:300]  # servers choose what goes into it
        summary.failures.append(Failure(feed.label, feed.url, reason))
        status, ok = f"failed: {reason}", False
    elif result.response is None or result.response.status == 304:
        summary.not_modified += 1
        status, ok = "not modified", True
    else:
        articles, headlines = fresh
        summary.new_articles += articles
        summary.new_headlines += headlines
        status, ok = f"{max(articles, headlines)} new", True
        if result.problems:
            status += f" ({clean_line(result.problems[0])[:120]})"
        changes.update(etag=result.response.etag, modified=result.response.modified)
        changes["title"] = result.title or feed.title
    changes["status"] = status
    return status, ok, changes


def _write_learnt(directory: Path, learnt: dict[str, dict[str, str | None]]) -> None:
    """One write of feeds.json for a group of feeds (opened afresh, so a feed added
    meanwhile by `newsreader feeds add` in another process is not overwritten)."""
    registry = FeedRegistry(directory)
    try:
        registry.record_many(learnt)
    finally:
        registry.close()
