"""What a parsed feed holds before it becomes articles: plain, unsanitised records."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawEntry:
    """One feed item as the feed gave it (text not yet sanitised)."""

    key: str | None  # the entry id, else its link: what identifies it across edits
    title: str
    body: str  # content if any, else summary
    is_html: bool
    base: str  # for relative links in the body
    link: str | None
    author: str | None
    published: float | None  # POSIX timestamp
    enclosures: tuple[tuple[str, str], ...] = ()  # (address, media type): podcasts, images


@dataclass
class ParsedFeed:
    title: str = ""
    link: str | None = None  # the site
    self_url: str | None = None  # where the feed says it lives
    kind: str = ""  # feedparser's version: rss20, atom10, rss10 ... or json1
    entries: list[RawEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def is_feed(self) -> bool:
        return bool(self.kind or self.entries)
