"""A database directory that cannot be written (a read-only file system: EROFS; no
permission: EACCES): reading works, every write is one clear line and a non-zero exit, and
the app opens, shows articles and quits normally. Real mounts: as root, the commands run in a
private mount namespace with the directory bind-mounted read-only; otherwise the directory
is made unwritable (chmod), which gives EACCES."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.tmux_session import Tmux, newsreader_command

ROOT_USER = os.geteuid() == 0


@pytest.fixture
def frozen_db(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    subprocess.run([newsreader_command(), "--db", str(db), "list"], check=True, capture_output=True)
    if not ROOT_USER:
        for folder in (db, db / "bodies"):
            folder.chmod(0o555)
    return db


def read_only(db: Path, command: list[str]) -> list[str]:
    if not ROOT_USER:
        return command
    mount = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", mount, str(db), *command]


def newsreader(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = read_only(db, [sys.executable, "-m", "reader", "--db", str(db), *args])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_reads_work_and_writes_are_one_clear_line(frozen_db: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in frozen_db.rglob("*") if p.is_file()}
    listed = newsreader(frozen_db, "list")
    assert listed.returncode == 0 and listed.stderr == "" and len(listed.stdout.split("\n")) == 3
    first = listed.stdout.split()[0]
    shown = newsreader(frozen_db, "show", first, "--json")
    assert shown.returncode == 0 and "جو بايدن" in shown.stdout
    page = tmp_path / "page.txt"
    page.write_text("عنوان جديد\n\nفقرة", encoding="utf-8")
    for args in (
        ("import", str(page)),
        ("feeds", "add", "--no-fetch", "https://new.example/rss"),
        ("mark", "--star", first),
        ("fetch",),
    ):
        done = newsreader(frozen_db, *args)
        if args == ("fetch",):  # nothing subscribed: nothing to write, a plain answer
            assert done.returncode == 0 and "no feeds" in done.stdout
            continue
        assert done.returncode != 0, args
        lines = done.stderr.strip().split("\n")
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert "cannot write to the database" in lines[0] and "reading works" in lines[0]
    assert newsreader(frozen_db, "entities", first).returncode == 0
    assert {p: p.read_bytes() for p in frozen_db.rglob("*") if p.is_file()} == before


def test_the_app_reads_a_read_only_database(frozen_db: Path, env: dict[str, str]) -> None:
    tmux = Tmux(120, 36, {**env, "NEWSREADER_DB": str(frozen_db)})
    try:
        command = read_only(frozen_db, [newsreader_command(), "--bidi", "app"])
        tmux.type(" ".join(f"'{part}'" for part in command) + "; echo EXITED $?")
        tmux.send("Enter")
        before = sum(1 for row in tmux.wait_for("13:49") if row.strip())
        tmux.send("Enter")  # opening marks read: the write fails, the article still shows
        screen = tmux.wait_for("cannot write")
        assert sum(1 for row in screen if row.strip()) > before + 10  # the article's lines
        tmux.send("s")
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()
