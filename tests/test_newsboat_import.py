"""`newsreader import` of newsboat's `urls` and `cache.db`. The cache is made by the real
newsboat (Debian package) fetching feeds from a server on 127.0.0.1; its read state is set by
newsboat itself (`-I`, import a list of read articles), a flag with the sqlite3 tool (newsboat
has no command-line way to flag). Expected values are typed from the fixture feeds."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.ingest.newsboat_urls import looks_like_urls_file, parse_urls
from tests.conftest import run
from tests.fixtures.feeds.server import FeedServer

MINISTER = "وزير الخارجية يصل إلى القاهرة في زيارة رسمية"
GOLD = "ارتفاع أسعار الذهب في الأسواق المحلية"
UNDATED = "خبر بلا تاريخ"


def test_urls_file_names_tags_and_what_cannot_be_subscribed() -> None:
    text = (
        "# my feeds\n"
        'http://a.example/rss news "~الأخبار العاجلة" "two words"\n'
        "https://b.example/atom ! tech\n"
        "\n"
        '"query:Unread:unread = \\"yes\\""\n'
        "exec:~/bin/feed.sh\n"
        'http://c.example/feed "~unclosed\n'
    )
    assert looks_like_urls_file(text)
    found = parse_urls(text)
    assert [(f.url, f.name, f.tags, f.hidden) for f in found.feeds] == [
        ("http://a.example/rss", "الأخبار العاجلة", ("news", "two words"), False),
        ("https://b.example/atom", None, ("tech",), True),
        ("http://c.example/feed", "unclosed", (), False),
    ]
    assert found.skipped == [
        "line 5: a saved search (query:), not a feed address",
        "line 6: a command (exec:), not a feed address",
    ]
    assert not looks_like_urls_file("عنوان\nhttp://a.example/\n")  # a page with a link


def test_urls_tags_are_kept_with_the_subscriptions(
    db_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        'http://a.example/rss news "~الأخبار" "العالم العربي"\nhttps://b.example/atom\n',
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(urls))
    assert status == 0 and "kept the tags of 1 feed(s)" in out
    _, out, _ = run(capsys, "--db", str(db_dir), "feeds", "list", "--json")
    tags = {feed["url"]: feed["tags"] for feed in json.loads(out)}
    assert tags == {"http://a.example/rss": ["news", "العالم العربي"], "https://b.example/atom": []}
    _, out, _ = run(capsys, "--db", str(db_dir), "feeds", "list")
    assert out.startswith("الأخبار\n  http://a.example/rss\n  never fetched\n  tags: news, ")
    assert "العالم العربي" in out


@pytest.fixture
def newsboat_dir(tmp_path: Path, server: FeedServer) -> tuple[Path, str, str]:
    """~/.newsboat after `newsboat -x reload` of two feeds, one item read, one flagged."""
    newsboat = shutil.which("newsboat")
    assert newsboat, "newsboat is missing: apt-get install newsboat (see .ci/run)"
    assert shutil.which("sqlite3"), "sqlite3 is missing: apt-get install sqlite3"
    arabic = server.fixture("/arabic.xml", "arabic-rss2.xml")
    atom = server.fixture("/atom.xml", "atom-rtl.xml", content_type="application/atom+xml")
    home = tmp_path / "nb-home"
    folder = home / ".newsboat"
    folder.mkdir(parents=True)
    (folder / "urls").write_text(
        f'{arabic} news "~الصباح"\n{atom} "world news"\n"query:Unread:unread = \\"yes\\""\n',
        encoding="utf-8",
    )
    (folder / "config").write_text("", encoding="utf-8")
    (folder / "read.txt").write_text("gold-2024-03-05\n", encoding="utf-8")
    base = [newsboat, "-u", str(folder / "urls"), "-c", str(folder / "cache.db")]
    base += ["-C", str(folder / "config")]
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_PROXY": "*"}
    for extra in (["-x", "reload"], ["-I", str(folder / "read.txt")]):
        done = subprocess.run(
            base + extra, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
    flag = "UPDATE rss_item SET flags = 's' WHERE guid = 'http://news.example/2024/03/05/minister'"
    subprocess.run(["sqlite3", str(folder / "cache.db"), flag], check=True, timeout=30)
    (folder / "read.txt").unlink()
    return folder, arabic, atom


def test_import_a_newsboat_directory(
    newsboat_dir: tuple[Path, str, str], db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, arabic, atom = newsboat_dir
    db = ["--db", str(db_dir)]
    status, out, _ = run(capsys, *db, "import", str(folder))
    assert status == 0
    assert f"{folder / 'urls'}: 0 article(s)" in out
    assert "line 3: a saved search (query:), not a feed address" in out
    assert f"{folder / 'cache.db'}: " in out and "1 read and 1 flagged item(s) kept" in out
    assert str(folder / "config") not in out  # newsboat's config is not a page
    _, out, _ = run(capsys, *db, "feeds", "list", "--json")
    assert {(f["url"], f["name"]) for f in json.loads(out)} == {
        (arabic, "الصباح"),  # the "~name" of the urls file
        (atom, "قناة الأخبار العاجلة"),  # the feed's own title, as newsboat cached it
    }
    _, out, _ = run(capsys, *db, "list", "--json")
    listed = {a["title"]: a for a in json.loads(out)}
    assert (listed[GOLD]["read"], listed[GOLD]["starred"]) == (True, False)
    assert (listed[MINISTER]["read"], listed[MINISTER]["starred"]) == (False, True)
    assert (listed[UNDATED]["read"], listed[UNDATED]["starred"]) == (False, False)
    assert listed[MINISTER]["link"] == "http://news.example/2024/03/05/minister"
    assert listed[MINISTER]["links"] == [
        "http://news.example/cities/cairo",
        "https://other.example/report",
    ]
    assert listed[MINISTER]["source"] == "الصباح"
    # a fetch of the same feeds finds nothing new: the ids agree with newsboat's items
    status, out, _ = run(capsys, *db, "fetch", "--timeout", "5")
    assert status == 0 and "0 new article(s)" in out
    # importing again adds nothing and keeps the state
    status, out, _ = run(capsys, *db, "import", str(folder / "cache.db"))
    assert status == 0 and "0 article(s), 0 headline(s)" in out


def test_a_damaged_cache_is_reported(
    newsboat_dir: tuple[Path, str, str], db_dir: Path, tmp_path: Path, capsys
) -> None:  # noqa: ANN001
    folder, _, _ = newsboat_dir
    data = (folder / "cache.db").read_bytes()
    broken = tmp_path / "cache.db"
    broken.write_bytes(data[: len(data) // 3])
    status, out, _ = run(capsys, "--db", str(db_dir), "import", str(broken))
    assert status == 1 and "problem: not a newsboat cache" in out and "Traceback" not in out
