"""Place look-up for event locations: a name or a country code to a Place, over the offline GeoNames gazetteer."""

from __future__ import annotations

from functools import cache, lru_cache

from eventcoder.gazetteer import NAME_CACHE_SIZE, Entry, keys, load, slips
from eventcoder.lexicon import read_table
from eventcoder.records import Place

# Without the context place_mentions uses, a hamlet abroad is more often a false friend than the place meant
# ("Middle East", a US hamlet): towns smaller than this are returned only inside the article's countries.
LOOKUP_MIN_POPULATION = 1_000
# A reading in another country at least this share of the size of a name's largest reading makes the name alone no
# sign of the country a story is about ("Tripoli": Libya's capital, and Lebanon's second city of 230,000).
NAMESAKE_SHARE = 0.1


def normalise(name: str) -> str:
    """Fold case, accents, apostrophes, hyphens and a leading article so spellings meet ("Al-Qā'im" -> "qaim")."""
    forms = keys(name)
    return forms[-1] if forms else ""


def candidates(name: str) -> list[Entry]:
    """Every gazetteer row a name may mean (full form first, then without its leading article), likeliest first."""
    return list(_candidates(name))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _candidates(name: str) -> tuple[Entry, ...]:
    gaz = load()
    forms = keys(name)
    rows = next((found for key in forms if (found := gaz.candidates(key))), [])
    return tuple(sorted(rows, key=Entry.prior, reverse=True))


def town_one_slip_away(key: str, country: str, *, region: str | None = None, min_population: int = 0) -> Entry | None:
    """The one town of a country (of one of its regions, by ASCII admin1 name, if given) whose name is a typing slip
    from a folded key ("patzuaro" -> Patzcuaro); None when no town, or several, are."""
    gaz = load()
    # (only the spellings the gazetteer has are read as rows: the row cache keeps the names texts name)
    towns = {c.row: c for slip in slips(key) if gaz.has(slip) for c in gaz.candidates(slip)
             if c.kind == "city" and c.country == country and c.population >= min_population
             and (region is None or gaz.admin1_name(c.admin1) == region)}
    return next(iter(towns.values())) if len(towns) == 1 else None


def lookup(name: str, *, countries: tuple[str, ...] = ()) -> Place | None:
    """The place a name most likely means, preferring places in the article's countries."""
    rows = [r for r in candidates(name) if r.kind != "city" or r.population >= LOOKUP_MIN_POPULATION
            or r.country in countries]
    if not rows:
        return None
    preferred = [r for r in rows if r.country in countries] if countries else []
    return (preferred or rows)[0].place(written=name)


def shared_name(name: str) -> bool:
    """Whether places of comparable size in several countries bear the name ("Tripoli", "Athens", "Hyderabad")."""
    rows = [r for r in candidates(name) if r.kind != "city" or r.population >= LOOKUP_MIN_POPULATION]
    largest = max((r.population for r in rows), default=0)
    return len({r.country for r in rows if r.population >= NAMESAKE_SHARE * largest}) > 1


@cache
def _country_rows() -> dict[str, Entry]:
    """Country rows by ISO alpha-3 code (they come first in the gazetteer)."""
    gaz = load()
    out: dict[str, Entry] = {}
    row = 0
    while (entry := gaz.entry(row)).kind == "country":
        out[entry.country] = entry
        row += 1
    return out


@cache
def _region_rows() -> dict[str, Entry]:
    """Admin1 region rows by GeoNames admin1 code ('IQ.07'); they follow the country rows."""
    gaz = load()
    out: dict[str, Entry] = {}
    row = len(_country_rows())
    while (entry := gaz.entry(row)).kind == "admin1":
        out.setdefault(entry.admin1, entry)
        row += 1
    return out


def region_entry(code: str) -> Entry | None:
    """The gazetteer row of an admin1 region by its GeoNames code."""
    return _region_rows().get(code)


def country_place(iso3: str) -> Place | None:
    """A country-level place for an ISO alpha-3 code."""
    entry = _country_rows().get(iso3)
    return entry.place() if entry else None


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    """ISO alpha-3 code -> its land neighbours' codes, from a data file built from GeoNames."""
    return {row["country"]: frozenset(row["neighbours"].split(",")) for row in read_table("country_neighbours.tsv")}


def neighbours(iso3: str) -> frozenset[str]:
    """The countries a country shares a land border with."""
    return _neighbours().get(iso3, frozenset())
