"""What a Fever server answers, checked: feeds and items of the right shape become
RemoteFeed and RemoteItem, every field type-checked, and anything else is dropped, never
trusted (fever.py asks; strings stay unsanitised until reader.sync.items)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RemoteFeed:
    id: int
    title: str
    url: str
    site: str | None


@dataclass(frozen=True)
class RemoteItem:
    id: int
    feed_id: int
    title: str
    html: str
    url: str | None
    author: str | None
    created: float | None  # POSIX time
    is_read: bool
    is_saved: bool


def dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def typed(doc: dict[str, Any], **kinds: type) -> bool:
    return all(type(doc.get(k)) is kind for k, kind in kinds.items())


def ids(value: Any) -> set[int]:
    """A comma-separated id list ("1,2,3"), as the API sends it."""
    if not isinstance(value, str):
        return set()
    return {int(part) for part in value.split(",") if part.strip().isdigit()}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def item(doc: dict[str, Any]) -> RemoteItem | None:
    if not typed(doc, id=int, feed_id=int):
        return None
    created = doc.get("created_on_time")
    return RemoteItem(
        id=doc["id"],
        feed_id=doc["feed_id"],
        title=_text(doc.get("title")) or "",
        html=_text(doc.get("html")) or "",
        url=_text(doc.get("url")),
        author=_text(doc.get("author")),
        created=float(created) if isinstance(created, int | float) else None,
        is_read=doc.get("is_read") == 1,
        is_saved=doc.get("is_saved") == 1,
    )
