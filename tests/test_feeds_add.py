"""`newsreader feeds add` fetches the address once, against a real HTTP server on 127.0.0.1:
feeds are subscribed under their own title, everything else is refused with a clear message
and a non-zero exit; a web page is searched for the feeds it names."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from reader.feeds.discover import alternate_feeds
from tests.conftest import run
from tests.fixtures.feeds.server import FeedServer

PAGE = b"""<!DOCTYPE html><html><head><title>\xd8\xa3\xd8\xae\xd8\xa8\xd8\xa7\xd8\xb1</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="RSS" href="/arabic.xml">
</head><body><p>page</p></body></html>"""

TWO = b"""<html><head><base href="http://elsewhere.example/">
<link rel="alternate" type="application/atom+xml" title="Atom \x1b[31m" href="feed.atom">
<LINK REL="Alternate feed" TYPE="application/feed+json" HREF="https://elsewhere.example/j">
<link rel="alternate" type="text/html" href="/print">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head></html>"""


def feeds(capsys: pytest.CaptureFixture[str], db: list[str]) -> list[dict[str, object]]:
    status, out, _ = run(capsys, *db, "feeds", "list", "--json")
    assert status == 0
    return list(json.loads(out))


def test_a_feed_is_subscribed_under_its_own_title_and_its_items_stored(
    db_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_dir)]
    url = server.fixture("/arabic.xml", "arabic-rss2.xml", etag='"v1"')
    status, out, err = run(capsys, *db, "feeds", "add", url)
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == f"subscribed: {url} (أخبار الصباح)"
    assert len(server.seen("/arabic.xml")) == 1  # fetched once
    [feed] = feeds(capsys, db)
    assert feed["name"] == "أخبار الصباح" and feed["status"] == "3 new"
    _, out, _ = run(capsys, *db, "list")
    assert "وزير الخارجية يصل إلى القاهرة في زيارة رسمية" in out
    # the name `feeds list` shows is the name `fetch` and `feeds remove` accept
    status, out, _ = run(capsys, *db, "fetch", "أخبار الصباح")
    assert status == 0 and "1 not modified" in out  # the ETag of the add's fetch was kept
    status, out, _ = run(capsys, *db, "feeds", "remove", "أخبار الصباح")
    assert status == 0 and feeds(capsys, db) == []


def test_a_feed_without_a_title_is_named_by_its_host(
    db_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_dir)]
    url = server.add("/bare.xml", body=b'<rss version="2.0"><channel></channel></rss>')
    assert run(capsys, *db, "feeds", "add", url)[0] == 0
    host = url.split("/")[2]
    assert feeds(capsys, db)[0]["name"] == host
    assert run(capsys, *db, "feeds", "remove", host)[0] == 0


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ({"status": 404, "body": b"gone", "content_type": "text/plain"}, "HTTP 404 Not Found"),
        ({"body": b"just text", "content_type": "text/plain"}, "not a feed"),
        (
            {"body": b'<?xml version="1.0"?>\n<rss><channel><title>x</b></channel></rss>'},
            "a broken feed: XML error: mismatched tag at line 2, column",
        ),
        (
            {
                "body": b"<html><body><p>no feeds here</p></body></html>",
                "content_type": "text/html",
            },
            "a web page that names no feed",
        ),
        ({"body": b"late", "delay": 5.0}, "timed out after 0.5 s"),
    ],  # fmt: skip
    ids=["404", "text", "malformed", "html-no-feed", "timeout"],
)
def test_what_is_not_a_feed_is_refused(
    route: dict[str, object],
    message: str,
    db_dir: Path,
    server: FeedServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = ["--db", str(db_dir)]
    url = server.add("/x", **route)
    status, out, err = run(capsys, *db, "feeds", "add", url, "--timeout", "0.5")
    assert status == 1 and out == ""
    assert err == f"newsreader: cannot subscribe to {url}: {message}" + err.split(message)[1]
    assert "<unknown>" not in err and "Traceback" not in err
    assert feeds(capsys, db) == []


def test_connection_refused(db_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed"
    status, out, err = run(capsys, "--db", str(db_dir), "feeds", "add", url)
    assert status == 1 and out == ""
    assert err == f"newsreader: cannot subscribe to {url}: cannot connect: Connection refused\n"
    assert feeds(capsys, ["--db", str(db_dir)]) == []


def test_a_page_naming_one_feed_subscribes_to_it(
    db_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_dir)]
    feed_url = server.fixture("/arabic.xml", "arabic-rss2.xml")
    page = server.add("/", body=PAGE, content_type="text/html; charset=utf-8")
    status, out, err = run(capsys, *db, "feeds", "add", page)
    assert (status, err) == (0, "")
    assert out.splitlines()[:2] == [
        f"{page} is a web page; subscribing to its feed {feed_url}",
        f"subscribed: {feed_url} (أخبار الصباح)",
    ]
    assert [f["url"] for f in feeds(capsys, db)] == [feed_url]
    status, _, err = run(capsys, *db, "feeds", "add", page)  # again: the same feed
    assert status == 1 and err == f"newsreader: already subscribed: {feed_url} (أخبار الصباح)\n"


def test_a_page_naming_several_feeds_lists_them_when_not_on_a_terminal(
    db_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page = server.add("/two", body=TWO, content_type="text/html")
    status, out, err = run(capsys, "--db", str(db_dir), "feeds", "add", page)
    assert status == 1 and out == ""
    assert err.splitlines() == [
        f"{page} is a web page; it names these feeds:",
        "  [1] http://elsewhere.example/feed.atom (Atom)",
        "  [2] https://elsewhere.example/j",
        "subscribe to one with `newsreader feeds add URL`",
    ]
    assert feeds(capsys, ["--db", str(db_dir)]) == []


def test_discovery_resolves_relative_links_and_keeps_only_feeds() -> None:
    found = alternate_feeds(PAGE, "http://news.example/section/")
    assert [(a.url, a.title, a.kind) for a in found] == [
        ("http://news.example/arabic.xml", "RSS", "application/rss+xml")
    ]
    assert alternate_feeds(b"<html><p>nothing", "http://x.example/") == []
    assert (
        alternate_feeds(b"\xff\xfe<link rel=alternate type=application/rss+xml", "http://x/") == []
    )
