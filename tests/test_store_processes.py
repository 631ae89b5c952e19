"""Many processes, one database: real `newsreader` processes writing at the same time lose
nothing, and the app in a real terminal (tmux) shows what the others wrote without a
restart, keeping its cursor, while its own writes (open, star, refresh) interleave."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from reader.library.library import Library
from tests.conftest import ROOT
from tests.fixtures.feeds.server import FeedServer
from tests.tmux_session import Tmux, newsreader_command

LOOPBACK = {"PYTHONPATH": str(ROOT), "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"}


def pages(folder: Path, tag: str, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        text = f"خبر {tag}{n} عن القاهرة\n\nفقرة أولى {tag} {n}\n\nفقرة ثانية عن بايدن {n}"
        (folder / f"{tag}{n:04}.txt").write_text(text, encoding="utf-8")
    return folder


def newsreader(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        env={**os.environ, **LOOPBACK},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_two_imports_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db"
    one = pages(tmp_path / "one", "A", 400)
    two = pages(tmp_path / "two", "B", 400)
    procs = [newsreader(db, "import", str(one)), newsreader(db, "import", str(two))]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    store = Library(db)
    titles = [m.title for m in store.articles()]
    assert len(titles) == len(set(titles)) == 802  # both folders and the two seeds
    for tag in "AB":
        assert {f"خبر {tag}{n} عن القاهرة" for n in range(400)} <= set(titles)
    assert store.unindexed() == []
    seqs = [m.seq for m in store.articles()] + [h.seq for h in store.headlines()]
    assert len(seqs) == len(set(seqs))  # no two records share an arrival number


def feed(items: range) -> bytes:
    entries = "".join(
        f"<item><title>SRV{i} خبر من الخادم</title><link>http://srv.example/{i}</link>"
        f"<pubDate>Tue, 01 Dec 2026 09:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>فقرة {i}</description></item>"
        for i in items
    )
    return f'<rss version="2.0"><channel><title>الخادم</title>{entries}</channel></rss>'.encode()


def articles_on_status(screen: list[str]) -> int:
    found = [int(m.group(1)) for line in screen for m in re.finditer(r"(\d+) articles", line)]
    return found[-1] if found else -1


def test_the_app_shows_other_writers_and_keeps_its_own_writes(
    tmp_path: Path, env: dict[str, str]
) -> None:
    db = Path(env["NEWSREADER_DB"])
    folder = pages(tmp_path / "pages", "P", 30)
    with FeedServer() as server:
        url = server.add("/rss", body=feed(range(0, 5)))
        subprocess.run(
            [newsreader_command(), "feeds", "add", url],
            env={**os.environ, **LOOPBACK, **env},
            check=True,
        )
        tmux = Tmux(120, 36, {**env, "no_proxy": "127.0.0.1"})
        try:
            tmux.type(f"{newsreader_command()} --bidi app; echo EXITED $?")
            tmux.send("Enter")
            tmux.wait_for("13:49")
            # the seeds, and the feed's 5 items if `feeds add` fetched them on subscribing
            assert articles_on_status(tmux.wait_for("articles")) == len(Library(db).articles())
            tmux.send("j")
            tmux.send("Enter")  # the app writes: marks the second row's article read
            time.sleep(1)
            opened = Library(db).reading.setting("last_article")
            assert opened is not None
            tmux.send("Tab")  # back to the ticker, cursor where it was
            tmux.send("s")  # the app's own writes: a star, a feed refresh
            tmux.send("R")
            tmux.wait_until(lambda s: articles_on_status(s) == 2 + 5, timeout=20)
            server.add("/rss", body=feed(range(0, 8)))  # three more items for `fetch`
            fetch = newsreader(db, "fetch")
            importing = newsreader(db, "import", str(folder))
            for proc in (fetch, importing):
                _, err = proc.communicate(timeout=300)
                assert proc.returncode == 0, err
            done = time.monotonic()  # no key pressed since: only the app's watch can show it
            screen = tmux.wait_until(lambda s: articles_on_status(s) == 2 + 8 + 30, timeout=10)
            seen_after = time.monotonic() - done
            print(f"other writers shown {seen_after:.2f} s after they finished")
            assert any("SRV7" in line for line in screen), "\n".join(screen)
            assert seen_after < 2, f"other processes' headlines took {seen_after:.1f} s"
            server.add("/rss", body=feed(range(0, 10)))  # two more for the app's R
            tmux.send("R")
            tmux.wait_until(lambda s: articles_on_status(s) == 2 + 10 + 30, timeout=20)
            tmux.send("Enter")  # the cursor stayed on its row: the same article opens again
            time.sleep(1)
            tmux.send("s")
            time.sleep(1)
            tmux.send("q")
            tmux.wait_for("EXITED 0")
        finally:
            tmux.close()
    store = Library(db)
    titles = {m.title for m in store.articles()}
    assert {f"خبر P{n} عن القاهرة" for n in range(30)} <= titles
    assert {f"SRV{i} خبر من الخادم" for i in range(10)} <= titles and len(titles) == 42
    assert store.reading.setting("last_article") == opened
    state = store.reading.state(opened)
    assert state.read and not state.starred  # starred, then un-starred: both saved
    assert store.unindexed() == []
