"""Missions deployed in one country (missions.tsv): naming one says where a report's events happen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from eventcoder.lexicon import read_table


@dataclass(frozen=True)
class Mission:
    """A mission's host country and the admin1 codes of the regions where it reports events (may be empty), the
    region where it reports most first; for a ceasefire monitor, the two parties across the line it watches (actor
    dictionary patterns, the host's forces first)."""

    host: str
    areas: tuple[str, ...]
    sides: tuple[str, ...] = ()


@cache
def _table() -> tuple[re.Pattern[str], dict[str, Mission]]:
    """The pattern of every mission name, longest first ("OSCE SMM" before "SMM"), and the mission of each."""
    missions = {row["pattern"]: Mission(row["host"], tuple(row["area"].split()),
                                        tuple(side for side in row["sides"].split(";") if side))
                for row in read_table("missions.tsv")}
    names = sorted(missions, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), missions


@lru_cache(maxsize=32)
def missions_named(text: str) -> tuple[Mission, ...]:
    """The mission of every mission name in the text, once per mention, in text order. Cached: the article's
    countries, its place names and its events' fallbacks each ask of the same text."""
    pattern, missions = _table()
    return tuple(missions[m.group(1)] for m in pattern.finditer(text))


def mission_hosts(text: str) -> list[str]:
    """The host country of every mission the text names, once per mention, in text order."""
    return [mission.host for mission in missions_named(text)]
