"""Reading state in small shard files (state/NN.json): a mark rewrites one small file
whatever the number of states, an old state.json's states move into the shards with nothing
lost (also after an upgrade cut short), and a damaged shard costs only its own articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.library.library import Library
from reader.library.reading_store import ReadingStore
from reader.library.state_shards import shard_of
from reader.library.storage import AtomicJSONStorage
from reader.models import ReadingState
from tests.conftest import ROOT

LEGACY = ROOT / "tests" / "fixtures" / "legacy_db" / "db"
EXPECTED = {  # the fixture's states (its README)
    "2a3ccff733542e9b": (True, False),
    "203107b7d80d10c4": (True, True),
    "e2cd87e910afb77f": (False, True),
}


def ids_in(path: Path) -> tuple[list[str], list[str]]:
    """The read and the starred article ids a shard file holds, read as plain JSON."""
    (doc,) = json.loads(path.read_bytes())["state"].values()
    return doc["read"], doc["starred"]


def on_disk(db: Path) -> dict[str, tuple[bool, bool]]:
    """Every state the shard files hold."""
    found: dict[str, tuple[bool, bool]] = {}
    for path in (db / "state").glob("*.json"):
        read, starred = ids_in(path)
        for key in {*read, *starred}:
            found[key] = (key in read, key in starred)
    return found


def snapshot(db: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in db.rglob("*.json")}


def test_a_mark_rewrites_one_small_file(tmp_path: Path) -> None:
    reading = ReadingStore(tmp_path / "state.json")
    ids = [f"{n:016x}" for n in range(6400)]
    reading.set_many({i: ReadingState(read=True) for i in ids})
    before = snapshot(tmp_path)
    reading.mark_opened("00000000deadbeef")
    after = snapshot(tmp_path)
    changed = [p for p in after if before.get(p) != after[p]]
    shards = [p for p in changed if p.parent.name == "state"]
    assert len(shards) == 1 and {p.name for p in changed} - {shards[0].name} == {"state.json"}
    read, starred = ids_in(shards[0])
    assert "00000000deadbeef" in read and not starred
    assert len(read) < 6400 / 20  # a small part of them
    again = ReadingStore(tmp_path / "state.json")
    assert again.state("00000000deadbeef").read and again.setting("last_article")
    assert len(again.states()) == 6401 and all(again.state(i).read for i in ids)
    assert "state" not in json.loads((tmp_path / "state.json").read_bytes())


def test_an_old_state_json_moves_into_the_shards(tmp_path: Path) -> None:
    db = Path(shutil.copytree(LEGACY, tmp_path / "db"))
    library = Library(db)
    assert {k: (v.read, v.starred) for k, v in library.reading.states().items()} == EXPECTED
    assert on_disk(db) == EXPECTED
    session = json.loads((db / "state.json").read_bytes())
    assert "state" not in session and library.reading.setting("layout") == "ltr"
    before = snapshot(db)
    assert Library(db).reading.state("203107b7d80d10c4").starred
    assert snapshot(db) == before  # upgraded once


def test_an_upgrade_cut_short_is_finished_and_the_newer_state_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Path(shutil.copytree(LEGACY, tmp_path / "db"))
    real_write = AtomicJSONStorage.write

    def killed_at_state_json(self: AtomicJSONStorage, data: object) -> None:
        if self.path.name == "state.json":
            raise KeyboardInterrupt  # killed after the shards, before state.json
        real_write(self, data)  # type: ignore[arg-type]

    monkeypatch.setattr(AtomicJSONStorage, "write", killed_at_state_json)
    with pytest.raises(KeyboardInterrupt):
        Library(db)
    monkeypatch.undo()
    assert on_disk(db) == EXPECTED  # both copies now
    # a later change, written into a shard before the upgrade was finished
    for path in (db / "state").glob("*.json"):
        read, starred = ids_in(path)
        if "e2cd87e910afb77f" in starred:
            doc = {"read": [*read, "e2cd87e910afb77f"], "starred": starred}
            path.write_bytes(json.dumps({"state": {"1": doc}}).encode())
    states = Library(db).reading.states()
    assert {k: (v.read, v.starred) for k, v in states.items()} == {
        **EXPECTED,
        "e2cd87e910afb77f": (True, True),
    }
    assert "state" not in json.loads((db / "state.json").read_bytes())


def test_a_damaged_shard_costs_only_its_own_articles(tmp_path: Path) -> None:
    reading = ReadingStore(tmp_path / "state.json")
    reading.set_many({f"{n:016x}": ReadingState(starred=True) for n in range(640)})
    shards = sorted((tmp_path / "state").glob("*.json"))
    damaged = shards[0]
    lost = set(ids_in(damaged)[1])
    damaged.write_bytes(b'{"state": {"1": {"read": tr')
    again = ReadingStore(tmp_path / "state.json")
    assert len(again.warnings) == 1 and damaged.name in again.warnings[0]
    assert [p.read_bytes() for p in tmp_path.glob("state/*.damaged-*")] == [
        b'{"state": {"1": {"read": tr'
    ]
    kept = again.states()
    assert len(kept) == 640 - len(lost) and not lost & set(kept)
    again.set_state(sorted(lost)[0], read=True)
    assert ReadingStore(tmp_path / "state.json").state(sorted(lost)[0]) == ReadingState(True)


def test_a_shard_of_a_document_per_article_is_read_and_written_back_as_lists(
    tmp_path: Path,
) -> None:
    """The shape state/NN.json had for a few hours (main on 2026-12-02)."""
    reading = ReadingStore(tmp_path / "state.json")
    reading.set_state("aaaaaaaaaaaaaaaa", read=True)
    (shard,) = (tmp_path / "state").glob("*.json")
    other = next(f"{n:016x}" for n in range(10**6) if shard_of(f"{n:016x}") == shard_of("a" * 16))
    docs = {
        "1": {"id": "aaaaaaaaaaaaaaaa", "read": True, "starred": False},
        "2": {"id": other, "read": False, "starred": True},
    }
    shard.write_text(json.dumps({"state": docs}), encoding="utf-8")
    again = ReadingStore(tmp_path / "state.json")
    assert again.state("aaaaaaaaaaaaaaaa") == ReadingState(True, False)
    assert again.state(other) == ReadingState(False, True)
    again.set_state("aaaaaaaaaaaaaaaa", starred=True)
    assert ids_in(shard) == (["aaaaaaaaaaaaaaaa"], sorted(["aaaaaaaaaaaaaaaa", other]))


@pytest.mark.parametrize(
    "shape", [b'{"state": {"1": {"read": "abc"}}}', b'{"state": {"1": {"read": [1, 2]}}}']
)
def test_lists_that_are_not_lists_of_ids_are_damage(tmp_path: Path, shape: bytes) -> None:
    reading = ReadingStore(tmp_path / "state.json")
    reading.set_state("aaaaaaaaaaaaaaaa", read=True)
    (shard,) = (tmp_path / "state").glob("*.json")
    shard.write_bytes(shape)
    again = ReadingStore(tmp_path / "state.json")
    assert len(again.warnings) == 1 and again.states() == {}


def test_a_refresh_after_this_process_s_own_marks_finds_no_change(tmp_path: Path) -> None:
    """Within 20 ms of a write the file is read again (its time cannot tell two writes
    apart); that re-read is not a change the app must rebuild its rows for."""
    reading = ReadingStore(tmp_path / "state.json")
    reading.mark_opened("aaaaaaaaaaaaaaaa")
    reading.toggle("bbbbbbbbbbbbbbbb", "starred")
    reading.toggle("bbbbbbbbbbbbbbbb", "starred")  # back to no state at all
    assert reading.refresh() is False
    other = ReadingStore(tmp_path / "state.json")  # another process
    other.set_state("cccccccccccccccc", starred=True)
    assert reading.refresh() is True and reading.state("cccccccccccccccc").starred
    assert reading.refresh() is False


def test_the_states_are_a_view_as_they_were_and_the_read_are_counted(tmp_path: Path) -> None:
    reading = ReadingStore(tmp_path / "state.json")
    ids = [f"{n:016x}" for n in range(300)]
    reading.set_many(
        {i: ReadingState(read=n % 3 != 0, starred=n % 5 == 0) for n, i in enumerate(ids)}
    )
    states = reading.states()
    expected = {
        i: ReadingState(n % 3 != 0, n % 5 == 0)
        for n, i in enumerate(ids)
        if n % 3 != 0 or n % 5 == 0
    }
    assert dict(states) == expected and len(states) == len(expected) == 220
    assert states.get("not-an-article") is None and "not-an-article" not in states
    assert reading.read_count() == 200
    reading.mark_opened(ids[0])  # unread and starred before
    reading.toggle(ids[1], "read")  # read before
    assert states == expected  # the view made before the marks is as it was
    assert reading.states()[ids[0]] == ReadingState(True, True) and ids[1] not in reading.states()
    assert reading.read_count() == 200  # one more, one less
    assert ReadingStore(tmp_path / "state.json").read_count() == 200


def test_an_old_state_json_still_there_is_counted_with_the_shards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database that cannot be written keeps its old state.json's states where they are
    (the upgrade's write fails): they are read and counted from there, under the shards'."""
    db = Path(shutil.copytree(LEGACY, tmp_path / "db"))
    monkeypatch.setattr(ReadingStore, "_upgrade", lambda self: None)
    reading = Library(db).reading
    reading._shards.put([("e2cd87e910afb77f", ReadingState(read=True))])  # newer: it wins
    assert reading.read_count() == 3
    assert reading.states()["e2cd87e910afb77f"] == ReadingState(True, False)
    assert reading.states()["203107b7d80d10c4"] == ReadingState(True, True)
