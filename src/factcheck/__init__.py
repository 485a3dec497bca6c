"""factcheck: find contradictions between articles' dated claims about people."""

__version__ = "0.1.0"
