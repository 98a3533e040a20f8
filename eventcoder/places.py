"""Place look-up for event locations: countries, cities and named sites from the shipped place table."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from eventcoder.lexicon import read_table
from eventcoder.records import Place

# GeoNames feature kinds in places.tsv and the precision an event placed there gets.
PRECISION_BY_KIND = {"country": "country", "city": "city", "site": "exact", "admin1": "admin1"}


@dataclass(frozen=True)
class PlaceEntry:
    """One row of the place table."""

    name: str
    kind: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    population: int


def normalise(name: str) -> str:
    """Fold case, accents, apostrophes, hyphens and a leading article so spellings meet."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for mark in ("’", "'", "‘", "`", "ʼ"):
        text = text.replace(mark, "")
    text = text.replace("-", " ")
    words = text.split()
    if len(words) > 1 and words[0] in ("the", "al", "el"):
        words = words[1:]
    return " ".join(words)


@cache
def entries() -> dict[str, list[PlaceEntry]]:
    """Place rows by normalised name, most populous first."""
    table: dict[str, list[PlaceEntry]] = defaultdict(list)
    for row in read_table("places.tsv"):
        entry = PlaceEntry(row["name"], row["kind"], row["country"], row["admin1"] or None,
                           float(row["lat"]), float(row["lon"]),
                           int(row["geonames_id"]) if row["geonames_id"] else None,
                           int(row["population"] or 0))
        table[normalise(entry.name)].append(entry)
    for rows in table.values():
        rows.sort(key=lambda e: (e.kind != "country", e.kind != "site", -e.population))
    return dict(table)


def lookup(name: str, *, countries: tuple[str, ...] = ()) -> Place | None:
    """The place a name most likely means, preferring places in the article's countries."""
    rows = entries().get(normalise(name))
    if not rows:
        return None
    preferred = [r for r in rows if r.country in countries] if countries else []
    best = (preferred or rows)[0]
    return Place(name=best.name, country=best.country, admin1=best.admin1, lat=best.lat, lon=best.lon,
                 geonames_id=best.geonames_id, precision=PRECISION_BY_KIND.get(best.kind, "city"))  # type: ignore[arg-type]


@cache
def _country_names() -> dict[str, str]:
    """Country name by ISO alpha-3 code."""
    return {row.country: row.name for rows in entries().values() for row in rows if row.kind == "country"}


def country_place(iso3: str) -> Place | None:
    """A country-level place for an ISO alpha-3 code."""
    name = _country_names().get(iso3)
    return lookup(name) if name else None
