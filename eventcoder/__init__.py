"""eventcoder: news articles in, coded and geocoded conflict and political events out."""

from eventcoder.records import Actor, Article, Document, Event, Evidence, Place, Result

__all__ = ["Actor", "Article", "Document", "Event", "Evidence", "Place", "Result", "__version__"]
__version__ = "0.1.0"
