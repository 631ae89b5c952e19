"""A process killed in the middle of an import leaves the previous database loadable and
complete: this kills real `newsreader import` processes, at random moments and at the
moment a database file is being written (its temporary file exists)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.library.store import ArticleStore
from tests.conftest import ROOT, SEEDS

PAGES = 1500


def make_pages(folder: Path) -> None:
    folder.mkdir()
    body = (SEEDS / "000_abffabad426bfcef.txt").read_text(encoding="utf-8")
    for n in range(PAGES):
        (folder / f"page{n:05}.txt").write_text(f"خبر رقم {n}\n{body}\nفقرة {n}", encoding="utf-8")


def kill(proc: subprocess.Popen[bytes], marker: Path, delay: float | None) -> bool:
    """Kill after `delay` seconds, or (None) as soon as a write is under way (the harness's
    marker exists); True if the kill landed mid-write."""
    deadline = time.monotonic() + (delay if delay is not None else 30)
    mid_write = False
    while time.monotonic() < deadline and proc.poll() is None:
        if delay is None and marker.exists():
            time.sleep(random.uniform(0, 0.02))
            mid_write = marker.exists()
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return mid_write


def check(db: Path, known: set[str]) -> set[str]:
    store = ArticleStore(db)  # must load: no damaged file, no StoreError
    ids = {meta.id for meta in store.articles()}
    assert known <= ids, "articles stored before the kill were lost"
    bodies = {article.id for article in store.iter_articles()}  # reads every body file
    assert ids <= bodies, "the index lists a body that is missing"
    return ids


def test_kill_during_import_never_loses_or_corrupts_stored_data(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    make_pages(pages)
    db = tmp_path / "db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    marker = tmp_path / "writing"
    harness = str(Path(__file__).with_name("slow_write_harness.py"))
    command = [sys.executable, harness, str(marker), "--db", str(db), "import", str(pages)]
    rng = random.Random(1234)
    known: set[str] = set()
    mid_writes = 0
    for attempt in range(10):
        proc = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        delay = None if attempt % 2 == 0 else rng.uniform(0.4, 1.5)
        mid_writes += kill(proc, marker, delay)
        known = check(db, known)
    assert mid_writes >= 3, "too few kills landed during a write; the test proved little"
    command = [sys.executable, "-m", "reader", *command[3:]]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert len(check(db, known)) == PAGES + 2  # the pages and the two seeds
