"""The shapes of stored records: an article's metadata and a headline as made for the
index files and kept in memory, their repeated strings shared, and back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

from reader.library.storage import Tables
from reader.models import Article, ArticleMeta, Headline

# The fields of each record that repeat (one object kept for each value).
ARTICLE_SHARED = ("source", "published", "chunk", "dateline")
HEADLINE_SHARED = ("source", "date", "time")


def sharing(doc: dict[str, Any], meta: ArticleMeta) -> dict[str, Any]:
    """A headline's stored record holding its article's objects (`_with_article`)."""
    doc["article_id"], doc["headline"], doc["at"] = with_article(
        meta, doc["headline"], doc.get("at")
    )
    return doc


def with_article(meta: ArticleMeta, headline: str, at: str | None) -> tuple[str, str, str | None]:
    """A headline's article id and, when equal, its text and time as its article's own
    objects (the parser made a copy of each: ~300 bytes a feed item kept in memory)."""
    return (
        meta.id,
        meta.title if headline == meta.title else headline,
        meta.published_at if at == meta.published_at else at,
    )


def share_fields(
    doc: dict[str, Any], share: Callable[[str, str], str], fields: tuple[str, ...]
) -> None:
    """The record's repeated strings (dates, source, ...) as the one object kept for each."""
    for field in fields:
        if (value := doc.get(field)).__class__ is str:
            doc[field] = share(value, value)


def chunk_of(meta: ArticleMeta) -> str:
    """The body's file in bodies/: named by the record, or (written before chunks) the
    first two hex digits of the id."""
    return meta.chunk or meta.id[:2]


def relabel_records(tables: Tables, old: str, new: str) -> None:
    for table in ("articles", "headlines"):
        for doc in tables.get(table, {}).values():
            if doc.get("source") == old:
                doc["source"] = new


def new_meta(
    article: Article, seq: int, chunk: str, share: Callable[[str, str], str]
) -> ArticleMeta:
    """The article's metadata, its repeated strings (source, dates) the one object kept for
    each: a library keeps every article's metadata in memory."""
    return ArticleMeta(
        id=article.id,
        title=article.title,
        source=share(article.source, article.source),
        published=shared(article.published, share),
        dateline=shared(article.dateline, share),
        paragraphs=len(article.paragraphs),
        seq=seq,
        published_at=article.published_at,
        chunk=share(chunk, chunk),
    )


def numbered(
    line: Headline,
    seq: int,
    article_id: str | None,
    meta: ArticleMeta | None,
    share: Callable[[str, str], str],
) -> Headline:
    """The headline with its place in arrival order (dataclasses.replace: 3x slower), holding
    its article's objects (`_with_article`) and the repeated strings."""
    headline, at = line.headline, line.at
    if meta is not None:
        article_id, headline, at = with_article(meta, headline, at)
    return Headline(
        id=line.id,
        time=share(line.time, line.time),
        headline=headline,
        source=share(line.source, line.source),
        article_id=article_id,
        date=shared(line.date, share),
        seq=seq,
        at=at,
    )


def shared(value: str | None, share: Callable[[str, str], str]) -> str | None:
    return value if value is None else share(value, value)


NAMES_OF: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def as_record(item: Any) -> dict[str, Any]:
    """A flat record as a dict (dataclasses.asdict deep-copies every value: 10x slower; one
    attrgetter of every field is twice as fast as a getattr per field)."""
    kind = type(item)
    if kind not in NAMES_OF:
        names = tuple(f.name for f in fields(kind))
        NAMES_OF[kind] = names, attrgetter(*names)
    names, values = NAMES_OF[kind]
    return dict(zip(names, values(item), strict=True))


def article_of(doc: dict[str, Any]) -> Article:
    fields = dict(doc)
    fields["paragraphs"] = tuple(fields["paragraphs"])
    fields["links"] = tuple(fields.get("links", ()))
    return Article(**fields)


def unique(items: list[Any]) -> list[Any]:
    return list({item.id: item for item in items}.values())
