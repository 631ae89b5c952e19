"""A busy month (many part files) on the first screen: only the parts that can hold the
newest records are parsed, and nothing newer than what is shown is ever left out, whatever
order the records were stored in (reader/library/newest.py)."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from reader.library import index_writing
from reader.library.library import Library
from reader.models import Article, Headline
from tests.conftest import month_files


def on_day(n: int, day: int) -> Article:
    title = f"خبر رقم {n} في اليوم {day}"
    body = (f"فقرة الخبر {n}",)
    return Article(Article.make_id(title, body), title, body, "t", f"2024-02-{day:02}")


def busy_month(db: Path, order: list[int]) -> dict[str, str]:
    """200 articles in February (8 a day), stored in batches of 20 in this order; each
    article's day by id."""
    library = Library(db)
    articles = [on_day(n, 1 + n // 8) for n in range(200)]
    for start in range(0, 200, 20):
        library.add([articles[i] for i in order[start : start + 20]], [])
    return {a.id: a.published or "" for a in articles}


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_writing, "PART_RECORDS", 20)


def test_the_first_screen_parses_only_the_parts_with_the_newest_days(db_dir: Path) -> None:
    days = busy_month(db_dir, list(range(200)))  # an archive: oldest first
    assert len(month_files(db_dir)) == 10
    lazy = Library(db_dir, lazy=True)
    _, metas = lazy.recent(30)
    assert 2 <= len(lazy._loaded) <= 4 and not lazy.complete  # of 10 parts
    newest = sorted(days.values(), reverse=True)[29]
    assert {i for i, day in days.items() if day >= newest} <= {m.id for m in metas}
    assert lazy.counts() == (200, 0)  # the totals still count every part


@pytest.mark.parametrize("seed", range(6))
def test_in_any_order_of_storing_nothing_newer_than_what_is_shown_is_left_out(
    db_dir: Path, seed: int
) -> None:
    order = list(range(200))
    random.Random(seed).shuffle(order)
    days = busy_month(db_dir, order)
    for items in (10, 45, 120):
        lazy = Library(db_dir, lazy=True)
        _, metas = lazy.recent(items)
        shown = {m.id for m in metas}
        newest = sorted(days.values(), reverse=True)[items - 1]
        assert len(shown) >= items
        assert {i for i, day in days.items() if day > newest} <= shown, (seed, items)


def test_each_files_newest_day_is_recorded_and_an_older_record_of_it_is_recounted(
    db_dir: Path,
) -> None:
    busy_month(db_dir, list(range(200)))
    counts = db_dir / "index" / "months.json"
    table = json.loads(counts.read_bytes())["months"]
    assert table["2024-02"]["newest"] == "2024-02-03"  # articles 0-19: days 1-3
    assert table["2024-02.009"]["newest"] == "2024-02-25"
    for entry in table.values():  # as an earlier release recorded them
        del entry["newest"]
    counts.write_text(json.dumps({"months": table}), encoding="utf-8")
    assert Library(db_dir, lazy=True).counts() == (200, 0)
    again = json.loads(counts.read_bytes())["months"]
    assert {name: entry["newest"] for name, entry in again.items()}["2024-02.009"] == "2024-02-25"
    assert all(entry["newest"] for entry in again.values())


def test_a_refresh_loads_another_process_s_newer_part_and_not_the_older_ones(
    db_dir: Path,
) -> None:
    order = list(range(200))
    order[:20], order[180:] = order[180:], order[:20]  # the newest stored first, in part 0
    busy_month(db_dir, order)
    lazy = Library(db_dir, lazy=True)
    lazy.recent(30)
    loaded = set(lazy._loaded)
    assert "2024-02" in loaded and len(loaded) < 10
    time.sleep(0.05)  # past the window in which a file's time cannot tell two writes apart
    assert lazy.refresh() is False and set(lazy._loaded) == loaded  # nothing older came in
    other = Library(db_dir)  # another process adds a day at the end of the month
    other.add([on_day(1000 + n, 28) for n in range(25)], [])
    assert lazy.refresh() is True
    assert {on_day(1000, 28).id, on_day(1024, 28).id} <= {m.id for m in lazy.recent(30)[1]}
    assert len(lazy._loaded) < len(month_files(db_dir))


def test_one_batch_of_articles_and_headlines_is_stored_in_runs_of_days(db_dir: Path) -> None:
    """A feed's batch: each article with its headline. The parts are filled day by day, so
    the newest records are in the last part, not spread over the part the batch's articles
    filled and the part its headlines did."""
    articles = [on_day(n, 1 + n // 8) for n in range(100)]  # days 1-13
    lines = [
        Headline(Headline.make_id("10:00", a.title), "10:00", a.title, "t", a.id, a.published)
        for a in articles
    ]
    library = Library(db_dir)
    library.add(articles, lines)
    library.close()
    spans = []
    for path in month_files(db_dir):
        tables = json.loads(path.read_bytes())
        records = [*tables["articles"].values(), *tables["headlines"].values()]
        days = sorted(doc.get("published") or doc.get("date") for doc in records)
        spans.append((days[0], days[-1]))
    spans.sort()
    assert len(spans) == 10  # 200 records, 20 a part
    assert all(left[1] <= right[0] for left, right in zip(spans, spans[1:], strict=False))
    lazy = Library(db_dir, lazy=True)
    _, metas = lazy.recent(10)
    assert len(lazy._loaded) <= 2  # the newest part (and the one before, if it is short)
    newest = {a.id for a in articles if a.published == "2024-02-13"}
    assert newest <= {m.id for m in metas}
