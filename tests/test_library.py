"""The library with two writers on one directory (each its own caches and its own lock
handle, as two processes have), and files that are damaged or of the wrong shape."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.ingest.pipeline import import_paths
from reader.library.disk import StoreError
from reader.library.library import Library
from reader.library.records import as_record
from reader.library.storage import AtomicJSONStorage
from reader.models import Article, Headline
from tests.conftest import SEED_000, SEEDS, month_files


def article(n: int) -> Article:
    title = f"خبر رقم {n}"
    return Article(Article.make_id(title, (f"فقرة {n}",)), title, (f"فقرة {n}",), "t")


def test_a_writer_never_writes_over_what_another_wrote_since_it_read(db_dir: Path) -> None:
    one, two = Library(db_dir), Library(db_dir)
    one.add([article(1)], [])
    two.add([article(2)], [Headline(Headline.make_id("10:00", "عاجل"), "10:00", "عاجل", "t")])
    one.add([article(3)], [])  # `one` last read before `two` wrote: it must re-read first
    ids = {m.id for m in Library(db_dir).articles()}
    assert ids == {article(n).id for n in (1, 2, 3)}
    assert len(Library(db_dir).headlines()) == 1
    assert sorted(m.seq for m in Library(db_dir).articles()) == [1, 2, 4]  # the headline took 3


def test_reading_state_and_session_from_two_writers_are_both_kept(db_dir: Path) -> None:
    one, two = Library(db_dir), Library(db_dir)
    one.add([article(1), article(2)], [])
    one.mark_opened(article(1).id)
    two.toggle(article(2).id, "starred")
    one.toggle(article(1).id, "starred")
    two.reading.set_setting("layout", "ltr")
    states = Library(db_dir).reading.states()
    assert (states[article(1).id].read, states[article(1).id].starred) == (True, True)
    assert (states[article(2).id].read, states[article(2).id].starred) == (False, True)
    again = Library(db_dir).reading
    assert again.setting("last_article") == article(1).id and again.setting("layout") == "ltr"


def test_an_open_is_read_and_remembered_with_its_row_in_one_session_write(
    db_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library(db_dir)
    library.add([article(1)], [])
    written: list[str] = []
    write = AtomicJSONStorage.write

    def counted(storage: AtomicJSONStorage, data: dict[str, Any]) -> None:
        written.append(storage.path.name)
        write(storage, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", counted)
    library.mark_opened(article(1).id, "row-1")
    assert len(written) == 2 and "state.json" in written  # the state's shard, the session
    again = Library(db_dir).reading
    assert again.setting("last_row") == "row-1" and again.state(article(1).id).read
    assert again.setting("last_article") == article(1).id


def test_refresh_takes_in_another_writers_articles(db_dir: Path) -> None:
    reader, writer = Library(db_dir), Library(db_dir)
    assert not reader.refresh() or True  # settle the racy window of a brand-new directory
    writer.add([article(7)], [])
    assert reader.refresh() and reader.meta(article(7).id) is not None


def test_feeds_added_by_another_writer_survive_a_fetch_record(db_dir: Path) -> None:
    one, two = Library(db_dir), Library(db_dir)
    one.feeds.add("https://a.example/rss")
    assert [f.url for f in two.feeds.feeds()] == ["https://a.example/rss"]
    two.feeds.add("https://b.example/rss")
    one.feeds.record("https://a.example/rss", status="3 new")
    feeds = {f.url: f.status for f in Library(db_dir).feeds.feeds()}
    assert feeds == {"https://a.example/rss": "3 new", "https://b.example/rss": None}


def test_a_body_stored_before_a_kill_is_not_stored_twice(db_dir: Path) -> None:
    store = Library(db_dir)
    store._bodies.add([as_record(article(1))])  # what a kill between bodies and index leaves
    store.add([article(1)], [])
    bodies = [
        doc["id"]
        for path in (db_dir / "bodies").glob("*.json")
        for doc in json.loads(path.read_text(encoding="utf-8"))["bodies"].values()
    ]
    assert bodies == [article(1).id]


def test_articles_a_kill_left_unindexed_are_indexed_by_the_next_import(db_dir: Path) -> None:
    store = Library(db_dir)
    store.add([article(1)], [])  # stored, then killed before the entity index
    assert store.unindexed() == [article(1).id]
    assert main(["--db", str(db_dir), "import", str(SEED_000)]) == 0
    assert Library(db_dir).unindexed() == []


def test_search_is_per_article_folded_and_rebuildable(db_dir: Path) -> None:
    store = Library(db_dir)
    import_paths(store, [SEEDS])
    found = store.search("الامريكى")  # folded: alef forms, ى/ي; many times in one article
    texts = {a.id: " ".join((a.title, *a.paragraphs)) for a in store.iter_articles()}
    expected = {i for i, text in texts.items() if re.search("ال[اأإآ]مريك[يى]", text)}
    assert found == expected and len(expected) == 1
    assert store.search("بايدن") == store.search("بَايْدِن") != set()  # harakat ignored
    found = store.search("بايدن")
    (db_dir / "search.sqlite").write_bytes(b"not a database at all" * 100)
    again = Library(db_dir)
    assert again.search("بايدن") == found  # damaged derived index: rebuilt from the files


def test_index_of_the_wrong_shape_is_reported_like_damaged_bytes(db_dir: Path) -> None:
    import_paths(Library(db_dir), [SEED_000])
    month = month_files(db_dir)[0]
    for shape in (b"[]", b'{"articles": []}', b'{"articles": {"1": {"title": 3}}}'):
        month.write_bytes(shape)
        with pytest.raises(StoreError, match="damaged"):
            Library(db_dir)
        assert month.read_bytes() == shape


@pytest.mark.parametrize("shape", [b"[]", b'{"mentions": {"1": {"nope": 1}}}', b"\xff{"])
def test_damaged_entity_index_is_set_aside_and_rebuilt(
    db_dir: Path, shape: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_dir), "list"]) == 0
    listed = capsys.readouterr().out
    chunk = db_dir / "entities" / "m000001.json"
    chunk.write_bytes(shape)
    assert main(["--db", str(db_dir), "list"]) == 0  # needs no entity index: does not look
    assert capsys.readouterr().out == listed
    first = listed.split()[0]
    store = Library(db_dir)
    assert store.entities.of(first) != ()  # found damaged when first used, and rebuilt
    assert len(store.warnings) == 1 and "entity index is rebuilt" in store.warnings[0]
    assert [p.read_bytes() for p in chunk.parent.glob("m000001.json.damaged-*")] == [shape]
    assert Library(db_dir).unindexed() == []  # rebuilt: every article is in it again
    assert main(["--db", str(db_dir), "entities", first]) == 0


@pytest.mark.parametrize("shape", [b"[1, 2]", b'{"state": {"1": {"read": true}}}', b"{\x00"])
def test_damaged_reading_state_is_set_aside_with_a_warning(
    db_dir: Path, shape: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_dir), "list"]) == 0
    listed = capsys.readouterr().out
    (db_dir / "state.json").write_bytes(shape)
    assert main(["--db", str(db_dir), "list"]) == 0
    out, err = capsys.readouterr()
    assert out == listed and "reading state starts afresh" in err
    assert [p.read_bytes() for p in db_dir.glob("state.json.damaged-*")] == [shape]
    first = listed.split()[0]
    Library(db_dir).toggle(first, "starred")  # usable again
    assert Library(db_dir).reading.state(first).starred


def test_reindex_rebuilds_both_indexes_from_the_files(
    db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_dir), "list"]) == 0
    store = Library(db_dir)
    found = store.search("بايدن")
    entities = {m.id: store.entities.of(m.id) for m in store.articles()}
    (db_dir / "search.sqlite").unlink()
    shutil.rmtree(db_dir / "entities")
    assert main(["--db", str(db_dir), "reindex"]) == 0
    assert "indexed 2 article(s) and 15 headline(s)" in capsys.readouterr().out
    again = Library(db_dir)
    assert again.fulltext.count() == 17 and again.search("بايدن") == found
    assert {m.id: again.entities.of(m.id) for m in again.articles()} == entities
