"""The lxml fast path (`reader.feeds.stream`) against feedparser, and its hostile-input guards.

feedparser is the reference: on every fixture feed both must give the same entries, field by
field; what the fast path rejects goes to feedparser, so no case of today's tests is lost.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from benchmarks.feedgen import feed_bytes
from reader.feeds import feedparser_convert, parse
from reader.feeds.encoding import effective_charset
from reader.feeds.stream import iter_feed
from reader.feeds.types import ParsedFeed, RawEntry
from tests.test_feeds_parse import ATOM03, RSS091, RSS10

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
SAMPLES = {path.name: path.read_bytes() for path in sorted(FIXTURES.glob("*.xml"))}
PODCAST = b"""<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>t</title><link>/site/</link><item><title>ep</title><guid>ep1</guid><link>x/1</link>
<description>d</description><enclosure url="/ep1.mp3" type="audio/mpeg" length="1"/>
<media:group><media:content url="http://p/1.jpg" type="image/jpeg"/></media:group>
</item><item><title>two</title><guid isPermaLink="false">k2</guid></item></channel></rss>"""
ATOM_LINKS = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a.example/b/">
<title type="html">&lt;i&gt;A&lt;/i&gt;</title><link rel="self" href="f.xml"/><link href="/"/>
<entry><title>e</title><id>1</id><link rel="enclosure" href="e.mp3" type="audio/mpeg"/>
<link href="e.html"/><summary type="html">&lt;p&gt;s&lt;/p&gt;</summary>
<author><name>N</name></author><updated>2024-01-02T03:04:05Z</updated></entry></feed>"""
SAMPLES |= {"rss10": RSS10, "rss091": RSS091, "atom03": ATOM03, "generated": feed_bytes(30)}
SAMPLES |= {"podcast": PODCAST, "atom-links": ATOM_LINKS}


def by_feedparser(data: bytes, url: str) -> ParsedFeed:
    return feedparser_convert.convert(
        feedparser.parse(
            io.BytesIO(data),
            response_headers={"content-location": url}
            | ({"content-type": f"application/xml; charset={c}"} if (c := cs(data)) else {}),
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    )


def cs(data: bytes) -> str | None:
    return effective_charset(data, None)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@pytest.mark.parametrize("url", ["", "http://feeds.test/dir/feed.xml"])
def test_the_fast_path_agrees_with_feedparser(name: str, url: str) -> None:
    data = SAMPLES[name]
    fast = parse.read_fast(data, url, cs(data))
    if name == "malformed.xml":  # not well-formed: the fast path hands it to feedparser
        assert fast is None and parse.parse_feed(data, url).entries
        return
    reference = by_feedparser(data, url)
    assert fast is not None and reference.entries
    assert (fast.title, fast.link, fast.self_url, fast.kind) == (
        reference.title,
        reference.link,
        reference.self_url,
        reference.kind,
    )
    assert fast.entries == reference.entries


def stream(data: bytes) -> tuple[ParsedFeed, list[RawEntry]]:
    items = list(iter_feed(io.BytesIO(data)))
    head = items[0]
    assert isinstance(head, ParsedFeed)
    return head, [e for e in items[1:] if isinstance(e, RawEntry)]


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
<rss version="2.0"><channel><title>t</title>
<item><title>before &xxe; &web; after</title><description>root:x:0:0 &xxe;</description></item>
</channel></rss>"""


def test_no_external_entity_is_read() -> None:
    for parsed in (stream(XXE)[1], parse.parse_feed(XXE).entries):
        text = " ".join(f"{e.title} {e.body}" for e in parsed)
        assert "root:x:0:0" in text and text.count("root:") == 1  # only the feed's own text
        assert "/bin/" not in text and "daemon" not in text


def billion_laughs(levels: int = 10) -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
        f"<title>t</title><item><title>x &lol{levels - 1}; y</title></item></channel></rss>"
    ).encode()


def test_entity_expansion_is_off() -> None:
    started = time.perf_counter()
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):  # refused outright
        stream(billion_laughs())
    assert parse.read_fast(billion_laughs()) is None
    parsed = parse.parse_feed(billion_laughs())  # and feedparser, behind it, expands nothing
    assert time.perf_counter() - started < 15  # a billion laughs would take forever
    assert all("lollol" not in e.title and len(e.title) < 100 for e in parsed.entries)
