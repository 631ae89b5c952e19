"""Fever items to articles and ticker headlines, through the same parser and sanitiser as any
fetched feed (reader.feeds.records): a server is one more hostile source of feed entries.

An item's article id comes from its link, as a fetched feed entry's comes from its id or link,
so two databases syncing with one server store the same item under the same id; an item with
no link is named by the account and its remote id.
"""

from __future__ import annotations

from reader.feeds.records import entry_id, feed_records
from reader.feeds.types import ParsedFeed, RawEntry
from reader.models import Article, Headline
from reader.sync.fever_answers import RemoteItem


def _entry(item: RemoteItem) -> RawEntry:
    return RawEntry(
        key=item.url or f"fever-item-{item.id}",
        title=item.title,
        body=item.html,
        is_html=True,
        base=item.url or "",
        link=item.url,
        author=item.author,
        published=item.created,
    )


def item_records(
    items: list[RemoteItem], feeds: dict[int, str], account: str
) -> tuple[list[Article], list[Headline], dict[int, str]]:
    """(articles, headlines, remote item id -> article id) for one page of items."""
    articles: list[Article] = []
    headlines: list[Headline] = []
    ids: dict[int, str] = {}
    by_feed: dict[int, list[RemoteItem]] = {}
    for item in items:
        by_feed.setdefault(item.feed_id, []).append(item)
    for feed_id, group in by_feed.items():
        source = feeds.get(feed_id) or f"feed {feed_id}"
        parsed = ParsedFeed(title=source, kind="fever", entries=[_entry(i) for i in group])
        found, lines, _ = feed_records(parsed, account, source)
        stored = {a.id for a in found}
        articles.extend(found)
        headlines.extend(lines)
        for item, entry in zip(group, parsed.entries, strict=True):
            article_id = entry_id(entry, account)
            if article_id in stored:
                ids[item.id] = article_id
    return articles, headlines, ids
