"""`refresh` against a real HTTP server on 127.0.0.1 serving the fixture feeds."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.feeds import fetch_results, fetch_start, parse_job
from reader.feeds.fetch import refresh
from reader.feeds.fetch_results import Progress
from reader.library.feed_registry import FeedRegistry
from reader.library.store import ArticleStore
from tests.fixtures.feeds.server import FeedServer

LEGACY_TITLE = "الحكومة تعلن خطة جديدة للنقل العام"


@pytest.fixture
def store(db_dir: Path) -> Iterator[ArticleStore]:
    opened = ArticleStore(db_dir)
    yield opened
    opened.close()


def subscribe(store: ArticleStore, *urls: str) -> None:
    FeedRegistry(store.directory).add_many([(url, None, None) for url in urls])


def feeds(store: ArticleStore) -> dict[str, object]:
    return {f.url: f for f in FeedRegistry(store.directory).feeds()}


def test_every_feed_is_fetched_and_one_failure_stops_nothing(
    server: FeedServer, store: ArticleStore
) -> None:
    urls = [
        server.fixture("/arabic.xml", "arabic-rss2.xml"),
        server.fixture("/atom.xml", "atom-rtl.xml", content_type="application/atom+xml"),
        server.fixture("/cp1256.xml", "windows-1256-declared.xml"),
        server.fixture("/cp1256-bare.xml", "windows-1256-undeclared.xml"),
        server.fixture("/iso.xml", "iso-8859-6-declared.xml", content_type="text/xml"),
        server.fixture("/iso-bare.xml", "iso-8859-6-undeclared.xml"),
        server.fixture("/feed.json", "feed.json", content_type="application/feed+json"),
        server.fixture("/malformed.xml", "malformed.xml"),
        server.fixture("/page.html", "not-a-feed.html", content_type="text/html"),
        server.url("/missing"),
    ]
    subscribe(store, *urls)
    seen: list[Progress] = []
    writers: set[str] = set()
    add = store.add

    def spy(*args: object) -> tuple[int, int, int]:
        writers.add(threading.current_thread().name)
        return add(*args)  # type: ignore[arg-type]

    store.add = spy  # type: ignore[method-assign]
    summary = refresh(store, seen.append, timeout=5)
    assert writers == {threading.current_thread().name}  # store writes on the calling thread
    assert (summary.feeds, summary.new_articles, summary.new_headlines) == (10, 12, 12)
    assert sorted((f.url, f.error) for f in summary.failures) == [
        (server.url("/missing"), "HTTP 404 Not Found"),
        (server.url("/page.html"), "not a feed (no RSS, Atom or JSON Feed found)"),
    ]
    assert not summary.all_failed
    assert [p.done for p in seen] == list(range(1, 11)) and {p.total for p in seen} == {10}
    statuses = {p.url: p.status for p in seen}
    assert [statuses[url] for url in urls[:7]] == ["3 new", "2 new", *["1 new"] * 4, "2 new"]
    assert statuses[urls[7]].startswith("1 new (feed is not well-formed")
    titles = {h.headline for h in store.headlines()}
    assert {"وزير الخارجية يصل إلى القاهرة في زيارة رسمية", LEGACY_TITLE} < titles
    assert "عاجل: انطلاق القمة العربية في الرياض" in titles
    sources = {m.source for m in store.articles() if m.title == LEGACY_TITLE}
    assert sources == {"صحيفة الأخبار"}
    assert len([m for m in store.articles() if m.title == LEGACY_TITLE]) == 4
    registry = feeds(store)
    assert registry[urls[0]].title == "أخبار الصباح" and registry[urls[0]].status == "3 new"  # type: ignore[attr-defined]
    assert registry[server.url("/missing")].status == "failed: HTTP 404 Not Found"  # type: ignore[attr-defined]

    again = refresh(store, timeout=5)
    assert (again.new_articles, again.new_headlines) == (0, 0)  # re-fetching never duplicates
    assert len(store.articles()) == 12


def test_conditional_get_gets_a_304(server: FeedServer, store: ArticleStore) -> None:
    stamp = "Tue, 05 Mar 2024 09:30:00 GMT"
    by_etag = server.fixture("/etag.xml", "arabic-rss2.xml", etag='"v1"')
    by_date = server.fixture("/date.xml", "atom-rtl.xml", last_modified=stamp)
    subscribe(store, by_etag, by_date)
    first = refresh(store, timeout=5)
    assert first.new_articles == 5 and first.not_modified == 0
    assert "if-none-match" not in server.seen("/etag.xml")[0]
    second = refresh(store, timeout=5)
    assert second.not_modified == 2 and second.new_articles == 0 and not second.failures
    assert server.seen("/etag.xml")[1]["if-none-match"] == '"v1"'
    assert server.seen("/date.xml")[1]["if-modified-since"] == stamp
    assert feeds(store)[by_etag].status == "not modified"  # type: ignore[attr-defined]


def test_gzip_and_redirects(server: FeedServer, store: ArticleStore) -> None:
    server.fixture("/real.xml", "arabic-rss2.xml", gzip=True)
    server.fixture("/atom.xml", "atom-rtl.xml")
    moved = server.add("/moved", status=301, location=server.url("/real.xml"))
    found = server.add("/found", status=302, location="/atom.xml")
    to_ftp = server.add("/to-ftp", status=302, location="ftp://files.example/feed.xml")
    to_file = server.add("/to-file", status=307, location="file:///etc/passwd")
    subscribe(store, moved, found, to_ftp, to_file)
    summary = refresh(store, timeout=5)
    assert summary.new_articles == 5
    errors = {f.url: f.error for f in summary.failures}
    assert errors[to_ftp] == "redirected to a non-web address: ftp://files.example/feed.xml"
    assert errors[to_file] == "redirected to a non-web address: file:///etc/passwd"
    assert "gzip" in server.seen("/real.xml")[0]["accept-encoding"]
    assert set(feeds(store)) == {moved, found, to_ftp, to_file}  # subscriptions keep addresses


def test_an_arabic_address_is_percent_encoded(server: FeedServer, store: ArticleStore) -> None:
    server.fixture("/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1.xml", "atom-rtl.xml")  # /أخبار.xml
    subscribe(store, server.url("/أخبار.xml"))
    summary = refresh(store, timeout=5)
    assert (summary.new_articles, summary.failures) == (2, [])


def test_a_slow_server_times_out_without_holding_up_the_rest(
    server: FeedServer, store: ArticleStore
) -> None:
    slow = server.fixture("/slow.xml", "arabic-rss2.xml", delay=5)
    quick = server.fixture("/quick.xml", "atom-rtl.xml")
    subscribe(store, slow, quick)
    started = time.monotonic()
    summary = refresh(store, timeout=0.3)
    assert time.monotonic() - started < 3
    assert [(f.url, f.error) for f in summary.failures] == [(slow, "timed out after 0.3 s")]
    assert summary.new_articles == 2


def test_a_trickling_server_is_cut_off(server: FeedServer, store: ArticleStore) -> None:
    # 16 bytes every 0.05 s never trips the 0.2 s socket timeout; the whole download does.
    subscribe(store, server.fixture("/trickle.xml", "arabic-rss2.xml", trickle=0.05))
    started = time.monotonic()
    summary = refresh(store, timeout=0.2)
    assert time.monotonic() - started < 3
    assert [f.error for f in summary.failures] == ["download too slow: cut off"]


def test_every_feed_failing_is_reported(store: ArticleStore) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subscribe(store, f"http://127.0.0.1:{port}/feed.xml")
    summary = refresh(store, timeout=2)
    assert summary.all_failed
    assert summary.failures[0].error.startswith("cannot connect: ")


def test_a_bug_in_one_feed_stays_in_that_feed(
    server: FeedServer, store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = server.fixture("/good.xml", "atom-rtl.xml")
    bad = server.fixture("/bad.xml", "arabic-rss2.xml")
    real = parse_job.parse_feed

    def flaky(data: bytes, url: str = "", content_type: str | None = None):  # type: ignore[no-untyped-def]
        if url.endswith("/bad.xml"):
            raise RuntimeError("boom")
        return real(data, url, content_type)

    monkeypatch.setattr(parse_job, "parse_feed", flaky)
    subscribe(store, good, bad)
    summary = refresh(store, timeout=5)
    assert summary.new_articles == 2
    assert [f.error for f in summary.failures] == ["internal error: RuntimeError: boom"]


def big_feed(items: int) -> bytes:
    entries = "".join(
        f"<item><title>خبر رقم {i}</title><link>http://big.example/{i}</link>"
        f"<pubDate>Tue, 05 Mar 2024 09:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>&lt;p&gt;فقرة الخبر {i} &lt;a href='/x/{i}'&gt;رابط&lt;/a&gt;&lt;/p&gt;"
        "</description></item>"
        for i in range(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>الكبير</title>'
        f"{entries}</channel></rss>"
    ).encode()


def test_a_feed_of_10000_items(server: FeedServer, store: ArticleStore) -> None:
    url = server.add("/big.xml", body=big_feed(10_000), gzip=True)
    subscribe(store, url)
    started = time.monotonic()
    summary = refresh(store, timeout=30)
    elapsed = time.monotonic() - started
    assert (summary.new_articles, summary.new_headlines, summary.failures) == (10_000, 10_000, [])
    assert elapsed < 60, f"10,000 items took {elapsed:.1f} s"
    found = [m for m in store.articles() if m.title == "خبر رقم 9999"]
    assert len(found) == 1
    article = store.article(found[0].id)
    assert article is not None and article.paragraphs == ("فقرة الخبر 9999 رابط [1]",)
    assert article.link == "http://big.example/9999"
    assert article.links == ("http://big.example/x/9999",)


def test_a_feed_added_during_a_refresh_is_kept(server: FeedServer, store: ArticleStore) -> None:
    subscribe(
        store, server.fixture("/a.xml", "atom-rtl.xml"), server.fixture("/b.xml", "feed.json")
    )

    def add_elsewhere(progress: Progress) -> None:  # as `newsreader feeds add` would, meanwhile
        if progress.done == 1:
            FeedRegistry(store.directory).add("https://late.example/rss")

    refresh(store, add_elsewhere, timeout=5)
    assert "https://late.example/rss" in feeds(store)
    assert all(f.checked for url, f in feeds(store).items() if "127.0.0.1" in url)  # type: ignore[attr-defined]


def test_cancelling_drops_the_feeds_not_done(server: FeedServer, store: ArticleStore) -> None:
    subscribe(store, *(server.fixture(f"/{n}.xml", "atom-rtl.xml", delay=0.2) for n in range(4)))
    seen: list[Progress] = []
    summary = refresh(store, seen.append, timeout=5, workers=1, cancelled=lambda: bool(seen))
    assert len(seen) == 1 and summary.new_articles == 2 and not summary.all_failed


def test_many_feeds_are_parsed_and_indexed_on_the_workers(
    server: FeedServer, store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library.indexing import unindexed

    names = ["arabic-rss2.xml", "atom-rtl.xml", "windows-1256-undeclared.xml", "feed.json"]
    urls = [server.fixture(f"/{n}-{name}", name) for n in range(2) for name in names]
    subscribe(store, *urls, server.fixture("/page.html", "not-a-feed.html"))
    assert len(urls) + 1 >= fetch_start.PARALLEL_FEEDS

    def here(*args: object) -> None:
        raise AssertionError("parsed in the calling process")

    monkeypatch.setattr(parse_job, "parse_feed", here)  # the workers have their own, unpatched
    summary = refresh(store, timeout=5, index=False)  # entities: extracted ahead, not after
    assert summary.new_articles == 3 + 2 + 1 + 2  # the second copies are the same items
    assert [f.url for f in summary.failures] == [server.url("/page.html")]
    assert len(store.articles()) == 8 and unindexed(store) == []


def test_everything_is_stored_and_shown_before_the_indexes_catch_up(
    server: FeedServer, store: ArticleStore
) -> None:
    from reader.library.indexing import unindexed

    names = ["arabic-rss2.xml", "atom-rtl.xml", "windows-1256-undeclared.xml", "feed.json"]
    subscribe(store, *(server.fixture(f"/{n}-{name}", name) for n in range(3) for name in names))
    seen: list[tuple[int, int, set[str | None]]] = []

    def stored(summary: fetch_results.Summary) -> None:  # what another process sees at that moment
        other = ArticleStore(store.directory)
        statuses = {f.status for f in FeedRegistry(store.directory).feeds()}
        seen.append((len(other.articles()), len(unindexed(other)), statuses))
        other.close()

    summary = refresh(store, timeout=5, on_stored=stored)
    assert summary.new_articles == 8 and len(seen) == 1
    articles, not_indexed, statuses = seen[0]
    assert articles == 8 and not_indexed == 8  # stored and listed; entities not yet written
    assert None not in statuses  # every feed's outcome written (one write per group)
    assert unindexed(store) == []  # and the index is complete when refresh returns
