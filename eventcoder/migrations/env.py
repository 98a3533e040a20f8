"""Alembic environment: migrate the connection `eventcoder.migrations.run` hands over, or a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventcoder.store_schema import metadata

config = context.config


def run_migrations() -> None:
    """Online migrations only: there is always a live connection or a `sqlalchemy.url`."""
    conn = config.attributes.get("connection")
    if conn is not None:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///eventcoder.db")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
