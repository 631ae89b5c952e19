"""ArticleStore over real TinyDB files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.ingest.pipeline import import_paths
from reader.library.store import ArticleStore, StoreError
from reader.models import Article, Headline
from tests.conftest import SEED_000, SEED_004, SEEDS, month_files


def test_import_twice_adds_nothing_the_second_time(db_dir: Path) -> None:
    store = ArticleStore(db_dir)
    first = import_paths(store, [SEEDS])
    second = import_paths(store, [SEEDS])
    assert [(r.articles, r.headlines) for r in first] == [(1, 0), (1, 15)]
    assert [(r.articles, r.headlines, r.duplicates) for r in second] == [(0, 0, 1), (0, 0, 16)]
    reopened = ArticleStore(db_dir)
    assert len(reopened.articles()) == 2 and len(reopened.headlines()) == 15


def test_ids_are_content_hashes_stable_across_stores(tmp_path: Path) -> None:
    one, two = ArticleStore(tmp_path / "a"), ArticleStore(tmp_path / "b")
    import_paths(one, [SEED_000])
    import_paths(two, [SEED_000])
    assert [m.id for m in one.articles()] == [m.id for m in two.articles()]
    assert Article.make_id("عنوان", ["فقرة  أولى"]) == Article.make_id("عنوان", ["فقرة أولى"])


def test_headline_same_as_a_title_links_to_that_article(db_dir: Path) -> None:
    store = ArticleStore(db_dir)
    import_paths(store, [SEED_004])
    lines = store.headlines()
    blinken = store.articles()[0]
    assert blinken.title.startswith("بلينكن يهاتف لبيد")
    assert lines[0].time == "13:49" and lines[0].article_id == blinken.id
    assert [line.article_id for line in lines[1:]] == [None] * 14


def test_article_arriving_after_its_headline_links_it(db_dir: Path) -> None:
    store = ArticleStore(db_dir)
    store.add([], [Headline(Headline.make_id("10:00", "خبر عاجل"), "10:00", "خبر عاجل", "t")])
    article = Article(Article.make_id("خبر عاجل", ["نص"]), "خبر عاجل", ("نص",), "t")
    store.add([article], [])
    assert ArticleStore(db_dir).headlines()[0].article_id == article.id


def test_full_article_round_trips(db_dir: Path) -> None:
    store = ArticleStore(db_dir)
    import_paths(store, [SEED_000])
    meta = store.articles()[0]
    article = ArticleStore(db_dir).article(meta.id)
    assert article is not None
    assert article.published == "2021-02-18" and article.dateline == "صدى الاعلام"
    assert len(article.paragraphs) == meta.paragraphs == 9
    assert store.resolve(meta.id[:6]) == meta.id and store.resolve("zz") is None


def test_files_are_readable_arabic_json(db_dir: Path) -> None:
    import_paths(ArticleStore(db_dir), [SEED_000])
    text = "".join(p.read_text(encoding="utf-8") for p in month_files(db_dir))
    assert "جو بايدن" in text and "\\u0" not in text
    for path in month_files(db_dir) + list((db_dir / "bodies").glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))


def test_reading_state_persists_and_never_rewrites_the_index_or_bodies(db_dir: Path) -> None:
    store = ArticleStore(db_dir)
    import_paths(store, [SEEDS])
    others = sorted(p for p in db_dir.rglob("*.json") if p.name != "state.json")
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in others}
    article_id = store.articles()[0].id
    store.reading.set_state(article_id, read=True)
    store.reading.set_state(article_id, starred=True)
    store.reading.set_state(article_id, read=False)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in others} == before
    state = ArticleStore(db_dir).reading.state(article_id)
    assert (state.read, state.starred) == (False, True)


def test_session_settings_persist(db_dir: Path) -> None:
    ArticleStore(db_dir).reading.set_setting("last_article", "abc")
    assert ArticleStore(db_dir).reading.setting("last_article") == "abc"
    assert ArticleStore(db_dir).reading.setting("missing", 7) == 7


def test_damaged_file_is_reported_and_left_untouched(db_dir: Path) -> None:
    import_paths(ArticleStore(db_dir), [SEED_000])
    index = month_files(db_dir)[0]
    index.write_bytes(b'{"articles": {"1": {"id": ')
    with pytest.raises(StoreError, match="damaged"):
        ArticleStore(db_dir)
    assert index.read_bytes() == b'{"articles": {"1": {"id": '


def test_database_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="not a directory"):
        ArticleStore(tmp_path / "file")


def test_a_new_headline_shares_its_articles_strings(db_dir: Path) -> None:
    """The library keeps every record's metadata in memory: a fresh headline holds its
    article's id, title and time, and the repeated dates and source, as one object each (the
    parser made a copy for every record)."""
    store = ArticleStore(db_dir)
    at = "2024-03-05T09:00:00+00:00"
    articles = [
        Article(
            id=f"a{n}",
            title=f"عنوان {n}",
            paragraphs=("نص",),
            source="".join("مصدر"),
            published="".join("2024-03-05"),
            published_at="".join(at),
        )
        for n in range(2)
    ]
    lines = [
        Headline(
            id=f"h{n}",
            time="".join("09:00"),
            headline=f"عنوان {n}",
            source="".join("مصدر"),
            article_id="".join(f"a{n}"),
            date="".join("2024-03-05"),
            at="".join(at),
        )
        for n in range(2)
    ]
    assert lines[0].at is not articles[0].published_at  # copies, as from the parser
    store.add(articles, lines)
    metas = {m.id: m for m in store.articles()}
    first, second = store.headlines()
    assert first.article_id is metas["a0"].id and first.headline is metas["a0"].title
    assert first.at is metas["a0"].published_at
    assert first.date is second.date is metas["a1"].published
    assert first.time is second.time and first.source is metas["a0"].source


def test_a_headline_loaded_before_its_article_shares_its_strings(
    db_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read back from disk, a headline whose file loads before its article's (a busy
    month's next part, loaded first) still holds its article's id, title and time as one
    object each once the article is loaded."""
    monkeypatch.setattr("reader.library.index_writing.PART_RECORDS", 1)  # a record a file
    at = "2024-03-05T09:00:00+00:00"
    article = Article("a1", "عنوان", ("نص",), "مصدر", "2024-03-05", published_at=at)
    line = Headline("h1", "09:00", "عنوان", "مصدر", "a1", "2024-03-05", at=at)
    ArticleStore(db_dir).add([article], [line])
    assert sorted(path.stem for path in month_files(db_dir)) == ["2024-03", "2024-03.001"]
    store = ArticleStore(db_dir)  # the last part first: the headline before its article
    (meta,), (loaded,) = store.articles(), store.headlines()
    assert loaded.article_id is meta.id and loaded.headline is meta.title
    assert loaded.at is meta.published_at
