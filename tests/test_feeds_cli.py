"""`newsreader feeds ...`, `newsreader fetch` and `newsreader import` of feeds, through main()."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.feedgen import feed_bytes
from reader.cli import main
from reader.commands import fetch_run as fetch_command
from reader.library.feed_registry import FeedRegistry
from reader.library.library import Library
from tests.conftest import ROOT, run
from tests.fixtures.feeds.server import FIXTURES, FeedServer

ACTIONS = ["add", "list", "remove", "rename", "import", "export"]


@pytest.mark.parametrize("argv", [["feeds", action] for action in ACTIONS] + [["fetch"]])
def test_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: newsreader {' '.join(argv)}" in capsys.readouterr().out


def test_add_list_remove(db_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_dir)]
    add = ("feeds", "add", "--no-fetch", "https://news.example/rss")
    assert run(capsys, *db, *add, "--name", "الأخبار") == (
        0,
        "subscribed: https://news.example/rss (الأخبار)\n",
        "",
    )
    status, _, err = run(capsys, *db, *add)
    assert status == 1 and err == (
        "newsreader: already subscribed: https://news.example/rss (الأخبار)\n"
    )
    status, out, _ = run(capsys, *db, "feeds", "list")
    assert status == 0 and out == "الأخبار\n  https://news.example/rss\n  never fetched\n"
    status, out, _ = run(capsys, *db, "feeds", "list", "--json")
    assert json.loads(out) == [
        {
            "url": "https://news.example/rss",
            "name": "الأخبار",
            "status": None,
            "checked": None,
            "tags": [],
        }
    ]
    status, out, _ = run(capsys, *db, "feeds", "remove", "الأخبار")
    assert status == 0 and out.startswith("unsubscribed: https://news.example/rss")
    status, out, _ = run(capsys, *db, "feeds")
    assert status == 0 and out.startswith("no feeds")


def test_rename_moves_the_stored_items(
    db_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_dir)]
    url = server.fixture("/atom.xml", "atom-rtl.xml", content_type="application/atom+xml")
    title = "قناة الأخبار العاجلة"  # the feed's own title: the name `feeds list` shows
    assert run(capsys, *db, "feeds", "add", url)[0] == 0

    def sources() -> list[str]:
        status, out, _ = run(capsys, *db, "list", "--json")
        assert status == 0
        return [item["source"] for item in json.loads(out)]

    assert sources().count(title) == 2
    status, out, _ = run(capsys, *db, "feeds", "rename", title, "العاجل")
    assert status == 0 and "4 stored articles and headlines" in out
    assert sources().count("العاجل") == 2 and title not in sources()
    status, out, _ = run(capsys, *db, "feeds", "list")
    assert out.startswith("العاجل\n")
    assert run(capsys, *db, "feeds", "rename", url, "ثالث")[0] == 0  # by address
    assert sources().count("ثالث") == 2 and "العاجل" not in sources()
    status, _, err = run(capsys, *db, "feeds", "rename", "nothing", "x")
    assert status == 1 and "no such feed: 'nothing'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["feeds", "add", "ftp://news.example/rss"], "only http:// and https:// feeds"),
        (["feeds", "add", "javascript:alert(1)"], "only http:// and https:// feeds"),
        (["feeds", "remove", "nothing"], "no such feed: 'nothing'"),
        (["feeds", "import", "/no/such/file.opml"], "cannot read /no/such/file.opml"),
        (["fetch", "unknown"], "no such feed: 'unknown'"),
    ],
)
def test_clear_errors(
    argv: list[str], message: str, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--db", str(db_dir), *argv)
    assert status == 1 and err.startswith("newsreader: ") and message in err
    assert "Traceback" not in err


def test_bad_timeout_is_an_argument_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["fetch", "--timeout", "soon"])
    assert exit_info.value.code == 2 and "not a number of seconds" in capsys.readouterr().err


def test_opml_import_and_export(db_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_dir)]
    status, out, err = run(capsys, *db, "feeds", "import", str(FIXTURES / "subscriptions.opml"))
    assert status == 0 and out.endswith("subscribed to 3 new feed(s), 0 already subscribed\n")
    assert "ftp://files.example/feed.xml" in err
    status, out, _ = run(capsys, *db, "feeds", "export")
    assert status == 0 and out.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">'
    )
    assert 'text="بي بي سي عربي"' in out and 'xmlUrl="http://atom.example/feed.atom"' in out
    exported = db_dir.parent / "out.opml"
    exported.write_text(out, encoding="utf-8")
    status, out, _ = run(
        capsys, "--db", str(db_dir.parent / "db2"), "feeds", "import", str(exported)
    )
    assert out.endswith("subscribed to 3 new feed(s), 0 already subscribed\n")
    status, _, err = run(capsys, *db, "feeds", "import", str(FIXTURES / "arabic-rss2.xml"))
    assert status == 1 and "not an OPML file" in err


def test_import_sniffs_feeds_and_opml_by_content(
    db_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disguised = tmp_path / "news.txt"  # an RSS file with a misleading name
    shutil.copy(FIXTURES / "arabic-rss2.xml", disguised)
    atom = tmp_path / "atom.opml"  # an Atom feed named like OPML
    shutil.copy(FIXTURES / "atom-rtl.xml", atom)
    opml = tmp_path / "subscriptions.xml"
    shutil.copy(FIXTURES / "subscriptions.opml", opml)
    legacy = tmp_path / "legacy"
    shutil.copy(FIXTURES / "windows-1256-undeclared.xml", legacy)
    db = ["--db", str(db_dir)]
    status, out, _ = run(capsys, *db, "import", str(disguised), str(atom), str(opml), str(legacy))
    assert status == 0
    assert f"{disguised}: 3 article(s), 3 headline(s)" in out
    assert f"{atom}: 2 article(s), 2 headline(s)" in out
    assert f"{legacy}: 1 article(s), 1 headline(s)" in out
    assert "\n  subscribed to 3 new feed(s)" in out and "problem: subscribed" not in out
    assert len(FeedRegistry(db_dir).feeds()) == 3
    status, out, _ = run(capsys, *db, "ticker", "--json")
    headlines = [line["headline"] for line in json.loads(out)]
    assert "عاجل: انطلاق القمة العربية في الرياض" in headlines
    assert "الحكومة تعلن خطة جديدة للنقل العام" in headlines
    status, out, _ = run(capsys, *db, "import", str(disguised))  # again: nothing new
    assert out.startswith(f"{disguised}: 0 article(s), 0 headline(s), 6 duplicate(s) skipped")


def test_fetch_prints_a_line_per_feed_when_piped_and_a_summary(
    db_dir: Path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_dir)]
    good = server.fixture("/arabic.xml", "arabic-rss2.xml")
    FeedRegistry(db_dir).add(good, "الصباح")
    FeedRegistry(db_dir).add(server.url("/gone"))
    status, out, _ = run(capsys, *db, "fetch", "--timeout", "5")
    assert status == 0
    lines = out.splitlines()
    assert [line[:6] for line in lines[:2]] == ["[1/2] ", "[2/2] "]  # in order of completion
    host = good.split("/")[2]
    assert {line[6:] for line in lines[:2]} == {
        "الصباح: 3 new",
        f"{host}: failed: HTTP 404 Not Found",
    }
    assert out.splitlines()[2] == (
        "2 feed(s): 3 new article(s), 3 new headline(s), 0 not modified, 1 failed"
    )
    status, out, _ = run(capsys, *db, "fetch", "الصباح")
    assert status == 0 and "1 feed(s): 0 new article(s)" in out
    status, out, _ = run(capsys, *db, "fetch", server.url("/gone"))
    assert status == 1 and "1 failed" in out  # every feed failed


def test_fetch_draws_a_progress_bar_on_a_terminal(
    db_dir: Path,
    server: FeedServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fetch_command, "styled", lambda: True)
    monkeypatch.setenv("COLUMNS", "60")
    FeedRegistry(db_dir).add(server.fixture("/atom.xml", "atom-rtl.xml"), "قناة")
    status, out, _ = run(capsys, "--db", str(db_dir), "fetch")
    bar, summary = out.split("\n")[:2]
    assert status == 0 and bar == "\r" + "[####################] 1/1 قناة".ljust(59)
    assert summary.startswith("1 feed(s): 2 new article(s)")


def test_python_m_reader_fetch_in_a_real_process(db_dir: Path, server: FeedServer) -> None:
    FeedRegistry(db_dir).add(server.fixture("/atom.xml", "atom-rtl.xml"), "قناة")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1"}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db_dir), "fetch", "--timeout", "5"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "[1/1] قناة: 2 new",
        "1 feed(s): 2 new article(s), 2 new headline(s), 0 not modified, 0 failed",
    ]
    assert done.stderr == ""


def test_fetch_downloads_before_the_library_opens(
    db_dir: Path,
    server: FeedServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The downloads need only the feed list: they run while the library opens and loads
    (seconds for a big one), not after. Opening waits here until the server has been asked
    for every feed (or 30 s): with downloads started after the open, it never is."""
    paths = [f"/early{n}.xml" for n in range(10)]  # enough feeds to parse on the workers
    urls = [server.add(path, body=feed_bytes(3, offset=3 * n)) for n, path in enumerate(paths)]
    FeedRegistry(db_dir).add_many([(url, None, None) for url in urls])
    asked_before_opening = []
    real = fetch_command.open_store

    def open_store(args: argparse.Namespace) -> Library:
        deadline = time.monotonic() + 30
        while not all(map(server.seen, paths)) and time.monotonic() < deadline:
            time.sleep(0.01)
        asked_before_opening.append(all(map(server.seen, paths)))
        return real(args)

    monkeypatch.setattr(fetch_command, "open_store", open_store)
    status, out, _ = run(capsys, "--db", str(db_dir), "fetch")
    assert status == 0 and asked_before_opening == [True]
    assert "10 feed(s): 30 new article(s), 30 new headline(s), 0 not modified, 0 failed" in out


def test_feeds_stay_light_and_free_of_textual() -> None:
    code = (
        "import sys, reader.cli, reader.ingest.pipeline;"
        "assert 'feedparser' not in sys.modules and 'bs4' not in sys.modules, 'eager';"
        "import reader.feeds.fetch, reader.feeds.sniff;"
        "assert 'textual' not in sys.modules, 'textual'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
