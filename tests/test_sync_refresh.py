"""Staying current: the app's refresh timer, `newsreader fetch --every`, the notify command,
and never two refreshes at once on one database."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.library.bootstrap import open_library
from reader.library.feed_registry import FeedRegistry
from reader.library.refresh_lock import refreshing
from reader.ui.app import NewsReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.ticker import Ticker
from tests.conftest import ROOT, run
from tests.fixtures.feeds.server import FeedServer
from tests.sync_support import arabic_feed

TITLES = {
    "وزير الخارجية يصل إلى القاهرة في زيارة رسمية",
    "ارتفاع أسعار الذهب في الأسواق المحلية",
    "خبر بلا تاريخ",
}


def write_config(home: Path, text: str) -> None:
    path = home / "config" / "newsreader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def notify_script(out: Path) -> str:
    code = (
        "import sys, json; "
        f"open({str(out)!r}, 'a').write(json.dumps(sys.argv[1:], ensure_ascii=False) + '\\n')"
    )
    return json.dumps([sys.executable, "-c", code], ensure_ascii=False)


async def test_refresh_timer_fetches_and_announces(
    db_dir: Path, isolated_home: Path, server: FeedServer, tmp_path: Path
) -> None:
    out = tmp_path / "notified"
    write_config(
        isolated_home,
        f'[refresh]\ninterval = "1s"\n[notify]\nbell = true\nosc = 777\n'
        f"command = {notify_script(out)}\n",
    )
    store = open_library(str(db_dir))
    FeedRegistry(store.directory).add(server.fixture("/rss", "arabic-rss2.xml"), "صباح")
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        written: list[str] = []
        driver = app._driver
        assert driver is not None
        write = driver.write
        driver.write = lambda data: (written.append(data), write(data))[1]  # type: ignore[method-assign]
        deadline = time.monotonic() + 20
        while len(server.seen("/rss")) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)  # nobody presses R: the timer fetches, and again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(server.seen("/rss")) >= 2
        screen = app.screen
        assert isinstance(screen, MainScreen)
        texts = {row.text for row in screen.query_one(Ticker).rows}
        assert texts >= TITLES
        calls = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(calls) == 1 and set(calls[0]) == TITLES  # announced once, not per tick
        status = screen.query_one(StatusLine).right
        assert "feed(s) fetched" in status
        announced = [data for data in written if "\x1b]777;" in data]
        assert len(announced) == 1
        assert announced[0].startswith("\a\x1b]777;notify;newsreader;3 new items: ")
    store.close()


def test_fetch_every_keeps_fetching_until_stopped(
    db_dir: Path, server: FeedServer, isolated_home: Path, tmp_path: Path
) -> None:
    url = server.fixture("/rss", "arabic-rss2.xml")
    out = tmp_path / "notified"
    write_config(isolated_home, f"[notify]\ncommand = {notify_script(out)}\n")
    env = {**os.environ, "NEWSREADER_DB": str(db_dir), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "reader", "feeds", "add", url], env=env, check=True)
    before = len(server.seen("/rss"))  # adding a feed fetches it once
    loop = subprocess.Popen(
        [sys.executable, "-m", "reader", "fetch", "--every", "1s"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while len(server.seen("/rss")) < before + 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        server.add("/rss", body=arabic_feed("gamma", 2))  # the feed grows between two rounds
        while len(server.seen("/rss")) < before + 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
    finally:
        loop.send_signal(signal.SIGTERM)
        output, errors = loop.communicate(timeout=30)
    assert len(server.seen("/rss")) >= before + 3, errors
    assert loop.returncode == 0, errors
    assert output.count("1 feed(s): ") >= 3 and "next refresh at" in output
    assert output.rstrip().endswith("stopped")
    assert "1 feed(s): 0 new article(s)" in output and "1 feed(s): 2 new article(s)" in output
    calls = [json.loads(line) for line in out.read_text().splitlines()]
    assert calls == [["خبر gamma رقم 0", "خبر gamma رقم 1"]]  # only the new ones, once


def test_a_second_refresh_is_skipped_not_run(
    db_dir: Path,
    server: FeedServer,
    capsys,  # noqa: ANN001
) -> None:
    url = server.fixture("/rss", "arabic-rss2.xml")
    FeedRegistry(db_dir).add(url)
    with refreshing(db_dir):  # another process's fetch or sync, say
        status, out, _ = run(capsys, "--db", str(db_dir), "fetch")
    assert status == 0 and "skipped: another refresh" in out
    assert server.seen("/rss") == []
    status, out, _ = run(capsys, "--db", str(db_dir), "fetch")
    assert status == 0 and "3 new article(s)" in out


def test_fetch_every_rejects_a_bad_duration(capsys) -> None:  # noqa: ANN001
    import pytest

    with pytest.raises(SystemExit):
        run(capsys, "fetch", "--every", "soon")
    assert "not a duration" in capsys.readouterr().err


async def test_app_starts_at_once_offline_and_says_so(
    db_dir: Path, isolated_home: Path, tmp_path: Path
) -> None:
    (tmp_path / "pw").write_text("secret")
    write_config(
        isolated_home,
        f'[sync]\nurl = "http://127.0.0.1:9/fever/"\nuser = "u"\npassword_file = "{tmp_path}/pw"\n',
    )
    store = open_library(str(db_dir))
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.query_one(Ticker).rows) > 10  # the local store, at once
        status = screen.query_one(StatusLine).right
        assert "offline: server unreachable, 0 change(s) queued" in status
    store.close()
