"""Store speed at scale: import N articles, then time what the app's first screen needs
(open the store, build the ticker rows) and what a keypress needs (mark one article read).

Usage: python benchmarks/bench_store.py [N ...]   (default: 10000 100000)
Prints one line per size; numbers go in the README. Not a test: nothing is asserted.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.library.store import ArticleStore  # noqa: E402
from reader.models import Article, Headline  # noqa: E402
from reader.views.ticker_rows import build_rows  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_abffabad426bfcef.txt"


def make(n: int) -> tuple[list[Article], list[Headline]]:
    body = tuple(p for p in SEED.read_text(encoding="utf-8").split("\n") if p)[:6]
    articles, lines = [], []
    for i in range(n):
        title = f"خبر رقم {i} عن الأحداث الجارية في المنطقة"
        article = Article(
            Article.make_id(title, body),
            title,
            body,
            "bench",
            f"2024-{1 + i % 12:02}-{1 + i % 28:02}",
        )
        articles.append(article)
        time_ = f"{i % 24:02}:{i % 60:02}"
        lines.append(
            Headline(
                Headline.make_id(time_, title), time_, title, "bench", article.id, article.published
            )
        )
    return articles, lines


def bench(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db"
        articles, lines = make(n)
        started = time.perf_counter()
        store = ArticleStore(db)
        for start in range(0, n, 5000):
            store.add(articles[start : start + 5000], lines[start : start + 5000])
        imported = time.perf_counter() - started
        store.close()
        started = time.perf_counter()
        store = ArticleStore(db)
        rows = build_rows(store.headlines(), store.articles(), store.reading.states())
        first_screen = time.perf_counter() - started
        store.close()
        tracemalloc.start()  # a second, traced run for memory (tracing slows it down)
        store = ArticleStore(db)
        build_rows(store.headlines(), store.articles(), store.reading.states())
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        target = articles[n // 2].id
        started = time.perf_counter()
        store.reading.set_state(target, read=True)
        mark_read = time.perf_counter() - started
        started = time.perf_counter()
        store.article(target)
        open_one = time.perf_counter() - started
        size = sum(p.stat().st_size for p in db.rglob("*.json")) / 2**20
        print(
            f"{n:>7} articles: import {imported:6.2f} s | first screen (open store + "
            f"{len(rows)} ticker rows) {first_screen * 1000:7.1f} ms, peak {peak / 2**20:6.1f}"
            f" MiB | mark read {mark_read * 1000:5.1f} ms | open one article "
            f"{open_one * 1000:5.1f} ms | {size:6.1f} MiB on disk"
        )


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [10_000, 100_000]:
        bench(size)
