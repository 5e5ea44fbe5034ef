"""Reading articles: text files, folders, JSON Lines and HTML pages, cleaned of boilerplate.

``read_articles`` streams ``Article`` values; ``clean`` is the pure function
that blanks boilerplate while keeping every offset.
"""

from newsgraph.ingest.boilerplate import CleanText, Removal, clean
from newsgraph.ingest.read import MAX_ITEM_BYTES, MAX_ITEM_CHARS, OnError, read_articles

__all__ = ["MAX_ITEM_BYTES", "MAX_ITEM_CHARS", "CleanText", "OnError", "Removal", "clean", "read_articles"]
