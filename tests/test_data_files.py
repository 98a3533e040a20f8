"""Checks on the hand-kept actor dictionary and the generated place table (eventcoder/data)."""
from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "eventcoder" / "data"

ACTORS_HEADER = ["pattern", "name", "country", "sector", "wikidata", "kind"]
PLACES_HEADER = ["geonames_id", "kind", "country", "admin1", "lat", "lon", "population", "feature", "name"]
ADMIN1_HEADER = ["code", "country", "name", "ascii_name", "lat", "lon", "population"]
PLOVER_SPECIAL = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
SECTORS = set("COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL "
              "SOC NGO IGO".split())
ACTOR_KINDS = {"country", "demonym", "capital", "org", "force", "generic"}
PLACE_KINDS = {"country", "admin1", "city"}


def _read(name: str) -> list[list[str]]:
    # The loader (eventcoder.lexicon.read_table) reads these files with QUOTE_NONE; do the same.
    raw = (DATA / name).read_bytes()
    text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
    return list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def actors() -> list[list[str]]:
    return _read("actors.tsv")


@pytest.fixture(scope="module")
def places() -> list[list[str]]:
    # The generated gazetteer (tools/build_gazetteer.py): gzipped, tab-separated, no quoting.
    text = gzip.decompress((DATA / "gazetteer.tsv.gz").read_bytes()).decode("utf-8")
    return [line.split("\t") for line in text.splitlines()]


@pytest.fixture(scope="module")
def country_codes(places: list[list[str]]) -> set[str]:
    return {r[2] for r in places[1:] if r[1] == "country"}


def _actor_rows(actors: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(ACTORS_HEADER, r)) for r in actors[1:]]


def _place_rows(places: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(PLACES_HEADER, r)) for r in places[1:]]


def test_actors_header_and_width(actors: list[list[str]]) -> None:
    assert actors[0] == ACTORS_HEADER
    bad = [(i + 1, r) for i, r in enumerate(actors) if len(r) != len(ACTORS_HEADER)]
    assert not bad, bad[:5]
    assert len(actors) > 700


def test_places_header_and_width(places: list[list[str]]) -> None:
    assert places[0] == PLACES_HEADER
    bad = [(i + 1, r) for i, r in enumerate(places) if len(r) != len(PLACES_HEADER)]
    assert not bad, bad[:5]


def test_no_quotes_or_comment_lines() -> None:
    for name in ("actors.tsv", "people.tsv", "admin1.tsv", "gazetteer_supplement.tsv", "admin_units.tsv.gz"):
        text = "\n".join("\t".join(r) for r in _read(name)) if name.endswith(".gz") else \
            (DATA / name).read_text(encoding="utf-8")
        assert '"' not in text, name
        assert not any(line.startswith("#") for line in text.splitlines()), name
        assert not any(c.strip() != c for line in text.splitlines()[1:] for c in line.split("\t")[:1]), name


def shared_name_rows() -> dict[str, list[str]]:
    from eventcoder.lexicon import read_table
    return {row["name"]: row["countries"].split(",") for row in read_table("shared_names.tsv")}


def test_shared_names_list_valid_countries(country_codes: set[str]) -> None:
    for name, countries in shared_name_rows().items():
        assert countries and all(c in country_codes for c in countries), name


def test_actor_codes(actors: list[list[str]], country_codes: set[str]) -> None:
    valid = country_codes | PLOVER_SPECIAL
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in valid)
    for row in _actor_rows(actors):
        assert row["pattern"] and row["name"], row
        assert row["kind"] in ACTOR_KINDS, row
        if row["kind"] == "generic" or row["name"] in shared_name_rows():
            assert row["country"] == "", row  # a shared name ("Congress") takes the story's country
        else:
            assert row["country"] in valid, row
        assert row["sector"] == "" or row["sector"] in SECTORS, row
        if row["kind"] == "demonym":
            assert row["sector"] == "", row
        if row["kind"] in ("country", "capital"):
            assert row["sector"] == "GOV", row
        assert row["wikidata"] == "" or re.fullmatch(r"Q\d+", row["wikidata"]), row


def test_actor_rows_unique(actors: list[list[str]]) -> None:
    keys = [(r["pattern"], r["name"]) for r in _actor_rows(actors)]
    dupes = {k for k in keys if keys.count(k) > 1} if len(keys) != len(set(keys)) else set()
    assert not dupes


def test_actor_apostrophe_variants(actors: list[list[str]]) -> None:
    patterns = {r["pattern"] for r in _actor_rows(actors)}
    for p in patterns:
        if "'" in p:
            assert p.replace("'", "\u2019") in patterns, p
        if "\u2019" in p:
            assert p.replace("\u2019", "'") in patterns, p


def test_every_place_country_has_actor_rows(actors: list[list[str]], places: list[list[str]]) -> None:
    actor_countries = {r["country"] for r in _actor_rows(actors)}
    # UN members and the extra entities named in MANIFEST.md all have a country row in actors.tsv.
    for code in ("USA", "GBR", "IRQ", "IRN", "SYR", "ISR", "PSE", "XKX", "TWN", "HKG", "ESH", "COD", "COG", "SSD"):
        assert code in actor_countries, code
    countries = [r for r in _actor_rows(actors) if r["kind"] == "country"]
    assert len({r["country"] for r in countries}) >= 199


def test_specific_actor_rows(actors: list[list[str]]) -> None:
    by_pattern = {r["pattern"]: r for r in _actor_rows(actors)}
    kh = by_pattern["Kataeb Hezbollah"]
    assert (kh["country"], kh["sector"], kh["kind"]) == ("IRQ", "PRM", "org")
    for variant in ("Kata'ib Hizballah", "Kata\u2019ib Hizballah", "Kataib Hezbollah", "Kata'ib Hezbollah"):
        assert by_pattern[variant]["name"] == kh["name"]
    wa = by_pattern["Washington"]
    assert (wa["kind"], wa["country"], wa["sector"]) == ("capital", "USA", "GOV")
    assert (by_pattern["Iraqi"]["kind"], by_pattern["Iraqi"]["country"]) == ("demonym", "IRQ")
    assert (by_pattern["Pentagon"]["country"], by_pattern["Pentagon"]["sector"]) == ("USA", "MIL")
    assert by_pattern["Hezbollah"]["country"] == "LBN"
    assert by_pattern["Houthis"]["country"] == "YEM"
    assert by_pattern["IRGC"]["country"] == "IRN"
    assert (by_pattern["police"]["country"], by_pattern["police"]["sector"]) == ("", "COP")
    assert by_pattern["United Nations"]["country"] == "UNO"
    assert by_pattern["Islamic State"]["country"] == "IMG"


def test_place_values(places: list[list[str]], country_codes: set[str]) -> None:
    seen = set()
    for row in _place_rows(places):
        assert row["name"], row
        assert row["kind"] in PLACE_KINDS, row
        assert row["country"] in country_codes, row
        assert -90 <= float(row["lat"]) <= 90, row
        assert -180 <= float(row["lon"]) <= 180, row
        assert row["geonames_id"] == "" or row["geonames_id"].isdigit(), row
        assert row["population"] == "" or row["population"].isdigit(), row
        if row["kind"] == "admin1":
            assert re.fullmatch(r"[A-Z]{2}\.\w+", row["admin1"]), row
        key = (row["name"], row["kind"], row["country"], row["geonames_id"], row["admin1"])
        assert key not in seen, row
        seen.add(key)
    assert len(country_codes) >= 240


def test_admin1_table() -> None:
    rows = _read("admin1.tsv")
    assert rows[0] == ADMIN1_HEADER
    assert all(len(r) == len(ADMIN1_HEADER) for r in rows)
    names = {r[0]: r[3] for r in rows[1:]}
    assert names["IQ.07"] == "Baghdad" and names["SY.12"] == "Idlib" and names["KE.05"] == "Nairobi County"
    assert len(names) > 3000


def test_places_file_size() -> None:
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.name.startswith(("gazetteer", "admin")))
    assert total < 60_000_000


def test_specific_place_rows(places: list[list[str]]) -> None:
    from eventcoder import gazetteer

    rows = _place_rows(places)
    baghdad = [r for r in rows if r["name"] == "Baghdad" and r["kind"] == "city" and r["country"] == "IRQ"]
    assert baghdad
    assert abs(float(baghdad[0]["lat"]) - 33.34) < 0.05
    assert abs(float(baghdad[0]["lon"]) - 44.40) < 0.05
    jordan = [r for r in rows if r["name"] == "Jordan" and r["kind"] == "country"]
    assert len(jordan) == 1 and jordan[0]["country"] == "JOR"
    gaz = gazetteer.load()
    sites = {e.name: e for key in ("tower 22", "al tanf", "ain al asad", "jurf al sakhar") for e in gaz.candidates(key)
             if e.kind == "site"}
    assert sites["Tower 22"].country == "JOR"
    assert sites["Al-Tanf"].country == "SYR"
    assert sites["Ain al-Asad"].country == "IRQ"
    assert sites["Jurf al-Sakhar"].country == "IRQ"
    assert any(e.name == "Kyiv" and e.country == "UKR" for e in gaz.candidates("kiev"))


def test_admin_units_rows() -> None:
    # tools/import_admin_units.py: Kenyan constituencies and wards, and GeoNames' second-level divisions, each
    # in a known admin1 region, none a name GeoNames already places in its country
    from eventcoder import gazetteer

    rows = _read("admin_units.tsv.gz")
    assert rows[0] == gazetteer.ADMIN_UNITS_HEADER
    assert all(len(r) == len(rows[0]) for r in rows) and len(rows) > 10_000
    units = [dict(zip(rows[0], r)) for r in rows[1:]]
    regions = {r[0]: r[1] for r in _read("admin1.tsv")[1:]}
    assert all(regions.get(u["admin1"]) == u["country"] and u["feature"] in ("ADM2", "ADM3", "ADM2R") for u in units)
    kenya = {u["name"]: u for u in units if u["kind"] == "city"}
    assert {u["country"] for u in kenya.values()} == {"KEN"}
    assert -4.2 < float(kenya["Likoni"]["lat"]) < -4.0 and kenya["Likoni"]["admin1"] == "KE.37"
    assert kenya["Kayole"]["parent"] == "Embakasi Central" and kenya["Kayole"]["admin1"] == "KE.05"
    for left_out in ("Isiolo South", "Pokot", "London", "Airport", "Mombasa"):
        assert left_out not in kenya, left_out
    districts = {(u["name"], u["country"]): u for u in units if u["kind"] == "district"}
    # Yagha (Burkina Faso) at its seat Sebba, the one town of cities500 in it
    assert (districts["Yagha", "BFA"]["admin1"], districts["Yagha", "BFA"]["lat"]) == ("BF.12", "13.4364")
    assert ("Lubero", "COD") not in districts  # the town of that name stands for it
    # Sholgara (Balkh) has no town of cities500: it takes its region's point and says so
    assert districts["Sholgara", "AFG"]["feature"] == "ADM2R" and districts["Sholgara", "AFG"]["admin1"] == "AF.30"
    assert all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for name, _ in districts for c in name)


PEOPLE_HEADER = ["pattern", "name", "country", "sector", "wikidata", "kind", "start_year", "end_year"]


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    rows = _read("people.tsv")
    assert rows[0] == PEOPLE_HEADER
    bad = [(i + 1, r) for i, r in enumerate(rows) if len(r) != len(PEOPLE_HEADER)]
    assert not bad, bad[:5]
    return [dict(zip(PEOPLE_HEADER, r)) for r in rows[1:]]


def test_people_values(people: list[dict[str, str]], country_codes: set[str]) -> None:
    valid = country_codes | PLOVER_SPECIAL
    assert len(people) > 1000
    for row in people:
        assert row["pattern"] and row["name"], row
        assert row["kind"] in ("person", "surname"), row
        assert row["country"] in valid, row
        assert row["sector"] in SECTORS, row
        assert row["wikidata"] == "" or re.fullmatch(r"Q\d+", row["wikidata"]), row
        assert re.fullmatch(r"1[89]\d\d|20[0-2]\d", row["start_year"]), row
        assert row["end_year"] == "" or row["start_year"] <= row["end_year"] <= "2025", row


def test_people_patterns(people: list[dict[str, str]], actors: list[list[str]]) -> None:
    kinds: dict[str, set[str]] = {}
    for row in people:
        kinds.setdefault(row["pattern"], set()).add(row["kind"])
    assert not [p for p, k in kinds.items() if len(k) > 1]  # a pattern is either given to the ruler or not
    assert not set(kinds) & {r["pattern"] for r in _actor_rows(actors)}  # no name shadows an actor row
    keys = [(r["pattern"], r["name"], r["country"], r["start_year"]) for r in people]
    assert len(keys) == len(set(keys))
    for p in kinds:
        if "'" in p:
            assert p.replace("'", "\u2019") in kinds, p
        if "\u2019" in p:
            assert p.replace("\u2019", "'") in kinds, p
    # every full name is itself a pattern of its person
    assert {r["name"] for r in people} <= set(kinds)


def test_specific_people_rows(people: list[dict[str, str]]) -> None:
    def rows(pattern: str) -> list[tuple[str, str, str, str, str, str]]:
        return [(r["name"], r["country"], r["sector"], r["kind"], r["start_year"], r["end_year"])
                for r in people if r["pattern"] == pattern]
    assert rows("Obama") == [("Barack Obama", "USA", "GOV", "person", "2009", "2017")]
    assert rows("Ban Ki-moon") == [("Ban Ki-moon", "UNO", "IGO", "person", "2007", "2016")]
    assert rows("Erdogan") == [("Recep Tayyip Erdoğan", "TUR", "GOV", "person", "2003", "")]
    assert rows("Nasrallah") == [("Hassan Nasrallah", "LBN", "PRM", "person", "1992", "2024")]
    assert [r[1] for r in rows("Bush")] == ["USA", "USA"]
    assert {r[1] for r in rows("Lee")} == {"TWN", "KOR", "SGP"}
    assert {r[3] for r in rows("Khan")} == set()  # too common: only full names ("Imran Khan")
    assert rows("Abbas")[0][3] == "surname"


# The PLOVER manual v2.0 modes by event type, and the variants of the NGEC codebook and the gold standard records
# that v2.0 lacks and no v2.0 mode covers.
PLOVER_V2_MODES = {
    "CONSULT": "visit third-party multilateral phone", "RETREAT": "withdraw release disarm ceasefire access resign",
    "REQUEST": "assist change yield meet", "REJECT": "assist change yield meet",
    "ACCUSE": "disapprove investigate allege", "THREATEN": "restrict arrest relations expel territory violence",
    "PROTEST": "demo riot strike hunger boycott obstruct vandalize", "SANCTION": "convict expel withdraw discontinue",
    "MOBILIZE": "troops weapons police militia",
    "COERCE": "seize restrict censor curfew martial-law arrest deport withhold misinformation cyber destroy",
    "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives suicide-attack aerial drone "
               "heavy-weapons crowd-control unconventional massacre",
}


def test_every_mode_we_export_is_a_plover_mode() -> None:
    from eventcoder.lexicon import plover_mode, read_table
    exported = {(row["event_type"], plover_mode(row["event_type"], row["mode"])) for row in read_table("triggers.tsv")
                if row["mode"] not in ("", "-")}
    exported |= {("ASSAULT", plover_mode("ASSAULT", row["mode"])) for row in read_table("weapons.tsv")}
    stray = sorted((kind, mode) for kind, mode in exported
                   if kind in PLOVER_V2_MODES and mode not in PLOVER_V2_MODES[kind].split())
    assert stray == []
