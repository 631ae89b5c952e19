"""How fast reader.bidi lays out an article, uncached: `python benchmarks/bench_bidi.py`.

Each seed page (about 4 KB of Arabic news, UTF-8) is laid out paragraph by paragraph at width
80 in app mode; every round starts with reader.bidi.clear_caches(), which forgets the layout,
paragraph, fitted-line and shaped-word caches, so a round is a first view of the article. The
character tables (built once per process from unicodedata, like compiled regexes) are built
before timing; their one-off cost is printed apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.bidi import clear_caches, layout_paragraph  # noqa: E402
from reader.bidi.tables import tables  # noqa: E402


def one_round(paragraphs: list[str], width: int, mode: str) -> float:
    clear_caches()
    started = time.perf_counter()
    for text in paragraphs:
        layout_paragraph(text, width, mode)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--mode", choices=("app", "terminal"), default="app")
    args = parser.parse_args()

    started = time.perf_counter()
    tables()
    print(f"character tables, once per process: {(time.perf_counter() - started) * 1e3:.0f} ms")
    total_chars, total_time = 0, 0.0
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        paragraphs = text.split("\n")
        chars = sum(map(len, paragraphs))
        one_round(paragraphs, args.width, args.mode)  # warm the interpreter, not the caches
        times = [one_round(paragraphs, args.width, args.mode) for _ in range(args.rounds)]
        median = statistics.median(times)
        total_chars, total_time = total_chars + chars, total_time + median
        print(
            f"{seed.name}: {len(text.encode()):,} bytes, {chars:,} chars, "
            f"{len(paragraphs)} paragraphs: median {median * 1e3:.2f} ms = "
            f"{chars / median:,.0f} chars/s (best {chars / min(times):,.0f})"
        )
    print(
        f"uncached, width {args.width}, {args.mode} mode: {total_chars / total_time:,.0f} chars/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
