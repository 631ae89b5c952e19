"""How many synced articles wait to go up: a local change back to unread and unstarred
(which the reading state stores as no state at all) counts like any other."""

from __future__ import annotations

from pathlib import Path

from reader.library.reading_store import ReadingStore
from reader.library.sync_state import RemoteLink, SyncState, pending, save


def test_an_article_unstarred_since_the_last_sync_is_pending(tmp_path: Path) -> None:
    links = {
        1: RemoteLink("aaaaaaaaaaaaaaaa", read=False, starred=True),
        2: RemoteLink("bbbbbbbbbbbbbbbb", read=True, starred=False),
        3: RemoteLink("cccccccccccccccc", read=False, starred=False),
    }
    save(tmp_path, SyncState(account="me", items=links))
    reading = ReadingStore(tmp_path / "state.json")
    reading.set_state("aaaaaaaaaaaaaaaa", starred=True)
    reading.set_state("bbbbbbbbbbbbbbbb", read=True)
    assert pending(tmp_path, reading.states()) == 0  # as both sides last agreed
    reading.set_state("aaaaaaaaaaaaaaaa", starred=False)  # now neither read nor starred
    reading.set_state("cccccccccccccccc", read=True)
    assert pending(tmp_path, ReadingStore(tmp_path / "state.json").states()) == 2
