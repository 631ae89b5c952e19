"""Feed files to articles and headlines: formats, encodings, local times, ids, hostile text."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.feeds.encoding import guess_legacy_arabic
from reader.feeds.parse import parse_feed
from reader.feeds.records import feed_records
from reader.feeds.sniff import root_element
from reader.feeds.types import ParsedFeed, RawEntry
from reader.models import Article, Headline

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
NOW = datetime(2024, 3, 7, 6, 0, tzinfo=UTC)  # 09:00 on 7 March in UTC+3
LEGACY_TITLE = "الحكومة تعلن خطة جديدة للنقل العام"
LEGACY_BODY = "أعلنت الحكومة اليوم عن خطة جديدة لتطوير النقل العام في المدن الكبرى."
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def utc_plus_3() -> Iterator[None]:
    """Local time is UTC+3 (a POSIX TZ string: no tz database needed)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "AST-3"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def records(name: str, url: str = "http://feeds.test/x") -> tuple[list[Article], list[Headline]]:
    parsed = parse_feed((FIXTURES / name).read_bytes(), url)
    articles, lines, _ = feed_records(parsed, url, parsed.title, NOW)
    return articles, lines


def test_arabic_rss2_with_rfc822_dates() -> None:
    parsed = parse_feed((FIXTURES / "arabic-rss2.xml").read_bytes(), "http://news.example/rss")
    assert parsed.kind == "rss20" and parsed.title == "أخبار الصباح" and not parsed.problems
    articles, lines, _ = feed_records(parsed, "http://news.example/rss", "الصباح", NOW)
    minister, gold, undated = articles
    assert minister.title == "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"
    assert minister.source == "الصباح" and minister.author == "سارة الأحمد"
    assert minister.link == "http://news.example/2024/03/05/minister"
    assert minister.published == "2024-03-05"
    assert minister.paragraphs == (
        "وصل وزير الخارجية صباح اليوم إلى القاهرة [1] في زيارة رسمية.",
        "ويلتقي الوزير نظيره المصري",
        "لبحث العلاقات الثنائية.",
        "الملف الأول التقرير [2]",
    )
    assert minister.links == ("http://news.example/cities/cairo", "https://other.example/report")
    # 09:30 GMT is 12:30 in UTC+3; 22:15 +0000 is 01:15 the next day.
    assert [(h.date, h.time) for h in lines] == [
        ("2024-03-05", "12:30"),
        ("2024-03-06", "01:15"),
        ("2024-03-07", "09:00"),  # undated: the fetch time
    ]
    assert gold.published == "2024-03-06" and gold.paragraphs == (
        "سجلت أسعار الذهب ارتفاعا ملحوظا مساء الثلاثاء.",
    )
    assert gold.link == "http://news.example/2024/03/05/gold"
    assert undated.published is None and undated.paragraphs == ("نص الخبر الكامل",)
    assert [h.article_id for h in lines] == [a.id for a in articles]
    assert [h.headline for h in lines] == [a.title for a in articles]
    assert len({*(a.id for a in articles), *(h.id for h in lines)}) == 6


def test_atom_with_right_to_left_titles() -> None:
    articles, lines = records("atom-rtl.xml")
    weather, summit = articles  # oldest first
    assert summit.title == "عاجل: انطلاق القمة العربية في الرياض"
    assert summit.link == "http://atom.example/news/summit" and summit.author == "مراسل القناة"
    assert summit.paragraphs == (
        "انطلقت أعمال القمة العربية صباح اليوم.",
        "ويشارك فيها القادة العرب [1].",
    )
    assert summit.links == ("http://atom.example/leaders",)
    assert weather.title == "الطقس: أمطار غزيرة متوقعة"
    assert weather.paragraphs == ("توقعت الأرصاد هطول أمطار غزيرة.",)
    assert [(h.date, h.time) for h in lines] == [("2024-03-06", "02:30"), ("2024-03-06", "07:45")]
    assert {a.source for a in articles} == {"قناة الأخبار العاجلة"}


def test_json_feed() -> None:
    articles, lines = records("feed.json")
    fair, plain = articles
    assert fair.title == "افتتاح معرض الكتاب الدولي" and fair.author == "ليلى حسن"
    assert fair.paragraphs == ("افتتح اليوم معرض الكتاب [1].",)
    assert fair.links == ("http://json.example/fair",) and fair.published == "2024-03-05"
    assert lines[0].time == "13:00"
    assert plain.paragraphs == ("السطر الأول", "السطر الثاني") and plain.published is None


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("windows-1256-declared.xml", None),
        ("windows-1256-undeclared.xml", None),
        ("windows-1256-undeclared.xml", "text/xml; charset=windows-1256"),
        ("iso-8859-6-declared.xml", None),
        ("iso-8859-6-undeclared.xml", "application/rss+xml"),
    ],
)
def test_legacy_arabic_encodings(name: str, content_type: str | None) -> None:
    parsed = parse_feed((FIXTURES / name).read_bytes(), "http://legacy.example/", content_type)
    assert parsed.title == "صحيفة الأخبار"
    articles, _, _ = feed_records(parsed, "http://legacy.example/", parsed.title, NOW)
    assert [(a.title, a.paragraphs) for a in articles] == [(LEGACY_TITLE, (LEGACY_BODY,))]


@pytest.mark.parametrize("text", [LEGACY_BODY, "بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ، قالَ إنَّ الخطةَ جديدةٌ؟ نعم"])
def test_legacy_guess_tells_the_two_code_pages_apart(text: str) -> None:
    assert guess_legacy_arabic(text.encode("cp1256")) == "windows-1256"
    assert guess_legacy_arabic(text.encode("iso8859_6")) == "iso-8859-6"
    assert guess_legacy_arabic(text.encode("utf-8")) is None
    assert guess_legacy_arabic("خبر".encode("iso8859_6")) == "windows-1256"  # a tie: the commoner
    assert guess_legacy_arabic("café crème brûlée".encode("latin-1")) is None  # not Arabic


def test_malformed_feed_keeps_what_can_be_read() -> None:
    parsed = parse_feed((FIXTURES / "malformed.xml").read_bytes())
    assert parsed.is_feed and any("not well-formed" in p for p in parsed.problems)
    articles, _, _ = feed_records(parsed, "http://broken.example/", "x", NOW)
    assert articles[0].title == "خبر سليم قبل العطب"


def test_html_page_is_not_a_feed() -> None:
    parsed = parse_feed((FIXTURES / "not-a-feed.html").read_bytes())
    assert not parsed.is_feed and parsed.problems[0].startswith("not a feed")
    assert not parse_feed(b"").is_feed and not parse_feed(b"\x00\xff" * 100).is_feed


def test_hostile_feed_is_cleaned() -> None:
    huge = "كلمة " * 30_000  # a 150,000-character line
    title = "\x1b[31mأحمر\x1b[0m\u202eعنوان\x07 \x1b]0;pwned\x07" + "ط" * 5000
    body = f"<p>\x1b[2J\x9b31m{huge}</p><p>\u2066سطر\u2069\x00\x08</p>"
    data = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>\x1b[1mمصدر\u202d</title><item><title>{title}</title><guid>http://h/1</guid>"
        f"<author>\x1b[5m{'م' * 1000}</author><description><![CDATA[{body}]]></description>"
        f"<link>javascript:alert(1)</link></item></channel></rss>"
    ).encode()
    parsed = parse_feed(data)
    articles, lines, _ = feed_records(parsed, "http://h/", parsed.title, NOW)
    (article,) = articles
    texts = [article.title, article.source, article.author or "", *article.paragraphs]
    texts += [lines[0].headline, lines[0].source]
    assert not any(UNSAFE.search(text) for text in texts)
    assert article.title.startswith("أحمرعنوان") and len(article.title) <= 2000
    assert article.source == "مصدر" and len(article.author or "") <= 200
    assert all(len(p) <= 20_000 for p in article.paragraphs)
    assert "".join(article.paragraphs).count("كلمة") == 30_000
    assert article.paragraphs[-1] == "سطر" and article.link is None


def entry(key: str | None, title: str, body: str = "نص") -> RawEntry:
    return RawEntry(key, title, body, False, "", None, None, 1709631000.0)


def test_an_edited_item_keeps_its_id() -> None:
    before = feed_records(ParsedFeed(entries=[entry("42", "عنوان")]), "http://a/", "a", NOW)
    after = feed_records(
        ParsedFeed(entries=[entry("42", "عنوان معدل", "نص جديد")]), "http://a/", "a", NOW
    )
    assert before[0][0].id == after[0][0].id and before[1][0].id == after[1][0].id
    other_feed = feed_records(ParsedFeed(entries=[entry("42", "عنوان")]), "http://b/", "b", NOW)
    assert other_feed[0][0].id != before[0][0].id  # "42" means nothing outside its feed


def test_a_url_id_is_the_same_item_in_every_feed() -> None:
    one = feed_records(ParsedFeed(entries=[entry("http://site/n/1", "ع")]), "http://a/", "a", NOW)
    two = feed_records(ParsedFeed(entries=[entry("http://site/n/1", "ع")]), "http://b/", "b", NOW)
    assert one[0][0].id == two[0][0].id


def test_items_without_title_or_text_are_skipped() -> None:
    feed = ParsedFeed(entries=[entry(None, "", ""), entry(None, "", "نص فقط")])
    articles, lines, problems = feed_records(feed, "http://a/", "a", NOW)
    assert [a.title for a in articles] == ["نص فقط"] and len(lines) == 1
    assert problems == ["1 item(s) without a title or text skipped"]


RSS10 = b"""<?xml version="1.0"?>
<!-- RSS 1.0 -->
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://r.example/"><title>RDF</title><link>http://r.example/</link></channel>
<item rdf:about="http://r.example/1"><title>\xd8\xae\xd8\xa8\xd8\xb1</title>
<link>http://r.example/1</link></item></rdf:RDF>"""
RSS091 = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://o.example/</link>
<item><title>Caf\xe9</title><link>http://o.example/1</link></item></channel></rss>"""
ATOM03 = b"""<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A</title>
<entry><title>Old atom</title><id>tag:a,2004:1</id>
<issued>2004-01-01T00:00:00Z</issued></entry></feed>"""


@pytest.mark.parametrize(
    ("data", "root", "kind", "title"),
    [
        (RSS10, "RDF", "rss10", "خبر"),
        (RSS091, "rss", "rss091n", "Café"),
        (ATOM03, "feed", "atom03", "Old atom"),
        ((FIXTURES / "feed.json").read_bytes(), "json", "json1", "افتتاح معرض الكتاب الدولي"),
    ],
)
def test_older_and_other_formats(data: bytes, root: str, kind: str, title: str) -> None:
    assert root_element(data) == root
    parsed = parse_feed(data)
    assert parsed.kind == kind and parsed.entries[0].title == title


@pytest.mark.parametrize(
    ("data", "root"),
    [
        ((FIXTURES / "subscriptions.opml").read_bytes(), "opml"),
        ((FIXTURES / "not-a-feed.html").read_bytes(), None),
        ("09:47عاجل\nعنوان\n".encode(), None),
        (b"<feed><title>not atom</title></feed>", None),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>", None),
        (b'{"version": "1", "items": []}', None),
        ("<rss version='2.0'/>".encode("utf-16"), "rss"),
    ],
)
def test_sniffing_looks_at_the_content(data: bytes, root: str | None) -> None:
    assert root_element(data) == root
