"""Subcommands of `newsreader`: each module has `register(subparsers)` that adds its parser
and sets `func`, a callable (args) -> exit status."""
