"""The feed registry (feeds.json) and OPML in and out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.feeds.opml import read_opml, write_opml
from reader.library.feed_registry import Feed, FeedError, FeedRegistry, normalise_url

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
ALJAZEERA = (
    "https://www.aljazeera.net/aljazeerarss/a7c186be-1baa-4bd4-9d80-a84db769f779/"
    "73d0e1b4-532f-45ef-b135-bfdff8b8cab9"
)


def test_read_opml_flattens_folders_and_skips_bad_addresses() -> None:
    outlines, problems = read_opml((FIXTURES / "subscriptions.opml").read_bytes())
    assert outlines == [
        (ALJAZEERA, "الجزيرة", "https://www.aljazeera.net/"),
        ("https://feeds.bbci.co.uk/arabic/rss.xml", "بي بي سي عربي", None),
        ("http://atom.example/feed.atom", "Example Atom", None),
    ]
    assert problems == [
        "skipped: unsupported address 'ftp://files.example/feed.xml': "
        "only http:// and https:// feeds"
    ]


def test_read_opml_in_an_undeclared_legacy_encoding() -> None:
    data = '<opml version="1.0"><body><outline text="الأخبار" xmlUrl="http://a/f"/></body></opml>'
    assert read_opml(data.encode("cp1256")) == ([("http://a/f", "الأخبار", None)], [])


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<opml><body><outline", "not a valid OPML file"),
        (b"<rss/>", "not an OPML file"),
        (b"<opml><body/></opml>", "the OPML file lists no feeds"),
    ],
)
def test_read_opml_problems(data: bytes, problem: str) -> None:
    outlines, problems = read_opml(data)
    assert outlines == [] and problems[0].startswith(problem)


def test_entity_expansion_bomb_is_refused() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    data = f'<!DOCTYPE opml [{entities}]><opml><body><outline text="&h;" xmlUrl="http://x/"/></body></opml>'
    outlines, problems = read_opml(data.encode())
    assert outlines == [] and problems[0].startswith("not a valid OPML file")


def test_write_opml_is_opml_2_and_round_trips() -> None:
    feeds = [
        Feed("http://a.example/rss", name="أخبار & <تقارير>", site="http://a.example/"),
        Feed("https://b.example/atom", title="Feed B"),
        Feed("https://c.example/feed"),
    ]
    text = write_opml(feeds)
    root = ET.fromstring(text.encode())
    assert root.get("version") == "2.0" and root.find("head/title") is not None
    assert [o.get("text") for o in root.iter("outline")] == [
        "أخبار & <تقارير>",
        "Feed B",
        "c.example",
    ]
    assert read_opml(text.encode()) == (
        [
            ("http://a.example/rss", "أخبار & <تقارير>", "http://a.example/"),
            ("https://b.example/atom", "Feed B", None),
            ("https://c.example/feed", "c.example", None),
        ],
        [],
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("  HTTP://News.Example/rss  ", "http://news.example/rss"),
        ("feed://news.example/rss", "http://news.example/rss"),
        ("feed:https://news.example/rss", "https://news.example/rss"),
    ],
)
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://a/feed", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("news.example/rss", "only http:// and https://"),
        ("http:///rss", "has no host"),
        ("http://a/b c", "spaces or control characters"),
        ("http://a:99999/", "not a valid address"),
    ],
)
def test_bad_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        normalise_url(url)


def test_registry_add_find_remove(db_dir: Path) -> None:
    registry = FeedRegistry(db_dir)
    feed = registry.add("https://news.example/rss", name="الأخبار\x1b[31m")
    assert feed.name == "الأخبار" and feed.label == "الأخبار" and feed.added
    with pytest.raises(FeedError, match="already subscribed"):
        registry.add("HTTPS://NEWS.EXAMPLE/rss")
    registry.add("https://other.example/atom")
    registry.record("https://other.example/atom", title="أخرى", etag='"v1"', status="2 new")
    assert FeedRegistry(db_dir).find("اخري").etag == '"v1"'  # by title, folded; from disk
    assert registry.find("الاخبار").url == "https://news.example/rss"
    with pytest.raises(FeedError, match="no such feed"):
        registry.find("غير موجود")
    assert registry.remove("https://news.example/rss").name == "الأخبار"
    assert [f.url for f in FeedRegistry(db_dir).feeds()] == ["https://other.example/atom"]
    assert (db_dir / "feeds.json").read_text(encoding="utf-8").count("أخرى") == 1


def test_registry_ambiguous_name(db_dir: Path) -> None:
    registry = FeedRegistry(db_dir)
    registry.add_many([("http://a/1", "أخبار", None), ("http://a/2", "أخبار", None)])
    with pytest.raises(FeedError, match="names 2 feeds"):
        registry.find("أخبار")


def test_add_many_skips_known_feeds(db_dir: Path) -> None:
    registry = FeedRegistry(db_dir)
    registry.add("http://a/1")
    new = registry.add_many(
        [("http://a/1", "x", None), ("http://a/2", "y", None), ("http://a/2", "z", None)]
    )
    assert [(f.url, f.name) for f in new] == [("http://a/2", "y")]
