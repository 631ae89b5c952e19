"""Arabic (and any right-to-left text) for terminals that do no bidi and no shaping.

Pure code: the standard library, arabic_reshaper and python-bidi only (never Textual or
Rich). See docs/bidi-layer.md.
"""
