"""The Fever API client against a real Coldsweat on loopback (no fake server anywhere)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.sync.fever import AuthError, FeverClient, FeverError, Unreachable
from tests.coldsweat_server import PASSWORD, USER
from tests.sync_support import World, coldsweat_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with coldsweat_world(tmp_path_factory.mktemp("coldsweat"), {"alpha": 120, "beta": 3}) as w:
        yield w


@pytest.fixture
def client(world: World) -> Iterator[FeverClient]:
    fever = FeverClient(world.server.url, USER, PASSWORD)
    yield fever
    fever.close()


def test_feeds_and_groups(client: FeverClient, world: World) -> None:
    feeds = {f.url: f for f in client.feeds()}
    assert set(feeds) == {world.feeds.url("/alpha.xml"), world.feeds.url("/beta.xml")}
    assert feeds[world.feeds.url("/alpha.xml")].title == "أخبار alpha"
    assert feeds[world.feeds.url("/beta.xml")].site == "http://beta.example/"
    assert list(client.groups().values()) == ["Default"]


def test_items_page_past_fifty_without_gaps_or_repeats(client: FeverClient) -> None:
    pages = list(client.items_since(0))
    ids = [item.id for page in pages for item in page]
    assert len(pages) >= 3  # 123 items, 50 a page
    assert len(ids) == len(set(ids)) == 123
    titles = {item.title for page in pages for item in page}
    assert {f"خبر alpha رقم {n}" for n in range(120)} <= titles
    assert all(item.html.startswith("<p>وصل الوفد") for page in pages for item in page)


def test_paging_is_bounded(client: FeverClient) -> None:
    assert sum(len(page) for page in client.items_since(0, max_pages=1)) == 50


def test_since_id_returns_only_newer(client: FeverClient) -> None:
    newest = max(item.id for page in client.items_since(0) for item in page)
    assert list(client.items_since(newest)) == []
    assert [i.id for p in client.items_since(newest - 2) for i in p] == [newest - 1, newest]


def test_mark_read_unread_saved_unsaved(client: FeverClient, world: World) -> None:
    item = next(iter(client.items_since(0)))[0].id
    assert item in client.unread_item_ids() and item in world.server.unread_ids()
    client.mark_item(item, "read")
    assert item not in world.server.unread_ids()
    assert item not in client.unread_item_ids()
    client.mark_item(item, "unread")
    assert item in world.server.unread_ids()
    client.mark_item(item, "saved")
    assert world.server.saved_ids() == client.saved_item_ids() == {item}
    client.mark_item(item, "unsaved")
    assert world.server.saved_ids() == set()


def test_wrong_password_is_an_auth_error(world: World) -> None:
    fever = FeverClient(world.server.url, USER, "not the password")
    with pytest.raises(AuthError, match="refused user"):
        fever.check()


def test_server_down_is_unreachable(world: World, tmp_path: Path) -> None:
    fever = FeverClient("http://127.0.0.1:9/fever/", USER, PASSWORD, timeout=2)
    with pytest.raises(Unreachable, match="cannot reach"):
        fever.check()


def test_not_a_fever_server(world: World) -> None:
    fever = FeverClient(world.feeds.url("/alpha.xml"), USER, PASSWORD)
    with pytest.raises(FeverError, match="Fever API|HTTP"):
        fever.check()
