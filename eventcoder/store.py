"""Persist articles and their coded events in any SQLAlchemy database (SQLite, PostgreSQL).

The `events` table keeps one row per event of each article (its flat columns can be filtered
and indexed in SQL, and a `record` JSON column holds the exact `Event.to_dict()` so what is read
back equals what was written). `merged_events` holds one row per happening, kept up to date by
`eventcoder.dedup` on every save (see `store_schema` for the layout). Saving an article, its
events and the re-clustering they cause is one transaction, and an article already stored
(same content hash or same URL) is never stored twice. The schema is migrated with Alembic.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Connection, Engine, create_engine, event, func, insert, or_, select, text,
)
from sqlalchemy.exc import IntegrityError

from eventcoder import store_merge
from eventcoder.records import Article, Event, Result
from eventcoder.store_schema import (
    actor_key, actor_table, article_row, article_table, clean_text, content_key, date_span, event_row,
    event_table, evidence_row, evidence_table, merged_table, metadata, place_key, place_table,
)

__all__ = ["Store", "actor_table", "article_table", "content_key", "date_span", "event_table",
           "evidence_table", "merged_table", "metadata", "place_table"]


def _bound(value: str, name: str) -> tuple[str, str]:
    """Parse a since/until argument, raising a clear error instead of filtering silently."""
    span = date_span(value)
    if span is None:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {value!r}")
    return span


def _upsert_ids(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Ids of `actors` or `places` rows by key, inserting the missing ones."""
    unique = {r["key"]: r for r in rows}
    if not unique:
        return {}
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    conn.execute(dialect_insert(table).on_conflict_do_nothing(index_elements=["key"]), list(unique.values()))
    found = conn.execute(select(table.c.key, table.c.id).where(table.c.key.in_(list(unique))))
    return {key: ident for key, ident in found}


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


def _lock(conn: Connection) -> None:
    """Serialise writers on PostgreSQL (SQLite already has one writer at a time).

    Taken right after the article insert, so clustering always sees every committed mention
    and concurrent saves cannot interleave their re-clustering.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(74657302)"))


class Store:
    """Articles and their events in one database; see the module docstring for the layout."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose database already has the tables (use `Store.open`)."""
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to `url` (e.g. `sqlite:///events.db`), migrate its schema to the newest, and
        cluster any events stored before deduplication existed."""
        from eventcoder.migrations import upgrade
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        upgrade(engine)
        with engine.begin() as conn:
            if conn.execute(select(event_table.c.id).where(event_table.c.merged_id.is_(None)).limit(1)).first():
                _lock(conn)
                store_merge.backfill(conn)
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
            _lock(conn)
            self._insert_events(conn, article_id, result.events)
            self._insert_evidence(conn, article_id, result.events)
            if result.events:
                store_merge.recluster(conn, [clean_text(e.id) for e in result.events])
        return True

    @staticmethod
    def _insert_article(conn: Connection, article: Article) -> int | None:
        """Insert the article row, or return None when its hash or URL is already stored.

        Relies on the UNIQUE constraints rather than a prior SELECT, so two writers racing
        on the same article cannot both succeed. It is the transaction's first statement, so
        the caller can roll back without a SAVEPOINT (which pysqlite mishandles).
        """
        try:
            res = conn.execute(insert(article_table).values(article_row(article)))
        except IntegrityError:
            return None
        return int(res.inserted_primary_key[0])

    @staticmethod
    def _insert_events(conn: Connection, article_id: int, evs: list[Event]) -> None:
        """Insert the event rows of one article, keeping their order."""
        if not evs:
            return
        actors = _upsert_ids(conn, actor_table, [actor_key(a) for e in evs for a in (e.source, e.target) if a])
        places = _upsert_ids(conn, place_table, [place_key(e.place) for e in evs if e.place])
        rows = []
        for i, e in enumerate(evs):
            row = event_row(e, article_id, i)
            row["source_actor_id"] = actors[actor_key(e.source)["key"]] if e.source else None
            row["target_actor_id"] = actors[actor_key(e.target)["key"]] if e.target else None
            row["place_id"] = places[place_key(e.place)["key"]] if e.place else None
            rows.append(row)
        conn.execute(insert(event_table), rows)

    @staticmethod
    def _insert_evidence(conn: Connection, article_id: int, evs: list[Event]) -> None:
        """Insert the evidence sentence of each event."""
        if evs:
            conn.execute(insert(evidence_table), [evidence_row(e, article_id) for e in evs])

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

    def has_article(self, article: Article) -> bool:
        """Whether this article (same content hash, or same URL) is stored already."""
        cond = article_table.c.content_hash == content_key(article)
        if article.url:
            cond = or_(cond, article_table.c.url == clean_text(article.url))
        with self.engine.connect() as conn:
            return conn.execute(select(article_table.c.id).where(cond).limit(1)).first() is not None

    def counts(self) -> dict[str, int]:
        """How many articles and (per-article) events are stored."""
        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(article_table)).scalar_one(),
                "events": conn.execute(select(func.count()).select_from(event_table)).scalar_one(),
            }

    def merged_count(self) -> int:
        """How many distinct happenings the stored events describe."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(merged_table)).scalar_one()

    def groups(self) -> list[list[str]]:
        """The event ids of each happening, sorted (for tests and evaluation)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(event_table.c.merged_id, event_table.c.id)
                                .order_by(event_table.c.merged_id, event_table.c.id))
            out: dict[str, list[str]] = {}
            for merged_id, ident in rows:
                out.setdefault(merged_id, []).append(ident)
        return sorted(out.values())
