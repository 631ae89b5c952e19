"""The [sync], [refresh] and [notify] config sections, durations, the refresh lock, and
`newsreader sync`'s errors when it has no usable config or server."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reader.library.feed_registry import Feed
from reader.library.locations import ConfigError
from reader.library.refresh_lock import RefreshBusy, refreshing
from reader.sync.config import sync_config
from reader.sync.notify import notify_config, run_command, terminal_sequence
from reader.sync.schedule import parse_duration, refresh_config
from tests.conftest import run


def write_config(home: Path, text: str) -> None:
    path = home / "config" / "newsreader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("2d", 172800), ("1.5h", 5400)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "15", "m", "15x", "1h 30", "0s", "31d", "-5m", "1e3s"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_sync_section() -> None:
    assert sync_config({}) is None
    config = sync_config(
        {"sync": {"url": "https://r.example/fever/", "user": "u", "password_command": "pass x"}}
    )
    assert config is not None and config.kind == "fever"
    assert config.password_command == ("pass", "x")


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"kind": "ttrss"}, "not supported"),
        ({"url": "ftp://x/"}, "url must be"),
        ({"user": ""}, "user must be"),
        ({"password_file": None, "password_command": None}, "exactly one"),
        ({"password_command": "x"}, "exactly one"),
        ({"password": "hunter2"}, "unknown key"),
    ],
)
def test_bad_sync_sections(section: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"url": "http://r.example/", "user": "u", "password_file": "/p"}
    merged = {k: v for k, v in {**base, **section}.items() if v is not None}
    with pytest.raises(ConfigError, match=message):
        sync_config({"sync": merged})


def test_password_file_and_command(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cret words\nignored second line\n")
    by_file = sync_config({"sync": {"url": "http://r/", "user": "u", "password_file": str(secret)}})
    assert by_file is not None and by_file.password() == "s3cret words"
    argv = [sys.executable, "-c", "print('from a command')"]
    by_command = sync_config({"sync": {"url": "http://r/", "user": "u", "password_command": argv}})
    assert by_command is not None and by_command.password() == "from a command"
    failing = sync_config(
        {"sync": {"url": "http://r/", "user": "u", "password_command": ["false"]}}
    )
    assert failing is not None
    with pytest.raises(ConfigError, match="exited with 1"):
        failing.password()
    missing = sync_config(
        {"sync": {"url": "http://r/", "user": "u", "password_file": str(tmp_path / "none")}}
    )
    assert missing is not None
    with pytest.raises(ConfigError, match="cannot read password_file"):
        missing.password()


def test_refresh_section_and_due_feeds() -> None:
    config = refresh_config(
        {"refresh": {"interval": "1h", "feeds": {"https://fast/": "5m", "Quiet": "off"}}}
    )
    now = datetime.now().astimezone()
    ago = (now - timedelta(minutes=10)).isoformat()
    fast, slow = Feed("https://fast/", checked=ago), Feed("https://slow/", checked=ago)
    quiet, new = Feed("https://q/", name="Quiet"), Feed("https://new/")
    assert config.due([fast, slow, quiet, new], now) == [fast, new]
    assert config.tick == 300
    assert refresh_config({}).interval == 1800
    assert refresh_config({"refresh": {"interval": "off"}}).tick is None
    with pytest.raises(ConfigError, match="not a duration"):
        refresh_config({"refresh": {"interval": "soon"}})


def test_notify_sequences_are_sanitised() -> None:
    config = notify_config({"notify": {"bell": True, "osc": 777}})
    out = terminal_sequence(config, ["خبر\x1b]52;c;ZXZpbA==\x07 عاجل; ثم", "ثان"])
    assert out.startswith("\a\x1b]777;notify;newsreader;2 new items: ")
    assert out.endswith("\x1b\\")
    body = out[len("\a\x1b]777;notify;newsreader;") : -2]
    assert "\x1b" not in body and "\x07" not in body and ";" not in body
    assert "عاجل" in body
    osc9 = terminal_sequence(notify_config({"notify": {"osc": 9}}), ["one"])
    assert osc9 == "\x1b]9;1 new item: one\x1b\\"
    assert terminal_sequence(notify_config({}), ["one"]) == ""
    with pytest.raises(ConfigError, match="osc must be"):
        notify_config({"notify": {"osc": 52}})


def test_notify_command_gets_clean_titles_as_arguments_and_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script = (
        "import sys, json; "
        f"open({str(out)!r}, 'w').write(json.dumps([sys.argv[1:], sys.stdin.read()]))"
    )
    config = notify_config({"notify": {"command": [sys.executable, "-c", script]}})
    hostile = "عنوان $(touch pwned) `id`\x1b[31m; rm -rf ~"
    assert run_command(config, [hostile, "\x07\x1b]0;x\x07"]) is None
    args, stdin = __import__("json").loads(out.read_text())
    assert args == ["عنوان $(touch pwned) `id`; rm -rf ~"]  # the all-control title dropped
    assert stdin == "عنوان $(touch pwned) `id`; rm -rf ~\n"
    assert not (tmp_path / "pwned").exists()
    failing = notify_config({"notify": {"command": ["false"]}})
    assert run_command(failing, ["x"]) == "notify command 'false' exited with 1"


def test_one_refresh_at_a_time(tmp_path: Path) -> None:
    with refreshing(tmp_path), pytest.raises(RefreshBusy, match="another refresh"):  # noqa: SIM117
        with refreshing(tmp_path):
            pass
    with refreshing(tmp_path):  # released
        pass


def test_sync_without_a_config_says_what_to_add(
    isolated_home: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--db", str(db_dir), "sync")
    assert status == 1 and "no [sync] section in" in err and "config.toml" in err


def test_sync_with_a_bad_config_is_an_error_not_a_traceback(
    isolated_home: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(isolated_home, '[sync]\nkind = "fever"\nurl = "nowhere"\n')
    status, _, err = run(capsys, "--db", str(db_dir), "sync")
    assert status == 1 and "url must be" in err and "Traceback" not in err
    write_config(isolated_home, "[sync\n")
    status, _, err = run(capsys, "--db", str(db_dir), "sync")
    assert status == 1 and "cannot use config file" in err


def test_unreachable_server(
    isolated_home: Path, tmp_path: Path, db_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pw").write_text("x")
    write_config(
        isolated_home,
        f'[sync]\nurl = "http://127.0.0.1:9/fever/"\nuser = "u"\npassword_file = "{tmp_path}/pw"\n',
    )
    status, _, err = run(capsys, "--db", str(db_dir), "sync")
    assert status == 1 and "cannot reach http://127.0.0.1:9/fever/" in err
    assert "0 local change(s) wait for the server" in err


def test_sync_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "sync", "--help")
    out = capsys.readouterr().out
    assert "[sync]" in out and "--every DURATION" in out


@pytest.mark.parametrize("content", [b"{not json", b'{"items": [1, 2]}', b'{"items": {"1": {}}}'])
def test_a_damaged_sync_file_is_set_aside(tmp_path: Path, content: bytes) -> None:
    from reader.library.sync_state import RemoteLink, SyncState, load, save

    (tmp_path / "sync.json").write_bytes(content)
    state = load(tmp_path)
    assert state.items == {} and state.since_id == 0
    assert state.last_error is not None and "sync starts afresh" in state.last_error
    assert [p.name.startswith("sync.json.damaged-") for p in tmp_path.glob("sync.json*")] == [True]
    save(tmp_path, SyncState("fever u v", 9, {1: "أخبار"}, {5: RemoteLink("ab" * 8, True, False)}))
    again = load(tmp_path)
    assert again.since_id == 9 and again.feeds == {1: "أخبار"}
    assert again.items == {5: RemoteLink("ab" * 8, True, False)}
