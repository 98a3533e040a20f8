"""Persist articles and their coded events in any SQLAlchemy database (SQLite, PostgreSQL).

The `events` table keeps one column per queryable field, so events can be filtered and
indexed in SQL, plus a `record` JSON column with the exact `Event.to_dict()` so what is
read back equals what was written. Saving an article is one transaction, and an article
already stored (same content hash or same URL) is never stored twice.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import asdict
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError

from eventcoder.records import Actor, Article, Event, Result

__all__ = ["Store", "article_table", "content_key", "date_span", "event_table", "evidence_table", "metadata"]

metadata = MetaData()

article_table = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, nullable=False),
    Column("url", Text, nullable=True, unique=True),
    Column("title", Text),
    Column("site", Text),
    Column("publication_date", Text),
    Column("publication_date_source", Text, nullable=False),
    Column("language", Text),
    Column("content_hash", Text, nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),
)


def _actor_columns(role: str) -> list[Column[Any]]:
    """The five flattened columns of one actor role (source, target)."""
    return [Column(f"{role}_{part}", Text) for part in ("text", "name", "country", "sector", "wikidata")]


event_table = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),  # order of the event within its article
    Column("event_type", Text, nullable=False),
    Column("mode", Text),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("cameo_root", Text),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("date", Text),
    Column("date_start", Text),  # first day the date covers, YYYY-MM-DD; null if unparsable
    Column("date_end", Text),  # last day the date covers, YYYY-MM-DD; null if unparsable
    Column("date_precision", Text),
    Column("date_text", Text),
    Column("place_name", Text),
    Column("place_country", Text),
    Column("place_admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", BigInteger),
    Column("place_precision", Text),
    Column("fatalities", BigInteger),
    Column("injuries", BigInteger),
    Column("claimed_by", Text),
    Column("attributed_to", Text),
    Column("attributed_by", Text),
    Column("modality", Text, nullable=False),
    Column("is_aggregate", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", JSON, nullable=False),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_date", "date"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_place_country", "place_country"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_article_id", "article_id", "position"),
)

evidence_table = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Text, ForeignKey("events.id"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", BigInteger, nullable=False),
    Column("end", BigInteger, nullable=False),
)


# --- dates -----------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def _part_span(text: str) -> tuple[date, date] | None:
    """First and last day of one ISO date, month, year or week; None if not one of those."""
    try:
        if m := _DAY.fullmatch(text):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.fullmatch(text):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.fullmatch(text):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.fullmatch(text):
            y, w = int(m[1]), int(m[2])
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
    except ValueError:
        return None
    return None


def date_span(text: str | None) -> tuple[str, str] | None:
    """The days an event date covers, as (start, end) ISO strings; None if absent or unparsable.

    Accepts `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www` and ranges `A/B` of those, so
    date filters can compare plain ISO strings in SQL whatever the date's precision.
    """
    if not text:
        return None
    first, sep, last = text.strip().partition("/")
    start = _part_span(first)
    end = _part_span(last) if sep else start
    if start is None or end is None or start[0] > end[1]:
        return None
    return start[0].isoformat(), end[1].isoformat()


def _bound(value: str, name: str) -> tuple[str, str]:
    """Parse a since/until argument, raising a clear error instead of filtering silently."""
    span = date_span(value)
    if span is None:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {value!r}")
    return span


# --- rows ------------------------------------------------------------------------------

def _text(value: str | None) -> str | None:
    """A string fit for a text column: PostgreSQL rejects NUL characters, so replace them.

    Only the flat columns are touched; the `record` JSON keeps the exact original.
    """
    return value.replace("\x00", "\ufffd") if value is not None else None


def _actor_json(actor: Actor | None) -> str | None:
    """An actor as JSON text for the claimed_by / attributed_* columns."""
    return json.dumps(asdict(actor), ensure_ascii=False, sort_keys=True) if actor else None


def _actor_row(role: str, actor: Actor | None) -> dict[str, str | None]:
    """The flattened columns of one actor role."""
    parts = ("text", "name", "country", "sector", "wikidata")
    return {f"{role}_{p}": _text(getattr(actor, p)) if actor else None for p in parts}


def content_key(article: Article) -> str:
    """The article's content hash, or a SHA-256 of its text when the pipeline gave none."""
    return article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def _article_row(article: Article) -> dict[str, Any]:
    """Column values for one article."""
    return {
        "doc_id": _text(article.id), "url": _text(article.url), "title": _text(article.title),
        "site": _text(article.site), "publication_date": _text(article.publication_date),
        "publication_date_source": article.publication_date_source,
        "language": _text(article.language), "content_hash": _text(content_key(article)),
        "text": _text(article.text), "ingested_at": datetime.now(timezone.utc).isoformat(),
    }


def _event_row(ev: Event, article_id: int, position: int) -> dict[str, Any]:
    """Column values for one event, including its full record."""
    place, span = ev.place, date_span(ev.date)
    return {
        "id": _text(ev.id), "article_id": article_id, "position": position,
        "event_type": _text(ev.event_type), "mode": _text(ev.mode),
        "acled_event_type": _text(ev.acled_event_type),
        "acled_sub_event_type": _text(ev.acled_sub_event_type), "cameo_root": _text(ev.cameo_root),
        **_actor_row("source", ev.source), **_actor_row("target", ev.target),
        "date": _text(ev.date), "date_start": span[0] if span else None,
        "date_end": span[1] if span else None, "date_precision": ev.date_precision,
        "date_text": _text(ev.date_text),
        "place_name": _text(place.name) if place else None,
        "place_country": _text(place.country) if place else None,
        "place_admin1": _text(place.admin1) if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geonames_id": place.geonames_id if place else None,
        "place_precision": place.precision if place else None,
        "fatalities": ev.fatalities, "injuries": ev.injuries,
        "claimed_by": _actor_json(ev.claimed_by), "attributed_to": _actor_json(ev.attributed_to),
        "attributed_by": _actor_json(ev.attributed_by), "modality": ev.modality,
        "is_aggregate": ev.is_aggregate, "confidence": ev.confidence, "record": ev.to_dict(),
    }


def _evidence_row(ev: Event, article_id: int) -> dict[str, Any]:
    """Column values for an event's evidence sentence."""
    ref = ev.evidence
    return {"event_id": _text(ev.id), "article_id": article_id, "text": _text(ref.text),
            "start": ref.start, "end": ref.end}


# --- engine ----------------------------------------------------------------------------

def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection SQLite settings: enforce foreign keys, WAL for concurrent readers."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


class Store:
    """Articles and their events in one database; see the module docstring for the layout."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose database already has the tables (use `Store.open`)."""
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to `url` (e.g. `sqlite:///events.db`) and create missing tables."""
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
        return cls(engine)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def save(self, result: Result) -> bool:
        """Store a result's article, events and evidence in one transaction.

        Returns False, storing nothing, for a failed result (error or no article) and for
        an article already stored (same content hash or same URL). Any other failure rolls
        the whole article back and propagates.
        """
        if result.error is not None or result.article is None:
            return False
        with self.engine.connect() as conn, conn.begin() as trans:
            article_id = self._insert_article(conn, result.article)
            if article_id is None:
                trans.rollback()
                return False
            self._insert_events(conn, article_id, result.events)
            self._insert_evidence(conn, article_id, result.events)
        return True

    @staticmethod
    def _insert_article(conn: Connection, article: Article) -> int | None:
        """Insert the article row, or return None when its hash or URL is already stored.

        Relies on the UNIQUE constraints rather than a prior SELECT, so two writers racing
        on the same article cannot both succeed. It is the transaction's first statement, so
        the caller can roll back without a SAVEPOINT (which pysqlite mishandles).
        """
        try:
            res = conn.execute(insert(article_table).values(_article_row(article)))
        except IntegrityError:
            return None
        return int(res.inserted_primary_key[0])

    @staticmethod
    def _insert_events(conn: Connection, article_id: int, evs: list[Event]) -> None:
        """Insert the event rows of one article, keeping their order."""
        if evs:
            conn.execute(insert(event_table), [_event_row(e, article_id, i) for i, e in enumerate(evs)])

    @staticmethod
    def _insert_evidence(conn: Connection, article_id: int, evs: list[Event]) -> None:
        """Insert the evidence sentence of each event."""
        if evs:
            conn.execute(insert(evidence_table), [_evidence_row(e, article_id) for e in evs])

    def events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events as `Event.to_dict()` dicts, in ingestion order, filtered.

        `country` matches the place, source or target country. `since`/`until` keep events
        whose date range overlaps [since, until]; events without a parsable date are then
        left out. Bounds may be a day, month or year (`until="2024-01"` means to Jan 31).
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        query = select(event_table.c.record).order_by(event_table.c.article_id, event_table.c.position)
        if event_type is not None:
            query = query.where(event_table.c.event_type == event_type)
        if country is not None:
            query = query.where(or_(event_table.c.place_country == country,
                                    event_table.c.source_country == country,
                                    event_table.c.target_country == country))
        if since is not None:
            query = query.where(event_table.c.date_end >= _bound(since, "since")[0])
        if until is not None:
            query = query.where(event_table.c.date_start <= _bound(until, "until")[1])
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [row.record for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """How many articles and events are stored."""
        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(article_table)).scalar_one(),
                "events": conn.execute(select(func.count()).select_from(event_table)).scalar_one(),
            }
