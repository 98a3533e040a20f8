"""Read deduplicated events back: filters, keyset pagination, mentions, articles and statistics.

Every value a caller gives reaches SQL as a bound parameter (SQLAlchemy expressions); nothing
is formatted into SQL text. Shared by the REST API and the exporters.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import Connection, and_, func, or_, select

from eventcoder.store_schema import article_table, date_span, event_table, evidence_table, merged_table

SortKey = Literal["date", "fatalities", "confidence", "mentions", "id"]
M = merged_table.c
SORT_COLUMNS: dict[str, Any] = {
    "date": func.coalesce(M.date_start, ""), "fatalities": func.coalesce(M.fatalities, -1),
    "confidence": M.confidence, "mentions": M.n_mentions, "id": M.id,
}


@dataclass(frozen=True)
class EventFilter:
    """What to keep; every field is optional and all given ones must hold."""

    event_type: str | None = None
    mode: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None  # part of an actor's name or surface text, any case
    actor_country: str | None = None
    country: str | None = None  # the place's country
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    min_confidence: float | None = None

    def clauses(self) -> list[Any]:
        """SQL conditions on `merged_events`."""
        out: list[Any] = []
        for value, column in ((self.event_type, M.event_type), (self.mode, M.mode),
                              (self.acled_event_type, M.acled_event_type), (self.country, M.place_country),
                              (self.admin1, M.place_admin1), (self.modality, M.modality)):
            if value is not None:
                out.append(column == value)
        if self.actor:
            needle = self.actor.lower()
            out.append(or_(*(func.lower(c).contains(needle, autoescape=True)
                             for c in (M.source_name, M.source_text, M.target_name, M.target_text))))
        if self.actor_country:
            out.append(or_(M.source_country == self.actor_country, M.target_country == self.actor_country))
        if self.bbox is not None:
            w, s, e, n = self.bbox
            out += [M.lat >= s, M.lat <= n, M.lon >= w, M.lon <= e]
        if self.since is not None:
            out.append(M.date_end >= _bound(self.since, "since")[0])
        if self.until is not None:
            out.append(M.date_start <= _bound(self.until, "until")[1])
        if self.min_confidence is not None:
            out.append(M.confidence >= self.min_confidence)
        return out


def _bound(value: str, name: str) -> tuple[str, str]:
    """A since/until bound as days; a clear ValueError for anything else."""
    span = date_span(value)
    if span is None:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {value!r}")
    return span


def encode_cursor(value: Any, ident: str) -> str:
    """An opaque cursor for the row after which the next page starts."""
    return base64.urlsafe_b64encode(json.dumps([value, ident]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, str]:
    """The (sort value, id) a cursor holds; ValueError when it was not made by `encode_cursor`."""
    try:
        value, ident = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except Exception as exc:  # noqa: BLE001 - any malformed cursor is the caller's error
        raise ValueError("malformed cursor") from exc
    if not isinstance(ident, str) or not isinstance(value, (str, int, float)):
        raise ValueError("malformed cursor")
    return value, ident


def page(conn: Connection, flt: EventFilter, *, sort: SortKey = "date", descending: bool = False,
         limit: int = 100, cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of merged-event rows (as mappings) and the cursor of the next page, if any."""
    key = SORT_COLUMNS[sort]
    query = select(merged_table, key.label("sort_value")).where(*flt.clauses())
    if cursor is not None:
        value, ident = decode_cursor(cursor)
        after = (key < value) if descending else (key > value)
        same = and_(key == value, (M.id < ident) if descending else (M.id > ident))
        query = query.where(or_(after, same))
    order = (key.desc(), M.id.desc()) if descending else (key.asc(), M.id.asc())
    rows = [dict(r) for r in conn.execute(query.order_by(*order).limit(limit + 1)).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1]["sort_value"], rows[-1]["id"]) if more and rows else None


def mentions(conn: Connection, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The mentions of each merged event: article, evidence span and that article's own values."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not merged_ids:
        return out
    E, A, V = event_table.c, article_table.c, evidence_table.c
    query = (select(E.merged_id, E.id, E.record, A.id.label("article_id"), A.title, A.site, A.url,
                    A.publication_date, V.text, V.start, V.end)
             .join(article_table, A.id == E.article_id).join(evidence_table, V.event_id == E.id)
             .where(E.merged_id.in_(merged_ids)).order_by(E.merged_id, A.publication_date, E.id))
    for r in conn.execute(query):
        out[r.merged_id].append({
            "event_id": r.id, "article_id": r.article_id, "title": r.title, "site": r.site, "url": r.url,
            "publication_date": r.publication_date,
            "evidence": {"text": r.text, "start": r.start, "end": r.end}, "values": r.record,
        })
    return out


def merged_by_id(conn: Connection, ident: str) -> dict[str, Any] | None:
    """A merged event row by its id, or the one a mention id belongs to."""
    row = conn.execute(select(merged_table).where(M.id == ident)).mappings().first()
    if row is None:
        merged_id = conn.execute(select(event_table.c.merged_id).where(event_table.c.id == ident)).scalar()
        if merged_id is not None:
            row = conn.execute(select(merged_table).where(M.id == merged_id)).mappings().first()
    return dict(row) if row is not None else None


def article(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """An article with its text and every evidence span in it (with the merged event it supports)."""
    A = article_table.c
    row = conn.execute(select(article_table).where(A.id == article_id)).mappings().first()
    if row is None:
        return None
    spans = conn.execute(select(evidence_table.c.text, evidence_table.c.start, evidence_table.c.end,
                                event_table.c.id, event_table.c.merged_id, event_table.c.event_type)
                         .join(event_table, event_table.c.id == evidence_table.c.event_id)
                         .where(evidence_table.c.article_id == article_id).order_by(evidence_table.c.start))
    return {"id": row["id"], "url": row["url"], "title": row["title"], "site": row["site"],
            "publication_date": row["publication_date"], "language": row["language"], "text": row["text"],
            "evidence": [{"event_id": s.id, "event": s.merged_id, "event_type": s.event_type, "text": s.text,
                          "start": s.start, "end": s.end} for s in spans]}


def stats(conn: Connection, flt: EventFilter) -> dict[str, Any]:
    """Counts of merged events and fatalities by day, ISO week and type."""
    query = (select(M.date_start, M.event_type, func.count(), func.coalesce(func.sum(M.fatalities), 0))
             .where(*flt.clauses(), M.date_start.is_not(None)).group_by(M.date_start, M.event_type)
             .order_by(M.date_start, M.event_type))
    by_day: list[dict[str, Any]] = []
    weeks: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    types: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day, etype, count, dead in conn.execute(query):
        by_day.append({"date": day, "event_type": etype, "events": count, "fatalities": int(dead)})
        iso = date.fromisoformat(day).isocalendar()
        for bucket in (weeks[(f"{iso.year}-W{iso.week:02d}", etype)], types[etype]):
            bucket[0] += count
            bucket[1] += int(dead)
    total = conn.execute(select(func.count(), func.coalesce(func.sum(M.fatalities), 0))
                         .where(*flt.clauses())).one()
    return {"events": total[0], "fatalities": int(total[1]), "by_day": by_day,
            "by_week": [{"week": w, "event_type": t, "events": c, "fatalities": d}
                        for (w, t), (c, d) in sorted(weeks.items())],
            "by_type": [{"event_type": t, "events": c, "fatalities": d} for t, (c, d) in sorted(types.items())]}


def with_mentions(conn: Connection, flt: EventFilter, batch: int = 500) -> Any:
    """Every matching merged-event row with its mentions, in date order, a batch at a time."""
    cursor = None
    while True:
        rows, cursor = page(conn, flt, limit=batch, cursor=cursor)
        found = mentions(conn, [r["id"] for r in rows])
        yield from ((r, found.get(r["id"], [])) for r in rows)
        if cursor is None:
            return
