"""Missions deployed in one country (missions.tsv): naming one says where a report's events happen."""

from __future__ import annotations

import re
from functools import cache

from eventcoder.lexicon import read_table


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    hosts = {row["pattern"]: row["host"] for row in read_table("missions.tsv")}
    names = sorted(hosts, key=len, reverse=True)  # "OSCE SMM" before "SMM"
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), hosts


def mission_hosts(text: str) -> list[str]:
    """The host country of every mission the text names, once per mention, in text order."""
    pattern, hosts = _pattern()
    return [hosts[m.group(1)] for m in pattern.finditer(text)]


@cache
def _areas() -> dict[str, frozenset[str]]:
    return {row["pattern"]: frozenset(row["area"].split()) for row in read_table("missions.tsv")}


def mission_areas(text: str) -> frozenset[str]:
    """Admin1 codes of the regions where the missions the text names report events (empty: no such mission)."""
    pattern, _ = _pattern()
    areas = _areas()
    return frozenset().union(*(areas[m.group(1)] for m in pattern.finditer(text)))
