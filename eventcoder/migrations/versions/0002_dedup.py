"""Deduplication: merged_events (one row per happening), actors, places, and links from events.

Existing events are left unlinked (merged_id NULL); `Store.open` clusters them afterwards
with the current rules (`store_merge.backfill`), so this revision holds no dedup logic.

Revision ID: 0002
Revises: 0001
Create Date: 2024-06-21
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_baseline = importlib.import_module("eventcoder.migrations.versions.0001_baseline")


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False, unique=True), sa.Column("name", sa.Text),
        sa.Column("country", sa.Text), sa.Column("sector", sa.Text), sa.Column("wikidata", sa.Text),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False, unique=True), sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.Text), sa.Column("admin1", sa.Text), sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float), sa.Column("geonames_id", sa.BigInteger), sa.Column("precision", sa.Text),
    )
    op.create_table(
        "merged_events",
        sa.Column("id", sa.Text, primary_key=True), *_baseline.event_columns(),
        sa.Column("n_mentions", sa.Integer, nullable=False), sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("first_reported", sa.Text),
    )
    op.create_index("ix_merged_events_type", "merged_events", ["event_type"])
    op.create_index("ix_merged_events_date_start", "merged_events", ["date_start", "id"])
    op.create_index("ix_merged_events_place_country", "merged_events", ["place_country"])
    op.create_index("ix_merged_events_lat_lon", "merged_events", ["lat", "lon"])
    links = (("source_actor_id", "INTEGER", "actors"), ("target_actor_id", "INTEGER", "actors"),
             ("place_id", "INTEGER", "places"), ("merged_id", "TEXT", "merged_events"))
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot add constraints later, but accepts REFERENCES on an added NULL column;
        # batch mode would copy `events`, which foreign keys from `evidence` forbid.
        for col, kind, target in links:
            op.execute(f"ALTER TABLE events ADD COLUMN {col} {kind} REFERENCES {target} (id)")
    else:
        for col, kind, target in links:
            op.add_column("events", sa.Column(col, sa.Integer if kind == "INTEGER" else sa.Text))
            op.create_foreign_key(f"fk_events_{col}", "events", target, [col], ["id"])
    op.create_index("ix_events_merged_id", "events", ["merged_id"])

def downgrade() -> None:
    op.drop_index("ix_events_merged_id", "events")
    cols = ("merged_id", "place_id", "target_actor_id", "source_actor_id")
    if op.get_bind().dialect.name == "sqlite":
        # a column in a foreign key cannot be dropped in place: copy the table (migrations.run
        # turns SQLite's foreign keys off around the copy)
        with op.batch_alter_table("events", recreate="always") as batch:
            for col in cols:
                batch.drop_column(col)
    else:
        for col in cols:
            op.drop_constraint(f"fk_events_{col}", "events", type_="foreignkey")
            op.drop_column("events", col)
    op.drop_table("merged_events")
    op.drop_table("places")
    op.drop_table("actors")
