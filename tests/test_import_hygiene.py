"""The pure core never imports Textual (nor Rich): it can be used and tested without a UI.
The layout layer and the extractor do not even need the store."""

import subprocess
import sys

from tests.conftest import ROOT

CORE = [
    "reader.store",
    "reader.ingest.pipeline",
    "reader.ingest.page",
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
        "import reader.bidi as b, reader.entities as e\n"
        "b.layout_paragraph('قال Biden إن 68% (سلام)', 12)\n"
        "b.fit_line('سلام', 3)\n"
        "e.extract('بايدن في إسرائيل')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich', 'tinydb'}))\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:2] == ["[]", "[]"]
