"""A database written by the release before the library layer (tests/fixtures/legacy_db,
see its README) opens with today's code with nothing lost, and takes new writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import upgrade as upgrade_module
from reader.library.library import Library
from tests.conftest import ROOT, SEEDS, month_files

LEGACY = ROOT / "tests" / "fixtures" / "legacy_db" / "db"
ARTICLES = {  # id: title, as `newsreader list` printed them with that release
    "2a3ccff733542e9b": "الرئيس الأمريكي جو بايدن يجري أول اتصال هاتفي منذ تنصيبه مع"
    " بنيامين نتنياهو",
    "203107b7d80d10c4": 'بلينكن يهاتف لبيد ويدعو لـ"تحسين العلاقات الإسرائيلية الفلسطينية"',
    "e2cd87e910afb77f": "وزير الخارجية يصل إلى القاهرة في زيارة رسمية",
    "b858f97e2b9bf8db": "ارتفاع أسعار الذهب في الأسواق المحلية",
    "e5103f690186088d": "خبر بلا تاريخ",
}


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(LEGACY, tmp_path / "db"))


def test_everything_in_an_old_database_is_there(legacy: Path) -> None:
    library = Library(legacy)
    assert library.warnings == [] and not library.is_new
    assert {m.id: m.title for m in library.articles()} == ARTICLES
    assert len(library.headlines()) == 18
    assert sum(1 for h in library.headlines() if h.article_id) == 4  # 13:49 and the feed's 3
    states = library.reading.states()
    assert {k: (v.read, v.starred) for k, v in states.items()} == {
        "2a3ccff733542e9b": (True, False),
        "203107b7d80d10c4": (True, True),
        "e2cd87e910afb77f": (False, True),
    }
    assert library.reading.setting("last_article") == "203107b7d80d10c4"
    assert library.reading.setting("layout") == "ltr"
    feeds = {f.url: f.name for f in library.feeds.feeds()}
    assert len(feeds) == 4 and feeds["http://127.0.0.1:9/feed.xml"] == "موجز"
    assert library.unindexed() == []
    biden = library.entities.of("2a3ccff733542e9b")
    assert any(entity.text == "جو بايدن" for entity in biden)
    body = library.article("2a3ccff733542e9b")
    assert body is not None and len(body.paragraphs) == 9
    assert library.search("بايدن") >= {"2a3ccff733542e9b"}  # the new search index is built


def test_an_old_database_takes_new_writes_and_keeps_the_old(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(legacy), "import", str(SEEDS)]) == 0  # all duplicates
    page = legacy.parent / "new.txt"
    page.write_text("خبر جديد\n\nفقرة جديدة", encoding="utf-8")
    assert main(["--db", str(legacy), "import", str(page)]) == 0
    Library(legacy).toggle("e5103f690186088d", "starred")
    capsys.readouterr()
    library = Library(legacy)
    assert set(ARTICLES) < {m.id for m in library.articles()} and len(library.articles()) == 6
    assert library.reading.state("203107b7d80d10c4").starred
    assert library.reading.state("e5103f690186088d").starred
    assert library.reading.setting("layout") == "ltr"
    assert len(library.feeds.feeds()) == 4 and library.unindexed() == []


def month_records(db: Path) -> tuple[list[str], list[str]]:
    """Article and headline ids as the month files on disk hold them."""
    articles: list[str] = []
    headlines: list[str] = []
    for path in month_files(db):
        tables = json.loads(path.read_text(encoding="utf-8"))
        articles += [doc["id"] for doc in tables.get("articles", {}).values()]
        headlines += [doc["id"] for doc in tables.get("headlines", {}).values()]
    return articles, headlines


def test_the_old_index_becomes_month_files(legacy: Path) -> None:
    old = json.loads((legacy / "index.json").read_text(encoding="utf-8"))
    Library(legacy).close()
    assert not (legacy / "index.json").exists()
    articles, headlines = month_records(legacy)
    assert sorted(articles) == sorted(ARTICLES) and len(headlines) == 18
    assert sorted(headlines) == sorted(doc["id"] for doc in old["headlines"].values())
    names = {p.stem for p in month_files(legacy)}
    assert "undated" in names and "2021-02" in names  # خبر بلا تاريخ has no date
    again = Library(legacy)  # bodies stayed where they were; each record names its file
    assert {a.id for a in again.iter_articles()} == set(ARTICLES)


def test_an_upgrade_cut_short_is_done_again(legacy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(path: object) -> None:
        raise KeyboardInterrupt  # the process dies after the month files, before the unlink

    monkeypatch.setattr(upgrade_module.os, "unlink", killed)
    with pytest.raises(KeyboardInterrupt):
        Library(legacy)
    assert (legacy / "index.json").exists() and month_files(legacy)
    monkeypatch.undo()
    library = Library(legacy)
    assert {m.id: m.title for m in library.articles()} == ARTICLES
    assert len(library.headlines()) == 18
    articles, headlines = month_records(legacy)
    assert len(articles) == len(set(articles)) == 5 and len(headlines) == len(set(headlines))
    assert not (legacy / "index.json").exists()


def test_a_big_old_month_is_split_into_parts(legacy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upgrade_module, "PART_RECORDS", 4)
    library = Library(legacy)
    assert {m.id for m in library.articles()} == set(ARTICLES) and len(library.headlines()) == 18
    names = {p.stem for p in month_files(legacy)}
    assert "undated.001" in names  # the undated headlines fill more than one part
    articles, headlines = month_records(legacy)
    assert sorted(articles) == sorted(ARTICLES) and len(headlines) == len(set(headlines)) == 18
