"""Shared fixtures: every test gets its own XDG directories and database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from tests.fixtures.feeds.server import FeedServer

ROOT = Path(__file__).resolve().parents[1]


def month_files(db: Path) -> list[Path]:
    """The index's month files of a database directory (index/YYYY-MM.json, undated.json)."""
    return sorted(p for p in (db / "index").glob("*.json") if p.stem != "months")


def run_in_zone(db: Path, zone: str, *argv: str) -> str:
    """`newsreader --db DB ARGV...` in a real process with TZ=zone; its output."""
    env = {**os.environ, "TZ": zone, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *argv],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_abffabad426bfcef.txt"
SEED_004 = SEEDS / "004_76b72a07ec1e3aad.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real ~/.local/share or ~/.config."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    monkeypatch.delenv("NEWSREADER_BIDI", raising=False)
    return home


@pytest.fixture
def db_dir(tmp_path: Path) -> Path:
    return tmp_path / "db"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`newsreader ARGV...` in this process: (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 serving fixture feeds."""
    for name in ("no_proxy", "NO_PROXY"):  # a proxy set in the environment must not get these
        monkeypatch.setenv(name, "127.0.0.1")
    with FeedServer() as running:
        yield running


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for a newsreader run in a real terminal: its own database and config."""
    return {
        "NEWSREADER_DB": str(tmp_path / "db"),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
