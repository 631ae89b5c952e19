"""Plain `newsreader` (the reader) does not load the commands' import/fetch/entity machinery."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
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
