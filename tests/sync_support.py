"""What the sync tests share: a network namespace with a feed server and a real Coldsweat in it,
and generated Arabic feeds whose items the tests can count."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from tests.coldsweat_server import Coldsweat, network_namespace
from tests.fixtures.feeds.server import FeedServer

START = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


def arabic_feed(name: str, count: int, first: int = 0) -> bytes:
    """An RSS feed of `count` items numbered from `first`, newest first as feeds are."""
    items = []
    for n in reversed(range(first, first + count)):
        when = format_datetime(START + timedelta(minutes=n))
        items.append(
            f"<item><title>{escape(f'خبر {name} رقم {n}')}</title>"
            f"<link>http://{name}.example/news/{n}</link><guid>http://{name}.example/news/{n}</guid>"
            f"<pubDate>{when}</pubDate>"
            f"<description>{escape(f'<p>وصل الوفد إلى القاهرة في الخبر {n}.</p>')}"
            "</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(f'أخبار {name}')}</title><link>http://{name}.example/</link>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


@dataclass
class World:
    feeds: FeedServer
    server: Coldsweat

    def publish(self, name: str, count: int, first: int = 0) -> str:
        return self.feeds.add(f"/{name}.xml", body=arabic_feed(name, count, first))


@contextmanager
def coldsweat_world(directory: Path, feeds: dict[str, int]) -> Iterator[World]:
    """Coldsweat with a user subscribed to `feeds` (name -> item count), fetched and running."""
    with network_namespace(), FeedServer() as feed_server:
        world = World(feed_server, Coldsweat(directory))
        urls = {world.publish(name, count): f"أخبار {name}" for name, count in feeds.items()}
        world.server.setup_user()
        world.server.subscribe(urls)
        world.server.fetch()
        world.server.start()
        try:
            yield world
        finally:
            world.server.stop()
