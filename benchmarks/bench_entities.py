"""How fast reader.entities is: load (first import + first extract, in a fresh process) and
extraction per 4 KB article. A plain script; budgets: 100 ms to load, 1 ms per 4 KB.

Times are CPU time of this process (time.process_time), which moves less than wall time on
a shared machine. The peer, measured in the same run on the same text, is one pass that
only reads the words: a regex word split plus `normalise` per word. The ratio to it is the
number to compare between machines.

    python benchmarks/bench_entities.py
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LOAD = (
    "import time; t = time.perf_counter()\n"
    "from reader.entities import extract\n"
    "extract(open({path!r}, encoding='utf-8').read())\n"
    "print((time.perf_counter() - t) * 1000)"
)


def article_of(size: int) -> str:
    """A text of exactly `size` UTF-8 bytes (whole characters) cut from the seed pages."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS) * 4
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def load_times(runs: int = 7) -> list[float]:
    code = LOAD.format(path=str(SEEDS[0]))
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        times.append(float(done.stdout))
    return times


def peer(text: str) -> list[str]:
    """The cheapest pass over the words of a text: split them and normalise each."""
    from reader.entities import normalise

    return [normalise(word) for word in re.findall(r"\w+", text)]


def times_of(function: Callable[[str], object], text: str, runs: int = 200) -> list[float]:
    function(text)  # warm: the lists are loaded once per process
    times = []
    for _ in range(runs):
        start = time.process_time()
        function(text)
        times.append((time.process_time() - start) * 1000)
    return times


def main() -> int:
    loads = load_times()
    print(
        f"load (import + first extract of seed 000, fresh process): "
        f"median {statistics.median(loads):.1f} ms, min {min(loads):.1f} ms (budget 100 ms)"
    )
    for label, text in [
        ("4 KB article (4096 UTF-8 bytes)", article_of(4096)),
        ("4096-character article", article_of(8192 * 2)[:4096]),
        ("seed 000 page", SEEDS[0].read_text(encoding="utf-8")),
    ]:
        from reader.entities import extract

        times = times_of(extract, text)
        base = statistics.median(times_of(peer, text))
        print(
            f"extract, {label}, {len(text)} chars: median {statistics.median(times):.2f} ms, "
            f"p95 {sorted(times)[int(len(times) * 0.95)]:.2f} ms (budget 1 ms per 4 KB); "
            f"peer {base:.2f} ms, ratio {statistics.median(times) / base:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
