"""Shared fixtures: every test gets its own XDG directories and database."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
