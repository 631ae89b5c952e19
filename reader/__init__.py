"""newsreader: a terminal news reader made for Arabic and other right-to-left news."""

__version__ = "0.1.0"
