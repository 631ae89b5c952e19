"""What sync remembers, in `sync.json` in the database directory: which account it syncs with,
the highest item id it has, the server's feeds, and for each remote item its local article and
the read/starred state both sides last agreed on (the base).

The queue of local changes is the difference between an article's reading state and its base:
a change made while the server is away (by the app or the CLI, in any process) is kept in
the reading state like any other, and goes up on the next sync; nothing needs to be told about it.
Only a sync writes this file, and a sync runs under the refresh lock, so it is read fresh at
the start of a sync and written back after each step (items stored, states agreed), each
write under the database lock like every other write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.library.disk import DamagedFile
from reader.library.lock import database_lock, set_aside
from reader.library.storage import AtomicJSONStorage
from reader.models import ReadingState

FILENAME = "sync.json"


@dataclass
class RemoteLink:
    article_id: str
    read: bool  # the base: what both sides last agreed on
    starred: bool


@dataclass
class SyncState:
    account: str = ""
    since_id: int = 0
    feeds: dict[int, str] = field(default_factory=dict)  # remote feed id -> title
    items: dict[int, RemoteLink] = field(default_factory=dict)
    last_sync: str | None = None  # ISO time of the last complete sync
    last_error: str | None = None

    def remote_id(self, article_id: str) -> int | None:
        return next(
            (rid for rid, link in self.items.items() if link.article_id == article_id), None
        )

    def by_article(self) -> dict[str, int]:
        return {link.article_id: rid for rid, link in self.items.items()}


def load(directory: Path) -> SyncState:
    """The sync state; a damaged file is set aside (sync starts afresh: the next sync maps
    the server's items to the stored articles again by their links) with a warning."""
    path = Path(directory) / FILENAME
    try:
        tables: dict[str, Any] = AtomicJSONStorage(path).read() or {}
        head: dict[str, Any] = next(iter(tables.get("account", {}).values()), {})
        return SyncState(
            account=str(head.get("account", "")),
            since_id=int(head.get("since_id", 0)),
            feeds={int(k): str(v["title"]) for k, v in tables.get("feeds", {}).items()},
            items={
                int(k): RemoteLink(str(v["article"]), bool(v["read"]), bool(v["starred"]))
                for k, v in tables.get("items", {}).items()
            },
            last_sync=head.get("last_sync"),
            last_error=head.get("last_error"),
        )
    except (DamagedFile, TypeError, ValueError, KeyError, AttributeError) as error:
        with database_lock(Path(directory)).write():
            warning = set_aside(path, f"sync starts afresh ({error})")
        return SyncState(last_error=warning)


def save(directory: Path, state: SyncState) -> None:
    """Written in TinyDB's shape ({table: {id: document}}), like every database file."""
    head = {
        "account": state.account,
        "since_id": state.since_id,
        "last_sync": state.last_sync,
        "last_error": state.last_error,
    }
    tables: dict[str, Any] = {
        "account": {"1": head},
        "feeds": {str(k): {"title": v} for k, v in state.feeds.items()},
        "items": {
            str(k): {"article": v.article_id, "read": v.read, "starred": v.starred}
            for k, v in state.items.items()
        },
    }
    with database_lock(Path(directory)).write():
        AtomicJSONStorage(Path(directory) / FILENAME).write(tables)


def pending(directory: Path, states: Mapping[str, ReadingState]) -> int:
    """How many synced articles have local changes the server has not had yet."""
    sync = load(directory)
    count = 0
    for link in sync.items.values():
        state = states.get(link.article_id)  # none: unread and not starred
        local = (state.read, state.starred) if state is not None else (False, False)
        if local != (link.read, link.starred):
            count += 1
    return count
