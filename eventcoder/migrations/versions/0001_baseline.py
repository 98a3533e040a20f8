"""Baseline: articles, events (one row per article's event) and evidence, as first released.

Revision ID: 0001
Revises:
Create Date: 2024-06-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ACTOR_PARTS = ("text", "name", "country", "sector", "wikidata")


def event_columns() -> list[sa.Column]:
    """The flat columns of one event, as they were at this revision."""
    actors = [sa.Column(f"{r}_{p}", sa.Text) for r in ("source", "target") for p in ACTOR_PARTS]
    return [
        sa.Column("event_type", sa.Text, nullable=False), sa.Column("mode", sa.Text),
        sa.Column("acled_event_type", sa.Text), sa.Column("acled_sub_event_type", sa.Text),
        sa.Column("cameo_root", sa.Text), *actors, sa.Column("date", sa.Text),
        sa.Column("date_start", sa.Text), sa.Column("date_end", sa.Text),
        sa.Column("date_precision", sa.Text), sa.Column("date_text", sa.Text),
        sa.Column("place_name", sa.Text), sa.Column("place_country", sa.Text),
        sa.Column("place_admin1", sa.Text), sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("geonames_id", sa.BigInteger), sa.Column("place_precision", sa.Text),
        sa.Column("fatalities", sa.BigInteger), sa.Column("injuries", sa.BigInteger),
        sa.Column("claimed_by", sa.Text), sa.Column("attributed_to", sa.Text),
        sa.Column("attributed_by", sa.Text), sa.Column("modality", sa.Text, nullable=False),
        sa.Column("is_aggregate", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False), sa.Column("record", sa.JSON, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Text, nullable=False), sa.Column("url", sa.Text, unique=True),
        sa.Column("title", sa.Text), sa.Column("site", sa.Text), sa.Column("publication_date", sa.Text),
        sa.Column("publication_date_source", sa.Text, nullable=False), sa.Column("language", sa.Text),
        sa.Column("content_hash", sa.Text, nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False), sa.Column("ingested_at", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False), *event_columns(),
    )
    for name, cols in (("ix_events_event_type", ["event_type"]), ("ix_events_date", ["date"]),
                       ("ix_events_date_start", ["date_start"]), ("ix_events_place_country", ["place_country"]),
                       ("ix_events_source_country", ["source_country"]),
                       ("ix_events_article_id", ["article_id", "position"])):
        op.create_index(name, "events", cols)
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Text, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False), sa.Column("start", sa.BigInteger, nullable=False),
        sa.Column("end", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("events")
    op.drop_table("articles")
