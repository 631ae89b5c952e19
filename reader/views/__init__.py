"""reader.views: pure view models: ticker rows, article layout (no Textual, no I/O)."""
