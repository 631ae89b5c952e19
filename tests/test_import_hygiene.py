"""The layers, checked by package: only reader.ui imports Textual; the pure cores import no
layer above them; the layout layer and the extractor do not even need the store."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "reader"
# What each package may import from reader (besides itself and reader.models).
ALLOWED = {
    "text": set(),
    "bidi": set(),
    "entities": {"text"},
    "ingest": {"text", "feeds"},  # parses only: the library (a Sink) writes what it finds
    "feeds": {"text", "library"},  # fetch still stores through the library it is given
    "views": {"text", "bidi", "entities", "library"},
    "library": {"text", "entities", "ingest", "feeds", "views"},
    "sync": {"text", "feeds", "library"},  # server items go through the feed sanitiser
}


def reader_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n.split(".")[1] for n in names if n.startswith("reader.") and n.count(".") >= 1}


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for package, allowed in ALLOWED.items():
        for path in (PACKAGE / package).rglob("*.py"):
            for name in reader_imports(path) - allowed - {package, "models"}:
                wrong.append(f"{path.relative_to(ROOT)} imports reader.{name}")
    assert wrong == []


def test_only_the_ui_package_imports_textual() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and p.name != "__main__.py"
    )
    assert "reader.library.store" in modules and "reader.cli" in modules
    code = (
        "import importlib, sys\n"
        "RICH = {'rich', 'rich.cells', 'rich._extension', 'rich._unicode_data',"
        " 'rich._unicode_data._versions'}\n"
        "import reader.bidi as b, reader.entities as e\n"
        "b.layout_paragraph('قال Biden إن 68% (سلام)', 12)\n"
        "b.fit_line('سلام', 3)\n"
        "e.extract('بايدن في إسرائيل')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'tinydb'}))\n"
        # Rich's cell widths are the layout's (Textual draws with them); nothing else of Rich.
        "print(sorted(m for m in sys.modules if m.startswith('rich') and m not in RICH"
        " and not m.startswith('rich._unicode_data.')))\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:3] == ["[]", "[]", "[]"]
