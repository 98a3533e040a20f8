"""Alembic migrations shipped in the package, and `upgrade(engine)` that `Store.open` calls.

An empty database gets the current tables at once and is stamped at head; a database made
before migrations existed (tables but no `alembic_version`) is stamped at the baseline and
upgraded; any other is upgraded to head.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

BASELINE = "0001"


@cache
def config() -> Config:
    """An Alembic config pointing at this package's scripts (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", "eventcoder:migrations")
    return cfg


@cache
def head() -> str:
    """The newest revision."""
    return ScriptDirectory.from_config(config()).get_current_head() or BASELINE


def run(conn: Connection, action: str, revision: str) -> None:
    """Run an Alembic command (`upgrade`, `downgrade`, `stamp`) on an open connection."""
    cfg = config()
    cfg.attributes["connection"] = conn
    try:
        getattr(command, action)(cfg, revision)
    finally:
        cfg.attributes.pop("connection", None)


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """A transaction for migrating; SQLite's foreign keys are off during it, so tables can be copied."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":  # one migrator at a time per database
                    conn.execute(text("SELECT pg_advisory_xact_lock(74657301)"))
                yield conn
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def upgrade(engine: Engine) -> None:
    """Bring the database's schema to head, creating it when empty."""
    from eventcoder.store_schema import metadata
    with _migrating(engine) as conn:
        tables = set(inspect(conn).get_table_names())
        if "articles" not in tables:
            metadata.create_all(conn)
            run(conn, "stamp", "head")
            return
        if "alembic_version" not in tables:
            run(conn, "stamp", BASELINE)
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current != head():
            run(conn, "upgrade", "head")


def migrate(engine: Engine, action: str, revision: str) -> None:
    """Upgrade, downgrade or stamp an existing database to `revision` (for tools and tests)."""
    with _migrating(engine) as conn:
        run(conn, action, revision)
