"""A database directory that cannot be written (a read-only file system: EROFS; no
permission: EACCES): reading works, every write is one clear line and a non-zero exit, and
the app opens, shows articles and quits normally. Real mounts: as root, the commands run in a
private mount namespace with the directory bind-mounted read-only; otherwise the directory
is made unwritable (chmod), which gives EACCES."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, month_files
from tests.tmux_session import Tmux, newsreader_command

ROOT_USER = os.geteuid() == 0


@pytest.fixture
def frozen_db(tmp_path: Path) -> Path:
    db = tmp_path / "db"
    subprocess.run([newsreader_command(), "--db", str(db), "list"], check=True, capture_output=True)
    code = "import sys; from pathlib import Path; from reader.library.library import Library; "
    code += "Library(Path(sys.argv[1])).search('بايدن')"  # the search index exists, too
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, env=env)
    if not ROOT_USER:
        for folder in (db, db / "bodies", db / "index"):
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
        before = tmux.wait_for("13:49")
        tmux.send("Enter")  # opening marks read: the write fails, the article still shows
        tmux.wait_until(  # the error in the status line, and the article's lines shown
            lambda rows: (
                any("cannot write" in row for row in rows)
                and sum(old != new for old, new in zip(before, rows, strict=False)) > 10
            ),
            timeout=60,
        )
        tmux.send("s")
        tmux.send("q")
        tmux.wait_for("EXITED 0")
    finally:
        tmux.close()


def containing(db: Path, word: str) -> int:
    """Records whose stored text contains `word`, read from the JSON files directly."""
    found = 0
    for month in month_files(db):
        index = json.loads(month.read_text(encoding="utf-8"))
        found += sum(word in h["headline"] for h in index.get("headlines", {}).values())
    for shard in (db / "bodies").glob("*.json"):
        bodies = json.loads(shard.read_text(encoding="utf-8"))["bodies"].values()
        found += sum(word in " ".join((b["title"], *b["paragraphs"])) for b in bodies)
    return found


def test_search_on_a_read_only_database(frozen_db: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from reader.library.library import Library; "
        "l = Library(Path(sys.argv[1])); print(len(l.search('بايدن')), len(l.search('جو')))"
    )
    command = read_only(frozen_db, [sys.executable, "-c", code, str(frozen_db)])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    expected = [containing(frozen_db, "بايدن"), containing(frozen_db, "جو")]
    assert [int(n) for n in done.stdout.split()] == expected and expected[0] > 0


def test_an_old_database_that_cannot_be_written_is_read_in_place(tmp_path: Path) -> None:
    legacy = ROOT / "tests" / "fixtures" / "legacy_db" / "db"
    db = Path(shutil.copytree(legacy, tmp_path / "old"))
    if not ROOT_USER:
        for folder in (db, db / "bodies"):
            folder.chmod(0o555)
    before = {p: p.read_bytes() for p in db.rglob("*") if p.is_file()}
    listed = newsreader(db, "list")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    assert len(listed.stdout.strip().split("\n")) == 5  # the five articles of index.json
    shown = newsreader(db, "show", "2a3ccff733542e9b")
    assert shown.returncode == 0 and "نتنياهو" in shown.stdout
    listed = newsreader(db, "list", "--json")  # the old state.json's states, read in place
    states = {a["id"]: (a["read"], a["starred"]) for a in json.loads(listed.stdout)}
    assert states["2a3ccff733542e9b"] == (True, False)
    assert states["203107b7d80d10c4"] == (True, True)
    assert states["e2cd87e910afb77f"] == (False, True)
    assert {p: p.read_bytes() for p in db.rglob("*") if p.is_file()} == before  # not upgraded
