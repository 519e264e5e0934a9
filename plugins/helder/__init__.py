"""Helder: clear, complete and accessible service pages for Dutch municipalities."""

__version__ = "0.1.0"
