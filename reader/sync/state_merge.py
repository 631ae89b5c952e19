"""Each synced item's read and starred state, merged three ways (local, server, and the
base both last agreed on), for one sync (engine.py):

- only the local side changed since the base: the change goes up;
- only the server's side changed: it comes down;
- both changed: read and starred have two values each, so both sides changed a flag to the
  same value (nothing to send) or changed different flags (both are kept). The one case
  left is a side that changed a flag and changed it back, which leaves no trace: then the
  change that left one wins (the Fever API tells no times). docs/sync.md has the reasoning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.library.store import ArticleStore
from reader.library.sync_state import RemoteLink, SyncState, save
from reader.models import ReadingState
from reader.sync.fever import FeverClient
from reader.sync.fever_answers import RemoteItem

if TYPE_CHECKING:
    from reader.sync.engine import SyncReport

SAVE_EVERY = 25  # states sent between two saves of sync.json


def first_meetings(
    store: ArticleStore, page: list[RemoteItem], ids: dict[int, str], state: SyncState
) -> None:
    """Items met for the first time: read or starred on either side stays so; the base is
    the server's, so a local read of an article stored before goes up."""
    store.reading.refresh()
    merged: dict[str, ReadingState] = {}
    for item in page:
        article_id = ids.get(item.id)
        if article_id is None or item.id in state.items:
            continue
        local = merged.get(article_id) or store.reading.state(article_id)
        both = ReadingState(local.read or item.is_read, local.starred or item.is_saved)
        if both != local:
            merged[article_id] = both
        state.items[item.id] = RemoteLink(article_id, item.is_read, item.is_saved)
    if merged:  # one write a page, before the bases are saved
        store.reading.set_many(merged)


def merge_states(
    store: ArticleStore, client: FeverClient, state: SyncState, report: SyncReport
) -> None:
    unread, saved = client.unread_item_ids(), client.saved_item_ids()
    with store.lock.write():  # what is read here and what is written: one step
        to_send = _take_and_agree(store, state, unread, saved, report)
    save(store.directory, state)
    for count, (remote_id, mark, link, name, value) in enumerate(to_send, start=1):
        client.mark_item(remote_id, mark)
        setattr(link, name, value)
        report.sent += 1
        if count % SAVE_EVERY == 0:
            save(store.directory, state)


Send = tuple[int, str, RemoteLink, str, bool]


def _take_and_agree(
    store: ArticleStore, state: SyncState, unread: set[int], saved: set[int], report: SyncReport
) -> list[Send]:
    """Apply what changed only on the server; the changes made only here, to send."""
    store.reading.refresh()
    taken: dict[str, ReadingState] = {}  # what comes down, written in one go
    agreed: list[tuple[RemoteLink, str, bool]] = []  # bases to move once that is written
    to_send: list[Send] = []
    for remote_id, link in state.items.items():
        local = taken.get(link.article_id) or store.reading.state(link.article_id)
        flags = {"read": local.read, "starred": local.starred}
        for name, theirs, marks in (
            ("read", remote_id not in unread, ("read", "unread")),
            ("starred", remote_id in saved, ("saved", "unsaved")),
        ):
            mine, base = flags[name], getattr(link, name)
            if mine != theirs and mine != base:  # changed here only: send it
                to_send.append((remote_id, marks[0] if mine else marks[1], link, name, mine))
            elif mine != theirs:  # changed only on the server: take it
                flags[name] = theirs
                agreed.append((link, name, theirs))
                report.received += 1
            elif mine != base:  # both changed the same way
                agreed.append((link, name, mine))
        if (flags["read"], flags["starred"]) != (local.read, local.starred):
            taken[link.article_id] = ReadingState(flags["read"], flags["starred"])
    if taken:  # the local writes first, then the bases that follow them
        store.reading.set_many(taken)
    for link, name, value in agreed:
        setattr(link, name, value)
    return to_send
