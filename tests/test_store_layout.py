"""The layout that keeps writes and the first screen small as the store grows: the index by
month, bodies in chunks (docs/library.md). Checked on the files of a real directory."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from reader.library import index_writing
from reader.library.chunks import CHUNK_BYTES
from reader.library.disk import StoreError
from reader.library.library import Library
from reader.models import Article, Headline
from tests.conftest import month_files


def dated(n: int, month: str) -> Article:
    title = f"خبر رقم {n} من {month}"
    body = tuple(f"فقرة {n} {'نص طويل ' * 40}" for _ in range(3))
    return Article(Article.make_id(title, body), title, body, "t", f"{month}-15")


def signatures(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.json")}


def test_each_month_has_its_file_and_a_batch_rewrites_only_its_months(db_dir: Path) -> None:
    library = Library(db_dir)
    library.add([dated(n, "2024-01") for n in range(5)], [])
    library.add([dated(n, "2024-02") for n in range(5)], [])
    before = signatures(db_dir / "index")
    line = Headline(Headline.make_id("09:00", "عاجل"), "09:00", "عاجل", "t", date="2024-03-01")
    library.add([dated(9, "2024-03")], [line])
    after = signatures(db_dir / "index")
    assert after["2024-01.json"] == before["2024-01.json"]
    assert after["2024-02.json"] == before["2024-02.json"]
    march = json.loads((db_dir / "index" / "2024-03.json").read_text(encoding="utf-8"))
    assert len(march["articles"]) == len(march["headlines"]) == 1
    assert [p.stem for p in month_files(db_dir)] == ["2024-01", "2024-02", "2024-03"]


def test_bodies_fill_chunks_and_a_batch_rewrites_at_most_one_old_chunk(db_dir: Path) -> None:
    library = Library(db_dir)
    library.add([dated(n, "2024-01") for n in range(300)], [])  # ~700 KB of bodies
    chunks = signatures(db_dir / "bodies")
    assert len(chunks) >= 2
    assert all(p.stat().st_size <= CHUNK_BYTES for p in (db_dir / "bodies").iterdir())
    library.add([dated(n, "2024-02") for n in range(3)], [])
    after = signatures(db_dir / "bodies")
    rewritten = [name for name in chunks if after[name] != chunks[name]]
    assert len(rewritten) <= 1 and rewritten == [max(chunks)][: len(rewritten)]
    again = Library(db_dir)
    assert {a.id for a in again.iter_articles()} == {m.id for m in again.articles()}
    article = again.article(dated(150, "2024-01").id)
    assert article is not None and article.title == dated(150, "2024-01").title


def test_the_first_screen_loads_the_newest_months_and_counts_the_rest(db_dir: Path) -> None:
    library = Library(db_dir)
    for month in ("2023-11", "2023-12", "2024-01", "2024-02"):
        library.add([dated(n, month) for n in range(20)], [])
    lazy = Library(db_dir, lazy=True)
    assert not lazy.load_newest(30)  # 2024-02 and 2024-01
    _, loaded = lazy.recent(30)
    assert {m.published for m in loaded} == {"2024-02-15", "2024-01-15"}
    assert lazy.counts() == (80, 0)  # the other months counted without loading them
    assert len(lazy.recent(30)[1]) == 40 and len(lazy.recent(10)[1]) == 20
    assert len(lazy.articles()) == 80 and lazy.complete  # a question about everything


def test_a_lazy_library_takes_in_a_newer_month_another_process_wrote(db_dir: Path) -> None:
    Library(db_dir).add([dated(n, "2024-01") for n in range(3)], [])
    lazy = Library(db_dir, lazy=True)
    lazy.load_newest(1)
    Library(db_dir).add([dated(7, "2024-05")], [])
    assert lazy.refresh()
    assert dated(7, "2024-05").id in {m.id for m in lazy.recent(1)[1]}
    assert lazy.counts() == (4, 0)


def test_the_entity_index_grows_by_chunks_and_reads_an_old_entities_json(db_dir: Path) -> None:
    library = Library(db_dir)
    library.add([dated(n, "2024-01") for n in range(40)], [])
    library.index_pending()
    first = signatures(db_dir / "entities")
    library.add([dated(n, "2024-02") for n in range(3)], [])
    library.index_pending()
    after = signatures(db_dir / "entities")
    assert [name for name in first if after[name] != first[name]] in ([], [max(first)])
    assert Library(db_dir).unindexed() == []
    old = {"mentions": {"1": {"id": "old-article", "entities": [["k", "عمّان", "PLACE", 2]]}}}
    (db_dir / "entities.json").write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    again = Library(db_dir)
    assert again.entities.articles_mentioning("k") == {"old-article"}
    assert again.entities.of(dated(1, "2024-02").id) == library.entities.of(dated(1, "2024-02").id)


def test_a_search_answers_its_newest_matches_first(db_dir: Path) -> None:
    library = Library(db_dir)
    for month in ("2024-01", "2024-02", "2024-03"):
        library.add([dated(n, month) for n in range(10)], [])
    everything = library.search("خبر رقم")
    assert len(everything) == 30
    newest = library.search("خبر رقم", newest=10)
    assert newest == {dated(n, "2024-03").id for n in range(10)}  # stored last


def test_a_library_without_reading_state_does_not_change_by_itself(db_dir: Path) -> None:
    Library(db_dir).add([dated(n, "2024-01") for n in range(3)], [])
    library = Library(db_dir)
    time.sleep(0.05)  # older than the racy window of a file just written
    assert not (db_dir / "state.json").exists()
    assert library.refresh() is False and library.refresh() is False  # nothing was written


def test_a_full_month_goes_on_in_a_new_part(db_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_writing, "PART_RECORDS", 12)
    library = Library(db_dir)
    library.add([dated(n, "2024-01") for n in range(10)], [])
    library.add([dated(n, "2024-02") for n in range(30)], [])  # 12 + 12 + 6
    library.add([dated(n, "2024-02") for n in range(30, 35)], [])  # the last part grows
    sizes = {
        p.stem: len(json.loads(p.read_text(encoding="utf-8"))["articles"])
        for p in month_files(db_dir)
    }
    assert sizes == {"2024-01": 10, "2024-02": 12, "2024-02.001": 12, "2024-02.002": 11}
    lazy = Library(db_dir, lazy=True)
    _, metas = lazy.recent(5)  # every part: all of them hold the newest day (the 15th)
    assert len(metas) == 35 and not lazy.complete
    assert {m.id for m in Library(db_dir).articles()} == {
        dated(n, m).id for m, k in (("2024-01", 10), ("2024-02", 35)) for n in range(k)
    }


def test_a_copied_database_is_counted_once_without_loading_its_months(
    db_dir: Path, tmp_path: Path
) -> None:
    library = Library(db_dir)
    for month in ("2024-01", "2024-02", "2024-03"):
        library.add([dated(n, month) for n in range(10)], [])
    copy = Path(shutil.copytree(db_dir, tmp_path / "copy", copy_function=shutil.copy))
    lazy = Library(copy, lazy=True)  # `cp -r`: new times, so the recorded counts do not hold
    assert lazy.counts() == (30, 0) and not lazy.complete
    assert not lazy._loaded  # counted by parsing each file once, none of them kept
    again = Library(copy, lazy=True)
    assert set(again._months.counted()) == {p.stem for p in month_files(copy)}  # recorded


def test_a_record_naming_a_path_as_its_chunk_is_damage_not_a_read(db_dir: Path) -> None:
    Library(db_dir).add([dated(1, "2024-01")], [])
    month = db_dir / "index" / "2024-01.json"
    tables = json.loads(month.read_text(encoding="utf-8"))
    for doc in tables["articles"].values():
        doc["chunk"] = "../../outside"
    month.write_text(json.dumps(tables), encoding="utf-8")
    (db_dir.parent / "outside.json").write_text('{"bodies": {}}', encoding="utf-8")
    with pytest.raises(StoreError, match="damaged"):
        Library(db_dir).article(dated(1, "2024-01").id)


def test_an_old_article_opens_from_its_one_file_after_a_view_of_everything(
    db_dir: Path,
) -> None:
    """A row of `G` (or of a search, an entity, a feed) is in a file the store did not keep:
    opening it reads that file, and the article the reader left open is read from the file
    the session remembers, without loading every month (docs/library.md)."""
    library = Library(db_dir)
    for month in ("2023-10", "2023-11", "2023-12", "2024-01", "2024-02"):
        library.add([dated(n, month) for n in range(20)], [])
    old = dated(7, "2023-10")
    lazy = Library(db_dir, lazy=True)
    lazy.recent(20)
    rows = lazy.rows(lazy.reading.states())  # a view of everything, a file at a time
    assert old.id in {r.article_id for r in rows} and not lazy.complete
    opened = lazy.article(old.id)
    assert opened is not None and opened.paragraphs == old.paragraphs and not lazy.complete
    lazy.mark_opened(old.id)
    again = Library(db_dir, lazy=True)
    again.recent(20)
    assert again.reading.setting("last_article") == old.id
    restored = again.article(old.id)  # what the app does on start
    assert restored is not None and restored.title == old.title and not again.complete
    again.mark_opened(old.id)  # opened again from there: still remembered where it is
    third = Library(db_dir, lazy=True)
    assert third.article(old.id) is not None and not third.complete
    assert third.article(dated(3, "2023-11").id) is not None and third.complete  # seen nowhere
