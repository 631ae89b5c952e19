"""A fixed corpus for checking that a speed change leaves `extract`'s output unchanged.

The texts: every sentence of the sets in `FILES`, the seed pages, and `articles` 4 KB
articles glued from those sentences in a fixed order (no randomness, so the corpus is the
same on every machine and Python). `digest` is a SHA-256 over every output field (key,
text, type, count, mentions). It guards refactors only: it says the output did not change,
not that it is right (the eval tests say that).

    python tests/entities_corpus.py            # print the digest
    python tests/entities_corpus.py --write    # store it (only after a deliberate change)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORED = ROOT / "tests" / "data" / "entities_outputs.sha256"
ARTICLES = 400
# The sets the corpus is glued from, named so that a later set (ner_eval_fresh.jsonl) does not
# change the corpus, the stored digest or the texts that benchmarks/bench_entities.py times.
# ner_eval_unseen.jsonl is never in it: that set is used for its final score and nothing else.
FILES = [
    ROOT / "tests" / "data" / name
    for name in (
        "ner_eval_holdout.jsonl",
        "ner_eval_own.jsonl",
        "ner_eval_tune.jsonl",
        "ner_seeds.jsonl",
    )
]


def sentences(files: list[Path] | None = None) -> list[str]:
    files = files if files is not None else FILES
    out = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def articles(parts: list[str], count: int, size: int = 4096) -> Iterator[str]:
    """`count` texts of about `size` UTF-8 bytes: sentences from a stepping start, joined by
    spaces, a newline now and then (names must not run across it)."""
    for k in range(count):
        chosen, used, i = [], 0, (k * 7919) % len(parts)
        while used < size:
            sentence = parts[i % len(parts)]
            chosen.append(sentence + ("\n" if i % 5 == 0 else " "))
            used += len(chosen[-1].encode("utf-8"))
            i += 1 + k % 3
        yield "".join(chosen).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def corpus(count: int = ARTICLES, extra: list[Path] | None = None) -> Iterator[str]:
    parts = sentences() + sentences(extra or [])
    yield from parts
    for page in sorted((ROOT / "seeds").glob("*.txt")):
        yield page.read_text(encoding="utf-8")
    yield from articles(parts, count)


def outputs(text: str) -> list[object]:
    from reader.entities import extract

    return [[e.key, e.text, e.type, e.count, list(map(list, e.mentions))] for e in extract(text)]


def digest(texts: Iterator[str]) -> str:
    hashed = hashlib.sha256()
    for text in texts:
        hashed.update(json.dumps(outputs(text), ensure_ascii=False).encode("utf-8") + b"\n")
    return hashed.hexdigest()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    value = digest(corpus())
    if "--write" in sys.argv:
        STORED.write_text(value + "\n", encoding="utf-8")
    print(value)
