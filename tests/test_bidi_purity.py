"""reader.bidi is pure: importing and using it loads neither Textual nor Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.bidi_support import ROOT


def test_reader_bidi_imports_no_ui_library() -> None:
    code = (
        "import sys\n"
        "import reader.bidi as b\n"
        "b.layout_paragraph('قال Biden إن 68% (سلام)', 12)\n"
        "b.fit_line('سلام', 3)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
