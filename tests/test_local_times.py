"""Times are stored in UTC and shown in the reader's zone: a feed imported on a machine in
one zone lists its articles' days, and its headlines' times, in the zone of whoever reads."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from tests.conftest import run_in_zone

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>الأخبار</title><link>http://news.example/</link>
<item><title>انتخابات في القاهرة</title><link>http://news.example/a</link>
<description>نص الخبر الأول عن الانتخابات.</description>
<pubDate>Tue, 01 Dec 2026 20:30:00 GMT</pubDate></item>
</channel></rss>
"""


def test_list_show_and_ticker_follow_the_readers_zone(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    db = tmp_path / "db"
    run_in_zone(db, "America/Los_Angeles", "import", str(feed))  # 12:30 on 1 December there
    listed = json.loads(run_in_zone(db, "Asia/Tokyo", "list", "--json"))
    tokyo = [a for a in listed if a["title"] == "انتخابات في القاهرة"]  # (and the seeds)
    assert [(a["published"], a["published_at"]) for a in tokyo] == [
        ("2026-12-02", "2026-12-01T20:30:00+00:00")
    ]
    assert f"{tokyo[0]['id']}  2026-12-02" in run_in_zone(db, "Asia/Tokyo", "list")
    assert f"{tokyo[0]['id']}  2026-12-01" in run_in_zone(db, "America/Los_Angeles", "list")
    assert "2 ديسمبر 2026" in run_in_zone(db, "Asia/Tokyo", "show", tokyo[0]["id"])
    assert "1 ديسمبر 2026" in run_in_zone(db, "Europe/London", "show", tokyo[0]["id"])
    assert "05:30" in run_in_zone(db, "Asia/Tokyo", "ticker")
    assert "12:30" in run_in_zone(db, "America/Los_Angeles", "ticker")


def test_the_tickers_day_groups_follow_the_readers_zone() -> None:
    import time

    from reader.models import ArticleMeta
    from reader.views.ticker_rows import build_rows

    late = ArticleMeta("a1", "خبر", "الأخبار", "2026-12-01", None, 1, 1)
    late = replace(late, published_at="2026-12-01T20:30:00+00:00")
    older = ArticleMeta("a2", "خبر قديم", "الأخبار", "2026-11-20", None, 1, 2)
    days, before = {}, os.environ.get("TZ")
    try:
        for zone in ("Asia/Tokyo", "America/Los_Angeles"):
            os.environ["TZ"] = zone
            time.tzset()
            days[zone] = [r.key for r in build_rows([], [late, older], {}) if r.is_day]
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
    assert days == {
        "Asia/Tokyo": ["day:2026-12-02", "day:2026-11-20"],
        "America/Los_Angeles": ["day:2026-12-01", "day:2026-11-20"],
    }
