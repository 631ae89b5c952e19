"""How fast reader.entities is: load (first import + first extract, in a fresh process) and
extraction per 4 KB article. A plain script; budgets: 100 ms to load, 1 ms per 4 KB.

Times are CPU time (time.process_time), which moves less than wall time on a shared
machine; the load line gives both (the load is CPU time of the child process). The peer,
measured in the same run on the same text, is one pass that only reads the words: a regex
word split plus `normalise` per word. The ratio to it is the number to compare between machines.

The extractor caches per distinct word and per window of joined words, so the same text
timed 200 times is its best case. The last line is the fairer one: 300 different 4 KB
articles (glued from the sentences of tests/data, so names recur as they do in news; about
three times as many names per word as the seed pages), each extracted once, after a warm-up
on other text. Every line gives the median and the 90th percentile.

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
    "import time; t, c = time.perf_counter(), time.process_time()\n"
    "from reader.entities import extract\n"
    "extract(open({path!r}, encoding='utf-8').read())\n"
    "print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)"
)


def article_of(size: int) -> str:
    """A text of exactly `size` UTF-8 bytes (whole characters) cut from the seed pages."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS) * 4
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def load_times(runs: int = 7) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of the import and first extract, one fresh process each."""
    code = LOAD.format(path=str(SEEDS[0]))
    wall, cpu = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        first, second = done.stdout.split()
        wall.append(float(first))
        cpu.append(float(second))
    return wall, cpu


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
    wall, cpu = load_times()
    print(
        f"load (import + first extract of seed 000, fresh process): CPU median "
        f"{statistics.median(cpu):.1f} ms, max {max(cpu):.1f} ms; wall median "
        f"{statistics.median(wall):.1f} ms (budget 100 ms)"
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
            f"p90 {p90(times):.2f} ms (budget 1 ms per 4 KB); "
            f"peer {base:.2f} ms, ratio {statistics.median(times) / base:.1f}"
        )
    distinct_articles()
    return 0


def p90(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.9)]


def distinct_articles(count: int = 300) -> None:
    from reader.entities import extract
    from tests.entities_corpus import articles, sentences

    texts = list(articles(sentences(), count + 20))
    for text in texts[count:]:
        extract(text)  # warm-up on articles not timed
    spent, base = [], []
    for text in texts[:count]:
        start = time.process_time()
        extract(text)
        spent.append((time.process_time() - start) * 1000)
        start = time.process_time()
        peer(text)
        base.append((time.process_time() - start) * 1000)
    print(
        f"extract, {count} different 4 KB articles, each once: median "
        f"{statistics.median(spent):.2f} ms, p90 {p90(spent):.2f} ms (budget 1 ms); peer "
        f"median {statistics.median(base):.2f} ms, ratio {sum(spent) / sum(base):.1f}"
    )


if __name__ == "__main__":
    sys.exit(main())
