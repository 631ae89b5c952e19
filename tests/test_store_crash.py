"""Processes killed (SIGKILL) at random moments and in the middle of a file write (the
harness's marker exists) leave a database that loads, holds everything committed before the
kill, has no duplicate after the same work is run again, has every article in the entity
index, and has no temporary file left. 50 kills: `import`, `fetch` and the app's writes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.library.library import Library
from tests.conftest import ROOT, SEEDS
from tests.fixtures.feeds.server import FeedServer

PAGES = 1500
HARNESS = str(Path(__file__).with_name("slow_write_harness.py"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "no_proxy": "127.0.0.1", "NO_PROXY": "127.0.0.1"}


def make_pages(folder: Path, group: int = 0) -> None:
    """PAGES new pages in `folder`, numbered from group * PAGES."""
    folder.mkdir(exist_ok=True)
    body = (SEEDS / "000_abffabad426bfcef.txt").read_text(encoding="utf-8")
    for n in range(group * PAGES, (group + 1) * PAGES):
        (folder / f"page{n:05}.txt").write_text(f"خبر رقم {n}\n{body}\nفقرة {n}", encoding="utf-8")


def feed(name: str, items: int) -> bytes:
    entries = "".join(
        f"<item><title>{name} خبر رقم {i}</title><link>http://{name}.example/{i}</link>"
        f"<description>فقرة عن جو بايدن في القاهرة {i}</description></item>"
        for i in range(items)
    )
    return f'<rss version="2.0"><channel><title>{name}</title>{entries}</channel></rss>'.encode()


def kill(
    proc: subprocess.Popen[bytes], marker: Path, delay: float | None, jitter: float = 0.02
) -> bool:
    """Kill after `delay` seconds, or (None) as soon as a write is under way (the harness's
    marker exists); True if the kill landed mid-write."""
    deadline = time.monotonic() + (delay if delay is not None else 30)
    mid_write = False
    while time.monotonic() < deadline and proc.poll() is None:
        if delay is None and marker.exists():
            time.sleep(random.uniform(0, jitter))
            mid_write = marker.exists()
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    marker.unlink(missing_ok=True)
    return mid_write


def leftovers(db: Path) -> list[Path]:
    return [p for p in db.rglob("*") if p.name.endswith(".tmp") or ".damaged" in p.name]


def check(db: Path, known: set[str]) -> set[str]:
    store = Library(db)  # must load: no damaged file, no StoreError, nothing set aside
    assert store.warnings == []
    ids = {meta.id for meta in store.articles()}
    assert known <= ids, "articles stored before the kill were lost"
    bodies = {article.id for article in store.iter_articles()}  # reads every body file
    assert ids <= bodies, "the index lists a body that is missing"
    assert leftovers(db) == [], "a killed writer's temporary file was not swept"
    store.close()
    return ids


def check_complete(db: Path, expected: int) -> None:
    store = Library(db)
    assert len(store.articles()) == expected
    stored = [
        doc["id"]
        for path in (db / "bodies").glob("*.json")
        for doc in json.loads(path.read_text(encoding="utf-8"))["bodies"].values()
    ]
    assert len(stored) == len(set(stored)) == expected, "a body was stored twice"
    assert store.unindexed() == [], "stored articles missing from the entity index"
    assert leftovers(db) == []


def run_kills(
    command: list[str],
    db: Path,
    marker: Path,
    kills: int,
    seed: int,
    jitter: float = 0.02,
    more: Callable[[], None] | None = None,
) -> int:
    """At least `kills` kills, half of them timed to a write; more (up to 5x: at load 9 a
    landing saw 5 of 60 land mid-write, where 6 are needed) until a third of them landed
    mid-write. A run that finishes its work before it is killed calls `more`, so the kills
    after it still find writes to land in. Returns how many kills landed mid-write."""
    rng = random.Random(seed)
    known: set[str] = set()
    mid_writes = attempt = 0
    while attempt < kills or (mid_writes < kills // 3 and attempt < 5 * kills):
        proc = subprocess.Popen(
            command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        delay = None if attempt % 2 == 0 else rng.uniform(0.4, 1.5)
        mid_writes += kill(proc, marker, delay, jitter)
        known = check(db, known)
        attempt += 1
        if proc.returncode == 0 and more is not None:
            more()
    return mid_writes


def test_kill_during_import(tmp_path: Path) -> None:
    pages, db, marker = tmp_path / "pages", tmp_path / "db", tmp_path / "writing"
    make_pages(pages)
    command = [sys.executable, HARNESS, str(marker), "--db", str(db), "import", str(pages)]
    groups = [1]

    def more() -> None:  # a run stored every page before its kill: give the next ones work
        make_pages(pages, groups[0])
        groups[0] += 1

    assert run_kills(command, db, marker, 20, 1234, more=more) >= 6, "too few kills mid-write"
    done = subprocess.run(
        [sys.executable, "-m", "reader", *command[3:]], env=ENV, capture_output=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    check_complete(db, groups[0] * PAGES + 2)  # the pages and the two seeds


def test_kill_during_fetch(tmp_path: Path) -> None:
    db, marker = tmp_path / "db", tmp_path / "writing"
    with FeedServer() as server:
        for n in range(6):
            server.add(f"/f{n}.xml", body=feed(f"feed{n}", 150))
            subprocess.run(
                [sys.executable, "-m", "reader", "--db", str(db), "feeds", "add"]
                + [server.url(f"/f{n}.xml")],
                env=ENV,
                check=True,
                capture_output=True,
            )
        command = [sys.executable, HARNESS, str(marker), "--db", str(db), "fetch", "--jobs", "2"]
        # many small files (body shards) are written quickly: kill closer to the write's start
        assert run_kills(command, db, marker, 15, 99, 0.003) >= 5, "too few kills mid-write"
        done = subprocess.run(
            [sys.executable, "-m", "reader", *command[3:]], env=ENV, capture_output=True
        )
        assert done.returncode == 0, done.stderr
    check_complete(db, 6 * 150 + 2)


APP_WRITES = """
import sys
from pathlib import Path
from reader.library.library import Library
library = Library(Path(sys.argv[1]))
ids = [m.id for m in library.articles()]
n = 0
while True:  # what the app does on Enter, r and s, until it is killed
    article = ids[n % len(ids)]
    library.mark_opened(article) if n % 3 == 0 else library.toggle(article, "starred")
    state = library.reading.state(article)
    print(article, int(state.read), int(state.starred), flush=True)
    n += 1
"""


def test_kill_during_the_apps_writes(tmp_path: Path) -> None:
    db, marker = tmp_path / "db", tmp_path / "writing"
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(40):
        (pages / f"p{n}.txt").write_text(f"عنوان {n}\nفقرة {n}", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "import", str(pages)],
        env=ENV,
        check=True,
        capture_output=True,
    )
    script = tmp_path / "app_writes.py"
    script.write_text(APP_WRITES, encoding="utf-8")
    harness = tmp_path / "harness.py"  # the slow-write harness, running the script instead
    harness.write_text(
        Path(HARNESS)
        .read_text(encoding="utf-8")
        .replace(
            "    from reader.cli import main\n\n    sys.exit(main(sys.argv[2:]))",
            f"    sys.argv = sys.argv[1:]\n    exec(open({str(script)!r}).read())",
        ),
        encoding="utf-8",
    )
    command = [sys.executable, str(harness), str(marker), str(db)]
    rng = random.Random(7)
    mid_writes = attempt = 0
    while attempt < 15 or (mid_writes < 5 and attempt < 45):
        attempt += 1
        before = Library(db).reading.states()
        proc = subprocess.Popen(command, env=ENV, stdout=subprocess.PIPE, text=True)
        delay = None if attempt % 2 == 0 else rng.uniform(0.5, 1.5)
        mid_writes += kill(proc, marker, delay)
        after = Library(db)
        assert after.warnings == [] and leftovers(db) == []
        # every state the killed process finished writing (it printed after each) is kept
        assert proc.stdout is not None
        finished = proc.stdout.read().split("\n")[:-1]
        # no other article's state changed: only those it wrote, and the one it was writing
        touched = {line.split()[0] for line in finished}
        moved = {i for i in before if after.reading.state(i) != before[i]} - touched
        assert len(moved) <= 1, moved
        if finished:  # the next write was to another article: this one's state is final
            article, read, starred = finished[-1].split()
            state = after.reading.state(article)
            assert (state.read, state.starred) == (read == "1", starred == "1")
    assert mid_writes >= 5
