"""A subscribed feed as `feeds.json` holds it (Feed), and the address every feed is
subscribed by (normalise_url); the registry of them is feed_registry.py."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


class FeedError(Exception):
    """A feed cannot be added, found or removed; the message says why."""


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None = None  # the reader's name for it (--name, OPML text)
    title: str | None = None  # the feed's own title, from the last fetch
    site: str | None = None  # the site's home page
    etag: str | None = None
    modified: str | None = None  # Last-Modified as the server sent it
    status: str | None = None  # how the last fetch went
    checked: str | None = None  # when it was last fetched (ISO)
    added: str = ""
    tags: tuple[str, ...] = ()  # the reader's tags (newsboat's `urls` file)

    @property
    def label(self) -> str:
        return self.name or self.title or urlsplit(self.url).netloc or self.url


def normalise_url(url: str) -> str:
    """An http(s) feed address, or FeedError. `feed:` addresses are accepted."""
    url = url.strip()
    lowered = url.lower()
    if lowered.startswith("feed://"):
        url = "http://" + url[7:]
    elif lowered.startswith("feed:"):
        url = url[5:]
    if any(ch.isspace() or not ch.isprintable() for ch in url):  # C0, C1, bidi overrides...
        raise FeedError(f"not a feed address (spaces or control characters): {url!r}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise FeedError(f"not a valid address: {url!r} ({error})") from error
    if parts.scheme.lower() not in ("http", "https"):
        raise FeedError(f"unsupported address {url!r}: only http:// and https:// feeds")
    if not parts.hostname:
        raise FeedError(f"not a valid address: {url!r} has no host")
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()
