"""extract's output over a fixed corpus is what it was when the digest was stored.

A guard for speed work: a refactor that changes any key, text, type, count or mention
changes the digest. Regenerate it only after a deliberate change of behaviour:
`python tests/entities_corpus.py --write`.
"""

from __future__ import annotations

from tests.entities_corpus import STORED, corpus, digest


def test_outputs_over_the_fixed_corpus_are_unchanged() -> None:
    assert digest(corpus()) == STORED.read_text(encoding="utf-8").strip()
