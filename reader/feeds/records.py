"""Parsed feed entries to articles and ticker headlines, every string sanitised.

Ids come from the entry's id (or link), not its content, so an edited item keeps its id and
re-fetching never duplicates. An id that is an absolute URI (http:, tag:, urn:) names the item
everywhere, so an item in two feeds of one site is stored once; other ids ("42") are scoped
by the caller: the feed's site link when it has one (so a fetched feed and an imported copy
agree), else its address or file name.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any, NamedTuple

from reader.feeds.html_links import safe_link
from reader.feeds.record_parts import body_paragraphs, local_time, utc_time, with_enclosures
from reader.feeds.types import ParsedFeed, RawEntry
from reader.models import Article, Headline, stable_id
from reader.text.sanitize import clean_line, split_long

_GLOBAL_ID = re.compile(r"^(?:https?://[^/\s]+|tag:|urn:)", re.IGNORECASE)
TITLE_LIMIT = 2000
AUTHOR_LIMIT = 200


Packed = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[str]]
_ARTICLE = attrgetter(*(f.name for f in fields(Article)))
_HEADLINE = attrgetter(*(f.name for f in fields(Headline)))


def pack(records: tuple[list[Article], list[Headline], list[str]]) -> Packed:
    """Records as plain tuples, to send to another process: pickling and unpickling them
    costs a third less than the dataclasses (12 us an item)."""
    articles, headlines, problems = records
    return list(map(_ARTICLE, articles)), list(map(_HEADLINE, headlines)), problems


def unpack(packed: Packed) -> tuple[list[Article], list[Headline], list[str]]:
    articles, headlines, problems = packed
    return [Article(*a) for a in articles], [Headline(*h) for h in headlines], problems


def entry_id(entry: RawEntry, scope: str) -> str:
    key = (entry.key or "").strip()
    if _GLOBAL_ID.match(key):
        return stable_id("feed-entry", key)
    if key:
        return stable_id("feed-entry", scope, key)
    return stable_id("feed-entry", scope, entry.title, str(entry.published or ""), entry.body)


def feed_records(
    feed: ParsedFeed, scope: str, source: str, now: datetime | None = None
) -> tuple[list[Article], list[Headline], list[str]]:
    """(articles, headlines, problems); headlines oldest first, so arrival order is kept."""
    now = (now or datetime.now(UTC)).astimezone()
    stamps = _Now(now, now.isoformat(timespec="seconds"), utc_time(now))
    source = clean_line(source)[:200] or "feed"
    problems = list(feed.problems)
    dated: list[tuple[float, Article, Headline]] = []
    skipped = 0
    for number, entry in enumerate(feed.entries, 1):
        try:
            record = _record(entry, scope, source, stamps)
        except Exception as error:  # noqa: BLE001 - one bad item must never cost the feed
            problems.append(f"item {number} skipped: {clean_line(repr(error))[:200]}")
            continue
        if record is None:
            skipped += 1
        else:
            dated.append(record)
    if skipped:
        problems.append(f"{skipped} item(s) without a title or text skipped")
    dated.sort(key=lambda item: item[0])
    return [a for _, a, _ in dated], [h for _, _, h in dated], problems


class _Now(NamedTuple):
    """The time of the import, and its two forms: one for every entry of the batch."""

    local: datetime
    added: str  # local ISO time, to the second
    at: str | None  # UTC ISO time


def _record(
    entry: RawEntry, scope: str, source: str, now: _Now
) -> tuple[float, Article, Headline] | None:
    """One entry as (time, article, headline); None when it has neither title nor text."""
    paragraphs, links = body_paragraphs(entry)
    paragraphs, links = with_enclosures(entry, paragraphs, links)
    title = (split_long(clean_line(entry.title), TITLE_LIMIT) or [""])[0]
    title = title or (paragraphs[0][:200] if paragraphs else "")
    if not title:
        return None
    local = local_time(entry.published)
    when, at = (local, utc_time(local)) if local else (now.local, now.at)
    day = when.date().isoformat()
    article_id = entry_id(entry, scope)
    article = Article(
        id=article_id,
        title=title,
        paragraphs=tuple(paragraphs),
        source=source,
        published=day if local else None,
        link=safe_link(entry.link or "", entry.base) if entry.link else None,
        author=clean_line(entry.author)[:AUTHOR_LIMIT] or None if entry.author else None,
        links=tuple(links),
        added=now.added,
        published_at=at if local else None,
    )
    headline = Headline(
        id=stable_id("feed-headline", article_id),
        time=f"{when.hour:02}:{when.minute:02}",  # strftime("%H:%M") costs 5x more
        headline=title,
        source=source,
        article_id=article_id,
        date=day,
        at=at,
    )
    return when.timestamp(), article, headline
