"""The store's tables and the row builders that flatten records into them (SQLite and PostgreSQL).

`events` holds what each article said: one row per coded event of one article, flat columns
for SQL filters plus the exact `Event.to_dict()` in `record`. `merged_events` holds one row per
real-world happening, built by `eventcoder.dedup` from the `events` rows that report it (its
mentions); `events.merged_id` links a mention to its happening. `actors` and `places` hold each
distinct normalised actor and place once, referenced from `events`.
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
    JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text,
)

from eventcoder.records import Actor, Article, Event, Evidence, Place

metadata = MetaData()
ACTOR_PARTS = ("text", "name", "country", "sector", "wikidata")

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

actor_table = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),  # JSON of (name, country, sector, wikidata)
    Column("name", Text), Column("country", Text), Column("sector", Text), Column("wikidata", Text),
)

place_table = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),  # JSON of every field below
    Column("name", Text, nullable=False), Column("country", Text), Column("admin1", Text),
    Column("lat", Float), Column("lon", Float), Column("geonames_id", BigInteger),
    Column("precision", Text),
)


def _flat_columns() -> list[Column[Any]]:
    """The queryable columns shared by `events` (one article's values) and `merged_events`."""
    actors = [Column(f"{role}_{part}", Text) for role in ("source", "target") for part in ACTOR_PARTS]
    return [
        Column("event_type", Text, nullable=False), Column("mode", Text),
        Column("acled_event_type", Text), Column("acled_sub_event_type", Text),
        Column("cameo_root", Text), *actors,
        Column("date", Text),
        Column("date_start", Text),  # first day the date covers, YYYY-MM-DD; null if unparsable
        Column("date_end", Text),  # last day the date covers, YYYY-MM-DD; null if unparsable
        Column("date_precision", Text), Column("date_text", Text),
        Column("place_name", Text), Column("place_country", Text), Column("place_admin1", Text),
        Column("lat", Float), Column("lon", Float), Column("geonames_id", BigInteger),
        Column("place_precision", Text), Column("fatalities", BigInteger), Column("injuries", BigInteger),
        Column("claimed_by", Text), Column("attributed_to", Text), Column("attributed_by", Text),
        Column("modality", Text, nullable=False), Column("is_aggregate", Boolean, nullable=False),
        Column("confidence", Float, nullable=False), Column("record", JSON, nullable=False),
    ]


merged_table = Table(
    "merged_events", metadata,
    Column("id", Text, primary_key=True),  # the smallest id among its mentions
    *_flat_columns(),
    Column("n_mentions", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("first_reported", Text),  # earliest publication date among its articles
    Index("ix_merged_events_type", "event_type"),
    Index("ix_merged_events_date_start", "date_start", "id"),
    Index("ix_merged_events_place_country", "place_country"),
    Index("ix_merged_events_lat_lon", "lat", "lon"),
)

event_table = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("position", Integer, nullable=False),  # order of the event within its article
    *_flat_columns(),
    Column("source_actor_id", Integer, ForeignKey("actors.id")),
    Column("target_actor_id", Integer, ForeignKey("actors.id")),
    Column("place_id", Integer, ForeignKey("places.id")),
    Column("merged_id", Text, ForeignKey("merged_events.id")),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_date", "date"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_place_country", "place_country"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_article_id", "article_id", "position"),
    Index("ix_events_merged_id", "merged_id"),
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


def day_span(text: str | None) -> tuple[date, date] | None:
    """The first and last day an event date covers, as dates; None if absent or unparsable."""
    if not text:
        return None
    first, sep, last = text.strip().partition("/")
    start = _part_span(first)
    end = _part_span(last) if sep else start
    if start is None or end is None or start[0] > end[1]:
        return None
    return start[0], end[1]


def date_span(text: str | None) -> tuple[str, str] | None:
    """The days an event date covers, as (start, end) ISO strings; None if absent or unparsable.

    Accepts `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www` and ranges `A/B` of those, so
    date filters can compare plain ISO strings in SQL whatever the date's precision.
    """
    span = day_span(text)
    return (span[0].isoformat(), span[1].isoformat()) if span else None


# --- rows ------------------------------------------------------------------------------

def clean_text(value: str | None) -> str | None:
    """A string fit for a text column: PostgreSQL rejects NUL characters, so replace them.

    Only the flat columns are touched; the `record` JSON keeps the exact original.
    """
    return value.replace("\x00", "\ufffd") if value is not None else None


def _actor_json(actor: Actor | None) -> str | None:
    """An actor as JSON text for the claimed_by / attributed_* columns."""
    return json.dumps(asdict(actor), ensure_ascii=False, sort_keys=True) if actor else None


def _actor_row(role: str, actor: Actor | None) -> dict[str, str | None]:
    """The flattened columns of one actor role."""
    return {f"{role}_{p}": clean_text(getattr(actor, p)) if actor else None for p in ACTOR_PARTS}


def content_key(article: Article) -> str:
    """The article's content hash, or a SHA-256 of its text when the pipeline gave none."""
    return article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def article_row(article: Article) -> dict[str, Any]:
    """Column values for one article."""
    return {
        "doc_id": clean_text(article.id), "url": clean_text(article.url), "title": clean_text(article.title),
        "site": clean_text(article.site), "publication_date": clean_text(article.publication_date),
        "publication_date_source": article.publication_date_source,
        "language": clean_text(article.language), "content_hash": clean_text(content_key(article)),
        "text": clean_text(article.text), "ingested_at": datetime.now(timezone.utc).isoformat(),
    }


def flat_row(ev: Event) -> dict[str, Any]:
    """The flat columns and record of one event, as in `events` and `merged_events`."""
    place, span = ev.place, date_span(ev.date)
    return {
        "event_type": clean_text(ev.event_type), "mode": clean_text(ev.mode),
        "acled_event_type": clean_text(ev.acled_event_type),
        "acled_sub_event_type": clean_text(ev.acled_sub_event_type), "cameo_root": clean_text(ev.cameo_root),
        **_actor_row("source", ev.source), **_actor_row("target", ev.target),
        "date": clean_text(ev.date), "date_start": span[0] if span else None,
        "date_end": span[1] if span else None, "date_precision": ev.date_precision,
        "date_text": clean_text(ev.date_text),
        "place_name": clean_text(place.name) if place else None,
        "place_country": clean_text(place.country) if place else None,
        "place_admin1": clean_text(place.admin1) if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geonames_id": place.geonames_id if place else None,
        "place_precision": place.precision if place else None,
        "fatalities": ev.fatalities, "injuries": ev.injuries,
        "claimed_by": _actor_json(ev.claimed_by), "attributed_to": _actor_json(ev.attributed_to),
        "attributed_by": _actor_json(ev.attributed_by), "modality": ev.modality,
        "is_aggregate": ev.is_aggregate, "confidence": ev.confidence, "record": ev.to_dict(),
    }


def event_row(ev: Event, article_id: int, position: int) -> dict[str, Any]:
    """Column values for one article's event, including its full record."""
    return {"id": clean_text(ev.id), "article_id": article_id, "position": position, **flat_row(ev)}


def evidence_row(ev: Event, article_id: int) -> dict[str, Any]:
    """Column values for an event's evidence sentence."""
    ref = ev.evidence
    return {"event_id": clean_text(ev.id), "article_id": article_id, "text": clean_text(ref.text),
            "start": ref.start, "end": ref.end}


def actor_key(actor: Actor) -> dict[str, Any]:
    """The `actors` row of an actor's normalised identity (its surface text is per mention)."""
    values = {"name": clean_text(actor.name or actor.text), "country": clean_text(actor.country),
              "sector": clean_text(actor.sector), "wikidata": clean_text(actor.wikidata)}
    return {"key": json.dumps(values, ensure_ascii=False, sort_keys=True), **values}


def place_key(place: Place) -> dict[str, Any]:
    """The `places` row of a place."""
    values = {"name": clean_text(place.name), "country": clean_text(place.country),
              "admin1": clean_text(place.admin1), "lat": place.lat, "lon": place.lon,
              "geonames_id": place.geonames_id, "precision": place.precision}
    return {"key": json.dumps(values, ensure_ascii=False, sort_keys=True), **values}


def _actor(value: dict[str, Any] | None) -> Actor | None:
    return Actor(**value) if value is not None else None


def event_from_dict(record: dict[str, Any]) -> Event:
    """Rebuild an `Event` from its `to_dict()` form (the `record` column)."""
    place, evidence = record.get("place"), record["evidence"]
    roles = {r: _actor(record.get(r)) for r in ("source", "target", "claimed_by", "attributed_to", "attributed_by")}
    plain = {k: v for k, v in record.items() if k not in {*roles, "place", "evidence"}}
    return Event(**plain, **roles, place=Place(**place) if place is not None else None,
                 evidence=Evidence(**evidence))
