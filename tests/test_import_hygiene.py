"""The pure core never imports Textual (nor Rich): it can be used and tested without a UI."""

import subprocess
import sys

from tests.conftest import ROOT

CORE = [
    "reader.bidi",
    "reader.store",
    "reader.ingest.pipeline",
    "reader.ingest.page",
    "reader.entities",
    "reader.search",
    "reader.ticker_rows",
    "reader.article_layout",
    "reader.article_view",
    "reader.sanitize",
    "reader.cli",
]


def test_core_modules_do_not_import_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
