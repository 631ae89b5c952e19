"""Ticker order (newest first, oldest, by feed), feed and read filters, breaking-news marks,
times stored in UTC and shown in the reader's zone, enclosures kept as links."""

from __future__ import annotations

import json
from pathlib import Path

from reader.feeds.records import feed_records
from reader.feeds.types import ParsedFeed, RawEntry
from reader.models import Headline, ReadingState
from reader.views.marks import item_mark
from reader.views.ticker_rows import build_rows, is_breaking
from tests.conftest import ROOT, run_in_zone

FEED = ROOT / "tests" / "fixtures" / "feeds" / "arabic-rss2.xml"


def line(key: str, time: str, date: str, source: str, seq: int, at: str | None = None) -> Headline:
    return Headline(key, time, f"خبر {key}", source, f"a-{key}", date, seq, at)


LINES = [
    line("1", "09:00", "2024-03-05", "ب", 1),
    line("2", "11:00", "2024-03-05", "أ", 2),
    line("3", "10:00", "2024-03-05", "ب", 3),
    line("4", "08:00", "2024-03-06", "أ", 4),
]


def items(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.key if not r.is_day else r.text for r in rows]


def test_newest_first_within_and_across_days_and_the_other_orders() -> None:
    assert items(build_rows(LINES, [], {})) == ["6 مارس 2024", "4", "5 مارس 2024", "2", "3", "1"]
    oldest = build_rows(LINES, [], {}, order="oldest")
    assert items(oldest) == ["5 مارس 2024", "1", "3", "2", "6 مارس 2024", "4"]
    assert items(build_rows(LINES, [], {}, order="feed")) == ["أ", "4", "2", "ب", "3", "1"]


def test_feed_and_read_filters() -> None:
    assert items(build_rows(LINES, [], {}, feed="ب")) == ["3", "1"]
    states = {"a-3": ReadingState(read=True), "a-1": ReadingState(read=True, starred=True)}
    shown = build_rows(LINES, [], states, feed="ب", show_read=False)
    assert items(shown) == ["1"]  # read and starred stays; read goes


def test_breaking_headlines_are_flagged_and_marked() -> None:
    assert is_breaking("عاجل: انفجار في الميناء") and is_breaking("Breaking - quake")
    assert is_breaking("| عاجل | خبر")
    assert not is_breaking("العاجلون") and not is_breaking("مساعدات عاجلات")
    assert not is_breaking("breakingviews column")
    assert item_mark(starred=False, unread=True, has_article=True, breaking=True) == "!"
    assert item_mark(starred=True, unread=True, has_article=True, breaking=True) == "*"
    assert item_mark(starred=False, unread=False, has_article=True, breaking=True) == " "
    rows = build_rows([Headline("h", "10:00", "عاجل: خبر", "s", None, None, 1)], [], {})
    assert rows[0].breaking


def test_feed_times_are_stored_in_utc() -> None:
    entry = RawEntry("k", "عنوان", "نص", False, "", None, None, 1709631000.0)  # 09:30 UTC
    articles, headlines, _ = feed_records(ParsedFeed(entries=[entry], kind="rss20"), "s", "s")
    assert headlines[0].at == "2024-03-05T09:30:00+00:00"
    assert articles[0].published_at == "2024-03-05T09:30:00+00:00"


def test_times_show_in_the_readers_zone_and_old_records_keep_theirs(tmp_path: Path) -> None:
    db = tmp_path / "db"

    def newsreader(tz: str, *argv: str) -> str:
        return run_in_zone(db, tz, *argv)

    newsreader("Asia/Riyadh", "import", str(FEED))  # imported where it is UTC+3
    minister = "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"  # 09:30 GMT in the feed
    for tz, want in [("America/New_York", "04:30"), ("Asia/Riyadh", "12:30"), ("UTC", "09:30")]:
        times = {h["headline"]: h["time"] for h in json.loads(newsreader(tz, "ticker", "--json"))}
        assert times[minister] == want, tz
    # a page's ticker has no zone: its times are shown as written, wherever the reader is
    times = {
        h["headline"]: h["time"] for h in json.loads(newsreader("Asia/Tokyo", "ticker", "--json"))
    }
    assert times["147 مستوطنًا يقتحمون الأقصى ويؤدون طقوسًا تلمودية"] == "12:42"


def test_article_dates_show_in_the_readers_zone(tmp_path: Path) -> None:
    """`list` (text and JSON) and `show` give an article's date in the reader's zone, not in
    the zone of the machine that imported it."""
    db = tmp_path / "db"

    def newsreader(tz: str, *argv: str) -> str:
        return run_in_zone(db, tz, *argv)

    newsreader("Asia/Riyadh", "import", str(FEED.parent / "atom-rtl.xml"))  # UTC+3
    weather = "الطقس: أمطار غزيرة متوقعة"  # 2024-03-05T23:30:00Z: 02:30 on the 6th in Riyadh
    for tz, day, label in [
        ("UTC", "2024-03-05", "5 مارس 2024"),
        ("Asia/Riyadh", "2024-03-06", "6 مارس 2024"),
    ]:  # noqa: E501
        listed = {a["title"]: a for a in json.loads(newsreader(tz, "list", "--json"))}
        found = listed[weather]
        assert (found["published"], found["published_at"]) == (day, "2024-03-05T23:30:00+00:00")
        text = next(line for line in newsreader(tz, "list").splitlines() if found["id"] in line)
        assert f"  {day}  " in text, tz
        assert label in newsreader(tz, "show", found["id"]), tz


def test_old_records_without_a_zone_are_still_read(tmp_path: Path) -> None:
    from reader.library.store import ArticleStore

    store = ArticleStore(tmp_path / "db")
    store.add([], [Headline("h", "07:15", "قديم", "s", None, "2020-01-01", 0)])
    store.close()
    month = tmp_path / "db" / "index" / "2020-01.json"
    index = json.loads(month.read_text(encoding="utf-8"))
    for doc in index["headlines"].values():
        doc.pop("at")  # as a release before zones wrote it
    month.write_text(json.dumps(index), encoding="utf-8")
    again = ArticleStore(tmp_path / "db")
    assert [(h.time, h.at) for h in again.headlines()] == [("07:15", None)]
    assert build_rows(again.headlines(), [], {})[0].time == "07:15"
    again.close()


def test_enclosures_are_listed_with_their_links() -> None:
    from reader.feeds.parse import parse_feed

    rss = b"""<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
    <channel><title>t</title><link>http://pod.example/</link>
    <item><title>\xd8\xad\xd9\x84\xd9\x82\xd8\xa9</title><guid>ep1</guid>
      <description>episode</description>
      <enclosure url="http://pod.example/ep1.mp3" type="audio/mpeg" length="123"/>
      <media:content url="/img/ep1.jpg" type="image/jpeg"/>
      <enclosure url="javascript:alert(1)" type="audio/mpeg"/>
    </item></channel></rss>"""
    parsed = parse_feed(rss, "http://pod.example/feed")
    articles, _, _ = feed_records(parsed, "http://pod.example/", "pod")
    [article] = articles
    assert article.links == ("http://pod.example/ep1.mp3", "http://pod.example/img/ep1.jpg")
    assert article.paragraphs[-1] == "مرفقات: [1] audio/mpeg · [2] image/jpeg"
