"""The records newsreader stores and shows: plain frozen dataclasses."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field


def stable_id(*parts: str) -> str:
    """A content hash: the same normalised content always gives the same id."""
    text = "\x1f".join(unicodedata.normalize("NFC", " ".join(p.split())) for p in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """An article: a title and its paragraphs, in logical (reading) order."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    source: str
    published: str | None = None  # YYYY-MM-DD
    updated: str | None = None  # the site's "last updated" note, as written
    dateline: str | None = None  # "صدى الاعلام" in "صدى الاعلام – ..."
    link: str | None = None
    author: str | None = None
    links: tuple[str, ...] = ()  # links found in the body, numbered in order
    added: str = ""  # ISO timestamp of the import
    published_at: str | None = None  # ISO time in UTC ("...+00:00"), when the feed gave it

    @staticmethod
    def make_id(title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
        return stable_id(title, *paragraphs)


@dataclass(frozen=True, slots=True)
class Headline:
    """A ticker line: a time and a headline, maybe linked to an article."""

    id: str
    time: str  # HH:MM
    headline: str
    source: str
    article_id: str | None = None
    date: str | None = None  # YYYY-MM-DD when known, for grouping by day
    seq: int = 0  # order of arrival: page order within a page
    at: str | None = None  # ISO time in UTC when known (feeds): shown in the reader's zone

    @staticmethod
    def make_id(time: str, headline: str) -> str:
        return stable_id(time, headline)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the ticker and lists need of an article, without its body (nor its link: the
    body's record has it, and 100,000 links held in memory were 9 MB nobody showed)."""

    id: str
    title: str
    source: str
    published: str | None
    dateline: str | None
    paragraphs: int
    seq: int = 0
    published_at: str | None = None  # as Article.published_at (older records: None)
    chunk: str = ""  # the body's file in bodies/ (older records: the id's first 2 digits)


@dataclass(frozen=True, slots=True)
class ReadingState:
    read: bool = False
    starred: bool = False


@dataclass
class ImportReport:
    """What importing one file did."""

    path: str
    articles: int = 0
    headlines: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what happened besides records
    failed: bool = False
    done: bool = False  # every batch of the file has been read
