"""Keep `merged_events` in step with `events`: re-cluster the neighbourhood of new mentions.

The compatibility graph's connected component around the new mentions is found in SQL (same
type, dates within reach, same country) and checked with `dedup.compatible`; that component is
clustered again from scratch, so what is stored depends only on which articles are stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, delete, false, insert, or_, select, update

from eventcoder.dedup import MERGEABLE_MODALITIES, Mention, cluster, compatible, merge
from eventcoder.store_schema import (
    article_table, clean_text, day_span, event_from_dict, event_table, flat_row, merged_table,
)

_CHUNK = 500
_COLUMNS = (event_table.c.id, event_table.c.record, article_table.c.content_hash,
            article_table.c.publication_date)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    """Slices short enough for an IN list."""
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _base() -> Any:
    """Mentions with the article that reported them."""
    return select(*_COLUMNS).join(article_table, article_table.c.id == event_table.c.article_id)


def _mention(row: Any) -> Mention:
    """A stored mention; its id is the stored (NUL-free) one, so it can be matched in SQL."""
    ev = event_from_dict(row.record)
    return Mention(replace(ev, id=row.id) if ev.id != row.id else ev, row.content_hash)


def _candidates(conn: Connection, m: Mention) -> list[Any]:
    """Stored mentions that might be compatible with `m` (a superset, filtered in Python)."""
    ev, span = m.event, day_span(m.event.date)
    if span is None or ev.is_aggregate or ev.modality not in MERGEABLE_MODALITIES:
        return []
    reach = timedelta(days=1)
    latest = span[1] + reach if span[1] < date.max else span[1]
    earliest = span[0] - reach if span[0] > date.min else span[0]
    query = _base().where(
        event_table.c.event_type == clean_text(ev.event_type),
        event_table.c.modality.in_(sorted(MERGEABLE_MODALITIES)),
        event_table.c.is_aggregate == false(),
        event_table.c.date_start <= latest.isoformat(),
        event_table.c.date_end >= earliest.isoformat())
    if ev.place is not None:  # a placed mention meets the same country, or an unplaced one
        query = query.where(or_(event_table.c.place_country == clean_text(ev.place.country),
                                event_table.c.place_country.is_(None)))
    return list(conn.execute(query))


def _component(conn: Connection, seeds: list[Any]) -> dict[str, tuple[Mention, str | None]]:
    """Mentions reachable from the seed rows through compatible pairs, with publication dates."""
    found = {row.id: (_mention(row), row.publication_date) for row in seeds}
    frontier = [m for m, _ in found.values()]
    while frontier:
        m = frontier.pop()
        for row in _candidates(conn, m):
            if row.id in found:
                continue
            other = _mention(row)
            if compatible(m, other) is not None:
                found[row.id] = (other, row.publication_date)
                frontier.append(other)
    return found


def _rows(conn: Connection, ids: list[str]) -> list[Any]:
    """Mention rows by event id."""
    return [row for chunk in _chunks(ids) for row in conn.execute(_base().where(event_table.c.id.in_(chunk)))]


def recluster(conn: Connection, event_ids: list[str]) -> None:
    """Re-cluster every happening the given stored events could belong to, inside `conn`'s transaction."""
    comp = _component(conn, _rows(conn, event_ids))
    old: set[str] = set()
    while True:  # pull in every mention of the happenings about to be rewritten
        ids = sorted(comp)
        for chunk in _chunks(ids):
            old |= {x for x in conn.execute(select(event_table.c.merged_id).where(
                event_table.c.id.in_(chunk), event_table.c.merged_id.is_not(None))).scalars()}
        extra = [r for chunk in _chunks(sorted(old)) for r in conn.execute(
            _base().where(event_table.c.merged_id.in_(chunk))) if r.id not in comp]
        if not extra:
            break
        comp.update(_component(conn, extra))
    for chunk in _chunks(sorted(comp)):
        conn.execute(update(event_table).where(event_table.c.id.in_(chunk)).values(merged_id=None))
    for chunk in _chunks(sorted(old)):
        conn.execute(delete(merged_table).where(merged_table.c.id.in_(chunk)))
    groups = cluster(m for m, _ in comp.values())
    conn.execute(insert(merged_table), [_merged_row(g, comp) for g in groups])
    for group in groups:
        ids = [m.event.id for m in group]
        conn.execute(update(event_table).where(event_table.c.id.in_(ids)).values(merged_id=ids[0]))


def _merged_row(group: list[Mention], comp: dict[str, tuple[Mention, str | None]]) -> dict[str, Any]:
    """The `merged_events` row of one happening."""
    dates = [d for m in group if (d := comp[m.event.id][1])]
    return {"id": group[0].event.id, **flat_row(merge(group)), "n_mentions": len(group),
            "n_articles": len({m.article for m in group}), "first_reported": min(dates) if dates else None}


def backfill(conn: Connection) -> int:
    """Cluster every stored mention not yet linked to a happening (after an upgrade); how many."""
    todo = list(conn.execute(select(event_table.c.id).where(event_table.c.merged_id.is_(None))).scalars())
    for chunk in _chunks(todo):
        pending = list(conn.execute(select(event_table.c.id).where(
            event_table.c.id.in_(chunk), event_table.c.merged_id.is_(None))).scalars())
        if pending:
            recluster(conn, pending)
    return len(todo)
