"""`newsreader sync` end to end against a real Coldsweat on loopback: what arrives, what goes up,
what comes down, two databases through one server, and a server that goes away mid-session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.library.bootstrap import open_library
from reader.library.locations import load_config
from reader.sync.config import sync_config
from reader.sync.engine import sync
from reader.sync.fever import Unreachable
from tests.coldsweat_server import PASSWORD, USER
from tests.conftest import run
from tests.sync_support import World, coldsweat_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with coldsweat_world(tmp_path / "coldsweat", {"alpha": 60, "beta": 4}) as running:
        yield running


@pytest.fixture
def configured(world: World, isolated_home: Path) -> Path:
    """A config.toml whose [sync] names the Coldsweat, with the password in a file."""
    secret = isolated_home / "password"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(PASSWORD + "\n")
    write_config(isolated_home, f'url = "{world.server.url}"\npassword_file = "{secret}"\n')
    return secret


def write_config(home: Path, sync_keys: str, user: str = USER) -> None:
    config = home / "config" / "newsreader" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[sync]\nkind = "fever"\nuser = "{user}"\n{sync_keys}')


def synced(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    status, out, err = run(capsys, "--db", str(db), "sync")
    assert status == 0, err
    return out


def articles(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, dict[str, Any]]:
    """The synced articles (not the bundled seed pages), by title."""
    status, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert status == 0
    found = {a["title"]: a for a in json.loads(out) if a["source"].startswith("أخبار ")}
    return found


def remote_ids(world: World) -> dict[str, int]:
    return {item["title"]: item["id"] for item in world.server.items()}


def test_feeds_and_items_arrive_once(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = synced(capsys, db_dir)
    assert "2 feed(s), 64 new items" in out
    found = articles(capsys, db_dir)
    assert set(found) == set(remote_ids(world))
    first = found["خبر alpha رقم 0"]
    assert first["source"] == "أخبار alpha"
    assert first["link"] == "http://alpha.example/news/0"
    assert not first["read"] and not first["starred"]
    store = open_library(str(db_dir))
    try:  # the same entity indexing as every other way in
        assert any(e.text == "القاهرة" for e in store.entities.of(first["id"]))
    finally:
        store.close()
    assert "0 new items" in synced(capsys, db_dir)
    assert len(articles(capsys, db_dir)) == 64


def test_read_and_star_here_show_on_the_server(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced(capsys, db_dir)
    found, ids = articles(capsys, db_dir), remote_ids(world)
    assert (
        run(capsys, "--db", str(db_dir), "mark", found["خبر alpha رقم 3"]["id"], "--read")[0] == 0
    )
    assert run(capsys, "--db", str(db_dir), "mark", found["خبر beta رقم 1"]["id"], "--star")[0] == 0
    assert "2 change(s) sent" in synced(capsys, db_dir)
    assert ids["خبر alpha رقم 3"] not in world.server.unread_ids()
    assert ids["خبر beta رقم 0"] in world.server.unread_ids()
    assert world.server.saved_ids() == {ids["خبر beta رقم 1"]}
    assert "0 change(s) sent" in synced(capsys, db_dir)  # nothing sent twice


def test_read_on_the_server_shows_here(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced(capsys, db_dir)
    ids = remote_ids(world)
    world.server.mark(ids["خبر alpha رقم 7"], "read")
    world.server.mark(ids["خبر alpha رقم 8"], "saved")
    assert "2 change(s) received" in synced(capsys, db_dir)
    found = articles(capsys, db_dir)
    assert found["خبر alpha رقم 7"]["read"] and not found["خبر alpha رقم 7"]["starred"]
    assert found["خبر alpha رقم 8"]["starred"] and not found["خبر alpha رقم 8"]["read"]
    assert not found["خبر alpha رقم 9"]["read"]
    world.server.mark(ids["خبر alpha رقم 7"], "unread")
    synced(capsys, db_dir)
    assert not articles(capsys, db_dir)["خبر alpha رقم 7"]["read"]


def test_a_change_on_each_side_keeps_both(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced(capsys, db_dir)
    ids, item = remote_ids(world), "خبر alpha رقم 5"
    run(capsys, "--db", str(db_dir), "mark", articles(capsys, db_dir)[item]["id"], "--star")
    world.server.mark(ids[item], "read")
    synced(capsys, db_dir)
    assert (
        articles(capsys, db_dir)[item] | {"read": True, "starred": True}
        == articles(capsys, db_dir)[item]
    )
    assert ids[item] in world.server.saved_ids() and ids[item] not in world.server.unread_ids()


def test_two_databases_agree_through_the_server(
    world: World, configured: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desk = tmp_path / "laptop", tmp_path / "desk"
    synced(capsys, laptop)
    synced(capsys, desk)
    on_laptop, on_desk = articles(capsys, laptop), articles(capsys, desk)
    assert {t: a["id"] for t, a in on_laptop.items()} == {t: a["id"] for t, a in on_desk.items()}
    run(capsys, "--db", str(laptop), "mark", on_laptop["خبر alpha رقم 1"]["id"], "--read")
    run(capsys, "--db", str(laptop), "mark", on_laptop["خبر alpha رقم 2"]["id"], "--star")
    run(capsys, "--db", str(desk), "mark", on_desk["خبر beta رقم 2"]["id"], "--read")
    run(capsys, "--db", str(desk), "mark", on_desk["خبر alpha رقم 2"]["id"], "--read")
    for db in (laptop, desk, laptop):
        synced(capsys, db)

    def states(db: Path) -> dict[str, tuple[bool, bool]]:
        return {t: (a["read"], a["starred"]) for t, a in articles(capsys, db).items()}

    assert states(laptop) == states(desk)
    changed = {t: s for t, s in states(desk).items() if s != (False, False)}
    assert changed == {
        "خبر alpha رقم 1": (True, False),
        "خبر alpha رقم 2": (True, True),
        "خبر beta رقم 2": (True, False),
    }
    ids = remote_ids(world)
    assert world.server.saved_ids() == {ids["خبر alpha رقم 2"]}
    read_on_server = set(ids.values()) - world.server.unread_ids()
    assert read_on_server == {ids[t] for t in changed}


def test_server_stopped_mid_session_loses_nothing(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced(capsys, db_dir)
    found = articles(capsys, db_dir)
    world.server.stop()
    run(capsys, "--db", str(db_dir), "mark", found["خبر alpha رقم 4"]["id"], "--read")
    status, _, err = run(capsys, "--db", str(db_dir), "sync")
    assert status == 1
    assert "cannot reach" in err and "1 local change(s) wait for the server" in err
    # Meanwhile the feed grows and the server comes back and fetches it.
    world.publish("alpha", 70)
    world.server.start()
    world.server.fetch()
    store = open_library(str(db_dir))
    config = sync_config(load_config())
    assert config is not None
    run(capsys, "--db", str(db_dir), "mark", found["خبر alpha رقم 6"]["id"], "--star")
    try:  # the server goes away again in the middle of a sync, after the new items came down
        with pytest.raises(Unreachable):
            sync(store, config, on_step=lambda step: step == "read state" and world.server.stop())
    finally:
        store.close()
    assert len(articles(capsys, db_dir)) == 74
    world.server.start()
    out = synced(capsys, db_dir)
    assert "0 new items" in out and "2 change(s) sent" in out
    ids = remote_ids(world)
    assert len(ids) == 74 == len(articles(capsys, db_dir))  # nothing lost, nothing doubled
    assert ids["خبر alpha رقم 4"] not in world.server.unread_ids()
    assert world.server.saved_ids() == {ids["خبر alpha رقم 6"]}
    assert articles(capsys, db_dir)["خبر alpha رقم 69"]["title"] == "خبر alpha رقم 69"


def test_password_from_a_command(
    world: World,
    configured: Path,
    isolated_home: Path,
    db_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_config(
        isolated_home, f'url = "{world.server.url}"\npassword_command = ["cat", "{configured}"]\n'
    )
    assert "64 new items" in synced(capsys, db_dir)


def test_wrong_password_is_a_clear_error(
    world: World, isolated_home: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = isolated_home / "wrong"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text("not the password")
    write_config(isolated_home, f'url = "{world.server.url}"\npassword_file = "{secret}"\n')
    status, _, err = run(capsys, "--db", str(db_dir), "sync")
    assert status == 1 and f"refused user '{USER}' and its password" in err
    assert "not the password" not in err


async def test_the_app_syncs_on_R(world: World, configured: Path, db_dir: Path) -> None:
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.status_line import StatusLine
    from reader.ui.widgets.ticker import Ticker

    store = open_library(str(db_dir))
    app = NewsReaderApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(200):  # [sync] is set: the app syncs once its first screen is shown
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if "new items" in screen.query_one(StatusLine).right:
                break
        ticker = screen.query_one(Ticker)
        assert "64 new items" in screen.query_one(StatusLine).right
        rows = {row.text: n for n, row in enumerate(ticker.rows)}
        assert "خبر beta رقم 3" in rows
        ticker.cursor = rows["خبر beta رقم 3"]
        await pilot.press("r", "s")
        await app.workers.wait_for_complete()
        world.server.mark(remote_ids(world)["خبر alpha رقم 0"], "read")
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 received" in screen.query_one(StatusLine).right
        by_text = {row.text: row for row in ticker.rows}
        assert not by_text["خبر alpha رقم 0"].unread and by_text["خبر alpha رقم 1"].unread
    store.close()
    ids = remote_ids(world)
    assert ids["خبر beta رقم 3"] not in world.server.unread_ids()
    assert world.server.saved_ids() == {ids["خبر beta رقم 3"]}


def test_status_says_what_waits_without_the_server(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--db", str(db_dir), "sync", "--status")
    assert status == 0 and "last sync: never" in out and "items synced: 0" in out
    synced(capsys, db_dir)
    world.server.stop()
    found = articles(capsys, db_dir)
    run(capsys, "--db", str(db_dir), "mark", found["خبر alpha رقم 2"]["id"], "--star")
    run(capsys, "--db", str(db_dir), "sync")
    status, out, _ = run(capsys, "--db", str(db_dir), "sync", "--status")
    assert status == 0
    assert "feeds: 2; items synced: 64" in out and "  أخبار alpha\n" in out
    assert "last error: cannot reach" in out and "local changes waiting: 1" in out


HOSTILE = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>evil</title><link>http://evil.example/</link>
<item><title>خبر &#x202E;مقلوب&#x202C; &lt;b&gt;عاجل&lt;/b&gt;</title>
<link>http://evil.example/1</link><guid>http://evil.example/1</guid>
<description><![CDATA[<p>نص <script>alert(1)</script>الخبر</p><iframe src="http://x/"></iframe>
<p><a href="javascript:alert(1)">رابط</a></p>]]></description></item>
</channel></rss>"""


def test_hostile_items_are_sanitised_like_any_feed(
    world: World, configured: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = world.feeds.add("/evil.xml", body=HOSTILE.encode())
    world.server.subscribe({url: "evil"})
    world.server.fetch()
    synced(capsys, db_dir)
    status, out, _ = run(capsys, "--db", str(db_dir), "list", "--json")
    evil = [a for a in json.loads(out) if a["link"] == "http://evil.example/1"]
    assert len(evil) == 1 and "\u202e" not in evil[0]["title"] and "مقلوب" in evil[0]["title"]
    status, out, _ = run(capsys, "--db", str(db_dir), "show", evil[0]["id"])
    assert status == 0, out
    assert "alert" not in out and "<script" not in out and "javascript:" not in out
    assert "نص" in out and "الخبر" in out
