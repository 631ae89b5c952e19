"""A decompression bomb from a server: 1 GiB of zeros as 1 MB of gzip is cut off at the cap,
in a real `newsreader fetch` process whose peak memory is measured."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

from reader.library.feed_registry import FeedRegistry
from tests.conftest import ROOT
from tests.fixtures.feeds.server import FeedServer


def gzip_bomb(size: int = 2**30) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b"<rss>" + b" " * (2**20 - 5)
    parts = [packer.compress(block)]
    zeros = b"\0" * 2**20
    parts += [packer.compress(zeros) for _ in range(size // 2**20 - 1)]
    return b"".join(parts) + packer.flush()


def test_a_gzip_bomb_is_cut_off_at_the_cap_in_bounded_memory(
    db_dir: Path, server: FeedServer
) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 2 * 2**20
    url = server.add("/bomb.xml", body=bomb, headers={"Content-Encoding": "gzip"})
    FeedRegistry(db_dir).add(url, "bomb")
    code = (
        "import resource, subprocess, sys;"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024);"
        "print(done.returncode); print(done.stdout)"
    )
    argv = [sys.executable, "-m", "reader", "--db", str(db_dir), "fetch", "--timeout", "30"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_PROXY": "127.0.0.1"}
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, timeout=300
    )
    peak, status, out = done.stdout.split("\n", 2)
    assert status == "1" and "feed larger than 64 MiB uncompressed" in out, out
    assert int(peak) < 250, f"{peak} MB: the bomb was inflated past the cap"
