"""Plain `newsreader` (the reader) does not load the commands' import/fetch/entity machinery."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from pathlib import Path
from reader.cli import parse
args = parse(["--db", "/nowhere", "--bidi", "app"])
assert args.command is None and args.db == "/nowhere" and args.bidi == "app", args
import reader.library.bootstrap
heavy = [m for m in ("reader.commands", "reader.ingest.pipeline", "httpx") if m in sys.modules]
print(",".join(heavy))
"""


def test_reader_start_up_skips_the_commands() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_command_still_parses_with_the_global_options() -> None:
    from reader.cli import parse

    args = parse(["--db", "/nowhere", "list"])
    assert args.command == "list" and args.db == "/nowhere"


APP_PROBE = """
import asyncio, sys
from pathlib import Path
from reader.library.bootstrap import open_library
from reader.ui.app import NewsReaderApp

async def main():
    app = NewsReaderApp(open_library(sys.argv[1], lazy=True))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):  # the first rows, the timers and the watcher have started
            await pilot.pause(0.02)
    heavy = ("reader.sync.engine", "reader.feeds.fetch", "httpx", "reader.ingest.pipeline")
    print(",".join(m for m in heavy if m in sys.modules))

asyncio.run(main())
"""


def test_the_app_starts_without_the_fetch_and_sync_machinery(tmp_path: Path) -> None:
    db = tmp_path / "db"
    subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "list"], check=True, capture_output=True
    )  # seeded once, so the app's start does not seed
    out = subprocess.run(
        [sys.executable, "-c", APP_PROBE, str(db)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", out.stdout  # loaded when R or the refresh timer runs


def test_importing_the_app_does_not_load_the_entity_extractor() -> None:
    """The sidebar needs the entity types only; the extractor and its lists load when the
    first article is analysed (40-100 ms of every start-up before)."""
    probe = "import sys, reader.ui.app; print(sorted(m for m in sys.modules if 'entities' in m))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


GC_PROBE = """
import asyncio, gc, sys
from reader.library.bootstrap import open_library
from reader.ui.app import NewsReaderApp

async def main():
    gc.disable()  # as reader.cli.main leaves it for the app's start
    app = NewsReaderApp(open_library(sys.argv[1], lazy=True))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
        print(gc.isenabled(), len(app.screen.rows))

asyncio.run(main())
"""


def test_the_collector_is_back_on_once_the_first_rows_are_shown(tmp_path: Path) -> None:
    db = tmp_path / "db"
    subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "list"], check=True, capture_output=True
    )
    out = subprocess.run(
        [sys.executable, "-c", GC_PROBE, str(db)], capture_output=True, text=True, check=True
    )
    enabled, rows = out.stdout.split()
    assert enabled == "True" and int(rows) > 0, out.stdout


FIRST_SCREEN_PROBE = """
import asyncio, sys
from pathlib import Path
from reader.library.bootstrap import open_library
from reader.ui.app import NewsReaderApp

library = open_library(sys.argv[1], lazy=True)
before = [m for m in ("filelock", "tomllib", "reader.sync.schedule") if m in sys.modules]
leftover = Path(sys.argv[1]) / "index" / ".2024-01.json.tmp"  # a killed writer's
leftover.write_text("{")

async def main():
    app = NewsReaderApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            rows = len(app.screen.rows)
            if rows and not leftover.exists():
                break
    print(",".join(before) or "-", leftover.exists(), rows > 0)

asyncio.run(main())
"""


def test_the_first_screen_reads_only_and_the_sweep_follows_it(tmp_path: Path) -> None:
    """Opening for the first screen takes no lock (filelock's import, the config parser and
    the refresh schedule wait: ~20 ms of the start); the leftovers of a killed writer are
    swept once the first rows are shown."""
    db, home = tmp_path / "db", tmp_path / "home"
    subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "list"], check=True, capture_output=True
    )
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}  # no config file
    out = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN_PROBE, str(db)],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    assert out.stdout.split() == ["-", "False", "True"], out.stdout + out.stderr


FONT_PROBE = """
import sys
import reader.bidi.shaping
hidden = "fontTools" not in sys.modules
from fontTools.ttLib import TTFont  # still there for whoever asks for it
print(hidden, TTFont.__name__)
"""


def test_shaping_does_not_load_fonttools_but_leaves_it_importable() -> None:
    """arabic_reshaper imports fontTools (a test extra here, and on many machines) for a
    feature the reader never uses; that import was 2% of the first screen's instructions."""
    out = subprocess.run(
        [sys.executable, "-c", FONT_PROBE], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "TTFont"], out.stdout + out.stderr
